<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AlertCard</name>
    <message>
        <location filename="../../cdss/ui/drugs/alert_cards.py" line="71"/>
        <source>{severity} · interruptive</source>
        <translation>{severity} · 需中断确认</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/alert_cards.py" line="81"/>
        <source>Mechanism</source>
        <translation>机制</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/alert_cards.py" line="81"/>
        <source>Clinical effect</source>
        <translation>临床后果</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/alert_cards.py" line="82"/>
        <source>Management</source>
        <translation>处理建议</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/alert_cards.py" line="82"/>
        <source>Evidence</source>
        <translation>证据等级</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/alert_cards.py" line="84"/>
        <source>not available</source>
        <translation>暂无资料</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/alert_cards.py" line="88"/>
        <source>not stated</source>
        <translation>未注明</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/alert_cards.py" line="89"/>
        <source>Sources</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/alert_cards.py" line="96"/>
        <source>Sources disagree on severity.</source>
        <translation>各来源对严重程度的评级不一致。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/alert_cards.py" line="97"/>
        <source>Ratings by source</source>
        <translation>各来源评级</translation>
    </message>
</context>
<context>
    <name>ContextPanel</name>
    <message>
        <location filename="../../cdss/ui/drugs/context_panel.py" line="123"/>
        <source>CrCl (Cockcroft-Gault) {value:.0f} mL/min</source>
        <extracomment>(CrCl mL/min or None, eGFR mL/min/1.73m² or None) from the context values.</extracomment>
        <translation>肌酐清除率（Cockcroft-Gault）{value:.0f} mL/min</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/context_panel.py" line="125"/>
        <source>eGFR (CKD-EPI 2021) {value:.0f} mL/min/1.73 m²</source>
        <translation>eGFR（CKD-EPI 2021）{value:.0f} mL/min/1.73 m²</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/context_panel.py" line="127"/>
        <source>Enter age, sex, weight and creatinine to see CrCl and eGFR.</source>
        <translation>填写年龄、性别、体重和血肌酐后显示肌酐清除率和 eGFR。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/context_panel.py" line="130"/>
        <source>Patient context (optional)</source>
        <translation>患者信息（可选）</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/context_panel.py" line="131"/>
        <source>Age (years)</source>
        <translation>年龄（岁）</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/context_panel.py" line="131"/>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/context_panel.py" line="131"/>
        <source>Weight (kg)</source>
        <translation>体重（kg）</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/context_panel.py" line="131"/>
        <source>Height (cm)</source>
        <translation>身高（cm）</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/context_panel.py" line="132"/>
        <source>Serum creatinine</source>
        <translation>血肌酐</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/context_panel.py" line="132"/>
        <source>Pregnant</source>
        <translation>妊娠</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/context_panel.py" line="132"/>
        <source>Breastfeeding</source>
        <translation>哺乳期</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/context_panel.py" line="132"/>
        <source>Allergies</source>
        <translation>过敏史</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/context_panel.py" line="133"/>
        <source>QTc (ms)</source>
        <translation>QTc（ms）</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/context_panel.py" line="133"/>
        <source>Potassium (mmol/L)</source>
        <translation>血钾（mmol/L）</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/context_panel.py" line="140"/>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/context_panel.py" line="141"/>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/context_panel.py" line="144"/>
        <source>e.g. penicillin, sulfonamides</source>
        <translation>例如：青霉素, 磺胺类</translation>
    </message>
