"""Stopping (discontinuing) a medication from a case, and undoing that.

A stop sets the medication inactive with today's end date, writes a MEDICATION timeline entry "Stopped X" in the case,
and closes the open re-check alerts that no longer apply: those concerning a drug that no other active medication of
the patient still provides (a renal alert on the stopped drug, an interaction with it). Everything happens in one
transaction with its audit rows, and :func:`undo_stop` reverses exactly what :func:`stop_medication` did.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select

from cdss import audit
from cdss.cds import events
from cdss.cds.models import OpenAlertRow
from cdss.cds.texts import stop_entry
from cdss.errors import UserError
from cdss.records import access as records_api
from cdss.records.types import Entry, EntryKind

if TYPE_CHECKING:
    from cdss.cds.service import DecisionSupportService


@dataclass(frozen=True)
class StopOutcome:
    """What a stop changed, so that it can be undone."""

    patient_id: int
    medication_id: int
    name: str
    previous_end: dt.date | None
    entry_id: int | None
    closed_alert_ids: tuple[int, ...]


def _alert_drugs(row: OpenAlertRow) -> set[str]:
    try:
        return set(json.loads(row.alert_json).get("drugs", ()))
    except (ValueError, AttributeError):
        return set(row.drug_key.split("+"))


def stop_medication(service: DecisionSupportService, medication_id: int, case_id: int | None, *,
                    language: str = "en", occurred_at: dt.datetime | None = None) -> StopOutcome:
    """Discontinue medication ``medication_id`` today; the timeline entry goes into ``case_id`` when given."""
    with service._workspace.unit_of_work() as session:
        found = records_api.medication_ref(session, medication_id)
        if found is None:
            raise UserError("medication_not_found", f"There is no medication with id {medication_id}.",
                            id=medication_id)
        patient_id = found.patient_id
    # Which drugs the patient still takes afterwards decides which open alerts stop applying.
    context = service.context(patient_id)
    stopped = next((m for m in context.medications if m.medication_id == medication_id), None)
    remaining = {d for m in context.medications if m.medication_id != medication_id for d in m.drug_ids}
    gone = set(stopped.drug_ids) - remaining if stopped is not None else set()
    today = service._today()
    with service._workspace.unit_of_work() as session:
        medication = records_api.medication_ref(session, medication_id)
        if medication is None or not medication.active:
            raise UserError("cds_medication_not_active", "This medication is not active.", id=medication_id)
        if case_id is not None:
            records_api.require_case_of(session, case_id, patient_id)
        previous_end = medication.end
        records_api.set_medication_active(session, medication_id, False, today)
        closed: list[int] = []
        if gone:
            for alert_row in session.scalars(select(OpenAlertRow).where(
                    OpenAlertRow.patient_id == patient_id, OpenAlertRow.reviewed_at.is_(None))):
                if _alert_drugs(alert_row) & gone:
                    alert_row.reviewed_at = events.now()
                    closed.append(alert_row.id)
        entry_id = None
        if case_id is not None:
            entry_id = records_api.add_entry(session, patient_id, case_id, Entry(
                EntryKind.MEDICATION, occurred_at or records_api.clinical_now(),
                stop_entry(medication.name, medication.dose, language)))
        audit.record(session, "stop", "medication", medication_id,
                     f"patient {patient_id}: {medication.name} stopped {today.isoformat()}"
                     + (f"; closed re-check alert(s) {closed}" if closed else ""), actor=service._actor)
        records_api.record_changed(session, patient_id, f"medication {medication_id} stopped", service._actor)
        return StopOutcome(patient_id, medication_id, medication.name, previous_end, entry_id, tuple(closed))


def undo_stop(service: DecisionSupportService, outcome: StopOutcome) -> None:
    """Make the medication active again, remove the "Stopped" entry and reopen the alerts the stop closed."""
    with service._workspace.unit_of_work() as session:
        records_api.set_medication_active(session, outcome.medication_id, True, outcome.previous_end)
        if outcome.entry_id is not None:
            records_api.hide_entry(session, outcome.entry_id)
        for alert_id in outcome.closed_alert_ids:
            alert_row = session.get(OpenAlertRow, alert_id)
            if alert_row is not None:
                alert_row.reviewed_at = None
        audit.record(session, "undo_stop", "medication", outcome.medication_id,
                     f"patient {outcome.patient_id}: {outcome.name} active again", actor=service._actor)
        records_api.record_changed(session, outcome.patient_id, f"medication {outcome.medication_id} stop undone",
                                   service._actor)
