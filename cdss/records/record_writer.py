"""Storing a whole new patient record in a handful of statements: the importers' fast path.

An import stores thousands of rows per patient (a Synthea bundle carries hundreds of labs and encounters). Adding
them as ORM objects one flush at a time cost ~20 ms a patient, most of it SQLAlchemy's unit of work rather than
SQLite. Here a record is first validated and turned into plain row dicts in the same order the row-by-row code walked
it (so the first error reported is the same one), then each table gets one multi-row INSERT. Ids come back through
``RETURNING`` in parameter order, so cases, labs and entries get the same ids, in the same order, as before.

Tag ids are cached per :class:`TagCache`: one cache per transaction (a rolled-back tag id must not be reused).
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from cdss.errors import UserError
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
from cdss.records.service_rows import (
    attachment_row_for,
    check_allergy,
    check_birth_date,
    check_kind,
    check_lab,
    check_medication,
    check_sex,
    clean_icd10,
    clean_name,
    clean_tags,
    naive,
    now,
    pinyin_of,
)
from cdss.records.types import Case, Identifier, LabResult, PatientRecord

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


def _lab(patient_id: int, lab: LabResult) -> Row:
    check_lab(lab)
    return {
        "patient_id": patient_id,
        "case_id": None,
        "name": lab.name.strip(),
        "loinc": lab.loinc,
        "taken_at": naive(lab.taken_at),
        "value": lab.value,
        "value_text": lab.value_text,
        "unit": lab.unit,
        "ref_low": lab.ref_low,
        "ref_high": lab.ref_high,
    }


def _check_identifiers(session: Session, patient_id: int, identifiers: tuple[Identifier, ...]) -> list[Row]:
    """The identifier rows of a new patient, refused when incomplete or already someone's (or repeated here)."""
    cleaned = [(ident.system.strip(), ident.value.strip()) for ident in identifiers]
    values = [value for system, value in cleaned if system and value]
    owners: dict[tuple[str, str], int] = {}
    if values:
        for system, value, owner in session.execute(
            select(PatientIdentifierRow.system, PatientIdentifierRow.value, PatientIdentifierRow.patient_id).where(
                PatientIdentifierRow.value.in_(values)
            )
        ):
            owners[(system, value)] = owner
    rows: list[Row] = []
    for system, value in cleaned:
        if not system or not value:
            raise UserError("identifier_incomplete", "An identifier needs both a type and a value.")
        owner = owners.get((system, value))
        if owner is not None:
            raise UserError(
                "identifier_taken",
                f"Another patient already has the identifier {system} {value}.",
                system=system,
                value=value,
                patient_id=owner,
            )
        owners[(system, value)] = patient_id  # the same identifier twice in one record is refused like the old code
        rows.append({"patient_id": patient_id, "system": system, "value": value})
    return rows


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
    if not case.title or not case.title.strip():
        raise UserError("case_title_required", "A case needs a title (e.g. the main problem).")
    row = {
        "patient_id": patient_id,
        "title": case.title.strip(),
        "opened_on": case.opened_on,
        "closed_on": case.closed_on,
        "source_ref": case.source_ref,
        "created_at": stamp,
        "updated_at": stamp,
    }
    labs: list[tuple[Row, int | None]] = []
    entries: list[Row] = []
    for entry in case.entries:
        kind = check_kind(entry.kind)
        icd10 = clean_icd10(entry.icd10)
        attachment_id = caption = None
        if entry.attachment is not None:
            attachment_id = attachment_row_for(session, entry.attachment).id
            caption = entry.attachment.caption
        if entry.lab is not None:
            labs.append((_lab(patient_id, entry.lab), len(entries)))
        if not (entry.text or "").strip() and attachment_id is None and entry.lab is None:
            raise UserError("entry_empty", "A timeline entry needs some text, a file or a lab value.")
        entries.append({
            "kind": kind.value,
            "occurred_at": naive(entry.occurred_at),
            "text": entry.text or "",
            "icd10": icd10,
            "attachment_id": attachment_id,
            "caption": caption,
            "lab_result_id": None,
            "deleted_at": None,
            "created_at": stamp,
            "updated_at": stamp,
        })
    labs += [(_lab(patient_id, lab), None) for lab in case.labs]
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
    stamp = now()
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
    identifiers = _check_identifiers(session, pid, record.identifiers)
    allergies = []
    for allergy in record.allergies:
        check_allergy(allergy)
        allergies.append({"patient_id": pid, "substance": allergy.substance.strip(), "reaction": allergy.reaction,
                          "severity": allergy.severity, "verified": allergy.verified,
                          "recorded_on": allergy.recorded_on})
    medications = []
    for med in record.medications:
        check_medication(med)
        medications.append({"patient_id": pid, "name": med.name.strip(), "dose": med.dose, "route": med.route,
                            "start": med.start, "end": med.end, "active": med.active, "drug_id": med.drug_id,
                            "code": med.code, "code_system": med.code_system})
    cases = [_plan_case(session, pid, case, stamp) for case in record.cases]
    loose_labs = [_lab(pid, lab) for lab in record.labs]
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
        entries += [{"case_id": case_id, **entry} for entry in plan.entries]
        follow_ups += [{"case_id": case_id, **follow_up} for follow_up in plan.follow_ups]
        case_tags += [{"case_id": case_id, "tag_id": tag_id} for tag_id in tags.ids(session, plan.tags)]
    _insert(session, EntryRow, entries)
    _insert(session, FollowUpRow, follow_ups)
    _insert(session, CaseTagRow, case_tags)
    _insert(session, PatientTagRow, [{"patient_id": pid, "tag_id": t} for t in tags.ids(session, patient_tags)])
    return patient