</context>
<context>
    <name>DrugLabels</name>
    <message>
        <location filename="../../cdss/ui/drugs/labels.py" line="10"/>
        <source>Contraindicated</source>
        <translation>禁忌</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/labels.py" line="11"/>
        <source>Major</source>
        <translation>严重</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/labels.py" line="12"/>
        <source>Moderate</source>
        <translation>中度</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/labels.py" line="13"/>
        <source>Minor</source>
        <translation>轻微</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/labels.py" line="14"/>
        <source>Unrated</source>
        <translation>未分级</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/labels.py" line="18"/>
        <source>Interaction</source>
        <translation>相互作用</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/labels.py" line="19"/>
        <source>Allergy</source>
        <translation>过敏</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/labels.py" line="20"/>
        <source>Duplicate therapy</source>
        <translation>重复用药</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/labels.py" line="21"/>
        <source>Renal dosing</source>
        <translation>肾功能剂量</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/labels.py" line="22"/>
        <source>Hepatic</source>
        <translation>肝功能</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/labels.py" line="23"/>
        <source>Pregnancy</source>
        <translation>妊娠</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/labels.py" line="24"/>
        <source>Lactation</source>
        <translation>哺乳</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/labels.py" line="25"/>
        <source>QT prolongation</source>
        <translation>QT 间期延长</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/labels.py" line="26"/>
        <source>Serotonergic load</source>
        <translation>5-羟色胺能叠加</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/labels.py" line="27"/>
        <source>Bleeding risk</source>
        <translation>出血风险</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/labels.py" line="28"/>
        <source>CNS depression</source>
        <translation>中枢抑制</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/labels.py" line="29"/>
        <source>Hyperkalaemia</source>
        <translation>高钾血症</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/labels.py" line="30"/>
        <source>Anticholinergic burden</source>
        <translation>抗胆碱能负荷</translation>
    </message>
</context>
<context>
    <name>DrugsPage</name>
    <message>
        <location filename="../../cdss/ui/drugs/page.py" line="113"/>
        <source>matched: {text}</source>
        <translation>匹配：{text}</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/page.py" line="128"/>
        <source>not available</source>
        <translation>暂无资料</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/page.py" line="134"/>
        <source>Source: {source}</source>
        <translation>来源：{source}</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/page.py" line="165"/>
        <source>Alerts appear here when the regimen has drugs.</source>
        <translation>方案中加入药物后，警示将显示在这里。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/page.py" line="167"/>
        <source>No alerts for this regimen and context.</source>
        <translation>该方案及患者信息下无警示。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/page.py" line="169"/>
        <source>{count} alerts, most severe first</source>
        <translation>{count} 条警示，按严重程度排序</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/page.py" line="175"/>
        <source>Loading the drug dictionary…</source>
        <translation>正在加载药物词典…</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/page.py" line="177"/>
        <source>Search: 华法林, huafalin, hfl, warfarin, Plavix…</source>
        <translation>搜索：华法林、huafalin、hfl、warfarin、波立维…</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/page.py" line="182"/>
        <source>Choose a drug to read its monograph. Every section names its source; a section that is not known is marked as not available.</source>
        <translation>选择一个药物查看其说明。每一部分都注明来源；未知的部分标为“暂无资料”。</translation>
    </message>
