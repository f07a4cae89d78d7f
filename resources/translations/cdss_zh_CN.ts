<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>Errors</name>
    <message>
        <location filename="../../cdss/ui/errors.py" line="35" />
        <source>CDSS Desk</source>
        <translation>CDSS 临床助手</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/errors.py" line="49" />
        <source>CDSS Desk ran into a problem</source>
        <translation>CDSS 临床助手遇到问题</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/errors.py" line="52" />
        <source>Something went wrong inside CDSS Desk. Your saved data is safe: every change is committed before it is shown. Please send the log file to support.</source>
        <translation>CDSS 临床助手内部出现错误。已保存的数据是安全的：每项修改在显示前都已提交。请将日志文件发送给技术支持。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/errors.py" line="59" />
        <source>Log file: {path}</source>
        <translation>日志文件：{path}</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/errors.py" line="58" />
        <source>(not available)</source>
        <translation>（不可用）</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/errors.py" line="68" />
        <source>Open log folder</source>
        <translation>打开日志文件夹</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../cdss/ui/main_window.py" line="140" />
        <source>About CDSS Desk</source>
        <translation>关于 CDSS 临床助手</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/main_window.py" line="141" />
        <source>CDSS Desk {version}
Clinical decision support for doctors: records, drugs, literature and case exchange, offline first.

Decision support does not replace clinical judgement.</source>
        <translation>CDSS 临床助手 {version}
面向医生的临床决策支持：病历、药物、文献与病例交流，离线优先。

