"""Records service, part two: cases, timeline entries (with soft delete and undo), allergies, medications, labs,
follow-ups, tags and autosave drafts. Mixed into :class:`cdss.records.service.RecordsService`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from cdss.clock import utc_now
from cdss.errors import UserError
from cdss.records.models import (
    AllergyRow,
    CaseRow,
    DraftRow,
    EntryRow,
    FollowUpRow,
    LabResultRow,
    MedicationRow,
    PatientRow,
    TagRow,
)
from cdss.records.service_rows import (
    allergy_row,
    check_allergy,
    check_kind,
    check_lab,
    check_medication,
    clean_icd10,
    clinical_now,
    lab_row,
    medication_row,
    naive,
    set_case_tags,
    to_allergy,
    to_case,
    to_entry,
    to_follow_up,
    to_lab,
    to_medication,
    touch,
    write_case,
    write_entry,
)
from cdss.records.types import Allergy, Attachment, Case, Entry, EntryKind, FollowUp, LabResult, Medication

if TYPE_CHECKING:
    from cdss.workspace import Workspace


@dataclass(frozen=True)
class DueFollowUp:
    """A follow-up that is due today or overdue, with what the reminder list needs to show it."""

    follow_up: FollowUp
    case_id: int
    case_title: str
    patient_id: int
    patient_name: str
    days_overdue: int  # 0 = due today


class ClinicalMixin:
    _workspace: Workspace
    _actor: str | None
    _today: Callable[[], dt.date]

    # -- cases ----------------------------------------------------------------------------------------------------
    def create_case(
        self, patient_id: int, title: str, opened_on: dt.date | None = None, tags: Sequence[str] = ()
    ) -> Case:
        with self._workspace.unit_of_work() as session:
            self._require(session, PatientRow, patient_id, "patient_not_found")
            row = write_case(
                session, patient_id, Case(title=title, opened_on=opened_on or self._today(), tags=tuple(tags))
            )
            touch(session, patient_id, "update", f"case {row.id} created", self._actor)
            return to_case(session, row)

    def update_case(
        self,
        case_id: int,
        *,
        title: str | None = None,
        closed_on: dt.date | None = None,
        reopen: bool = False,
        tags: Sequence[str] | None = None,
    ) -> Case:
        with self._workspace.unit_of_work() as session:
            row = self._require(session, CaseRow, case_id, "case_not_found")
            if title is not None:
                if not title.strip():
                    raise UserError("case_title_required", "A case needs a title (e.g. the main problem).")
                row.title = title.strip()
            if closed_on is not None:
                row.closed_on = closed_on
            if reopen:
                row.closed_on = None
            if tags is not None:
                set_case_tags(session, case_id, list(tags))
            row.updated_at = utc_now()
            touch(session, row.patient_id, "update", f"case {case_id} updated", self._actor)
            return to_case(session, row)

    def delete_case(self, case_id: int) -> None:
        with self._workspace.unit_of_work() as session:
            row = self._require(session, CaseRow, case_id, "case_not_found")
            patient_id = row.patient_id
            session.delete(row)
            session.flush()
            touch(session, patient_id, "update", f"case {case_id} deleted", self._actor)

    def get_case(self, case_id: int) -> Case:
        with self._workspace.unit_of_work() as session:
            row = self._require(session, CaseRow, case_id, "case_not_found")
            from cdss import audit

            audit.record(session, "read", "patient", row.patient_id, f"case {case_id}", actor=self._actor)
            return to_case(session, row)

    def patient_id_of_case(self, case_id: int) -> int:
        """Which patient a case belongs to (an id lookup: reads no clinical content, so it is not audited)."""
        with self._workspace.unit_of_work() as session:
            return self._require(session, CaseRow, case_id, "case_not_found").patient_id

    # -- timeline entries -----------------------------------------------------------------------------------------
    def add_entry(
        self,
        case_id: int,
        kind: Entry | EntryKind | str,
        text: str = "",
        *,
        occurred_at: dt.datetime | None = None,
        icd10: str | None = None,
        attachment: Attachment | None = None,
        lab: LabResult | None = None,
    ) -> Entry:
        """Add a timeline entry: ``add_entry(case_id, Entry(...))`` or ``add_entry(case_id, kind, text, ...)``."""
        with self._workspace.unit_of_work() as session:
            case = self._require(session, CaseRow, case_id, "case_not_found")
            if isinstance(kind, Entry):
                entry = kind
            else:
                entry = Entry(kind=check_kind(kind), occurred_at=occurred_at or clinical_now(), text=text, icd10=icd10,
                              attachment=attachment, lab=lab)
            row = write_entry(session, case.patient_id, case_id, entry)
            touch(session, case.patient_id, "update", f"entry {row.id} added", self._actor)
            return to_entry(session, row)

    def update_entry(
        self,
        entry_id: int,
        *,
        text: str | None = None,
        occurred_at: dt.datetime | None = None,
        icd10: str | None = None,
        kind: EntryKind | str | None = None,
    ) -> Entry:
        with self._workspace.unit_of_work() as session:
            row, patient_id = self._live_entry(session, entry_id)
            if kind is not None:
                row.kind = check_kind(kind).value
            if text is not None:
                if not text.strip() and row.attachment_id is None and row.lab_result_id is None:
                    raise UserError("entry_empty", "A timeline entry needs some text, a file or a lab value.")
                row.text = text
            if occurred_at is not None:
                row.occurred_at = naive(occurred_at)
            if icd10 is not None:
                row.icd10 = clean_icd10(icd10)
            row.updated_at = utc_now()
            touch(session, patient_id, "update", f"entry {entry_id} edited", self._actor)
            return to_entry(session, row)

    def delete_entry(self, entry_id: int) -> None:
        """Soft delete: the entry disappears from the timeline and search until :meth:`restore_entry` (undo)."""
        with self._workspace.unit_of_work() as session:
            row, patient_id = self._live_entry(session, entry_id)
            row.deleted_at = utc_now()
            touch(session, patient_id, "update", f"entry {entry_id} deleted", self._actor)

    def restore_entry(self, entry_id: int) -> Entry:
        with self._workspace.unit_of_work() as session:
            row = self._require(session, EntryRow, entry_id, "entry_not_found")
            row.deleted_at = None
            patient_id = session.get(CaseRow, row.case_id).patient_id
            touch(session, patient_id, "update", f"entry {entry_id} restored", self._actor)
            return to_entry(session, row)

    def purge_deleted_entries(self, older_than: dt.timedelta = dt.timedelta(days=30)) -> int:
        """Remove soft-deleted entries for good once the undo window is long past.

        A lab value captured on such an entry goes with it; otherwise it would reappear as a loose lab of the case.
        """
        with self._workspace.unit_of_work() as session:
            expired = EntryRow.deleted_at < utc_now() - older_than
            lab_ids = list(session.scalars(select(EntryRow.lab_result_id).where(
                expired, EntryRow.lab_result_id.is_not(None))))
            result = session.execute(delete(EntryRow).where(expired))
            if lab_ids:
                session.execute(delete(LabResultRow).where(LabResultRow.id.in_(lab_ids)))
            return int(result.rowcount or 0)

    # -- allergies and medications --------------------------------------------------------------------------------
    def add_allergy(self, patient_id: int, allergy: Allergy) -> Allergy:
        with self._workspace.unit_of_work() as session:
            self._require(session, PatientRow, patient_id, "patient_not_found")
            row = allergy_row(patient_id, allergy)
            session.add(row)
            session.flush()
            touch(session, patient_id, "update", f"allergy {row.id} added", self._actor)
            return to_allergy(row)

    def update_allergy(self, allergy_id: int, allergy: Allergy) -> Allergy:
        check_allergy(allergy)
        with self._workspace.unit_of_work() as session:
            row = self._require(session, AllergyRow, allergy_id, "allergy_not_found")
            row.substance, row.reaction, row.severity = allergy.substance.strip(), allergy.reaction, allergy.severity
            row.verified, row.recorded_on = allergy.verified, allergy.recorded_on
            touch(session, row.patient_id, "update", f"allergy {allergy_id} edited", self._actor)
            return to_allergy(row)

    def delete_allergy(self, allergy_id: int) -> None:
        with self._workspace.unit_of_work() as session:
            row = self._require(session, AllergyRow, allergy_id, "allergy_not_found")
            session.delete(row)
            session.flush()
            touch(session, row.patient_id, "update", f"allergy {allergy_id} deleted", self._actor)

    def list_allergies(self, patient_id: int) -> list[Allergy]:
        with self._workspace.unit_of_work() as session:
            self._read(session, patient_id, "allergies")
            return [
                to_allergy(r)
                for r in session.scalars(
                    select(AllergyRow).where(AllergyRow.patient_id == patient_id).order_by(AllergyRow.id)
                )
            ]

    def add_medication(self, patient_id: int, medication: Medication) -> Medication:
        with self._workspace.unit_of_work() as session:
            self._require(session, PatientRow, patient_id, "patient_not_found")
            row = medication_row(patient_id, medication)
            session.add(row)
            session.flush()
            touch(session, patient_id, "update", f"medication {row.id} added", self._actor)
            return to_medication(row)

    def update_medication(self, medication_id: int, medication: Medication) -> Medication:
        check_medication(medication)
        with self._workspace.unit_of_work() as session:
            row = self._require(session, MedicationRow, medication_id, "medication_not_found")
            for field in ("dose", "route", "start", "end", "active", "drug_id", "code", "code_system"):
                setattr(row, field, getattr(medication, field))
            row.name = medication.name.strip()
            touch(session, row.patient_id, "update", f"medication {medication_id} edited", self._actor)
            return to_medication(row)

    def delete_medication(self, medication_id: int) -> None:
        with self._workspace.unit_of_work() as session:
            row = self._require(session, MedicationRow, medication_id, "medication_not_found")
            session.delete(row)
            session.flush()
            touch(session, row.patient_id, "update", f"medication {medication_id} deleted", self._actor)

    def list_medications(self, patient_id: int, *, active_only: bool = False) -> list[Medication]:
        with self._workspace.unit_of_work() as session:
            self._read(session, patient_id, "medications")
            query = select(MedicationRow).where(MedicationRow.patient_id == patient_id)
            if active_only:
                query = query.where(MedicationRow.active.is_(True))
            return [to_medication(r) for r in session.scalars(query.order_by(MedicationRow.id))]

    # -- labs -----------------------------------------------------------------------------------------------------
    def add_lab(self, patient_id: int, lab: LabResult, case_id: int | None = None) -> LabResult:
        with self._workspace.unit_of_work() as session:
            self._require(session, PatientRow, patient_id, "patient_not_found")
            if (
                case_id is not None
                and self._require(session, CaseRow, case_id, "case_not_found").patient_id != patient_id
            ):
                raise UserError("case_of_other_patient", "That case belongs to another patient.", case_id=case_id)
            row = lab_row(patient_id, case_id, lab)
            session.add(row)
            session.flush()
            touch(session, patient_id, "update", f"lab {row.id} added", self._actor)
            return to_lab(row)

    def update_lab(self, lab_id: int, lab: LabResult) -> LabResult:
        """Correct a stored lab result (name, value, unit, time, reference range, LOINC); the case link is kept."""
        check_lab(lab)
        with self._workspace.unit_of_work() as session:
            row = self._require(session, LabResultRow, lab_id, "lab_not_found")
            row.name = lab.name.strip()
            row.taken_at = naive(lab.taken_at)
            for field in ("value", "value_text", "unit", "ref_low", "ref_high", "loinc"):
                setattr(row, field, getattr(lab, field))
            touch(session, row.patient_id, "update", f"lab {lab_id} edited", self._actor)
            return to_lab(row)

    def delete_lab(self, lab_id: int) -> None:
        with self._workspace.unit_of_work() as session:
            row = self._require(session, LabResultRow, lab_id, "lab_not_found")
            session.delete(row)
            session.flush()
            touch(session, row.patient_id, "update", f"lab {lab_id} deleted", self._actor)

    def list_labs(self, patient_id: int, name: str | None = None, loinc: str | None = None) -> list[LabResult]:
        """A patient's lab results, oldest first (a trend), optionally one test by name or LOINC code."""
        with self._workspace.unit_of_work() as session:
            self._read(session, patient_id, "labs")
            # A lab captured on a timeline entry that is deleted (awaiting undo) is hidden with its entry.
            hidden = select(EntryRow.lab_result_id).where(
                EntryRow.lab_result_id.is_not(None), EntryRow.deleted_at.is_not(None))
            query = select(LabResultRow).where(LabResultRow.patient_id == patient_id, LabResultRow.id.not_in(hidden))
            if name is not None:
                query = query.where(LabResultRow.name == name)
            if loinc is not None:
                query = query.where(LabResultRow.loinc == loinc)
            return [to_lab(r) for r in session.scalars(query.order_by(LabResultRow.taken_at, LabResultRow.id))]

    # -- follow-ups -----------------------------------------------------------------------------------------------
    def add_follow_up(self, case_id: int, due: dt.date, note: str = "") -> FollowUp:
        with self._workspace.unit_of_work() as session:
            case = self._require(session, CaseRow, case_id, "case_not_found")
            row = FollowUpRow(case_id=case_id, due=due, note=note, done=False)
            session.add(row)
            session.flush()
            touch(session, case.patient_id, "update", f"follow-up {row.id} added", self._actor)
            return to_follow_up(row)

    def set_follow_up_done(self, follow_up_id: int, done: bool = True) -> FollowUp:
        with self._workspace.unit_of_work() as session:
            row = self._require(session, FollowUpRow, follow_up_id, "follow_up_not_found")
            row.done = done
            patient_id = session.get(CaseRow, row.case_id).patient_id
            touch(session, patient_id, "update", f"follow-up {follow_up_id} done={done}", self._actor)
            return to_follow_up(row)

    def update_follow_up(self, follow_up_id: int, *, due: dt.date | None = None, note: str | None = None) -> FollowUp:
        with self._workspace.unit_of_work() as session:
            row = self._require(session, FollowUpRow, follow_up_id, "follow_up_not_found")
            if due is not None:
                row.due = due
            if note is not None:
                row.note = note.strip()
            patient_id = session.get(CaseRow, row.case_id).patient_id
            touch(session, patient_id, "update", f"follow-up {follow_up_id} edited", self._actor)
            return to_follow_up(row)

    def delete_follow_up(self, follow_up_id: int) -> None:
        with self._workspace.unit_of_work() as session:
            row = self._require(session, FollowUpRow, follow_up_id, "follow_up_not_found")
            patient_id = session.get(CaseRow, row.case_id).patient_id
            session.delete(row)
            session.flush()
            touch(session, patient_id, "update", f"follow-up {follow_up_id} deleted", self._actor)

    def due_follow_ups(self, today: dt.date | None = None) -> list[DueFollowUp]:
        """Follow-ups not done and due today or earlier, most overdue first."""
        today = today or self._today()
        with self._workspace.unit_of_work() as session:
            rows = session.execute(
                select(FollowUpRow, CaseRow.title, PatientRow.id, PatientRow.name)
                .join(CaseRow, CaseRow.id == FollowUpRow.case_id)
                .join(PatientRow, PatientRow.id == CaseRow.patient_id)
                .where(FollowUpRow.done.is_(False), FollowUpRow.due <= today)
                .order_by(FollowUpRow.due, FollowUpRow.id)
            ).all()
            return [
                DueFollowUp(to_follow_up(f), f.case_id, title, pid, name, (today - f.due).days)
                for f, title, pid, name in rows
            ]

    # -- tags -----------------------------------------------------------------------------------------------------
    def set_patient_tags(self, patient_id: int, tags: Sequence[str]) -> tuple[str, ...]:
        return self.update_patient(patient_id, tags=list(tags)).tags  # type: ignore[attr-defined]

    def set_case_tags(self, case_id: int, tags: Sequence[str]) -> tuple[str, ...]:
        return self.update_case(case_id, tags=tags).tags

    def all_tags(self) -> list[str]:
        with self._workspace.unit_of_work() as session:
            return list(session.scalars(select(TagRow.name).order_by(TagRow.name)))

    # -- attachments on the timeline ------------------------------------------------------------------------------
    def attach_file(
        self, case_id: int, attachment: Attachment, *, occurred_at: dt.datetime | None = None, text: str = ""
    ) -> Entry:
        """Add an attachment entry for a file already stored with :class:`cdss.records.attachments.AttachmentStore`."""
        return self.add_entry(case_id, EntryKind.ATTACHMENT, text, occurred_at=occurred_at, attachment=attachment)

    # -- autosave drafts ------------------------------------------------------------------------------------------
    def save_draft(self, key: str, text: str) -> None:
        key = self._draft_key(key)
        with self._workspace.unit_of_work() as session:
            row = session.scalars(select(DraftRow).where(DraftRow.key == key)).first()
            if row is None:
                session.add(DraftRow(key=key, text=text, updated_at=utc_now()))
            else:
                row.text, row.updated_at = text, utc_now()

    def load_draft(self, key: str) -> str | None:
        key = self._draft_key(key)
        with self._workspace.unit_of_work() as session:
            return session.scalars(select(DraftRow.text).where(DraftRow.key == key)).first()

    def clear_draft(self, key: str) -> None:
        key = self._draft_key(key)
        with self._workspace.unit_of_work() as session:
            session.execute(delete(DraftRow).where(DraftRow.key == key))

    # -- helpers --------------------------------------------------------------------------------------------------
    @staticmethod
    def _draft_key(key: str) -> str:
        if not key or not key.strip() or len(key) > 200:
            raise UserError("draft_key_invalid", "A draft needs a key of 1 to 200 characters.")
        return key.strip()

    @staticmethod
    def _require(session: Session, model: type, row_id: int, code: str):
        row = session.get(model, row_id)
        if row is None:
            what = code.removesuffix("_not_found").replace("_", " ")
            raise UserError(code, f"There is no {what} with id {row_id}; it may have been deleted.", id=row_id)
        return row

    def _live_entry(self, session: Session, entry_id: int) -> tuple[EntryRow, int]:
        row = self._require(session, EntryRow, entry_id, "entry_not_found")
        if row.deleted_at is not None:
            raise UserError("entry_deleted", "That timeline entry was deleted; restore it first.", id=entry_id)
        return row, session.get(CaseRow, row.case_id).patient_id

    def _read(self, session: Session, patient_id: int, what: str) -> None:
        from cdss import audit

        self._require(session, PatientRow, patient_id, "patient_not_found")
        audit.record(session, "read", "patient", patient_id, what, actor=self._actor)