</context>
<context>
    <name>DueFollowUpsDialog</name>
    <message>
        <location filename="../../cdss/ui/records/due_panel.py" line="73"/>
        <source>due today</source>
        <translation>今天到期</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/due_panel.py" line="75"/>
        <source>1 day overdue</source>
        <translation>逾期 1 天</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/due_panel.py" line="77"/>
        <source>{days} days overdue</source>
        <translation>逾期 {days} 天</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/due_panel.py" line="112"/>
        <source>Due today or overdue: {count}</source>
        <translation>今天到期或已逾期：{count}</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/due_panel.py" line="114"/>
        <source>Nothing is due. Follow-ups appear here on their due date.</source>
        <translation>暂无到期随访。随访会在到期当天出现在这里。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/due_panel.py" line="117"/>
        <source>Due follow-ups</source>
        <translation>到期随访</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/due_panel.py" line="118"/>
        <source>Mark done</source>
        <translation>标记为已完成</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/due_panel.py" line="119"/>
        <source>Open patient</source>
        <translation>打开患者</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../cdss/ui/errors.py" line="35"/>
        <source>CDSS Desk</source>
        <translation>CDSS 临床助手</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/errors.py" line="49"/>
        <source>CDSS Desk ran into a problem</source>
        <translation>CDSS 临床助手遇到问题</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/errors.py" line="52"/>
        <source>Something went wrong inside CDSS Desk. Your saved data is safe: every change is committed before it is shown. Please send the log file to support.</source>
        <translation>CDSS 临床助手内部出现错误。已保存的数据是安全的：每项修改在显示前都已提交。请将日志文件发送给技术支持。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/errors.py" line="59"/>
        <source>Log file: {path}</source>
        <translation>日志文件：{path}</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/errors.py" line="58"/>
        <source>(not available)</source>
        <translation>（不可用）</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/errors.py" line="68"/>
        <source>Open log folder</source>
        <translation>打开日志文件夹</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../cdss/ui/records/import_dialog.py" line="131"/>
        <location filename="../../cdss/ui/records/import_dialog.py" line="288"/>
        <source>Import patients</source>
        <translation>导入患者</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_dialog.py" line="132"/>
        <source>Patient files (*.json *.ndjson *.csv *.txt *.xlsx);;All files (*)</source>
        <translation>患者文件 (*.json *.ndjson *.csv *.txt *.xlsx);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_dialog.py" line="144"/>
        <source>{name}: {message}</source>
        <translation>{name}：{message}</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_dialog.py" line="153"/>
        <source>{name}: a table — choose it again after this one to map its columns.</source>
        <translation>{name}：表格文件——完成当前文件后请再次选择它以映射列。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_dialog.py" line="196"/>
        <source>Checking every row…</source>
        <translation>正在检查每一行…</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_dialog.py" line="220"/>
        <source>{ok} of {total} rows OK ({patients} patients); {bad} rows with problems.</source>
        <translation>{total} 行中 {ok} 行无误（{patients} 位患者）；{bad} 行有问题。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_dialog.py" line="224"/>
        <source>… and {count} more.</source>
        <translation>……另有 {count} 条。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_dialog.py" line="226"/>
        <source>Ready to import.</source>
        <translation>可以导入。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_dialog.py" line="237"/>
        <source>(ignore)</source>
        <translation>（忽略）</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_dialog.py" line="266"/>
        <source>{name}: {added} patients imported, {skipped} skipped (already present).</source>
        <translation>{name}：已导入 {added} 位患者，跳过 {skipped} 位（已存在）。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_dialog.py" line="273"/>
        <source>{name}: nothing imported. {message}</source>
        <translation>{name}：未导入任何内容。{message}</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_dialog.py" line="284"/>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_dialog.py" line="289"/>
        <source>Choose files…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_dialog.py" line="291"/>
        <source>FHIR files are imported at once; CSV and Excel tables are checked first.</source>
        <translation>FHIR 文件会直接导入；CSV 和 Excel 表格会先检查。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_dialog.py" line="292"/>
        <source>Column in the file</source>
        <translation>文件中的列</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_dialog.py" line="292"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_dialog.py" line="293"/>
        <source>Column mapping</source>
        <translation>列映射</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_dialog.py" line="294"/>
        <source>Check (nothing is stored yet)</source>
        <translation>检查结果（尚未保存任何内容）</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_dialog.py" line="295"/>
        <source>Imported</source>
        <translation>导入记录</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_dialog.py" line="296"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
</context>
<context>
    <name>ImportFields</name>
    <message>
        <location filename="../../cdss/ui/records/import_dialog.py" line="36"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_dialog.py" line="37"/>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_dialog.py" line="38"/>
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_dialog.py" line="39"/>
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_dialog.py" line="40"/>
        <source>ID card number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_dialog.py" line="41"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_dialog.py" line="42"/>
        <source>Address</source>
        <translation>住址</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_dialog.py" line="43"/>
        <source>Email</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_dialog.py" line="44"/>
        <source>Visit date</source>
        <translation>就诊日期</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_dialog.py" line="45"/>
        <source>Case title</source>
        <translation>病例标题</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_dialog.py" line="46"/>
        <source>Chief complaint</source>
        <translation>主诉</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_dialog.py" line="47"/>
        <source>Diagnosis</source>
        <translation>诊断</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_dialog.py" line="48"/>
        <source>ICD-10 code</source>
        <translation>ICD-10 编码</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_dialog.py" line="49"/>
        <source>Allergies</source>
        <translation>过敏史</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_dialog.py" line="50"/>
        <source>Medications</source>
        <translation>用药</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_dialog.py" line="51"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_dialog.py" line="52"/>
        <source>Inpatient number</source>
        <translation>住院号</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_dialog.py" line="53"/>
        <source>Outpatient number</source>
        <translation>门诊号</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_dialog.py" line="54"/>
        <source>Medical record number</source>
        <translation>病案号</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_dialog.py" line="55"/>
        <source>Insurance number</source>
        <translation>医保号</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_dialog.py" line="56"/>
        <source>Lab test name</source>
        <translation>检验项目</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_dialog.py" line="57"/>
        <source>Lab value</source>
        <translation>检验结果</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_dialog.py" line="58"/>
        <source>Lab unit</source>
        <translation>检验单位</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_dialog.py" line="59"/>
        <source>Lab reference range</source>
        <translation>参考范围</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_dialog.py" line="60"/>
        <source>Lab date</source>
        <translation>检验日期</translation>
    </message>
