"""Bedside calculators against worked examples from published references; refusals, caps and unit conversions.

Where a reference gives only the equation, the expected value was worked by hand from it (said so in the comment).
"""

from __future__ import annotations

import math

import pytest

from cdss.drugs import calc
from cdss.drugs.calc import paediatric
from cdss.errors import UserError


def refused(code: str, fn, *args, **kwargs) -> UserError:
    with pytest.raises(UserError) as err:
        fn(*args, **kwargs)
    assert err.value.code == code, err.value
    return err.value


# --- weight-based ------------------------------------------------------------------------------------------------

def test_mg_per_kg_per_dose_shows_its_formula():
    # WHO persisting pain in children (2012) A1.8: paracetamol 15 mg/kg; an 18 kg child -> 270 mg
    result = calc.weight_based(18, 15)
    assert result.dose == pytest.approx(270)
    assert result.formula == ("15 mg/kg × 18 kg = 270 mg",)
    assert [(i.key, i.value, i.unit) for i in result.inputs] == [("weight_kg", 18, "kg"), ("dose_per_kg", 15, "mg/kg")]
    assert result.caps == () and not result.capped and result.notes == ("no_cap",)


def test_mg_per_kg_per_day_divided_into_doses():
    # 60 mg/kg/day in 4 doses for 18 kg: 1080 mg/day, 270 mg a dose
    result = calc.weight_based(18, 60, per="day", doses_per_day=4)
    assert (result.dose, result.daily) == (pytest.approx(270), pytest.approx(1080))
    assert result.formula == ("60 mg/kg/d × 18 kg = 1080 mg/d", "1080 mg/d ÷ 4 = 270 mg")
    refused("calc_needs_frequency", calc.weight_based, 18, 60, per="day")


def test_gentamicin_once_daily_is_capped_at_the_per_kg_label_maximum(catalog):
    # BNF gentamicin once-daily regimen 5–7 mg/kg (dose_limits: 7 mg/kg/day); 70 kg × 7 mg/kg = 490 mg
    limit = calc.find_limit(catalog, "gentamicin", "iv")
    assert limit is not None and limit.per_kg
    at_max = calc.weight_based(70, 7, per="day", doses_per_day=1, limit=limit)
    assert at_max.dose == pytest.approx(490) and not at_max.capped
    over = calc.weight_based(70, 8, per="day", doses_per_day=1, limit=limit)
    assert over.dose == pytest.approx(490) and over.uncapped_dose == pytest.approx(560) and over.capped
    applied = [c for c in over.caps if c.applied]
    assert applied[0].limit == pytest.approx(490) and "gentamicin" in applied[0].source.casefold()
    assert "min(560 mg, 490 mg) = 490 mg" in over.formula


def test_child_dose_from_mg_per_kg_never_exceeds_the_adult_maximum(catalog):
    # paracetamol 15 mg/kg × 90 kg = 1350 mg, above the adult 1 g a dose (BNF / Tylenol label in dose_limits)
    result = calc.weight_based(90, 15, doses_per_day=4, limit=calc.find_limit(catalog, "paracetamol"))
    assert result.dose == pytest.approx(1000) and result.daily == pytest.approx(4000)
    assert [c.what for c in result.caps if c.applied] == ["dose"]
    assert result.formula[-1] == "1000 mg × 4 = 4000 mg/d"


def test_daily_cap_lowers_each_dose():
    # entered caps: 30 mg/kg × 20 kg = 600 mg × 4 = 2400 mg/day, above 2000 mg/day -> 500 mg a dose
    result = calc.weight_based(20, 30, doses_per_day=4, max_daily=2000)
    assert result.dose == pytest.approx(500) and result.daily == pytest.approx(2000)
    assert [(c.what, c.source, c.applied) for c in result.caps] == [("day", "entered", True)]


def test_cap_in_micrograms_converts_and_units_that_do_not_convert_are_noted(catalog):
    # ivermectin 200 µg/kg (Stromectol label, dose_limits in ug per kg); the dose typed in mg
    limit = calc.find_limit(catalog, "ivermectin")
    result = calc.weight_based(60, 0.3, unit="mg", limit=limit)
    assert result.dose == pytest.approx(12) and result.capped  # 0.2 mg/kg × 60 kg
    # polymyxin B is limited in IU/kg: a dose in mg cannot be compared with it
    iu = calc.weight_based(60, 2, unit="mg", limit=calc.find_limit(catalog, "polymyxin_b", "iv"))
    assert iu.notes == ("cap_unit_mismatch",) and iu.caps == ()


