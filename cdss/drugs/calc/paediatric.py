"""Children's paracetamol and ibuprofen by weight, with the volume of a liquid of known strength.

One reference per drug, named in the result (``reference``):

- Paracetamol: WHO, *Guidelines on the pharmacological treatment of persisting pain in children with medical
  illnesses* (2012), Annex 1, A1.8 — infant or child 15 mg/kg, up to 1 g, every 4–6 h, at most 4 doses or 4 g in
  24 h; neonate 10 mg/kg every 6–8 h, at most 4 doses; under 3 months only on a doctor's advice. So at most
  60 mg/kg/day (some references allow 75 mg/kg/day; this one does not).
- Ibuprofen: US FDA label of ibuprofen oral suspension 100 mg/5 mL (Rx), pediatric fever/pain — 5–10 mg/kg every
  6–8 h, at most 40 mg/kg/day; at most 400 mg a dose (the adult OTC single dose). Age and weight floor from the UK
  SmPC of ibuprofen 100 mg/5 mL oral suspension for children (Calprofen / Nurofen for Children): not under 3 months
  and not under 5 kg — refused here; 3–6 months is outside the US label (from 6 months), said in a note.

The adult maximum from data/drugs/dose_limits is applied as well when the caller passes it; the lowest cap wins.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from cdss.drugs.calc.common import Input, fmt, plausible, within
from cdss.drugs.calc.dose import DoseResult, ceilings, finish
from cdss.drugs.dose_limits import DoseLimit
from cdss.errors import UserError

PARACETAMOL_REFERENCE = ("WHO Guidelines on the pharmacological treatment of persisting pain in children with "
                         "medical illnesses (2012), Annex 1 A1.8 paracetamol")
IBUPROFEN_REFERENCE = ("US FDA label, ibuprofen oral suspension 100 mg/5 mL (pediatric dosing); "
                       "age/weight floor: UK SmPC ibuprofen 100 mg/5 mL oral suspension for children")


@dataclass(frozen=True)
class Liquid:
    """A common children's liquid; the doctor can always type another strength."""

    drug: str  # paracetamol | ibuprofen
    form: str  # oral_liquid | drops | suspension
    mg_per_ml: float


# Strengths: paracetamol 3.2% oral liquid = 32 mg/mL (printed on the 百服咛 oral solution label; 泰诺林
# 对乙酰氨基酚混悬液 is understood to be the same strength but that was not checked against its label); paracetamol
# drops 100 mg/mL; ibuprofen suspension 100 mg/5 mL = 20 mg/mL (the usual 美林 布洛芬混悬液 strength) and drops
# 40 mg/mL. The UI shows strengths, not brands, and the doctor can type the strength on the bottle.
LIQUIDS = (
    Liquid("paracetamol", "oral_liquid", 32.0),
    Liquid("paracetamol", "drops", 100.0),
    Liquid("ibuprofen", "suspension", 20.0),
    Liquid("ibuprofen", "drops", 40.0),
)


def _child_dose(weight: float, mg_per_kg: float, doses: float, limits: list[tuple[str, float, str]],
                inputs: list[Input], notes: list[str], strength: float | None, reference: str,
                interval: tuple[float, float]) -> DoseResult:
    lines = [f"{fmt(mg_per_kg)} mg/kg × {fmt(weight)} kg = {fmt(mg_per_kg * weight)} mg"]
    volume = None
    if strength is not None:
        mg_ml = within(strength, "strength_mg_ml", 1, 500, "mg/mL")
        inputs.append(Input("strength_mg_ml", mg_ml, "mg/mL"))
    result = finish(mg_per_kg * weight, doses, "mg", limits, lines, inputs, notes)
    if strength is None:
        return replace(result, reference=reference, interval_hours=interval)
    volume = result.dose / mg_ml
    return replace(result, volume_ml=volume, reference=reference, interval_hours=interval,
                   formula=(*result.formula, f"{fmt(result.dose)} mg ÷ {fmt(mg_ml)} mg/mL = {fmt(volume, 1)} mL"))


def _age(age_months: float | None, inputs: list[Input], notes: list[str]) -> float | None:
    if age_months is None:
        notes.append("age_not_given")
        return None
    months = within(age_months, "age_months", 0, 18 * 12, "mo")
    inputs.append(Input("age_months", months, "mo"))
    return months


def paracetamol_child(weight_kg: float, *, age_months: float | None = None, mg_per_kg: float | None = None,
                      doses_per_day: float = 4, strength_mg_ml: float | None = None,
                      limit: DoseLimit | None = None) -> DoseResult:
    weight = plausible(weight_kg, "weight_kg")
    inputs = [Input("weight_kg", weight, "kg")]
    notes: list[str] = []
    months = _age(age_months, inputs, notes)
    neonate = months is not None and months < 1
    if neonate:
        notes.append("paracetamol_neonate")  # 10 mg/kg every 6–8 h
    elif months is not None and months < 3:
        notes.append("paracetamol_under_3_months")  # only on a doctor's advice
    top = 10.0 if neonate else 15.0
    per_kg = within(top if mg_per_kg is None else mg_per_kg, "dose_per_kg", 1, top, "mg/kg")
    doses = within(doses_per_day, "doses_per_day", 1, 4, "/d")
    inputs += [Input("dose_per_kg", per_kg, "mg/kg"), Input("doses_per_day", doses, "/d")]
    limits = [("dose", 1000.0, PARACETAMOL_REFERENCE), ("day", 4000.0, PARACETAMOL_REFERENCE),
              ("day", top * 4 * weight, PARACETAMOL_REFERENCE)]
    adult, cap_notes = ceilings("mg", weight, limit, None, None)
    notes += cap_notes
    return _child_dose(weight, per_kg, doses, limits + adult, inputs, notes, strength_mg_ml, PARACETAMOL_REFERENCE,
                       (6.0, 8.0) if neonate else (4.0, 6.0))


def ibuprofen_child(weight_kg: float, *, age_months: float | None = None, mg_per_kg: float = 10,
                    doses_per_day: float = 3, strength_mg_ml: float | None = None,
                    limit: DoseLimit | None = None) -> DoseResult:
    weight = plausible(weight_kg, "weight_kg")
    inputs = [Input("weight_kg", weight, "kg")]
    notes: list[str] = []
    months = _age(age_months, inputs, notes)
    if months is not None and months < 3:
        raise UserError("calc_ibuprofen_too_young", "Ibuprofen is not given to infants under 3 months.",
                        field="age_months", value=fmt(months))
    if weight < 5:
        raise UserError("calc_ibuprofen_too_light", "Ibuprofen is not given to children under 5 kg.",
                        field="weight_kg", value=fmt(weight))
    if months is not None and months < 6:
        notes.append("ibuprofen_3_to_6_months")
    if weight > 40:
        notes.append("ibuprofen_adult_weight")
    per_kg = within(mg_per_kg, "dose_per_kg", 1, 10, "mg/kg")
    doses = within(doses_per_day, "doses_per_day", 1, 4, "/d")
    inputs += [Input("dose_per_kg", per_kg, "mg/kg"), Input("doses_per_day", doses, "/d")]
    limits = [("dose", 400.0, IBUPROFEN_REFERENCE), ("day", 40.0 * weight, IBUPROFEN_REFERENCE)]
    adult, cap_notes = ceilings("mg", weight, limit, None, None)
    notes += cap_notes
    return _child_dose(weight, per_kg, doses, limits + adult, inputs, notes, strength_mg_ml, IBUPROFEN_REFERENCE,
                       (6.0, 8.0))