</context>
<context>
    <name>LabsPanel</name>
    <message>
        <location filename="../../cdss/ui/records/labs_panel.py" line="138"/>
        <source>Out of range</source>
        <translation>超出参考范围</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/labs_panel.py" line="172"/>
        <location filename="../../cdss/ui/records/labs_panel.py" line="179"/>
        <source>Reference range</source>
        <translation>参考范围</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/labs_panel.py" line="178"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/labs_panel.py" line="178"/>
        <source>Test</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/labs_panel.py" line="178"/>
        <source>Value</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/labs_panel.py" line="178"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/labs_panel.py" line="179"/>
        <source>Flag</source>
        <translation>标记</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/labs_panel.py" line="180"/>
        <source>Trend of:</source>
        <translation>趋势：</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/labs_panel.py" line="181"/>
        <source>No lab results for this patient yet.</source>
        <translation>该患者暂无检验结果。</translation>
    </message>
</context>
<context>
    <name>LiteraturePage</name>
    <message>
        <location filename="../../cdss/ui/literature/page.py" line="132"/>
        <source>{count} papers in the library</source>
        <translation>文献库共 {count} 篇</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/literature/page.py" line="134"/>
        <source>Type words in Chinese or English to search titles, abstracts, authors, journals and MeSH terms, or import PubMed, MEDLINE, RIS, BibTeX, CSL-JSON or PDF files.</source>
        <translation>输入中文或英文词语，检索标题、摘要、作者、期刊和 MeSH 主题词；也可导入 PubMed、MEDLINE、RIS、BibTeX、CSL-JSON 或 PDF 文件。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/literature/page.py" line="167"/>
        <source>{count} papers</source>
        <translation>{count} 篇</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/literature/page.py" line="173"/>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/literature/page.py" line="173"/>
        <source>Journal</source>
        <translation>期刊</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/literature/page.py" line="173"/>
        <source>Publication type</source>
        <translation>文献类型</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/literature/page.py" line="174"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/literature/page.py" line="216"/>
        <source>Import references</source>
        <translation>导入文献</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/literature/page.py" line="217"/>
        <source>References (*.xml *.nbib *.txt *.ris *.bib *.json *.pdf);;All files (*)</source>
        <translation>文献 (*.xml *.nbib *.txt *.ris *.bib *.json *.pdf);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/literature/page.py" line="225"/>
        <source>Importing references…</source>
        <translation>正在导入文献…</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/literature/page.py" line="230"/>
        <source>Added {added}, merged as duplicates {dup}, refused {bad} files.</source>
        <translation>新增 {added} 篇，合并重复 {dup} 篇，拒绝 {bad} 个文件。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/literature/page.py" line="234"/>
        <source>Import finished</source>
        <translation>导入完成</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/literature/page.py" line="243"/>
        <source>Search papers: words, &quot;phrases&quot;, title:, author:, journal:, mesh:, year:2015-2020</source>
        <translation>检索文献：词语、&quot;短语&quot;、title:、author:、journal:、mesh:、year:2015-2020</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/literature/page.py" line="244"/>
        <source>Opening the library…</source>
        <translation>正在打开文献库…</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/literature/page.py" line="248"/>
        <source>Relevance</source>
        <translation>相关度</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/literature/page.py" line="249"/>
        <source>Newest first</source>
        <translation>最新优先</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/literature/page.py" line="252"/>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
