"""Links between papers and patient cases (optionally one timeline entry of the case), seen from both sides.

A link is part of the patient's record, so creating or removing one writes an audit row for that patient, and
listing the cases a paper is linked to (which shows patient names) is audited as a read, like the records service.
Deleting a case, an entry or a paper removes its links by cascade. A timeline entry is first only soft-deleted (an
undo restores it): its links are kept but hidden while it is deleted, so they come back with the entry, and they go
for good by cascade when deleted entries are purged.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from cdss import audit
from cdss.clock import utc_now
from cdss.errors import UserError
from cdss.literature.models import LitCaseLinkRow, LitReferenceRow
from cdss.literature.store import not_found
from cdss.records import access as records_api
from cdss.records.access import CaseRef, EntryRef

MAX_LINK_NOTE_CHARS = 2000
ENTRY_LABEL_CHARS = 60


@dataclass(frozen=True)
class CaseLink:
    id: int
    reference_id: int
    case_id: int
    entry_id: int | None
    note: str
    created_at: dt.datetime
    paper_title: str
    paper_year: int | None
    case_title: str
    patient_id: int
    patient_name: str
    entry_kind: str | None  # EntryKind value of the linked entry
    entry_label: str  # the entry's date and the start of its text, "" for a case-level link


def _entry_label(entry: EntryRef | None) -> str:
    if entry is None:
        return ""
    text = " ".join((entry.text or "").split())
    if len(text) > ENTRY_LABEL_CHARS:
        text = text[:ENTRY_LABEL_CHARS - 1] + "…"
    return f"{entry.occurred_at:%Y-%m-%d} {text}".strip()


def _visible(session: Session, rows: list[LitCaseLinkRow]) -> list[LitCaseLinkRow]:
    """Leave out links to timeline entries that are soft-deleted (they reappear when the entry is restored)."""
    hidden = records_api.deleted_entry_ids(session, (r.entry_id for r in rows if r.entry_id is not None))
    return [r for r in rows if r.entry_id not in hidden]


class CaseLinks:
    def __init__(self, workspace, *, actor: str | None = None) -> None:
        self._workspace = workspace
        self._actor = actor

    def link(self, reference_id: int, case_id: int, entry_id: int | None = None, note: str = "") -> CaseLink:
        """Link a paper to a case (and one of its entries). Linking the same pair again returns the existing link."""
        if len(note) > MAX_LINK_NOTE_CHARS:
            raise UserError("literature_link_note_too_long", f"A link note is limited to {MAX_LINK_NOTE_CHARS} "
                            "characters.", limit=MAX_LINK_NOTE_CHARS)
        try:
            with self._workspace.unit_of_work() as session:
                case = self._check(session, reference_id, case_id, entry_id)
                existing = self._find(session, reference_id, case_id, entry_id)
                if existing is not None:
                    return self._describe(session, existing)
                row = LitCaseLinkRow(reference_id=reference_id, case_id=case_id, entry_id=entry_id, note=note,
                                     created_at=utc_now())
                session.add(row)
                session.flush()
                audit.record(session, "update", "patient", case.patient_id,
                             f"paper {reference_id} linked to case {case_id}"
                             + (f" entry {entry_id}" if entry_id is not None else ""), actor=self._actor)
                return self._describe(session, row)
        except IntegrityError:
            # Another writer linked the same pair between our check and insert: the link exists, which is the goal.
            with self._workspace.unit_of_work() as session:
                existing = self._find(session, reference_id, case_id, entry_id)
                if existing is None:
                    raise
                return self._describe(session, existing)

    def unlink(self, link_id: int) -> None:
        with self._workspace.unit_of_work() as session:
            row = session.get(LitCaseLinkRow, link_id)
            if row is None:
                raise UserError("literature_link_not_found", "That link no longer exists.", id=link_id)
            case = records_api.case_ref(session, row.case_id)
            patient_id = case.patient_id if case is not None else None
            session.delete(row)
            audit.record(session, "update", "patient", patient_id,
                         f"paper {row.reference_id} unlinked from case {row.case_id}", actor=self._actor)

    def for_case(self, case_id: int) -> list[CaseLink]:
        """The papers linked to a case, oldest link first."""
        with self._workspace.unit_of_work() as session:
            rows = list(session.scalars(select(LitCaseLinkRow).where(LitCaseLinkRow.case_id == case_id)
                                        .order_by(LitCaseLinkRow.id)))
            return [self._describe(session, row) for row in _visible(session, rows)]

    def for_reference(self, reference_id: int) -> list[CaseLink]:
        """The cases a paper is linked to (with patient names, so the read is audited per patient)."""
        with self._workspace.unit_of_work() as session:
            rows = list(session.scalars(select(LitCaseLinkRow).where(LitCaseLinkRow.reference_id == reference_id)
                                        .order_by(LitCaseLinkRow.id)))
            links = [self._describe(session, row) for row in _visible(session, rows)]
            for patient_id in sorted({link.patient_id for link in links}):
                audit.record(session, "read", "patient", patient_id, f"cases linked to paper {reference_id}",
                             actor=self._actor)
            return links

    # -- internals -----------------------------------------------------------------------------------------------
    @staticmethod
    def _check(session: Session, reference_id: int, case_id: int, entry_id: int | None) -> CaseRef:
        if session.get(LitReferenceRow, reference_id) is None:
            raise not_found(reference_id)
        case = records_api.case_ref(session, case_id)
        if case is None:
            raise UserError("case_not_found", f"There is no case with id {case_id}.", case_id=case_id)
        if entry_id is not None:
            entry = records_api.entry_ref(session, entry_id)
            if entry is None or entry.case_id != case_id or entry.deleted:
                raise UserError("literature_link_entry_invalid",
                                f"Entry {entry_id} is not on the timeline of case {case_id}.", id=entry_id)
        return case

    @staticmethod
    def _find(session: Session, reference_id: int, case_id: int, entry_id: int | None) -> LitCaseLinkRow | None:
        query = select(LitCaseLinkRow).where(LitCaseLinkRow.reference_id == reference_id,
                                             LitCaseLinkRow.case_id == case_id)
        query = query.where(LitCaseLinkRow.entry_id.is_(None) if entry_id is None
                            else LitCaseLinkRow.entry_id == entry_id)
        return session.scalars(query).first()

    @staticmethod
    def _describe(session: Session, row: LitCaseLinkRow) -> CaseLink:
        paper = session.get(LitReferenceRow, row.reference_id)
        case = records_api.case_ref(session, row.case_id)
        assert case is not None  # a link goes with its case (foreign key, ON DELETE CASCADE)
        entry = records_api.entry_ref(session, row.entry_id) if row.entry_id is not None else None
        return CaseLink(id=row.id, reference_id=row.reference_id, case_id=row.case_id, entry_id=row.entry_id,
                        note=row.note or "", created_at=row.created_at, paper_title=paper.title,
                        paper_year=paper.year, case_title=case.title, patient_id=case.patient_id,
                        patient_name=case.patient_name, entry_kind=entry.kind if entry is not None else None,
                        entry_label=_entry_label(entry))
