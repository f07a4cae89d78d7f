"""Which renal band a patient is in for one drug: the catalog's renal thresholds (contraindicated, avoid, reduce
dose…, with their bilingual text and source) and the dose limits' renal caps (max single/daily dose below a CrCl or
eGFR), for a CrCl or eGFR typed in or computed from age, sex, weight and creatinine.

CrCl is Cockcroft-Gault on actual body weight and eGFR is CKD-EPI 2021, both from :mod:`cdss.drugs.dosing` — the same
numbers the checker uses. Both equations are for adults, so a child is refused (``calc_adults_only``) rather than given
a number the labels' bands were not derived from. A threshold on a measure that is not known is listed as not
assessed, never silently passed.
"""

from __future__ import annotations

from dataclasses import dataclass

from cdss.drugs import dosing, vocab
from cdss.drugs.calc.common import Input, creatinine_umol, fmt, plausible, sex_code, unit_label, within
from cdss.drugs.dose_limits import DoseLimit, RenalDoseCap
from cdss.drugs.models import Drug, RenalThreshold
from cdss.errors import UserError

MEASURE_UNITS = {"crcl": "mL/min", "egfr": "mL/min/1.73 m²"}


@dataclass(frozen=True)
class RenalBand:
    drug_id: str
    crcl: float | None
    egfr: float | None
    thresholds: tuple[RenalThreshold, ...]  # the catalog thresholds this patient is below, most severe first
    action: str | None  # the most severe action among them (vocab.RENAL_ACTIONS), None when none applies
    cap: RenalDoseCap | None  # the dose-limit band this patient is in (lowest threshold they are under)
    limit: DoseLimit | None  # the adult limit the cap belongs to (unit, per_kg, source)
    not_assessed: tuple[str, ...]  # measures a threshold or cap needs but that are not known
    formula: tuple[str, ...]
    inputs: tuple[Input, ...]


def renal_function(age_years: float, sex: str, weight_kg: float, creatinine: float, creatinine_unit: str = "umol/L"
                   ) -> tuple[float, float, tuple[str, ...], tuple[Input, ...]]:
    """(CrCl mL/min, eGFR mL/min/1.73 m², formula lines, inputs) for an adult."""
    age = plausible(age_years, "age_years")
    if age < 18:
        raise UserError("calc_adults_only", "Cockcroft-Gault and CKD-EPI are for adults (18 years and over); use a "
                        "paediatric equation (e.g. bedside Schwartz) for a child.", field="age_years", value=fmt(age))
    sex = sex_code(sex)
    # the equations' own validity: Cockcroft-Gault was derived in adults of 40–100 kg-ish; below 20 kg it is not used
    weight = within(weight_kg, "weight_kg", 20, 350, "kg")
    umol = creatinine_umol(creatinine, creatinine_unit)
    mg_dl = umol / dosing.CREATININE_UMOL_PER_MGDL
    crcl = dosing.cockcroft_gault(age, weight, mg_dl, sex)
    egfr = dosing.ckd_epi_2021(age, mg_dl, sex)
    female = " × 0.85" if sex == "F" else ""
    lines = (f"SCr {fmt(umol)} µmol/L ÷ 88.4 = {mg_dl:.2f} mg/dL",
             f"CrCl = (140 − {fmt(age)}) × {fmt(weight)} kg / (72 × {mg_dl:.2f}){female} = {fmt(crcl, 0)} mL/min",
             f"eGFR (CKD-EPI 2021) = {fmt(egfr, 0)} mL/min/1.73 m²")
    inputs = (Input("age_years", age, "y"), Input("sex", sex, ""), Input("weight_kg", weight, "kg"),
              Input("creatinine_umol_l", round(umol, 1), "µmol/L"))
    return crcl, egfr, lines, inputs


def renal_band(drug: Drug, limit: DoseLimit | None, *, crcl: float | None = None, egfr: float | None = None,
               formula: tuple[str, ...] = (), inputs: tuple[Input, ...] = ()) -> RenalBand:
    """The band for a known CrCl and/or eGFR (from :func:`renal_function` or typed in)."""
    if crcl is None and egfr is None:
        raise UserError("calc_needs_renal", "Enter a CrCl or eGFR, or age, sex, weight and creatinine.",
                        field="crcl")
    values = {"crcl": None if crcl is None else plausible(crcl, "crcl"),
              "egfr": None if egfr is None else plausible(egfr, "egfr")}
    if not inputs:
        inputs = tuple(Input(m, v, MEASURE_UNITS[m]) for m, v in values.items() if v is not None)
    measured = {m: v for m, v in values.items() if v is not None}
    needed = {t.measure for t in drug.renal} | {c.measure for c in (limit.renal if limit else ())}
    not_assessed = tuple(sorted(m for m in needed if m not in measured))
    severity = {action: i for i, action in enumerate(vocab.RENAL_ACTIONS)}
    applied = sorted((t for t in drug.renal if t.measure in measured and measured[t.measure] < t.below),
                     key=lambda t: (severity.get(t.action, 99), t.below))
    caps = [c for c in (limit.renal if limit else ()) if c.measure in measured and measured[c.measure] < c.below]
    cap = min(caps, key=lambda c: c.below) if caps else None  # the band: the lowest threshold they are under
    lines = list(formula)
    for t in applied:
        lines.append(f"{_measure(t.measure)} {fmt(measured[t.measure], 0)} < {fmt(t.below)} {MEASURE_UNITS[t.measure]}")
    if cap is not None and limit is not None:
        u = unit_label(limit.unit) + ("/kg" if limit.per_kg else "")
        parts = [f"{fmt(v)} {u}" + ("/d" if what == "day" else "")
                 for what, v in (("dose", cap.max_single), ("day", cap.max_daily)) if v is not None]
        lines.append(f"{_measure(cap.measure)} {fmt(measured[cap.measure], 0)} < {fmt(cap.below)} "
                     f"{MEASURE_UNITS[cap.measure]} → ≤ {', ≤ '.join(parts)}")
    return RenalBand(drug.id, values["crcl"], values["egfr"], tuple(applied), applied[0].action if applied else None,
                     cap, limit, not_assessed, tuple(lines), tuple(inputs))


def _measure(measure: str) -> str:
    return "CrCl" if measure == "crcl" else "eGFR"
