<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>AlertCard</name>
    <message>
        <location filename="../../cdss/ui/drugs/alert_cards.py" line="77" />
        <source>{severity} · interruptive</source>
        <translation>{severity} · 需中断确认</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/alert_cards.py" line="79" />
        <source>{severity} · overridden</source>
        <translation>{severity} · 已越过</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/alert_cards.py" line="97" />
        <source>Mechanism</source>
        <translation>机制</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/alert_cards.py" line="97" />
        <source>Clinical effect</source>
        <translation>临床后果</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/alert_cards.py" line="98" />
        <source>Management</source>
        <translation>处理建议</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/alert_cards.py" line="98" />
        <source>Evidence</source>
        <translation>文献证据</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/alert_cards.py" line="100" />
        <source>not available</source>
        <translation>暂无资料</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/alert_cards.py" line="106" />
        <source>Also</source>
        <translation>另有</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/alert_cards.py" line="112" />
        <source>not stated</source>
        <translation>未注明</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/alert_cards.py" line="113" />
        <source>Sources</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/alert_cards.py" line="120" />
        <source>Sources disagree on severity.</source>
        <translation>各来源对严重程度的评级不一致。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/alert_cards.py" line="121" />
        <source>Ratings by source</source>
        <translation>各来源评级</translation>
    </message>
</context>
<context>
    <name>AlertList</name>
    <message>
        <location filename="../../cdss/ui/drugs/alert_cards.py" line="194" />
        <source>{count} minor alerts</source>
        <extracomment>More minor alerts than this are folded behind one "Show N minor alerts" line. An imported source such as DDInter rates most pairs of a long regimen, and dozens of minor cards would bury the few that matter.</extracomment>
        <translation>{count} 条轻微警示</translation>
    </message>
</context>
<context>
    <name>AlertReasonBox</name>
    <message>
        <location filename="../../cdss/ui/records/override_dialog.py" line="135" />
        <source>What will be monitored, e.g. {what}</source>
        <translation>将监测的项目，例如 {what}</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/override_dialog.py" line="136" />
        <source>INR, K⁺, QTc, renal function</source>
        <translation>INR、K⁺、QTc、肾功能</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/override_dialog.py" line="138" />
        <source>Reason (required)</source>
        <translation>理由（必填）</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/override_dialog.py" line="140" />
        <source>Comment (optional)</source>
        <translation>备注（可选）</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/override_dialog.py" line="143" />
        <source>Reason to go ahead:</source>
        <translation>继续用药的理由：</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/override_dialog.py" line="145" />
        <source>Benefit outweighs risk</source>
        <translation>获益大于风险</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/override_dialog.py" line="146" />
        <source>Will monitor (INR / K⁺ / QTc / renal function …)</source>
        <translation>将监测（INR / 血钾 / QTc / 肾功能 …）</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/override_dialog.py" line="147" />
        <source>Patient already tolerates this combination</source>
        <translation>患者已耐受该联用</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/override_dialog.py" line="148" />
        <source>Short course only</source>
        <translation>仅短期使用</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/override_dialog.py" line="149" />
        <source>This dose is intended (e.g. a loading dose) and was checked</source>
        <translation>此剂量为有意给予（如负荷剂量）并已核对</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/override_dialog.py" line="150" />
        <source>Other (free text)</source>
        <translation>其他（自由填写）</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/override_dialog.py" line="153" />
        <source>Will monitor renal function</source>
        <translation>将监测肾功能</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/override_dialog.py" line="156" />
        <source>Follow-up on:</source>
        <translation>随访日期：</translation>
    </message>
</context>
<context>
    <name>AlertStatsDialog</name>
    <message>
        <location filename="../../cdss/ui/drugs/alert_stats.py" line="134" />
        <source>No alerts recorded yet. Alerts are counted when medications are added in a case (Records room, Medications tab).</source>
        <translation>尚无警示记录。在病例中添加药物时（病历室“用药”标签页）才会统计警示。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/alert_stats.py" line="137" />
        <source>{rules} rules fired {fired} times: {overridden} overridden, {accepted} accepted. Rules overridden nearly every time are candidates for review.</source>
        <translation>{rules} 条规则共触发 {fired} 次：被忽略 {overridden} 次，被采纳 {accepted} 次。几乎总被忽略的规则值得复核。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/alert_stats.py" line="143" />
        <source>Alert statistics</source>
        <translation>警示统计</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/alert_stats.py" line="145" />
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/alert_stats.py" line="145" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/alert_stats.py" line="145" />
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/alert_stats.py" line="145" />
        <source>Fired</source>
        <translation>触发</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/alert_stats.py" line="145" />
        <source>Overridden</source>
        <translation>被忽略</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/alert_stats.py" line="146" />
        <source>Accepted</source>
        <translation>被采纳</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/alert_stats.py" line="146" />
        <source>Inline / other</source>
        <translation>列表内 / 其他</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/alert_stats.py" line="146" />
        <source>Override rate</source>
        <translation>忽略率</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/alert_stats.py" line="146" />
        <source>Example</source>
        <translation>示例</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/alert_stats.py" line="147" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/alert_stats.py" line="148" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>Allergies</name>
    <message>
        <location filename="../../cdss/ui/records/allergy_dialog.py" line="39" />
        <source>mild</source>
        <translation>轻度</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/allergy_dialog.py" line="40" />
        <source>moderate</source>
        <translation>中度</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/allergy_dialog.py" line="41" />
        <source>severe</source>
        <translation>重度</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/allergy_dialog.py" line="47" />
        <source>severity not recorded</source>
        <translation>严重程度未记录</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/allergy_dialog.py" line="56" />
        <source>verified</source>
        <translation>已核实</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/allergy_dialog.py" line="57" />
        <source>not verified</source>
        <translation>未核实</translation>
    </message>
</context>
<context>
    <name>AllergiesDialog</name>
    <message>
        <location filename="../../cdss/ui/records/allergy_dialog.py" line="208" />
        <source>Allergies</source>
        <translation>过敏史</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/allergy_dialog.py" line="209" />
        <source>No allergies recorded.</source>
        <translation>尚无过敏记录。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/allergy_dialog.py" line="210" />
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/allergy_dialog.py" line="211" />
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/allergy_dialog.py" line="212" />
        <source>Delete</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>AllergyDialog</name>
    <message>
        <location filename="../../cdss/ui/records/allergy_dialog.py" line="103" />
        <source>Name the substance (a drug, drug class, food or other), e.g. penicillin or 青霉素.</source>
        <translation>请填写过敏物质（药物、药物类别、食物或其他），例如 青霉素 或 penicillin。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/allergy_dialog.py" line="105" />
        <source>The date recorded is in the future.</source>
        <translation>记录日期晚于今天。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/allergy_dialog.py" line="109" />
        <source>Edit allergy</source>
        <translation>编辑过敏记录</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/allergy_dialog.py" line="109" />
        <source>New allergy</source>
        <translation>新建过敏记录</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/allergy_dialog.py" line="110" />
        <source>Substance</source>
        <translation>过敏物质</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/allergy_dialog.py" line="111" />
        <source>Reaction</source>
        <translation>反应</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/allergy_dialog.py" line="112" />
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/allergy_dialog.py" line="113" />
        <source>Recorded on</source>
        <translation>记录日期</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/allergy_dialog.py" line="114" />
        <source>e.g. rash, anaphylaxis</source>
        <translation>例如 皮疹、过敏性休克</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/allergy_dialog.py" line="115" />
        <source>Verified (confirmed by history or testing)</source>
        <translation>已核实（经病史或检测确认）</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/allergy_dialog.py" line="118" />
        <source>Not recorded</source>
        <translation>未记录</translation>
    </message>
</context>
<context>
    <name>AttachmentDropHandler</name>
    <message>
        <location filename="../../cdss/ui/records/attachment_drop.py" line="105" />
        <source>Only files on this computer can be attached. Save the file first, then drop it here.</source>
        <translation>只能添加本机上的文件。请先保存该文件，再拖到这里。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/attachment_drop.py" line="112" />
        <source>Open a case first: files are attached to a case.</source>
        <translation>请先打开一个病例：附件需添加到病例中。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/attachment_drop.py" line="164" />
        <source>Attached {count} file(s).</source>
        <translation>已添加 {count} 个附件。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/attachment_drop.py" line="174" />
        <source>Attachment removed.</source>
        <translation>附件已移除。</translation>
    </message>
</context>
<context>
    <name>CalculatorDialog</name>
    <message>
        <location filename="../../cdss/ui/drugs/calculators.py" line="126" />
        <source>Dose calculators</source>
        <translation>剂量计算器</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/calculators.py" line="128" />
        <source>Weight-based</source>
        <translation>按体重</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/calculators.py" line="129" />
        <source>Body surface area</source>
        <translation>按体表面积</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/calculators.py" line="130" />
        <source>Renal band</source>
        <translation>肾功能分级</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/calculators.py" line="131" />
        <source>Infusion rate</source>
        <translation>输注速度</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/calculators.py" line="132" />
        <source>Children's paracetamol / ibuprofen</source>
        <translation>儿童对乙酰氨基酚 / 布洛芬</translation>
    </message>
</context>
<context>
    <name>Calculators</name>
    <message>
        <location filename="../../cdss/ui/drugs/calc_form.py" line="35" />
        <source>Weight</source>
        <translation>体重</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/calc_form.py" line="36" />
        <source>Height</source>
        <translation>身高</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/calc_form.py" line="37" />
        <location filename="../../cdss/ui/drugs/calc_form.py" line="38" />
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/calc_form.py" line="39" />
        <location filename="../../cdss/ui/drugs/calc_tabs.py" line="131" />
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/calc_form.py" line="40" />
        <location filename="../../cdss/ui/drugs/calc_form.py" line="41" />
        <location filename="../../cdss/ui/drugs/calc_tabs.py" line="134" />
        <source>Serum creatinine</source>
        <translation>血肌酐</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/calc_form.py" line="42" />
        <source>CrCl</source>
        <translation>CrCl</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/calc_form.py" line="43" />
        <source>eGFR</source>
        <translation>eGFR</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/calc_form.py" line="44" />
        <source>Dose per kg</source>
        <translation>每千克剂量</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/calc_form.py" line="45" />
        <location filename="../../cdss/ui/drugs/calc_tabs.py" line="95" />
        <source>Dose per m²</source>
        <translation>每平方米剂量</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/calc_form.py" line="46" />
        <location filename="../../cdss/ui/drugs/calc_tabs.py" line="51" />
        <location filename="../../cdss/ui/drugs/calc_tabs.py" line="271" />
        <source>Doses a day</source>
        <translation>每日次数</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/calc_form.py" line="47" />
        <location filename="../../cdss/ui/drugs/calc_form.py" line="58" />
        <location filename="../../cdss/ui/drugs/calc_tabs.py" line="92" />
        <source>BSA formula</source>
        <translation>体表面积公式</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/calc_form.py" line="48" />
        <location filename="../../cdss/ui/drugs/calc_tabs.py" line="217" />
        <source>Dose rate</source>
        <translation>给药速率</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/calc_form.py" line="49" />
        <source>Pump rate</source>
        <translation>泵速</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/calc_form.py" line="50" />
        <location filename="../../cdss/ui/drugs/calc_tabs.py" line="225" />
        <source>Amount in the bag</source>
        <translation>袋中药量</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/calc_form.py" line="51" />
        <source>Bag volume</source>
        <translation>液体总量</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/calc_form.py" line="52" />
        <source>Strength</source>
        <translation>浓度</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/calc_form.py" line="53" />
        <source>Maximum per dose</source>
        <translation>单次最大剂量</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/calc_form.py" line="54" />
        <source>Maximum per day</source>
        <translation>每日最大剂量</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/calc_form.py" line="55" />
        <source>Drug</source>
        <translation>药品</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/calc_form.py" line="56" />
        <location filename="../../cdss/ui/drugs/calc_tabs.py" line="44" />
        <location filename="../../cdss/ui/drugs/calc_tabs.py" line="97" />
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/calc_form.py" line="57" />
        <location filename="../../cdss/ui/drugs/calc_tabs.py" line="219" />
        <source>Dose-rate unit</source>
        <translation>给药速率单位</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/calc_form.py" line="62" />
        <source>{field}: {value} {unit} is not plausible. Enter a value between {low} and {high} {unit}.</source>
        <translation>{field}：{value} {unit} 不合理。请输入 {low} 至 {high} {unit} 之间的数值。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/calc_form.py" line="65" />
        <source>{field}: enter a number.</source>
        <translation>{field}：请输入数字。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/calc_form.py" line="66" />
        <source>{field} must be greater than 0.</source>
        <translation>{field}必须大于 0。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/calc_form.py" line="67" />
        <source>{field}: enter a value.</source>
        <translation>{field}：请输入数值。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/calc_form.py" line="68" />
        <source>{field}: unknown unit.</source>
        <translation>{field}：单位无法识别。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/calc_form.py" line="69" />
        <source>Choose the sex.</source>
        <translation>请选择性别。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/calc_form.py" line="70" />
        <source>Unknown BSA formula.</source>
        <translation>未知的体表面积公式。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/calc_form.py" line="71" />
        <source>A dose per day needs the number of doses a day.</source>
        <translation>按日剂量计算需要每日给药次数。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/calc_form.py" line="72" />
        <source>No drug named “{drug}” in the knowledge pack.</source>
        <translation>知识库中没有名为“{drug}”的药品。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/calc_form.py" line="73" />
        <source>Cockcroft-Gault and CKD-EPI are for adults (18 years and over). For a child use a paediatric equation such as bedside Schwartz, and enter the result as eGFR.</source>
        <translation>Cockcroft-Gault 与 CKD-EPI 公式仅适用于成人（18 岁及以上）。儿童请使用儿科公式（如床旁 Schwartz 公式），并将结果作为 eGFR 输入。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/calc_form.py" line="78" />
        <source>Enter a CrCl or eGFR, or age, sex, weight and creatinine.</source>
        <translation>请输入 CrCl 或 eGFR，或者年龄、性别、体重和肌酐。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/calc_form.py" line="79" />
        <source>The dose is in {dose_unit} but the bag is in {bag_unit}: these do not convert.</source>
        <translation>剂量单位为 {dose_unit}，而药袋单位为 {bag_unit}：两者无法换算。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/calc_form.py" line="82" />
        <source>A dose per kg needs the weight.</source>
        <translation>按千克计算的剂量需要体重。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/calc_form.py" line="83" />
        <source>{value} mL/h is more than a pump delivers (at most {high} mL/h). Check the dose unit and the bag.</source>
        <translation>{value} mL/h 超出输液泵的输注能力（最多 {high} mL/h）。请核对剂量单位和药袋。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/calc_form.py" line="87" />
        <source>Ibuprofen is not given to infants under 3 months.</source>
        <translation>3 个月以下婴儿不使用布洛芬。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/calc_form.py" line="88" />
        <source>Ibuprofen is not given to children under 5 kg.</source>
        <translation>体重不足 5 kg 的儿童不使用布洛芬。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/calc_form.py" line="92" />
        <source>No maximum compared: choose a drug or enter a maximum.</source>
        <translation>未与最大剂量比较：请选择药品或输入最大剂量。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/calc_form.py" line="93" />
        <source>The drug's maximum is in another unit and was not compared; choose the label's unit.</source>
        <translation>该药的最大剂量使用其他单位，未作比较；请选择说明书所用单位。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/calc_form.py" line="96" />
        <source>The drug's maximum is per kg and needs the weight.</source>
        <translation>该药的最大剂量按千克计，需要体重。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/calc_form.py" line="97" />
        <source>Age not given: the neonatal and infant limits were not checked.</source>
        <translation>未提供年龄：未核对新生儿和婴儿的限制。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/calc_form.py" line="100" />
        <source>Neonate: 10 mg/kg every 6–8 hours, at most 4 doses a day.</source>
        <translation>新生儿：10 mg/kg，每 6–8 小时一次，每日最多 4 次。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/calc_form.py" line="103" />
        <source>Under 3 months: only on a doctor's advice.</source>
        <translation>3 个月以下：仅在医生指导下使用。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/calc_form.py" line="104" />
        <source>3–6 months: the US label starts at 6 months; the UK label allows it above 5 kg for up to 24 hours.</source>
        <translation>3–6 个月：美国说明书自 6 个月起使用；英国说明书允许体重 5 kg 以上者使用，最长 24 小时。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/calc_form.py" line="108" />
        <source>Over 40 kg: adult doses apply (at most 400 mg a dose here).</source>
        <translation>体重超过 40 kg：按成人剂量（此处单次最多 400 mg）。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/calc_form.py" line="114" />
        <source>Contraindicated</source>
        <translation>禁忌</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/calc_form.py" line="115" />
        <source>Avoid</source>
        <translation>避免使用</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/calc_form.py" line="116" />
        <source>Do not start</source>
        <translation>不宜起始</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/calc_form.py" line="117" />
        <source>Reduce the dose</source>
        <translation>减量</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/calc_form.py" line="118" />
        <source>Caution</source>
        <translation>慎用</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/calc_form.py" line="122" />
        <source>years</source>
        <translation>岁</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/calc_form.py" line="123" />
        <source>months</source>
        <translation>个月</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/calc_form.py" line="124" />
        <location filename="../../cdss/ui/drugs/calc_form.py" line="275" />
        <source>per day</source>
        <translation>每日</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/calc_form.py" line="129" />
        <source>Usual route</source>
        <translation>常用途径</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/calc_form.py" line="130" />
        <source>Oral</source>
        <translation>口服</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/calc_form.py" line="131" />
        <source>IV</source>
        <translation>静脉</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/calc_form.py" line="132" />
        <source>IM</source>
        <translation>肌内</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/calc_form.py" line="133" />
        <source>SC</source>
        <translation>皮下</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/calc_form.py" line="134" />
        <source>Rectal</source>
        <translation>直肠</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/calc_form.py" line="137" />
        <source>once a day (q24h)</source>
        <translation>每日 1 次（q24h）</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/calc_form.py" line="138" />
        <source>twice a day (q12h)</source>
        <translation>每日 2 次（q12h）</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/calc_form.py" line="139" />
        <source>3 times a day (q8h)</source>
        <translation>每日 3 次（q8h）</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/calc_form.py" line="140" />
        <source>4 times a day (q6h)</source>
        <translation>每日 4 次（q6h）</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/calc_form.py" line="141" />
        <source>6 times a day (q4h)</source>
        <translation>每日 6 次（q4h）</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/calc_form.py" line="145" />
        <source>{mg} mg/mL oral liquid (3.2%)</source>
        <translation>{mg} mg/mL 口服液（3.2%）</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/calc_form.py" line="146" />
        <source>{mg} mg/mL drops</source>
        <translation>{mg} mg/mL 滴剂</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/calc_form.py" line="147" />
        <source>{mg} mg/mL suspension</source>
        <translation>{mg} mg/mL 混悬液</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/calc_form.py" line="237" />
        <location filename="../../cdss/ui/drugs/calculators.py" line="137" />
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/calc_form.py" line="264" />
        <source>Inputs: {list}</source>
        <translation>输入：{list}</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/calc_form.py" line="274" />
        <source>entered by you</source>
        <translation>您输入的</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/calc_form.py" line="275" />
        <source>per dose</source>
        <translation>每次</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/calc_form.py" line="276" />
        <source>Maximum {what}: {limit} {unit} ({source})</source>
        <translation>{what}最大剂量：{limit} {unit}（{source}）</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/calc_form.py" line="279" />
        <source>applied</source>
        <translation>已采用</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/calc_form.py" line="323" />
        <source>Drug (for its maximum dose)</source>
        <extracomment>each calculator's own reading of its form (a method of every subclass in calc_tabs)</extracomment>
        <translation>药品（用于最大剂量）</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/calc_form.py" line="327" />
        <source>Route</source>
        <translation>给药途径</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/calc_form.py" line="338" />
        <source>{dose} {unit} per dose</source>
        <translation>每次 {dose} {unit}</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/calc_form.py" line="340" />
        <source>{daily} {unit} a day</source>
        <translation>每日 {daily} {unit}</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/calc_form.py" line="342" />
        <source>capped at the maximum</source>
        <translation>已按最大剂量封顶</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/calc_tabs.py" line="41" />
        <location filename="../../cdss/ui/drugs/calc_tabs.py" line="89" />
        <location filename="../../cdss/ui/drugs/calc_tabs.py" line="133" />
        <location filename="../../cdss/ui/drugs/calc_tabs.py" line="223" />
        <location filename="../../cdss/ui/drugs/calc_tabs.py" line="267" />
        <source>Weight (kg)</source>
        <translation>体重（kg）</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/calc_tabs.py" line="42" />
        <source>Dose</source>
        <translation>剂量</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/calc_tabs.py" line="48" />
        <source>Basis</source>
        <translation>计算方式</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/calc_tabs.py" line="55" />
        <location filename="../../cdss/ui/drugs/calc_tabs.py" line="101" />
        <source>Maximum per dose (optional)</source>
        <translation>单次最大剂量（可选）</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/calc_tabs.py" line="58" />
        <source>Maximum per day (optional)</source>
        <translation>每日最大剂量（可选）</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/calc_tabs.py" line="63" />
        <source>per kg per dose</source>
        <translation>每千克每次</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/calc_tabs.py" line="64" />
        <source>per kg per day, divided</source>
        <translation>每千克每日，分次给药</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/calc_tabs.py" line="90" />
        <source>Height (cm)</source>
        <translation>身高（cm）</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/calc_tabs.py" line="119" />
        <source>BSA {bsa} m² · {dose}</source>
        <translation>体表面积 {bsa} m² · {dose}</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/calc_tabs.py" line="129" />
        <location filename="../../cdss/ui/drugs/calc_tabs.py" line="268" />
        <source>Age (years)</source>
        <translation>年龄（岁）</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/calc_tabs.py" line="136" />
        <source>Creatinine unit</source>
        <translation>肌酐单位</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/calc_tabs.py" line="139" />
        <source>Or CrCl (mL/min)</source>
        <translation>或 CrCl（mL/min）</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/calc_tabs.py" line="140" />
        <source>Or eGFR (mL/min/1.73 m²)</source>
        <translation>或 eGFR（mL/min/1.73 m²）</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/calc_form.py" line="261" />
        <location filename="../../cdss/ui/drugs/calc_tabs.py" line="144" />
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/calc_form.py" line="261" />
        <location filename="../../cdss/ui/drugs/calc_tabs.py" line="145" />
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/calc_tabs.py" line="180" />
        <source>No renal restriction in the pack</source>
        <translation>知识库中无肾功能限制</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/calc_tabs.py" line="189" />
        <source>{value} {unit} per dose</source>
        <translation>每次 {value} {unit}</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/calc_tabs.py" line="192" />
        <source>{value} {unit} a day</source>
        <translation>每日 {value} {unit}</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/calc_tabs.py" line="197" />
        <source>Maximum in this band: {caps} ({source})</source>
        <translation>该分级内的最大剂量：{caps}（{source}）</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/calc_tabs.py" line="203" />
        <source>Not assessed: the pack has a threshold on {measure}, which is not known.</source>
        <translation>未评估：知识库有基于 {measure} 的阈值，但该值未知。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/calc_tabs.py" line="214" />
        <source>Calculate</source>
        <translation>计算</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/calc_tabs.py" line="222" />
        <source>Pump rate (mL/h)</source>
        <translation>泵速（mL/h）</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/calc_tabs.py" line="228" />
        <source>Amount unit</source>
        <translation>药量单位</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/calc_tabs.py" line="231" />
        <source>Bag volume (mL)</source>
        <translation>液体总量（mL）</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/calc_tabs.py" line="236" />
        <source>pump rate (mL/h) from a dose rate</source>
        <translation>由给药速率计算泵速（mL/h）</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/calc_tabs.py" line="237" />
        <source>dose rate from a pump rate (mL/h)</source>
        <translation>由泵速（mL/h）计算给药速率</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/calc_tabs.py" line="253" />
        <source>{rate} mL/h</source>
        <translation>{rate} mL/h</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/calc_tabs.py" line="264" />
        <source>Medicine</source>
        <translation>药品</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/calc_tabs.py" line="269" />
        <source>Dose (mg/kg)</source>
        <translation>剂量（mg/kg）</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/calc_tabs.py" line="274" />
        <source>Liquid</source>
        <translation>液体制剂</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/calc_tabs.py" line="275" />
        <source>Strength (mg/mL)</source>
        <translation>浓度（mg/mL）</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/calc_tabs.py" line="282" />
        <source>Paracetamol</source>
        <translation>对乙酰氨基酚</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/calc_tabs.py" line="283" />
        <source>Ibuprofen</source>
        <translation>布洛芬</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/calc_tabs.py" line="293" />
        <source>Other strength (type it)</source>
        <translation>其他浓度（手动输入）</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/calc_tabs.py" line="331" />
        <source>{dose} mg</source>
        <translation>{dose} mg</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/calc_tabs.py" line="333" />
        <source>{ml} mL</source>
        <translation>{ml} mL</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/calc_tabs.py" line="337" />
        <source>every {low}–{high} h, at most {n} doses in 24 h ({daily} mg a day)</source>
        <translation>每 {low}–{high} 小时一次，24 小时内最多 {n} 次（每日 {daily} mg）</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/calc_tabs.py" line="340" />
        <source>Reference: {ref}</source>
        <translation>参考：{ref}</translation>
    </message>
