"""FHIR R4 import: every Synthea bundle in the shared data set, spot-checked values, and refused malformed files."""

from __future__ import annotations

import base64
import csv
import datetime as dt
import json
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cdss.errors import ImportRejected
from cdss.progress import Progress
from cdss.records import fhir_import
from cdss.records.fhir_import import CATCH_ALL_TITLE, import_bundle, read_fhir_file
from cdss.records.types import EntryKind, Sex

SYNTHEA = "synthea-fhir-r4"


def _bundle_files(shared_data: Path) -> list[Path]:
    files = sorted((shared_data / SYNTHEA / "bundles").glob("*.json"))
    if not files:
        pytest.skip("Synthea bundles not present")
    return files


def _expected_labs(resource: dict) -> int:
    components = len(resource.get("component") or [])
    has_value = any(k.startswith("value") for k in resource)
    return components + (1 if has_value or not components else 0)


def test_synthea_set_has_64_bundles(shared_data: Path) -> None:
    assert len(_bundle_files(shared_data)) == 64


@pytest.mark.parametrize("number", range(64))
def test_every_synthea_bundle_imports_with_matching_counts(shared_data: Path, number: int) -> None:
    index = {row["file"]: row for row in csv.DictReader((shared_data / SYNTHEA / "index.csv").open(encoding="utf-8"))}
    for path in _bundle_files(shared_data)[number : number + 1]:
        bundle = json.loads(path.read_text(encoding="utf-8"))
        resources = [e["resource"] for e in bundle["entry"]]
        held = Counter(r["resourceType"] for r in resources)
        result = import_bundle(bundle)
        supported = {t: n for t, n in held.items() if t in fhir_import.SUPPORTED_TYPES}
        assert result.read_counts == supported, path.name
        assert sum(result.skipped_counts.values()) == sum(held.values()) - sum(supported.values())
        (record,) = result.records
        entries = [e for case in record.cases for e in case.entries]
        kinds = Counter(e.kind for e in entries)
        assert kinds[EntryKind.DIAGNOSIS] == held["Condition"], path.name
        assert kinds[EntryKind.TREATMENT] == held["Procedure"], path.name
        assert kinds[EntryKind.NOTE] == held["DocumentReference"], path.name
        assert len(record.medications) == held["MedicationRequest"] + held["MedicationStatement"]
        assert len(record.allergies) == held["AllergyIntolerance"]
        labs = sum(len(c.labs) for c in record.cases) + len(record.labs)
        assert labs == sum(_expected_labs(r) for r in resources if r["resourceType"] == "Observation"), path.name
        encounter_cases = [c for c in record.cases if c.title != CATCH_ALL_TITLE]
        assert len(encounter_cases) == held["Encounter"]
        # Cross-check against the data set's own index (derived independently of this importer).
        row = index[path.name]
        assert record.birth_date == dt.date.fromisoformat(row["birth_date"])
        assert record.sex.value == row["gender"]
        assert len(record.medications) == int(row["medication_requests"])
        assert kinds[EntryKind.DIAGNOSIS] == int(row["conditions"])
        assert len(encounter_cases) == int(row["encounters"])
        assert len(record.allergies) == int(row["allergy_intolerances"])


