"""What the Records room shows: one patient (as last read, with their labs) and one of their cases.

The page sets it after each read and when the doctor picks another case; the helpers that act on "this patient, this
case" — the timeline editor, the record actions, the attachment drop — read it here instead of reaching into the
page, and listen to :attr:`RecordSelection.changed`.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, Signal

from cdss.records.types import Case, Entry, FollowUp, LabResult, PatientRecord, stored_id


class NoPatientOpen(RuntimeError):
    """An action that needs an open patient ran without one (its button should have been disabled)."""


class RecordSelection(QObject):
    changed = Signal()  # the patient, their record as read, or the case changed

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._patient: PatientRecord | None = None
        self._labs: tuple[LabResult, ...] = ()
        self._case_id: int | None = None

    # -- setting (the page) --------------------------------------------------------------------------------------
    def show(self, patient: PatientRecord | None, labs: Sequence[LabResult], case_id: int | None) -> None:
        """A patient's record as just read, on ``case_id`` (None, or a case not theirs: no case)."""
        self._patient = patient
        self._labs = tuple(labs) if patient is not None else ()
        self._case_id = case_id if patient is not None and any(c.id == case_id for c in patient.cases) else None
        self.changed.emit()

    def select_case(self, case_id: int | None) -> None:
        if case_id != self._case_id:
            self._case_id = case_id if self.case_of(case_id) is not None else None
            self.changed.emit()

    # -- reading (everyone) --------------------------------------------------------------------------------------
    @property
    def patient(self) -> PatientRecord | None:
        return self._patient

    @property
    def labs(self) -> tuple[LabResult, ...]:
        """Every lab value of the patient, wherever it hangs (loose, on a case, on a timeline entry)."""
        return self._labs

    @property
    def case(self) -> Case | None:
        return self.case_of(self._case_id)

    def case_of(self, case_id: int | None) -> Case | None:
        if self._patient is None or case_id is None:
            return None
        return next((c for c in self._patient.cases if c.id == case_id), None)

    def patient_id(self) -> int:
        """The open patient's id; actions that need one are offered only while a patient is open."""
        if self._patient is None:
            raise NoPatientOpen("no patient is open")
        return stored_id(self._patient)

    def where(self) -> tuple[int, int | None]:
        """(patient id, case id) of what is on screen: where an undo step brings the doctor back to."""
        return self.patient_id(), self._case_id

    def entry(self, entry_id: int) -> Entry | None:
        """A timeline entry of the case on screen."""
        case = self.case
        return next((e for e in case.entries if e.id == entry_id), None) if case is not None else None

    def follow_up(self, follow_up_id: int) -> FollowUp | None:
        """A follow-up of the case on screen."""
        case = self.case
        return next((f for f in case.follow_ups if f.id == follow_up_id), None) if case is not None else None