</context>
<context>
    <name>CaseAlertsBanner</name>
    <message>
        <location filename="../../cdss/ui/records/case_alerts.py" line="100" />
        <location filename="../../cdss/ui/records/case_alerts.py" line="134" />
        <source>Reviewed</source>
        <extracomment>a re-check ran and stored new alerts (the medication list should reload with the new context) (patient id, open alerts shown) after every load: the patient card's badge follows the banner</extracomment>
        <translation>已查看</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/case_alerts.py" line="127" />
        <source>New alerts after lab results ({count}) — review the current medications</source>
        <translation>检验结果更新后的新警示（{count}）— 请复核当前用药</translation>
    </message>
</context>
<context>
    <name>CaseExportBar</name>
    <message>
        <location filename="../../cdss/ui/records/export_bar.py" line="65" />
        <source>Export PDF</source>
        <translation>导出 PDF</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/export_bar.py" line="66" />
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/export_bar.py" line="71" />
        <source>Export FHIR</source>
        <translation>导出 FHIR</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/export_bar.py" line="72" />
        <source>FHIR JSON (*.json)</source>
        <translation>FHIR JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/export_bar.py" line="99" />
        <source>Exporting PDF…</source>
        <translation>正在导出 PDF…</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/export_bar.py" line="112" />
        <source>Exporting FHIR bundle…</source>
        <translation>正在导出 FHIR 数据包…</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/export_bar.py" line="116" />
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/export_bar.py" line="122" />
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/export_bar.py" line="123" />
        <source>Export FHIR…</source>
        <translation>导出 FHIR…</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/export_bar.py" line="124" />
        <source>De-identified</source>
        <translation>去标识化</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/export_bar.py" line="125" />
        <source>Remove names, identifiers and exact dates from the PDF</source>
        <translation>从 PDF 中去除姓名、身份标识和确切日期</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/export_bar.py" line="126" />
        <source>Share…</source>
        <translation>分享…</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/export_bar.py" line="127" />
        <source>Share this case, de-identified, on the case exchange</source>
        <translation>将此病例去标识化后分享到病例交流平台</translation>
    </message>
</context>
<context>
    <name>CdsNotes</name>
    <message>
        <location filename="../../cdss/ui/records/cds_texts.py" line="52" />
        <source>{name} on {date} has no numeric value: not used.</source>
        <translation>{date} 的 {name} 没有数值：未使用。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/cds_texts.py" line="53" />
        <source>{name} on {date} has unit '{unit}', which is not understood: not used.</source>
        <translation>{date} 的 {name} 单位“{unit}”无法识别：未使用。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/cds_texts.py" line="55" />
        <source>Birth date not recorded: age-dependent checks and eGFR/CrCl are not available.</source>
        <translation>未记录出生日期：无法进行与年龄相关的检查，也无法计算 eGFR/CrCl。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/cds_texts.py" line="57" />
        <source>Sex not recorded as male or female: eGFR/CrCl are not computed.</source>
        <translation>性别未记录为男或女：不计算 eGFR/CrCl。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/cds_texts.py" line="58" />
        <source>Weight {value} kg ({date}) is outside 20–400 kg: CrCl not computed.</source>
        <translation>体重 {value} kg（{date}）超出 20–400 kg 范围：不计算 CrCl。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/cds_texts.py" line="60" />
        <source>Renal function not estimated: CKD-EPI and Cockcroft-Gault are for adults.</source>
        <translation>未估算肾功能：CKD-EPI 和 Cockcroft-Gault 公式仅适用于成人。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/cds_texts.py" line="62" />
        <source>Creatinine {value} {unit} is outside the plausible range: not used.</source>
        <translation>肌酐 {value} {unit} 超出合理范围：未使用。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/cds_texts.py" line="64" />
        <source>Creatinine measured in whole blood (LOINC 38483-4) is used as the serum value.</source>
        <translation>全血肌酐（LOINC 38483-4）按血清肌酐使用。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/cds_texts.py" line="66" />
        <source>Pregnancy status not recorded: pregnancy checks did not run.</source>
        <translation>未记录妊娠状态：未进行妊娠期用药检查。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/cds_texts.py" line="67" />
        <source>Medication '{name}' is not in the drug dictionary: not checked.</source>
        <translation>药物“{name}”不在药物词典中：未检查。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/cds_texts.py" line="69" />
        <source>Medication '{name}': {parts} not in the drug dictionary: not checked.</source>
        <translation>药物“{name}”：{parts} 不在药物词典中：未检查。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/cds_texts.py" line="71" />
        <source>Renal function not estimated ({reason}).</source>
        <translation>未估算肾功能（{reason}）。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/cds_texts.py" line="72" />
        <source>'{name}' is not in the drug dictionary: no safety check ran for it.</source>
        <translation>“{name}”不在药物词典中：未对其进行安全检查。</translation>
    </message>
</context>
<context>
    <name>CdsReasons</name>
    <message>
        <location filename="../../cdss/ui/records/cds_texts.py" line="28" />
        <source>Benefit outweighs risk</source>
        <translation>获益大于风险</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/cds_texts.py" line="29" />
        <source>Will monitor</source>
        <translation>将进行监测</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/cds_texts.py" line="30" />
        <source>Patient already tolerates this combination</source>
        <translation>患者已耐受该联用</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/cds_texts.py" line="31" />
        <source>Short course only</source>
        <translation>仅短期使用</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/cds_texts.py" line="32" />
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/cds_texts.py" line="46" />
        <source>unknown user</source>
        <translation>未知用户</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/cds_texts.py" line="47" />
        <source>Overridden: {reason} — {who}, {when}</source>
        <translation>已越过：{reason} —— {who}，{when}</translation>
    </message>
</context>
<context>
    <name>CdsRoutes</name>
    <message>
        <location filename="../../cdss/ui/records/cds_texts.py" line="15" />
        <source>oral</source>
        <translation>口服</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/cds_texts.py" line="15" />
        <source>intravenous</source>
        <translation>静脉</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/cds_texts.py" line="16" />
        <source>intramuscular</source>
        <translation>肌注</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/cds_texts.py" line="16" />
        <source>subcutaneous</source>
        <translation>皮下</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/cds_texts.py" line="17" />
        <source>inhaled</source>
        <translation>吸入</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/cds_texts.py" line="17" />
        <source>rectal</source>
        <translation>直肠</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/cds_texts.py" line="18" />
        <source>sublingual</source>
        <translation>舌下</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/cds_texts.py" line="19" />
        <source>transdermal</source>
        <translation>经皮</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/cds_texts.py" line="19" />
        <source>topical</source>
        <translation>外用</translation>
    </message>
</context>
<context>
    <name>CheckScope</name>
    <message>
        <location filename="../../cdss/ui/drugs/scope_text.py" line="14" />
        <source>age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/scope_text.py" line="15" />
        <source>renal function</source>
        <translation>肾功能</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/scope_text.py" line="16" />
        <source>allergies</source>
        <translation>过敏史</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/scope_text.py" line="17" />
        <source>pregnancy</source>
        <translation>妊娠</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/scope_text.py" line="18" />
        <source>breastfeeding</source>
        <translation>哺乳</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/scope_text.py" line="19" />
        <source>hepatic impairment</source>
        <translation>肝功能损害</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/scope_text.py" line="20" />
        <source>potassium</source>
        <translation>血钾</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/scope_text.py" line="21" />
        <source>QTc</source>
        <translation>QTc</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/scope_text.py" line="22" />
        <source>weight</source>
        <translation>体重</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/scope_text.py" line="27" />
        <source>Drugs checked: {count}</source>
        <translation>已检查药品：{count}</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/scope_text.py" line="28" />
        <source>interaction rules: {count}</source>
        <translation>相互作用规则：{count}</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/scope_text.py" line="29" />
        <source>pairs rated by imported sources: {count}</source>
        <translation>导入来源评级的药对：{count}</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/scope_text.py" line="30" />
        <source>doses compared with maxima: {count}</source>
        <translation>与最大剂量比较的剂量：{count}</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/scope_text.py" line="31" />
        <source>patient context: {items}</source>
        <translation>患者信息：{items}</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/scope_text.py" line="32" />
        <source>no patient context</source>
        <translation>未使用患者信息</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/scope_text.py" line="33" />
        <source>not in the dictionary, not checked: {names}</source>
        <translation>不在药品词典中、未检查：{names}</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/scope_text.py" line="51" />
        <source>, </source>
        <comment>between the items of the patient context list</comment>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../cdss/ui/exchange/outbox_panel.py" line="163" />
        <source>Resolve a conflict</source>
        <translation>处理冲突</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/outbox_panel.py" line="167" />
        <source>This case was changed on the server (for example from another computer) after your edit was made. Nothing was overwritten. Choose which version the exchange keeps.</source>
        <translation>在您修改之后，此病例已在服务器上被更改（例如在另一台电脑上）。没有任何内容被覆盖。请选择交流平台保留哪个版本。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/outbox_panel.py" line="173" />
        <source>Loading both versions…</source>
        <translation>正在加载两个版本…</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/outbox_panel.py" line="179" />
        <source>Keep mine (overwrite)</source>
        <translation>保留我的（覆盖）</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/outbox_panel.py" line="182" />
        <source>Take the server's</source>
        <translation>采用服务器的版本</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/outbox_panel.py" line="215" />
        <source>Your version is queued on top of revision {n}; sync to send it.</source>
        <translation>您的版本已基于第 {n} 版重新排队；同步后发送。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/outbox_panel.py" line="218" />
        <source>Kept the server's revision {n}; your queued edit was dropped.</source>
        <translation>已保留服务器的第 {n} 版；您待发送的修改已放弃。</translation>
    </message>
</context>
<context>
    <name>ContextPanel</name>
    <message>
        <location filename="../../cdss/ui/drugs/context_panel.py" line="200" />
        <source>CrCl (Cockcroft-Gault) {value:.0f} mL/min</source>
        <translation>肌酐清除率（Cockcroft-Gault）{value:.0f} mL/min</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/context_panel.py" line="202" />
        <source>eGFR (CKD-EPI 2021) {value:.0f} mL/min/1.73 m²</source>
        <translation>eGFR（CKD-EPI 2021）{value:.0f} mL/min/1.73 m²</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/context_panel.py" line="204" />
        <source>Enter age, sex, weight and creatinine to see CrCl and eGFR.</source>
        <translation>填写年龄、性别、体重和血肌酐后显示肌酐清除率和 eGFR。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/context_panel.py" line="190" />
        <source>Patient context (optional)</source>
        <translation>患者信息（可选）</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/context_panel.py" line="175" />
        <source>{age} y</source>
        <extracomment>(CrCl mL/min or None, eGFR mL/min/1.73m² or None) from the context values.</extracomment>
        <translation>{age}岁</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/context_panel.py" line="177" />
        <source>M</source>
        <translation>男</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/context_panel.py" line="177" />
        <source>F</source>
        <translation>女</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/context_panel.py" line="182" />
        <source>Cr {value:g} {unit}</source>
        <translation>肌酐 {value:g} {unit}</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/context_panel.py" line="184" />
        <source>pregnant</source>
        <translation>妊娠</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/context_panel.py" line="186" />
        <source>breastfeeding</source>
        <translation>哺乳</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/context_panel.py" line="188" />
        <source>allergies: {names}</source>
        <translation>过敏：{names}</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/context_panel.py" line="194" />
        <source>Patient context (optional): click to enter age, weight, creatinine…</source>
        <translation>患者信息（可选）：点击填写年龄、体重、肌酐…</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/context_panel.py" line="207" />
        <source>Age (years)</source>
        <translation>年龄（岁）</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/context_panel.py" line="207" />
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/context_panel.py" line="207" />
        <source>Weight (kg)</source>
        <translation>体重（kg）</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/context_panel.py" line="207" />
        <source>Height (cm)</source>
        <translation>身高（cm）</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/context_panel.py" line="208" />
        <source>Serum creatinine</source>
        <translation>血肌酐</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/context_panel.py" line="208" />
        <source>Pregnant</source>
        <translation>妊娠</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/context_panel.py" line="208" />
        <source>Breastfeeding</source>
        <translation>哺乳</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/context_panel.py" line="208" />
        <source>Allergies</source>
        <translation>过敏史</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/context_panel.py" line="209" />
        <source>QTc (ms)</source>
        <translation>QTc（ms）</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/context_panel.py" line="209" />
        <source>Potassium (mmol/L)</source>
        <translation>血钾（mmol/L）</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/context_panel.py" line="216" />
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/context_panel.py" line="217" />
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/context_panel.py" line="220" />
        <source>e.g. penicillin, sulfonamides</source>
        <translation>例如：青霉素, 磺胺类</translation>
    </message>
</context>
<context>
    <name>DrugLabels</name>
    <message>
        <location filename="../../cdss/ui/drugs/labels.py" line="10" />
        <source>Contraindicated</source>
        <translation>禁忌</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/labels.py" line="11" />
        <source>Major</source>
        <translation>严重</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/labels.py" line="12" />
        <source>Moderate</source>
        <translation>中度</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/labels.py" line="13" />
        <source>Minor</source>
        <translation>轻微</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/labels.py" line="14" />
        <source>Unrated</source>
        <translation>未分级</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/labels.py" line="18" />
        <source>Interaction</source>
        <translation>相互作用</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/labels.py" line="19" />
        <source>Allergy</source>
        <translation>过敏</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/labels.py" line="20" />
        <source>Duplicate therapy</source>
        <translation>重复用药</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/labels.py" line="21" />
        <source>Renal dosing</source>
        <translation>肾功能剂量</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/labels.py" line="22" />
        <source>Hepatic</source>
        <translation>肝功能</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/labels.py" line="23" />
        <source>Pregnancy</source>
        <translation>妊娠</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/labels.py" line="24" />
        <source>Lactation</source>
        <translation>哺乳</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/labels.py" line="25" />
        <source>QT prolongation</source>
        <translation>QT 间期延长</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/labels.py" line="26" />
        <source>Serotonergic load</source>
        <translation>5-羟色胺能叠加</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/labels.py" line="27" />
        <source>Bleeding risk</source>
        <translation>出血风险</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/labels.py" line="28" />
        <source>CNS depression</source>
        <translation>中枢抑制</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/labels.py" line="29" />
        <source>Hyperkalaemia</source>
        <translation>高钾血症</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/labels.py" line="30" />
        <source>Anticholinergic burden</source>
        <translation>抗胆碱能负荷</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/labels.py" line="31" />
        <source>Dose</source>
        <translation>剂量</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/labels.py" line="35" />
        <source>established</source>
        <translation>确定</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/labels.py" line="36" />
        <source>probable</source>
        <translation>很可能</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/labels.py" line="37" />
        <source>theoretical</source>
        <translation>理论推测</translation>
    </message>
