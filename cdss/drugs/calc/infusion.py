"""Continuous infusion: a dose rate (µg/kg/min, mg/kg/h, mg/h, units/h, …) to a pump rate in mL/h for a bag of known
concentration (e.g. 400 mg in 250 mL), and back from mL/h to the dose rate.

mL/h = dose rate [amount/(kg·)time] × (weight) × (60 if per minute) ÷ concentration [amount/mL], with the dose and
the bag in convertible amounts (g, mg, µg; units only with units; mmol only with mmol).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cdss.drugs.calc.common import Input, fmt, plausible, positive, within
from cdss.errors import UserError

#: amount unit → (family, factor to the family's base: µg for mass)
_AMOUNTS = {"g": ("mass", 1e6), "mg": ("mass", 1e3), "ug": ("mass", 1.0), "µg": ("mass", 1.0), "mcg": ("mass", 1.0),
            "ng": ("mass", 1e-3), "IU": ("units", 1.0), "units": ("units", 1.0), "U": ("units", 1.0),
            "mmol": ("mmol", 1.0)}
#: the dose-rate units offered (amount/[kg/]time); any amount of :data:`_AMOUNTS` with /min or /h parses
RATE_UNITS = ("ug/kg/min", "mg/kg/min", "ug/kg/h", "mg/kg/h", "ug/min", "mg/min", "mg/h", "ug/h", "IU/kg/h", "IU/h",
              "IU/min", "mmol/h", "mmol/kg/h", "ng/kg/min")
CONCENTRATION_UNITS = ("mg", "ug", "g", "IU", "mmol")
_AMOUNTS_FOLDED = {key.casefold(): value for key, value in _AMOUNTS.items()}
_RATE = re.compile(r"^(?P<amount>[a-zµ]+)/(?P<kg>kg/)?(?P<time>min|h)$", re.IGNORECASE)
_MAX_ML_H = 2000.0  # a pump's practical ceiling; more is a unit slip, not an infusion
_MAX_BAG_ML = 5000.0


@dataclass(frozen=True)
class InfusionResult:
    rate_ml_h: float
    dose_rate: float
    dose_unit: str  # as given, e.g. ug/kg/min
    concentration: float  # per mL, in the bag's amount unit
    concentration_unit: str  # e.g. mg/mL
    formula: tuple[str, ...]
    inputs: tuple[Input, ...]


def _amount(unit: str) -> tuple[str, float]:
    found = _AMOUNTS.get(unit) or _AMOUNTS_FOLDED.get(unit.strip().casefold())
    if found is None:
        raise UserError("calc_bad_unit", f"Unknown amount unit '{unit}'.", field="unit", unit=unit)
    return found


def _parse_rate(unit: str) -> tuple[str, bool, str]:
    match = _RATE.match(unit.strip())
    if not match:
        raise UserError("calc_bad_unit", f"Unknown dose-rate unit '{unit}': use e.g. ug/kg/min or mg/h.",
                        field="dose_unit", unit=unit)
    return match.group("amount"), bool(match.group("kg")), match.group("time").casefold()


def _show(unit: str) -> str:
    return unit.replace("ug", "µg").replace("mcg", "µg")


def _bag(amount: float, amount_unit: str, volume_ml: float, dose_amount: str) -> tuple[float, float, list[Input]]:
    """(concentration in the dose's amount unit per mL, in the bag's unit per mL, inputs)."""
    bag_amount = positive(amount, "bag_amount")
    volume = within(volume_ml, "bag_volume_ml", 0.1, _MAX_BAG_ML, "mL")
    bag_family, bag_factor = _amount(amount_unit)
    dose_family, dose_factor = _amount(dose_amount)
    if bag_family != dose_family:
        raise UserError("calc_unit_mismatch", f"The dose is in {dose_amount} but the bag is in {amount_unit}: they do "
                        "not convert.", field="bag_amount", dose_unit=dose_amount, bag_unit=amount_unit)
    per_ml = bag_amount / volume
    inputs = [Input("bag_amount", bag_amount, _show(amount_unit)), Input("bag_volume_ml", volume, "mL")]
    return per_ml * bag_factor / dose_factor, per_ml, inputs


def rate_from_dose(dose_rate: float, dose_unit: str, bag_amount: float, bag_unit: str, bag_volume_ml: float,
                   weight_kg: float | None = None) -> InfusionResult:
    """Pump rate in mL/h for ``dose_rate`` (e.g. 5 ug/kg/min) from a bag of ``bag_amount`` ``bag_unit`` in
    ``bag_volume_ml`` mL."""
    amount_unit, per_kg, time = _parse_rate(dose_unit)
    rate = positive(dose_rate, "dose_rate")
    conc, conc_bag, bag_inputs = _bag(bag_amount, bag_unit, bag_volume_ml, amount_unit)
    inputs = [Input("dose_rate", rate, _show(dose_unit))]
    amount_per_h = rate * (60 if time == "min" else 1)
    terms = [f"{fmt(rate)} {_show(dose_unit)}"]
    if per_kg:
        if weight_kg is None:
            raise UserError("calc_needs_weight", "A per-kg dose rate needs the weight.", field="weight_kg")
        weight = plausible(weight_kg, "weight_kg")
        inputs.append(Input("weight_kg", weight, "kg"))
        amount_per_h *= weight
        terms.append(f"{fmt(weight)} kg")
    if time == "min":
        terms.append("60 min/h")
    a = _show(amount_unit)
    ml_h = amount_per_h / conc
    lines = [f"{fmt(bag_amount)} {_show(bag_unit)} / {fmt(bag_volume_ml)} mL = {fmt(conc_bag)} {_show(bag_unit)}/mL"
             + ("" if a == _show(bag_unit) else f" = {fmt(conc)} {a}/mL"),
             f"{' × '.join(terms)} = {fmt(amount_per_h)} {a}/h",
             f"{fmt(amount_per_h)} {a}/h ÷ {fmt(conc)} {a}/mL = {fmt(ml_h, 1)} mL/h"]
    if ml_h > _MAX_ML_H:
        raise UserError("calc_rate_implausible", f"{fmt(ml_h)} mL/h is more than a pump delivers ({fmt(_MAX_ML_H)} "
                        "mL/h): check the dose unit and the bag.", field="dose_rate", value=fmt(ml_h),
                        high=fmt(_MAX_ML_H), unit="mL/h")
    return InfusionResult(ml_h, rate, dose_unit, conc_bag, f"{_show(bag_unit)}/mL", tuple(lines),
                          (*inputs, *bag_inputs))


def dose_from_rate(rate_ml_h: float, dose_unit: str, bag_amount: float, bag_unit: str, bag_volume_ml: float,
                   weight_kg: float | None = None) -> InfusionResult:
    """The dose rate in ``dose_unit`` that a pump running at ``rate_ml_h`` delivers."""
    amount_unit, per_kg, time = _parse_rate(dose_unit)
    ml_h = within(rate_ml_h, "rate_ml_h", 0.01, _MAX_ML_H, "mL/h")
    conc, conc_bag, bag_inputs = _bag(bag_amount, bag_unit, bag_volume_ml, amount_unit)
    a = _show(amount_unit)
    amount_per_h = ml_h * conc
    lines = [f"{fmt(bag_amount)} {_show(bag_unit)} / {fmt(bag_volume_ml)} mL = {fmt(conc_bag)} {_show(bag_unit)}/mL"
             + ("" if a == _show(bag_unit) else f" = {fmt(conc)} {a}/mL"),
             f"{fmt(ml_h, 1)} mL/h × {fmt(conc)} {a}/mL = {fmt(amount_per_h)} {a}/h"]
    inputs = [Input("rate_ml_h", ml_h, "mL/h")]
    divisors = []
    dose = amount_per_h
    if per_kg:
        if weight_kg is None:
            raise UserError("calc_needs_weight", "A per-kg dose rate needs the weight.", field="weight_kg")
        weight = plausible(weight_kg, "weight_kg")
        inputs.append(Input("weight_kg", weight, "kg"))
        dose /= weight
        divisors.append(f"{fmt(weight)} kg")
    if time == "min":
        dose /= 60
        divisors.append("60 min/h")
    if divisors:
        lines.append(f"{fmt(amount_per_h)} {a}/h ÷ {' ÷ '.join(divisors)} = {fmt(dose)} {_show(dose_unit)}")
    return InfusionResult(ml_h, dose, dose_unit, conc_bag, f"{_show(bag_unit)}/mL", tuple(lines),
                          (*inputs, *bag_inputs))
