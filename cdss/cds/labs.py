"""Which recorded lab values and vital signs the checker can use, found by LOINC code first and by name second.

LOINC codes (checked against LOINC's own names and the Synthea sample data in ../shared/data/synthea-fhir-r4):
- 2160-0 Creatinine [Mass/volume] in Serum or Plasma (mg/dL); 14682-9 Creatinine [Moles/volume] in Serum or Plasma
  (µmol/L); 38483-4 Creatinine [Mass/volume] in Blood (what Synthea records). Whole-blood creatinine is accepted as
  the serum value and the context says so, because point-of-care analysers report plasma-equivalent creatinine.
- 2823-3 Potassium [Moles/volume] in Serum or Plasma; 6298-4 Potassium [Moles/volume] in Blood.
- 29463-7 Body weight; 8302-2 Body height.
- 8636-3 Q-T interval corrected (no method); 76635-2 (Bazett) and 76634-5 (Fridericia) are QTc too.

Not used: reported eGFR (33914-3 and others): the checker computes eGFR (CKD-EPI 2021) and CrCl (Cockcroft-Gault)
from the creatinine itself, so both estimates rest on one value with one date.

A value whose unit cannot be read is left out (with a note) rather than guessed from its size.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from cdss.records.types import LabResult

CREATININE_SERUM_MASS = "2160-0"
CREATININE_SERUM_MOLAR = "14682-9"
CREATININE_BLOOD_MASS = "38483-4"
POTASSIUM_SERUM = "2823-3"
POTASSIUM_BLOOD = "6298-4"
BODY_WEIGHT = "29463-7"
BODY_HEIGHT = "8302-2"
QTC = "8636-3"
QTC_BAZETT = "76635-2"
QTC_FRIDERICIA = "76634-5"

#: measure → LOINC codes that report it.
LOINC_CODES: dict[str, frozenset[str]] = {
    "creatinine": frozenset({CREATININE_SERUM_MASS, CREATININE_SERUM_MOLAR, CREATININE_BLOOD_MASS}),
    "potassium": frozenset({POTASSIUM_SERUM, POTASSIUM_BLOOD}),
    "weight": frozenset({BODY_WEIGHT}),
    "height": frozenset({BODY_HEIGHT}),
    "qtc": frozenset({QTC, QTC_BAZETT, QTC_FRIDERICIA}),
}
#: The unit a code implies when the result carries none (LOINC codes are unit-class specific).
DEFAULT_UNIT = {CREATININE_SERUM_MASS: "mg/dL", CREATININE_SERUM_MOLAR: "umol/L", CREATININE_BLOOD_MASS: "mg/dL"}

#: Names (case-folded, exact) typed or imported without a LOINC code. Ratios, clearances and urine values are
#: deliberately absent: "urine creatinine" must never be read as serum creatinine.
NAMES: dict[str, frozenset[str]] = {
    "creatinine": frozenset({"creatinine", "serum creatinine", "creatinine, serum", "creatinine (serum)", "scr",
                             "cr", "crea", "creat", "血肌酐", "肌酐", "血清肌酐", "scr（血肌酐）"}),
    "potassium": frozenset({"potassium", "serum potassium", "potassium, serum", "k", "k+", "k⁺", "血钾", "钾",
                            "血清钾"}),
    "weight": frozenset({"weight", "body weight", "体重"}),
    "height": frozenset({"height", "body height", "身高"}),
    "qtc": frozenset({"qtc", "qtc interval", "corrected qt", "q-t interval corrected", "qt interval corrected",
                      "qtc间期", "校正qt间期"}),
}

_KG = {"kg": 1.0, "kilogram": 1.0, "kilograms": 1.0, "公斤": 1.0, "千克": 1.0, "g": 0.001, "[lb_av]": 0.45359237,
       "lb": 0.45359237, "lbs": 0.45359237}
_CM = {"cm": 1.0, "厘米": 1.0, "m": 100.0, "米": 100.0, "mm": 0.1, "[in_i]": 2.54, "in": 2.54}
_MMOL = {"mmol/l", "meq/l", "mmol/litre"}  # potassium is monovalent: 1 mEq/L = 1 mmol/L
_MS = {"ms", "msec", "毫秒"}
_CREATININE_UNITS = {"umol/l": "umol/L", "µmol/l": "umol/L", "μmol/l": "umol/L", "mg/dl": "mg/dL"}


@dataclass(frozen=True)
class Reading:
    """One usable value in the checker's units: kg, cm, mmol/L, ms; creatinine keeps its unit (umol/L or mg/dL)."""

    measure: str
    value: float
    unit: str
    taken_at: dt.datetime
    source_name: str
    loinc: str | None
    lab_id: int | None = None


def measure_of(lab: LabResult) -> str | None:
    """Which measure a lab result reports, or None; the LOINC code decides when there is one."""
    if lab.loinc:
        for measure, codes in LOINC_CODES.items():
            if lab.loinc in codes:
                return measure
        return None
    key = " ".join(lab.name.casefold().split())
    for measure, names in NAMES.items():
        if key in names:
            return measure
    return None


def reading_of(lab: LabResult) -> tuple[Reading | None, tuple[str, dict[str, str]] | None]:
    """(reading, None) for a usable value, (None, (note code, params)) for a relevant value that cannot be used,
    (None, None) for a lab the checker does not need."""
    measure = measure_of(lab)
    if measure is None:
        return None, None
    if lab.value is None:
        return None, ("lab_no_value", {"name": lab.name, "date": f"{lab.taken_at:%Y-%m-%d}"})
    raw_unit = (lab.unit or DEFAULT_UNIT.get(lab.loinc or "", "")).strip()
    unit_key = raw_unit.casefold().replace(" ", "")
    value, unit = lab.value, None
    if measure == "creatinine":
        unit = _CREATININE_UNITS.get(unit_key)
    elif measure == "potassium":
        unit = "mmol/L" if unit_key in _MMOL else None
    elif measure == "weight" and unit_key in _KG:
        value, unit = lab.value * _KG[unit_key], "kg"
    elif measure == "height" and unit_key in _CM:
        value, unit = lab.value * _CM[unit_key], "cm"
    elif measure == "qtc":
        if unit_key in _MS:
            unit = "ms"
        elif unit_key in {"s", "sec"}:
            value, unit = lab.value * 1000, "ms"
    if unit is None:
        return None, ("lab_unit_unknown", {"name": lab.name, "date": f"{lab.taken_at:%Y-%m-%d}",
                                           "unit": raw_unit or "—"})
    return Reading(measure, value, unit, lab.taken_at, lab.name, lab.loinc, lab.id), None


def latest_readings(labs: Iterable[LabResult]) -> tuple[dict[str, Reading], list[tuple[str, dict[str, str]]]]:
    """The most recent usable reading of each measure, and notes about relevant values that could not be used.

    A note is kept only when the unusable value is newer than the reading used, because that is when it matters.
    """
    best: dict[str, Reading] = {}
    problems: dict[str, tuple[dt.datetime, tuple[str, dict[str, str]]]] = {}
    for lab in labs:
        reading, problem = reading_of(lab)
        if reading is not None:
            kept = best.get(reading.measure)
            if kept is None or (reading.taken_at, reading.lab_id or 0) > (kept.taken_at, kept.lab_id or 0):
                best[reading.measure] = reading
        elif problem is not None:
            measure = measure_of(lab) or ""
            if measure not in problems or lab.taken_at > problems[measure][0]:
                problems[measure] = (lab.taken_at, problem)
    notes = [text for measure, (when, text) in sorted(problems.items())
             if measure not in best or when > best[measure].taken_at]
    return best, notes
