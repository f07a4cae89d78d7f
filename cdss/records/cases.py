"""Cases and their timelines: open, change, close and delete a case; add, edit, delete (with undo) and purge entries.

A case's follow-ups and lab values are clinical lists (:mod:`cdss.records.clinical_lists`); a file on the timeline is
an attachment entry added here once the file is in the :class:`cdss.records.attachments.AttachmentStore`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from cdss import audit
from cdss.clock import utc_now
from cdss.errors import UserError
from cdss.records.changes import CaseChanges, EntryChanges
from cdss.records.models import CaseRow, EntryRow, LabResultRow, PatientRow
from cdss.records.record_values import (
    check_kind,
    clean_icd10,
    clinical_now,
    naive,
)
from cdss.records.rows import (
    set_case_tags,
    to_case,
    to_entry,
    touch,
    write_case,
    write_entry,
)
from cdss.records.service_base import ServiceBase
from cdss.records.types import Attachment, Case, Entry, EntryKind, LabResult


class CasesService(ServiceBase):
    # -- cases ----------------------------------------------------------------------------------------------------
    def create(self, patient_id: int, title: str, opened_on: dt.date | None = None, tags: Sequence[str] = ()) -> Case:
        with self._workspace.unit_of_work() as session:
            self._require(session, PatientRow, patient_id, "patient_not_found")
            row = write_case(
                session, patient_id, Case(title=title, opened_on=opened_on or self._today(), tags=tuple(tags))
            )
            touch(session, patient_id, "update", f"case {row.id} created", self._actor)
            return to_case(session, row)

    def update(self, case_id: int, changes: CaseChanges) -> Case:
        """Rename, close (``closed_on=date``), reopen (``closed_on=None``) or retag a case."""
        changed = changes.changed()
        with self._workspace.unit_of_work() as session:
            row = self._require(session, CaseRow, case_id, "case_not_found")
            if "title" in changed:
                if not changed["title"].strip():
                    raise UserError("case_title_required", "A case needs a title (e.g. the main problem).")
                row.title = changed["title"].strip()
            if "closed_on" in changed:
                row.closed_on = changed["closed_on"]
            if "tags" in changed:
                set_case_tags(session, case_id, list(changed["tags"]))
            row.updated_at = utc_now()
            touch(session, row.patient_id, "update", f"case {case_id} updated", self._actor)
            return to_case(session, row)

    def delete(self, case_id: int) -> None:
        with self._workspace.unit_of_work() as session:
            row = self._require(session, CaseRow, case_id, "case_not_found")
            patient_id = row.patient_id
            session.delete(row)
            session.flush()
            touch(session, patient_id, "update", f"case {case_id} deleted", self._actor)

    def get(self, case_id: int) -> Case:
        with self._workspace.unit_of_work() as session:
            row = self._require(session, CaseRow, case_id, "case_not_found")
            audit.record(session, "read", "patient", row.patient_id, f"case {case_id}", actor=self._actor)
            return to_case(session, row)

    def patient_of(self, case_id: int) -> int:
        """Which patient a case belongs to (an id lookup: reads no clinical content, so it is not audited)."""
        with self._workspace.unit_of_work() as session:
            return self._patient_of_case(session, case_id)

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

    def attach_file(
        self, case_id: int, attachment: Attachment, *, occurred_at: dt.datetime | None = None, text: str = ""
    ) -> Entry:
        """Add an attachment entry for a file already stored with :class:`cdss.records.attachments.AttachmentStore`."""
        return self.add_entry(case_id, EntryKind.ATTACHMENT, text, occurred_at=occurred_at, attachment=attachment)

    def update_entry(self, entry_id: int, changes: EntryChanges) -> Entry:
        changed = changes.changed()
        with self._workspace.unit_of_work() as session:
            row, patient_id = self._live_entry(session, entry_id)
            if "kind" in changed:
                row.kind = check_kind(changed["kind"]).value
            if "text" in changed:
                if not changed["text"].strip() and row.attachment_id is None and row.lab_result_id is None:
                    raise UserError("entry_empty", "A timeline entry needs some text, a file or a lab value.")
                row.text = changed["text"]
            if "occurred_at" in changed:
                row.occurred_at = naive(changed["occurred_at"])
            if "icd10" in changed:
                row.icd10 = clean_icd10(changed["icd10"])
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
            touch(session, self._patient_of_case(session, row.case_id), "update", f"entry {entry_id} restored",
                  self._actor)
            return to_entry(session, row)

    def purge_deleted_entries(self, older_than: dt.timedelta = dt.timedelta(days=30)) -> int:
        """Remove soft-deleted entries for good once the undo window is long past.

        A lab value captured on such an entry goes with it; otherwise it would reappear as a loose lab of the case.
        """
        with self._workspace.unit_of_work() as session:
            expired = EntryRow.deleted_at < utc_now() - older_than
            lab_ids = list(session.scalars(select(EntryRow.lab_result_id).where(
                expired, EntryRow.lab_result_id.is_not(None))))
            purged = session.scalar(select(func.count()).select_from(EntryRow).where(expired)) or 0
            session.execute(delete(EntryRow).where(expired))
            if lab_ids:
                session.execute(delete(LabResultRow).where(LabResultRow.id.in_(lab_ids)))
            return purged

    def _live_entry(self, session: Session, entry_id: int) -> tuple[EntryRow, int]:
        row = self._require(session, EntryRow, entry_id, "entry_not_found")
        if row.deleted_at is not None:
            raise UserError("entry_deleted", "That timeline entry was deleted; restore it first.", id=entry_id)
        return row, self._patient_of_case(session, row.case_id)
