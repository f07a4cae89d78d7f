"""A patient's clinical lists — allergies, medications, lab results — and a case's follow-ups.

Each list has the same four verbs: ``add``, ``update(id, changes)``, ``delete`` and a read (``for_patient``, or
``due`` for follow-ups). An update reads the stored value, applies the change set, checks the result as a new value
would be checked, and writes it: so a partial change can never leave a value that ``add`` would have refused.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from cdss.errors import UserError
from cdss.records.changes import AllergyChanges, FollowUpChanges, LabChanges, MedicationChanges
from cdss.records.models import AllergyRow, CaseRow, EntryRow, FollowUpRow, LabResultRow, MedicationRow, PatientRow
from cdss.records.rows import (
    allergy_row,
    allergy_values,
    lab_row,
    lab_values,
    medication_row,
    medication_values,
    to_allergy,
    to_follow_up,
    to_lab,
    to_medication,
    touch,
)
from cdss.records.service_base import ServiceBase
from cdss.records.types import Allergy, FollowUp, LabResult, Medication

Row = TypeVar("Row", AllergyRow, MedicationRow, LabResultRow)
Value = TypeVar("Value")


class _PatientList(ServiceBase):
    """The add / update / delete every list of a patient shares: the row is found or refused, the change is made,
    and the patient's record is touched (updated_at, search document, audit) in the same transaction."""

    def _add(self, patient_id: int, what: str, make_row: Callable[[], Row], to_value: Callable[[Row], Value],
             check: Callable[[Session], None] | None = None) -> Value:
        with self._workspace.unit_of_work() as session:
            self._require(session, PatientRow, patient_id, "patient_not_found")
            if check is not None:
                check(session)
            row = make_row()
            session.add(row)
            session.flush()
            touch(session, patient_id, "update", f"{what} {row.id} added", self._actor)
            return to_value(row)

    def _update(self, model: type[Row], row_id: int, what: str, to_value: Callable[[Row], Value],
                values: Callable[[Row, Value], dict[str, object]], changes: dict[str, object],
                keep: tuple[str, ...] = ("patient_id",)) -> Value:
        """Apply ``changes`` to the stored value, check the result as a new value (``values`` raises), write it."""
        with self._workspace.unit_of_work() as session:
            row = self._require(session, model, row_id, f"{what}_not_found")
            for field, value in values(row, replace(to_value(row), **changes)).items():  # type: ignore[type-var]
                if field not in keep:
                    setattr(row, field, value)
            touch(session, row.patient_id, "update", f"{what} {row_id} edited", self._actor)
            return to_value(row)

    def _delete(self, model: type[Row], row_id: int, what: str) -> None:
        with self._workspace.unit_of_work() as session:
            row = self._require(session, model, row_id, f"{what}_not_found")
            session.delete(row)
            session.flush()
            touch(session, row.patient_id, "update", f"{what} {row_id} deleted", self._actor)


class AllergiesService(_PatientList):
    def add(self, patient_id: int, allergy: Allergy) -> Allergy:
        return self._add(patient_id, "allergy", lambda: allergy_row(patient_id, allergy), to_allergy)

    def update(self, allergy_id: int, changes: AllergyChanges) -> Allergy:
        return self._update(AllergyRow, allergy_id, "allergy", to_allergy,
                            lambda row, value: allergy_values(row.patient_id, value), changes.changed())

    def delete(self, allergy_id: int) -> None:
        self._delete(AllergyRow, allergy_id, "allergy")

    def for_patient(self, patient_id: int) -> list[Allergy]:
        with self._workspace.unit_of_work() as session:
            self._read(session, patient_id, "allergies")
            query = select(AllergyRow).where(AllergyRow.patient_id == patient_id).order_by(AllergyRow.id)
            return [to_allergy(r) for r in session.scalars(query)]