def test_synthea_values_spot_check(shared_data: Path) -> None:
    path = next(p for p in _bundle_files(shared_data) if p.name.startswith("Alejandro_Riojas"))
    bundle = json.loads(path.read_text(encoding="utf-8"))
    by_type: dict[str, list[dict]] = {}
    for e in bundle["entry"]:
        by_type.setdefault(e["resource"]["resourceType"], []).append(e["resource"])
    (record,) = read_fhir_file(path)
    patient = by_type["Patient"][0]
    assert record.name == " ".join([*patient["name"][0]["given"], patient["name"][0]["family"]])
    assert record.sex is Sex.MALE and record.source_ref == patient["id"]
    assert record.phone == patient["telecom"][0]["value"]
    assert patient["address"][0]["city"] in (record.address or "")
    assert any(i.value == "999" + patient["identifier"][2]["value"][3:] for i in record.identifiers)

    cases = {c.source_ref: c for c in record.cases}
    condition = by_type["Condition"][0]
    case = cases[condition["encounter"]["reference"].removeprefix("urn:uuid:")]
    diagnosis = next(e for e in case.entries if e.kind is EntryKind.DIAGNOSIS)
    snomed = condition["code"]["coding"][0]["code"]
    assert diagnosis.text == f"{condition['code']['text']} (SNOMED CT {snomed})"
    assert diagnosis.occurred_at == dt.datetime.fromisoformat(condition["recordedDate"]).replace(tzinfo=None)
    assert diagnosis.icd10 is None  # Synthea codes conditions in SNOMED only; we never guess an ICD-10 code

    bp = next(o for o in by_type["Observation"] if o["code"]["coding"][0]["code"] in ("85354-9", "55284-4"))
    bp_case = cases[bp["encounter"]["reference"].removeprefix("urn:uuid:")]
    taken = dt.datetime.fromisoformat(bp["effectiveDateTime"]).replace(tzinfo=None)
    parts = {lab.loinc: lab for lab in bp_case.labs if lab.taken_at == taken and lab.loinc in ("8480-6", "8462-4")}
    for component in bp["component"]:
        lab = parts[component["code"]["coding"][0]["code"]]
        assert lab.value == component["valueQuantity"]["value"]
        assert lab.unit == component["valueQuantity"]["unit"] == "mm[Hg]"
    assert not {"85354-9", "55284-4"} & {lab.loinc for lab in bp_case.labs}  # the panel itself has no value

    request = by_type["MedicationRequest"][0]
    med = next(m for m in record.medications if m.code == request["medicationCodeableConcept"]["coding"][0]["code"])
    assert med.name == request["medicationCodeableConcept"]["text"]
    assert med.code_system == "http://www.nlm.nih.gov/research/umls/rxnorm"
    assert med.active == (request["status"] == "active")
    assert med.start == dt.date.fromisoformat(request["authoredOn"][:10])


def test_allergies_from_synthea(shared_data: Path) -> None:
    path = next(p for p in _bundle_files(shared_data) if '"AllergyIntolerance"' in p.read_text(encoding="utf-8"))
    (record,) = read_fhir_file(path)
    assert record.allergies and all(a.substance and a.verified for a in record.allergies)
    assert all(a.recorded_on is not None for a in record.allergies)


def _minimal(resources: list[dict], bundle_type: str = "collection") -> dict:
    return {
        "resourceType": "Bundle",
        "type": bundle_type,
        "entry": [{"fullUrl": f"urn:uuid:{r['id']}", "resource": r} for r in resources],
    }


PATIENT = {"resourceType": "Patient", "id": "p1", "name": [{"text": "王小明"}], "gender": "male", "birthDate": "1970"}


def test_document_reference_and_partial_birth_date_and_catch_all_case() -> None:
    note = {
        "resourceType": "DocumentReference",
        "id": "d1",
        "status": "current",
        "subject": {"reference": "Patient/p1"},
        "date": "2024-03-01T08:30:00+08:00",
        "content": [
            {
                "attachment": {
                    "contentType": "text/plain; charset=utf-8",
                    "data": base64.b64encode("胸痛两天".encode()).decode(),
                }
            }
        ],
    }
    condition = {
        "resourceType": "Condition",
        "id": "c1",
        "subject": {"reference": "urn:uuid:p1"},
        "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10", "code": "I20.0"}], "text": "不稳定型心绞痛"},
        "recordedDate": "2024-03-01",
    }
    (record,) = import_bundle(_minimal([PATIENT, note, condition], "batch")).records
    assert record.birth_date == dt.date(1970, 1, 1) and record.extra["birth_date_precision"] == "year"
    (case,) = record.cases
    assert case.title == CATCH_ALL_TITLE and case.opened_on == dt.date(2024, 3, 1)
    diagnosis, text_note = case.entries  # sorted by time: midnight diagnosis first
    assert diagnosis.icd10 == "I20.0" and diagnosis.text == "不稳定型心绞痛"
    assert text_note.kind is EntryKind.NOTE and text_note.text == "胸痛两天"
    assert text_note.occurred_at == dt.datetime(2024, 3, 1, 8, 30)  # wall clock kept as written


def test_progress_is_reported_and_can_cancel(shared_data: Path) -> None:
    from cdss.errors import Cancelled

    path = _bundle_files(shared_data)[0]
    seen: list[tuple[int, int]] = []
    read_fhir_file(path, progress=Progress(lambda d, t, _label: seen.append((d, t))))
    assert seen and seen[-1][0] == seen[-1][1]
    progress = Progress()
    progress.cancel()
    with pytest.raises(Cancelled):
        read_fhir_file(path, progress=progress)


