"""What every bedside calculator returns, and the plausibility checks they share.

A result carries the answer, the formula with the inputs substituted ("15 mg/kg × 18 kg = 270 mg"), the inputs as
(key, value, unit) and the caps that were considered (applied or not, with their source), so the doctor can check the
arithmetic rather than trust a number. Formulas are written with symbols and units only — no words — so they read the
same in both interface languages; the UI translates input keys, note codes and error codes.

Implausible input is refused with a coded :class:`~cdss.errors.UserError`: ``calc_out_of_range`` (params ``field``,
``value``, ``low``, ``high``, ``unit``), ``calc_not_a_number`` and ``calc_not_positive`` (``field``), and a few
calculator-specific codes documented where they are raised.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from cdss.drugs.dosing import CREATININE_UMOL_PER_MGDL
from cdss.errors import UserError

#: Plausible ranges (inclusive) for patient values: wide enough for a 300 g preterm neonate and a 350 kg adult,
#: narrow enough to catch a unit slip (weight in g, height in m, creatinine in mg/dL typed as µmol/L).
RANGES: dict[str, tuple[float, float, str]] = {
    "weight_kg": (0.3, 350.0, "kg"),
    "height_cm": (30.0, 250.0, "cm"),
    "age_years": (0.0, 120.0, "y"),
    "creatinine_umol_l": (10.0, 2000.0, "µmol/L"),
    "crcl": (1.0, 250.0, "mL/min"),
    "egfr": (1.0, 250.0, "mL/min/1.73 m²"),
}

UNIT_LABELS = {"ug": "µg", "IU": "IU", "mg": "mg", "mmol": "mmol", "g": "g"}


@dataclass(frozen=True)
class Input:
    key: str  # weight_kg, height_cm, dose_per_kg, … (the UI names it)
    value: float | str
    unit: str


@dataclass(frozen=True)
class Cap:
    """A ceiling the result was compared with: per dose or per day, in the result's unit."""

    what: str  # dose | day
    limit: float
    unit: str
    source: str  # the label or reference, or "entered" for a cap the doctor typed
    applied: bool


def fmt(value: float, decimals: int | None = None) -> str:
    """A number as a person writes it: 270, 13.1, 2.66, 0.375 — no trailing zeros, no float noise."""
    if decimals is None:
        size = abs(value)
        decimals = 0 if size >= 100 else 1 if size >= 10 else 2 if size >= 1 else 3
    text = f"{value:.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def unit_label(unit: str) -> str:
    return UNIT_LABELS.get(unit, unit)


def number(value: object, field: str) -> float:
    """``value`` as a finite float, or ``calc_not_a_number`` naming the field."""
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise UserError("calc_not_a_number", f"{field} must be a number (got {value!r}).", field=field)
    return float(value)


def positive(value: object, field: str) -> float:
    out = number(value, field)
    if out <= 0:
        raise UserError("calc_not_positive", f"{field} must be greater than 0 (got {fmt(out)}).", field=field,
                        value=fmt(out))
    return out


def within(value: object, field: str, low: float, high: float, unit: str) -> float:
    out = number(value, field)
    if not low <= out <= high:
        raise UserError("calc_out_of_range", f"{field} = {fmt(out)} {unit} is not plausible: enter a value between "
                        f"{fmt(low)} and {fmt(high)} {unit}.", field=field, value=fmt(out), low=fmt(low),
                        high=fmt(high), unit=unit)
    return out


def plausible(value: object, field: str) -> float:
    """A patient value checked against :data:`RANGES`."""
    low, high, unit = RANGES[field]
    return within(value, field, low, high, unit)


def creatinine_umol(value: object, unit: str) -> float:
    """Serum creatinine in µmol/L from µmol/L or mg/dL, refused outside 10–2000 µmol/L in the unit it was typed in."""
    key = (unit or "").strip().casefold()
    if key in ("umol/l", "µmol/l", "μmol/l"):
        return plausible(value, "creatinine_umol_l")
    if key == "mg/dl":
        low, high, _ = RANGES["creatinine_umol_l"]
        mg_dl = within(value, "creatinine_umol_l", round(low / CREATININE_UMOL_PER_MGDL, 2),
                       round(high / CREATININE_UMOL_PER_MGDL, 1), "mg/dL")
        return mg_dl * CREATININE_UMOL_PER_MGDL
    raise UserError("calc_bad_unit", f"Unknown creatinine unit '{unit}': use µmol/L or mg/dL.", field="creatinine",
                    unit=unit)


def sex_code(sex: object) -> str:
    key = str(sex or "").strip().casefold()
    if key in ("f", "female", "女", "w"):
        return "F"
    if key in ("m", "male", "男"):
        return "M"
    raise UserError("calc_bad_sex", f"Sex must be M or F (got '{sex}').", field="sex")
