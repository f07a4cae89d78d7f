"""Weight-based and body-surface-area doses, capped at the adult maximum.

- Weight-based: mg/kg per dose, or mg/kg/day divided into N doses.
- BSA: Mosteller RD, N Engl J Med 1987;317:1098 (default; via :func:`cdss.drugs.dosing.bsa_mosteller`) or
  Du Bois D, Du Bois EF, Arch Intern Med 1916;17:863 (BSA = 0.007184 × W^0.425 × H^0.725). The BSA is rounded to
  0.01 m² before it multiplies the dose, as dose sheets do, so the formula shown multiplies out exactly.

Caps come from the drug's adult dose limit (data/drugs/dose_limits, with its source) and/or caps the doctor enters.
A per-kg limit is multiplied by the weight. A child's dose computed from mg/kg is never allowed above the adult
maximum — the point of "capped at the adult maximum".
"""

from __future__ import annotations

from dataclasses import dataclass

from cdss.drugs import dosing
from cdss.drugs.calc.common import Cap, Input, fmt, plausible, positive, unit_label, within
from cdss.drugs.catalog import Catalog
from cdss.drugs.dose_limits import DoseLimit, limits_for_route
from cdss.errors import UserError

AMOUNT_UNITS = ("mg", "ug", "IU", "mmol")
BSA_METHODS = ("mosteller", "dubois")
ENTERED = "entered"  # the source of a cap the doctor typed in


@dataclass(frozen=True)
class DoseResult:
    dose: float  # per administration, after caps, in ``unit``
    daily: float | None  # per 24 h when the number of doses is known
    doses_per_day: float | None
    unit: str  # mg | ug | IU | mmol
    uncapped_dose: float
    formula: tuple[str, ...]
    inputs: tuple[Input, ...]
    caps: tuple[Cap, ...]
    notes: tuple[str, ...] = ()  # codes: no_cap, cap_unit_mismatch, cap_needs_weight, age_not_given, …
    bsa_m2: float | None = None
    volume_ml: float | None = None  # for a liquid of known strength
    reference: str | None = None  # the dosing reference the calculator follows (children's doses)
    interval_hours: tuple[float, float] | None = None  # (shortest, longest) hours between doses, from the reference

    @property
    def capped(self) -> bool:
        return any(cap.applied for cap in self.caps)


def find_limit(catalog: Catalog, drug_id: str, route: str | None = None) -> DoseLimit | None:
    """The adult dose limit of a catalog drug for ``route`` (oral first when no route), or None when none is known."""
    if drug_id not in catalog:
        raise UserError("calc_unknown_drug", f"No drug '{drug_id}' in the catalog.", field="drug", drug=drug_id)
    return limits_for_route(catalog.dose_limits.get(drug_id, ()), route)


def _convert(limit_unit: str, unit: str) -> float | None:
    """Factor taking an amount in ``limit_unit`` to ``unit``; None when they do not convert (IU and mg)."""
    if limit_unit == unit:
        return 1.0
    return {("mg", "ug"): 1000.0, ("ug", "mg"): 0.001}.get((limit_unit, unit))


def ceilings(unit: str, weight_kg: float | None, limit: DoseLimit | None, max_dose: float | None,
             max_daily: float | None) -> tuple[list[tuple[str, float, str]], list[str]]:
    """The (what, value in ``unit``, source) ceilings to compare with, and notes on those that could not be used."""
    out: list[tuple[str, float, str]] = []
    notes: list[str] = []
    if max_dose is not None:
        out.append(("dose", positive(max_dose, "max_dose"), ENTERED))
    if max_daily is not None:
        out.append(("day", positive(max_daily, "max_daily"), ENTERED))
    if limit is None:
        return out, notes
    factor = _convert(limit.unit, unit)
    if factor is None:
        return out, [*notes, "cap_unit_mismatch"]
    scale = factor
    if limit.per_kg:
        if weight_kg is None:
            return out, [*notes, "cap_needs_weight"]
        scale *= weight_kg
    for what, value in (("dose", limit.max_single), ("day", limit.max_daily)):
        if value is not None:
            out.append((what, value * scale, limit.source))
    return out, notes


def apply_caps(dose: float, per_day: float | None, unit: str, limits: list[tuple[str, float, str]]
               ) -> tuple[float, float | None, tuple[Cap, ...], list[str]]:
    """Lower the dose to the smallest per-dose ceiling, then the daily total to the smallest daily one."""
    u = unit_label(unit)
    caps: list[Cap] = []
    lines: list[str] = []
    dose_limits = sorted((c for c in limits if c[0] == "dose"), key=lambda c: c[1])
    if dose_limits:
        lowest = dose_limits[0][1]
        applied = dose > lowest * (1 + 1e-9)
        if applied:
            lines.append(f"min({fmt(dose)} {u}, {fmt(lowest)} {u}) = {fmt(lowest)} {u}")
            dose = lowest
        caps.extend(Cap("dose", value, unit, source, applied=applied and i == 0)
                    for i, (_, value, source) in enumerate(dose_limits))
    daily = dose * per_day if per_day is not None else None
    day_limits = sorted((c for c in limits if c[0] == "day"), key=lambda c: c[1])
    applied = False
    if day_limits and daily is not None and per_day is not None:
        lowest = day_limits[0][1]
        applied = daily > lowest * (1 + 1e-9)
        if applied:
            lines.append(f"min({fmt(daily)} {u}/d, {fmt(lowest)} {u}/d) = {fmt(lowest)} {u}/d")
            daily = lowest
            dose = lowest / per_day
            lines.append(f"{fmt(lowest)} {u}/d ÷ {fmt(per_day)} = {fmt(dose)} {u}")
    caps.extend(Cap("day", value, unit, source, applied=applied and i == 0)
                for i, (_, value, source) in enumerate(day_limits))
    return dose, daily, tuple(caps), lines


