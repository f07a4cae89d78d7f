"""The records as other packages see them: reads and writes inside the caller's own unit of work.

Decision support, the literature links and the exchange client keep tables of their own that point at patients,
cases, entries, medications and labs, and some of their actions change a record too (prescribing adds a medication,
a timeline entry and follow-ups in the same transaction as the alert events). They reach the records only through
this module — never the row classes or :mod:`cdss.records.rows` (an import contract checks it) — so that
what every change needs cannot be forgotten: values validated, ``updated_at`` bumped, the search document rebuilt and
the audit row written (:func:`record_changed`, which every write here ends with or the caller calls once).

Every function takes the caller's SQLAlchemy ``Session``: their rows and ours commit or roll back together. What comes
back is plain data (the records dataclasses or the small references below), never a row.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from cdss.clock import utc_now
from cdss.errors import UserError
from cdss.records import record_values, rows
from cdss.records.models import CaseRow, EntryRow, FollowUpRow, LabResultRow, MedicationRow, PatientRow
from cdss.records.types import Entry, Medication


@dataclass(frozen=True)
class CaseRef:
    id: int
    patient_id: int
    title: str
    patient_name: str


@dataclass(frozen=True)
class EntryRef:
    id: int
    case_id: int
    kind: str  # an EntryKind value
    occurred_at: dt.datetime
    text: str
    deleted: bool  # soft-deleted (an undo can still bring it back)


@dataclass(frozen=True)
class MedicationRef:
    id: int
    patient_id: int
    name: str
    dose: str | None
    active: bool
    end: dt.date | None


def clinical_now() -> dt.datetime:
    """Now as a clinical time (an entry's default time): local wall-clock time, as entry and lab times are stored."""
    return record_values.clinical_now()


# -- reading --------------------------------------------------------------------------------------------------------
def patient_exists(session: Session, patient_id: int) -> bool:
    return session.get(PatientRow, patient_id) is not None


def require_patient(session: Session, patient_id: int) -> None:
    if not patient_exists(session, patient_id):
        raise UserError("patient_not_found", f"There is no patient with id {patient_id}.", id=patient_id)


def patient_by_source_ref(session: Session, source_ref: str) -> int | None:
    """The patient saved from an outside source (e.g. ``exchange:<uuid>``), if there is one."""
    return session.scalar(select(PatientRow.id).where(PatientRow.source_ref == source_ref))


def case_ref(session: Session, case_id: int) -> CaseRef | None:
    row = session.get(CaseRow, case_id)
    if row is None:
        return None
    patient = session.get(PatientRow, row.patient_id)
    return CaseRef(row.id, row.patient_id, row.title, patient.name if patient is not None else "")


def require_case_of(session: Session, case_id: int, patient_id: int) -> CaseRef:
    """The case ``case_id`` when it belongs to ``patient_id``; otherwise a clear error (never another's case)."""
    case = case_ref(session, case_id)
    if case is None or case.patient_id != patient_id:
        raise UserError("case_not_found", f"There is no case {case_id} for this patient.", id=case_id)
    return case


def entry_ref(session: Session, entry_id: int) -> EntryRef | None:
    row = session.get(EntryRow, entry_id)
    if row is None:
        return None
    return EntryRef(row.id, row.case_id, row.kind, row.occurred_at, row.text or "", row.deleted_at is not None)


def deleted_entry_ids(session: Session, entry_ids: Iterable[int]) -> set[int]:
    """Those of ``entry_ids`` that are soft-deleted (what points at them is hidden until they are restored)."""
    wanted = sorted(set(entry_ids))
    if not wanted:
        return set()
    return set(session.scalars(select(EntryRow.id).where(EntryRow.id.in_(wanted), EntryRow.deleted_at.is_not(None))))


def medication_ref(session: Session, medication_id: int) -> MedicationRef | None:
    row = session.get(MedicationRow, medication_id)
    if row is None:
        return None
    return MedicationRef(row.id, row.patient_id, row.name, row.dose, row.active, row.end)


def lab_case_id(session: Session, lab_id: int) -> int | None:
    """The case a lab result was entered in (None for a patient-level result or an unknown id)."""
    return session.scalar(select(LabResultRow.case_id).where(LabResultRow.id == lab_id))


def newest_lab_id(session: Session, patient_id: int) -> int | None:
    return session.scalar(select(func.max(LabResultRow.id)).where(LabResultRow.patient_id == patient_id))


def lab_ids_after(session: Session, patient_id: int, after_id: int) -> list[int]:
    """The patient's lab results stored after ``after_id`` (ids grow with every insert), oldest first."""
    return list(session.scalars(select(LabResultRow.id).where(
        LabResultRow.patient_id == patient_id, LabResultRow.id > after_id).order_by(LabResultRow.id)))


# -- writing --------------------------------------------------------------------------------------------------------
# Each write validates through the same helpers as the records services. They do not call record_changed themselves:
# one action of the caller (a prescription with its entry and follow-ups) is one audit row and one reindex.
def add_medication(session: Session, patient_id: int, medication: Medication) -> Medication:
    require_patient(session, patient_id)
    row = rows.medication_row(patient_id, medication)
    session.add(row)
    session.flush()
    return rows.to_medication(row)


def set_medication_active(session: Session, medication_id: int, active: bool, end: dt.date | None) -> MedicationRef:
    """Stop (``active=False`` with the end date) or resume a medication."""
    row = session.get(MedicationRow, medication_id)
    if row is None:
        raise UserError("medication_not_found", f"There is no medication with id {medication_id}.", id=medication_id)
    row.active, row.end = active, end
    return MedicationRef(row.id, row.patient_id, row.name, row.dose, row.active, row.end)


def add_entry(session: Session, patient_id: int, case_id: int, entry: Entry) -> int:
    """A timeline entry in the patient's case; returns its id."""
    return rows.write_entry(session, patient_id, case_id, entry).id


def hide_entry(session: Session, entry_id: int) -> None:
    """Soft-delete a timeline entry, as every delete from the timeline does (the purge removes it later)."""
    row = session.get(EntryRow, entry_id)
    if row is not None and row.deleted_at is None:
        row.deleted_at = utc_now()


def add_follow_up(session: Session, case_id: int, due: dt.date, note: str) -> int:
    if session.get(CaseRow, case_id) is None:
        raise UserError("case_not_found", f"There is no case with id {case_id}.", id=case_id)
    row = FollowUpRow(case_id=case_id, due=due, note=note, done=False)
    session.add(row)
    session.flush()
    return row.id


def record_changed(session: Session, patient_id: int, detail: str, actor: str | None, *,
                   action: str = "update") -> None:
    """After a change to the patient's record: ``updated_at``, the search document and the audit row, all in the
    caller's transaction (so the index and the audit log never disagree with the data)."""
    rows.touch(session, patient_id, action, detail, actor)
