"""A received shared case saved into one's own records: origin marked, content kept, nothing invented, no copies."""

from __future__ import annotations

import datetime as dt
import json
import uuid

import pytest

from cdss.errors import UserError
from cdss.exchange.client.save_received import record_from_shared_case, save_received_case, saved_patient_id
from cdss.exchange.schemas import CaseOut
from cdss.records.service import RecordsService
from cdss.records.types import EntryKind, Sex
from cdss.workspace import Workspace

NOW = dt.datetime(2026, 2, 1, 10, 0)


def shared_case(body: str, **overrides) -> CaseOut:
    fields = dict(case_uuid=uuid.uuid4(), revision=2, author="dr-li", title="Hyperkalaemia on ACE inhibitor",
                  specialty="nephrology", tags=["ckd", "potassium"], summary="K 6.4 after ramipril.", body=body,
                  age_band="60-69", sex="male", status="published", hidden=False, hidden_reason=None,
                  comment_count=0, created_at=NOW, updated_at=NOW)
    fields.update(overrides)
    return CaseOut(**fields)


STRUCTURED = json.dumps({
    "format": "cdss-shared-case/1", "sex": "male", "birth_year": None, "age_group": None,
    "allergies": [{"substance": "penicillin", "reaction": "rash", "severity": "mild"}],
    "medications": [{"name": "ramipril", "dose": "5 mg qd", "route": "po", "start": "2025-01-03", "end": None,
                     "active": True}],
    "case": {"title": "Hyperkalaemia on ACE inhibitor", "opened_on": "2025-03-08", "closed_on": None, "tags": [],
             "entries": [
                 {"kind": "complaint", "occurred_at": "2025-03-08T09:00:00", "text": "Weakness for 2 days.",
                  "icd10": None, "lab": None},
                 {"kind": "attachment", "occurred_at": "2025-03-08T09:10:00", "text": "", "icd10": None, "lab": None},
                 {"kind": "diagnosis", "occurred_at": "2025-03-08T10:00:00", "text": "Hyperkalaemia",
                  "icd10": "E87.5", "lab": None}],
             "labs": [{"name": "Potassium", "taken_at": "2025-03-08T09:30:00", "value": 6.4, "value_text": "6.4",
                       "unit": "mmol/L", "ref_low": 3.5, "ref_high": 5.3, "loinc": "2823-3"}],
             "follow_ups": [{"due": "2025-03-15", "note": "Repeat K", "done": False}]},
    "dates_note": "shifted",
})


def test_structured_case_becomes_a_reference_patient_with_its_origin() -> None:
    case = shared_case(STRUCTURED)
    record = record_from_shared_case(case, server_url="https://ex.test", patient_name="Exchange case 1")
    assert record.name == "Exchange case 1" and record.sex is Sex.MALE and record.birth_date is None
    assert record.source_ref == f"exchange:{case.case_uuid}" and record.tags == ("exchange",)
    assert record.extra["exchange_author"] == "dr-li" and record.extra["exchange_server"] == "https://ex.test"
    assert "Age band: 60-69" in record.notes and "dates are shifted" in record.notes
    [clinical] = record.cases
    assert clinical.opened_on == dt.date(2025, 3, 8) and clinical.tags == ("nephrology", "ckd", "potassium")
    # The empty attachment entry is dropped (files are not shared); the others keep kind, time, text, code.
    assert [(e.kind, e.text, e.icd10) for e in clinical.entries] == [
        (EntryKind.COMPLAINT, "Weakness for 2 days.", None), (EntryKind.DIAGNOSIS, "Hyperkalaemia", "E87.5")]
    [lab] = clinical.labs
    assert (lab.name, lab.value, lab.unit, lab.ref_high, lab.loinc) == ("Potassium", 6.4, "mmol/L", 5.3, "2823-3")
    assert clinical.follow_ups[0].due == dt.date(2025, 3, 15)
    assert record.allergies[0].substance == "penicillin" and record.medications[0].start == dt.date(2025, 1, 3)


def test_free_text_case_is_kept_as_one_note() -> None:
    record = record_from_shared_case(shared_case("Plain text from another client."))
    [entry] = record.cases[0].entries
    assert entry.kind is EntryKind.NOTE and entry.text == "K 6.4 after ramipril.\n\nPlain text from another client."
    assert record.cases[0].opened_on == NOW.date() and record.name.startswith("Exchange ")


def test_save_once_then_refuse_a_copy(tmp_path) -> None:
    workspace = Workspace.open(tmp_path / "ws")
    case = shared_case(STRUCTURED)
    patient_id = save_received_case(workspace, case, server_url="https://ex.test")
    stored = RecordsService(workspace).patients.get(patient_id)
    assert stored.source_ref == f"exchange:{case.case_uuid}" and stored.cases[0].labs[0].value == 6.4
    assert saved_patient_id(workspace, str(case.case_uuid)) == patient_id
    with pytest.raises(UserError) as again:
        save_received_case(workspace, case)
    assert again.value.code == "exchange_case_already_saved" and again.value.params["patient_id"] == patient_id
    workspace.close()
