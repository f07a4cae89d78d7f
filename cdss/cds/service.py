"""Decision support while prescribing in a case.

``check_new_medication`` runs the checker on the patient's active medications plus the new drug, with the context
taken from the record, and sorts the alerts that concern the new drug into tiers: interruptive ones (contraindicated
or ONC high-priority) that need an override reason, unless this patient already had that alert overridden for the
same drugs; and inline ones. ``prescribe`` then stores the medication, every alert's outcome, a timeline entry, a
follow-up for each monitoring override and the audit rows — all in one transaction, so a failure writes nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace

from sqlalchemy import select

from cdss import audit
from cdss.cds import events
from cdss.cds.alternatives import Alternative, safer_alternatives
from cdss.cds.context import FLAGS, CaseContext, ContextNote, build_context, note
from cdss.cds.doses import dose_review
from cdss.cds.models import PatientFlagRow
from cdss.cds.names import resolve_medication_name
from cdss.cds.texts import monitoring_note, prescription_entry
from cdss.clock import local
from cdss.drugs.alerts import Alert, CheckResult, CheckScope
from cdss.drugs.checker import check
from cdss.drugs.knowledge import DrugKnowledge
from cdss.drugs.messages import Message
from cdss.errors import UserError
from cdss.records import access as records_api
from cdss.records.service import RecordsService
from cdss.records.types import Entry, EntryKind, Medication
from cdss.workspace import Workspace

REASON_CODES = ("benefit_outweighs_risk", "will_monitor", "already_tolerated", "short_course", "intended_dose",
                "other")
#: The reasons that make sense for each kind of interrupting alert (e.g. no "will monitor" for a pregnancy alert,
#: no "already tolerated" for an overdose); kinds not listed get the interaction list.
REASONS_BY_KIND = {
    "interaction": ("benefit_outweighs_risk", "will_monitor", "already_tolerated", "short_course", "other"),
    "dose": ("intended_dose", "benefit_outweighs_risk", "other"),
    "allergy": ("already_tolerated", "benefit_outweighs_risk", "other"),
    "pregnancy": ("benefit_outweighs_risk", "other"),
    "lactation": ("benefit_outweighs_risk", "other"),
    "renal": ("will_monitor", "benefit_outweighs_risk", "short_course", "other"),
    "hepatic": ("will_monitor", "benefit_outweighs_risk", "short_course", "other"),
    "duplicate": ("benefit_outweighs_risk", "short_course", "other"),
}


def reasons_for(kind: str) -> tuple[str, ...]:
    return REASONS_BY_KIND.get(kind, REASONS_BY_KIND["interaction"])
#: Reasons that promise monitoring and therefore need a follow-up date.
MONITORING_REASONS = frozenset({"will_monitor"})


@dataclass(frozen=True)
class OverrideDecision:
    reason_code: str
    reason_text: str = ""
    follow_up_due: dt.date | None = None


@dataclass(frozen=True)
class PrescriptionCheck:
    """The checker's answer for one new medication, tiered for presentation."""

    patient_id: int
    name: str
    drug_ids: tuple[str, ...]  # empty: the name is not in the drug dictionary and nothing could be checked
    unresolved_parts: tuple[str, ...]
    interrupting: tuple[Alert, ...]  # need an override reason now
    remembered: tuple[Alert, ...]  # interruptive, already overridden for this patient and drugs: shown inline
    inline: tuple[Alert, ...]
    context: CaseContext
    notes: tuple[ContextNote, ...]
    checker_notes: tuple[str, ...] = ()  # the checker's own notes (e.g. an allergy name it does not know)
    dose: str | None = None  # the dose as prescribed
    dose_notes: tuple[Message, ...] = ()  # what the dose check could not do (no maximum known, dose not read)
    scope: CheckScope | None = None  # what the check covered
    alternatives: tuple[Alternative, ...] = ()  # same-class drugs without an interrupting or major alert here

    @property
    def alerts(self) -> tuple[Alert, ...]:
        return self.interrupting + self.remembered + self.inline

    @property
    def checked(self) -> bool:
        return bool(self.drug_ids)


@dataclass(frozen=True)
class PrescribeOutcome:
    medication: Medication
    entry_id: int | None
    follow_up_ids: tuple[int, ...]
    event_ids: tuple[int, ...]


