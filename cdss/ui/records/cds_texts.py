"""Translatable texts of decision support in the Records room: routes, override reasons and the context notes the
domain returns as codes (:data:`cdss.cds.context.NOTE_TEXTS`, same English source). Its error codes' texts are in
:mod:`cdss.ui.error_texts` with every other room's."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

if TYPE_CHECKING:  # loaded with the first check, not when the Records room opens
    from cdss.cds.context import ContextNote

ROUTES = {
    "oral": QT_TRANSLATE_NOOP("CdsRoutes", "oral"), "iv": QT_TRANSLATE_NOOP("CdsRoutes", "intravenous"),
    "im": QT_TRANSLATE_NOOP("CdsRoutes", "intramuscular"), "sc": QT_TRANSLATE_NOOP("CdsRoutes", "subcutaneous"),
    "inhaled": QT_TRANSLATE_NOOP("CdsRoutes", "inhaled"), "rectal": QT_TRANSLATE_NOOP("CdsRoutes", "rectal"),
    "sublingual": QT_TRANSLATE_NOOP("CdsRoutes", "sublingual"),
    "transdermal": QT_TRANSLATE_NOOP("CdsRoutes", "transdermal"), "topical": QT_TRANSLATE_NOOP("CdsRoutes", "topical"),
}


def route_text(route: str | None) -> str:
    return QCoreApplication.translate("CdsRoutes", ROUTES[route]) if route in ROUTES else (route or "")


REASONS = {
    "benefit_outweighs_risk": QT_TRANSLATE_NOOP("CdsReasons", "Benefit outweighs risk"),
    "will_monitor": QT_TRANSLATE_NOOP("CdsReasons", "Will monitor"),
    "already_tolerated": QT_TRANSLATE_NOOP("CdsReasons", "Patient already tolerates this combination"),
    "short_course": QT_TRANSLATE_NOOP("CdsReasons", "Short course only"),
    "other": QT_TRANSLATE_NOOP("CdsReasons", "Other"),
}


def reason_text(code: str | None) -> str:
    """The override reason as the doctor chose it, in the interface language."""
    return QCoreApplication.translate("CdsReasons", REASONS[code]) if code in REASONS else (code or "")


def override_text(override: dict) -> str:
    """'Overridden: Will monitor (INR) — dr.wang, 2026-12-01 10:20' for an alert overridden earlier."""
    reason = reason_text(override.get("reason_code"))
    if override.get("reason_text"):
        reason = f"{reason} ({override['reason_text']})"
    who = override.get("actor") or QCoreApplication.translate("CdsReasons", "unknown user")
    return QCoreApplication.translate("CdsReasons", "Overridden: {reason} — {who}, {when}").format(
        reason=reason, who=who, when=override.get("at", ""))


_NOTES = {
    "lab_no_value": QT_TRANSLATE_NOOP("CdsNotes", "{name} on {date} has no numeric value: not used."),
    "lab_unit_unknown": QT_TRANSLATE_NOOP("CdsNotes",
                                          "{name} on {date} has unit '{unit}', which is not understood: not used."),
    "no_birth_date": QT_TRANSLATE_NOOP(
        "CdsNotes", "Birth date not recorded: age-dependent checks and eGFR/CrCl are not available."),
    "no_sex": QT_TRANSLATE_NOOP("CdsNotes", "Sex not recorded as male or female: eGFR/CrCl are not computed."),
    "weight_out_of_range": QT_TRANSLATE_NOOP("CdsNotes",
                                             "Weight {value} kg ({date}) is outside 20–400 kg: CrCl not computed."),
    "renal_not_adult": QT_TRANSLATE_NOOP("CdsNotes",
                                         "Renal function not estimated: CKD-EPI and Cockcroft-Gault are for adults."),
    "creatinine_implausible": QT_TRANSLATE_NOOP(
        "CdsNotes", "Creatinine {value} {unit} is outside the plausible range: not used."),
    "creatinine_whole_blood": QT_TRANSLATE_NOOP(
        "CdsNotes", "Creatinine measured in whole blood (LOINC 38483-4) is used as the serum value."),
    "pregnancy_unknown": QT_TRANSLATE_NOOP("CdsNotes", "Pregnancy status not recorded: pregnancy checks did not run."),
    "medication_unknown": QT_TRANSLATE_NOOP("CdsNotes",
                                            "Medication '{name}' is not in the drug dictionary: not checked."),
    "medication_part_unknown": QT_TRANSLATE_NOOP(
        "CdsNotes", "Medication '{name}': {parts} not in the drug dictionary: not checked."),
    "renal_not_estimated": QT_TRANSLATE_NOOP("CdsNotes", "Renal function not estimated ({reason})."),
    "new_drug_unknown": QT_TRANSLATE_NOOP("CdsNotes",
                                          "'{name}' is not in the drug dictionary: no safety check ran for it."),
}

def note_text(note: ContextNote) -> str:
    try:
        return QCoreApplication.translate("CdsNotes", _NOTES[note.code]).format(**note.param_dict)
    except (KeyError, IndexError, ValueError):
        return note.text
