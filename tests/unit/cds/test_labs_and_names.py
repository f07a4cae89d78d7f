"""Lab mapping (LOINC first, then exact names; units converted, unknown units refused) and medication name
resolution (Synthea RxNorm names, combinations, brands, Chinese dose forms; typos never resolved)."""

from __future__ import annotations

import datetime as dt

import pytest

from cdss.cds.labs import latest_readings, measure_of, reading_of
from cdss.cds.names import ingredient_phrases, resolve_medication_name
from cdss.drugs.catalog import Catalog
from cdss.records.types import LabResult

WHEN = dt.datetime(2025, 3, 1, 8, 30)


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return Catalog.default()


@pytest.mark.parametrize(("name", "loinc", "measure"), [
    ("Creatinine", "2160-0", "creatinine"), ("Creatinine", "14682-9", "creatinine"),
    ("Creatinine", "38483-4", "creatinine"), ("Potassium", "6298-4", "potassium"),
    ("Potassium", "2823-3", "potassium"), ("Body Weight", "29463-7", "weight"), ("Body Height", "8302-2", "height"),
    ("QTc", "8636-3", "qtc"), ("血肌酐", None, "creatinine"), ("血钾", None, "potassium"), ("体重", None, "weight"),
    # a code decides even when the name looks familiar: a urine creatinine is not serum creatinine
    ("Creatinine", "2161-8", None), ("Urine creatinine", None, None), ("Microalbumin Creatinine Ratio", None, None),
])
def test_measure_of(name, loinc, measure):
    assert measure_of(LabResult(name, WHEN, value=1.0, loinc=loinc)) == measure


def test_units_are_converted_or_refused():
    weight, _ = reading_of(LabResult("Body Weight", WHEN, value=176, unit="[lb_av]", loinc="29463-7"))
    assert weight.unit == "kg" and weight.value == pytest.approx(79.83, abs=0.01)
    height, _ = reading_of(LabResult("Body Height", WHEN, value=1.75, unit="m", loinc="8302-2"))
    assert height.value == pytest.approx(175)
    qtc, _ = reading_of(LabResult("QTc", WHEN, value=0.47, unit="s", loinc="8636-3"))
    assert qtc.value == pytest.approx(470)
    # no unit on 2160-0: the code implies mg/dL
    scr, _ = reading_of(LabResult("Creatinine", WHEN, value=1.4, loinc="2160-0"))
    assert (scr.value, scr.unit) == (1.4, "mg/dL")
    missing, problem = reading_of(LabResult("Serum creatinine", WHEN, value=150))  # by name, no unit: not guessed
    assert missing is None and problem[0] == "lab_unit_unknown"


def test_latest_reading_wins_and_a_newer_unusable_value_is_noted():
    labs = [LabResult("Serum creatinine", WHEN, value=90, unit="µmol/L", id=1),
            LabResult("Serum creatinine", WHEN + dt.timedelta(days=10), value=140, unit="µmol/L", id=2),
            LabResult("Serum creatinine", WHEN + dt.timedelta(days=20), value=2.0, unit="mmol/L", id=3)]
    readings, notes = latest_readings(labs)
    assert readings["creatinine"].value == 140 and readings["creatinine"].lab_id == 2
    assert [code for code, _params in notes] == ["lab_unit_unknown"]


@pytest.mark.parametrize(("name", "ids"), [
    ("Simvastatin 20 MG Oral Tablet", ("simvastatin",)),
    ("24 HR Metformin hydrochloride 500 MG Extended Release Oral Tablet", ("metformin",)),
    ("200 ACTUAT Albuterol 0.09 MG/ACTUAT Metered Dose Inhaler", ("salbutamol",)),
    ("Acetaminophen 325 MG / oxyCODONE Hydrochloride 5 MG Oral Tablet", ("paracetamol", "oxycodone")),
    ("Amoxicillin 250 MG / Clavulanate 125 MG Oral Tablet", ("amoxicillin_clavulanate",)),
    ("Carbamazepine[Tegretol]", ("carbamazepine",)),
    ("Naproxen sodium 220 MG Oral Tablet", ("naproxen",)),
    ("NITROFURANTOIN, MACROCRYSTALS 50 MG Oral Capsule", ("nitrofurantoin",)),
    ("华法林", ("warfarin",)), ("美托洛尔缓释片", ("metoprolol",)), ("阿司匹林肠溶片", ("aspirin",)),
])
def test_names_resolve(catalog, name, ids):
    resolution = resolve_medication_name(name, catalog)
    assert resolution.drug_ids == ids and resolution.resolved


def test_typos_and_unknown_parts_are_not_guessed(catalog):
    assert resolve_medication_name("Simvistatin 10 MG", catalog).drug_ids == ()  # Synthea's own misspelling
    partial = resolve_medication_name("Acetaminophen 325 MG / Zorbacodone Bitartrate 7.5 MG Oral Tablet", catalog)
    assert partial.drug_ids == ("paracetamol",) and partial.unresolved_parts == ("Zorbacodone Bitartrate",)
    assert not partial.resolved


def test_a_stored_catalog_id_wins_over_the_name(catalog):
    assert resolve_medication_name("Coumadin 5 mg", catalog, drug_id="warfarin").drug_ids == ("warfarin",)
    assert resolve_medication_name("warfarin", catalog, drug_id="not_a_drug").drug_ids == ("warfarin",)


def test_ingredient_phrases_strip_pack_sizes_and_strengths():
    assert ingredient_phrases("NDA020800 0.3 ML Epinephrine 1 MG/ML Auto-Injector") == (["Epinephrine"], [])
    assert ingredient_phrases("Levora 0.15/30 28 Day Pack") == (["Levora"], [])
    assert ingredient_phrases("Vitamin B 12 5 MG/ML Injectable Solution") == (["Vitamin B 12"], [])
    assert ingredient_phrases("Donepezil hydrochloride 23 MG [Aricept]") == (["Donepezil hydrochloride"], ["Aricept"])