BAD_BUNDLES = {
    "not_json": (b"this is not json", "fhir_not_json"),
    "truncated": (json.dumps(_minimal([PATIENT])).encode()[:-25], "fhir_not_json"),
    "not_bundle": (json.dumps(PATIENT).encode(), "fhir_not_bundle"),
    "json_list": (b"[1, 2]", "fhir_not_bundle"),
    "wrong_type": (json.dumps(_minimal([PATIENT], "history")).encode(), "fhir_bundle_type"),
    "no_patient": (json.dumps(_minimal([])).encode(), "fhir_no_patient"),
    "gbk": (json.dumps(_minimal([PATIENT]), ensure_ascii=False).encode("gbk"), "fhir_not_utf8"),
    "utf16": (json.dumps(_minimal([PATIENT])).encode("utf-16"), "fhir_not_utf8"),
    "empty": (b"   ", "fhir_empty"),
    "deep": (b"[" * 100_000 + b"]" * 100_000, "fhir_not_json"),
    "no_name": (json.dumps(_minimal([{**PATIENT, "name": []}])).encode(), "fhir_patient_without_name"),
    "obs_no_code": (
        json.dumps(
            _minimal(
                [
                    PATIENT,
                    {
                        "resourceType": "Observation",
                        "id": "o1",
                        "subject": {"reference": "Patient/p1"},
                        "effectiveDateTime": "2020-01-01",
                    },
                ]
            )
        ).encode(),
        "fhir_observation_without_code",
    ),
    "med_no_drug": (
        json.dumps(
            _minimal(
                [
                    PATIENT,
                    {
                        "resourceType": "MedicationRequest",
                        "id": "m1",
                        "status": "active",
                        "subject": {"reference": "Patient/p1"},
                    },
                ]
            )
        ).encode(),
        "fhir_medication_without_name",
    ),
    "encounter_no_start": (
        json.dumps(
            _minimal([PATIENT, {"resourceType": "Encounter", "id": "e1", "subject": {"reference": "Patient/p1"}}])
        ).encode(),
        "fhir_encounter_without_start",
    ),
    "bad_date": (
        json.dumps(
            _minimal(
                [
                    PATIENT,
                    {
                        "resourceType": "Condition",
                        "id": "c1",
                        "subject": {"reference": "Patient/p1"},
                        "recordedDate": "yesterday",
                    },
                ]
            )
        ).encode(),
        "fhir_bad_datetime",
    ),
    "entry_without_resource": (
        json.dumps({"resourceType": "Bundle", "type": "collection", "entry": [{}]}).encode(),
        "fhir_bad_entry",
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_BUNDLES))
def test_malformed_bundles_are_rejected(tmp_path: Path, case: str) -> None:
    data, code = BAD_BUNDLES[case]
    path = tmp_path / f"{case}.json"
    path.write_bytes(data)
    result = None
    with pytest.raises(ImportRejected) as info:
        result = read_fhir_file(path)
    assert result is None
    assert info.value.code == code
    assert str(info.value)  # a readable message for the user


def test_huge_file_is_rejected_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "huge.json"
    path.write_bytes(json.dumps(_minimal([PATIENT])).encode() + b" " * 5000)
    monkeypatch.setattr(fhir_import, "MAX_FHIR_BYTES", 4096)
    with pytest.raises(ImportRejected) as info:
        fhir_import.load_bundle_json(path, max_bytes=fhir_import.MAX_FHIR_BYTES)
    assert info.value.code == "file_too_large"


