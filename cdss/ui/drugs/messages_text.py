"""Translated rendering of the checker's coded texts (alert titles, check notes) and its bilingual clinical text.

The domain sends a code and parameters (cdss/drugs/messages.py) next to an English rendering. Here each code's
English template is wrapped for Qt Linguist, so the translation is looked up at display time and follows a live
language switch. The source strings below must stay identical to ``cdss.drugs.messages.TEMPLATES`` (a test checks).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale

from cdss.drugs.messages import english_token, render

CONTEXT = "DrugMessages"

TEMPLATES: dict[str, str] = {
    "interaction": QT_TRANSLATE_NOOP("DrugMessages", "{a} + {b}: {effect}"),
    "interaction_reported": QT_TRANSLATE_NOOP("DrugMessages", "{a} + {b}: interaction reported"),
    "renal_threshold": QT_TRANSLATE_NOOP("DrugMessages",
                                         "{drug}: {action} at {measure} < {below:g} ({used} {value:.0f})"),
    "clinical_note": QT_TRANSLATE_NOOP("DrugMessages", "{drug}: {action} in {kind}"),
    "duplicate_ingredient": QT_TRANSLATE_NOOP("DrugMessages", "Same ingredient entered more than once: {drug}"),
    "duplicate_atc": QT_TRANSLATE_NOOP("DrugMessages", "Duplicate therapy: {a} and {b} (ATC group {group})"),
    "duplicate_class": QT_TRANSLATE_NOOP("DrugMessages", "Duplicate therapy: {a} and {b} (class '{group}')"),
    "burden_qt": QT_TRANSLATE_NOOP(
        "DrugMessages",
        "QT prolongation risk: {known} known-risk and {other} possible/conditional drug(s); Tisdale score ≥{score} "
        "({band})"),
    "burden_serotonergic": QT_TRANSLATE_NOOP("DrugMessages", "Serotonergic load: {count} drugs ({names})"),
    "burden_bleeding": QT_TRANSLATE_NOOP("DrugMessages", "Bleeding-risk load: {count} drugs ({names})"),
    "burden_cns_depression": QT_TRANSLATE_NOOP("DrugMessages", "CNS depressant load: {count} drugs ({names})"),
    "burden_hyperkalemia": QT_TRANSLATE_NOOP("DrugMessages",
                                             "Hyperkalaemia risk: {count} potassium-raising drug(s) ({names})"),
    "burden_anticholinergic": QT_TRANSLATE_NOOP("DrugMessages", "Anticholinergic burden: ACB total {total} ({names})"),
    "allergy_same_ingredient": QT_TRANSLATE_NOOP("DrugMessages", "Recorded allergy to {drug} ({label})"),
    "allergy_class": QT_TRANSLATE_NOOP("DrugMessages", "{drug}: {group} allergy recorded ({label})"),
    "allergy_r1_side_chain": QT_TRANSLATE_NOOP(
        "DrugMessages", "{drug}: shares the R1 side chain of a recorded beta-lactam allergen ({label})"),
    "allergy_cross_class": QT_TRANSLATE_NOOP(
        "DrugMessages", "{drug}: different beta-lactam class from the recorded allergy ({label})"),
    "note_egfr_computed": QT_TRANSLATE_NOOP(
        "DrugMessages", "eGFR {egfr:.0f} mL/min/1.73 m² computed by CKD-EPI 2021 (race-free)."),
    "note_crcl_computed": QT_TRANSLATE_NOOP(
        "DrugMessages", "CrCl {crcl:.0f} mL/min computed by Cockcroft-Gault with actual body weight."),
    "note_allergy_unrecognised": QT_TRANSLATE_NOOP("DrugMessages", "Allergy '{name}' not recognised: not checked."),
    "dose_single_above_max": QT_TRANSLATE_NOOP(
        "DrugMessages", "{drug}: single dose {dose} is above the adult maximum {max}"),
    "dose_daily_above_max": QT_TRANSLATE_NOOP(
        "DrugMessages", "{drug}: daily dose {dose} is above the adult maximum {max}"),
    "dose_weekly_above_max": QT_TRANSLATE_NOOP(
        "DrugMessages", "{drug}: weekly dose {dose} is above the adult maximum {max}"),
    "dose_implausible": QT_TRANSLATE_NOOP(
        "DrugMessages", "{drug}: {dose} is {factor}× the adult maximum {max}: check the unit (g or mg?)"),
    "dose_weekly_drug_daily": QT_TRANSLATE_NOOP(
        "DrugMessages", "{drug} is dosed weekly, but '{dose}' gives it every day"),
    "dose_renal_above_max": QT_TRANSLATE_NOOP(
        "DrugMessages", "{drug}: {dose} is above the maximum {max} at {measure} < {below:g} ({measure} {value:.0f})"),
    "dose_hepatic_above_max": QT_TRANSLATE_NOOP(
        "DrugMessages", "{drug}: daily dose {dose} is above the maximum {max} in hepatic impairment"),
    "dose_unit_mismatch": QT_TRANSLATE_NOOP(
        "DrugMessages", "{drug}: '{dose}' is not in {unit}, the unit this drug is dosed in"),
    "note_dose_no_limit": QT_TRANSLATE_NOOP(
        "DrugMessages", "{drug}: no adult maximum dose in the knowledge pack: dose not checked."),
    "note_dose_unread": QT_TRANSLATE_NOOP(
        "DrugMessages", "{drug}: dose '{text}' not read (amount and unit, e.g. 500 mg): dose not checked."),
    "note_dose_needs_weight": QT_TRANSLATE_NOOP(
        "DrugMessages", "{drug}: maximum is per kg and no weight is recorded: dose not checked."),
    "note_dose_no_frequency": QT_TRANSLATE_NOOP(
        "DrugMessages", "{drug}: no frequency given (e.g. bid): only the single dose was checked."),
}

#: Words for the vocabulary tokens that appear as parameters (see cdss.drugs.messages.TOKEN_PARAMS).
TOKENS: dict[str, dict[str, str]] = {
    "action": {
        "contraindicated": QT_TRANSLATE_NOOP("DrugMessages", "contraindicated"),
        "avoid": QT_TRANSLATE_NOOP("DrugMessages", "avoid"),
        "do_not_start": QT_TRANSLATE_NOOP("DrugMessages", "do not start"),
        "reduce_dose": QT_TRANSLATE_NOOP("DrugMessages", "reduce dose"),
        "caution": QT_TRANSLATE_NOOP("DrugMessages", "caution"),
        "compatible": QT_TRANSLATE_NOOP("DrugMessages", "compatible"),
    },
    "kind": {
        "pregnancy": QT_TRANSLATE_NOOP("DrugMessages", "pregnancy"),
        "lactation": QT_TRANSLATE_NOOP("DrugMessages", "lactation"),
        "hepatic": QT_TRANSLATE_NOOP("DrugMessages", "hepatic impairment"),
    },
    "band": {
        "high": QT_TRANSLATE_NOOP("DrugMessages", "high (≥11)"),
        "moderate": QT_TRANSLATE_NOOP("DrugMessages", "moderate (7-10)"),
        "low": QT_TRANSLATE_NOOP("DrugMessages", "low (≤6)"),
    },
    "group": {
        "penicillin": QT_TRANSLATE_NOOP("DrugMessages", "penicillin"),
        "cephalosporin": QT_TRANSLATE_NOOP("DrugMessages", "cephalosporin"),
        "carbapenem": QT_TRANSLATE_NOOP("DrugMessages", "carbapenem"),
        "monobactam": QT_TRANSLATE_NOOP("DrugMessages", "monobactam"),
        "sulfonamide_antibiotic": QT_TRANSLATE_NOOP("DrugMessages", "sulfonamide antibiotic"),
        "sulfonamide_nonantibiotic": QT_TRANSLATE_NOOP("DrugMessages", "non-antibiotic sulfonamide"),
        "macrolide": QT_TRANSLATE_NOOP("DrugMessages", "macrolide"),
        "fluoroquinolone": QT_TRANSLATE_NOOP("DrugMessages", "fluoroquinolone"),
        "tetracycline": QT_TRANSLATE_NOOP("DrugMessages", "tetracycline"),
        "aminoglycoside": QT_TRANSLATE_NOOP("DrugMessages", "aminoglycoside"),
        "nsaid": QT_TRANSLATE_NOOP("DrugMessages", "NSAID"),
        "opioid": QT_TRANSLATE_NOOP("DrugMessages", "opioid"),
        "iodinated_contrast": QT_TRANSLATE_NOOP("DrugMessages", "iodinated contrast"),
        "glycopeptide": QT_TRANSLATE_NOOP("DrugMessages", "glycopeptide"),
        "lincosamide": QT_TRANSLATE_NOOP("DrugMessages", "lincosamide"),
    },
}


def is_chinese() -> bool:
    return QLocale().language() == QLocale.Language.Chinese


def _token_text(param: str, token: str) -> str:
    source = TOKENS.get(param, {}).get(token)
    if source is None:  # a token without a label here (e.g. an ATC group code or a class tag) is shown as is
        return english_token(param, token)
    return QCoreApplication.translate(CONTEXT, source)


def coded_text(code: str | None, params: Mapping[str, Any] | None, fallback: str) -> str:
    """The translated rendering of a coded text, or ``fallback`` (the English) for an unknown code or bad params."""
    template = TEMPLATES.get(code or "")
    if template is None:
        return fallback
    try:
        return render(QCoreApplication.translate(CONTEXT, template), params or {}, _token_text, is_chinese())
    except (KeyError, IndexError, ValueError):
        return fallback


def alert_title(alert: Mapping[str, Any]) -> str:
    return coded_text(alert.get("title_code"), alert.get("title_params"), str(alert.get("title", "")))


def clinical_text(alert: Mapping[str, Any], key: str) -> Any:
    """``mechanism``/``effect``/``management`` in Chinese when the interface is Chinese and the knowledge has it."""
    if is_chinese():
        zh = alert.get(f"{key}_zh")
        if zh:
            return zh
    return alert.get(key)


def check_notes(result: Mapping[str, Any]) -> list[str]:
    """The check's notes, translated when they come coded (``note_codes``), else the English ``notes``."""
    coded = result.get("note_codes")
    if coded:
        return [coded_text(n.get("code"), n.get("params"), str(n.get("text", ""))) for n in coded]
    return [str(n) for n in result.get("notes") or []]