</context>
<context>
    <name>LiteratureResults</name>
    <message>
        <location filename="../../cdss/ui/literature/results_html.py" line="18"/>
        <source>Did you mean</source>
        <translation>您是不是要找</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/literature/results_html.py" line="24"/>
        <source>No papers match. Try fewer words or another spelling.</source>
        <translation>没有匹配的文献。请减少词语或换一种拼写。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/literature/results_html.py" line="43"/>
        <source>Authors</source>
        <translation>作者</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/literature/results_html.py" line="44"/>
        <source>Journal</source>
        <translation>期刊</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/literature/results_html.py" line="45"/>
        <source>Abstract</source>
        <translation>摘要</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/literature/results_html.py" line="46"/>
        <source>Keywords</source>
        <translation>关键词</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/literature/results_html.py" line="47"/>
        <source>MeSH</source>
        <translation>MeSH 主题词</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/literature/results_html.py" line="48"/>
        <source>More like this</source>
        <translation>相似文献</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/literature/results_html.py" line="49"/>
        <source>No abstract in the imported record.</source>
        <translation>导入的记录中没有摘要。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../cdss/ui/main_window.py" line="140"/>
        <source>About CDSS Desk</source>
        <translation>关于 CDSS 临床助手</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/main_window.py" line="141"/>
        <source>CDSS Desk {version}
Clinical decision support for doctors: records, drugs, literature and case exchange, offline first.

Decision support does not replace clinical judgement.</source>
        <translation>CDSS 临床助手 {version}
面向医生的临床决策支持：病历、药物、文献与病例交流，离线优先。

