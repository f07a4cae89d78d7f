"""FHIR R4 document export: bundle structure, and export → import preserving every supported field."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cdss.records.fhir_export import export_case_bundle, export_case_json, write_case_bundle
from cdss.records.fhir_import import import_bundle, read_fhir_file
from cdss.records.types import (
    Allergy,
    Attachment,
    Case,
    Entry,
    EntryKind,
    FollowUp,
    Identifier,
    LabResult,
    Medication,
    PatientRecord,
    Sex,
)

WHEN = dt.datetime(2024, 5, 6, 9, 30)
LAB = LabResult("血红蛋白", WHEN, 132.0, None, "g/L", 130.0, 175.0, "718-7")
CASE = Case(
    title="胸痛待查",
    opened_on=dt.date(2024, 5, 6),
    closed_on=dt.date(2024, 5, 9),
    tags=("cardiology",),
    source_ref="enc-42",
    follow_ups=(FollowUp(dt.date(2024, 6, 1), "复查心电图"), FollowUp(dt.date(2024, 5, 20), done=True)),
    labs=(LAB, LabResult("Urine colour", WHEN, value_text="yellow")),
    entries=(
        Entry(EntryKind.COMPLAINT, WHEN, "胸痛2天"),
        Entry(EntryKind.DIAGNOSIS, WHEN, "不稳定型心绞痛", icd10="I20.0"),
        Entry(EntryKind.TREATMENT, WHEN, "PCI"),
        Entry(EntryKind.TEST, WHEN, "ECG: ST depression", lab=LabResult("QTc", WHEN, 452.0, unit="ms")),
        Entry(EntryKind.ATTACHMENT, WHEN, "", attachment=Attachment("ab" * 32, "ecg.png", "image/png", 1234, "ECG")),
    ),
)
PATIENT = PatientRecord(
    name="王小明",
    sex=Sex.MALE,
    birth_date=dt.date(1960, 2, 29),
    identifiers=(Identifier("cn-resident-id", "11010519491231002X"), Identifier("inpatient-no", "ZY123")),
    phone="13800138000",
    address="北京市海淀区",
    allergies=(Allergy("青霉素", "皮疹", "moderate", True, dt.date(2001, 1, 1)), Allergy("花粉", severity="mild")),
    medications=(
        Medication(
            "阿司匹林",
            "100 mg qd",
            "po",
            dt.date(2024, 5, 6),
            None,
            True,
            "aspirin",
            "1191",
            "http://www.nlm.nih.gov/research/umls/rxnorm",
        ),
    ),
    notes="家属联系人：王女士",
    tags=("vip",),
    cases=(CASE,),
)


def test_document_bundle_structure() -> None:
    bundle = export_case_bundle(PATIENT, CASE, now=dt.datetime(2024, 6, 1, 12, 0, tzinfo=dt.UTC))
    assert bundle["resourceType"] == "Bundle" and bundle["type"] == "document"
    assert bundle["identifier"]["value"].startswith("urn:uuid:") and bundle["timestamp"].startswith("2024-06-01T12")
    types = [e["resource"]["resourceType"] for e in bundle["entry"]]
    assert types == [
        "Composition",
        "Patient",
        "Encounter",
        "Condition",
        "MedicationStatement",
        "AllergyIntolerance",
        "AllergyIntolerance",
        "Observation",
        "Observation",
        "Observation",
        "Procedure",
        "DocumentReference",
        "DocumentReference",
        "CarePlan",
    ]
    urls = {e["fullUrl"] for e in bundle["entry"]}
    assert all(u.startswith("urn:uuid:") for u in urls) and len(urls) == len(bundle["entry"])
    # every reference in the document resolves inside it
    text = json.dumps(bundle)
    for ref in {part.split('"')[0] for part in text.split('"reference": "')[1:]}:
        assert ref in urls
    composition = bundle["entry"][0]["resource"]
    assert composition["subject"]["reference"] == bundle["entry"][1]["fullUrl"]
    assert composition["title"] == "胸痛待查" and composition["author"]
    timeline = composition["section"][0]["entry"]
    assert len(timeline) == len(CASE.entries)
    condition = bundle["entry"][3]["resource"]
    assert condition["code"]["coding"][0] == {"system": "http://hl7.org/fhir/sid/icd-10", "code": "I20.0"}
    assert json.loads(export_case_json(PATIENT, CASE))["type"] == "document"


def test_written_file_round_trips(tmp_path: Path) -> None:
    path = write_case_bundle(tmp_path / "case.json", PATIENT, CASE)
    assert not list(tmp_path.glob("*.part"))
    (back,) = read_fhir_file(path)
    assert back == PATIENT


def test_round_trip_field_by_field() -> None:
    (back,) = import_bundle(export_case_bundle(PATIENT, CASE)).records
    for fld in dataclasses.fields(PatientRecord):
        if fld.name != "cases":
            assert getattr(back, fld.name) == getattr(PATIENT, fld.name), fld.name
    (case,) = back.cases
    for fld in dataclasses.fields(Case):
        assert getattr(case, fld.name) == getattr(CASE, fld.name), fld.name


# ---------------------------------------------------------------------------------------------------------------
# Hypothesis: arbitrary records survive export → import unchanged
# ---------------------------------------------------------------------------------------------------------------

text = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=12)
maybe_text = st.none() | text
dates = st.dates(dt.date(1900, 1, 1), dt.date(2090, 12, 31))
moments = st.datetimes(dt.datetime(1950, 1, 1), dt.datetime(2090, 1, 1))
numbers = st.floats(allow_nan=False, allow_infinity=False, width=64)

labs = st.builds(
    LabResult,
    name=text,
    taken_at=moments,
    value=st.none() | numbers,
    value_text=maybe_text,
    unit=maybe_text,
    ref_low=st.none() | numbers,
    ref_high=st.none() | numbers,
    loinc=st.none() | st.from_regex(r"\A\d{1,5}-\d\Z"),
)
attachments = st.builds(
    Attachment,
    sha256=st.from_regex(r"\A[0-9a-f]{64}\Z"),
    filename=st.text(max_size=10),
    media_type=st.sampled_from(["image/png", "application/pdf"]),
    size=st.integers(0, 10**9),
    caption=maybe_text,
)


@st.composite
def entries(draw: st.DrawFn) -> Entry:
    kind = draw(st.sampled_from(list(EntryKind)))
    base = {"kind": kind, "occurred_at": draw(moments), "text": draw(st.text(max_size=30))}
    if kind is EntryKind.DIAGNOSIS:
        return Entry(**base, icd10=draw(st.none() | st.from_regex(r"\A[A-Z]\d\d(\.\d)?\Z")))
    if kind is EntryKind.ATTACHMENT:
        return Entry(**base, attachment=draw(st.none() | attachments))
    if kind is EntryKind.TREATMENT:
        return Entry(**base)
    return Entry(**base, lab=draw(st.none() | labs))


@st.composite
def medications(draw: st.DrawFn) -> Medication:
    code = draw(maybe_text)
    return Medication(
        name=draw(text),
        dose=draw(maybe_text),
        route=draw(maybe_text),
        start=draw(st.none() | dates),
        end=draw(st.none() | dates),
        active=draw(st.booleans()),
        drug_id=draw(maybe_text),
        code=code,
        code_system=draw(maybe_text) if code else None,
    )


allergies = st.builds(
    Allergy,
    substance=text,
    reaction=maybe_text,
    severity=st.sampled_from([None, "mild", "moderate", "severe"]),
    verified=st.booleans(),
    recorded_on=st.none() | dates,
)
cases = st.builds(
    Case,
    title=text,
    opened_on=dates,
    entries=st.lists(entries(), max_size=6).map(tuple),
    labs=st.lists(labs, max_size=3).map(tuple),
    tags=st.lists(text, max_size=2).map(tuple),
    closed_on=st.none() | dates,
    source_ref=maybe_text,
    follow_ups=st.lists(st.builds(FollowUp, due=dates, note=st.text(max_size=10), done=st.booleans()), max_size=2).map(
        tuple
    ),
)
identifiers = st.builds(
    Identifier, system=st.sampled_from(["cn-resident-id", "mrn", "http://hospital.example/mrn"]), value=text
)
patients = st.builds(
    PatientRecord,
    name=text,
    sex=st.sampled_from(list(Sex)),
    birth_date=st.none() | dates,
    identifiers=st.lists(identifiers, max_size=3).map(tuple),
    phone=maybe_text,
    address=maybe_text,
    email=maybe_text,
    allergies=st.lists(allergies, max_size=3).map(tuple),
    medications=st.lists(medications(), max_size=3).map(tuple),
    tags=st.lists(text, max_size=2).map(tuple),
    notes=st.text(max_size=20),
    source_ref=maybe_text,
    labs=st.lists(labs, max_size=2).map(tuple),
)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(patient=patients, case=cases)
def test_round_trip_preserves_every_supported_field(patient: PatientRecord, case: Case) -> None:
    original = dataclasses.replace(patient, cases=(case,))
    bundle = json.loads(export_case_json(original, case))  # through real JSON text, as on disk
    (back,) = import_bundle(bundle).records
    assert back == original
