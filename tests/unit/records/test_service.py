"""RecordsService, patient level: create/update/delete, whole records, the list, and the audit trail."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import text

from cdss import audit
from cdss.errors import UserError
from cdss.records.changes import PatientChanges
from cdss.records.service import RecordsService
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
    age_on,
)

TODAY = dt.date(2025, 3, 15)


@pytest.fixture()
def service(workspace):
    return RecordsService(workspace, actor="dr-test", today=lambda: TODAY)


def _events(workspace, patient_id):
    with workspace.unit_of_work() as session:
        return audit.events_for(session, "patient", patient_id)


def _full_record(source_ref: str | None = "bundle-1#p1") -> PatientRecord:
    t0 = dt.datetime(2025, 1, 10, 9, 0)
    sha = "ab" * 32
    return PatientRecord(
        name="李四",
        sex=Sex.MALE,
        birth_date=dt.date(1950, 6, 1),
        identifiers=(Identifier("inpatient-no", "ZY0001"),),
        phone="123",
        address="北京市",
        email="l@example.org",
        allergies=(Allergy("青霉素", "皮疹", "moderate", True, dt.date(2020, 1, 1)),),
        medications=(Medication("华法林", "3 mg qd", "oral", dt.date(2025, 1, 10)),),
        cases=(
            Case(
                title="心房颤动",
                opened_on=dt.date(2025, 1, 10),
                entries=(
                    Entry(EntryKind.COMPLAINT, t0, "心悸3天"),
                    Entry(EntryKind.DIAGNOSIS, t0 + dt.timedelta(minutes=5), "心房颤动", "I48.9"),
                    Entry(
                        EntryKind.ATTACHMENT,
                        t0 + dt.timedelta(minutes=6),
                        attachment=Attachment(sha, "ecg.png", "image/png", 10, "心电图"),
                    ),
                    Entry(
                        EntryKind.TEST,
                        t0 + dt.timedelta(minutes=7),
                        "INR",
                        lab=LabResult("INR", t0, 1.2, loinc="6301-6"),
                    ),
                ),
                follow_ups=(FollowUp(dt.date(2025, 3, 1), "复查INR"),),
                labs=(LabResult("INR", dt.datetime(2025, 2, 1, 8), 2.4, unit="", loinc="6301-6"),),
                tags=("抗凝",),
                source_ref="enc-1",
            ),
        ),
        tags=("慢病",),
        notes="备注",
        source_ref=source_ref,
        extra={"k": "v"},
        labs=(LabResult("Potassium", dt.datetime(2025, 1, 5, 8), 4.2, unit="mmol/L"),),
    )


def test_create_and_get_patient(service, workspace):
    created = service.patients.create(
        "  张三 ",
        sex=Sex.MALE,
        birth_date=dt.date(1960, 5, 1),
        identifiers=[Identifier("mrn", "M1")],
        tags=["CKD", "CKD", " "],
    )
    assert created.name == "张三" and created.id is not None
    assert created.tags == ("CKD",)
    fetched = service.patients.get(created.id)
    assert fetched == created
    actions = [e.action for e in _events(workspace, created.id)]
    assert actions == ["read", "create"]
    assert all(e.actor == "dr-test" for e in _events(workspace, created.id))


def test_validation_errors_carry_codes(service):
    with pytest.raises(UserError) as info:
        service.patients.create("   ")
    assert info.value.code == "patient_name_required"
    with pytest.raises(UserError) as info:
        service.patients.create("X", birth_date=TODAY + dt.timedelta(days=1))
    assert info.value.code == "birth_date_in_future"
    service.patients.create("A", identifiers=[Identifier("mrn", "M1")])
    with pytest.raises(UserError) as info:
        service.patients.create("B", identifiers=[Identifier("mrn", "M1")])
    assert info.value.code == "identifier_taken"
    with pytest.raises(UserError) as info:
        service.patients.create("X", sex="robot")
    assert info.value.code == "sex_unknown"
    with pytest.raises(UserError) as info:
        service.patients.get(999)
    assert info.value.code == "patient_not_found"
    assert service.patients.count() == 1  # the failed creations left nothing behind


def test_update_patient(service, workspace):
    p = service.patients.create("张三")
    updated = service.patients.update(p.id, PatientChanges(name="王五", phone="555", tags=["糖尿病"], sex=Sex.MALE,
                                                           identifiers=[Identifier("mrn", "X9")]))
    assert (updated.name, updated.phone, updated.tags, updated.sex) == ("王五", "555", ("糖尿病",), Sex.MALE)
    assert updated.identifiers == (Identifier("mrn", "X9"),)
    assert [s.id for s in service.patients.page(search="ww")] == [p.id]  # pinyin initials follow the new name
    assert service.patients.page(search="zs") == []
    with pytest.raises(TypeError):
        service.patients.update(p.id, PatientChanges(id=5))
    assert _events(workspace, p.id)[0].action == "update"


def test_delete_patient_cascades(service, workspace):
    pid = service.patients.save_record(_full_record())
    service.patients.delete(pid)
    with workspace.unit_of_work() as session:
        for table in (
            "patient",
            "clinical_case",
            "entry",
            "lab_result",
            "allergy",
            "medication",
            "follow_up",
            "patient_tag",
            "case_tag",
            "patient_identifier",
        ):
            assert session.execute(text(f"SELECT count(*) FROM {table}")).scalar() == 0, table
        assert session.execute(text("SELECT count(*) FROM patient_fts")).scalar() == 0
        assert session.execute(text("SELECT count(*) FROM attachment")).scalar() == 1  # shared files stay
    assert _events(workspace, pid)[0].action == "delete"
    with pytest.raises(UserError):
        service.patients.delete(pid)


def test_whole_record_round_trip(service):
    record = _full_record()
    pid = service.patients.save_record(record)
    stored = service.patients.get(pid)
    assert stored.name == record.name and stored.birth_date == record.birth_date
    assert stored.identifiers == record.identifiers and stored.tags == record.tags
    assert stored.extra == {"k": "v"} and stored.source_ref == "bundle-1#p1"
    assert [a.substance for a in stored.allergies] == ["青霉素"]
    assert [m.name for m in stored.medications] == ["华法林"]
    assert [lab.name for lab in stored.labs] == ["Potassium"]
    (case,) = stored.cases
    assert case.tags == ("抗凝",) and case.source_ref == "enc-1"
    assert [e.kind for e in case.entries] == [
        EntryKind.COMPLAINT,
        EntryKind.DIAGNOSIS,
        EntryKind.ATTACHMENT,
        EntryKind.TEST,
    ]
    assert case.entries[1].icd10 == "I48.9"
    assert case.entries[2].attachment.caption == "心电图" and case.entries[2].attachment.sha256 == "ab" * 32
    assert case.entries[3].lab.value == 1.2
    assert [lab.value for lab in case.labs] == [2.4]  # the timeline lab is not repeated in the case's lab list
    assert case.follow_ups[0].note == "复查INR"


def test_save_records_is_all_or_nothing(service):
    bad = PatientRecord(
        name="坏",
        cases=(
            Case(
                "c",
                dt.date(2025, 1, 1),
                entries=(Entry(EntryKind.DIAGNOSIS, dt.datetime(2025, 1, 1), "x", icd10="not-a-code"),),
            ),
        ),
    )
    with pytest.raises(UserError) as info:
        service.patients.save_records([_full_record(), bad])
    assert info.value.code == "icd10_invalid"
    assert service.patients.count() == 0
    assert service.patients.count("李四") == 0  # the index rolled back with the data


def test_cancelled_import_stores_nothing(service):
    from cdss.errors import Cancelled
    from cdss.progress import Progress

    progress = Progress(lambda done, total, label: progress.cancel() if done == 2 else None)
    records = [PatientRecord(name=f"P{i}") for i in range(4)]
    with pytest.raises(Cancelled):
        service.patients.save_records(records, progress=progress)
    assert service.patients.count() == 0


def test_dates_where_datetimes_belong_become_midnight(service):
    pid = service.patients.create("d").id
    lab = service.labs.add(pid, LabResult("K", dt.date(2025, 1, 2), 4.0))  # type: ignore[arg-type]
    assert lab.taken_at == dt.datetime(2025, 1, 2, 0, 0)


def test_save_records_skips_duplicates_with_reasons(service, workspace):
    first = service.patients.save_records([_full_record()])
    assert len(first.added) == 1 and first.skipped == ()
    again = service.patients.save_records(
        [
            _full_record(),
            PatientRecord(name="Other", identifiers=(Identifier("inpatient-no", "ZY0001"),)),
            PatientRecord(name="New one"),
        ]
    )
    assert [s.code for s in again.skipped] == ["already_imported", "identifier_taken"]
    # The same source id for a different person (another system's "p1") is not a re-import.
    other = service.patients.save_records([PatientRecord(name="Someone Else", source_ref="bundle-1#p1")])
    assert len(other.added) == 1
    assert len(again.added) == 1
    assert service.patients.count() == 3
    assert _events(workspace, again.added[0])[0].action == "import"
    with pytest.raises(UserError) as info:
        service.patients.save_record(_full_record())
    assert info.value.code == "already_imported"


def test_list_patients_summaries_and_paging(service):
    ids = [service.patients.create(f"Patient {i}", birth_date=dt.date(1990, 3, 16)).id for i in range(5)]
    pid = service.patients.save_record(_full_record())
    first = service.patients.page(0, 3)
    assert [s.id for s in first] == [pid, ids[4], ids[3]]  # most recently changed first
    assert [s.id for s in service.patients.page(3, 3)] == [ids[2], ids[1], ids[0]]
    assert service.patients.count() == 6
    summary = first[0]
    assert summary.name == "李四" and summary.sex is Sex.MALE and summary.age == 74
    assert summary.latest_diagnosis == "心房颤动 (I48.9)"
    assert summary.tags == ("慢病",) and summary.follow_ups_due == 1 and len(summary.case_ids) == 1
    assert first[1].age == 34  # birthday tomorrow
    assert service.patients.page(0, 50, search="李四")[0].id == pid


def test_age_on_birthday_boundaries():
    assert age_on(dt.date(2000, 3, 15), dt.date(2025, 3, 15)) == 25
    assert age_on(dt.date(2000, 3, 16), dt.date(2025, 3, 15)) == 24
    assert age_on(None, TODAY) is None


def test_aware_datetimes_are_stored_as_local_time(service):
    pid = service.patients.create("tz").id
    case = service.cases.create(pid, "c", dt.date(2025, 1, 1))
    aware = dt.datetime(2025, 1, 1, 12, 0, tzinfo=dt.UTC)
    entry = service.cases.add_entry(case.id, EntryKind.NOTE, "x", occurred_at=aware)
    assert entry.occurred_at.tzinfo is None
    assert entry.occurred_at == aware.astimezone().replace(tzinfo=None)
