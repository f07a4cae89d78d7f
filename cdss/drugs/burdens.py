"""Additive burdens across the whole regimen that pairwise lookups miss (QT, serotonergic, bleeding, CNS
depression, hyperkalaemia, anticholinergic), plus duplicate therapy."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations
from typing import TYPE_CHECKING

from cdss.drugs.alerts import Alert
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
#: dual therapy, inhaled bronchodilators across groups) — duplicates there come only from shared class tags.
ATC4_COMBINED_BY_DESIGN = frozenset({"J05AE", "J05AF", "J05AG", "J05AR", "B01AC", "A10AB", "A10AC", "A10AD",
                                     "A10AE", "L01XE", "L01XC", "J04AB", "J04AK", "J01CR"})


def duplicate_alerts(drugs: Sequence[Drug], repeated_ids: Sequence[str]) -> list[Alert]:
    alerts = []
    for drug_id in repeated_ids:
        alerts.append(Alert(
            kind="duplicate", severity="major", drugs=(drug_id,), title=f"Same ingredient entered more than once: "
            f"{drug_id}", mechanism="Two entries (e.g. a generic and a brand name) resolve to the same ingredient.",
            effect="Risk of double dosing.", management="Keep one entry; check the total daily dose.",
            evidence="established", sources=("CDSS Desk duplicate-therapy check",), rule_id="duplicate_ingredient"))
    for first, second in combinations(drugs, 2):
        shared_atc = (first.atc_level4 & second.atc_level4) - ATC4_COMBINED_BY_DESIGN
        common = first.tags & second.tags
        shared_tags = [t for t in DUPLICATE_TAGS if t in common] if common else []
        if not shared_atc and not shared_tags:
            continue
        group = sorted(shared_atc)[0] if shared_atc else shared_tags[0]
        what = f"ATC group {group}" if shared_atc else f"class '{group.replace('_', ' ')}'"
        alerts.append(Alert(
            kind="duplicate", severity="moderate", drugs=(first.id, second.id),
            title=f"Duplicate therapy: {first.name_en} and {second.name_en} ({what})",
            mechanism=f"Both drugs belong to the same therapeutic group ({what}).",
            effect="Additive adverse effects without added benefit.",
            management="Confirm the combination is intended (e.g. a planned switch); otherwise stop one.",
            evidence="established", sources=("WHO ATC classification (level 4)", "CDSS Desk duplicate-therapy check"),
            rule_id="duplicate_atc4" if shared_atc else f"duplicate_class_{group}"))
    return alerts


def _names(drugs: Sequence[Drug]) -> str:
    return ", ".join(d.name_en for d in drugs)


def qt_alert(drugs: Sequence[Drug], ctx: PatientContext | None) -> Alert | None:
    known = [d for d in drugs if d.qt_risk == "known"]
    other = [d for d in drugs if d.qt_risk in ("possible", "conditional")]
    qt_drugs = known + other
    if not qt_drugs:
        return None
    # Tisdale score from what we know; MI, sepsis and heart failure are not captured, so it is a minimum.
    score, factors = 0, []
    if ctx is not None:
        if ctx.age is not None and ctx.age >= 68:
            score, factors = score + 1, [*factors, "age ≥68"]
        if ctx.is_female:
            score, factors = score + 1, [*factors, "female"]
        if ctx.potassium_mmol is not None and ctx.potassium_mmol <= 3.5:
            score, factors = score + 2, [*factors, f"K {ctx.potassium_mmol} ≤3.5 mmol/L"]
        if ctx.qtc_ms is not None and ctx.qtc_ms >= 450:
            score, factors = score + 2, [*factors, f"QTc {ctx.qtc_ms:g} ms ≥450"]
    if any("loop_diuretic" in d.tags for d in drugs):
        score, factors = score + 1, [*factors, "loop diuretic"]
    score += 3 + (3 if len(qt_drugs) >= 2 else 0)
    factors.append(f"{len(qt_drugs)} QT-prolonging drug(s)")
    qtc_500 = ctx is not None and ctx.qtc_ms is not None and ctx.qtc_ms >= 500
    if score < 7 and len(qt_drugs) < 3 and not qtc_500:
        return None
    severity = "major" if (score >= 11 or (qtc_500 and known)) else "moderate"
    band = "high (≥11)" if score >= 11 else "moderate (7-10)" if score >= 7 else "low (≤6)"
    return Alert(
        kind="qt", severity=severity, drugs=tuple(d.id for d in qt_drugs),
        title=f"QT prolongation risk: {len(known)} known-risk and {len(other)} possible/conditional drug(s); "
              f"Tisdale score ≥{score} ({band})",
        mechanism="Additive QT prolongation; risk factors: " + "; ".join(factors) + ". "
                  "Myocardial infarction, sepsis and heart failure are not captured, so the score is a minimum.",
        effect="Torsades de pointes and sudden cardiac death.",
        management="Minimise QT-prolonging drugs; obtain ECG; keep K ≥4.0 and Mg ≥2.0 mg/dL; stop or replace a drug "
                   "if QTc >500 ms or rises >60 ms.",
        evidence="established", sources=(TISDALE, CREDIBLEMEDS), rule_id="burden_qt")


def _count_alert(kind: str, drugs: Sequence[Drug], minimum: int, severity: str, title: str, mechanism: str,
                 effect: str, management: str, sources: tuple[str, ...]) -> Alert | None:
    if len(drugs) < minimum:
        return None
    return Alert(kind=kind, severity=severity, drugs=tuple(d.id for d in drugs),
                 title=f"{title}: {len(drugs)} drugs ({_names(drugs)})", mechanism=mechanism, effect=effect,
                 management=management, evidence="established", sources=sources, rule_id=f"burden_{kind}")


def burden_alerts(drugs: Sequence[Drug], ctx: PatientContext | None) -> list[Alert]:
    alerts: list[Alert | None] = [qt_alert(drugs, ctx)]
    sero = [d for d in drugs if "serotonergic" in d.flags]
    alerts.append(_count_alert(
        "serotonergic", sero, 3, "major", "Serotonergic load",
        "Three or more drugs that raise serotonergic activity.",
        "Serotonin syndrome (agitation, clonus, hyperthermia).",
        "Review the need for each serotonergic drug; educate the patient; stop if clonus or hyperthermia appear.",
        ("Boyer EW, Shannon M. N Engl J Med 2005;352:1112-20",)))
    bleed = [d for d in drugs if {"anticoagulant", "antiplatelet", "bleeding_risk"} & d.flags]
    alerts.append(_count_alert(
        "bleeding", bleed, 3, "major", "Bleeding-risk load",
        "Three or more drugs impairing haemostasis (anticoagulant, antiplatelet, NSAID/SSRI and others).",
        "Major gastrointestinal and intracranial bleeding.",
        "Limit triple combinations to clear indications and the shortest time; add a PPI; monitor haemoglobin.",
        ("ESC 2020/2023 antithrombotic guidance", "BNF Appendix 1 (Interactions)")))
    cns = [d for d in drugs if "cns_depressant" in d.flags]
    alerts.append(_count_alert(
        "cns_depression", cns, 3, "major" if any("opioid" in d.tags for d in cns) else "moderate",
        "CNS depressant load", "Three or more central nervous system depressants.",
        "Sedation, falls, respiratory depression (especially with opioids).",
        "Reduce the number and doses of sedating drugs; monitor sedation and breathing.",
        ("FDA Drug Safety Communication 2016 (opioids with CNS depressants)", "AGS Beers Criteria 2023")))
    k_drugs = [d for d in drugs if "potassium_raising" in d.flags]
    k_high = ctx is not None and ctx.potassium_mmol is not None and ctx.potassium_mmol >= 5.0 and k_drugs
    if len(k_drugs) >= 3 or k_high:
        sev = "major" if (len(k_drugs) >= 3 or (ctx is not None and (ctx.potassium_mmol or 0) >= 5.5)) else "moderate"
        extra = f" Serum potassium {ctx.potassium_mmol} mmol/L." if k_high and ctx is not None else ""
        alerts.append(Alert(
            kind="hyperkalemia", severity=sev, drugs=tuple(d.id for d in k_drugs),
            title=f"Hyperkalaemia risk: {len(k_drugs)} potassium-raising drug(s) ({_names(k_drugs)})",
            mechanism="Drugs that reduce renal potassium excretion or add potassium." + extra,
            effect="Hyperkalaemia and arrhythmia, particularly with reduced renal function.",
            management="Check potassium and creatinine within 1 week and regularly; stop potassium supplements; "
                       "reconsider the combination if K >5.5 mmol/L.",
            evidence="established", sources=("KDIGO 2024 CKD guideline", "BNF Appendix 1 (Interactions)"),
            rule_id="burden_hyperkalemia"))
    acb_drugs = [d for d in drugs if d.acb]
    total = sum(d.acb or 0 for d in acb_drugs)
    if total >= 3 and len(acb_drugs) >= 2:  # one strongly anticholinergic drug alone is its own label issue
        older = ctx is not None and ctx.age is not None and ctx.age >= 65
        alerts.append(Alert(
            kind="anticholinergic", severity="major" if older else "moderate", drugs=tuple(d.id for d in acb_drugs),
            title=f"Anticholinergic burden: ACB total {total} ({_names(acb_drugs)})",
            mechanism="Summed Anticholinergic Cognitive Burden scores ≥3.",
            effect="Confusion, cognitive decline, falls; higher mortality in older adults.",
            management="Deprescribe or substitute drugs with lower anticholinergic activity, especially in older "
                       "people.",
            evidence="established", sources=ACB_SOURCES, rule_id="burden_anticholinergic"))
    return [a for a in alerts if a is not None]
