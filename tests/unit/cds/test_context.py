"""The checker's context is built from the record alone: nothing guessed, every gap noted."""

from __future__ import annotations

import datetime as dt

import pytest

from cdss.cds.context import NOTE_TEXTS, build_context
from cdss.drugs import dosing
from cdss.drugs.catalog import Catalog
from cdss.records.types import Allergy, Case, LabResult, Medication, PatientRecord, Sex

TODAY = dt.date(2026, 1, 15)


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return Catalog.default()


def _record(**changes) -> PatientRecord:
    labs = (
        LabResult("Body Weight", dt.datetime(2025, 12, 1), value=70, unit="kg", loinc="29463-7"),
        LabResult("Body Height", dt.datetime(2025, 12, 1), value=170, unit="cm", loinc="8302-2"),
        LabResult("Creatinine", dt.datetime(2025, 6, 1), value=1.0, unit="mg/dL", loinc="2160-0"),
        LabResult("Creatinine", dt.datetime(2025, 12, 1), value=1.8, unit="mg/dL", loinc="2160-0"),
        LabResult("Potassium", dt.datetime(2025, 12, 1), value=3.2, unit="mmol/L", loinc="2823-3"),
        LabResult("QTc", dt.datetime(2025, 12, 2), value=478, unit="ms", loinc="8636-3"),
    )
    base = dict(name="Test Patient", sex=Sex.MALE, birth_date=dt.date(1950, 1, 1),
                allergies=(Allergy("penicillin"),),
                medications=(Medication("warfarin"), Medication("Simvastatin 20 MG Oral Tablet"),
                             Medication("amoxicillin", active=False), Medication("Unknownium 5 MG")),
                cases=(Case("CKD", dt.date(2025, 1, 1), labs=labs[2:]),), labs=labs[:2], id=7)
    base.update(changes)
    return PatientRecord(**base)


def test_values_come_from_the_latest_labs(catalog):
    ctx = build_context(_record(), catalog, today=TODAY)
    assert ctx.age == 76 and ctx.sex == "M"
    assert ctx.creatinine.value == 1.8 and ctx.creatinine.taken_at.date() == dt.date(2025, 12, 1)
    assert ctx.egfr == pytest.approx(dosing.ckd_epi_2021(76, 1.8, "M"))
    assert ctx.crcl == pytest.approx(dosing.cockcroft_gault(76, 70, 1.8, "M"))
    assert ctx.context.potassium_mmol == 3.2 and ctx.context.qtc_ms == 478 and ctx.context.height_cm == 170
    assert ctx.allergies == ("penicillin",) and ctx.context.allergies == ("penicillin",)
    # inactive medications are not part of the regimen; unknown ones are named in a note
    assert ctx.active_drug_ids == ("warfarin", "simvastatin")
    assert [m.name for m in ctx.unresolved_medications] == ["Unknownium 5 MG"]
    assert any(n.code == "medication_unknown" and "Unknownium" in n.text for n in ctx.notes)


def test_children_get_no_adult_renal_estimate(catalog):
    ctx = build_context(_record(birth_date=dt.date(2015, 5, 1)), catalog, today=TODAY)
    assert ctx.egfr is None and ctx.crcl is None and ctx.context.scr is None
    assert any(n.code == "renal_not_adult" for n in ctx.notes)


def test_missing_sex_and_birth_date_are_noted_not_guessed(catalog):
    ctx = build_context(_record(sex=Sex.UNKNOWN, birth_date=None), catalog, today=TODAY)
    assert ctx.age is None and ctx.sex is None and ctx.egfr is None
    assert {"no_birth_date", "no_sex"} <= {n.code for n in ctx.notes}


def test_pregnancy_only_from_a_recorded_flag(catalog):
    woman = _record(sex=Sex.FEMALE, birth_date=dt.date(1995, 3, 1))
    unknown = build_context(woman, catalog, today=TODAY)
    assert not unknown.context.pregnant and any(n.code == "pregnancy_unknown" for n in unknown.notes)
    pregnant = build_context(woman, catalog, flags={"pregnant": True, "lactating": False}, today=TODAY)
    assert pregnant.context.pregnant and not pregnant.context.lactating
    assert not any(n.code == "pregnancy_unknown" for n in pregnant.notes)


def test_whole_blood_creatinine_is_used_and_said(catalog):
    labs = (LabResult("Creatinine", dt.datetime(2025, 12, 1), value=1.2, unit="mg/dL", loinc="38483-4"),)
    ctx = build_context(_record(cases=(), labs=labs), catalog, today=TODAY)
    assert ctx.creatinine.value == 1.2 and ctx.egfr is not None
    assert any(n.code == "creatinine_whole_blood" for n in ctx.notes)


def test_implausible_weight_is_left_out(catalog):
    labs = (LabResult("Body Weight", dt.datetime(2025, 12, 1), value=7, unit="kg", loinc="29463-7"),
            LabResult("Creatinine", dt.datetime(2025, 12, 1), value=1.0, unit="mg/dL", loinc="2160-0"))
    ctx = build_context(_record(cases=(), labs=labs), catalog, today=TODAY)
    assert ctx.crcl is None and ctx.egfr is not None
    assert any(n.code == "weight_out_of_range" for n in ctx.notes)


def test_every_note_renders():
    from cdss.cds.context import note

    rendered = note("medication_part_unknown", name="X", parts="Y").text
    assert rendered == "Medication 'X': Y not in the drug dictionary: not checked."
    import string

    for code, template in NOTE_TEXTS.items():
        fields = {name for _lit, name, _spec, _conv in string.Formatter().parse(template) if name}
        text = note(code, **{name: "v" for name in fields}).text
        assert "{" not in text and text.strip()
