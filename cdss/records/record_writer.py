"""Storing a whole new patient record in a handful of statements: the importers' fast path.

An import stores thousands of rows per patient (a Synthea bundle carries hundreds of labs and encounters). Adding
them as ORM objects one flush at a time cost ~20 ms a patient, most of it SQLAlchemy's unit of work rather than
SQLite. Here a record is first validated and turned into plain row values by the same functions the row-by-row code
uses (:mod:`cdss.records.rows`), in the same order (so the first error reported is the same one); then each
table gets one multi-row INSERT, with the ids SQLite itself would have picked (see :func:`_insert_returning_ids`), so
cases, labs and entries get the same ids, in the same order, as before.

Tag ids are cached per :class:`TagCache`: one cache per transaction (a rolled-back tag id must not be reused).
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from cdss.clock import utc_now
from cdss.records.models import (
    AllergyRow,
    CaseRow,
    CaseTagRow,
    EntryRow,
    FollowUpRow,
    LabResultRow,
    MedicationRow,
    PatientIdentifierRow,
    PatientRow,
    PatientTagRow,
    TagRow,
)
from cdss.records.record_values import (
    check_birth_date,
    check_sex,
    clean_name,
    clean_tags,
    pinyin_of,
)
from cdss.records.rows import (
    allergy_values,
    case_values,
    entry_values,
    identifier_values,
    lab_values,
    medication_values,
)
from cdss.records.types import Case, PatientRecord

Row = dict[str, Any]


class TagCache:
    """Tag name → id for one transaction, so a file of 500 patients tagged "CKD" looks the tag up once."""

    def __init__(self) -> None:
        self._ids: dict[str, int] = {}

    def ids(self, session: Session, names: list[str]) -> list[int]:
        missing = [name for name in names if name not in self._ids]
        if missing:
            self._ids.update(session.execute(select(TagRow.name, TagRow.id).where(TagRow.name.in_(missing))).all())
            new = [name for name in missing if name not in self._ids]
            if new:
                created = _insert_returning_ids(session, TagRow, [{"name": name} for name in new])
                self._ids.update(zip(new, created, strict=True))
        return [self._ids[name] for name in names]


class _CasePlan:
    """One case's rows, validated, waiting for the case id."""

    def __init__(self, row: Row, labs: list[tuple[Row, int | None]], entries: list[Row], follow_ups: list[Row],
                 tags: list[str]) -> None:
        self.row = row
        self.labs = labs  # (lab row, index of the entry it belongs to or None for a case lab), in insertion order
        self.entries = entries
        self.follow_ups = follow_ups
        self.tags = tags


def _plan_case(session: Session, patient_id: int, case: Case, stamp: dt.datetime) -> _CasePlan:
    row = case_values(patient_id, case, stamp)
    labs: list[tuple[Row, int | None]] = []
    entries: list[Row] = []
    for entry in case.entries:
        values, lab = entry_values(session, patient_id, None, entry, stamp)
        if lab is not None:
            labs.append((lab, len(entries)))
        entries.append(values)
    labs += [(lab_values(patient_id, None, lab), None) for lab in case.labs]
    follow_ups = [{"due": f.due, "note": f.note, "done": f.done} for f in case.follow_ups]
    return _CasePlan(row, labs, entries, follow_ups, clean_tags(case.tags))


def _insert(session: Session, model: type, rows: list[Row]) -> None:
    if rows:
        session.execute(insert(model.__table__), rows)


def _insert_returning_ids(session: Session, model: type, rows: list[Row]) -> list[int]:
    """Insert ``rows`` and return their ids, in order.

    The ids are the ones SQLite itself would pick for these rowid tables (max(id) + 1, + 2, ...: none of the records
    tables is AUTOINCREMENT), given explicitly so one executemany does the work. ``INSERT … RETURNING`` cannot: SQLite
    does not promise to return rows in parameter order, so SQLAlchemy falls back to one statement per row. The
    transaction already holds SQLite's write lock (the patient row went first), so no other writer can take an id
    in between.
    """
    if not rows:
        return []
    table = model.__table__
    first = (session.execute(select(func.max(table.c.id))).scalar() or 0) + 1
    ids = list(range(first, first + len(rows)))
    session.execute(insert(table), [{"id": row_id, **row} for row_id, row in zip(ids, rows, strict=True)])
    return ids


def write_new_patient(
    session: Session, record: PatientRecord, today: dt.date, tags: TagCache | None = None
) -> PatientRow:
    """Insert a whole record (demographics, identifiers, allergies, medications, cases, tags) and return its row.

    Behaves like inserting row by row (same validation, same order of checks, same ids) in about a tenth of the time.
    """
    tags = tags or TagCache()
    name = clean_name(record.name)
    check_birth_date(record.birth_date, today)
    pinyin, initials = pinyin_of(name)
    stamp = utc_now()
    patient = PatientRow(
        name=name,
        name_pinyin=pinyin,
        name_initials=initials,
        sex=check_sex(record.sex).value,
        birth_date=record.birth_date,
        phone=record.phone,
        address=record.address,
        email=record.email,
        notes=record.notes or "",
        source_ref=record.source_ref,
        extra_json=json.dumps(record.extra, ensure_ascii=False) if record.extra else None,
        created_at=stamp,
        updated_at=stamp,
    )
    session.add(patient)
    session.flush()
    pid = patient.id
    identifiers = identifier_values(session, pid, record.identifiers)
    allergies = [allergy_values(pid, allergy) for allergy in record.allergies]
    medications = [medication_values(pid, med) for med in record.medications]
    cases = [_plan_case(session, pid, case, stamp) for case in record.cases]
    loose_labs = [lab_values(pid, None, lab) for lab in record.labs]
    patient_tags = clean_tags(record.tags)

    _insert(session, PatientIdentifierRow, identifiers)
    _insert(session, AllergyRow, allergies)
    _insert(session, MedicationRow, medications)
    case_ids = _insert_returning_ids(session, CaseRow, [plan.row for plan in cases])
    labs: list[Row] = []
    for case_id, plan in zip(case_ids, cases, strict=True):
        for lab, _ in plan.labs:
            lab["case_id"] = case_id
        labs += [lab for lab, _ in plan.labs]
    lab_ids = iter(_insert_returning_ids(session, LabResultRow, labs + loose_labs))
    entries: list[Row] = []
    follow_ups: list[Row] = []
    case_tags: list[Row] = []
    for case_id, plan in zip(case_ids, cases, strict=True):
        for _, entry_index in plan.labs:
            lab_id = next(lab_ids)
            if entry_index is not None:
                plan.entries[entry_index]["lab_result_id"] = lab_id
        entries += [{**entry, "case_id": case_id} for entry in plan.entries]
        follow_ups += [{"case_id": case_id, **follow_up} for follow_up in plan.follow_ups]
        case_tags += [{"case_id": case_id, "tag_id": tag_id} for tag_id in tags.ids(session, plan.tags)]
    _insert(session, EntryRow, entries)
    _insert(session, FollowUpRow, follow_ups)
    _insert(session, CaseTagRow, case_tags)
    _insert(session, PatientTagRow, [{"patient_id": pid, "tag_id": t} for t in tags.ids(session, patient_tags)])
    return patient