决策支持不能替代临床判断。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/main_window.py" line="147" />
        <source>CDSS Desk</source>
        <translation>CDSS 临床助手</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/main_window.py" line="151" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/main_window.py" line="152" />
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/main_window.py" line="153" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/main_window.py" line="154" />
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/main_window.py" line="155" />
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/main_window.py" line="156" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/main_window.py" line="157" />
        <source>&amp;About CDSS Desk</source>
        <translation>关于 CDSS 临床助手(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/main_window.py" line="158" />
        <source>Workspace: {path}</source>
        <translation>工作区：{path}</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/main_window.py" line="167" />
        <source>Working… ({count})</source>
        <translation>处理中…（{count}）</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/main_window.py" line="167" />
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
</context>
<context>
    <name>Rooms</name>
    <message>
        <location filename="../../cdss/ui/rooms.py" line="28" />
        <location filename="../../cdss/ui/rooms.py" line="69" />
        <source>Records</source>
        <translation>病历</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/rooms.py" line="29" />
        <source>Your patients and their case timelines will be here: complaints, history, examinations, tests, diagnoses with ICD-10, treatment, photos, labs with trend charts, and follow-up reminders. Import from CSV/Excel or FHIR, export any case to PDF.</source>
        <translation>这里将显示您的患者及其病例时间线：主诉、病史、体格检查、辅助检查、ICD-10 诊断、治疗、照片、检验结果趋势图和随访提醒。可从 CSV/Excel 或 FHIR 导入，并将任一病例导出为 PDF。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/rooms.py" line="39" />
        <location filename="../../cdss/ui/rooms.py" line="70" />
        <source>Drugs</source>
        <translation>药物</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/rooms.py" line="40" />
        <source>A bilingual drug dictionary with pinyin and fuzzy search, and a patient-aware safety checker: interactions with severity and source, allergy cross-reactivity, duplicate therapy, QT and bleeding burden, renal dosing from the patient's own labs, pregnancy and lactation.</source>
        <translation>中英双语药物词典，支持拼音和模糊检索；结合患者情况的用药安全审查：相互作用（含严重程度与来源）、过敏交叉反应、重复用药、QT 与出血风险叠加、依据患者自身检验结果的肾功能剂量调整、妊娠与哺乳。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/rooms.py" line="50" />
        <location filename="../../cdss/ui/rooms.py" line="71" />
        <source>Literature</source>
        <translation>文献</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/rooms.py" line="51" />
        <source>Your personal paper library will be here, searchable in Chinese and English: import PubMed, MEDLINE, RIS, BibTeX and PDF files, filter by year and journal, and link papers to your cases.</source>
        <translation>这里将是您的个人文献库，支持中英文检索：导入 PubMed、MEDLINE、RIS、BibTeX 和 PDF 文件，按年份和期刊筛选，并将文献关联到病例。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/rooms.py" line="60" />
        <location filename="../../cdss/ui/rooms.py" line="72" />
        <source>Exchange</source>
        <translation>病例交流</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/rooms.py" line="61" />
        <source>Share de-identified cases with colleagues and discuss theirs. Nothing leaves this computer unless you share it, and only after identifiers are removed and the patient's consent is recorded.</source>
        <translation>与同行分享去标识化病例并参与讨论。除非您主动分享，任何数据都不会离开本机；分享前会去除身份标识并记录患者知情同意。</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../cdss/ui/settings_dialog.py" line="113" />
        <location filename="../../cdss/ui/settings_dialog.py" line="115" />
        <source>Restore a backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/settings_dialog.py" line="113" />
        <source>Choose a backup in the list first.</source>
        <translation>请先在列表中选择一个备份。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/settings_dialog.py" line="116" />
        <source>Replace the current data with the backup from {when}? The current state is backed up first, so this can be undone.</source>
        <translation>用 {when} 的备份替换当前数据？当前状态会先行备份，因此此操作可以撤销。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/settings_dialog.py" line="123" />
        <source>daily</source>
        <translation>每日</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/settings_dialog.py" line="124" />
        <source>manual</source>
        <translation>手动</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/settings_dialog.py" line="125" />
        <source>before upgrade</source>
        <translation>升级前</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/settings_dialog.py" line="126" />
        <source>before restore</source>
        <translation>恢复前</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/settings_dialog.py" line="131" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/settings_dialog.py" line="132" />
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/settings_dialog.py" line="133" />
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/settings_dialog.py" line="134" />
        <source>Workspace folder</source>
        <translation>工作区文件夹</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/settings_dialog.py" line="135" />
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/settings_dialog.py" line="136" />
        <source>The database is backed up once a day on start and before every upgrade; the newest ten backups are kept.</source>
        <translation>数据库每天启动时及每次升级前自动备份，保留最近十份备份。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/settings_dialog.py" line="138" />
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/settings_dialog.py" line="139" />
        <source>Restore selected…</source>
        <translation>恢复所选备份…</translation>
    </message>
</context>
<context>
    <name>TaskProgressDialog</name>
    <message>
        <location filename="../../cdss/ui/progress_dialog.py" line="24" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>UserErrors</name>
    <message>
        <location filename="../../cdss/ui/error_texts.py" line="15" />
        <source>The workspace path {path} is a file, not a folder.</source>
        <translation>工作区路径 {path} 是一个文件，而不是文件夹。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/error_texts.py" line="16" />
        <source>Cannot create the workspace at {path}. Check that the folder is writable.</source>
        <translation>无法在 {path} 创建工作区。请检查该文件夹是否可写。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/error_texts.py" line="18" />
        <source>The workspace database {path} cannot be read. Restore a backup from the backups folder.</source>
        <translation>无法读取工作区数据库 {path}。请从备份文件夹恢复一个备份。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/error_texts.py" line="20" />
        <source>This workspace was written by a newer version of CDSS Desk. Update the app to open it.</source>
        <translation>此工作区由更新版本的 CDSS 临床助手创建。请升级应用后再打开。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/error_texts.py" line="22" />
        <source>The backup {name} is not a readable database.</source>
        <translation>备份 {name} 不是可读取的数据库。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/error_texts.py" line="23" />
        <source>The backup {name} failed its integrity check.</source>
        <translation>备份 {name} 未通过完整性检查。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/error_texts.py" line="24" />
        <source>No backup file at {path}.</source>
        <translation>{path} 处没有备份文件。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/error_texts.py" line="25" />
        <source>Could not write {path}.</source>
        <translation>无法写入 {path}。</translation>
    </message>
</context>
</TS>