def test_unknown_drug_is_refused(catalog):
    refused("calc_unknown_drug", calc.find_limit, catalog, "no_such_drug")


# --- body surface area -------------------------------------------------------------------------------------------

def test_mosteller_and_du_bois():
    # Mosteller RD, NEJM 1987;317:1098: sqrt(180 cm × 80 kg / 3600) = 2.00 m² (worked from the formula)
    assert calc.bsa(80, 180) == (2.0, "√(180 cm × 80 kg / 3600) = 2.00 m²")
    # Du Bois & Du Bois, Arch Intern Med 1916;17:863: 0.007184 × 70^0.425 × 170^0.725 = 1.81 m² (worked by hand)
    area, line = calc.bsa(70, 170, "dubois")
    assert area == pytest.approx(1.81) and line.startswith("0.007184 × 70^0.425 × 170^0.725")
    assert calc.bsa(70, 170)[0] == pytest.approx(1.82)  # the same patient by Mosteller
    refused("calc_bad_method", calc.bsa, 70, 170, "haycock")


def test_vincristine_is_capped_at_2_mg(catalog):
    # vincristine 1.4 mg/m², single dose capped at 2 mg (US label, dose_limits): BSA 2.00 m² -> 2.8 mg -> 2 mg
    result = calc.bsa_dose(80, 180, 1.4, limit=calc.find_limit(catalog, "vincristine", "iv"))
    assert result.bsa_m2 == 2.0 and result.uncapped_dose == pytest.approx(2.8) and result.dose == pytest.approx(2)
    assert result.formula[1:] == ("1.4 mg/m² × 2.00 m² = 2.8 mg", "min(2.8 mg, 2 mg) = 2 mg")
    small = calc.bsa_dose(25, 120, 1.4, max_dose=2)  # BSA 0.91 m² -> 1.27 mg, under the cap
    assert small.dose == pytest.approx(1.4 * 0.91) and not small.capped


# --- renal band --------------------------------------------------------------------------------------------------

def test_cockcroft_gault_and_ckd_epi_from_patient_values():
    # Cockcroft & Gault, Nephron 1976;16:31: (140 − 60) × 72 kg / (72 × 1.0 mg/dL) = 80 mL/min (worked by hand)
    crcl, egfr, lines, inputs = calc.renal_function(60, "M", 72, 88.4, "umol/L")
    assert crcl == pytest.approx(80) and lines[1] == "CrCl = (140 − 60) × 72 kg / (72 × 1.00) = 80 mL/min"
    # CKD-EPI 2021 (Inker LA et al., NEJM 2021;385:1737): 142 × (1.0/0.9)^-1.200 × 0.9938^60 = 86 (worked by hand)
    assert round(egfr) == 86
    same, *_ = calc.renal_function(60, "M", 72, 1.0, "mg/dL")
    assert same == pytest.approx(crcl)
    female, *_ = calc.renal_function(60, "F", 72, 1.0, "mg/dL")
    assert female == pytest.approx(68)  # × 0.85


def test_metformin_band_from_egfr(catalog):
    # Glucophage SmPC / US label: eGFR 30–44 do not start, max 1000 mg/day; < 30 contraindicated
    drug = catalog["metformin"]
    limit = calc.find_limit(catalog, "metformin")
    band = calc.renal_band(drug, limit, egfr=40)
    assert band.action == "do_not_start"
    assert band.cap is not None and band.cap.max_daily == 1000 and band.limit.source
    assert band.formula[-1] == "eGFR 40 < 45 mL/min/1.73 m² → ≤ 1000 mg/d"
    assert calc.renal_band(drug, limit, egfr=25).action == "contraindicated"
    normal = calc.renal_band(drug, limit, egfr=90)
    assert normal.action is None and normal.cap is None and normal.thresholds == ()


def test_levetiracetam_band_needs_crcl_and_says_so_when_only_egfr_is_known(catalog):
    # Keppra US label: CrCl 30–50 mL/min -> 250–750 mg twice daily (dose_limits: max 1500 mg/day below 50)
    drug, limit = catalog["levetiracetam"], calc.find_limit(catalog, "levetiracetam")
    band = calc.renal_band(drug, limit, crcl=40)
    assert band.cap.max_daily == 1500 and band.action == "reduce_dose"
    only_egfr = calc.renal_band(drug, limit, egfr=40)
    assert only_egfr.not_assessed == ("crcl",) and only_egfr.action is None and only_egfr.cap is None
    refused("calc_needs_renal", calc.renal_band, drug, limit)


