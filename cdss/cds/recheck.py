"""Re-checking a patient's active medications when a new lab value arrives.

The check runs twice — with the labs as they were before the new value and with it — and an alert that only the new
value produces (a renal threshold crossed by a creatinine rise, a QT risk raised by low potassium) is stored as an
open alert on the case, shown in its header until the doctor marks it reviewed. Running it again for the same lab
adds nothing: an alert already open for the same rule and drugs is not repeated.

The one function to call after a lab is stored (by any UI or importer) is :func:`after_new_lab`. As a safety net,
:func:`recheck_pending` (run when a case is shown) re-checks every lab stored since the last re-check of the patient,
whichever code path stored it.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field

from sqlalchemy import select

from cdss import audit
from cdss.cds import events
from cdss.cds.context import all_labs, build_context
from cdss.cds.models import OpenAlertRow, PatientFlagRow, RecheckMarkRow
from cdss.drugs.alerts import Alert
from cdss.drugs.checker import check
from cdss.drugs.knowledge import DrugKnowledge
from cdss.drugs.ratings import severity_rank
from cdss.records import access as records_api
from cdss.records.service import RecordsService
from cdss.workspace import Workspace


@dataclass(frozen=True)
class OpenAlert:
    id: int
    patient_id: int
    case_id: int | None
    lab_result_id: int | None
    alert: Alert
    created_at: dt.datetime
    data: dict = field(default_factory=dict, compare=False)  # the alert as stored (``Alert.to_dict``), for display


@dataclass(frozen=True)
class RecheckOutcome:
    patient_id: int
    new_alerts: tuple[OpenAlert, ...]
    checked_drugs: tuple[str, ...]


def _alert_from_json(text: str) -> Alert:
    data = json.loads(text)
    return Alert(kind=data["kind"], severity=data["severity"], drugs=tuple(data["drugs"]), title=data["title"],
                 mechanism=data["mechanism"], effect=data["effect"], management=data["management"],
                 evidence=data["evidence"], sources=tuple(data["sources"]), interruptive=data["interruptive"],
                 rule_id=data.get("rule_id"))


def _to_open(row: OpenAlertRow) -> OpenAlert:
    return OpenAlert(row.id, row.patient_id, row.case_id, row.lab_result_id, _alert_from_json(row.alert_json),
                     row.created_at, json.loads(row.alert_json))


def after_new_lab(workspace: Workspace, patient_id: int, lab_id: int | None = None, *, case_id: int | None = None,
                  knowledge: DrugKnowledge | None = None, today: dt.date | None = None,
                  actor: str | None = None) -> RecheckOutcome:
    """Re-check the patient's active medications after lab ``lab_id`` (default: the newest stored lab) was added.

    New alerts are stored on ``case_id`` (default: the lab's own case) and returned.
    """
    knowledge = knowledge or DrugKnowledge.for_workspace(workspace)
    record = RecordsService(workspace, actor=actor).patients.get(patient_id)
    labs = all_labs(record)
    if not labs:
        return RecheckOutcome(patient_id, (), ())
    if lab_id is None:
        lab_id = max((lab.id or 0) for lab in labs)
    before_labs = [lab for lab in labs if lab.id != lab_id]
    with workspace.unit_of_work() as session:
        flags = {r.flag: r.value for r in session.scalars(
            select(PatientFlagRow).where(PatientFlagRow.patient_id == patient_id))}
        lab_case = records_api.lab_case_id(session, lab_id)
    before = build_context(record, knowledge.catalog, flags=flags, today=today, labs=before_labs)
    after = build_context(record, knowledge.catalog, flags=flags, today=today, labs=labs)
    drug_ids = after.active_drug_ids
    if not drug_ids:
        with workspace.unit_of_work() as session:
            _advance_mark(session, patient_id, lab_id)
        return RecheckOutcome(patient_id, (), ())
    old = {events.alert_key(a): a for a in check(drug_ids, before.context, knowledge.catalog,
                                                 knowledge.extra_ratings).alerts}
    fresh = [a for a in check(drug_ids, after.context, knowledge.catalog, knowledge.extra_ratings).alerts
             if events.alert_key(a) not in old
             or severity_rank(a.severity) > severity_rank(old[events.alert_key(a)].severity)]
    target_case = case_id if case_id is not None else lab_case
    stored: list[OpenAlertRow] = []
    with workspace.unit_of_work() as session:
        _advance_mark(session, patient_id, lab_id)
        already = {f"{r.rule_id}|{r.drug_key}" for r in session.scalars(
            select(OpenAlertRow).where(OpenAlertRow.patient_id == patient_id, OpenAlertRow.reviewed_at.is_(None)))}
        for alert in fresh:
            if events.alert_key(alert) in already:
                continue
            row = OpenAlertRow(patient_id=patient_id, case_id=target_case, lab_result_id=lab_id,
                               rule_id=events.rule_key(alert), alert_kind=alert.kind, severity=alert.severity,
                               drug_key=events.drug_key(alert), title=alert.title,
                               alert_json=json.dumps(alert.to_dict(), ensure_ascii=False), created_at=events.now())
            session.add(row)
            events.add_event(session, patient_id, target_case, alert, events.RAISED)
            stored.append(row)
        if stored:
            session.flush()
            audit.record(session, "recheck", "patient", patient_id,
                         f"lab {lab_id}: {len(stored)} new alert(s): " + "; ".join(r.title for r in stored),
                         actor=actor)
        return RecheckOutcome(patient_id, tuple(_to_open(r) for r in stored), drug_ids)


def _advance_mark(session, patient_id: int, lab_id: int) -> None:
    mark = session.get(RecheckMarkRow, patient_id)
    if mark is None:
        session.add(RecheckMarkRow(patient_id=patient_id, last_lab_id=lab_id, checked_at=events.now()))
    elif lab_id > mark.last_lab_id:
        mark.last_lab_id, mark.checked_at = lab_id, events.now()


def recheck_pending(workspace: Workspace, patient_id: int, *, knowledge: DrugKnowledge | None = None,
                    today: dt.date | None = None, actor: str | None = None) -> tuple[OpenAlert, ...]:
    """Re-check every lab stored since this patient's last re-check, oldest first; returns the new alerts.

    The first call for a patient only sets the mark: history imported with the record is not news.
    """
    with workspace.unit_of_work() as session:
        mark = session.get(RecheckMarkRow, patient_id)
        newest = records_api.newest_lab_id(session, patient_id)
        if newest is None:
            return ()
        if mark is None:
            session.add(RecheckMarkRow(patient_id=patient_id, last_lab_id=newest, checked_at=events.now()))
            return ()
        pending = records_api.lab_ids_after(session, patient_id, mark.last_lab_id)
    found: list[OpenAlert] = []
    for lab_id in pending:
        found.extend(after_new_lab(workspace, patient_id, lab_id, knowledge=knowledge, today=today,
                                   actor=actor).new_alerts)
    return tuple(found)


def open_alerts(workspace: Workspace, patient_id: int) -> list[OpenAlert]:
    """Alerts raised by re-checks and not yet reviewed, most severe first."""
    with workspace.unit_of_work() as session:
        rows = session.scalars(select(OpenAlertRow).where(OpenAlertRow.patient_id == patient_id,
                                                          OpenAlertRow.reviewed_at.is_(None))
                               .order_by(OpenAlertRow.id))
        alerts = [_to_open(r) for r in rows]
    return sorted(alerts, key=lambda a: a.alert.sort_key)


def mark_reviewed(workspace: Workspace, open_alert_id: int, actor: str | None = None) -> None:
    with workspace.unit_of_work() as session:
        row = session.get(OpenAlertRow, open_alert_id)
        if row is None or row.reviewed_at is not None:
            return
        row.reviewed_at = events.now()
        audit.record(session, "review", "cds_alert", open_alert_id, f"patient {row.patient_id}: {row.title}",
                     actor=actor)
