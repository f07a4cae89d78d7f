"""Stopping a medication (timeline entry, audit, closing the re-check alerts it alone caused, undo) and the open-alert
counts shown on the patient cards."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from cdss.cds import recheck
from cdss.cds.alert_counts import open_alert_counts
from cdss.db.models import AuditLogRow
from cdss.errors import UserError
from cdss.records.types import EntryKind, LabResult, Medication

TODAY = dt.date(2026, 1, 15)  # the `cds` fixture's today (tests/unit/cds/conftest.py)


def _renal_alert_on_metformin(workspace, knowledge, records, patient, case):
    metformin = records.medications.add(patient.id, Medication("metformin", "500 mg bid"))
    risen = records.labs.add(patient.id, LabResult("Serum creatinine", dt.datetime(2026, 1, 10), value=260,
                                                  unit="µmol/L", loinc="14682-9"), case.id)
    outcome = recheck.after_new_lab(workspace, patient.id, risen.id, knowledge=knowledge)
    assert any(a.alert.drugs == ("metformin",) for a in outcome.new_alerts)
    return metformin, outcome


def test_stop_closes_only_the_alerts_of_the_stopped_drug_and_undo_restores(workspace, knowledge, cds, patient_case):
    records, patient, case = patient_case
    metformin, outcome = _renal_alert_on_metformin(workspace, knowledge, records, patient, case)
    others = {a.id for a in outcome.new_alerts if "metformin" not in a.alert.drugs}
    stop = cds.stop_medication(metformin.id, case.id)

    stopped = next(m for m in records.medications.for_patient(patient.id) if m.id == metformin.id)
    assert not stopped.active and stopped.end == TODAY
    assert set(stop.closed_alert_ids) == {a.id for a in outcome.new_alerts if "metformin" in a.alert.drugs}
    assert {a.id for a in recheck.open_alerts(workspace, patient.id)} == others
    entries = [e for e in records.cases.get(case.id).entries if e.kind is EntryKind.MEDICATION]
    assert [e.text for e in entries] == ["Stopped metformin 500 mg bid."]
    assert "metformin" not in cds.context(patient.id).active_drug_ids
    with workspace.unit_of_work() as session:
        rows = session.scalars(select(AuditLogRow).where(AuditLogRow.action == "stop")).all()
    assert len(rows) == 1 and "metformin" in rows[0].detail and rows[0].actor == "dr-test"

    cds.undo_stop(stop)
    again = next(m for m in records.medications.for_patient(patient.id) if m.id == metformin.id)
    assert again.active and again.end is None
    assert {a.id for a in recheck.open_alerts(workspace, patient.id)} == {a.id for a in outcome.new_alerts}
    assert not [e for e in records.cases.get(case.id).entries if e.kind is EntryKind.MEDICATION]


def test_stop_in_chinese_and_without_a_case(workspace, cds, patient_case):
    records, patient, case = patient_case
    warfarin = next(m for m in records.medications.for_patient(patient.id) if m.name == "warfarin")
    stop = cds.stop_medication(warfarin.id, case.id, language="zh")
    entry = next(e for e in records.cases.get(case.id).entries if e.id == stop.entry_id)
    assert entry.text == "停药：warfarin 3 mg qd。"
    simva = next(m for m in records.medications.for_patient(patient.id) if m.name.startswith("Simvastatin"))
    assert cds.stop_medication(simva.id, None).entry_id is None  # no case: nothing written on a timeline


def test_stopping_twice_or_in_another_patients_case_is_refused(workspace, cds, patient_case):
    records, patient, case = patient_case
    warfarin = next(m for m in records.medications.for_patient(patient.id) if m.name == "warfarin")
    other = records.patients.create("Other Patient", birth_date=dt.date(1960, 1, 1))
    other_case = records.cases.create(other.id, "Other")
    with pytest.raises(UserError) as wrong_case:
        cds.stop_medication(warfarin.id, other_case.id)
    assert wrong_case.value.code == "case_not_found"
    assert next(m for m in records.medications.for_patient(patient.id) if m.id == warfarin.id).active  # nothing written
    cds.stop_medication(warfarin.id, case.id)
    with pytest.raises(UserError) as twice:
        cds.stop_medication(warfarin.id, case.id)
    assert twice.value.code == "cds_medication_not_active"
    with pytest.raises(UserError) as missing:
        cds.stop_medication(999_999, case.id)
    assert missing.value.code == "medication_not_found"


def test_open_alert_counts_per_patient(workspace, knowledge, patient_case):
    records, patient, case = patient_case
    quiet = records.patients.create("Quiet Patient", birth_date=dt.date(1980, 1, 1))
    assert open_alert_counts(workspace, []) == {}
    assert open_alert_counts(workspace, [patient.id, quiet.id]) == {}
    _metformin, outcome = _renal_alert_on_metformin(workspace, knowledge, records, patient, case)
    counts = open_alert_counts(workspace, [patient.id, quiet.id])
    assert counts == {patient.id: len(outcome.new_alerts)}
    recheck.mark_reviewed(workspace, outcome.new_alerts[0].id)
    assert open_alert_counts(workspace, [patient.id]).get(patient.id, 0) == len(outcome.new_alerts) - 1
    minor = sum(1 for a in outcome.new_alerts[1:] if a.alert.severity == "minor")
    assert (open_alert_counts(workspace, [patient.id], hide_minor=True).get(patient.id, 0)
            == len(outcome.new_alerts) - 1 - minor)