def test_renal_equations_are_refused_for_children():
    err = refused("calc_adults_only", calc.renal_function, 10, "M", 30, 40)
    assert err.params["field"] == "age_years"


# --- infusion ----------------------------------------------------------------------------------------------------

def test_dopamine_5_ug_kg_min_70_kg_400_mg_in_250_ml_is_13_1_ml_h():
    # the textbook drug-calculation example (dopamine 400 mg in 250 mL D5W premix, 1600 µg/mL):
    # 5 µg/kg/min × 70 kg × 60 = 21 000 µg/h ÷ 1600 µg/mL = 13.1 mL/h
    result = calc.rate_from_dose(5, "ug/kg/min", 400, "mg", 250, weight_kg=70)
    assert round(result.rate_ml_h, 1) == 13.1
    assert result.formula == ("400 mg / 250 mL = 1.6 mg/mL = 1600 µg/mL",
                              "5 µg/kg/min × 70 kg × 60 min/h = 21000 µg/h",
                              "21000 µg/h ÷ 1600 µg/mL = 13.1 mL/h")
    back = calc.dose_from_rate(result.rate_ml_h, "ug/kg/min", 400, "mg", 250, weight_kg=70)
    assert back.dose_rate == pytest.approx(5)
    assert back.formula[-1] == "21000 µg/h ÷ 70 kg ÷ 60 min/h = 5 µg/kg/min"


@pytest.mark.parametrize(("dose", "unit", "amount", "bag_unit", "volume", "weight", "ml_h"), [
    # amiodarone IV label regimen, 1 mg/min for the first 6 h; from 900 mg in 500 mL (1.8 mg/mL):
    # 60 mg/h ÷ 1.8 mg/mL = 33.3 mL/h (worked by hand)
    (1, "mg/min", 900, "mg", 500, None, 33.3),
    # heparin, Raschke weight-based nomogram (Ann Intern Med 1993;119:874): 18 units/kg/h; 80 kg;
    # 25 000 units in 500 mL = 50 units/mL -> 1440 units/h = 28.8 mL/h
    (18, "IU/kg/h", 25000, "IU", 500, 80, 28.8),
    # noradrenaline 0.1 µg/kg/min, 80 kg, 4 mg in 50 mL (80 µg/mL): 480 µg/h = 6 mL/h (worked by hand)
    (0.1, "ug/kg/min", 4, "mg", 50, 80, 6.0),
    # mg/kg/h: 1 mg/kg/h, 50 kg, 500 mg in 50 mL (10 mg/mL) = 5 mL/h (worked by hand)
    (1, "mg/kg/h", 500, "mg", 50, 50, 5.0),
])
def test_infusion_rates(dose, unit, amount, bag_unit, volume, weight, ml_h):
    result = calc.rate_from_dose(dose, unit, amount, bag_unit, volume, weight_kg=weight)
    assert round(result.rate_ml_h, 1) == ml_h
    back = calc.dose_from_rate(result.rate_ml_h, unit, amount, bag_unit, volume, weight)
    assert back.dose_rate == pytest.approx(dose)


def test_infusion_refusals():
    refused("calc_unit_mismatch", calc.rate_from_dose, 18, "IU/kg/h", 400, "mg", 250, 80)
    refused("calc_needs_weight", calc.rate_from_dose, 5, "ug/kg/min", 400, "mg", 250)
    refused("calc_not_positive", calc.rate_from_dose, 5, "ug/kg/min", 0, "mg", 250, 70)
    refused("calc_bad_unit", calc.rate_from_dose, 5, "ug/kg/week", 400, "mg", 250, 70)
    # 5 mg/kg/min typed for 5 µg/kg/min: 13 125 mL/h is no infusion
    err = refused("calc_rate_implausible", calc.rate_from_dose, 5, "mg/kg/min", 400, "mg", 250, 70)
    assert err.params["high"] == "2000"
    refused("calc_out_of_range", calc.dose_from_rate, 5000, "mg/h", 400, "mg", 250)


# --- children's paracetamol and ibuprofen ------------------------------------------------------------------------

def test_paracetamol_for_an_18_kg_child():
    # WHO 2012 A1.8: 15 mg/kg every 4–6 h, at most 4 doses -> 270 mg, 1080 mg/day; 32 mg/mL oral liquid -> 8.4 mL
    result = calc.paracetamol_child(18, age_months=48, strength_mg_ml=32)
    assert result.dose == pytest.approx(270) and result.daily == pytest.approx(1080)
    assert result.volume_ml == pytest.approx(8.4375)
    assert result.formula[-1] == "270 mg ÷ 32 mg/mL = 8.4 mL"
    assert result.reference == paediatric.PARACETAMOL_REFERENCE and not result.capped
    assert result.interval_hours == (4, 6)
    refused("calc_out_of_range", calc.paracetamol_child, 18, mg_per_kg=20)  # above 15 mg/kg
    refused("calc_out_of_range", calc.paracetamol_child, 18, doses_per_day=5)  # more than 4 doses


