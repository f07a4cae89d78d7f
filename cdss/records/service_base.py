"""What every records service shares: the workspace, who acts (for the audit log), today's date, and two checks.

Each public method of a records service opens its own short unit of work and returns frozen dataclasses (never ORM
rows). Every read of a patient's clinical content writes an audit row; every change also rebuilds that patient's
search document (:func:`cdss.records.rows.touch`), in the same transaction as the change.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from sqlalchemy.orm import Session

from cdss import audit
from cdss.errors import UserError
from cdss.records.models import CaseRow, PatientRow

if TYPE_CHECKING:
    from cdss.workspace import Workspace

Row = TypeVar("Row")


class ServiceBase:
    def __init__(self, workspace: Workspace, actor: str | None, today: Callable[[], dt.date]) -> None:
        self._workspace = workspace
        self._actor = actor
        self._today = today  # injectable so tests of "due" and "age" do not depend on the calendar

    @staticmethod
    def _require(session: Session, model: type[Row], row_id: int, code: str) -> Row:
        """The row with this id, or a UserError with ``code`` ("case_not_found") a doctor can read."""
        row = session.get(model, row_id)
        if row is None:
            thing = code.removesuffix("_not_found")
            what = thing.replace("_", " ")
            # Both names of the id: the error catalogue's templates say {case_id}, older callers read {id}.
            raise UserError(code, f"There is no {what} with id {row_id}; it may have been deleted.",
                            id=row_id, **{f"{thing}_id": row_id})
        return row

    def _patient_of_case(self, session: Session, case_id: int) -> int:
        return self._require(session, CaseRow, case_id, "case_not_found").patient_id

    def _read(self, session: Session, patient_id: int, what: str) -> None:
        """Audit a read of one part of a patient's record (refused for a patient who does not exist)."""
        self._require(session, PatientRow, patient_id, "patient_not_found")
        audit.record(session, "read", "patient", patient_id, what, actor=self._actor)