def _unit(unit: str) -> str:
    if unit not in AMOUNT_UNITS:
        raise UserError("calc_bad_unit", f"Unknown amount unit '{unit}': use one of {', '.join(AMOUNT_UNITS)}.",
                        field="unit", unit=unit)
    return unit


def _frequency(doses_per_day: float | None) -> float | None:
    return None if doses_per_day is None else within(doses_per_day, "doses_per_day", 0.1, 24, "/d")


def weight_based(weight_kg: float, amount_per_kg: float, *, per: str = "dose", doses_per_day: float | None = None,
                 unit: str = "mg", limit: DoseLimit | None = None, max_dose: float | None = None,
                 max_daily: float | None = None) -> DoseResult:
    """``amount_per_kg`` per dose (``per="dose"``) or per day divided into ``doses_per_day`` (``per="day"``)."""
    weight = plausible(weight_kg, "weight_kg")
    unit = _unit(unit)
    u = unit_label(unit)
    if per not in ("dose", "day"):
        raise UserError("calc_bad_unit", f"per must be 'dose' or 'day', got {per!r}.", field="per", unit=per)
    amount = positive(amount_per_kg, "dose_per_kg")
    n = _frequency(doses_per_day)
    per_unit = f"{u}/kg/d" if per == "day" else f"{u}/kg"
    inputs = [Input("weight_kg", weight, "kg"), Input("dose_per_kg", amount, per_unit)]
    if per == "day":
        if n is None:
            raise UserError("calc_needs_frequency", "A per-day dose needs the number of doses a day.",
                            field="doses_per_day")
        total = amount * weight
        dose = total / n
        lines = [f"{fmt(amount)} {u}/kg/d × {fmt(weight)} kg = {fmt(total)} {u}/d",
                 f"{fmt(total)} {u}/d ÷ {fmt(n)} = {fmt(dose)} {u}"]
    else:
        dose = amount * weight
        lines = [f"{fmt(amount)} {u}/kg × {fmt(weight)} kg = {fmt(dose)} {u}"]
    if n is not None:
        inputs.append(Input("doses_per_day", n, "/d"))
    limits, notes = ceilings(unit, weight, limit, max_dose, max_daily)
    if limit is None and max_dose is None and max_daily is None:
        notes.append("no_cap")
    return finish(dose, n, unit, limits, lines, inputs, notes)


def finish(dose: float, n: float | None, unit: str, limits: list[tuple[str, float, str]], lines: list[str],
            inputs: list[Input], notes: list[str], bsa_m2: float | None = None) -> DoseResult:
    """Apply the caps and end the formula with the day's total (after the caps) when the frequency is known."""
    capped, daily, caps, cap_lines = apply_caps(dose, n, unit, limits)
    lines = [*lines, *cap_lines]
    total = f"= {fmt(daily)} {unit_label(unit)}/d" if daily is not None else ""
    if daily is not None and n is not None and not any(line.endswith(total) for line in lines):
        lines.append(f"{fmt(capped)} {unit_label(unit)} × {fmt(n)} = {fmt(daily)} {unit_label(unit)}/d")
    return DoseResult(capped, daily, n, unit, dose, tuple(lines), tuple(inputs), caps, tuple(notes), bsa_m2=bsa_m2)


def bsa(weight_kg: float, height_cm: float, method: str = "mosteller") -> tuple[float, str]:
    """(BSA in m² rounded to 0.01, the formula line)."""
    weight = plausible(weight_kg, "weight_kg")
    height = plausible(height_cm, "height_cm")
    if method == "mosteller":
        value = round(dosing.bsa_mosteller(weight, height), 2)
        return value, f"√({fmt(height)} cm × {fmt(weight)} kg / 3600) = {value:.2f} m²"
    if method == "dubois":
        value = round(0.007184 * weight ** 0.425 * height ** 0.725, 2)
        return value, f"0.007184 × {fmt(weight)}^0.425 × {fmt(height)}^0.725 = {value:.2f} m²"
    raise UserError("calc_bad_method", f"Unknown BSA method '{method}': use mosteller or dubois.", field="method")


def bsa_dose(weight_kg: float, height_cm: float, amount_per_m2: float, *, method: str = "mosteller",
             doses_per_day: float | None = None, unit: str = "mg", limit: DoseLimit | None = None,
             max_dose: float | None = None, max_daily: float | None = None) -> DoseResult:
    """``amount_per_m2`` × BSA, capped (e.g. vincristine 1.4 mg/m², at most 2 mg a dose)."""
    unit = _unit(unit)
    u = unit_label(unit)
    area, bsa_line = bsa(weight_kg, height_cm, method)
    amount = positive(amount_per_m2, "dose_per_m2")
    n = _frequency(doses_per_day)
    dose = amount * area
    lines = [bsa_line, f"{fmt(amount)} {u}/m² × {area:.2f} m² = {fmt(dose)} {u}"]
    inputs = [Input("weight_kg", float(weight_kg), "kg"), Input("height_cm", float(height_cm), "cm"),
              Input("bsa_method", method, ""), Input("dose_per_m2", amount, f"{u}/m²")]
    if n is not None:
        inputs.append(Input("doses_per_day", n, "/d"))
    limits, notes = ceilings(unit, float(weight_kg), limit, max_dose, max_daily)
    if limit is None and max_dose is None and max_daily is None:
        notes.append("no_cap")
    return finish(dose, n, unit, limits, lines, inputs, notes, bsa_m2=area)
