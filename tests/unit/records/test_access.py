"""The records as other packages reach them (cdss.records.access): checks that refuse another patient's case or an
unknown id, writes validated like the records services' own, and one call that bumps, reindexes and audits."""

from __future__ import annotations

import datetime as dt

import pytest

from cdss import audit
from cdss.errors import UserError
from cdss.records import access
from cdss.records.service import RecordsService
from cdss.records.types import Entry, EntryKind, Medication


@pytest.fixture()
def two_patients(workspace):
    service = RecordsService(workspace)
    first, second = service.patients.create("王五"), service.patients.create("赵六")
    return service, first, service.cases.create(first.id, "Cough"), service.cases.create(second.id, "Rash")


def test_reads_give_plain_references_and_refuse_another_patients_case(workspace, two_patients) -> None:
    _service, first, cough, rash = two_patients
    with workspace.unit_of_work() as session:
        ref = access.case_ref(session, cough.id)
        assert (ref.patient_id, ref.title, ref.patient_name) == (first.id, "Cough", "王五")
        assert access.case_ref(session, 999_999) is None
        assert access.require_case_of(session, cough.id, first.id) == ref
        with pytest.raises(UserError) as other:
            access.require_case_of(session, rash.id, first.id)
        assert other.value.code == "case_not_found"
        with pytest.raises(UserError) as unknown:
            access.require_patient(session, 999_999)
        assert unknown.value.code == "patient_not_found"


def test_writes_are_validated_and_one_change_is_indexed_and_audited(workspace, two_patients) -> None:
    service, first, cough, _rash = two_patients
    with workspace.unit_of_work() as session:
        with pytest.raises(UserError):
            access.add_medication(session, 999_999, Medication("amoxicillin"))
        with pytest.raises(UserError):  # the same validation as the records service's own entries
            access.add_entry(session, first.id, cough.id, Entry(EntryKind.DIAGNOSIS, dt.datetime(2024, 5, 1),
                                                                   "bad code", icd10="not a code"))
    with workspace.unit_of_work() as session:
        medication = access.add_medication(session, first.id, Medication("clarithromycin", "500 mg"))
        entry_id = access.add_entry(session, first.id, cough.id,
                                    Entry(EntryKind.MEDICATION, dt.datetime(2024, 5, 1, 9), "Started clarithromycin"))
        follow_up_id = access.add_follow_up(session, cough.id, dt.date(2024, 5, 8), "Review cough")
        access.record_changed(session, first.id, "clarithromycin prescribed", "dr-test")
    record = service.patients.get(first.id)
    assert [m.name for m in record.medications] == ["clarithromycin"] and medication.id is not None
    assert [e.id for e in record.cases[0].entries] == [entry_id]
    assert [f.id for f in record.cases[0].follow_ups] == [follow_up_id]
    assert service.patients.count("clarithromycin") == 1  # the search document was rebuilt
    with workspace.unit_of_work() as session:
        details = [e.detail for e in audit.events_for(session, "patient", first.id)]
    assert "clarithromycin prescribed" in details

    with workspace.unit_of_work() as session:
        stopped = access.set_medication_active(session, medication.id, False, dt.date(2024, 5, 3))
        access.hide_entry(session, entry_id)
        assert access.entry_ref(session, entry_id).deleted and access.deleted_entry_ids(session, [entry_id]) == {
            entry_id}
    assert (stopped.active, stopped.end) == (False, dt.date(2024, 5, 3))
    assert service.patients.get(first.id).cases[0].entries == ()