</context>
<context>
    <name>DrugMessages</name>
    <message>
        <location filename="../../cdss/drugs/messages.py" line="27" />
        <source>{a} + {b}: {effect}</source>
        <extracomment>English templates, by code, marked for Qt Linguist: the UI looks up their translations by these exact strings.</extracomment>
        <translation>{a} + {b}：{effect}</translation>
    </message>
    <message>
        <location filename="../../cdss/drugs/messages.py" line="28" />
        <source>{a} + {b}: interaction reported</source>
        <translation>{a} + {b}：已报告相互作用</translation>
    </message>
    <message>
        <location filename="../../cdss/drugs/messages.py" line="29" />
        <source>{drug}: {action} at {measure} &lt; {below:g} ({used} {value:.0f})</source>
        <translation>{drug}：{measure} &lt; {below:g}时{action}（{used} {value:.0f}）</translation>
    </message>
    <message>
        <location filename="../../cdss/drugs/messages.py" line="31" />
        <source>{drug}: {action} in {kind}</source>
        <translation>{drug}：{kind}{action}</translation>
    </message>
    <message>
        <location filename="../../cdss/drugs/messages.py" line="32" />
        <source>Same ingredient entered more than once: {drug}</source>
        <translation>同一成分重复录入：{drug}</translation>
    </message>
    <message>
        <location filename="../../cdss/drugs/messages.py" line="33" />
        <source>Duplicate therapy: {a} and {b} (ATC group {group})</source>
        <translation>重复用药：{a}与{b}（ATC {group}组）</translation>
    </message>
    <message>
        <location filename="../../cdss/drugs/messages.py" line="34" />
        <source>Duplicate therapy: {a} and {b} (class '{group}')</source>
        <translation>重复用药：{a}与{b}（类别“{group}”）</translation>
    </message>
    <message>
        <location filename="../../cdss/drugs/messages.py" line="35" />
        <source>QT prolongation risk: {known} known-risk and {other} possible/conditional drug(s); Tisdale score ≥{score} ({band})</source>
        <translation>QT间期延长风险：{known}种已知风险药物，{other}种可能/条件性风险药物；Tisdale评分≥{score}（{band}）</translation>
    </message>
    <message>
        <location filename="../../cdss/drugs/messages.py" line="38" />
        <source>Serotonergic load: {count} drugs ({names})</source>
        <translation>5-羟色胺能负荷：{count}种药物（{names}）</translation>
    </message>
    <message>
        <location filename="../../cdss/drugs/messages.py" line="39" />
        <source>Bleeding-risk load: {count} drugs ({names})</source>
        <translation>出血风险负荷：{count}种药物（{names}）</translation>
    </message>
    <message>
        <location filename="../../cdss/drugs/messages.py" line="40" />
        <source>CNS depressant load: {count} drugs ({names})</source>
        <translation>中枢抑制负荷：{count}种药物（{names}）</translation>
    </message>
    <message>
        <location filename="../../cdss/drugs/messages.py" line="41" />
        <source>Hyperkalaemia risk: {count} potassium-raising drug(s) ({names})</source>
        <translation>高钾血症风险：{count}种升高血钾的药物（{names}）</translation>
    </message>
    <message>
        <location filename="../../cdss/drugs/messages.py" line="43" />
        <source>Anticholinergic burden: ACB total {total} ({names})</source>
        <translation>抗胆碱能负荷：ACB合计{total}（{names}）</translation>
    </message>
    <message>
        <location filename="../../cdss/drugs/messages.py" line="44" />
        <source>Recorded allergy to {drug} ({label})</source>
        <translation>有{drug}过敏记录（{label}）</translation>
    </message>
    <message>
        <location filename="../../cdss/drugs/messages.py" line="45" />
        <source>{drug}: {group} allergy recorded ({label})</source>
        <translation>{drug}：有{group}过敏记录（{label}）</translation>
    </message>
    <message>
        <location filename="../../cdss/drugs/messages.py" line="46" />
        <source>{drug}: shares the R1 side chain of a recorded beta-lactam allergen ({label})</source>
        <translation>{drug}：与已记录的β-内酰胺类过敏原具有相同R1侧链（{label}）</translation>
    </message>
    <message>
        <location filename="../../cdss/drugs/messages.py" line="48" />
        <source>{drug}: different beta-lactam class from the recorded allergy ({label})</source>
        <translation>{drug}：与已记录的过敏药物属不同的β-内酰胺类别（{label}）</translation>
    </message>
    <message>
        <location filename="../../cdss/drugs/messages.py" line="50" />
        <source>eGFR {egfr:.0f} mL/min/1.73 m² computed by CKD-EPI 2021 (race-free).</source>
        <translation>eGFR {egfr:.0f} mL/min/1.73 m²，按CKD-EPI 2021公式（不含种族系数）计算。</translation>
    </message>
    <message>
        <location filename="../../cdss/drugs/messages.py" line="52" />
        <source>CrCl {crcl:.0f} mL/min computed by Cockcroft-Gault with actual body weight.</source>
        <translation>CrCl {crcl:.0f} mL/min，按Cockcroft-Gault公式以实际体重计算。</translation>
    </message>
    <message>
        <location filename="../../cdss/drugs/messages.py" line="54" />
        <source>Allergy '{name}' not recognised: not checked.</source>
        <translation>未识别过敏原“{name}”：未进行检查。</translation>
    </message>
    <message>
        <location filename="../../cdss/drugs/messages.py" line="55" />
        <source>{drug}: single dose {dose} is above the adult maximum {max}</source>
        <translation>{drug}：单次剂量 {dose} 超过成人最大剂量 {max}</translation>
    </message>
    <message>
        <location filename="../../cdss/drugs/messages.py" line="57" />
        <source>{drug}: daily dose {dose} is above the adult maximum {max}</source>
        <translation>{drug}：日剂量 {dose} 超过成人最大日剂量 {max}</translation>
    </message>
    <message>
        <location filename="../../cdss/drugs/messages.py" line="59" />
        <source>{drug}: weekly dose {dose} is above the adult maximum {max}</source>
        <translation>{drug}：周剂量 {dose} 超过成人最大周剂量 {max}</translation>
    </message>
    <message>
        <location filename="../../cdss/drugs/messages.py" line="61" />
        <source>{drug}: {dose} is {factor}× the adult maximum {max}: check the unit (g or mg?)</source>
        <translation>{drug}：{dose} 是成人最大剂量 {max} 的 {factor} 倍：请核对单位（g 还是 mg？）</translation>
    </message>
    <message>
        <location filename="../../cdss/drugs/messages.py" line="63" />
        <source>{drug} is dosed weekly, but '{dose}' gives it every day</source>
        <translation>{drug} 应每周给药一次，但“{dose}”为每日给药</translation>
    </message>
    <message>
        <location filename="../../cdss/drugs/messages.py" line="65" />
        <source>{drug}: {dose} is above the maximum {max} at {measure} &lt; {below:g} ({measure} {value:.0f})</source>
        <translation>{drug}：{dose} 超过 {measure} &lt; {below:g} 时的最大剂量 {max}（{measure} {value:.0f}）</translation>
    </message>
    <message>
        <location filename="../../cdss/drugs/messages.py" line="67" />
        <source>{drug}: daily dose {dose} is above the maximum {max} in hepatic impairment</source>
        <translation>{drug}：日剂量 {dose} 超过肝功能损害时的最大剂量 {max}</translation>
    </message>
    <message>
        <location filename="../../cdss/drugs/messages.py" line="69" />
        <source>{drug}: '{dose}' is not in {unit}, the unit this drug is dosed in</source>
        <translation>{drug}：“{dose}”不是以该药的给药单位 {unit} 表示</translation>
    </message>
    <message>
        <location filename="../../cdss/drugs/messages.py" line="71" />
        <source>{drug}: no adult maximum dose in the knowledge pack: dose not checked.</source>
        <translation>{drug}：知识库中没有成人最大剂量：未检查剂量。</translation>
    </message>
    <message>
        <location filename="../../cdss/drugs/messages.py" line="73" />
        <source>{drug}: dose '{text}' not read (amount and unit, e.g. 500 mg): dose not checked.</source>
        <translation>{drug}：无法识别剂量“{text}”（需数量和单位，如 500 mg）：未检查剂量。</translation>
    </message>
    <message>
        <location filename="../../cdss/drugs/messages.py" line="75" />
        <source>{drug}: maximum is per kg and no weight is recorded: dose not checked.</source>
        <translation>{drug}：最大剂量按体重计算，但未记录体重：未检查剂量。</translation>
    </message>
    <message>
        <location filename="../../cdss/drugs/messages.py" line="77" />
        <source>{drug}: no frequency given (e.g. bid): only the single dose was checked.</source>
        <translation>{drug}：未给出频次（如 bid）：仅检查了单次剂量。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/messages_text.py" line="25" />
        <source>contraindicated</source>
        <extracomment>Words for the vocabulary tokens that appear as parameters (see cdss.drugs.messages.TOKEN_PARAMS).</extracomment>
        <translation>禁用</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/messages_text.py" line="26" />
        <source>avoid</source>
        <translation>避免使用</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/messages_text.py" line="27" />
        <source>do not start</source>
        <translation>不要起始使用</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/messages_text.py" line="28" />
        <source>reduce dose</source>
        <translation>减量</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/messages_text.py" line="29" />
        <source>caution</source>
        <translation>慎用</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/messages_text.py" line="30" />
        <source>compatible</source>
        <translation>可以使用</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/messages_text.py" line="33" />
        <source>pregnancy</source>
        <translation>妊娠</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/messages_text.py" line="34" />
        <source>lactation</source>
        <translation>哺乳期</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/messages_text.py" line="35" />
        <source>hepatic impairment</source>
        <translation>肝功能损害</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/messages_text.py" line="38" />
        <source>high (≥11)</source>
        <translation>高（≥11）</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/messages_text.py" line="39" />
        <source>moderate (7-10)</source>
        <translation>中（7-10）</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/messages_text.py" line="40" />
        <source>low (≤6)</source>
        <translation>低（≤6）</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/messages_text.py" line="43" />
        <source>penicillin</source>
        <translation>青霉素类</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/messages_text.py" line="44" />
        <source>cephalosporin</source>
        <translation>头孢菌素类</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/messages_text.py" line="45" />
        <source>carbapenem</source>
        <translation>碳青霉烯类</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/messages_text.py" line="46" />
        <source>monobactam</source>
        <translation>单环β-内酰胺类</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/messages_text.py" line="47" />
        <source>sulfonamide antibiotic</source>
        <translation>磺胺类抗菌药</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/messages_text.py" line="48" />
        <source>non-antibiotic sulfonamide</source>
        <translation>非抗菌药磺胺类</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/messages_text.py" line="49" />
        <source>macrolide</source>
        <translation>大环内酯类</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/messages_text.py" line="50" />
        <source>fluoroquinolone</source>
        <translation>氟喹诺酮类</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/messages_text.py" line="51" />
        <source>tetracycline</source>
        <translation>四环素类</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/messages_text.py" line="52" />
        <source>aminoglycoside</source>
        <translation>氨基糖苷类</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/messages_text.py" line="53" />
        <source>NSAID</source>
        <translation>非甾体抗炎药</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/messages_text.py" line="54" />
        <source>opioid</source>
        <translation>阿片类</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/messages_text.py" line="55" />
        <source>iodinated contrast</source>
        <translation>碘造影剂</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/messages_text.py" line="56" />
        <source>glycopeptide</source>
        <translation>糖肽类</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/messages_text.py" line="57" />
        <source>lincosamide</source>
        <translation>林可酰胺类</translation>
    </message>