def involves(alert: Alert, drug_ids: Sequence[str]) -> bool:
    return any(d in alert.drugs for d in drug_ids)


class DecisionSupportService:
    def __init__(self, workspace: Workspace, *, actor: str | None = None, knowledge: DrugKnowledge | None = None,
                 today: Callable[[], dt.date] = dt.date.today) -> None:
        self._workspace = workspace
        self._actor = actor
        self._knowledge = knowledge
        self._today = today
        self.records = RecordsService(workspace, actor=actor, today=today)

    @property
    def knowledge(self) -> DrugKnowledge:
        if self._knowledge is None:
            self._knowledge = DrugKnowledge.for_workspace(self._workspace)
        return self._knowledge

    # -- flags the record has no field for ----------------------------------------------------------------------
    def flags(self, patient_id: int) -> dict[str, bool]:
        """Recorded flags only: a flag never set is absent (unknown), not False."""
        with self._workspace.unit_of_work() as session:
            rows = session.scalars(select(PatientFlagRow).where(PatientFlagRow.patient_id == patient_id))
            return {r.flag: r.value for r in rows}

    def set_flag(self, patient_id: int, flag: str, value: bool) -> dict[str, bool]:
        if flag not in FLAGS:
            raise UserError("cds_unknown_flag", f"Unknown patient flag '{flag}'.", flag=flag)
        with self._workspace.unit_of_work() as session:
            records_api.require_patient(session, patient_id)
            row = session.get(PatientFlagRow, (patient_id, flag))
            if row is None:
                session.add(PatientFlagRow(patient_id=patient_id, flag=flag, value=value, updated_at=events.now()))
            else:
                row.value, row.updated_at = value, events.now()
            records_api.record_changed(session, patient_id, f"flag {flag}={value}", self._actor)
        return self.flags(patient_id)

    # -- context and regimen ------------------------------------------------------------------------------------
    def context(self, patient_id: int) -> CaseContext:
        record = self.records.patients.get(patient_id)
        return build_context(record, self.knowledge.catalog, flags=self.flags(patient_id), today=self._today())

    def check_ids(self, drug_ids: Sequence[str], context: CaseContext | None) -> CheckResult:
        return check(list(drug_ids), context.context if context is not None else None, self.knowledge.catalog,
                     extra_ratings=self.knowledge.extra_ratings)

    def check_regimen(self, patient_id: int) -> tuple[CaseContext, CheckResult]:
        """Every alert of the patient's active medications (shown inline on the medication list), including the
        dose of each one against its maximum for this patient."""
        context = self.context(patient_id)
        result = self.check_ids(context.active_drug_ids, context)
        dose_alerts = [alert for med in context.medications
                       for alert in dose_review(self.knowledge.catalog, med.drug_ids, med.dose, context).alerts]
        if not dose_alerts:
            return context, result
        return context, replace(result, alerts=tuple(sorted((*result.alerts, *dose_alerts), key=lambda a: a.sort_key)))

    def overridden(self, patient_id: int, alerts: Sequence[Alert]) -> dict[int, dict[str, str | None]]:
        """For the alerts (by position) that this patient already had overridden: the latest reason, who and when,
        for showing next to the alert instead of its interrupt badge."""
        with self._workspace.unit_of_work() as session:
            records = events.latest_overrides(session, patient_id)
        out: dict[int, dict[str, str | None]] = {}
        for index, alert in enumerate(alerts):
            found = records.get(events.alert_key(alert))
            if found is not None:
                out[index] = {"reason_code": found.reason_code, "reason_text": found.reason_text,
                              "actor": found.actor, "at": f"{local(found.at):%Y-%m-%d %H:%M}"}
        return out

    def override_history(self, patient_id: int, case_id: int | None = None) -> list[dict[str, object]]:
        """Every override of this patient (of one case when given), oldest first: when (this computer's local time),
        the alert as the doctor read it, the reason code and text, who — for the case report."""
        from cdss.cds.models import AlertEventRow

        with self._workspace.unit_of_work() as session:
            query = select(AlertEventRow).where(AlertEventRow.patient_id == patient_id,
                                                AlertEventRow.outcome == events.OVERRIDDEN)
            if case_id is not None:
                query = query.where(AlertEventRow.case_id == case_id)
            rows = session.scalars(query.order_by(AlertEventRow.created_at, AlertEventRow.id))
            return [{"at": local(r.created_at), "title": r.title or r.rule_id, "reason_code": r.reason_code,
                     "reason_text": r.reason_text, "actor": r.actor} for r in rows]

    # -- prescribing --------------------------------------------------------------------------------------------
    def check_new_medication(self, patient_id: int, name: str, drug_id: str | None = None, *,
                             dose: str | None = None, hide_minor: bool = False) -> PrescriptionCheck:
        context = self.context(patient_id)
        resolution = resolve_medication_name(name, self.knowledge.catalog, drug_id)
        new_ids = resolution.drug_ids
        notes = list(context.notes)
        if not new_ids:
            notes.insert(0, note("new_drug_unknown", name=name))
            return PrescriptionCheck(patient_id, name, (), resolution.unresolved_parts, (), (), (), context,
                                     tuple(notes), dose=dose)
        # The active list goes in with repeats kept, so that prescribing a drug already taken is a duplicate alert.
        regimen = [d for m in context.medications for d in m.drug_ids] + list(new_ids)
        result = self.check_ids(regimen, context)
        dose_finding = dose_review(self.knowledge.catalog, new_ids, dose, context)
        with self._workspace.unit_of_work() as session:
            remembered_keys = events.overridden_keys(session, patient_id)
        interrupting, remembered, inline = [], [], []
        for alert in sorted((*result.alerts, *dose_finding.alerts), key=lambda a: a.sort_key):
            if not involves(alert, new_ids):
                continue  # already on the medication list; this prescription does not change it
            if alert.interruptive:
                # an overdose interrupts every time: an earlier override was for another dose
                remembered_before = alert.kind != "dose" and events.alert_key(alert) in remembered_keys
                (remembered if remembered_before else interrupting).append(alert)
            elif not (hide_minor and alert.severity == "minor"):
                inline.append(alert)
        scope = result.scope
        if scope is not None:
            scope = replace(scope, dose_checked=int(dose_finding.compared),
                            unknown_names=tuple(m.name for m in context.unresolved_medications))
        alternatives: tuple[Alternative, ...] = ()
        if interrupting and len(new_ids) == 1:
            current = [d for m in context.medications for d in m.drug_ids]
            alternatives = safer_alternatives(self.knowledge.catalog, new_ids[0], current,
                                              lambda ids: self.check_ids(ids, context))
        return PrescriptionCheck(patient_id, name, new_ids, resolution.unresolved_parts, tuple(interrupting),
                                 tuple(remembered), tuple(inline), context, tuple(notes), tuple(result.notes),
                                 dose=dose, dose_notes=dose_finding.notes, scope=scope, alternatives=alternatives)

    def prescribe(self, prescription: PrescriptionCheck, case_id: int | None, medication: Medication,
                  decisions: Mapping[str, OverrideDecision] | None = None, *, language: str = "en",
                  titles: Mapping[str, str] | None = None,
                  occurred_at: dt.datetime | None = None) -> PrescribeOutcome:
        """Store the medication with the outcome of every alert of ``prescription``.

        ``decisions`` maps :func:`cdss.cds.events.alert_key` of each interrupting alert to its override reason;
        a missing reason, or a monitoring reason without a follow-up date, is refused before anything is written.
        ``titles`` (same keys) are the alert titles as the doctor read them (translated), for the timeline entry and
        the follow-up note; the English title is used where none is given.
        """
        titles = dict(titles or {})
        decisions = dict(decisions or {})
        patient_id = prescription.patient_id
        for alert in prescription.interrupting:
            decision = decisions.get(events.alert_key(alert))
            if decision is None or decision.reason_code not in REASON_CODES:
                raise UserError("cds_override_reason_required",
                                f"An override reason is required for: {alert.title}", title=alert.title)
            if decision.reason_code == "other" and not decision.reason_text.strip():
                raise UserError("cds_override_text_required", "Say why the alert is overridden.")
            if decision.reason_code in MONITORING_REASONS and decision.follow_up_due is None:
                raise UserError("cds_follow_up_date_required", "A monitoring reason needs a follow-up date.")
            if decision.reason_code in MONITORING_REASONS and case_id is None:
                raise UserError("cds_case_required", "Open a case first: the monitoring follow-up belongs to a case.")
        drug_id = medication.drug_id or (prescription.drug_ids[0] if len(prescription.drug_ids) == 1 else None)
        medication = Medication(medication.name, medication.dose, medication.route,
                                medication.start or self._today(), medication.end, medication.active, drug_id,
                                medication.code, medication.code_system)
        with self._workspace.unit_of_work() as session:
            records_api.require_patient(session, patient_id)
            if case_id is not None:
                records_api.require_case_of(session, case_id, patient_id)
            stored = records_api.add_medication(session, patient_id, medication)
            event_rows, follow_up_ids, overrides, due_texts, shown_titles = [], [], [], [], []
            for alert in prescription.interrupting:
                decision = decisions[events.alert_key(alert)]
                follow_up_id = None
                due = decision.follow_up_due  # set for every monitoring reason (checked above)
                if decision.reason_code in MONITORING_REASONS and case_id is not None and due is not None:
                    title = titles.get(events.alert_key(alert), alert.title)
                    follow_up_id = records_api.add_follow_up(session, case_id, due,
                                                             monitoring_note(title, decision.reason_text, language))
                    follow_up_ids.append(follow_up_id)
                    due_texts.append(due.isoformat())
                row = events.add_event(session, patient_id, case_id, alert, events.OVERRIDDEN,
                                       reason_code=decision.reason_code, reason_text=decision.reason_text or None,
                                       follow_up_id=follow_up_id, actor=self._actor)
                event_rows.append(row)
                overrides.append((alert, decision.reason_code, decision.reason_text))
                shown_titles.append(titles.get(events.alert_key(alert), alert.title))
            event_rows += [events.add_event(session, patient_id, case_id, a, events.REMEMBERED)
                           for a in prescription.remembered]
            event_rows += [events.add_event(session, patient_id, case_id, a, events.SHOWN)
                           for a in prescription.inline]
            session.flush()
            for row, (alert, code, text) in zip(event_rows, overrides, strict=False):
                audit.record(session, "override", "cds_alert", row.id,
                             f"patient {patient_id}: {alert.title} [{row.rule_id}] reason={code}"
                             + (f" ({text})" if text else ""), actor=self._actor)
            entry_id = None
            if case_id is not None:
                text = prescription_entry(medication.name, medication.dose,
                                          [(title, alert.severity, code, reason) for title, (alert, code, reason)
                                           in zip(shown_titles, overrides, strict=True)], due_texts, language)
                entry_id = records_api.add_entry(session, patient_id, case_id, Entry(
                    EntryKind.MEDICATION, occurred_at or records_api.clinical_now(), text))
            records_api.record_changed(session, patient_id, f"medication {stored.id} prescribed with decision support "
                                   f"({len(overrides)} override(s))", self._actor)
            return PrescribeOutcome(stored, entry_id, tuple(follow_up_ids), tuple(r.id for r in event_rows))

    # -- stopping -----------------------------------------------------------------------------------------------
    def stop_medication(self, medication_id: int, case_id: int | None, *, language: str = "en",
                        occurred_at: dt.datetime | None = None):
        """Discontinue a medication today (see :mod:`cdss.cds.stopping`); returns a ``StopOutcome`` for undo."""
        from cdss.cds.stopping import stop_medication

        return stop_medication(self, medication_id, case_id, language=language, occurred_at=occurred_at)

    def undo_stop(self, outcome) -> None:
        from cdss.cds.stopping import undo_stop

        undo_stop(self, outcome)

    def cancel_prescription(self, prescription: PrescriptionCheck, case_id: int | None) -> int:
        """The doctor heeded the interruptive alerts and did not prescribe: each counts as accepted."""
        with self._workspace.unit_of_work() as session:
            for alert in prescription.interrupting:
                events.add_event(session, prescription.patient_id, case_id, alert, events.ACCEPTED)
            if prescription.interrupting:
                audit.record(session, "accept", "cds_alert", prescription.patient_id,
                             f"{prescription.name}: prescription cancelled after {len(prescription.interrupting)} "
                             "alert(s)", actor=self._actor)
        return len(prescription.interrupting)