def test_truncated_synthea_bundle_is_rejected(shared_data: Path, tmp_path: Path) -> None:
    source = _bundle_files(shared_data)[0].read_bytes()
    path = tmp_path / "cut.json"
    path.write_bytes(source[: len(source) // 2])
    with pytest.raises(ImportRejected) as info:
        read_fhir_file(path)
    assert info.value.code == "fhir_not_json" and "truncated" in str(info.value)


# A small but complete bundle, then hostile variations of it: any element replaced by any JSON value must give
# either records or ImportRejected — never another exception, never a partial result.
_ENC = {
    "resourceType": "Encounter",
    "id": "e1",
    "subject": {"reference": "Patient/p1"},
    "type": [{"text": "门诊"}],
    "period": {"start": "2024-01-02T09:00:00+08:00", "end": "2024-01-02"},
}
_FULL = [
    PATIENT,
    _ENC,
    {
        "resourceType": "Condition",
        "id": "c1",
        "subject": {"reference": "Patient/p1"},
        "encounter": {"reference": "Encounter/e1"},
        "code": {"text": "高血压"},
        "recordedDate": "2024-01-02",
    },
    {
        "resourceType": "Observation",
        "id": "o1",
        "subject": {"reference": "Patient/p1"},
        "code": {"text": "BP"},
        "encounter": {"reference": "Encounter/e1"},
        "effectiveDateTime": "2024-01-02",
        "component": [{"code": {"text": "SBP"}, "valueQuantity": {"value": 150, "unit": "mmHg"}}],
        "referenceRange": [{"low": {"value": 1}, "high": {"value": 2}}],
    },
    {
        "resourceType": "MedicationStatement",
        "id": "m1",
        "status": "active",
        "subject": {"reference": "Patient/p1"},
        "medicationCodeableConcept": {"text": "氨氯地平"},
        "dosage": [{"text": "5 mg qd", "route": {"text": "po"}}],
        "effectivePeriod": {"start": "2024-01-02"},
    },
    {
        "resourceType": "AllergyIntolerance",
        "id": "a1",
        "patient": {"reference": "Patient/p1"},
        "code": {"text": "青霉素"},
        "reaction": [{"manifestation": [{"text": "皮疹"}], "severity": "mild"}],
    },
    {
        "resourceType": "Procedure",
        "id": "x1",
        "subject": {"reference": "Patient/p1"},
        "code": {"text": "ECG"},
        "performedDateTime": "2024-01-02",
    },
    {
        "resourceType": "DocumentReference",
        "id": "d1",
        "subject": {"reference": "Patient/p1"},
        "date": "2024-01-02",
        "context": {"encounter": [{"reference": "Encounter/e1"}]},
        "content": [{"attachment": {"contentType": "text/plain", "data": "5aSN6K+K"}}],
    },
]

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=5), children, max_size=3),
    max_leaves=6,
)


def test_complete_small_bundle_maps_every_type() -> None:
    result = import_bundle(_minimal(_FULL))
    (record,) = result.records
    (case,) = [c for c in record.cases if c.source_ref == "e1"]
    assert case.title == "门诊" and case.opened_on == dt.date(2024, 1, 2) and case.closed_on == dt.date(2024, 1, 2)
    assert [e.text for e in case.entries] == ["高血压", "复诊"]  # the note decoded from base64, in the encounter
    (sbp,) = case.labs
    assert (sbp.name, sbp.value, sbp.unit, sbp.ref_low) == ("SBP", 150.0, "mmHg", None)
    assert record.medications[0].dose == "5 mg qd" and record.medications[0].route == "po"
    assert record.allergies[0].reaction == "皮疹" and record.allergies[0].severity == "mild"
    assert record.cases[-1].title == CATCH_ALL_TITLE and record.cases[-1].entries[0].text == "ECG"


@settings(max_examples=150, deadline=None)
@given(
    which=st.integers(0, len(_FULL) - 1),
    key=st.text(max_size=3)
    | st.sampled_from(
        [
            "code",
            "subject",
            "encounter",
            "period",
            "name",
            "component",
            "content",
            "reaction",
            "dosage",
            "context",
            "valueQuantity",
            "recordedDate",
            "effectivePeriod",
            "birthDate",
            "identifier",
            "telecom",
            "type",
            "meta",
            "resourceType",
            "referenceRange",
            "medicationCodeableConcept",
            "extension",
            "gender",
            "address",
        ]
    ),
    value=json_values,
)
def test_hostile_variations_never_crash(which: int, key: str, value: object) -> None:
    resources = [dict(r) for r in _FULL]
    resources[which][key] = value
    bundle = json.loads(json.dumps(_minimal(resources)))
    try:
        result = import_bundle(bundle)
    except ImportRejected as exc:
        assert exc.code and str(exc)
    else:
        for record in result.records:
            assert isinstance(record.name, str) and record.name
            assert all(isinstance(v, str | None) for v in (record.phone, record.email, record.address))
            assert all(isinstance(m.name, str) and isinstance(m.dose, str | None) for m in record.medications)
            assert all(isinstance(a.severity, str | None) for a in record.allergies)


def test_multi_patient_bundle_routes_resources_and_rejects_orphans() -> None:
    other = {**PATIENT, "id": "p2", "name": [{"given": ["Ann"], "family": "Lee"}], "gender": "female"}
    cond = {
        "resourceType": "Condition",
        "id": "c2",
        "subject": {"reference": "http://server/fhir/Patient/p2"},
        "code": {"text": "Asthma"},
        "recordedDate": "2020-01-01",
    }
    first, second = import_bundle(_minimal([PATIENT, other, cond])).records
    assert first.cases == () and second.name == "Ann Lee" and second.cases[0].entries[0].text == "Asthma"
    orphan = {**cond, "subject": {"reference": "Patient/nobody"}}
    with pytest.raises(ImportRejected) as info:
        import_bundle(_minimal([PATIENT, other, orphan]))
    assert info.value.code == "fhir_unresolved_patient"
