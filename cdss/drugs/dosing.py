"""Renal function and body-size calculators used by the drug checker.

Formulas:
- Cockcroft-Gault: Cockcroft DW, Gault MH. Nephron 1976;16:31-41. CrCl (mL/min) = (140 − age) × weight /
  (72 × SCr[mg/dL]) × 0.85 if female. We use the weight the caller passes (actual body weight by default), because
  drug labels' renal bands were mostly derived with actual weight; callers wanting ideal or adjusted weight pass it.
- CKD-EPI 2021 creatinine equation without race: Inker LA et al. N Engl J Med 2021;385:1737-49.
- BSA: Mosteller RD. N Engl J Med 1987;317:1098.
"""

from __future__ import annotations

import math

from cdss.errors import UserError

#: µmol/L per mg/dL of creatinine (molar mass 113.12 g/mol).
CREATININE_UMOL_PER_MGDL = 88.4
_UNITS_UMOL = {"umol/l", "µmol/l", "μmol/l", "umol", "µmol", "μmol"}
_UNITS_MGDL = {"mg/dl", "mg"}


def _positive(value: float, name: str, low: float, high: float) -> float:
    if value is None or isinstance(value, bool) or not isinstance(value, int | float) or math.isnan(value):
        raise UserError("dosing_bad_input", f"{name} must be a number.", field=name)
    if not low <= value <= high:
        raise UserError("dosing_out_of_range", f"{name} = {value} is outside the plausible range {low}–{high}.",
                        field=name, value=value)
    return float(value)


def scr_to_mg_dl(value: float, unit: str) -> float:
    """Serum creatinine in mg/dL from a value in ``umol/L`` (µmol/L) or ``mg/dL``."""
    unit_key = unit.strip().casefold()
    if unit_key in _UNITS_UMOL:
        return _positive(value, "serum creatinine", 1, 3000) / CREATININE_UMOL_PER_MGDL
    if unit_key in _UNITS_MGDL:
        return _positive(value, "serum creatinine", 0.01, 35)
    raise UserError("dosing_bad_unit", f"Unknown creatinine unit '{unit}': use umol/L or mg/dL.", unit=unit)


def scr_to_umol_l(value: float, unit: str) -> float:
    return scr_to_mg_dl(value, unit) * CREATININE_UMOL_PER_MGDL


def cockcroft_gault(age: float, weight_kg: float, scr_mg_dl: float, sex: str) -> float:
    """Creatinine clearance in mL/min (not normalised to body surface area)."""
    age = _positive(age, "age", 18, 120)
    weight_kg = _positive(weight_kg, "weight", 20, 400)
    scr_mg_dl = _positive(scr_mg_dl, "serum creatinine", 0.01, 35)
    crcl = (140 - age) * weight_kg / (72 * scr_mg_dl)
    return crcl * 0.85 if _is_female(sex) else crcl


def ckd_epi_2021(age: float, scr_mg_dl: float, sex: str) -> float:
    """eGFR in mL/min/1.73 m² by the race-free CKD-EPI 2021 creatinine equation."""
    age = _positive(age, "age", 18, 120)
    scr_mg_dl = _positive(scr_mg_dl, "serum creatinine", 0.01, 35)
    female = _is_female(sex)
    kappa, alpha = (0.7, -0.241) if female else (0.9, -0.302)
    ratio = scr_mg_dl / kappa
    egfr = 142 * min(ratio, 1.0) ** alpha * max(ratio, 1.0) ** -1.200 * 0.9938 ** age
    return egfr * 1.012 if female else egfr


def bmi(weight_kg: float, height_cm: float) -> float:
    weight_kg = _positive(weight_kg, "weight", 1, 400)
    height_m = _positive(height_cm, "height", 30, 250) / 100
    return weight_kg / (height_m * height_m)


def bsa_mosteller(weight_kg: float, height_cm: float) -> float:
    """Body surface area in m²: sqrt(height[cm] × weight[kg] / 3600)."""
    return math.sqrt(_positive(height_cm, "height", 30, 250) * _positive(weight_kg, "weight", 1, 400) / 3600)


def _is_female(sex: str) -> bool:
    key = (sex or "").strip().casefold()
    if key in {"f", "female", "女", "w"}:
        return True
    if key in {"m", "male", "男"}:
        return False
    raise UserError("dosing_bad_sex", f"Sex must be M or F (got '{sex}').", sex=sex)
