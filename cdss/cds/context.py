"""The checker's patient context, taken from the record: age and sex, latest weight/height, latest creatinine (with
its date) → eGFR/CrCl, pregnancy/breastfeeding/hepatic flags, allergies, potassium, QTc and every active medication.

Nothing is guessed: a value the record does not hold stays unknown, and every assumption or value left out is
written into ``notes`` so the doctor sees what the check did and did not take into account.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from cdss.cds.labs import Reading, latest_readings
from cdss.cds.names import NameResolution, resolve_medication_name
from cdss.drugs import dosing
from cdss.drugs.catalog import Catalog
from cdss.drugs.checker import PatientContext
from cdss.errors import UserError
from cdss.records.types import LabResult, Medication, PatientRecord, Sex, age_on

#: Flags the record has no field for; kept in ``cds_patient_flag``.
FLAGS = ("pregnant", "lactating", "hepatic_impairment")
ADULT_AGE = 18  # CKD-EPI 2021 and Cockcroft-Gault are adult formulas
WEIGHT_RANGE_KG = (20.0, 400.0)  # what the Cockcroft-Gault calculator accepts


#: English text of every note the context can carry; the UI translates by code (cdss/ui/records/medications_panel).
NOTE_TEXTS = {
    "lab_no_value": "{name} on {date} has no numeric value: not used.",
    "lab_unit_unknown": "{name} on {date} has unit '{unit}', which is not understood: not used.",
    "no_birth_date": "Birth date not recorded: age-dependent checks and eGFR/CrCl are not available.",
    "no_sex": "Sex not recorded as male or female: eGFR/CrCl are not computed.",
    "weight_out_of_range": "Weight {value} kg ({date}) is outside 20–400 kg: CrCl not computed.",
    "renal_not_adult": "Renal function not estimated: CKD-EPI and Cockcroft-Gault are for adults.",
    "creatinine_implausible": "Creatinine {value} {unit} is outside the plausible range: not used.",
    "creatinine_whole_blood": "Creatinine measured in whole blood (LOINC 38483-4) is used as the serum value.",
    "pregnancy_unknown": "Pregnancy status not recorded: pregnancy checks did not run.",
    "medication_unknown": "Medication '{name}' is not in the drug dictionary: not checked.",
    "medication_part_unknown": "Medication '{name}': {parts} not in the drug dictionary: not checked.",
    "renal_not_estimated": "Renal function not estimated ({reason}).",
    "new_drug_unknown": "'{name}' is not in the drug dictionary: no safety check ran for it.",
}


@dataclass(frozen=True)
class ContextNote:
    """Something the check did not, or could not, take into account: a code and its parameters."""

    code: str
    params: tuple[tuple[str, str], ...] = ()

    @property
    def param_dict(self) -> dict[str, str]:
        return dict(self.params)

    @property
    def text(self) -> str:
        return NOTE_TEXTS[self.code].format(**self.param_dict)


def note(code: str, **params: object) -> ContextNote:
    return ContextNote(code, tuple((k, str(v)) for k, v in params.items()))


@dataclass(frozen=True)
class ActiveMedication:
    medication_id: int | None
    name: str
    dose: str | None
    drug_ids: tuple[str, ...]
    unresolved_parts: tuple[str, ...]


@dataclass(frozen=True)
class CaseContext:
    """The patient context plus where each value came from, for display next to the alerts."""

    patient_id: int | None
    context: PatientContext
    age: int | None
    sex: str | None
    weight: Reading | None
    height: Reading | None
    creatinine: Reading | None
    potassium: Reading | None
    qtc: Reading | None
    egfr: float | None
    crcl: float | None
    flags: frozenset[str]
    allergies: tuple[str, ...]
    medications: tuple[ActiveMedication, ...]
    notes: tuple[ContextNote, ...]

    @property
    def active_drug_ids(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(d for m in self.medications for d in m.drug_ids))

    @property
    def unresolved_medications(self) -> tuple[ActiveMedication, ...]:
        return tuple(m for m in self.medications if not m.drug_ids or m.unresolved_parts)


def _checker_sex(sex: Sex) -> str | None:
    return {Sex.MALE: "M", Sex.FEMALE: "F"}.get(sex)


def all_labs(record: PatientRecord) -> list[LabResult]:
    """Checker input: every lab of the record, including those entered on a case's timeline."""
    return list(record.all_labs())