def test_paracetamol_is_capped_at_1_g_and_neonates_get_10_mg_per_kg(catalog):
    big = calc.paracetamol_child(80, age_months=14 * 12, limit=calc.find_limit(catalog, "paracetamol"))
    assert big.dose == pytest.approx(1000) and big.daily == pytest.approx(4000) and big.capped
    neonate = calc.paracetamol_child(3.2, age_months=0.5)
    assert neonate.dose == pytest.approx(32) and neonate.notes == ("paracetamol_neonate",)
    assert neonate.interval_hours == (6, 8)  # WHO: neonate 10 mg/kg every 6–8 h
    assert calc.paracetamol_child(5, age_months=2).notes == ("paracetamol_under_3_months",)
    assert calc.paracetamol_child(18).notes == ("age_not_given",)


def test_ibuprofen_for_an_18_kg_child():
    # US ibuprofen suspension label: 10 mg/kg every 6–8 h, at most 40 mg/kg/day; 20 mg/mL suspension -> 9 mL
    result = calc.ibuprofen_child(18, age_months=48, strength_mg_ml=20)
    assert (result.dose, result.daily, result.volume_ml) == (pytest.approx(180), pytest.approx(540), pytest.approx(9))
    four = calc.ibuprofen_child(18, age_months=48, doses_per_day=4)
    assert four.daily == pytest.approx(720)  # = 40 mg/kg/day, the ceiling, not above it
    heavy = calc.ibuprofen_child(50, age_months=13 * 12)
    assert heavy.dose == pytest.approx(400) and heavy.capped and "ibuprofen_adult_weight" in heavy.notes
    assert "ibuprofen_3_to_6_months" in calc.ibuprofen_child(6, age_months=4).notes


def test_ibuprofen_age_and_weight_floor():
    # UK SmPC ibuprofen 100 mg/5 mL for children: not under 3 months, not under 5 kg
    assert refused("calc_ibuprofen_too_young", calc.ibuprofen_child, 5.5, age_months=2).params["field"] == "age_months"
    assert refused("calc_ibuprofen_too_light", calc.ibuprofen_child, 4.5, age_months=4).params["field"] == "weight_kg"


def test_liquid_presets_name_their_strength():
    assert {(liquid.drug, liquid.mg_per_ml) for liquid in calc.LIQUIDS} >= {("paracetamol", 32.0),
                                                                           ("ibuprofen", 20.0)}


# --- implausible input -------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("field", "call", "low", "high"), [
    ("weight_kg", lambda: calc.weight_based(500, 15), "0.3", "350"),  # 500 kg: grams typed as kg?
    ("weight_kg", lambda: calc.weight_based(0.1, 15), "0.3", "350"),
    ("height_cm", lambda: calc.bsa(70, 1.7), "30", "250"),  # metres typed as cm
    ("creatinine_umol_l", lambda: calc.renal_function(60, "M", 70, 1.2, "umol/L"), "10", "2000"),  # mg/dL as µmol/L
    ("creatinine_umol_l", lambda: calc.renal_function(60, "M", 70, 100, "mg/dL"), "0.11", "22.6"),
    ("age_years", lambda: calc.renal_function(130, "M", 70, 100), "0", "120"),
])
def test_implausible_values_are_refused_naming_the_field_and_range(field, call, low, high):
    with pytest.raises(UserError) as err:
        call()
    assert err.value.code == "calc_out_of_range"
    assert (err.value.params["field"], err.value.params["low"], err.value.params["high"]) == (field, low, high)
    assert f"between {low} and {high}" in str(err.value)


def test_not_a_number_and_bad_sex():
    refused("calc_not_a_number", calc.weight_based, math.nan, 15)
    refused("calc_not_a_number", calc.weight_based, "18", 15)
    refused("calc_not_positive", calc.weight_based, 18, 0)
    refused("calc_bad_sex", calc.renal_function, 60, "X", 70, 100)
    refused("calc_bad_unit", calc.renal_function, 60, "M", 70, 100, "mmol/L")
    refused("calc_bad_unit", calc.weight_based, 18, 15, unit="tablets")
