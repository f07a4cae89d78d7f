"""The importers' fast path: whole records stored with one INSERT per table, same ids and checks as row by row."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select, text

from cdss.errors import UserError
from cdss.records import search
from cdss.records.models import CaseRow, EntryRow, LabResultRow, TagRow
from cdss.records.record_writer import TagCache, write_new_patient
from cdss.records.service import RecordsService
from cdss.records.types import Case, Entry, EntryKind, Identifier, LabResult, PatientRecord

TODAY = dt.date(2025, 3, 15)
T0 = dt.datetime(2025, 1, 10, 9, 0)


def _record(name: str, ident: str, tags: tuple[str, ...] = ("CKD",)) -> PatientRecord:
    def case(title: str, day: int) -> Case:
        at = T0 + dt.timedelta(days=day)
        return Case(
            title=title,
            opened_on=at.date(),
            entries=(
                Entry(EntryKind.COMPLAINT, at, f"{title} complaint"),
                Entry(EntryKind.TEST, at, "creatinine", lab=LabResult("Creatinine", at, 90 + day, unit="umol/L")),
                Entry(EntryKind.DIAGNOSIS, at, "Gout", "m10.9"),
            ),
            labs=(LabResult("Urate", at, 400 + day, unit="umol/L"),),
            tags=("肾内科", *tags),
        )

    return PatientRecord(
        name=name,
        identifiers=(Identifier("mrn", ident),),
        cases=(case("First", 0), case("Second", 5)),
        labs=(LabResult("HbA1c", T0, 7.1, unit="%"),),
        tags=tags,
    )


def test_ids_follow_the_record_order_and_entry_labs_link_to_their_own_rows(workspace):
    with workspace.unit_of_work() as session:
        row = write_new_patient(session, _record("Ann Lee", "M1"), TODAY)
        cases = session.scalars(select(CaseRow).order_by(CaseRow.id)).all()
        assert [c.title for c in cases] == ["First", "Second"]
        assert [c.id for c in cases] == [1, 2]
        # Labs in the order the record is walked: a case's entry labs, then its case labs; loose labs last.
        labs = session.execute(select(LabResultRow.id, LabResultRow.name, LabResultRow.case_id)).all()
        assert labs == [
            (1, "Creatinine", 1), (2, "Urate", 1), (3, "Creatinine", 2), (4, "Urate", 2), (5, "HbA1c", None)
        ]
        linked = session.execute(
            select(EntryRow.case_id, EntryRow.lab_result_id).where(EntryRow.lab_result_id.is_not(None))
        ).all()
        assert linked == [(1, 1), (2, 3)]
        assert session.scalars(select(EntryRow.icd10).where(EntryRow.kind == "diagnosis")).all() == ["M10.9", "M10.9"]
        assert row.id == 1


def test_new_ids_continue_after_deleted_rows_like_sqlite_would(workspace):
    service = RecordsService(workspace, today=lambda: TODAY)
    first = service.patients.save_record(_record("Ann Lee", "M1"))
    second = service.patients.save_record(_record("Bob Hall", "M2"))
    service.patients.delete(second)
    third = service.patients.save_record(_record("Cy Moss", "M3"))
    record = service.patients.get(third)
    assert [c.title for c in record.cases] == ["First", "Second"]
    assert [e.lab.value for c in record.cases for e in c.entries if e.lab] == [90, 95]
    assert service.patients.get(first).cases[0].entries[1].lab.name == "Creatinine"


def test_tag_cache_creates_each_tag_once_per_transaction(workspace):
    cache = TagCache()
    with workspace.unit_of_work() as session:
        write_new_patient(session, _record("Ann Lee", "M1"), TODAY, cache)
        write_new_patient(session, _record("Bob Hall", "M2", tags=("CKD", "Gout")), TODAY, cache)
        assert sorted(session.scalars(select(TagRow.name))) == ["CKD", "Gout", "肾内科"]
        case_tags = session.execute(text("SELECT count(*) FROM case_tag")).scalar_one()
        assert case_tags == 2 * 2 + 2 * 3  # Ann's cases: 肾内科+CKD; Bob's: 肾内科+CKD+Gout


def test_an_identifier_repeated_within_one_record_is_refused(workspace):
    record = _record("Ann Lee", "M1")
    record = PatientRecord(name=record.name, identifiers=(Identifier("mrn", "M1"), Identifier("mrn", "M1")))
    with pytest.raises(UserError) as caught, workspace.unit_of_work() as session:
        write_new_patient(session, record, TODAY)
    assert caught.value.code == "identifier_taken"


def test_an_invalid_entry_in_a_later_case_stores_nothing(workspace):
    bad = _record("Ann Lee", "M1")
    bad_case = Case(title="Third", opened_on=TODAY, entries=(Entry(EntryKind.NOTE, T0, "   "),))
    bad = PatientRecord(name=bad.name, identifiers=bad.identifiers, cases=(*bad.cases, bad_case))
    with pytest.raises(UserError) as caught:
        RecordsService(workspace, today=lambda: TODAY).patients.save_records([_record("Bob Hall", "M2"), bad])
    assert caught.value.code == "entry_empty"
    with workspace.unit_of_work() as session:
        assert session.execute(text("SELECT count(*) FROM patient")).scalar_one() == 0
        assert session.execute(text("SELECT count(*) FROM lab_result")).scalar_one() == 0


def test_batched_search_documents_match_one_patient_at_a_time(workspace):
    service = RecordsService(workspace, today=lambda: TODAY)
    ids = service.patients.save_records([_record("张三", "M1"), _record("Bob Hall", "M2", tags=("Gout",))]).added
    with workspace.unit_of_work() as session:
        batched = search._documents(session, list(ids))
        for patient_id in ids:
            assert search._documents(session, [patient_id])[patient_id] == batched[patient_id]
        assert "gout" in batched[ids[1]][3] and "m10.9" in batched[ids[0]][2]
    assert service.patients.page(search="zs")[0].id == ids[0]
    assert [p.id for p in service.patients.page(search="complaint")] == sorted(ids, reverse=True)
