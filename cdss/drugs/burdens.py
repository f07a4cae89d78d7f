"""Additive burdens across the whole regimen that pairwise lookups miss (QT, serotonergic, bleeding, CNS
depression, hyperkalaemia, anticholinergic), plus duplicate therapy."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations
from typing import TYPE_CHECKING

from cdss.drugs.alerts import Alert
from cdss.drugs.messages import message
from cdss.drugs.models import Drug

if TYPE_CHECKING:
    from cdss.drugs.checker import PatientContext

TISDALE = "Tisdale JE et al. Development and validation of a risk score to predict QT interval prolongation in " \
          "hospitalized patients. Circ Cardiovasc Qual Outcomes 2013;6:479-87"
CREDIBLEMEDS = "CredibleMeds QTdrugs list"
ACB_SOURCES = ("Boustani M et al. Aging Health 2008;4:311-20 (ACB scale)",
               "Fox C et al. J Am Geriatr Soc 2011;59:1477-83 (ACB ≥3 and mortality)")
#: Class tags where two members together are almost always an unintended duplicate.
DUPLICATE_TAGS = ("nsaid", "ppi", "h2_blocker", "ssri", "snri", "statin", "ace_inhibitor", "arb", "benzodiazepine",
                  "z_drug", "p2y12", "doac", "vka", "sulfonylurea", "beta_blocker", "dhp_ccb", "non_dhp_ccb",
                  "bisphosphonate", "fluoroquinolone", "macrolide", "tetracycline")
#: ATC level-4 groups whose members are routinely combined (boosted and combination antiretrovirals, antiplatelet
#: dual therapy, inhaled bronchodilators across groups), or that are mixed bags of unrelated drugs ("other cardiac
#: preparations" C01EB: creatine phosphate beside trimetazidine and ivabradine; "antidotes" V03AB: glutathione
#: beside naloxone and sugammadex; "other systemic haemostatics" B02BX: haemocoagulase beside TPO agonists) —
#: duplicates there come only from shared class tags.
ATC4_COMBINED_BY_DESIGN = frozenset({"J05AE", "J05AF", "J05AG", "J05AR", "B01AC", "A10AB", "A10AC", "A10AD",
                                     "A10AE", "L01XE", "L01XC", "J04AB", "J04AK", "J01CR", "C01EB", "V03AB",
                                     "B02BX"})


#: Fixed clinical text of the burden alerts: (mechanism, effect, management), English then Chinese.
_TEXT: dict[str, tuple[tuple[str, str, str], tuple[str, str, str]]] = {
    "serotonergic": (
        ("Three or more drugs that raise serotonergic activity.",
         "Serotonin syndrome (agitation, clonus, hyperthermia).",
         "Review the need for each serotonergic drug; educate the patient; stop if clonus or hyperthermia appear."),
        ("三种或以上增强5-羟色胺能活性的药物。",
         "5-羟色胺综合征（激越、阵挛、高热）。",
         "逐一评估每种5-羟色胺能药物的必要性；告知患者；出现阵挛或高热时停药。")),
    "bleeding": (
        ("Three or more drugs impairing haemostasis (anticoagulant, antiplatelet, NSAID/SSRI and others).",
         "Major gastrointestinal and intracranial bleeding.",
         "Limit triple combinations to clear indications and the shortest time; add a PPI; monitor haemoglobin."),
        ("三种或以上损害止血功能的药物（抗凝药、抗血小板药、NSAID/SSRI等）。",
         "胃肠道大出血和颅内出血。",
         "三联用药仅限于有明确适应证时且疗程尽量短；加用PPI；监测血红蛋白。")),
    "cns_depression": (
        ("Three or more central nervous system depressants.",
         "Sedation, falls, respiratory depression (especially with opioids).",
         "Reduce the number and doses of sedating drugs; monitor sedation and breathing."),
        ("三种或以上中枢神经系统抑制药。",
         "镇静、跌倒、呼吸抑制（与阿片类药物合用时尤甚）。",
         "减少镇静药物的种类和剂量；监测镇静程度和呼吸。")),
    "hyperkalemia": (
        ("Drugs that reduce renal potassium excretion or add potassium.",
         "Hyperkalaemia and arrhythmia, particularly with reduced renal function.",
         "Check potassium and creatinine within 1 week and regularly; stop potassium supplements; reconsider the "
         "combination if K >5.5 mmol/L."),
        ("减少肾脏排钾或补充钾的药物。",
         "高钾血症和心律失常，肾功能减退时尤甚。",
         "1周内及此后定期检查血钾和肌酐；停用钾补充剂；血钾 >5.5 mmol/L时重新评估该联合用药。")),
    "anticholinergic": (
        ("Summed Anticholinergic Cognitive Burden scores ≥3.",
         "Confusion, cognitive decline, falls; higher mortality in older adults.",
         "Deprescribe or substitute drugs with lower anticholinergic activity, especially in older people."),
        ("抗胆碱能认知负担（ACB）评分合计≥3。",
         "意识模糊、认知功能下降、跌倒；老年人死亡率升高。",
         "停用或换用抗胆碱能活性较低的药物，老年人尤应如此。")),
    "qt": (
        ("Additive QT prolongation; risk factors: {factors}. Myocardial infarction, sepsis and heart failure are not "
         "captured, so the score is a minimum.",
         "Torsades de pointes and sudden cardiac death.",
         "Minimise QT-prolonging drugs; obtain ECG; keep K ≥4.0 and Mg ≥2.0 mg/dL; stop or replace a drug if QTc "
         ">500 ms or rises >60 ms."),
        ("QT间期延长作用叠加；危险因素：{factors}。心肌梗死、脓毒症和心力衰竭未纳入，因此该评分为最低值。",
         "尖端扭转型室速和心源性猝死。",
         "尽量减少QT延长药物；检查心电图；维持血钾≥4.0、血镁≥2.0 mg/dL；QTc >500 ms或升高 >60 ms时停用或更换药物。")),
    "duplicate_ingredient": (
        ("Two entries (e.g. a generic and a brand name) resolve to the same ingredient.",
         "Risk of double dosing.", "Keep one entry; check the total daily dose."),
        ("两个条目（如通用名和商品名）对应同一成分。", "有重复给药的风险。", "只保留一个条目；核对每日总剂量。")),
    "duplicate_group": (
        ("Both drugs belong to the same therapeutic group ({what}).",
         "Additive adverse effects without added benefit.",
         "Confirm the combination is intended (e.g. a planned switch); otherwise stop one."),
        ("两种药物属于同一治疗类别（{what}）。", "不良反应叠加而无额外获益。",
         "确认该联合用药是有意为之（如计划换药）；否则停用其中一种。")),
}


def _texts(key: str, **fill: tuple[str, str]) -> dict[str, str]:
    """Alert text fields for ``key``; ``fill`` gives (English, Chinese) values for placeholders."""
    en, zh = _TEXT[key]
    out = {}
    for i, field in enumerate(("mechanism", "effect", "management")):
        out[field] = en[i].format(**{k: v[0] for k, v in fill.items()})
        out[f"{field}_zh"] = zh[i].format(**{k: v[1] for k, v in fill.items()})
    return out


def duplicate_alerts(drugs: Sequence[Drug], repeated_ids: Sequence[str]) -> list[Alert]:
    alerts = []
    for drug_id in repeated_ids:
        title = message("duplicate_ingredient", drug=drug_id)
        alerts.append(Alert(
            kind="duplicate", severity="major", drugs=(drug_id,), title=title.text, title_message=title,
            **_texts("duplicate_ingredient"), evidence="established",
            sources=("CDSS Desk duplicate-therapy check",), rule_id="duplicate_ingredient"))
    for first, second in combinations(drugs, 2):
        shared_atc = (first.atc_level4 & second.atc_level4) - ATC4_COMBINED_BY_DESIGN
        common = first.tags & second.tags
        shared_tags = [t for t in DUPLICATE_TAGS if t in common] if common else []
        if not shared_atc and not shared_tags:
            continue
        group = sorted(shared_atc)[0] if shared_atc else shared_tags[0]
        names = {"a": first.name_en, "a_zh": first.name_zh, "b": second.name_en, "b_zh": second.name_zh}
        if shared_atc:
            title = message("duplicate_atc", **names, group=group)
            what = (f"ATC group {group}", f"ATC {group}组")
        else:
            title = message("duplicate_class", **names, group=group)
            what = (f"class '{group.replace('_', ' ')}'", f"类别“{group.replace('_', ' ')}”")
        alerts.append(Alert(
            kind="duplicate", severity="moderate", drugs=(first.id, second.id), title=title.text,
            title_message=title, **_texts("duplicate_group", what=what), evidence="established",
            sources=("WHO ATC classification (level 4)", "CDSS Desk duplicate-therapy check"),
            rule_id="duplicate_atc4" if shared_atc else f"duplicate_class_{group}"))
    return alerts


def _names(drugs: Sequence[Drug]) -> dict[str, str]:
    return {"names": ", ".join(d.name_en for d in drugs), "names_zh": "、".join(d.name_zh for d in drugs)}


def qt_alert(drugs: Sequence[Drug], ctx: PatientContext | None) -> Alert | None:
    known = [d for d in drugs if d.qt_risk == "known"]
    other = [d for d in drugs if d.qt_risk in ("possible", "conditional")]
    qt_drugs = known + other
    if not qt_drugs:
        return None
    # Tisdale score from what we know; MI, sepsis and heart failure are not captured, so it is a minimum.
    score, factors = 0, []  # factors: (English, Chinese)
    if ctx is not None:
        if ctx.age is not None and ctx.age >= 68:
            score, factors = score + 1, [*factors, ("age ≥68", "年龄≥68岁")]
        if ctx.is_female:
            score, factors = score + 1, [*factors, ("female", "女性")]
        if ctx.potassium_mmol is not None and ctx.potassium_mmol <= 3.5:
            k = ctx.potassium_mmol
            score, factors = score + 2, [*factors, (f"K {k} ≤3.5 mmol/L", f"血钾 {k} ≤3.5 mmol/L")]
        if ctx.qtc_ms is not None and ctx.qtc_ms >= 450:
            q = ctx.qtc_ms
            score, factors = score + 2, [*factors, (f"QTc {q:g} ms ≥450", f"QTc {q:g} ms ≥450")]
    if any("loop_diuretic" in d.tags for d in drugs):
        score, factors = score + 1, [*factors, ("loop diuretic", "袢利尿剂")]
    score += 3 + (3 if len(qt_drugs) >= 2 else 0)
    factors.append((f"{len(qt_drugs)} QT-prolonging drug(s)", f"{len(qt_drugs)}种QT延长药物"))
    qtc_500 = ctx is not None and ctx.qtc_ms is not None and ctx.qtc_ms >= 500
    if score < 7 and len(qt_drugs) < 3 and not qtc_500:
        return None
    severity = "major" if (score >= 11 or (qtc_500 and known)) else "moderate"
    band = "high" if score >= 11 else "moderate" if score >= 7 else "low"
    title = message("burden_qt", known=len(known), other=len(other), score=score, band=band)
    joined = ("; ".join(f[0] for f in factors), "；".join(f[1] for f in factors))
    return Alert(
        kind="qt", severity=severity, drugs=tuple(d.id for d in qt_drugs), title=title.text, title_message=title,
        **_texts("qt", factors=joined), evidence="established", sources=(TISDALE, CREDIBLEMEDS), rule_id="burden_qt")


def _count_alert(kind: str, drugs: Sequence[Drug], minimum: int, severity: str,
                 sources: tuple[str, ...]) -> Alert | None:
    if len(drugs) < minimum:
        return None
    title = message(f"burden_{kind}", count=len(drugs), **_names(drugs))
    return Alert(kind=kind, severity=severity, drugs=tuple(d.id for d in drugs), title=title.text,
                 title_message=title, **_texts(kind), evidence="established", sources=sources,
                 rule_id=f"burden_{kind}")


def burden_alerts(drugs: Sequence[Drug], ctx: PatientContext | None) -> list[Alert]:
    alerts: list[Alert | None] = [qt_alert(drugs, ctx)]
    sero = [d for d in drugs if "serotonergic" in d.flags]
    alerts.append(_count_alert("serotonergic", sero, 3, "major",
                               ("Boyer EW, Shannon M. N Engl J Med 2005;352:1112-20",)))
    bleed = [d for d in drugs if {"anticoagulant", "antiplatelet", "bleeding_risk"} & d.flags]
    alerts.append(_count_alert("bleeding", bleed, 3, "major",
                               ("ESC 2020/2023 antithrombotic guidance", "BNF Appendix 1 (Interactions)")))
    cns = [d for d in drugs if "cns_depressant" in d.flags]
    alerts.append(_count_alert(
        "cns_depression", cns, 3, "major" if any("opioid" in d.tags for d in cns) else "moderate",
        ("FDA Drug Safety Communication 2016 (opioids with CNS depressants)", "AGS Beers Criteria 2023")))
    k_drugs = [d for d in drugs if "potassium_raising" in d.flags]
    k_high = ctx is not None and ctx.potassium_mmol is not None and ctx.potassium_mmol >= 5.0 and k_drugs
    if len(k_drugs) >= 3 or k_high:
        sev = "major" if (len(k_drugs) >= 3 or (ctx is not None and (ctx.potassium_mmol or 0) >= 5.5)) else "moderate"
        texts = _texts("hyperkalemia")
        if k_high and ctx is not None:
            texts["mechanism"] += f" Serum potassium {ctx.potassium_mmol} mmol/L."
            texts["mechanism_zh"] += f"血钾 {ctx.potassium_mmol} mmol/L。"
        title = message("burden_hyperkalemia", count=len(k_drugs), **_names(k_drugs))
        alerts.append(Alert(
            kind="hyperkalemia", severity=sev, drugs=tuple(d.id for d in k_drugs), title=title.text,
            title_message=title, **texts, evidence="established",
            sources=("KDIGO 2024 CKD guideline", "BNF Appendix 1 (Interactions)"), rule_id="burden_hyperkalemia"))
    acb_drugs = [d for d in drugs if d.acb]
    total = sum(d.acb or 0 for d in acb_drugs)
    if total >= 3 and len(acb_drugs) >= 2:  # one strongly anticholinergic drug alone is its own label issue
        older = ctx is not None and ctx.age is not None and ctx.age >= 65
        title = message("burden_anticholinergic", total=total, **_names(acb_drugs))
        alerts.append(Alert(
            kind="anticholinergic", severity="major" if older else "moderate", drugs=tuple(d.id for d in acb_drugs),
            title=title.text, title_message=title, **_texts("anticholinergic"), evidence="established",
            sources=ACB_SOURCES, rule_id="burden_anticholinergic"))
    return [a for a in alerts if a is not None]