决策支持不能替代临床判断。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/main_window.py" line="147"/>
        <source>CDSS Desk</source>
        <translation>CDSS 临床助手</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/main_window.py" line="151"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/main_window.py" line="152"/>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/main_window.py" line="153"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/main_window.py" line="154"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/main_window.py" line="155"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/main_window.py" line="156"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/main_window.py" line="157"/>
        <source>&amp;About CDSS Desk</source>
        <translation>关于 CDSS 临床助手(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/main_window.py" line="158"/>
        <source>Workspace: {path}</source>
        <translation>工作区：{path}</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/main_window.py" line="167"/>
        <source>Working… ({count})</source>
        <translation>处理中…（{count}）</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/main_window.py" line="167"/>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
</context>
<context>
    <name>Monograph</name>
    <message>
        <location filename="../../cdss/ui/drugs/backend.py" line="21"/>
        <source>Indications</source>
        <translation>适应证</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/backend.py" line="22"/>
        <source>Usual adult dose</source>
        <translation>成人常用剂量</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/backend.py" line="23"/>
        <source>Renal adjustment</source>
        <translation>肾功能不全时调整</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/backend.py" line="24"/>
        <source>Hepatic adjustment</source>
        <translation>肝功能不全时调整</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/backend.py" line="25"/>
        <source>Contraindications</source>
        <translation>禁忌证</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/backend.py" line="26"/>
        <source>Pregnancy</source>
        <translation>妊娠</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/backend.py" line="27"/>
        <source>Lactation</source>
        <translation>哺乳</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/backend.py" line="28"/>
        <source>Key adverse effects</source>
        <translation>主要不良反应</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/backend.py" line="29"/>
        <source>Monitoring</source>
        <translation>监测</translation>
    </message>
</context>
<context>
    <name>NewPatientDialog</name>
    <message>
        <location filename="../../cdss/ui/records/new_patient_dialog.py" line="35"/>
        <source>New patient</source>
        <translation>新建患者</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/new_patient_dialog.py" line="40"/>
        <source>Not recorded</source>
        <translation>未记录</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/new_patient_dialog.py" line="40"/>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/new_patient_dialog.py" line="41"/>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/new_patient_dialog.py" line="41"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/new_patient_dialog.py" line="43"/>
        <source>Birth date known</source>
        <translation>出生日期已知</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/new_patient_dialog.py" line="52"/>
        <source>e.g. chest pain, 社区获得性肺炎</source>
        <translation>例如：胸痛、社区获得性肺炎</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/new_patient_dialog.py" line="53"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/new_patient_dialog.py" line="54"/>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/new_patient_dialog.py" line="56"/>
        <source>First case</source>
        <translation>首个病例</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/new_patient_dialog.py" line="69"/>
        <source>First visit</source>
        <translation>初诊</translation>
    </message>
</context>
<context>
    <name>PatientCard</name>
    <message>
        <location filename="../../cdss/ui/records/patient_card_delegate.py" line="48"/>
        <source>{age} y</source>
        <translation>{age} 岁</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/patient_card_delegate.py" line="52"/>
        <source>no diagnosis recorded</source>
        <translation>暂无诊断</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/patient_card_delegate.py" line="61"/>
        <source>{count} due</source>
        <translation>{count} 项到期</translation>
    </message>
</context>
<context>
    <name>RecordsPage</name>
    <message>
        <location filename="../../cdss/ui/records/page.py" line="78"/>
        <source>Patient</source>
        <translation>患者</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/page.py" line="173"/>
        <source>{count} patients</source>
        <translation>{count} 位患者</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/page.py" line="175"/>
        <source>No patient matches this search.</source>
        <translation>没有符合搜索条件的患者。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/page.py" line="177"/>
        <source>No patients yet. Add one with “New patient”, or import CSV, Excel or FHIR files with “cdss records import”.</source>
        <translation>尚无患者。可点击“新建患者”添加，或使用“cdss records import”导入 CSV、Excel 或 FHIR 文件。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/page.py" line="242"/>
        <source>Choose a patient on the left.</source>
        <translation>请在左侧选择一位患者。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/page.py" line="245"/>
        <source>This patient has no cases yet.</source>
        <translation>该患者尚无病例。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/page.py" line="258"/>
        <source>{age} years</source>
        <translation>{age} 岁</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/page.py" line="261"/>
        <source>Allergies: {names}</source>
        <translation>过敏：{names}</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/page.py" line="266"/>
        <source>Medications: {names}</source>
        <translation>用药：{names}</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/page.py" line="337"/>
        <source>Due ({count})</source>
        <translation>到期 ({count})</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/page.py" line="340"/>
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/page.py" line="342"/>
        <source>Follow-ups due today or overdue</source>
        <translation>今天到期或已逾期的随访</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/page.py" line="373"/>
        <source>Export PDF</source>
        <translation>导出 PDF</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/page.py" line="374"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/page.py" line="379"/>
        <source>Export FHIR</source>
        <translation>导出 FHIR</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/page.py" line="380"/>
        <source>FHIR JSON (*.json)</source>
        <translation>FHIR JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/page.py" line="396"/>
        <source>Exporting PDF…</source>
        <translation>正在导出 PDF…</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/page.py" line="409"/>
        <source>Exporting FHIR bundle…</source>
        <translation>正在导出 FHIR 数据包…</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/page.py" line="413"/>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/page.py" line="420"/>
        <source>Search name, pinyin initials, ID, diagnosis, tag or any text</source>
        <translation>搜索姓名、拼音首字母、证件号、诊断、标签或任意文字</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/page.py" line="426"/>
        <source>Type a note and press Enter — it is saved as you type</source>
        <translation>输入记录后按回车——输入内容会自动保存</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/page.py" line="427"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/page.py" line="428"/>
        <source>New patient</source>
        <translation>新建患者</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/page.py" line="429"/>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/page.py" line="430"/>
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/page.py" line="431"/>
        <source>Export FHIR…</source>
        <translation>导出 FHIR…</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/page.py" line="432"/>
        <source>De-identified</source>
        <translation>去标识化</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/page.py" line="433"/>
        <source>Remove names, identifiers and exact dates from the PDF</source>
        <translation>从 PDF 中去除姓名、身份标识和确切日期</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/page.py" line="435"/>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/page.py" line="436"/>
        <source>Labs</source>
        <translation>检验</translation>
    </message>
</context>
<context>
    <name>RegimenPanel</name>
    <message>
        <location filename="../../cdss/ui/drugs/regimen_panel.py" line="80"/>
        <source>Regimen</source>
        <translation>用药方案</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/regimen_panel.py" line="81"/>
        <source>Add drugs from the search results (double-click or Enter) to check them together.</source>
        <translation>从搜索结果中添加药物（双击或回车），一起进行审查。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/regimen_panel.py" line="82"/>
        <source>Click a drug to remove it</source>
        <translation>点击药物可将其移除</translation>
    </message>
</context>
<context>
    <name>Rooms</name>
    <message>
        <location filename="../../cdss/ui/rooms.py" line="55"/>
        <source>Records</source>
        <translation>病历</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/rooms.py" line="56"/>
        <source>Drugs</source>
        <translation>药物</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/rooms.py" line="57"/>
        <source>Literature</source>
        <translation>文献</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/rooms.py" line="46"/>
        <location filename="../../cdss/ui/rooms.py" line="58"/>
        <source>Exchange</source>
        <translation>病例交流</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/rooms.py" line="47"/>
        <source>Share de-identified cases with colleagues and discuss theirs. Nothing leaves this computer unless you share it, and only after identifiers are removed and the patient&apos;s consent is recorded.</source>
        <translation>与同行分享去标识化病例并参与讨论。除非您主动分享，任何数据都不会离开本机；分享前会去除身份标识并记录患者知情同意。</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../cdss/ui/settings_dialog.py" line="120"/>
        <location filename="../../cdss/ui/settings_dialog.py" line="122"/>
        <source>Restore a backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/settings_dialog.py" line="120"/>
        <source>Choose a backup in the list first.</source>
        <translation>请先在列表中选择一个备份。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/settings_dialog.py" line="123"/>
        <source>Replace the current data with the backup from {when}? The current state is backed up first, so this can be undone.</source>
        <translation>用 {when} 的备份替换当前数据？当前状态会先行备份，因此此操作可以撤销。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/settings_dialog.py" line="130"/>
        <source>daily</source>
        <translation>每日</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/settings_dialog.py" line="131"/>
        <source>manual</source>
        <translation>手动</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/settings_dialog.py" line="132"/>
        <source>before upgrade</source>
        <translation>升级前</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/settings_dialog.py" line="133"/>
        <source>before restore</source>
        <translation>恢复前</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/settings_dialog.py" line="138"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/settings_dialog.py" line="139"/>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/settings_dialog.py" line="140"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/settings_dialog.py" line="141"/>
        <source>Workspace folder</source>
        <translation>工作区文件夹</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/settings_dialog.py" line="142"/>
        <source>Hide minor-tier drug alerts</source>
        <translation>隐藏轻微级别的药物警示</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/settings_dialog.py" line="143"/>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/settings_dialog.py" line="144"/>
        <source>The database is backed up once a day on start and before every upgrade; the newest ten backups are kept.</source>
        <translation>数据库每天启动时及每次升级前自动备份，保留最近十份备份。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/settings_dialog.py" line="146"/>
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/settings_dialog.py" line="147"/>
        <source>Restore selected…</source>
        <translation>恢复所选备份…</translation>
    </message>
</context>
<context>
    <name>TaskProgressDialog</name>
    <message>
        <location filename="../../cdss/ui/progress_dialog.py" line="24"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <location filename="../../cdss/ui/records/timeline_html.py" line="12"/>
        <source>Chief complaint</source>
        <translation>主诉</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/timeline_html.py" line="13"/>
        <source>History</source>
        <translation>病史</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/timeline_html.py" line="14"/>
        <source>Examination</source>
        <translation>体格检查</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/timeline_html.py" line="15"/>
        <source>Tests</source>
        <translation>辅助检查</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/timeline_html.py" line="16"/>
        <source>Diagnosis</source>
        <translation>诊断</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/timeline_html.py" line="17"/>
        <source>Treatment</source>
        <translation>治疗</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/timeline_html.py" line="18"/>
        <source>Medication</source>
        <translation>用药</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/timeline_html.py" line="19"/>
        <source>Progress note</source>
        <translation>病程记录</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/timeline_html.py" line="20"/>
        <source>Photo or file</source>
        <translation>图片/文件</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/timeline_html.py" line="21"/>
        <source>Follow-up</source>
        <translation>随访</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/timeline_html.py" line="22"/>
        <source>Note</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/timeline_html.py" line="46"/>
        <source>Opened</source>
        <translation>建档</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/timeline_html.py" line="46"/>
        <source>Closed</source>
        <translation>结案</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/timeline_html.py" line="47"/>
        <source>No entries yet. Add one with the capture bar below.</source>
        <translation>暂无记录。可在下方输入栏添加。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/timeline_html.py" line="48"/>
        <source>Follow-ups</source>
        <translation>随访</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/timeline_html.py" line="48"/>
        <source>done</source>
        <translation>已完成</translation>
    </message>
</context>
<context>
    <name>UserErrors</name>
    <message>
        <location filename="../../cdss/ui/error_texts.py" line="15"/>
        <source>The workspace path {path} is a file, not a folder.</source>
        <translation>工作区路径 {path} 是一个文件，而不是文件夹。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/error_texts.py" line="16"/>
        <source>Cannot create the workspace at {path}. Check that the folder is writable.</source>
        <translation>无法在 {path} 创建工作区。请检查该文件夹是否可写。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/error_texts.py" line="18"/>
        <source>The workspace database {path} cannot be read. Restore a backup from the backups folder.</source>
        <translation>无法读取工作区数据库 {path}。请从备份文件夹恢复一个备份。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/error_texts.py" line="20"/>
        <source>This workspace was written by a newer version of CDSS Desk. Update the app to open it.</source>
        <translation>此工作区由更新版本的 CDSS 临床助手创建。请升级应用后再打开。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/error_texts.py" line="22"/>
        <source>The backup {name} is not a readable database.</source>
        <translation>备份 {name} 不是可读取的数据库。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/error_texts.py" line="23"/>
        <source>The backup {name} failed its integrity check.</source>
        <translation>备份 {name} 未通过完整性检查。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/error_texts.py" line="24"/>
        <source>No backup file at {path}.</source>
        <translation>{path} 处没有备份文件。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/error_texts.py" line="25"/>
        <source>Could not write {path}.</source>
        <translation>无法写入 {path}。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/case_export.py" line="22"/>
        <source>No Chinese TrueType font was found for the PDF. Install one (Windows: Microsoft YaHei or SimSun; macOS: STHeiti; Linux: fonts-wqy-microhei) or set CDSS_CJK_FONT to a .ttf/.ttc file, then try again.</source>
        <translation>未找到可用于 PDF 的中文 TrueType 字体。请安装一种（Windows：微软雅黑或宋体；macOS：华文黑体；Linux：fonts-wqy-microhei），或将 CDSS_CJK_FONT 设置为一个 .ttf/.ttc 文件，然后重试。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/case_export.py" line="26"/>
        <source>The font {path} cannot be embedded in a PDF. Choose a TrueType font (.ttf/.ttc) with Chinese characters.</source>
        <translation>字体 {path} 无法嵌入 PDF。请选择含中文字符的 TrueType 字体（.ttf/.ttc）。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/case_export.py" line="29"/>
        <source>The folder to save the file in does not exist. Choose another folder.</source>
        <translation>保存文件的文件夹不存在。请选择其他文件夹。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/case_export.py" line="31"/>
        <source>The de-identification secret {path} is damaged. Restore it from a backup; deleting it changes how shared cases are pseudonymised.</source>
        <translation>去标识化密钥 {path} 已损坏。请从备份恢复；删除它会改变已共享病例的假名化方式。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/case_export.py" line="34"/>
        <source>Could not write {path}. Check the folder is writable.</source>
        <translation>无法写入 {path}。请检查该文件夹是否可写。</translation>
    </message>
</context>
</TS>
