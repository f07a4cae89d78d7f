"""Prescribing with decision support: tiers, override reasons, memory per patient and drug pair, follow-ups,
timeline entries and audit rows — all stored together or not at all."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from cdss.cds import events
from cdss.cds.models import AlertEventRow
from cdss.cds.service import OverrideDecision
from cdss.db.models import AuditLogRow
from cdss.errors import UserError
from cdss.records.types import EntryKind, Medication

DUE = dt.date(2026, 1, 18)
STATIN_RULE = "statin3a4_strong_cyp3a4_inhibitor"


def _monitor(check, text="INR and CK"):
    return {events.alert_key(a): OverrideDecision("will_monitor", text, DUE) for a in check.interrupting}


def test_contraindicated_pair_interrupts_and_others_stay_inline(cds, patient_case):
    _records, patient, _case = patient_case
    check = cds.check_new_medication(patient.id, "clarithromycin")
    assert check.drug_ids == ("clarithromycin",)
    assert [a.rule_id for a in check.interrupting] == [STATIN_RULE]
    assert all(not a.interruptive for a in check.inline)
    assert any(set(a.drugs) == {"warfarin", "clarithromycin"} for a in check.inline)
    # alerts among drugs already taken are not this prescription's business
    assert all("clarithromycin" in a.drugs for a in check.alerts)
    assert check.context.crcl is not None


def test_override_with_monitoring_creates_follow_up_entry_events_and_audit(cds, patient_case, workspace):
    records, patient, case = patient_case
    check = cds.check_new_medication(patient.id, "clarithromycin")
    outcome = cds.prescribe(check, case.id, Medication("clarithromycin", "500 mg bid"), _monitor(check))
    assert outcome.medication.drug_id == "clarithromycin" and outcome.medication.start == dt.date(2026, 1, 15)
    stored = records.cases.get(case.id)
    follow_up = next(f for f in stored.follow_ups if f.id == outcome.follow_up_ids[0])
    assert follow_up.due == DUE and follow_up.note == "Monitor: INR and CK"
    entry = next(e for e in stored.entries if e.id == outcome.entry_id)
    assert entry.kind is EntryKind.MEDICATION
    assert "Started clarithromycin 500 mg bid." in entry.text
    assert "Alert overridden (contraindicated): Simvastatin + Clarithromycin" in entry.text
    assert "Reason: Will monitor: INR and CK" in entry.text and "Follow-up set for 2026-01-18" in entry.text
    with workspace.unit_of_work() as session:
        rows = session.scalars(select(AlertEventRow).order_by(AlertEventRow.id)).all()
        audit_rows = session.scalars(select(AuditLogRow).where(AuditLogRow.action == "override")).all()
        assert [(r.rule_id, r.outcome, r.reason_code, r.follow_up_id) for r in rows if r.interruptive] == [
            (STATIN_RULE, "overridden", "will_monitor", outcome.follow_up_ids[0])]
        assert {r.outcome for r in rows if not r.interruptive} == {"shown"}
        assert len(audit_rows) == 1 and STATIN_RULE in audit_rows[0].detail
        assert audit_rows[0].actor == "dr-test"


def test_an_overridden_pair_does_not_interrupt_again(cds, patient_case):
    _records, patient, case = patient_case
    first = cds.check_new_medication(patient.id, "clarithromycin")
    cds.prescribe(first, case.id, Medication("clarithromycin"), {
        events.alert_key(a): OverrideDecision("short_course") for a in first.interrupting})
    again = cds.check_new_medication(patient.id, "克拉霉素")
    assert again.interrupting == () and [a.rule_id for a in again.remembered] == [STATIN_RULE]
    outcome = cds.prescribe(again, case.id, Medication("克拉霉素"), language="zh")
    assert outcome.follow_up_ids == ()
    # another patient is interrupted as before: the memory is per patient
    other = _records.patients.create("Other Patient", birth_date=dt.date(1960, 1, 1))
    _records.medications.add(other.id, Medication("simvastatin"))
    assert cds.check_new_medication(other.id, "clarithromycin").interrupting


def test_reasons_are_required_and_nothing_is_half_written(cds, patient_case):
    records, patient, case = patient_case
    check = cds.check_new_medication(patient.id, "clarithromycin")
    key = events.alert_key(check.interrupting[0])
    bad = [{}, {key: OverrideDecision("will_monitor", "INR")}, {key: OverrideDecision("other", "  ")},
           {key: OverrideDecision("made_up")}]
    codes = []
    for decisions in bad:
        with pytest.raises(UserError) as caught:
            cds.prescribe(check, case.id, Medication("clarithromycin"), decisions)
        codes.append(caught.value.code)
    assert codes == ["cds_override_reason_required", "cds_follow_up_date_required", "cds_override_text_required",
                     "cds_override_reason_required"]
    with pytest.raises(UserError) as caught:
        cds.prescribe(check, None, Medication("clarithromycin"), _monitor(check))
    assert caught.value.code == "cds_case_required"
    assert not any(m.drug_id == "clarithromycin" for m in records.medications.for_patient(patient.id))
    assert records.cases.get(case.id).follow_ups == ()


def test_cancel_counts_the_interruption_as_accepted(cds, patient_case, workspace):
    _records, patient, case = patient_case
    check = cds.check_new_medication(patient.id, "clarithromycin")
    assert cds.cancel_prescription(check, case.id) == 1
    with workspace.unit_of_work() as session:
        assert session.scalars(select(AlertEventRow.outcome)).all() == ["accepted"]
    # a heeded alert is not an override: it interrupts again next time
    assert cds.check_new_medication(patient.id, "clarithromycin").interrupting


def test_unknown_drug_is_stored_unchecked_and_said(cds, patient_case):
    records, patient, case = patient_case
    check = cds.check_new_medication(patient.id, "Herbal tea blend")
    assert not check.checked and check.alerts == ()
    assert check.notes[0].code == "new_drug_unknown"
    outcome = cds.prescribe(check, case.id, Medication("Herbal tea blend"))
    assert outcome.medication.drug_id is None and outcome.event_ids == ()


def test_duplicate_and_hide_minor(cds, patient_case):
    _records, patient, _case = patient_case
    duplicate = cds.check_new_medication(patient.id, "warfarin")
    assert any(a.kind == "duplicate" and a.drugs == ("warfarin",) for a in duplicate.alerts)
    everything = cds.check_new_medication(patient.id, "clarithromycin")
    quiet = cds.check_new_medication(patient.id, "clarithromycin", hide_minor=True)
    assert all(a.severity != "minor" for a in quiet.inline)
    assert len(quiet.inline) == len([a for a in everything.inline if a.severity != "minor"])


def test_flags_feed_the_pregnancy_check(cds, workspace):
    from cdss.records.service import RecordsService
    from cdss.records.types import Sex

    records = RecordsService(workspace)
    woman = records.patients.create("A Woman", sex=Sex.FEMALE, birth_date=dt.date(1995, 1, 1))
    assert cds.flags(woman.id) == {}
    assert not any(a.kind == "pregnancy" for a in cds.check_new_medication(woman.id, "warfarin").alerts)
    assert cds.set_flag(woman.id, "pregnant", True) == {"pregnant": True}
    pregnant = cds.check_new_medication(woman.id, "warfarin")
    assert any(a.kind == "pregnancy" for a in pregnant.alerts)
    with pytest.raises(UserError):
        cds.set_flag(woman.id, "smoker", True)


def test_chinese_entry_uses_the_titles_the_doctor_read(cds, patient_case):
    records, patient, case = patient_case
    check = cds.check_new_medication(patient.id, "克拉霉素")
    key = events.alert_key(check.interrupting[0])
    outcome = cds.prescribe(check, case.id, Medication("克拉霉素", "0.5 g bid"),
                            {key: OverrideDecision("will_monitor", "", DUE)}, language="zh",
                            titles={key: "辛伐他汀 + 克拉霉素：肌病和横纹肌溶解"})
    stored = records.cases.get(case.id)
    entry = next(e for e in stored.entries if e.id == outcome.entry_id)
    assert entry.text.splitlines() == ["开始用药：克拉霉素 0.5 g bid。",
                                       "忽略警示（禁忌）：辛伐他汀 + 克拉霉素：肌病和横纹肌溶解。理由：将监测。",
                                       "已安排随访 2026-01-18。"]
    # no monitoring text: the follow-up names the alert itself
    assert next(f for f in stored.follow_ups if f.id == outcome.follow_up_ids[0]).note == \
        "用药监测：辛伐他汀 + 克拉霉素：肌病和横纹肌溶解"
