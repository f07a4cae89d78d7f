"""Keys and rows for alert events: how an alert is named in the log, and how an override is remembered."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from cdss.audit import current_actor
from cdss.cds.models import AlertEventRow
from cdss.clock import utc_now as now
from cdss.drugs.alerts import Alert

#: Outcomes of one alert shown (or raised) once.
OVERRIDDEN = "overridden"  # interruptive; the prescription went ahead with a reason
ACCEPTED = "accepted"  # interruptive; the doctor cancelled the prescription
SHOWN = "shown"  # inline (not interruptive); the prescription went ahead
REMEMBERED = "remembered"  # interruptive, but already overridden for this patient and drugs: not shown again
RAISED = "raised"  # raised on the case by a re-check after a new lab value
OUTCOMES = (OVERRIDDEN, ACCEPTED, SHOWN, REMEMBERED, RAISED)


def rule_key(alert: Alert) -> str:
    """The rule an alert came from; an interaction only an imported source rates is keyed by that source."""
    if alert.rule_id:
        return alert.rule_id[:80]
    source = alert.sources[0] if alert.sources else "unknown"
    return f"{alert.kind}:{source}"[:80]


def drug_key(alert: Alert) -> str:
    return "+".join(sorted(alert.drugs))[:200]


def alert_key(alert: Alert) -> str:
    """Identifies one alert of one check: the rule and the drugs it concerns."""
    return f"{rule_key(alert)}|{drug_key(alert)}"


def add_event(session: Session, patient_id: int, case_id: int | None, alert: Alert, outcome: str, *,
              reason_code: str | None = None, reason_text: str | None = None,
              follow_up_id: int | None = None, actor: str | None = None) -> AlertEventRow:
    row = AlertEventRow(patient_id=patient_id, case_id=case_id, rule_id=rule_key(alert), alert_kind=alert.kind,
                        severity=alert.severity, drug_key=drug_key(alert), interruptive=alert.interruptive,
                        outcome=outcome, reason_code=reason_code, reason_text=reason_text,
                        follow_up_id=follow_up_id, title=alert.title, created_at=now(),
                        actor=actor or current_actor())
    session.add(row)
    return row


@dataclass(frozen=True)
class OverrideRecord:
    """The latest override of one alert for one patient: why, by whom, when (local time as stored)."""

    reason_code: str | None
    reason_text: str | None
    actor: str | None
    at: dt.datetime


def latest_overrides(session: Session, patient_id: int) -> dict[str, OverrideRecord]:
    """``alert_key`` → its latest override for this patient."""
    rows = session.scalars(
        select(AlertEventRow).where(AlertEventRow.patient_id == patient_id, AlertEventRow.outcome == OVERRIDDEN)
        .order_by(AlertEventRow.created_at, AlertEventRow.id))
    return {f"{r.rule_id}|{r.drug_key}": OverrideRecord(r.reason_code, r.reason_text, r.actor, r.created_at)
            for r in rows}


def overridden_keys(session: Session, patient_id: int) -> set[str]:
    """``alert_key``s this patient already had overridden: those alerts do not interrupt again."""
    rows = session.execute(
        select(AlertEventRow.rule_id, AlertEventRow.drug_key)
        .where(AlertEventRow.patient_id == patient_id, AlertEventRow.outcome == OVERRIDDEN))
    return {f"{rule}|{drugs}" for rule, drugs in rows}
