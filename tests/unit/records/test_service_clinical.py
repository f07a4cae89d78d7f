"""RecordsService, inside a record: cases, entries with soft delete and undo, allergies, medications, labs,
follow-ups, tags and drafts — each change audited and reflected in search."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import text

from cdss import audit
from cdss.errors import UserError
from cdss.records.changes import (
    AllergyChanges,
    CaseChanges,
    EntryChanges,
    FollowUpChanges,
    MedicationChanges,
    PatientChanges,
)
from cdss.records.service import RecordsService
from cdss.records.types import Allergy, Entry, EntryKind, LabResult, Medication

TODAY = dt.date(2025, 3, 15)


@pytest.fixture()
def service(workspace):
    return RecordsService(workspace, actor="dr-test", today=lambda: TODAY)


@pytest.fixture()
def case(service):
    patient = service.patients.create("王五")
    return service.cases.create(patient.id, "肺炎", dt.date(2025, 3, 1), tags=["呼吸"])


def _patient_of(service, case):
    return service.patients.page()[0].id


def _audit_details(workspace, patient_id):
    with workspace.unit_of_work() as session:
        return [e.detail for e in audit.events_for(session, "patient", patient_id)]


def test_cases_create_update_delete(service, case, workspace):
    pid = _patient_of(service, case)
    assert case.tags == ("呼吸",) and case.opened_on == dt.date(2025, 3, 1)
    closed = service.cases.update(case.id, CaseChanges(title="社区获得性肺炎", closed_on=dt.date(2025, 3, 10),
                                                       tags=["感染"]))
    assert (closed.title, closed.closed_on, closed.tags) == ("社区获得性肺炎", dt.date(2025, 3, 10), ("感染",))
    assert service.cases.update(case.id, CaseChanges(closed_on=None)).closed_on is None
    assert service.cases.get(case.id).title == "社区获得性肺炎"
    assert service.patients.count("感染") == 1 and service.patients.count("呼吸") == 0
    with pytest.raises(UserError) as info:
        service.cases.update(case.id, CaseChanges(title=" "))
    assert info.value.code == "case_title_required"
    service.cases.delete(case.id)
    assert service.patients.get(pid).cases == ()
    with pytest.raises(UserError) as info:
        service.cases.get(case.id)
    assert info.value.code == "case_not_found"
    assert f"case {case.id} deleted" in _audit_details(workspace, pid)


def test_entries_add_update_soft_delete_and_undo(service, case, workspace):
    pid = _patient_of(service, case)
    entry = service.cases.add_entry(
        case.id, "diagnosis", "社区获得性肺炎", icd10="j18.9", occurred_at=dt.datetime(2025, 3, 1, 10)
    )
    assert entry.kind is EntryKind.DIAGNOSIS and entry.icd10 == "J18.9"
    edited = service.cases.update_entry(entry.id, EntryChanges(text="重症肺炎", icd10="J18.9"))
    assert edited.text == "重症肺炎"
    assert service.patients.count("重症") == 1

    service.cases.delete_entry(entry.id)
    assert service.cases.get(case.id).entries == ()
    assert service.patients.count("重症") == 0  # a deleted entry leaves search at once
    assert service.patients.page()[0].latest_diagnosis is None
    with pytest.raises(UserError) as info:
        service.cases.update_entry(entry.id, EntryChanges(text="x"))
    assert info.value.code == "entry_deleted"

    restored = service.cases.restore_entry(entry.id)
    assert restored == edited
    assert service.patients.count("重症") == 1
    assert service.patients.page()[0].latest_diagnosis == "重症肺炎 (J18.9)"
    details = _audit_details(workspace, pid)
    assert f"entry {entry.id} deleted" in details and f"entry {entry.id} restored" in details


def test_add_entry_accepts_an_entry_value(service, case):
    value = Entry(EntryKind.EXAM, dt.datetime(2025, 3, 2, 8, 30), "双肺湿啰音")
    added = service.cases.add_entry(case.id, value)
    assert added.id is not None
    assert (added.kind, added.occurred_at, added.text) == (value.kind, value.occurred_at, value.text)
    assert service.cases.get(case.id).entries == (added,)


def test_entry_validation(service, case):
    with pytest.raises(UserError) as info:
        service.cases.add_entry(case.id, "diagnosis", "x", icd10="pneumonia")
    assert info.value.code == "icd10_invalid"
    with pytest.raises(UserError) as info:
        service.cases.add_entry(case.id, "gossip", "x")
    assert info.value.code == "entry_kind_unknown"
    with pytest.raises(UserError) as info:
        service.cases.add_entry(case.id, EntryKind.NOTE, "   ")
    assert info.value.code == "entry_empty"
    with pytest.raises(UserError) as info:
        service.cases.add_entry(12345, EntryKind.NOTE, "x")
    assert info.value.code == "case_not_found"


def test_purge_removes_only_old_deleted_entries(service, case, workspace):
    keep = service.cases.add_entry(case.id, EntryKind.NOTE, "keep")
    gone = service.cases.add_entry(case.id, EntryKind.NOTE, "gone")
    service.cases.delete_entry(gone.id)
    assert service.cases.purge_deleted_entries(older_than=dt.timedelta(days=30)) == 0
    with workspace.unit_of_work() as session:
        session.execute(text("UPDATE entry SET deleted_at = '2000-01-01 00:00:00' WHERE id = :id"), {"id": gone.id})
    assert service.cases.purge_deleted_entries(older_than=dt.timedelta(days=30)) == 1
    assert [e.id for e in service.cases.get(case.id).entries] == [keep.id]


def test_allergies_crud(service, case):
    pid = _patient_of(service, case)
    allergy = service.allergies.add(pid, Allergy("penicillin", "urticaria", "moderate"))
    assert service.allergies.for_patient(pid) == [allergy]
    updated = service.allergies.update(allergy.id, AllergyChanges(reaction="anaphylaxis", severity="severe",
                                                                  verified=True))
    assert (updated.reaction, updated.severity, updated.verified) == ("anaphylaxis", "severe", True)
    assert service.patients.count("anaphylaxis") == 1
    with pytest.raises(UserError) as info:
        service.allergies.add(pid, Allergy(" "))
    assert info.value.code == "allergy_substance_required"
    with pytest.raises(UserError) as info:
        service.allergies.add(pid, Allergy("latex", severity="deadly"))
    assert info.value.code == "allergy_severity_invalid"
    service.allergies.delete(allergy.id)
    assert service.allergies.for_patient(pid) == []


def test_medications_crud(service, case):
    pid = _patient_of(service, case)
    med = service.medications.add(pid, Medication("metformin", "500 mg bid", "oral", dt.date(2025, 1, 1)))
    stopped = service.medications.update(med.id, MedicationChanges(end=dt.date(2025, 2, 1), active=False))
    assert stopped.active is False and stopped.end == dt.date(2025, 2, 1)
    other = service.medications.add(pid, Medication("warfarin", "3 mg qd"))
    assert [m.name for m in service.medications.for_patient(pid)] == ["metformin", "warfarin"]
    assert [m.id for m in service.medications.for_patient(pid, active_only=True)] == [other.id]
    with pytest.raises(UserError) as info:
        service.medications.add(pid, Medication("x", start=dt.date(2025, 2, 1), end=dt.date(2025, 1, 1)))
    assert info.value.code == "medication_dates_reversed"
    service.medications.delete(med.id)
    assert [m.id for m in service.medications.for_patient(pid)] == [other.id]


def test_labs_trend_and_filters(service, case):
    pid = _patient_of(service, case)
    for day, value in ((3, 161.0), (1, 128.0), (2, 142.0)):
        service.labs.add(
            pid,
            LabResult("Serum creatinine", dt.datetime(2025, day, 1, 8), value, unit="µmol/L", loinc="14682-9"),
            case_id=case.id,
        )
    service.labs.add(pid, LabResult("Potassium", dt.datetime(2025, 1, 1, 8), 4.6, unit="mmol/L", loinc="2823-3"))
    assert [lab.value for lab in service.labs.for_patient(pid, name="Serum creatinine")] == [128.0, 142.0, 161.0]
    assert [lab.value for lab in service.labs.for_patient(pid, loinc="2823-3")] == [4.6]
    assert len(service.labs.for_patient(pid)) == 4
    assert len(service.cases.get(case.id).labs) == 3
    with pytest.raises(UserError) as info:
        service.labs.add(pid, LabResult("K", dt.datetime(2025, 1, 1)))
    assert info.value.code == "lab_value_required"
    other = service.patients.create("other")
    with pytest.raises(UserError) as info:
        service.labs.add(other.id, LabResult("K", dt.datetime(2025, 1, 1), 4.0), case_id=case.id)
    assert info.value.code == "case_of_other_patient"
    service.labs.delete(service.labs.for_patient(pid, loinc="2823-3")[0].id)
    assert len(service.labs.for_patient(pid)) == 3


def test_due_follow_ups(service, case):
    overdue = service.follow_ups.add(case.id, TODAY - dt.timedelta(days=3), "复查胸片")
    today = service.follow_ups.add(case.id, TODAY, "电话随访")
    service.follow_ups.add(case.id, TODAY + dt.timedelta(days=1), "明天")
    done = service.follow_ups.add(case.id, TODAY - dt.timedelta(days=10), "已完成")
    service.follow_ups.update(done.id, FollowUpChanges(done=True))
    due = service.follow_ups.due()
    assert [(d.follow_up.id, d.days_overdue) for d in due] == [(overdue.id, 3), (today.id, 0)]
    assert due[0].patient_name == "王五" and due[0].case_title == "肺炎"
    assert service.patients.page()[0].follow_ups_due == 2
    service.follow_ups.update(overdue.id, FollowUpChanges(done=True))
    service.follow_ups.delete(today.id)
    assert service.follow_ups.due() == []
    assert service.follow_ups.update(overdue.id, FollowUpChanges(done=False)).done is False
    assert len(service.follow_ups.due(today=TODAY + dt.timedelta(days=1))) == 2


def test_tags(service, case):
    pid = _patient_of(service, case)
    assert service.patients.update(pid, PatientChanges(tags=["CKD", "随访", "CKD"])).tags == ("CKD", "随访")
    assert service.cases.update(case.id, CaseChanges(tags=["感染"])).tags == ("感染",)
    assert service.patients.all_tags() == ["CKD", "呼吸", "感染", "随访"]
    assert service.patients.count("随访") == 1
    assert service.patients.page()[0].tags == ("CKD", "随访")


def test_drafts(service):
    assert service.drafts.load("entry:new:1") is None
    service.drafts.save("entry:new:1", "患者诉")
    service.drafts.save("entry:new:1", "患者诉头痛")
    assert service.drafts.load("entry:new:1") == "患者诉头痛"
    service.drafts.clear("entry:new:1")
    assert service.drafts.load("entry:new:1") is None
    with pytest.raises(UserError) as info:
        service.drafts.save("", "x")
    assert info.value.code == "draft_key_invalid"


def test_reads_are_audited(service, case, workspace):
    pid = _patient_of(service, case)
    service.allergies.for_patient(pid)
    service.medications.for_patient(pid)
    service.labs.for_patient(pid)
    with workspace.unit_of_work() as session:
        reads = [e.detail for e in audit.events_for(session, "patient", pid) if e.action == "read"]
    assert reads[:3] == ["labs", "medications", "allergies"]