class MedicationsService(_PatientList):
    def add(self, patient_id: int, medication: Medication) -> Medication:
        return self._add(patient_id, "medication", lambda: medication_row(patient_id, medication), to_medication)

    def update(self, medication_id: int, changes: MedicationChanges) -> Medication:
        return self._update(MedicationRow, medication_id, "medication", to_medication,
                            lambda row, value: medication_values(row.patient_id, value), changes.changed())

    def delete(self, medication_id: int) -> None:
        self._delete(MedicationRow, medication_id, "medication")

    def for_patient(self, patient_id: int, *, active_only: bool = False) -> list[Medication]:
        with self._workspace.unit_of_work() as session:
            self._read(session, patient_id, "medications")
            query = select(MedicationRow).where(MedicationRow.patient_id == patient_id)
            if active_only:
                query = query.where(MedicationRow.active.is_(True))
            return [to_medication(r) for r in session.scalars(query.order_by(MedicationRow.id))]


class LabsService(_PatientList):
    def add(self, patient_id: int, lab: LabResult, case_id: int | None = None) -> LabResult:
        """A lab value of the patient, on one of their cases when ``case_id`` is given."""
        def same_patient(session: Session) -> None:
            if case_id is not None and self._patient_of_case(session, case_id) != patient_id:
                raise UserError("case_of_other_patient", "That case belongs to another patient.", case_id=case_id)

        return self._add(patient_id, "lab", lambda: lab_row(patient_id, case_id, lab), to_lab, check=same_patient)

    def update(self, lab_id: int, changes: LabChanges) -> LabResult:
        """Correct a stored lab result (name, value, unit, time, reference range, LOINC); the case link is kept."""
        return self._update(LabResultRow, lab_id, "lab", to_lab,
                            lambda row, value: lab_values(row.patient_id, row.case_id, value), changes.changed(),
                            keep=("patient_id", "case_id"))

    def delete(self, lab_id: int) -> None:
        self._delete(LabResultRow, lab_id, "lab")

    def for_patient(self, patient_id: int, name: str | None = None, loinc: str | None = None) -> list[LabResult]:
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


@dataclass(frozen=True)
class DueFollowUp:
    """A follow-up that is due today or overdue, with what the reminder list needs to show it."""

    follow_up: FollowUp
    case_id: int
    case_title: str
    patient_id: int
    patient_name: str
    days_overdue: int  # 0 = due today


class FollowUpsService(ServiceBase):
    def add(self, case_id: int, due: dt.date, note: str = "") -> FollowUp:
        with self._workspace.unit_of_work() as session:
            patient_id = self._patient_of_case(session, case_id)
            row = FollowUpRow(case_id=case_id, due=due, note=note, done=False)
            session.add(row)
            session.flush()
            touch(session, patient_id, "update", f"follow-up {row.id} added", self._actor)
            return to_follow_up(row)

    def update(self, follow_up_id: int, changes: FollowUpChanges) -> FollowUp:
        """Move the due date, rewrite the note, or mark done / not done (``FollowUpChanges(done=True)``)."""
        changed = changes.changed()
        with self._workspace.unit_of_work() as session:
            row = self._require(session, FollowUpRow, follow_up_id, "follow_up_not_found")
            if "due" in changed:
                row.due = changed["due"]
            if "note" in changed:
                row.note = changed["note"].strip()
            if "done" in changed:
                row.done = changed["done"]
            detail = ", ".join(f"done={changed[k]}" if k == "done" else k for k in changed)
            touch(session, self._patient_of_case(session, row.case_id), "update",
                  f"follow-up {follow_up_id} edited: {detail}", self._actor)
            return to_follow_up(row)

    def delete(self, follow_up_id: int) -> None:
        with self._workspace.unit_of_work() as session:
            row = self._require(session, FollowUpRow, follow_up_id, "follow_up_not_found")
            patient_id = self._patient_of_case(session, row.case_id)
            session.delete(row)
            session.flush()
            touch(session, patient_id, "update", f"follow-up {follow_up_id} deleted", self._actor)

    def due(self, today: dt.date | None = None) -> list[DueFollowUp]:
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