def resolve_active(medications: Iterable[Medication], catalog: Catalog) -> tuple[ActiveMedication, ...]:
    out = []
    for med in medications:
        if not med.active:
            continue
        resolution: NameResolution = resolve_medication_name(med.name, catalog, med.drug_id)
        out.append(ActiveMedication(med.id, med.name, med.dose, resolution.drug_ids, resolution.unresolved_parts))
    return tuple(out)


def build_context(record: PatientRecord, catalog: Catalog, *, flags: Mapping[str, bool] | None = None,
                  today: dt.date | None = None, labs: Iterable[LabResult] | None = None) -> CaseContext:
    """The context of ``record`` on ``today``; ``labs`` overrides the record's labs (a re-check compares the
    context before and after one new value)."""
    today = today or dt.date.today()
    notes: list[ContextNote] = []
    readings, lab_notes = latest_readings(all_labs(record) if labs is None else labs)
    notes.extend(note(code, **params) for code, params in lab_notes)
    age = age_on(record.birth_date, today)
    sex = _checker_sex(record.sex)
    if age is None:
        notes.append(note("no_birth_date"))
    if sex is None:
        notes.append(note("no_sex"))
    weight, height = readings.get("weight"), readings.get("height")
    creatinine, potassium, qtc = readings.get("creatinine"), readings.get("potassium"), readings.get("qtc")
    weight_kg = weight.value if weight is not None else None
    if weight_kg is not None and not WEIGHT_RANGE_KG[0] <= weight_kg <= WEIGHT_RANGE_KG[1]:
        notes.append(note("weight_out_of_range", value=f"{weight_kg:g}", date=f"{weight.taken_at:%Y-%m-%d}"))
        weight_kg = None
    scr, scr_unit = (creatinine.value, creatinine.unit) if creatinine is not None else (None, "umol/L")
    if creatinine is not None:
        if age is not None and age < ADULT_AGE:
            notes.append(note("renal_not_adult"))
            scr = None
        else:
            try:
                dosing.scr_to_mg_dl(creatinine.value, creatinine.unit)
            except UserError:
                notes.append(note("creatinine_implausible", value=f"{creatinine.value:g}", unit=creatinine.unit))
                scr = None
        if creatinine.loinc == "38483-4" and scr is not None:
            notes.append(note("creatinine_whole_blood"))
    flag_values = dict(flags or {})
    set_flags = frozenset(f for f in FLAGS if flag_values.get(f))
    if sex == "F" and age is not None and 12 <= age <= 55 and "pregnant" not in flag_values:
        notes.append(note("pregnancy_unknown"))
    allergies = tuple(a.substance for a in record.allergies)
    medications = resolve_active(record.medications, catalog)
    for med in medications:
        if not med.drug_ids:
            notes.append(note("medication_unknown", name=med.name))
        elif med.unresolved_parts:
            notes.append(note("medication_part_unknown", name=med.name, parts=", ".join(med.unresolved_parts)))
    context = PatientContext(
        age=float(age) if age is not None else None, sex=sex, weight_kg=weight_kg,
        height_cm=height.value if height is not None else None, scr=scr, scr_unit=scr_unit,
        pregnant="pregnant" in set_flags, lactating="lactating" in set_flags, allergies=allergies,
        qtc_ms=qtc.value if qtc is not None else None,
        potassium_mmol=potassium.value if potassium is not None else None,
        hepatic_impairment="hepatic_impairment" in set_flags)
    try:
        egfr, crcl, _formula_notes = context.renal_values()
    except UserError as exc:  # an implausible age or weight for the calculators: check without renal values
        notes.append(note("renal_not_estimated", reason=str(exc)))
        context = replace(context, scr=None)
        egfr = crcl = None
    return CaseContext(record.id, context, age, sex, weight, height, creatinine if scr is not None else None,
                       potassium, qtc, egfr, crcl, set_flags, allergies, medications, tuple(notes))
