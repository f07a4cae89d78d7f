"""Patients: create, change, delete and read a patient's record; store imported records; page and count the list.

A patient's demographics, identifiers and tags are changed here; what was recorded about them lives in the other
aggregates (:mod:`cdss.records.cases`, :mod:`cdss.records.clinical_lists`).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from cdss import audit
from cdss.errors import UserError
from cdss.progress import Progress
from cdss.records import search as search_module
from cdss.records.changes import PatientChanges
from cdss.records.models import (
    AllergyRow,
    CaseRow,
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
    pinyin_of,
)
from cdss.records.record_writer import TagCache, write_new_patient
from cdss.records.rows import (
    set_identifiers,
    set_patient_tags,
    to_allergy,
    to_case,
    to_lab,
    to_medication,
    touch,
)
from cdss.records.service_base import ServiceBase
from cdss.records.types import Identifier, PatientRecord, Sex, age_on


@dataclass(frozen=True)
class PatientSummary:
    """One row of the patient list: light enough to fetch 50 at a time while scrolling 10,000 patients."""

    id: int
    name: str
    sex: Sex
    age: int | None
    latest_diagnosis: str | None
    tags: tuple[str, ...]
    follow_ups_due: int
    birth_date: dt.date | None = None
    case_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class SkippedRecord:
    name: str
    source_ref: str | None
    code: str  # "already_imported" | "identifier_taken"
    reason: str


@dataclass(frozen=True)
class SaveOutcome:
    added: tuple[int, ...]
    skipped: tuple[SkippedRecord, ...]


class PatientsService(ServiceBase):
    def create(
        self,
        name: str,
        *,
        sex: Sex = Sex.UNKNOWN,
        birth_date: dt.date | None = None,
        phone: str | None = None,
        address: str | None = None,
        email: str | None = None,
        notes: str = "",
        identifiers: Sequence[Identifier] = (),
        tags: Sequence[str] = (),
    ) -> PatientRecord:
        record = PatientRecord(
            name=name,
            sex=sex,
            birth_date=birth_date,
            identifiers=tuple(identifiers),
            phone=phone,
            address=address,
            email=email,
            notes=notes,
            tags=tuple(tags),
        )
        with self._workspace.unit_of_work() as session:
            row = write_new_patient(session, record, self._today())
            touch(session, row.id, "create", None, self._actor)
            return self._record(session, row)

    def update(self, patient_id: int, changes: PatientChanges) -> PatientRecord:
        """Change demographics, identifiers or tags: ``update(7, PatientChanges(phone="…", tags=["CKD"]))``."""
        changed = changes.changed()
        with self._workspace.unit_of_work() as session:
            row = self._patient_row(session, patient_id)
            if "name" in changed:
                row.name = clean_name(changed["name"])
                row.name_pinyin, row.name_initials = pinyin_of(row.name)
            if "sex" in changed:
                row.sex = check_sex(changed["sex"]).value
            if "birth_date" in changed:
                check_birth_date(changed["birth_date"], self._today())
                row.birth_date = changed["birth_date"]
            for field in ("phone", "address", "email"):
                if field in changed:
                    setattr(row, field, changed[field])
            if "notes" in changed:
                row.notes = changed["notes"] or ""
            if "identifiers" in changed:
                set_identifiers(session, patient_id, tuple(changed["identifiers"]))
            if "tags" in changed:
                set_patient_tags(session, patient_id, list(changed["tags"]))
            touch(session, patient_id, "update", "fields: " + ",".join(sorted(changed)), self._actor)
            return self._record(session, row)

    def delete(self, patient_id: int) -> None:
        """Delete the patient and everything recorded about them (stored files stay: they may be shared)."""
        with self._workspace.unit_of_work() as session:
            session.delete(self._patient_row(session, patient_id))
            session.flush()
            touch(session, patient_id, "delete", None, self._actor)

    def get(self, patient_id: int) -> PatientRecord:
        with self._workspace.unit_of_work() as session:
            row = self._patient_row(session, patient_id)
            audit.record(session, "read", "patient", patient_id, None, actor=self._actor)
            return self._record(session, row)

    # -- whole records (importers) --------------------------------------------------------------------------------
    def save_record(self, record: PatientRecord) -> int:
        """Store one whole record, all or nothing; returns the new patient id."""
        outcome = self.save_records([record], skip_duplicates=False)
        return outcome.added[0]

    def save_records(
        self, records: Sequence[PatientRecord], *, skip_duplicates: bool = True, progress: Progress | None = None
    ) -> SaveOutcome:
        """Store a whole file's records in one transaction: any invalid record rolls back all of them.

        A record already imported (same ``source_ref``) or whose identifier belongs to a stored patient is skipped
        with its reason when ``skip_duplicates`` is true, and refused otherwise.
        """
        added: list[int] = []
        skipped: list[SkippedRecord] = []
        tags = TagCache()  # one per transaction: a rolled-back tag id must not outlive it
        with self._workspace.unit_of_work() as session:
            for done, record in enumerate(records, 1):
                duplicate = self._duplicate_of(session, record)
                if duplicate is not None:
                    if not skip_duplicates:
                        raise UserError(duplicate.code, duplicate.reason, name=record.name)
                    skipped.append(duplicate)
                    continue
                row = write_new_patient(session, record, self._today(), tags)
                # What touch() does, with the search documents built once for the whole file below (a query per
                # table rather than per patient); updated_at is already the time of this write.
                audit.record(session, "import", "patient", row.id, record.source_ref, actor=self._actor)
                added.append(row.id)
                if progress is not None:
                    progress.update(done, len(records), record.name)
            search_module.reindex_patients(session, added)
        return SaveOutcome(tuple(added), tuple(skipped))

    # -- the patient list -----------------------------------------------------------------------------------------
    def page(self, offset: int = 0, limit: int = 50, search: str | None = None) -> list[PatientSummary]:
        """A page of the patient list: most recently changed first, or best match first when searching."""
        with self._workspace.unit_of_work() as session:
            if search and search.strip():
                ids = search_module.search_patient_ids(session, search, offset, limit)
            else:
                ids = list(
                    session.scalars(
                        select(PatientRow.id)
                        .order_by(PatientRow.updated_at.desc(), PatientRow.id.desc())
                        .offset(offset)
                        .limit(limit)
                    )
                )
            return self._summaries(session, ids)

    def count(self, search: str | None = None) -> int:
        with self._workspace.unit_of_work() as session:
            if search and search.strip():
                return search_module.count_matches(session, search)
            return session.scalar(select(func.count()).select_from(PatientRow)) or 0

    def rebuild_search_index(self, progress: Progress | None = None) -> int:
        with self._workspace.unit_of_work() as session:
            return search_module.rebuild_index(session, progress)

    def all_tags(self) -> list[str]:
        """Every tag in the workspace (patients' and cases' share one vocabulary), for completion."""
        with self._workspace.unit_of_work() as session:
            return list(session.scalars(select(TagRow.name).order_by(TagRow.name)))

    # -- helpers --------------------------------------------------------------------------------------------------
    def _summaries(self, session: Session, ids: list[int]) -> list[PatientSummary]:
        if not ids:
            return []
        today = self._today()
        rows = {r.id: r for r in session.scalars(select(PatientRow).where(PatientRow.id.in_(ids)))}
        diagnosis: dict[int, tuple[dt.datetime, int, str]] = {}
        case_ids: dict[int, list[int]] = {}
        for patient_id, case_id in session.execute(
            select(CaseRow.patient_id, CaseRow.id).where(CaseRow.patient_id.in_(ids)).order_by(CaseRow.id)
        ):
            case_ids.setdefault(patient_id, []).append(case_id)
        for patient_id, entry_id, occurred, text, icd10 in session.execute(
            select(CaseRow.patient_id, EntryRow.id, EntryRow.occurred_at, EntryRow.text, EntryRow.icd10)
            .join(CaseRow, CaseRow.id == EntryRow.case_id)
            .where(CaseRow.patient_id.in_(ids), EntryRow.kind == "diagnosis", EntryRow.deleted_at.is_(None))
        ):
            label = f"{text} ({icd10})" if icd10 and text else (text or icd10 or "")
            if patient_id not in diagnosis or (occurred, entry_id) > diagnosis[patient_id][:2]:
                diagnosis[patient_id] = (occurred, entry_id, label)
        tags: dict[int, list[str]] = {}
        for patient_id, name in session.execute(
            select(PatientTagRow.patient_id, TagRow.name)
            .join(TagRow, TagRow.id == PatientTagRow.tag_id)
            .where(PatientTagRow.patient_id.in_(ids))
            .order_by(TagRow.name)
        ):
            tags.setdefault(patient_id, []).append(name)
        due = dict(
            session.execute(
                select(CaseRow.patient_id, func.count(FollowUpRow.id))
                .join(CaseRow, CaseRow.id == FollowUpRow.case_id)
                .where(CaseRow.patient_id.in_(ids), FollowUpRow.done.is_(False), FollowUpRow.due <= today)
                .group_by(CaseRow.patient_id)
            ).all()
        )
        return [
            PatientSummary(
                id=pid,
                name=rows[pid].name,
                sex=Sex(rows[pid].sex),
                age=age_on(rows[pid].birth_date, today),
                latest_diagnosis=diagnosis[pid][2] if pid in diagnosis else None,
                tags=tuple(tags.get(pid, ())),
                follow_ups_due=due.get(pid, 0),
                birth_date=rows[pid].birth_date,
                case_ids=tuple(case_ids.get(pid, ())),
            )
            for pid in ids
            if pid in rows
        ]

    def _duplicate_of(self, session: Session, record: PatientRecord) -> SkippedRecord | None:
        if record.source_ref:
            # A source id alone ("p1") can repeat across systems; with the same name and birth date it is a re-import.
            same = select(PatientRow.id).where(
                PatientRow.source_ref == record.source_ref,
                PatientRow.name == " ".join(record.name.split()),
                PatientRow.birth_date.is_(None) if record.birth_date is None
                else PatientRow.birth_date == record.birth_date,
            )
            if session.scalar(same) is not None:
                return SkippedRecord(
                    record.name,
                    record.source_ref,
                    "already_imported",
                    f"a patient from {record.source_ref} was imported before",
                )
        # One query for all of the record's identifiers (a Synthea patient carries five or six).
        values = [ident.value.strip() for ident in record.identifiers]
        owners = {
            (system, value): owner
            for system, value, owner in session.execute(
                select(PatientIdentifierRow.system, PatientIdentifierRow.value, PatientIdentifierRow.patient_id)
                .where(PatientIdentifierRow.value.in_(values))
            )
        } if values else {}
        for ident in record.identifiers:
            owner = owners.get((ident.system.strip(), ident.value.strip()))
            if owner is not None:
                return SkippedRecord(
                    record.name,
                    record.source_ref,
                    "identifier_taken",
                    f"identifier {ident.system} {ident.value} belongs to stored patient {owner}",
                )
        return None

    def _record(self, session: Session, row: PatientRow) -> PatientRecord:
        pid = row.id
        identifiers = tuple(
            Identifier(i.system, i.value)
            for i in session.scalars(
                select(PatientIdentifierRow)
                .where(PatientIdentifierRow.patient_id == pid)
                .order_by(PatientIdentifierRow.id)
            )
        )
        allergies = tuple(
            to_allergy(a)
            for a in session.scalars(select(AllergyRow).where(AllergyRow.patient_id == pid).order_by(AllergyRow.id))
        )
        medications = tuple(
            to_medication(m)
            for m in session.scalars(
                select(MedicationRow).where(MedicationRow.patient_id == pid).order_by(MedicationRow.id)
            )
        )
        cases = tuple(
            to_case(session, c)
            for c in session.scalars(
                select(CaseRow).where(CaseRow.patient_id == pid).order_by(CaseRow.opened_on, CaseRow.id)
            )
        )
        tags = tuple(
            session.scalars(
                select(TagRow.name)
                .join(PatientTagRow, PatientTagRow.tag_id == TagRow.id)
                .where(PatientTagRow.patient_id == pid)
                .order_by(TagRow.name)
            )
        )
        loose_labs = tuple(
            to_lab(lab)
            for lab in session.scalars(
                select(LabResultRow)
                .where(LabResultRow.patient_id == pid, LabResultRow.case_id.is_(None))
                .order_by(LabResultRow.taken_at, LabResultRow.id)
            )
        )
        extra = json.loads(row.extra_json) if row.extra_json else {}
        return PatientRecord(
            name=row.name,
            sex=Sex(row.sex),
            birth_date=row.birth_date,
            identifiers=identifiers,
            phone=row.phone,
            address=row.address,
            email=row.email,
            allergies=allergies,
            medications=medications,
            cases=cases,
            tags=tags,
            notes=row.notes,
            source_ref=row.source_ref,
            id=pid,
            extra=extra,
            labs=loose_labs,
        )

    def _patient_row(self, session: Session, patient_id: int) -> PatientRow:
        return self._require(session, PatientRow, patient_id, "patient_not_found")