</context>
<context>
    <name>DrugPacks</name>
    <message>
        <location filename="../../cdss/ui/drugs/packs_dialog.py" line="41" />
        <source>DDInter interactions (CSV)</source>
        <extracomment>(format token, label, file filter) for the format chooser and the file dialog.</extracomment>
        <translation>DDInter 相互作用（CSV）</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/packs_dialog.py" line="42" />
        <source>DDInter CSV (*.csv);;All files (*)</source>
        <translation>DDInter CSV (*.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/packs_dialog.py" line="43" />
        <source>ANSM thesaurus (French JSON or English 2016 TSV)</source>
        <translation>ANSM 相互作用汇编（法文JSON或2016年英文TSV）</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/packs_dialog.py" line="44" />
        <source>ANSM files (*.json *.tsv);;All files (*)</source>
        <translation>ANSM 文件 (*.json *.tsv);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/packs_dialog.py" line="45" />
        <source>WHO ATC/DDD index (CSV)</source>
        <translation>WHO ATC/DDD 索引（CSV）</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/packs_dialog.py" line="46" />
        <source>ATC CSV (*.csv);;All files (*)</source>
        <translation>ATC CSV (*.csv);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>DrugsPage</name>
    <message>
        <location filename="../../cdss/ui/drugs/page.py" line="161" />
        <source>matched: {text}</source>
        <translation>匹配：{text}</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/page.py" line="212" />
        <source>Alerts appear here when the regimen has drugs.</source>
        <translation>方案中加入药物后，警示将显示在这里。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/page.py" line="214" />
        <source>No alerts for this regimen and context.</source>
        <translation>该方案及患者信息下无警示。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/page.py" line="216" />
        <source>1 alert</source>
        <translation>1 条警示</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/page.py" line="218" />
        <source>{count} alerts, most severe first</source>
        <translation>{count} 条警示，按严重程度排序</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/page.py" line="284" />
        <source>Loaded from the record of {name}: {count} active medications.</source>
        <translation>已从 {name} 的病历载入：{count} 种在用药物。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/page.py" line="287" />
        <source>Not in the dictionary, not checked: {names}.</source>
        <translation>词典中没有、未审查：{names}。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/page.py" line="336" />
        <source>Alert statistics…</source>
        <translation>警示统计…</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/page.py" line="337" />
        <source>From a patient…</source>
        <translation>从患者载入…</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/page.py" line="338" />
        <source>Load a Records patient's active medications, latest labs, allergies and pregnancy status</source>
        <translation>载入病历中患者的在用药物、最新检验、过敏史和妊娠状态</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/page.py" line="340" />
        <source>Prescribe in the record…</source>
        <translation>在病历中开具…</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/page.py" line="341" />
        <source>Open the patient's Medications tab and prescribe the drugs added here, each through the record's own check</source>
        <translation>打开患者的用药页，逐一开具此处新增的药物，每种都经过病历自身的审查</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/page.py" line="343" />
        <source>Calculators…</source>
        <translation>剂量计算器…</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/page.py" line="345" />
        <source>Knowledge packs…</source>
        <translation>知识包…</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/page.py" line="348" />
        <source>Loading the drug dictionary…</source>
        <translation>正在加载药物词典…</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/page.py" line="350" />
        <source>Search: 华法林, huafalin, hfl, warfarin, Plavix…</source>
        <translation>搜索：华法林、huafalin、hfl、warfarin、波立维…</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/page.py" line="357" />
        <source>Choose a drug to read its monograph. Every section names its source; a section that is not known is marked as not available.</source>
        <translation>选择一个药物查看其说明。每一部分都注明来源；未知的部分标为“暂无资料”。</translation>
    </message>
</context>
<context>
    <name>DueButton</name>
    <message>
        <location filename="../../cdss/ui/records/due_button.py" line="71" />
        <source>Due ({count})</source>
        <translation>到期 ({count})</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/due_button.py" line="74" />
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/due_button.py" line="76" />
        <source>Follow-ups due today or overdue</source>
        <translation>今天到期或已逾期的随访</translation>
    </message>
</context>
<context>
    <name>DueFollowUpsDialog</name>
    <message>
        <location filename="../../cdss/ui/records/due_panel.py" line="73" />
        <source>due today</source>
        <translation>今天到期</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/due_panel.py" line="75" />
        <source>1 day overdue</source>
        <translation>逾期 1 天</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/due_panel.py" line="77" />
        <source>{days} days overdue</source>
        <translation>逾期 {days} 天</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/due_panel.py" line="112" />
        <source>Due today or overdue: {count}</source>
        <translation>今天到期或已逾期：{count}</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/due_panel.py" line="114" />
        <source>Nothing is due. Follow-ups appear here on their due date.</source>
        <translation>暂无到期随访。随访会在到期当天出现在这里。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/due_panel.py" line="117" />
        <source>Due follow-ups</source>
        <translation>到期随访</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/due_panel.py" line="118" />
        <source>Mark done</source>
        <translation>标记为已完成</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/due_panel.py" line="119" />
        <source>Open patient</source>
        <translation>打开患者</translation>
    </message>
</context>
<context>
    <name>EntryEditDialog</name>
    <message>
        <location filename="../../cdss/ui/records/entry_edit_dialog.py" line="98" />
        <source>Write some text: an empty entry cannot be kept (delete it instead).</source>
        <translation>请填写内容：空白记录无法保存（如不需要请删除）。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/entry_edit_dialog.py" line="102" />
        <source>“{code}” is not an ICD-10 code (e.g. J18.9 or E11.9).</source>
        <translation>“{code}”不是 ICD-10 编码（例如 J18.9 或 E11.9）。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/entry_edit_dialog.py" line="106" />
        <source>Edit entry</source>
        <translation>编辑记录</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/entry_edit_dialog.py" line="107" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/entry_edit_dialog.py" line="108" />
        <source>Date and time</source>
        <translation>日期和时间</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/entry_edit_dialog.py" line="109" />
        <source>Text</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/entry_edit_dialog.py" line="110" />
        <source>ICD-10 code</source>
        <translation>ICD-10 编码</translation>
    </message>
</context>
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
    <name>EvidencePanel</name>
    <message>
        <location filename="../../cdss/ui/records/evidence_panel.py" line="73" />
        <source>Looking for papers on this case…</source>
        <extracomment>A paper's id, when the doctor asks to open it (the window may switch to the Literature room).</extracomment>
        <translation>正在查找与本病例相关的文献…</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/evidence_panel.py" line="101" />
        <source>The evidence for this case could not be loaded.</source>
        <translation>无法加载本病例的证据。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/evidence_panel.py" line="178" />
        <source>diagnosis</source>
        <translation>诊断</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/evidence_panel.py" line="178" />
        <source>drug</source>
        <translation>药品</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/evidence_panel.py" line="178" />
        <source>term</source>
        <translation>关键词</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/evidence_panel.py" line="181" />
        <source>Searched the library for {concepts}</source>
        <translation>已在文献库中检索：{concepts}</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/evidence_panel.py" line="183" />
        <source>This case has no diagnoses, active drugs or key terms to search for yet.</source>
        <translation>本病例尚无可供检索的诊断、在用药物或关键词。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/evidence_panel.py" line="184" />
        <source>Linked to this case</source>
        <translation>已关联到本病例</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/evidence_panel.py" line="184" />
        <source>Suggested from your library</source>
        <translation>文献库推荐</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/evidence_panel.py" line="189" />
        <source>No papers linked yet.</source>
        <translation>尚未关联文献。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/evidence_panel.py" line="192" />
        <source>Your library is empty: import papers in the Literature room.</source>
        <translation>文献库为空：请在“文献”中导入文献。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/evidence_panel.py" line="194" />
        <source>No papers in your library match this case.</source>
        <translation>文献库中没有与本病例匹配的文献。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/evidence_panel.py" line="203" />
        <source>entry: {entry}</source>
        <translation>条目：{entry}</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/evidence_panel.py" line="204" />
        <source>whole case</source>
        <translation>整个病例</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/evidence_panel.py" line="206" />
        <source>Unlink</source>
        <translation>取消关联</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/evidence_panel.py" line="216" />
        <source>Matches {reasons}</source>
        <translation>匹配 {reasons}</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/evidence_panel.py" line="217" />
        <source>Link to case</source>
        <translation>关联到病例</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/evidence_panel.py" line="217" />
        <source>Link to entry…</source>
        <translation>关联到条目…</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/evidence_panel.py" line="229" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
</context>
<context>
    <name>ExchangePage</name>
    <message>
        <location filename="../../cdss/ui/exchange/page.py" line="133" />
        <source>Signed in as {user} on {server}</source>
        <translation>已以 {user} 身份登录 {server}</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/page.py" line="136" />
        <source>Not signed in to an exchange server.</source>
        <translation>未登录交流服务器。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/page.py" line="164" />
        <source>Syncing…</source>
        <translation>正在同步…</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/page.py" line="180" />
        <source>The server could not be reached; queued actions wait for the next sync.</source>
        <translation>无法连接服务器；待发送的操作将等待下次同步。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/page.py" line="182" />
        <source>Sent {pushed}, received {received}.</source>
        <translation>已发送 {pushed}，已接收 {received}。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/page.py" line="185" />
        <source>{failed} refused, {conflicts} in conflict: see the outbox.</source>
        <translation>{failed} 个被拒绝，{conflicts} 个冲突：请查看待发送列表。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/page.py" line="214" />
        <source>Outbox ({count})</source>
        <translation>待发送（{count}）</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/page.py" line="214" />
        <source>Outbox</source>
        <translation>待发送</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/page.py" line="220" />
        <source>Last sync: {when} (UTC)</source>
        <translation>上次同步：{when}（UTC）</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/page.py" line="221" />
        <source>Never synced.</source>
        <translation>尚未同步。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/page.py" line="222" />
        <source>{pending} waiting, {failed} refused, {conflicts} in conflict.</source>
        <translation>{pending} 个等待，{failed} 个被拒绝，{conflicts} 个冲突。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/page.py" line="233" />
        <source>Sign in…</source>
        <translation>登录…</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/page.py" line="234" />
        <source>Sign in to an exchange server…</source>
        <translation>登录交流服务器…</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/page.py" line="235" />
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/page.py" line="236" />
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/page.py" line="237" />
        <source>Shared cases</source>
        <translation>共享病例</translation>
    </message>
</context>
<context>
    <name>ExchangeRoom</name>
    <message>
        <location filename="../../cdss/ui/exchange/case_html.py" line="30" />
        <source>revision {n}</source>
        <translation>第 {n} 版</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/case_html.py" line="32" />
        <source>age {band}</source>
        <translation>年龄 {band}</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/case_html.py" line="52" />
        <source>not downloaded yet (sync to fetch)</source>
        <translation>尚未下载（同步后获取）</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/case_html.py" line="58" />
        <source>Pictures</source>
        <translation>图片</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/case_html.py" line="68" />
        <source>Withdrawn by its author.</source>
        <translation>作者已撤回此病例。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/case_html.py" line="71" />
        <source>Hidden by a moderator.</source>
        <translation>已被管理员隐藏。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/case_html.py" line="100" />
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/case_html.py" line="110" />
        <source>Labs</source>
        <translation>检验</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/case_html.py" line="117" />
        <source>Medications</source>
        <translation>用药</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/case_html.py" line="118" />
        <source>Allergies</source>
        <translation>过敏史</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/case_html.py" line="125" />
        <source>Dates are shifted by an undisclosed offset; intervals between them are preserved.</source>
        <translation>日期已按未公开的偏移量平移；日期之间的间隔保持不变。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/case_html.py" line="133" />
        <source>No comments yet.</source>
        <translation>暂无评论。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/case_html.py" line="141" />
        <source>(hidden by a moderator)</source>
        <translation>（已被管理员隐藏）</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/case_html.py" line="142" />
        <source>(deleted)</source>
        <translation>（已删除）</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/case_html.py" line="158" />
        <source>You</source>
        <translation>我</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/case_html.py" line="161" />
        <source>waiting to be sent</source>
        <translation>等待发送</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/case_html.py" line="163" />
        <source>refused: {error}</source>
        <translation>被拒绝：{error}</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/case_html.py" line="172" />
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/case_html.py" line="172" />
        <source>Specialty</source>
        <translation>专科</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/case_html.py" line="173" />
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/case_html.py" line="173" />
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/case_html.py" line="174" />
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/case_html.py" line="186" />
        <source>Mine (queued)</source>
        <translation>我的版本（待发送）</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/case_html.py" line="187" />
        <source>Server (revision {n}, by {author})</source>
        <translation>服务器版本（第 {n} 版，{author}）</translation>
    </message>
</context>
<context>
    <name>ExchangeSpecialty</name>
    <message>
        <location filename="../../cdss/ui/exchange/specialty_labels.py" line="16" />
        <source>Cardiology</source>
        <translation>心血管内科</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/specialty_labels.py" line="17" />
        <source>Dermatology</source>
        <translation>皮肤科</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/specialty_labels.py" line="18" />
        <source>Emergency medicine</source>
        <translation>急诊医学</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/specialty_labels.py" line="19" />
        <source>Endocrinology</source>
        <translation>内分泌科</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/specialty_labels.py" line="20" />
        <source>Gastroenterology</source>
        <translation>消化内科</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/specialty_labels.py" line="21" />
        <source>General practice</source>
        <translation>全科</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/specialty_labels.py" line="22" />
        <source>Geriatrics</source>
        <translation>老年医学科</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/specialty_labels.py" line="23" />
        <source>Hematology</source>
        <translation>血液科</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/specialty_labels.py" line="24" />
        <source>Infectious diseases</source>
        <translation>感染科</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/specialty_labels.py" line="25" />
        <source>Nephrology</source>
        <translation>肾内科</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/specialty_labels.py" line="26" />
        <source>Neurology</source>
        <translation>神经内科</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/specialty_labels.py" line="27" />
        <source>Obstetrics and gynecology</source>
        <translation>妇产科</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/specialty_labels.py" line="28" />
        <source>Oncology</source>
        <translation>肿瘤科</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/specialty_labels.py" line="29" />
        <source>Ophthalmology</source>
        <translation>眼科</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/specialty_labels.py" line="30" />
        <source>Orthopedics</source>
        <translation>骨科</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/specialty_labels.py" line="31" />
        <source>Pediatrics</source>
        <translation>儿科</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/specialty_labels.py" line="32" />
        <source>Psychiatry</source>
        <translation>精神科</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/specialty_labels.py" line="33" />
        <source>Pulmonology</source>
        <translation>呼吸内科</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/specialty_labels.py" line="34" />
        <source>Rheumatology</source>
        <translation>风湿免疫科</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/specialty_labels.py" line="35" />
        <source>Surgery</source>
        <translation>外科</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/specialty_labels.py" line="36" />
        <source>Urology</source>
        <translation>泌尿外科</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/specialty_labels.py" line="37" />
        <source>Other</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>FeedView</name>
    <message>
        <location filename="../../cdss/ui/exchange/feed_view.py" line="179" />
        <source>{count} cases shown</source>
        <translation>显示 {count} 个病例</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/feed_view.py" line="180" />
        <source>No shared cases match.</source>
        <translation>没有符合条件的共享病例。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/feed_view.py" line="203" />
        <source>The server cannot be reached: showing {count} cases received at earlier syncs.</source>
        <translation>无法连接服务器：显示以往同步收到的 {count} 个病例。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/feed_view.py" line="213" />
        <source>{n} comments</source>
        <translation>{n} 条评论</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/feed_view.py" line="236" />
        <source>Loading comments…</source>
        <translation>正在加载评论…</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/feed_view.py" line="265" />
        <location filename="../../cdss/ui/exchange/feed_view.py" line="289" />
        <source>Saved in your records as patient {id}.</source>
        <translation>已保存到您的病历，患者编号 {id}。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/feed_view.py" line="280" />
        <source>Exchange case {id}</source>
        <translation>交流病例 {id}</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/feed_view.py" line="304" />
        <source>Comment sent.</source>
        <translation>评论已发送。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/feed_view.py" line="305" />
        <source>Comment saved in the outbox; it is sent at the next sync.</source>
        <translation>评论已存入待发送队列，将在下次同步时发送。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/feed_view.py" line="325" />
        <source>Search shared cases: words in the title, summary or text; #tag for a tag</source>
        <translation>搜索共享病例：标题、摘要或正文中的词；#标签 按标签筛选</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/feed_view.py" line="329" />
        <source>All specialties</source>
        <translation>全部专科</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/feed_view.py" line="334" />
        <source>Only mine</source>
        <translation>只看我的</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/feed_view.py" line="335" />
        <source>Load more</source>
        <translation>加载更多</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/feed_view.py" line="336" />
        <source>Save to my records</source>
        <translation>保存到我的病历</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/feed_view.py" line="337" />
        <source>Post comment</source>
        <translation>发表评论</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/feed_view.py" line="338" />
        <source>Write a comment (sent when online)</source>
        <translation>写评论（联网时发送）</translation>
    </message>
</context>
<context>
    <name>FollowUpDialog</name>
    <message>
        <location filename="../../cdss/ui/records/follow_up_dialog.py" line="79" />
        <source>The follow-up date is before the case was opened ({date}). Check the year.</source>
        <translation>随访日期早于病例建立日期（{date}）。请检查年份。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/follow_up_dialog.py" line="84" />
        <source>Edit follow-up</source>
        <translation>编辑随访</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/follow_up_dialog.py" line="84" />
        <source>New follow-up</source>
        <translation>新建随访</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/follow_up_dialog.py" line="85" />
        <source>Due on</source>
        <translation>随访日期</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/follow_up_dialog.py" line="86" />
        <source>In</source>
        <translation>间隔</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/follow_up_dialog.py" line="87" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/follow_up_dialog.py" line="88" />
        <source>e.g. recheck creatinine and potassium</source>
        <translation>例如 复查肌酐和血钾</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/follow_up_dialog.py" line="89" />
        <source>1 week</source>
        <translation>1 周</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/follow_up_dialog.py" line="89" />
        <source>2 weeks</source>
        <translation>2 周</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/follow_up_dialog.py" line="89" />
        <source>1 month</source>
        <translation>1 个月</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/follow_up_dialog.py" line="89" />
        <source>3 months</source>
        <translation>3 个月</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/follow_up_dialog.py" line="89" />
        <source>6 months</source>
        <translation>6 个月</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../cdss/ui/records/import_dialog.py" line="100" />
        <location filename="../../cdss/ui/records/import_dialog.py" line="257" />
        <source>Import patients</source>
        <translation>导入患者</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_dialog.py" line="101" />
        <source>Patient files (*.json *.ndjson *.csv *.txt *.xlsx);;All files (*)</source>
        <translation>患者文件 (*.json *.ndjson *.csv *.txt *.xlsx);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_dialog.py" line="113" />
        <source>{name}: {message}</source>
        <translation>{name}：{message}</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_dialog.py" line="122" />
        <source>{name}: a table — choose it again after this one to map its columns.</source>
        <translation>{name}：表格文件——完成当前文件后请再次选择它以映射列。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_dialog.py" line="165" />
        <source>Checking every row…</source>
        <translation>正在检查每一行…</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_dialog.py" line="189" />
        <source>{ok} of {total} rows OK ({patients} patients); {bad} rows with problems.</source>
        <translation>{total} 行中 {ok} 行无误（{patients} 位患者）；{bad} 行有问题。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_dialog.py" line="193" />
        <source>… and {count} more.</source>
        <translation>……另有 {count} 条。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_dialog.py" line="195" />
        <source>Ready to import.</source>
        <translation>可以导入。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_dialog.py" line="206" />
        <source>(ignore)</source>
        <translation>（忽略）</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_dialog.py" line="235" />
        <source>{name}: patients imported: {added}; skipped (already present): {skipped}.</source>
        <translation>{name}：导入患者 {added} 位；跳过（已存在）{skipped} 位。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_dialog.py" line="242" />
        <source>{name}: nothing imported. {message}</source>
        <translation>{name}：未导入任何内容。{message}</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_dialog.py" line="253" />
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_dialog.py" line="258" />
        <source>Choose files…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_dialog.py" line="260" />
        <source>FHIR files are imported at once; CSV and Excel tables are checked first.</source>
        <translation>FHIR 文件会直接导入；CSV 和 Excel 表格会先检查。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_dialog.py" line="261" />
        <source>Column in the file</source>
        <translation>文件中的列</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_dialog.py" line="261" />
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_dialog.py" line="262" />
        <source>Column mapping</source>
        <translation>列映射</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_dialog.py" line="263" />
        <source>Check (nothing is stored yet)</source>
        <translation>检查结果（尚未保存任何内容）</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_dialog.py" line="264" />
        <source>Imported</source>
        <translation>导入时间</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_dialog.py" line="265" />
        <source>Import</source>
        <translation>导入</translation>
    </message>
</context>
<context>
    <name>ImportErrors</name>
    <message>
        <location filename="../../cdss/ui/records/import_texts.py" line="70" />
        <source>Cannot read {name}: {reason}.</source>
        <translation>无法读取 {name}：{reason}。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_texts.py" line="71" />
        <location filename="../../cdss/ui/records/import_texts.py" line="116" />
        <source>{name} is empty.</source>
        <translation>{name} 是空文件。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_texts.py" line="72" />
        <source>{name} is a damaged ZIP/XLSX file.</source>
        <translation>{name} 是已损坏的 ZIP/XLSX 文件。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_texts.py" line="73" />
        <source>{name} is {size_mb} MB; files over {limit_mb} MB are refused. Split the file and retry.</source>
        <translation>{name} 大小为 {size_mb} MB；超过 {limit_mb} MB 的文件不予导入。请拆分文件后重试。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_texts.py" line="75" />
        <source>{name} is neither a FHIR JSON file, a CSV table nor an Excel .xlsx workbook.</source>
        <translation>{name} 既不是 FHIR JSON 文件，也不是 CSV 表格或 Excel .xlsx 工作簿。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_texts.py" line="77" />
        <source>{name} is an old Excel 97-2003 (.xls) workbook. Open it in Excel or WPS, save it as .xlsx and retry.</source>
        <translation>{name} 是旧版 Excel 97-2003（.xls）工作簿。请用 Excel 或 WPS 打开并另存为 .xlsx 后重试。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_texts.py" line="80" />
        <source>{name} is JSON but not a FHIR resource. Export the patient from the source system as a FHIR R4 Bundle.</source>
        <translation>{name} 是 JSON 文件，但不是 FHIR 资源。请从原系统将患者导出为 FHIR R4 Bundle。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_texts.py" line="83" />
        <source>The file's text encoding is not UTF-8, GBK or GB18030. Save it again as UTF-8 (Excel: “CSV UTF-8”) and retry.</source>
        <translation>文件的文本编码不是 UTF-8、GBK 或 GB18030。请另存为 UTF-8（Excel：“CSV UTF-8”）后重试。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_texts.py" line="86" />
        <source>The file is not a text file. Export it as CSV (UTF-8) or XLSX and retry.</source>
        <translation>该文件不是文本文件。请导出为 CSV（UTF-8）或 XLSX 后重试。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_texts.py" line="89" />
        <source>{name} has no rows.</source>
        <translation>{name} 没有任何行。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_texts.py" line="90" />
        <source>{name} has a header but no patient rows.</source>
        <translation>{name} 只有表头，没有患者数据行。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_texts.py" line="91" />
        <source>{name} is not a readable CSV table ({reason}).</source>
        <translation>{name} 不是可读取的 CSV 表格（{reason}）。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_texts.py" line="92" />
        <source>{name} is not a readable .xlsx workbook ({reason}).</source>
        <translation>{name} 不是可读取的 .xlsx 工作簿（{reason}）。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_texts.py" line="93" />
        <source>The table has {count} rows; at most {limit} are imported at once. Split the file and retry.</source>
        <translation>表格有 {count} 行；每次最多导入 {limit} 行。请拆分文件后重试。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_texts.py" line="95" />
        <source>{name}: no column holds the patient's name (姓名/name). Columns: {columns}. Rename the header or choose “Name” for that column in the mapping.</source>
        <translation>{name}：没有包含患者姓名（姓名/name）的列。现有列：{columns}。请修改表头，或在列映射中将该列设为“姓名”。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_texts.py" line="98" />
        <source>{name}: nothing was imported because {rows} rows have problems.</source>
        <translation>{name}：有 {rows} 行存在问题，未导入任何数据。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_texts.py" line="100" />
        <source>The mapping names column “{column}”, which the table does not have. Columns: {columns}.</source>
        <translation>映射中指定的列“{column}”在表格中不存在。现有列：{columns}。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_texts.py" line="102" />
        <source>The mapping sends column “{column}” to “{field}”, which is not a field.</source>
        <translation>映射将列“{column}”对应到“{field}”，但这不是有效字段。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_texts.py" line="104" />
        <source>Columns “{first}” and “{column}” are both mapped to the same field; set one of them to “(ignore)”.</source>
        <translation>列“{first}”和“{column}”映射到了同一字段；请将其中一列设为“（忽略）”。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_texts.py" line="107" />
        <source>Cannot read the mapping file {name}: {reason}.</source>
        <translation>无法读取映射文件 {name}：{reason}。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_texts.py" line="108" />
        <source>The mapping file {name} is not valid JSON ({reason}).</source>
        <translation>映射文件 {name} 不是有效的 JSON（{reason}）。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_texts.py" line="109" />
        <source>{name} must be a JSON object of column name → field name.</source>
        <translation>{name} 必须是“列名 → 字段名”形式的 JSON 对象。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_texts.py" line="111" />
        <source>Every row of {name} needs two cells: column name, field name.</source>
        <translation>{name} 的每一行都需要两个单元格：列名、字段名。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_texts.py" line="114" />
        <source>{name} is not UTF-8 text; FHIR JSON must be UTF-8. Re-export it as UTF-8.</source>
        <translation>{name} 不是 UTF-8 文本；FHIR JSON 必须为 UTF-8。请重新导出为 UTF-8。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_texts.py" line="117" />
        <source>{name} is not valid JSON (line {line}, column {column}).</source>
        <translation>{name} 不是有效的 JSON（第 {line} 行，第 {column} 列）。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_texts.py" line="118" />
        <source>Expected a FHIR Bundle, found “{found}”. Export the patient as a Bundle (collection or transaction).</source>
        <translation>应为 FHIR Bundle，实际为“{found}”。请将患者导出为 Bundle（collection 或 transaction）。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_texts.py" line="121" />
        <source>Bundle type “{bundle_type}” cannot be imported; expected one of {accepted}.</source>
        <translation>无法导入类型为“{bundle_type}”的 Bundle；应为以下之一：{accepted}。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_texts.py" line="123" />
        <source>The bundle's entry list is not a list.</source>
        <translation>Bundle 的 entry 不是列表。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_texts.py" line="124" />
        <source>{where} is not valid FHIR R4: an element has the wrong shape.</source>
        <translation>{where} 不是有效的 FHIR R4：某个元素结构错误。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_texts.py" line="126" />
        <source>Bundle entry {entry} has no resource with a resourceType.</source>
        <translation>Bundle 第 {entry} 个条目没有带 resourceType 的资源。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_texts.py" line="127" />
        <source>The bundle contains no Patient resource, so there is nothing to import.</source>
        <translation>该 Bundle 不含 Patient 资源，没有可导入的内容。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_texts.py" line="129" />
        <source>{where} does not point to a Patient in this bundle.</source>
        <translation>{where} 未指向本 Bundle 中的 Patient。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_texts.py" line="131" />
        <source>{where}: the Patient has no name.</source>
        <translation>{where}：Patient 没有姓名。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_texts.py" line="132" />
        <source>{where}: the Encounter has no start date, so the case cannot be dated.</source>
        <translation>{where}：Encounter 没有开始日期，无法确定病例日期。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_texts.py" line="134" />
        <source>{where} has no date ({keys}) and no dated Encounter.</source>
        <translation>{where} 没有日期（{keys}），也没有带日期的 Encounter。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_texts.py" line="136" />
        <source>{where}: the medication has no name or code display.</source>
        <translation>{where}：药物没有名称或编码显示名。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_texts.py" line="138" />
        <source>{where}: a follow-up has no date.</source>
        <translation>{where}：随访没有日期。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_texts.py" line="139" />
        <source>{where}: the AllergyIntolerance does not name a substance.</source>
        <translation>{where}：AllergyIntolerance 未注明过敏物质。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_texts.py" line="141" />
        <source>{where}: the Observation has no code.</source>
        <translation>{where}：Observation 没有编码。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_texts.py" line="142" />
        <source>{where}: unknown CDSS entry kind “{kind}”.</source>
        <translation>{where}：未知的 CDSS 记录类型“{kind}”。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_texts.py" line="143" />
        <source>{where}: the inline document text cannot be decoded.</source>
        <translation>{where}：内嵌文档文本无法解码。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_texts.py" line="145" />
        <source>{where} is not a valid FHIR date or date/time.</source>
        <translation>{where} 不是有效的 FHIR 日期或日期时间。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_texts.py" line="148" />
        <source>{name} looks truncated (cut off before its end); copy or download it again.</source>
        <translation>{name} 似乎不完整（在结尾前被截断）；请重新复制或下载。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_texts.py" line="150" />
        <source>{name} nests JSON too deeply to be a FHIR bundle.</source>
        <translation>{name} 的 JSON 嵌套过深，不是 FHIR Bundle。</translation>
    </message>
</context>
<context>
    <name>ImportFields</name>
    <message>
        <location filename="../../cdss/ui/records/import_texts.py" line="19" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_texts.py" line="20" />
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_texts.py" line="21" />
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_texts.py" line="22" />
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_texts.py" line="23" />
        <source>ID card number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_texts.py" line="24" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_texts.py" line="25" />
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_texts.py" line="26" />
        <source>Email</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_texts.py" line="27" />
        <source>Visit date</source>
        <translation>就诊日期</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_texts.py" line="28" />
        <source>Case title</source>
        <translation>病例标题</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_texts.py" line="29" />
        <source>Chief complaint</source>
        <translation>主诉</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_texts.py" line="30" />
        <source>Diagnosis</source>
        <translation>诊断</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_texts.py" line="31" />
        <source>ICD-10 code</source>
        <translation>ICD-10 编码</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_texts.py" line="32" />
        <source>Allergies</source>
        <translation>过敏史</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_texts.py" line="33" />
        <source>Medications</source>
        <translation>用药</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_texts.py" line="34" />
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_texts.py" line="35" />
        <source>Inpatient number</source>
        <translation>住院号</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_texts.py" line="36" />
        <source>Outpatient number</source>
        <translation>门诊号</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_texts.py" line="37" />
        <source>Medical record number</source>
        <translation>病案号</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_texts.py" line="38" />
        <source>Insurance number</source>
        <translation>医保号</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_texts.py" line="39" />
        <source>Lab test name</source>
        <translation>检验项目</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_texts.py" line="40" />
        <source>Lab value</source>
        <translation>检验结果</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_texts.py" line="41" />
        <source>Lab unit</source>
        <translation>检验单位</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_texts.py" line="42" />
        <source>Lab reference range</source>
        <translation>参考范围</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_texts.py" line="43" />
        <source>Lab date</source>
        <translation>检验日期</translation>
    </message>
</context>
<context>
    <name>ImportProblems</name>
    <message>
        <location filename="../../cdss/ui/records/import_texts.py" line="47" />
        <source>“{value}” is not a date; write it as 2023-01-05, 2023/1/5 or 2023年1月5日.</source>
        <translation>“{value}”不是日期；请写作 2023-01-05、2023/1/5 或 2023年1月5日。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_texts.py" line="49" />
        <source>the patient's name is empty.</source>
        <translation>患者姓名为空。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_texts.py" line="50" />
        <source>“{value}” is not a sex value; use 男/女, M/F or male/female.</source>
        <translation>“{value}”不是有效的性别；请用 男/女、M/F 或 male/female。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_texts.py" line="51" />
        <source>the birth date is in the future.</source>
        <translation>出生日期晚于今天。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_texts.py" line="52" />
        <source>“{value}” is not an age in years (e.g. 45 or 45岁).</source>
        <translation>“{value}”不是以岁为单位的年龄（例如 45 或 45岁）。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_texts.py" line="53" />
        <source>the ID card number is not a valid 18-digit resident ID.</source>
        <translation>身份证号不是有效的 18 位居民身份证号码。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_texts.py" line="54" />
        <source>“{value}” is not a phone number.</source>
        <translation>“{value}”不是电话号码。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_texts.py" line="55" />
        <source>“{value}” is not an e-mail address.</source>
        <translation>“{value}”不是电子邮箱地址。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_texts.py" line="56" />
        <source>{field_label} needs the date it was made: add a visit date column or value.</source>
        <translation>{field_label}需要对应日期：请添加就诊日期列或填写就诊日期。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_texts.py" line="58" />
        <source>“{value}” is not an ICD-10 code such as I10 or E11.9.</source>
        <translation>“{value}”不是 ICD-10 编码（如 I10 或 E11.9）。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_texts.py" line="59" />
        <source>give one ICD-10 code per diagnosis, in the same order.</source>
        <translation>每个诊断对应一个 ICD-10 编码，顺序须一致。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_texts.py" line="61" />
        <source>a lab value needs the test name.</source>
        <translation>检验结果需要填写检验项目名称。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_texts.py" line="62" />
        <source>a lab result needs a date: add a lab date or visit date.</source>
        <translation>检验结果需要日期：请添加检验日期或就诊日期。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_texts.py" line="63" />
        <source>“{value}” is not a range like 3.5-5.5 or &lt;5.2.</source>
        <translation>“{value}”不是参考范围（如 3.5-5.5 或 &lt;5.2）。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_texts.py" line="64" />
        <source>this row gives a different sex for {name} than an earlier row.</source>
        <translation>此行中 {name} 的性别与前面的行不一致。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_texts.py" line="162" />
        <source>Row {row}, column “{column}”</source>
        <translation>第 {row} 行，“{column}”列</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/import_texts.py" line="165" />
        <source>Row {row}</source>
        <translation>第 {row} 行</translation>
    </message>
</context>
<context>
    <name>LabDialog</name>
    <message>
        <location filename="../../cdss/ui/records/lab_dialog.py" line="105" />
        <source>Enter the test name (e.g. Creatinine, 肌酐, Systolic BP).</source>
        <translation>请填写检验项目名称（例如 肌酐、Creatinine、收缩压）。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/lab_dialog.py" line="107" />
        <source>Enter the result value.</source>
        <translation>请填写结果数值。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/lab_dialog.py" line="110" />
        <source>The reference range needs numbers, e.g. 59 – 104.</source>
        <translation>参考范围须为数字，例如 59 – 104。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/lab_dialog.py" line="113" />
        <source>The lower reference limit is above the upper one.</source>
        <translation>参考范围下限高于上限。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/lab_dialog.py" line="115" />
        <source>“{code}” is not a LOINC code (digits, a hyphen and a check digit, e.g. 2160-0).</source>
        <translation>“{code}”不是 LOINC 编码（数字、连字符和校验位，例如 2160-0）。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/lab_dialog.py" line="118" />
        <source>The result date is in the future.</source>
        <translation>结果日期晚于当前时间。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/lab_dialog.py" line="137" />
        <source>Edit lab result</source>
        <translation>编辑检验结果</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/lab_dialog.py" line="137" />
        <source>New lab result</source>
        <translation>新建检验结果</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/lab_dialog.py" line="138" />
        <source>Test</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/lab_dialog.py" line="138" />
        <source>Value</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/lab_dialog.py" line="138" />
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/lab_dialog.py" line="139" />
        <source>Date and time</source>
        <translation>日期和时间</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/lab_dialog.py" line="139" />
        <source>Reference range</source>
        <translation>参考范围</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/lab_dialog.py" line="140" />
        <source>LOINC code</source>
        <translation>LOINC 编码</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/lab_dialog.py" line="142" />
        <source>low</source>
        <translation>下限</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/lab_dialog.py" line="143" />
        <source>high</source>
        <translation>上限</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/lab_dialog.py" line="144" />
        <source>optional</source>
        <translation>可选</translation>
    </message>
</context>
<context>
    <name>LabsPanel</name>
    <message>
        <location filename="../../cdss/ui/records/labs_panel.py" line="192" />
        <source>Below target</source>
        <translation>低于目标</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/labs_panel.py" line="192" />
        <source>Above target</source>
        <translation>高于目标</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/labs_panel.py" line="193" />
        <source>In target</source>
        <translation>达标</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/labs_panel.py" line="194" />
        <source>as recorded</source>
        <translation>按病历记录</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/labs_panel.py" line="195" />
        <source>{range} ({why})</source>
        <translation>{range}（{why}）</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/labs_panel.py" line="199" />
        <source>Out of range</source>
        <translation>超出参考范围</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/labs_panel.py" line="242" />
        <location filename="../../cdss/ui/records/labs_panel.py" line="250" />
        <source>Reference range</source>
        <translation>参考范围</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/labs_panel.py" line="243" />
        <location filename="../../cdss/ui/records/labs_panel.py" line="250" />
        <source>Target</source>
        <translation>目标范围</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/labs_panel.py" line="249" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/labs_panel.py" line="249" />
        <source>Test</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/labs_panel.py" line="249" />
        <source>Value</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/labs_panel.py" line="249" />
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/labs_panel.py" line="250" />
        <source>Flag</source>
        <translation>标记</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/labs_panel.py" line="251" />
        <source>Trend of:</source>
        <translation>趋势：</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/labs_panel.py" line="252" />
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/labs_panel.py" line="253" />
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/labs_panel.py" line="254" />
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/labs_panel.py" line="255" />
        <source>No lab results for this patient yet.</source>
        <translation>该患者暂无检验结果。</translation>
    </message>
</context>
<context>
    <name>LinkCaseDialog</name>
    <message>
        <location filename="../../cdss/ui/literature/link_case_dialog.py" line="122" />
        <source>cases: {count}</source>
        <extracomment>A link was made or removed (the paper panel reloads the paper's linked cases).</extracomment>
        <translation>病例：{count}</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/literature/link_case_dialog.py" line="128" />
        <source>No patient matches.</source>
        <translation>没有匹配的患者。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/literature/link_case_dialog.py" line="162" />
        <source>This patient has no cases yet.</source>
        <translation>该患者还没有病例。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/literature/link_case_dialog.py" line="170" />
        <location filename="../../cdss/ui/literature/link_case_dialog.py" line="240" />
        <source>The whole case</source>
        <translation>整个病例</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/literature/link_case_dialog.py" line="196" />
        <source>Linked to {patient} · {case}.</source>
        <translation>已关联到 {patient} · {case}。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/literature/link_case_dialog.py" line="220" />
        <source>whole case</source>
        <translation>整个病例</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/literature/link_case_dialog.py" line="232" />
        <source>Link to a case</source>
        <translation>关联到病例</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/literature/link_case_dialog.py" line="233" />
        <source>Paper: {title}</source>
        <translation>文献：{title}</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/literature/link_case_dialog.py" line="234" />
        <source>Find the patient (name, ID, phone or diagnosis)</source>
        <translation>查找患者（姓名、证件号、电话或诊断）</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/literature/link_case_dialog.py" line="235" />
        <source>e.g. 王芳 or 痛风</source>
        <translation>例如 王芳 或 痛风</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/literature/link_case_dialog.py" line="236" />
        <source>Patients</source>
        <translation>患者</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/literature/link_case_dialog.py" line="237" />
        <source>Cases</source>
        <translation>病例</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/literature/link_case_dialog.py" line="238" />
        <source>Link to</source>
        <translation>关联到</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/literature/link_case_dialog.py" line="241" />
        <source>Link</source>
        <translation>关联</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/literature/link_case_dialog.py" line="242" />
        <source>Already linked to</source>
        <translation>已关联到</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/literature/link_case_dialog.py" line="243" />
        <source>Unlink selected</source>
        <translation>取消所选关联</translation>
    </message>
</context>
<context>
    <name>LiteraturePage</name>
    <message>
        <location filename="../../cdss/ui/literature/page.py" line="152" />
        <source>{count} papers in the library</source>
        <translation>文献库共 {count} 篇</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/literature/page.py" line="153" />
        <source>Type words in Chinese or English to search titles, abstracts, authors, journals and MeSH terms, or import PubMed, MEDLINE, RIS, BibTeX, CSL-JSON or PDF files.</source>
        <translation>输入中文或英文词语，检索标题、摘要、作者、期刊和 MeSH 主题词；也可导入 PubMed、MEDLINE、RIS、BibTeX、CSL-JSON 或 PDF 文件。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/literature/page.py" line="186" />
        <source>{count} papers</source>
        <translation>{count} 篇</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/literature/page.py" line="192" />
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/literature/page.py" line="192" />
        <source>Journal</source>
        <translation>期刊</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/literature/page.py" line="192" />
        <source>Publication type</source>
        <translation>文献类型</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/literature/page.py" line="193" />
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/literature/page.py" line="250" />
        <location filename="../../cdss/ui/literature/page.py" line="326" />
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/literature/page.py" line="250" />
        <source>Search first, or tick the papers to export.</source>
        <translation>请先检索，或勾选要导出的文献。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/literature/page.py" line="253" />
        <source>Export references</source>
        <translation>导出文献</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/literature/page.py" line="275" />
        <source>Exported {count} papers to {file}.</source>
        <translation>已导出 {count} 篇文献到 {file}。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/literature/page.py" line="276" />
        <source>Export finished</source>
        <translation>导出完成</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/literature/page.py" line="285" />
        <source>Import references</source>
        <translation>导入文献</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/literature/page.py" line="286" />
        <source>References (*.xml *.nbib *.txt *.ris *.bib *.json *.pdf);;All files (*)</source>
        <translation>文献 (*.xml *.nbib *.txt *.ris *.bib *.json *.pdf);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/literature/page.py" line="294" />
        <source>Importing references…</source>
        <translation>正在导入文献…</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/literature/page.py" line="299" />
        <source>Added {added}, merged as duplicates {dup}, refused {bad} files.</source>
        <translation>新增 {added} 篇，合并重复 {dup} 篇，拒绝 {bad} 个文件。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/literature/page.py" line="303" />
        <source>{count} PDFs were attached to papers already in the library.</source>
        <translation>已有 {count} 个 PDF 附加到库中已存在的文献。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/literature/page.py" line="307" />
        <source>Import finished</source>
        <translation>导入完成</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/literature/page.py" line="316" />
        <source>Search papers: words, "phrases", title:, author:, journal:, mesh:, year:2015-2020</source>
        <translation>检索文献：词语、"短语"、title:、author:、journal:、mesh:、year:2015-2020</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/literature/page.py" line="317" />
        <source>Opening the library…</source>
        <translation>正在打开文献库…</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/literature/page.py" line="321" />
        <source>Relevance</source>
        <translation>相关度</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/literature/page.py" line="322" />
        <source>Newest first</source>
        <translation>最新优先</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/literature/page.py" line="325" />
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/literature/page.py" line="327" />
        <source>Export the ticked papers, or all results shown when none is ticked</source>
        <translation>导出已勾选的文献；未勾选时导出当前显示的全部结果</translation>
    </message>
</context>
<context>
    <name>LiteratureResults</name>
    <message>
        <location filename="../../cdss/ui/literature/results_html.py" line="20" />
        <source>Did you mean</source>
        <translation>您是不是要找</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/literature/results_html.py" line="26" />
        <source>No papers match. Try fewer words or another spelling.</source>
        <translation>没有匹配的文献。请减少词语或换一种拼写。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/literature/results_html.py" line="50" />
        <source>Authors</source>
        <translation>作者</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/literature/results_html.py" line="51" />
        <source>Journal</source>
        <translation>期刊</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/literature/results_html.py" line="52" />
        <source>Abstract</source>
        <translation>摘要</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/literature/results_html.py" line="53" />
        <source>Keywords</source>
        <translation>关键词</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/literature/results_html.py" line="54" />
        <source>MeSH</source>
        <translation>MeSH 主题词</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/literature/results_html.py" line="55" />
        <source>More like this</source>
        <translation>相似文献</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/literature/results_html.py" line="56" />
        <source>No abstract in the imported record.</source>
        <translation>导入的记录中没有摘要。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/literature/results_html.py" line="69" />
        <source>PDF attached</source>
        <translation>已附 PDF</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/literature/results_html.py" line="88" />
        <source>Linked cases</source>
        <translation>关联病例</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/literature/results_html.py" line="90" />
        <source>Not linked to any case yet.</source>
        <translation>尚未关联任何病例。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../cdss/ui/main_window.py" line="211" />
        <source>About CDSS Desk</source>
        <translation>关于 CDSS 临床助手</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/main_window.py" line="212" />
        <source>CDSS Desk {version}
Clinical decision support for doctors: records, drugs, literature and case exchange, offline first.

Decision support does not replace clinical judgement.</source>
        <translation>CDSS 临床助手 {version}
面向医生的临床决策支持：病历、药物、文献与病例交流，离线优先。

决策支持不能替代临床判断。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/main_window.py" line="218" />
        <source>CDSS Desk</source>
        <translation>CDSS 临床助手</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/main_window.py" line="222" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/main_window.py" line="223" />
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/main_window.py" line="224" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/main_window.py" line="225" />
        <source>&amp;Lock now</source>
        <translation>立即锁定(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/main_window.py" line="226" />
        <source>Hide patient data until the workspace's passphrase is entered</source>
        <translation>隐藏患者数据，直至输入工作区口令</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/main_window.py" line="227" />
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/main_window.py" line="228" />
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/main_window.py" line="229" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/main_window.py" line="230" />
        <source>&amp;About CDSS Desk</source>
        <translation>关于 CDSS 临床助手(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/main_window.py" line="231" />
        <source>Workspace: {path}</source>
        <translation>工作区：{path}</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/main_window.py" line="240" />
        <source>Working… ({count})</source>
        <translation>处理中…（{count}）</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/main_window.py" line="240" />
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
</context>
<context>
    <name>MedicationItem</name>
    <message>
        <location filename="../../cdss/ui/records/medication_item.py" line="109" />
        <source>not in the drug dictionary: not checked</source>
        <extracomment>the doctor asked to stop this medication (its record id) the doctor clicked the drug's name: open its monograph (catalog id)</extracomment>
        <translation>不在药物词典中：未检查</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/medication_item.py" line="114" />
        <source>Click the name to read the drug's monograph in the Drugs room</source>
        <translation>点击药名，在药物模块中查看该药说明</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/medication_item.py" line="116" />
        <source>Stop</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/medication_item.py" line="117" />
        <source>Stop this medication today (written to the case timeline)</source>
        <translation>今日停用此药（记入病例时间线）</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/medication_item.py" line="121" />
        <source>1 alert · {severity}</source>
        <translation>1 条警示 · {severity}</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/medication_item.py" line="121" />
        <source>{count} alerts · {severity}</source>
        <translation>{count} 条警示 · {severity}</translation>
    </message>
</context>
<context>
    <name>MedicationsPanel</name>
    <message>
        <location filename="../../cdss/ui/records/medications_panel.py" line="276" />
        <source>{age} years</source>
        <extracomment>emitted with the patient id after a prescription was stored (the page reloads the timeline) the doctor clicked a resolved medication's name: show this catalog drug in the Drugs room called with the StopOutcome after a stop is stored (the Records page offers Undo and reloads the case)</extracomment>
        <translation>{age} 岁</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/medications_panel.py" line="278" />
        <source>male</source>
        <translation>男</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/medications_panel.py" line="278" />
        <source>female</source>
        <translation>女</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/medications_panel.py" line="280" />
        <source>weight {value:.1f} kg ({date})</source>
        <translation>体重 {value:.1f} kg（{date}）</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/medications_panel.py" line="284" />
        <source>creatinine {value:g} {unit} ({date})</source>
        <translation>肌酐 {value:g} {unit}（{date}）</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/medications_panel.py" line="288" />
        <source>eGFR {value:.0f}</source>
        <translation>eGFR {value:.0f}</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/medications_panel.py" line="290" />
        <source>CrCl {value:.0f} mL/min</source>
        <translation>CrCl {value:.0f} mL/min</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/medications_panel.py" line="293" />
        <source>no creatinine recorded</source>
        <translation>无肌酐记录</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/medications_panel.py" line="295" />
        <source>K⁺ {value:g} mmol/L ({date})</source>
        <translation>血钾 {value:g} mmol/L（{date}）</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/medications_panel.py" line="298" />
        <source>QTc {value:.0f} ms ({date})</source>
        <translation>QTc {value:.0f} ms（{date}）</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/medications_panel.py" line="301" />
        <source>allergies: {names}</source>
        <translation>过敏：{names}</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/medications_panel.py" line="302" />
        <source>Checked with:</source>
        <translation>检查依据：</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/medications_panel.py" line="340" />
        <source>{n:g}× a day</source>
        <translation>每日 {n:g} 次</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/medications_panel.py" line="342" />
        <source>every {days:g} days</source>
        <translation>每 {days:g} 天 1 次</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/medications_panel.py" line="344" />
        <source>{total:g} {unit}/day</source>
        <translation>每日共 {total:g} {unit}</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/medications_panel.py" line="349" />
        <source>Read as: {parts}</source>
        <translation>识别为：{parts}</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/medications_panel.py" line="350" />
        <source>Dose not read: write amount and unit, e.g. 500 mg bid</source>
        <translation>未能识别剂量：请写明数量和单位，如 500 mg bid</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/medications_panel.py" line="357" />
        <source>No exact match for “{text}”: choose the drug in the list (↓ or a click), or click Check and add to record the name as typed, unchecked.</source>
        <translation>没有与“{text}”完全匹配的药品：请在列表中选择（↓ 或点击），或点击“检查并添加”按输入的名称记录（不做检查）。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/medications_panel.py" line="385" />
        <source>Checking {name}…</source>
        <translation>正在检查 {name}…</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/medications_panel.py" line="435" />
        <source>{name} chosen instead: check the dose, then press Enter.</source>
        <translation>已改选 {name}：请核对剂量后按回车。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/medications_panel.py" line="440" />
        <source>Change the dose, then press Enter to check again.</source>
        <translation>请修改剂量，然后按回车重新检查。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/medications_panel.py" line="464" />
        <source>{name} added; it is not in the drug dictionary, so it was not checked.</source>
        <translation>已添加 {name}；该药不在药物词典中，未做检查。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/medications_panel.py" line="466" />
        <source>{name} prescribed; alerts overridden: {overrides}, shown inline: {inline}.</source>
        <translation>已开具 {name}；越过警示 {overrides} 条，列表内显示 {inline} 条。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/medications_panel.py" line="468" />
        <source>{name} prescribed; 1 alert shown on the medication list.</source>
        <translation>已开具 {name}；用药列表中显示 1 条警示。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/medications_panel.py" line="469" />
        <source>{name} prescribed; {inline} alerts shown on the medication list.</source>
        <translation>已开具 {name}；用药列表中显示 {inline} 条警示。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/medications_panel.py" line="471" />
        <source>{name} prescribed; no alerts.</source>
        <translation>已开具 {name}；无警示。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/medications_panel.py" line="496" />
        <source>{name} stopped.</source>
        <translation>已停用 {name}。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/medications_panel.py" line="507" />
        <source>{name} is active again.</source>
        <translation>{name} 已恢复使用。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/medications_panel.py" line="512" />
        <source>{name} was not prescribed.</source>
        <translation>未开具 {name}。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/medications_panel.py" line="527" />
        <source>Pregnant</source>
        <translation>妊娠</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/medications_panel.py" line="528" />
        <source>Breastfeeding</source>
        <translation>哺乳</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/medications_panel.py" line="529" />
        <source>Hepatic impairment</source>
        <translation>肝功能不全</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/medications_panel.py" line="530" />
        <source>Add a medication: 华法林, huafalin, warfarin…</source>
        <translation>添加药物：华法林、huafalin、warfarin…</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/medications_panel.py" line="531" />
        <source>Dose, e.g. 5 mg qd</source>
        <translation>剂量，如 5 mg qd</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/medications_panel.py" line="532" />
        <source>Check and add</source>
        <translation>检查并添加</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/medications_panel.py" line="533" />
        <source>No active medications recorded.</source>
        <translation>尚无在用药物记录。</translation>
    </message>
</context>
<context>
    <name>MonitoringHint</name>
    <message>
        <location filename="../../cdss/ui/records/override_dialog.py" line="41" />
        <source>INR</source>
        <extracomment>What to monitor, read from the alert's own management and effect text (English, as the knowledge is written).</extracomment>
        <translation>INR</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/override_dialog.py" line="41" />
        <source>QTc / ECG</source>
        <translation>QTc / 心电图</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/override_dialog.py" line="42" />
        <source>K⁺</source>
        <translation>K⁺</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/override_dialog.py" line="43" />
        <location filename="../../cdss/ui/records/override_dialog.py" line="44" />
        <source>renal function</source>
        <translation>肾功能</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/override_dialog.py" line="45" />
        <source>CK</source>
        <translation>CK</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/override_dialog.py" line="46" />
        <source>CK, muscle symptoms</source>
        <translation>CK、肌肉症状</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/override_dialog.py" line="47" />
        <location filename="../../cdss/ui/records/override_dialog.py" line="48" />
        <source>blood glucose</source>
        <translation>血糖</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/override_dialog.py" line="49" />
        <location filename="../../cdss/ui/records/override_dialog.py" line="50" />
        <source>drug levels</source>
        <translation>血药浓度</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/override_dialog.py" line="51" />
        <source>blood pressure</source>
        <translation>血压</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/override_dialog.py" line="52" />
        <source>signs of bleeding, Hb</source>
        <translation>出血征象、血红蛋白</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/override_dialog.py" line="53" />
        <source>serotonin toxicity signs</source>
        <translation>5-羟色胺毒性征象</translation>
    </message>
</context>
<context>
    <name>Monograph</name>
    <message>
        <location filename="../../cdss/ui/drugs/backend.py" line="28" />
        <source>Indications</source>
        <translation>适应证</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/backend.py" line="29" />
        <source>Adult dose</source>
        <translation>成人剂量</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/backend.py" line="30" />
        <source>Children</source>
        <translation>儿童用药</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/backend.py" line="31" />
        <source>Renal impairment</source>
        <translation>肾功能不全</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/backend.py" line="32" />
        <source>Hepatic impairment</source>
        <translation>肝功能不全</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/backend.py" line="33" />
        <source>Older patients</source>
        <translation>老年患者</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/backend.py" line="34" />
        <source>Contraindications</source>
        <translation>禁忌证</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/backend.py" line="35" />
        <source>Boxed and serious warnings</source>
        <translation>黑框及严重警告</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/backend.py" line="36" />
        <source>Pregnancy</source>
        <translation>妊娠</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/backend.py" line="37" />
        <source>Lactation</source>
        <translation>哺乳</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/backend.py" line="38" />
        <source>Adverse effects</source>
        <translation>不良反应</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/backend.py" line="40" />
        <source>Dosage forms in China</source>
        <translation>国内常用剂型</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/backend.py" line="39" />
        <source>Monitoring</source>
        <translation>监测</translation>
    </message>
</context>
<context>
    <name>MonographPane</name>
    <message>
        <location filename="../../cdss/ui/drugs/monograph_view.py" line="96" />
        <source>Not available: {reason}</source>
        <extracomment>the doctor followed a link that is not a fold toggle (reserved for cross-references)</extracomment>
        <translation>无：{reason}</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/monograph_view.py" line="99" />
        <source>Not written yet.</source>
        <translation>尚未编写。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/monograph_view.py" line="102" />
        <source>Source: {source}</source>
        <translation>来源：{source}</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/monograph_view.py" line="111" />
        <source>NRDL category A</source>
        <translation>医保甲类</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/monograph_view.py" line="113" />
        <source>NRDL category B</source>
        <translation>医保乙类</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/monograph_view.py" line="115" />
        <source>Not in the NRDL</source>
        <translation>非医保目录</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/monograph_view.py" line="117" />
        <source>National essential medicine</source>
        <translation>国家基本药物</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/monograph_view.py" line="118" />
        <source>No summary written yet: read the sections below.</source>
        <translation>尚无摘要：请阅读以下各节。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/monograph_view.py" line="127" />
        <source>{count} contraindicated combinations — see Main interactions.</source>
        <translation>{count} 种禁忌合用 — 见“主要相互作用”。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/monograph_view.py" line="141" />
        <source>Main interactions</source>
        <translation>主要相互作用</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/monograph_view.py" line="145" />
        <source>No interaction rule names this drug.</source>
        <translation>没有涉及本药的相互作用规则。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/monograph_view.py" line="152" />
        <source>{names} and {count} more</source>
        <translation>{names} 等另 {count} 种</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/monograph_view.py" line="160" />
        <source>Show {count} more interactions</source>
        <translation>显示另外 {count} 条相互作用</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/monograph_view.py" line="162" />
        <source>Generated from the checker's rules: put the drugs in the regimen to see the alert in full.</source>
        <translation>由审方规则生成：将药物加入用药方案可查看完整警示。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/monograph_view.py" line="197" />
        <source>{count} found</source>
        <translation>找到 {count} 处</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/monograph_view.py" line="199" />
        <source>not found</source>
        <translation>未找到</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/monograph_view.py" line="212" />
        <source>Find in this monograph</source>
        <translation>在本药品说明中查找</translation>
    </message>
</context>
<context>
    <name>NewPatientDialog</name>
    <message>
        <location filename="../../cdss/ui/records/new_patient_dialog.py" line="35" />
        <source>New patient</source>
        <translation>新建患者</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/new_patient_dialog.py" line="40" />
        <source>Not recorded</source>
        <translation>未记录</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/new_patient_dialog.py" line="40" />
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/new_patient_dialog.py" line="41" />
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/new_patient_dialog.py" line="41" />
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/new_patient_dialog.py" line="43" />
        <source>Birth date known</source>
        <translation>出生日期已知</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/new_patient_dialog.py" line="52" />
        <source>e.g. chest pain, 社区获得性肺炎</source>
        <translation>例如：胸痛、社区获得性肺炎</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/new_patient_dialog.py" line="53" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/new_patient_dialog.py" line="54" />
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/new_patient_dialog.py" line="56" />
        <source>First case</source>
        <translation>首个病例</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/new_patient_dialog.py" line="69" />
        <source>First visit</source>
        <translation>初诊</translation>
    </message>
</context>
<context>
    <name>OutboxPanel</name>
    <message>
        <location filename="../../cdss/ui/exchange/outbox_panel.py" line="85" />
        <source>Nothing waiting to be sent.</source>
        <translation>没有待发送的内容。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/outbox_panel.py" line="109" />
        <source>Queued again; it is sent at the next sync.</source>
        <translation>已重新排队，将在下次同步时发送。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/outbox_panel.py" line="117" />
        <source>Discarded.</source>
        <translation>已放弃。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/outbox_panel.py" line="135" />
        <source>Share</source>
        <translation>共享</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/outbox_panel.py" line="135" />
        <source>Update</source>
        <translation>更新</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/outbox_panel.py" line="135" />
        <source>Withdraw</source>
        <translation>撤回</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/outbox_panel.py" line="136" />
        <source>Comment</source>
        <translation>评论</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/outbox_panel.py" line="136" />
        <source>Image upload</source>
        <translation>上传图片</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/outbox_panel.py" line="139" />
        <source>Waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/outbox_panel.py" line="139" />
        <source>Refused</source>
        <translation>被拒绝</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/outbox_panel.py" line="140" />
        <source>Conflict</source>
        <translation>冲突</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/outbox_panel.py" line="143" />
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/outbox_panel.py" line="143" />
        <source>Case</source>
        <translation>病例</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/outbox_panel.py" line="143" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/outbox_panel.py" line="143" />
        <source>Attempts</source>
        <translation>尝试次数</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/outbox_panel.py" line="144" />
        <source>Server's answer</source>
        <translation>服务器的答复</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/outbox_panel.py" line="145" />
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/outbox_panel.py" line="146" />
        <source>Discard</source>
        <translation>放弃</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/outbox_panel.py" line="147" />
        <source>Resolve conflict…</source>
        <translation>处理冲突…</translation>
    </message>
</context>
<context>
    <name>OverrideDialog</name>
    <message>
        <location filename="../../cdss/ui/records/override_dialog.py" line="208" />
        <source>Stop {name}, then prescribe</source>
        <extracomment>take this catalog drug instead (id, name to show) stop this active medication (record id), then prescribe go back and change the dose</extracomment>
        <translation>停用 {name}，然后开药</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/override_dialog.py" line="212" />
        <source>Choose {name} instead</source>
        <translation>改选 {name}</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/override_dialog.py" line="216" />
        <source>Change the dose</source>
        <translation>修改剂量</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/override_dialog.py" line="259" />
        <source>Safety alert</source>
        <translation>用药安全警示</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/override_dialog.py" line="260" />
        <source>Prescribing {drug} raises an alert that needs a decision. Cancel to stop, or give a reason to go ahead.</source>
        <translation>开具 {drug} 触发 1 条需要决定的警示。取消即不开具，或填写理由后继续。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/override_dialog.py" line="262" />
        <source>Prescribing {drug} raises {count} alerts that need a decision. Cancel to stop, or give a reason for each alert to go ahead.</source>
        <translation>开具 {drug} 触发 {count} 条需要决定的警示。取消即不开具，或为每条警示填写理由后继续。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/override_dialog.py" line="266" />
        <source>Override and prescribe</source>
        <translation>忽略警示并开具</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/override_dialog.py" line="267" />
        <source>Cancel prescription</source>
        <translation>取消开具</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/override_dialog.py" line="268" />
        <source>Or act on the advice:</source>
        <translation>或按建议处理：</translation>
    </message>
</context>
<context>
    <name>OwnCaseActions</name>
    <message>
        <location filename="../../cdss/ui/exchange/own_case_actions.py" line="76" />
        <source>Withdraw “{title}” from the exchange? It is marked as withdrawn for every colleague.</source>
        <translation>从交流平台撤回“{title}”？所有同行都会看到它已被撤回。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/own_case_actions.py" line="78" />
        <source>Withdraw</source>
        <translation>撤回</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/own_case_actions.py" line="83" />
        <source>Exchange</source>
        <translation>病例交流</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/own_case_actions.py" line="111" />
        <source>Case withdrawn.</source>
        <translation>病例已撤回。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/own_case_actions.py" line="112" />
        <source>Withdrawal saved in the outbox; it is sent at the next sync.</source>
        <translation>撤回操作已保存在发件箱中，将在下次同步时发送。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/own_case_actions.py" line="114" />
        <source>Update sent.</source>
        <translation>更新已发送。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/own_case_actions.py" line="115" />
        <source>Update saved in the outbox; it is sent at the next sync (see the outbox if it is in conflict).</source>
        <translation>更新已保存在发件箱中，将在下次同步时发送（如有冲突请查看发件箱）。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/own_case_actions.py" line="132" />
        <source>Update from my record…</source>
        <translation>根据我的病历更新…</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/own_case_actions.py" line="133" />
        <source>Send a new revision built from the current record, de-identified again; you see what will be sent first.</source>
        <translation>根据当前病历重新去标识化并发送新版本；发送前会先显示将要发送的内容。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/own_case_actions.py" line="135" />
        <source>Withdraw…</source>
        <translation>撤回…</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/own_case_actions.py" line="136" />
        <source>Withdraw this case from the exchange (asks first).</source>
        <translation>从交流平台撤回此病例（会先确认）。</translation>
    </message>
</context>
<context>
    <name>PacksDialog</name>
    <message>
        <location filename="../../cdss/ui/drugs/packs_dialog.py" line="129" />
        <source>Source: {source}</source>
        <translation>来源：{source}</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/packs_dialog.py" line="130" />
        <source>Licence: {licence}</source>
        <translation>许可：{licence}</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/packs_dialog.py" line="143" />
        <source>Import a knowledge pack</source>
        <translation>导入知识包</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/packs_dialog.py" line="153" />
        <source>Importing {count} file(s)…</source>
        <translation>正在导入 {count} 个文件…</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/packs_dialog.py" line="177" />
        <source>Imported {name} ({version}): {pairs} pairs. The Drugs room now uses it.</source>
        <translation>已导入 {name}（{version}）：{pairs} 个药物对。药物室现已使用该知识包。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/packs_dialog.py" line="184" />
        <source>Import cancelled; nothing was stored.</source>
        <translation>导入已取消；未保存任何内容。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/packs_dialog.py" line="187" />
        <source>Import refused; nothing was stored. {reason}</source>
        <translation>导入被拒绝；未保存任何内容。{reason}</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/packs_dialog.py" line="190" />
        <source>Import failed; nothing was stored.</source>
        <translation>导入失败；未保存任何内容。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/packs_dialog.py" line="198" />
        <source>Delete knowledge pack</source>
        <translation>删除知识包</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/packs_dialog.py" line="199" />
        <source>Delete the imported pack {name}? Its ratings no longer show next to alerts until it is imported again.</source>
        <translation>删除已导入的知识包 {name}？在重新导入之前，其评级将不再显示在警示旁。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/packs_dialog.py" line="213" />
        <source>Deleted {name}.</source>
        <translation>已删除 {name}。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/packs_dialog.py" line="234" />
        <source>Knowledge packs</source>
        <translation>知识包</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/packs_dialog.py" line="236" />
        <source>Imported sources add their ratings next to the shipped rules (each source shown by name, disagreements marked). The shipped pack cannot be removed. Re-importing a source replaces its pack.</source>
        <translation>导入的数据源会在内置规则旁显示各自的评级（按来源名称列出，并标明分歧）。内置知识包不能删除。重新导入同一来源会替换其知识包。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/packs_dialog.py" line="239" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/packs_dialog.py" line="239" />
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/packs_dialog.py" line="239" />
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/packs_dialog.py" line="239" />
        <source>Pairs</source>
        <translation>药物对</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/packs_dialog.py" line="239" />
        <source>Drugs</source>
        <translation>药物</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/packs_dialog.py" line="240" />
        <source>ATC codes</source>
        <translation>ATC代码</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/packs_dialog.py" line="240" />
        <source>Imported</source>
        <translation>导入时间</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/packs_dialog.py" line="240" />
        <source>Licence</source>
        <translation>许可</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/packs_dialog.py" line="246" />
        <source>Import files…</source>
        <translation>导入文件…</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/packs_dialog.py" line="247" />
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/packs_dialog.py" line="248" />
        <source>Cancel import</source>
        <translation>取消导入</translation>
    </message>
</context>
<context>
    <name>PaperPanel</name>
    <message>
        <location filename="../../cdss/ui/literature/paper_panel.py" line="172" />
        <source>Tags (separate with commas)</source>
        <extracomment>Emitted with a link's target ("ref:&lt;id&gt;") clicked in the detail, for the page to follow. Emitted after tags or notes were saved (the page re-runs its search so facets follow).</extracomment>
        <translation>标签（用逗号分隔）</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/literature/paper_panel.py" line="173" />
        <source>My notes</source>
        <translation>我的笔记</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/literature/paper_panel.py" line="174" />
        <source>Save tags and notes</source>
        <translation>保存标签和笔记</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/literature/paper_panel.py" line="175" />
        <source>Open PDF</source>
        <translation>打开 PDF</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/literature/paper_panel.py" line="176" />
        <source>Link to a case…</source>
        <translation>关联到病例…</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/literature/paper_panel.py" line="177" />
        <source>e.g. to-read, CKD</source>
        <translation>例如：待读, CKD</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <location filename="../../cdss/ui/security_dialog.py" line="49" />
        <source>Current passphrase</source>
        <translation>当前口令</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/security_dialog.py" line="52" />
        <source>New passphrase</source>
        <translation>新口令</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/security_dialog.py" line="53" />
        <source>Repeat it</source>
        <translation>再次输入</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/security_dialog.py" line="63" />
        <source>Change the passphrase</source>
        <translation>更改口令</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/security_dialog.py" line="65" />
        <source>Encrypt this workspace</source>
        <translation>加密此工作区</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/security_dialog.py" line="67" />
        <source>The database and every backup are re-encrypted under the new passphrase.</source>
        <translation>数据库及所有备份将用新口令重新加密。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/security_dialog.py" line="70" />
        <source>The database, every backup and the attached photos and files will be encrypted (a backup is taken first). Without the passphrase nobody — you included — can read these records: keep it safe.</source>
        <translation>数据库、所有备份以及附加的照片和文件都将被加密（加密前先做一次备份）。没有口令，任何人（包括您自己）都无法读取这些记录：请妥善保管口令。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/security_dialog.py" line="75" />
        <source>The two new passphrases differ.</source>
        <translation>两次输入的新口令不一致。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/security_dialog.py" line="78" />
        <source>The passphrase must have at least {n} characters.</source>
        <translation>口令至少需要 {n} 个字符。</translation>
    </message>
</context>
<context>
    <name>PatientCard</name>
    <message>
        <location filename="../../cdss/ui/records/patient_card_delegate.py" line="68" />
        <source>{age} y</source>
        <translation>{age}岁</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/patient_card_delegate.py" line="79" />
        <source>⚠ {count}</source>
        <translation>⚠ {count}</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/patient_card_delegate.py" line="82" />
        <source>no diagnosis recorded</source>
        <translation>暂无诊断</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/patient_card_delegate.py" line="96" />
        <source>1 new alert after lab results, not yet reviewed</source>
        <translation>检验结果后新增 1 条警示，尚未查看</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/patient_card_delegate.py" line="97" />
        <source>{count} new alerts after lab results, not yet reviewed</source>
        <translation>检验结果后新增 {count} 条警示，尚未查看</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/patient_card_delegate.py" line="75" />
        <source>{count} due</source>
        <translation>{count} 项到期</translation>
    </message>
</context>
<context>
    <name>PatientPicker</name>
    <message>
        <location filename="../../cdss/ui/drugs/patient_link.py" line="97" />
        <source>Load a patient into the regimen</source>
        <translation>将患者载入用药方案</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/patient_link.py" line="98" />
        <source>Patient name</source>
        <translation>患者姓名</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/patient_link.py" line="117" />
        <source>{age} y</source>
        <translation>{age}岁</translation>
    </message>
</context>
<context>
    <name>QuickCapture</name>
    <message>
        <location filename="../../cdss/ui/records/quick_capture.py" line="136" />
        <source>Type a note and press Enter — it is saved as you type</source>
        <translation>输入记录后按回车——输入内容会自动保存</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/quick_capture.py" line="137" />
        <source>Add</source>
        <translation>添加</translation>
    </message>
</context>
<context>
    <name>RecordActions</name>
    <message>
        <location filename="../../cdss/ui/records/record_actions.py" line="109" />
        <source>Attach photos or PDFs</source>
        <translation>添加照片或 PDF</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/record_actions.py" line="110" />
        <source>Photos and PDFs (*.jpg *.jpeg *.png *.gif *.webp *.pdf);;All files (*)</source>
        <translation>照片和 PDF (*.jpg *.jpeg *.png *.gif *.webp *.pdf);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/record_actions.py" line="138" />
        <location filename="../../cdss/ui/records/record_actions.py" line="148" />
        <source>Lab value removed.</source>
        <translation>检验结果已移除。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/record_actions.py" line="153" />
        <source>Lab value added.</source>
        <translation>检验结果已添加。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/record_actions.py" line="170" />
        <location filename="../../cdss/ui/records/record_actions.py" line="244" />
        <source>Edit undone.</source>
        <translation>已撤销修改。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/record_actions.py" line="173" />
        <source>Lab value saved.</source>
        <translation>检验结果已保存。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/record_actions.py" line="183" />
        <location filename="../../cdss/ui/records/record_actions.py" line="191" />
        <source>Lab value restored.</source>
        <translation>检验结果已恢复。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/record_actions.py" line="186" />
        <location filename="../../cdss/ui/records/record_actions.py" line="193" />
        <source>Lab value deleted.</source>
        <translation>检验结果已删除。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/record_actions.py" line="210" />
        <source>Follow-up removed.</source>
        <translation>随访已移除。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/record_actions.py" line="214" />
        <source>Follow-up set for {date}.</source>
        <translation>已设置 {date} 随访。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/record_actions.py" line="238" />
        <source>Allergy removed.</source>
        <translation>过敏记录已移除。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/record_actions.py" line="242" />
        <source>Allergy added.</source>
        <translation>过敏记录已添加。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/record_actions.py" line="249" />
        <source>Allergy saved.</source>
        <translation>过敏记录已保存。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/record_actions.py" line="253" />
        <source>Allergy restored.</source>
        <translation>过敏记录已恢复。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/record_actions.py" line="256" />
        <source>Allergy deleted.</source>
        <translation>过敏记录已删除。</translation>
    </message>
</context>
<context>
    <name>RecordActionsBar</name>
    <message>
        <location filename="../../cdss/ui/records/record_actions.py" line="51" />
        <source>Attach…</source>
        <translation>添加附件…</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/record_actions.py" line="52" />
        <source>Attach photos or PDFs to this case (or drop them on the timeline, or paste an image with Ctrl+V)</source>
        <translation>为此病例添加照片或 PDF（也可拖到时间线上，或用 Ctrl+V 粘贴图片）</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/record_actions.py" line="54" />
        <source>Lab value…</source>
        <translation>检验结果…</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/record_actions.py" line="55" />
        <source>Follow-up…</source>
        <translation>随访…</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/record_actions.py" line="56" />
        <source>Allergies…</source>
        <translation>过敏史…</translation>
    </message>
</context>
<context>
    <name>RecordsPage</name>
    <message>
        <location filename="../../cdss/ui/records/page.py" line="81" />
        <source>Patient</source>
        <translation>患者</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/page.py" line="177" />
        <source>{count} patients</source>
        <translation>{count} 位患者</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/page.py" line="177" />
        <source>1 patient</source>
        <translation>1 位患者</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/page.py" line="180" />
        <source>No patient matches this search.</source>
        <translation>没有符合搜索条件的患者。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/page.py" line="182" />
        <source>No patients yet. Add one with “New patient”, or import CSV, Excel or FHIR files with “cdss records import”.</source>
        <translation>尚无患者。可点击“新建患者”添加，或使用“cdss records import”导入 CSV、Excel 或 FHIR 文件。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/page.py" line="317" />
        <source>Choose a patient on the left.</source>
        <translation>请在左侧选择一位患者。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/page.py" line="320" />
        <source>This patient has no cases yet.</source>
        <translation>该患者还没有病例。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/page.py" line="348" />
        <source>{age} years</source>
        <translation>{age} 岁</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/page.py" line="351" />
        <source>Allergies: {names}</source>
        <translation>过敏：{names}</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/page.py" line="355" />
        <source>Medications: {names}</source>
        <translation>用药：{names}</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/page.py" line="362" />
        <source>{name} stopped.</source>
        <translation>已停用 {name}。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/page.py" line="435" />
        <source>Search name, pinyin initials, ID, diagnosis, tag or any text</source>
        <translation>搜索姓名、拼音首字母、证件号、诊断、标签或任意文字</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/page.py" line="436" />
        <source>New patient</source>
        <translation>新建患者</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/page.py" line="437" />
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/page.py" line="439" />
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/page.py" line="440" />
        <source>Labs</source>
        <translation>检验</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/page.py" line="441" />
        <source>Medications</source>
        <translation>用药</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/page.py" line="442" />
        <source>Evidence</source>
        <translation>文献证据</translation>
    </message>
</context>
<context>
    <name>RegimenPanel</name>
    <message>
        <location filename="../../cdss/ui/drugs/regimen_panel.py" line="81" />
        <source>Regimen</source>
        <extracomment>where the drug's names come from: a search hit or a catalog drug, whatever ``name_&lt;language&gt;`` fields it has</extracomment>
        <translation>用药方案</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/regimen_panel.py" line="82" />
        <source>Add drugs from the search results (double-click or Enter) to check them together.</source>
        <translation>从搜索结果中添加药物（双击或回车），一起进行审查。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/drugs/regimen_panel.py" line="83" />
        <source>Click a drug to remove it</source>
        <translation>点击药物可将其移除</translation>
    </message>
</context>
<context>
    <name>Rooms</name>
    <message>
        <location filename="../../cdss/ui/rooms.py" line="50" />
        <source>Records</source>
        <translation>病历</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/rooms.py" line="51" />
        <source>Drugs</source>
        <translation>药物</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/rooms.py" line="52" />
        <source>Literature</source>
        <translation>文献</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/page.py" line="81" />
        <location filename="../../cdss/ui/rooms.py" line="53" />
        <source>Exchange</source>
        <translation>病例交流</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/page.py" line="82" />
        <source>Share de-identified cases with colleagues and discuss theirs. Nothing leaves this computer unless you share it, and only after identifiers are removed and the patient's consent is recorded.</source>
        <translation>与同行分享去标识化病例并参与讨论。除非您主动分享，任何数据都不会离开本机；分享前会去除身份标识并记录患者知情同意。</translation>
    </message>
</context>
<context>
    <name>SecurityBox</name>
    <message>
        <location filename="../../cdss/ui/security_dialog.py" line="134" />
        <source>Working… (the whole database is rewritten)</source>
        <translation>正在处理…（整个数据库将被重写）</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/security_dialog.py" line="146" />
        <source>Security</source>
        <translation>安全</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/security_dialog.py" line="148" />
        <source>This workspace is encrypted: the database, its backups and the attached photos and files.</source>
        <translation>此工作区已加密：数据库、其备份以及附加的照片和文件。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/security_dialog.py" line="151" />
        <source>This workspace is not encrypted: anyone who can read this computer's disk can read the records.</source>
        <translation>此工作区未加密：任何能读取本机磁盘的人都能读取病历。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/security_dialog.py" line="153" />
        <source>Encrypt this workspace…</source>
        <translation>加密此工作区…</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/security_dialog.py" line="154" />
        <source>Change the passphrase…</source>
        <translation>更改口令…</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../cdss/ui/settings_dialog.py" line="148" />
        <location filename="../../cdss/ui/settings_dialog.py" line="150" />
        <source>Restore a backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/settings_dialog.py" line="148" />
        <source>Choose a backup in the list first.</source>
        <translation>请先在列表中选择一个备份。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/settings_dialog.py" line="151" />
        <source>Replace the current data with the backup from {when}? The current state is backed up first, so this can be undone.</source>
        <translation>用 {when} 的备份替换当前数据？当前状态会先行备份，因此此操作可以撤销。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/settings_dialog.py" line="158" />
        <source>daily</source>
        <translation>每日</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/settings_dialog.py" line="159" />
        <source>manual</source>
        <translation>手动</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/settings_dialog.py" line="160" />
        <source>before upgrade</source>
        <translation>升级前</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/settings_dialog.py" line="161" />
        <source>before restore</source>
        <translation>恢复前</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/settings_dialog.py" line="171" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/settings_dialog.py" line="172" />
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/settings_dialog.py" line="173" />
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/settings_dialog.py" line="174" />
        <source>Workspace folder</source>
        <translation>工作区文件夹</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/settings_dialog.py" line="175" />
        <source>Hide minor-tier drug alerts</source>
        <translation>隐藏轻微级别的药物警示</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/settings_dialog.py" line="176" />
        <source>Lock after</source>
        <translation>自动锁定</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/settings_dialog.py" line="179" />
        <source>never</source>
        <translation>从不</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/settings_dialog.py" line="180" />
        <source>{minutes} minutes without use</source>
        <translation>{minutes} 分钟无操作后</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/settings_dialog.py" line="181" />
        <source>Clinic (on case PDFs)</source>
        <translation>诊所/科室（显示于病例 PDF）</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/settings_dialog.py" line="182" />
        <source>Doctor (on case PDFs)</source>
        <translation>医师（显示于病例 PDF）</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/settings_dialog.py" line="183" />
        <source>e.g. City Hospital, cardiology clinic</source>
        <translation>例如：某某医院 心内科门诊</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/settings_dialog.py" line="184" />
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/settings_dialog.py" line="185" />
        <source>The database is backed up once a day on start and before every upgrade; the newest ten backups are kept.</source>
        <translation>数据库每天启动时及每次升级前自动备份，保留最近十份备份。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/settings_dialog.py" line="187" />
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/settings_dialog.py" line="188" />
        <source>Restore selected…</source>
        <translation>恢复所选备份…</translation>
    </message>
</context>
<context>
    <name>ShareDialog</name>
    <message>
        <location filename="../../cdss/ui/exchange/share_dialog.py" line="47" />
        <source>Share this case</source>
        <translation>共享此病例</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/share_dialog.py" line="47" />
        <source>Update the shared case</source>
        <extracomment>(outbox id, delivered) once the first attempt to send the queued share or update is over</extracomment>
        <translation>更新已分享的病例</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/share_dialog.py" line="53" />
        <source>Left: the case as stored on this computer. Right: what will be shared. Struck-through red text is removed or replaced; green is what replaces it. Fields marked "not shared" never leave this computer.</source>
        <translation>左侧：本机保存的病例。右侧：将要共享的内容。红色删除线文字会被删除或替换；绿色为替换后的内容。标为“不共享”的字段不会离开本机。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/share_dialog.py" line="59" />
        <source>Preparing the de-identified preview…</source>
        <translation>正在生成去标识化预览…</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/share_dialog.py" line="72" />
        <source>Share</source>
        <translation>共享</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/share_dialog.py" line="72" />
        <source>Send update</source>
        <translation>发送更新</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/share_dialog.py" line="85" />
        <source>the exchange server</source>
        <translation>交流服务器</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/share_dialog.py" line="87" />
        <source>What is shared: the case title, specialty and tags, a summary, the timeline text, labs, medications, allergies, sex and an age band, as shown on the right, with identifiers removed and dates shifted. It is shared with the clinicians who use {server}, who can read and comment on it. You can withdraw it later; copies others already saved cannot be recalled.</source>
        <translation>共享的内容：病例标题、专科和标签、摘要、时间线文字、检验、用药、过敏、性别和年龄段，即右侧所示内容，已去除标识信息并平移日期。共享对象为使用 {server} 的临床医生，他们可以阅读和评论。您之后可以撤回；但他人已保存的副本无法收回。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/share_dialog.py" line="92" />
        <source>The patient's consent covers this update (recorded with today's date).</source>
        <translation>患者的同意涵盖本次更新（以今天的日期记录）。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/share_dialog.py" line="93" />
        <source>The patient's separate consent to share was obtained (recorded with today's date).</source>
        <translation>已取得患者对分享的单独同意（以今天的日期记录）。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/share_dialog.py" line="105" />
        <source>It also includes one picture with its metadata removed; check that no face, name or ID number is visible in it.</source>
        <translation>另含 1 张已移除元数据的图片；请确认图中看不到面部、姓名或证件号码。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/share_dialog.py" line="107" />
        <source>It also includes {count} pictures with their metadata removed; check that no face, name or ID number is visible in them.</source>
        <translation>其中还包括 {count} 张已移除元数据的图片；请确认图中看不到面部、姓名或证件号码。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/share_dialog.py" line="122" />
        <source>Recording consent and queueing…</source>
        <translation>正在记录同意并排队…</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/share_dialog.py" line="131" />
        <source>Consent recorded and the case queued (outbox #{id}). Sending…</source>
        <translation>已记录同意，病例已排队（待发送 #{id}）。正在发送…</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/share_dialog.py" line="133" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/share_dialog.py" line="149" />
        <source>Queued. The server could not be reached; the case is sent at the next sync.</source>
        <translation>已排队。无法连接服务器；病例将在下次同步时发送。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/share_dialog.py" line="152" />
        <source>Queued, but the server refused part of the outbox; see the Exchange room's outbox.</source>
        <translation>已排队，但服务器拒绝了部分待发送内容；请查看病例交流中的待发送列表。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/share_dialog.py" line="155" />
        <source>Updated. Colleagues on the exchange now read the new revision.</source>
        <translation>已更新。交流平台上的同行现在看到的是新版本。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/share_dialog.py" line="157" />
        <source>Shared. Colleagues on the exchange can now read it.</source>
        <translation>已共享。交流平台上的同行现在可以阅读。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/share_dialog.py" line="162" />
        <source>Queued, not sent yet: {reason}</source>
        <translation>已排队，尚未发送：{reason}</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/share_html.py" line="43" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/share_html.py" line="43" />
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/share_html.py" line="44" />
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/share_html.py" line="45" />
        <source>Identifier</source>
        <translation>标识号</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/share_html.py" line="45" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/share_html.py" line="46" />
        <source>E-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/share_html.py" line="46" />
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/share_html.py" line="47" />
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/share_html.py" line="47" />
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/share_html.py" line="48" />
        <source>Allergy</source>
        <translation>过敏</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/share_html.py" line="49" />
        <source>Medication</source>
        <translation>用药</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/share_html.py" line="50" />
        <source>Case title</source>
        <translation>病例标题</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/share_html.py" line="50" />
        <source>Opened</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/share_html.py" line="51" />
        <source>Closed</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/share_html.py" line="51" />
        <source>Entry</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/share_html.py" line="52" />
        <source>Lab</source>
        <translation>检验</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/share_html.py" line="52" />
        <source>Follow-up</source>
        <translation>随访</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/share_html.py" line="53" />
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/share_html.py" line="57" />
        <source>substance</source>
        <translation>过敏原</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/share_html.py" line="58" />
        <source>reaction</source>
        <translation>反应</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/share_html.py" line="59" />
        <source>drug</source>
        <translation>药品</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/share_html.py" line="60" />
        <source>dose</source>
        <translation>剂量</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/share_html.py" line="61" />
        <source>route</source>
        <translation>途径</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/share_html.py" line="62" />
        <source>start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/share_html.py" line="63" />
        <source>end</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/share_html.py" line="64" />
        <location filename="../../cdss/ui/exchange/share_html.py" line="68" />
        <source>time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/share_html.py" line="65" />
        <source>text</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/share_html.py" line="66" />
        <source>file name</source>
        <translation>文件名</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/share_html.py" line="67" />
        <source>test</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/share_html.py" line="69" />
        <source>due</source>
        <translation>计划日期</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/share_html.py" line="70" />
        <source>note</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/share_html.py" line="192" />
        <source>One picture will be sent (metadata removed: location, camera, dates)</source>
        <translation>将发送 1 张图片（已移除元数据：位置、相机、日期）</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/share_html.py" line="193" />
        <source>{count} pictures will be sent (metadata removed: location, camera, dates)</source>
        <translation>将发送 {count} 张图片（已移除元数据：位置、相机、日期）</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/share_html.py" line="199" />
        <source>{size} KB</source>
        <translation>{size} KB</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/share_html.py" line="203" />
        <source>Metadata is removed, not what the picture shows: check that no face, name or ID number is visible.</source>
        <translation>移除的只是元数据，而非图片内容：请确认图中看不到面部、姓名或证件号码。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/share_html.py" line="208" />
        <source>Not sent (only JPEG and PNG pictures are shared): {files}</source>
        <translation>不发送（仅共享 JPEG 和 PNG 图片）：{files}</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/share_html.py" line="218" />
        <source>not shared</source>
        <translation>不共享</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/share_html.py" line="234" />
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/share_html.py" line="235" />
        <source>Original (stays on this computer)</source>
        <translation>原始内容（保留在本机）</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/share_html.py" line="236" />
        <source>What will be shared</source>
        <translation>将共享的内容</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/share_html.py" line="237" />
        <source>{count} identifiers removed or changed.</source>
        <translation>已删除或更改 {count} 处标识信息。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/share_html.py" line="239" />
        <source>Exactly what will be sent:</source>
        <translation>实际发送的完整内容：</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../cdss/ui/exchange/sign_in_dialog.py" line="31" />
        <source>Sign in to the exchange</source>
        <translation>登录病例交流</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/sign_in_dialog.py" line="49" />
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/sign_in_dialog.py" line="52" />
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/sign_in_dialog.py" line="53" />
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/sign_in_dialog.py" line="54" />
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/sign_in_dialog.py" line="63" />
        <source>Fill in the server, the user name and the password.</source>
        <translation>请填写服务器、用户名和密码。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/exchange/sign_in_dialog.py" line="66" />
        <source>Signing in…</source>
        <translation>正在登录…</translation>
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
    <name>Timeline</name>
    <message>
        <location filename="../../cdss/ui/records/timeline_html.py" line="22" />
        <source>Chief complaint</source>
        <translation>主诉</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/timeline_html.py" line="23" />
        <source>History</source>
        <translation>病史</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/timeline_html.py" line="24" />
        <source>Examination</source>
        <translation>体格检查</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/timeline_html.py" line="25" />
        <source>Tests</source>
        <translation>辅助检查</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/timeline_html.py" line="26" />
        <source>Diagnosis</source>
        <translation>诊断</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/timeline_html.py" line="27" />
        <source>Treatment</source>
        <translation>治疗</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/timeline_html.py" line="28" />
        <source>Medication</source>
        <translation>用药</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/timeline_html.py" line="29" />
        <source>Progress note</source>
        <translation>病程记录</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/timeline_html.py" line="30" />
        <source>Photo or file</source>
        <translation>图片/文件</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/timeline_html.py" line="31" />
        <source>Follow-up</source>
        <translation>随访</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/timeline_html.py" line="32" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/timeline_html.py" line="74" />
        <source>ref {range}</source>
        <extracomment>The palette role that colours each kind's label and stripe.</extracomment>
        <translation>参考 {range}</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/timeline_html.py" line="94" />
        <source>Opened</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/timeline_html.py" line="94" />
        <source>Closed</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/timeline_html.py" line="95" />
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/timeline_html.py" line="95" />
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/timeline_html.py" line="96" />
        <source>No entries yet. Add one with the capture bar below.</source>
        <translation>暂无记录。可在下方输入栏添加。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/timeline_html.py" line="97" />
        <source>Follow-ups</source>
        <translation>随访</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/timeline_html.py" line="97" />
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/timeline_html.py" line="130" />
        <source>Not done</source>
        <translation>未完成</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/timeline_html.py" line="130" />
        <source>Mark done</source>
        <translation>标记为已完成</translation>
    </message>
</context>
<context>
    <name>TimelineEditor</name>
    <message>
        <location filename="../../cdss/ui/records/entry_editor.py" line="170" />
        <location filename="../../cdss/ui/records/entry_editor.py" line="252" />
        <source>Edit undone.</source>
        <translation>已撤销修改。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/entry_editor.py" line="172" />
        <source>Entry saved.</source>
        <translation>记录已保存。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/entry_editor.py" line="178" />
        <source>Entry restored.</source>
        <translation>记录已恢复。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/entry_editor.py" line="180" />
        <source>Entry deleted.</source>
        <translation>记录已删除。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/entry_editor.py" line="256" />
        <source>Follow-up saved.</source>
        <translation>随访已保存。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/entry_editor.py" line="263" />
        <location filename="../../cdss/ui/records/entry_editor.py" line="282" />
        <source>Follow-up restored.</source>
        <translation>随访已恢复。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/entry_editor.py" line="266" />
        <source>Follow-up marked done.</source>
        <translation>随访已标记为完成。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/entry_editor.py" line="266" />
        <source>Follow-up marked not done.</source>
        <translation>随访已标记为未完成。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/entry_editor.py" line="283" />
        <source>Follow-up deleted.</source>
        <translation>随访已删除。</translation>
    </message>
</context>
<context>
    <name>UndoBar</name>
    <message>
        <location filename="../../cdss/ui/records/entry_editor.py" line="85" />
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/entry_editor.py" line="85" />
        <source>Undo: {what}</source>
        <translation>撤销：{what}</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/records/entry_editor.py" line="86" />
        <source>Undo the last change (Ctrl+Z)</source>
        <translation>撤销上一次更改（Ctrl+Z）</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <location filename="../../cdss/ui/unlock_dialog.py" line="57" />
        <source>Unlock the workspace</source>
        <translation>解锁工作区</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/unlock_dialog.py" line="58" />
        <source>Remember on this computer (in the system keyring): open without asking</source>
        <translation>在本机记住（保存在系统钥匙串中）：打开时不再询问</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/unlock_dialog.py" line="60" />
        <source>CDSS Desk is locked: patient data is hidden until the workspace's passphrase is entered.</source>
        <translation>CDSS Desk 已锁定：输入工作区口令前，患者数据不予显示。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/unlock_dialog.py" line="63" />
        <source>The workspace {path} is encrypted. Enter its passphrase to open the records.</source>
        <translation>工作区 {path} 已加密。请输入口令以打开病历。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/unlock_dialog.py" line="80" />
        <source>That passphrase is not right for this workspace (try {n} of {max}).</source>
        <translation>口令不正确（第 {n} 次，共 {max} 次）。</translation>
    </message>
</context>
<context>
    <name>UserErrors</name>
    <message>
        <location filename="../../cdss/ui/error_texts.py" line="23" />
        <source>The workspace path {path} is a file, not a folder.</source>
        <translation>工作区路径 {path} 是一个文件，而不是文件夹。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/error_texts.py" line="24" />
        <source>Cannot create the workspace at {path}. Check that the folder is writable.</source>
        <translation>无法在 {path} 创建工作区。请检查该文件夹是否可写。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/error_texts.py" line="26" />
        <source>The workspace database {path} cannot be read. Restore a backup from the backups folder.</source>
        <translation>无法读取工作区数据库 {path}。请从备份文件夹恢复一个备份。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/error_texts.py" line="28" />
        <source>This workspace was written by a newer version of CDSS Desk. Update the app to open it.</source>
        <translation>此工作区由更新版本的 CDSS 临床助手创建。请升级应用后再打开。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/error_texts.py" line="30" />
        <source>The backup {name} is not a readable database.</source>
        <translation>备份 {name} 不是可读取的数据库。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/error_texts.py" line="31" />
        <source>The backup {name} failed its integrity check.</source>
        <translation>备份 {name} 未通过完整性检查。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/error_texts.py" line="32" />
        <source>No backup file at {path}.</source>
        <translation>{path} 处没有备份文件。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/error_texts.py" line="33" />
        <source>Could not write {path}.</source>
        <translation>无法写入 {path}。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/error_texts.py" line="47" />
        <source>No Chinese TrueType font was found for the PDF. Install one (Windows: Microsoft YaHei or SimSun; macOS: STHeiti; Linux: fonts-wqy-microhei) or set CDSS_CJK_FONT to a .ttf/.ttc file, then try again.</source>
        <translation>未找到可用于 PDF 的中文 TrueType 字体。请安装一种（Windows：微软雅黑或宋体；macOS：华文黑体；Linux：fonts-wqy-microhei），或将 CDSS_CJK_FONT 设置为一个 .ttf/.ttc 文件，然后重试。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/error_texts.py" line="51" />
        <source>The font {path} cannot be embedded in a PDF. Choose a TrueType font (.ttf/.ttc) with Chinese characters.</source>
        <translation>字体 {path} 无法嵌入 PDF。请选择含中文字符的 TrueType 字体（.ttf/.ttc）。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/error_texts.py" line="54" />
        <source>The folder to save the file in does not exist. Choose another folder.</source>
        <translation>保存文件的文件夹不存在。请选择其他文件夹。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/error_texts.py" line="56" />
        <source>The de-identification secret {path} is damaged. Restore it from a backup; deleting it changes how shared cases are pseudonymised.</source>
        <translation>去标识化密钥 {path} 已损坏。请从备份恢复；删除它会改变已共享病例的假名化方式。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/error_texts.py" line="59" />
        <source>Could not write {path}. Check the folder is writable.</source>
        <translation>无法写入 {path}。请检查该文件夹是否可写。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/error_texts.py" line="82" />
        <source>No files given to import.</source>
        <translation>未选择要导入的文件。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/error_texts.py" line="83" />
        <source>No DDInter interaction file among the chosen files (e.g. ddinter_downloads_code_A.csv).</source>
        <translation>所选文件中没有DDInter相互作用文件（例如 ddinter_downloads_code_A.csv）。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/error_texts.py" line="85" />
        <source>The WHO ATC import takes exactly one CSV file.</source>
        <translation>WHO ATC导入只接受一个CSV文件。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/error_texts.py" line="86" />
        <source>No ANSM thesaurus among the chosen files: expected thesaurus_*.json (French) or interactions_en_2016.tsv (English).</source>
        <translation>所选文件中没有ANSM相互作用汇编：应为 thesaurus_*.json（法文）或 interactions_en_2016.tsv（英文）。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/error_texts.py" line="89" />
        <source>Both ANSM editions were chosen; import the French 2020 and the English 2016 tables separately.</source>
        <translation>同时选择了两个ANSM版本；请分别导入2020年法文版和2016年英文版。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/error_texts.py" line="91" />
        <source>The stored pack {path} cannot be read; import it again.</source>
        <translation>无法读取已保存的知识包 {path}；请重新导入。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/error_texts.py" line="92" />
        <source>No imported pack named {name}.</source>
        <translation>没有名为 {name} 的已导入知识包。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/error_texts.py" line="94" />
        <source>No exchange server is set. Sign in with the server's address, or set it in the settings.</source>
        <translation>尚未设置交流服务器。请用服务器地址登录，或在设置中填写。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/error_texts.py" line="96" />
        <source>Your exchange session has ended. Sign in again; queued actions are kept.</source>
        <translation>病例交流的登录已失效。请重新登录；待发送的操作会保留。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/error_texts.py" line="98" />
        <source>Cannot reach the exchange server {server}. Check the network; queued actions are kept and sent at the next sync.</source>
        <translation>无法连接交流服务器 {server}。请检查网络；待发送的操作会保留，并在下次同步时发送。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/error_texts.py" line="101" />
        <source>The exchange server refused: {reason}</source>
        <translation>交流服务器拒绝了请求：{reason}</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/error_texts.py" line="102" />
        <source>Sign-in failed: {reason} Check the user name and password, or ask the server's administrator to approve the account.</source>
        <translation>登录失败：{reason} 请检查用户名和密码，或请服务器管理员批准该账号。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/error_texts.py" line="105" />
        <source>The server address must start with http:// or https:// (got {url}).</source>
        <translation>服务器地址必须以 http:// 或 https:// 开头（当前为 {url}）。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/error_texts.py" line="107" />
        <source>This conflict was already resolved.</source>
        <translation>此冲突已经处理。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/error_texts.py" line="108" />
        <source>This shared case is already in your records (patient {patient_id}).</source>
        <translation>此共享病例已在您的病历中（患者 {patient_id}）。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/error_texts.py" line="110" />
        <source>This case has not been received yet; sync first.</source>
        <translation>尚未收到此病例；请先同步。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/error_texts.py" line="111" />
        <source>Write a comment first.</source>
        <translation>请先填写评论。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/error_texts.py" line="112" />
        <source>Record the patient's separate consent to share this case before sharing it.</source>
        <translation>共享此病例前，请先记录患者对共享的单独同意。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/error_texts.py" line="114" />
        <source>This case has not reached the exchange yet: share it and sync first.</source>
        <translation>此病例尚未上传到交流平台：请先共享并同步。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/error_texts.py" line="116" />
        <source>There is no case {case_id} in this workspace.</source>
        <translation>此工作区中没有病例 {case_id}。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/error_texts.py" line="118" />
        <source>There is no patient with id {id}; it may have been deleted.</source>
        <translation>找不到 ID 为 {id} 的患者，可能已被删除。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/error_texts.py" line="119" />
        <source>There is no timeline entry with id {id}; it may have been deleted.</source>
        <translation>找不到 ID 为 {id} 的时间线记录，可能已被删除。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/error_texts.py" line="121" />
        <source>There is no allergy with id {id}; it may have been deleted.</source>
        <translation>找不到 ID 为 {id} 的过敏记录，可能已被删除。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/error_texts.py" line="122" />
        <source>There is no medication with id {id}; it may have been deleted.</source>
        <translation>找不到 ID 为 {id} 的用药记录，可能已被删除。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/error_texts.py" line="124" />
        <source>There is no lab result with id {id}; it may have been deleted.</source>
        <translation>找不到 ID 为 {id} 的检验结果，可能已被删除。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/error_texts.py" line="125" />
        <source>There is no follow-up with id {id}; it may have been deleted.</source>
        <translation>找不到 ID 为 {id} 的随访，可能已被删除。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/error_texts.py" line="127" />
        <source>That timeline entry was deleted; restore it first.</source>
        <translation>该时间线记录已被删除，请先恢复。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/error_texts.py" line="128" />
        <source>A timeline entry needs some text, a file or a lab value.</source>
        <translation>时间线记录需要包含文字、文件或检验数值。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/error_texts.py" line="129" />
        <source>Unknown timeline entry kind {kind}.</source>
        <translation>未知的时间线记录类型 {kind}。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/error_texts.py" line="130" />
        <source>A case needs a title (e.g. the main problem).</source>
        <translation>病例需要标题（例如主要问题）。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/error_texts.py" line="131" />
        <source>That case belongs to another patient.</source>
        <translation>该病例属于另一位患者。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/error_texts.py" line="132" />
        <source>A patient needs a name. Type the patient's name and save again.</source>
        <translation>患者需要姓名。请填写患者姓名后再保存。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/error_texts.py" line="134" />
        <source>The patient's name is longer than 200 characters.</source>
        <translation>患者姓名超过 200 个字符。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/error_texts.py" line="135" />
        <source>The birth date {birth_date} is in the future.</source>
        <translation>出生日期 {birth_date} 晚于今天。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/error_texts.py" line="136" />
        <source>Unknown sex {sex}; use male, female, other or unknown.</source>
        <translation>未知的性别 {sex}；请使用男、女、其他或未知。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/error_texts.py" line="137" />
        <source>{value} is not an ICD-10 code (expected e.g. J18.9 or E11.9).</source>
        <translation>{value} 不是 ICD-10 编码（应类似 J18.9 或 E11.9）。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/error_texts.py" line="138" />
        <source>An identifier needs both a type and a value.</source>
        <translation>证件/标识需要同时填写类型和号码。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/error_texts.py" line="139" />
        <source>Another patient already has the identifier {system} {value}.</source>
        <translation>另一位患者已使用标识 {system} {value}。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/error_texts.py" line="140" />
        <source>A tag is longer than 100 characters.</source>
        <translation>标签超过 100 个字符。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/error_texts.py" line="141" />
        <source>An allergy needs the substance the patient reacts to.</source>
        <translation>过敏记录需要填写致敏物质。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/error_texts.py" line="143" />
        <source>Allergy severity must be mild, moderate or severe.</source>
        <translation>过敏严重程度须为轻度、中度或重度。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/error_texts.py" line="144" />
        <source>A medication needs a drug name.</source>
        <translation>用药记录需要填写药品名称。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/error_texts.py" line="145" />
        <source>A medication cannot stop before it starts.</source>
        <translation>停药日期不能早于开始日期。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/error_texts.py" line="146" />
        <source>A lab result needs the name of the test.</source>
        <translation>检验结果需要填写检验项目名称。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/error_texts.py" line="147" />
        <source>The lab result {name} has no value.</source>
        <translation>检验结果 {name} 没有数值。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/error_texts.py" line="148" />
        <source>A draft needs a key of 1 to 200 characters.</source>
        <translation>草稿的键需为 1 至 200 个字符。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/error_texts.py" line="149" />
        <source>The attached file is missing from the workspace.</source>
        <translation>工作区中缺少该附件文件。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/error_texts.py" line="150" />
        <source>An attachment reference is not a valid SHA-256 hash.</source>
        <translation>附件引用不是有效的 SHA-256 哈希值。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/error_texts.py" line="151" />
        <source>The file is not a readable JPEG or PNG image.</source>
        <translation>该文件不是可读取的 JPEG 或 PNG 图片。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/error_texts.py" line="152" />
        <source>The image is too large to process.</source>
        <translation>图片过大，无法处理。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/error_texts.py" line="153" />
        <source>A de-identified export needs the workspace secret.</source>
        <translation>去标识化导出需要工作区密钥。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/error_texts.py" line="69" />
        <source>There is no paper with id {id} in the library.</source>
        <translation>文献库中没有编号为 {id} 的文献。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/error_texts.py" line="70" />
        <source>Type some words to search for.</source>
        <translation>请输入要检索的词语。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/error_texts.py" line="71" />
        <source>Nothing to search for in “{query}”.</source>
        <translation>“{query}”中没有可检索的内容。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/error_texts.py" line="72" />
        <source>The old literature store {path} is damaged; nothing was moved. Restore it from a backup or remove it.</source>
        <translation>旧的文献存储 {path} 已损坏，未迁移任何内容。请从备份恢复或将其移除。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/error_texts.py" line="75" />
        <source>Notes are limited to {limit} characters; shorten them.</source>
        <translation>笔记最多 {limit} 个字符，请缩短。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/error_texts.py" line="77" />
        <source>A link note is limited to {limit} characters.</source>
        <translation>关联备注最多 {limit} 个字符。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/error_texts.py" line="78" />
        <source>That link no longer exists.</source>
        <translation>该关联已不存在。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/error_texts.py" line="79" />
        <source>That timeline entry is not part of this case (it may have been deleted).</source>
        <translation>该时间线条目不属于本病例（可能已被删除）。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/error_texts.py" line="35" />
        <source>{filename} is {size_mb} MiB; attachments are limited to {limit_mb} MiB. Reduce the file size and try again.</source>
        <translation>{filename} 大小为 {size_mb} MiB；附件上限为 {limit_mb} MiB。请缩小文件后重试。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/error_texts.py" line="38" />
        <source>{filename} is empty.</source>
        <translation>{filename} 是空文件。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/error_texts.py" line="39" />
        <source>{filename} is not a photo (JPEG, PNG, GIF, WebP) or a PDF, so it cannot be attached.</source>
        <translation>{filename} 不是照片（JPEG、PNG、GIF、WebP）或 PDF，无法添加为附件。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/error_texts.py" line="41" />
        <source>{filename} is damaged or incomplete. Copy or download it again.</source>
        <translation>{filename} 已损坏或不完整。请重新复制或下载。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/error_texts.py" line="43" />
        <source>{filename} is a folder; drop the files inside it instead.</source>
        <translation>{filename} 是文件夹；请拖入其中的文件。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/error_texts.py" line="45" />
        <source>Cannot read {filename}: {reason}.</source>
        <translation>无法读取 {filename}：{reason}。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/error_texts.py" line="61" />
        <source>An override reason is required for: {title}</source>
        <translation>忽略以下警示需要填写理由：{title}</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/error_texts.py" line="62" />
        <source>Say why the alert is overridden.</source>
        <translation>请说明忽略该警示的理由。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/error_texts.py" line="63" />
        <source>A monitoring reason needs a follow-up date.</source>
        <translation>选择“将监测”需要填写随访日期。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/error_texts.py" line="64" />
        <source>Open a case first: the monitoring follow-up belongs to a case.</source>
        <translation>请先打开一个病例：监测随访需记录在病例中。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/error_texts.py" line="66" />
        <source>Unknown patient flag '{flag}'.</source>
        <translation>未知的患者标记“{flag}”。</translation>
    </message>
    <message>
        <location filename="../../cdss/ui/error_texts.py" line="67" />
        <source>This medication is not active.</source>
        <translation>此药物当前未在使用。</translation>
    </message>
</context>
</TS>