"""Re-checking after a new lab value, alert statistics per rule, and the migration staying in step with the models."""

from __future__ import annotations

import datetime as dt

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import select

from cdss.cds import events, recheck
from cdss.cds.models import AlertEventRow
from cdss.cds.service import OverrideDecision
from cdss.cds.stats import rule_statistics
from cdss.db.base import Base
from cdss.db.models import AuditLogRow
from cdss.records.types import LabResult, Medication


def _creatinine(records, patient, case, value, day):
    return records.labs.add(patient.id, LabResult("Serum creatinine", dt.datetime(2026, 1, day), value=value,
                                                 unit="µmol/L", loinc="14682-9"), case.id)


def test_a_creatinine_rise_raises_new_renal_alerts_once(workspace, knowledge, patient_case):
    records, patient, case = patient_case
    records.medications.add(patient.id, Medication("metformin", "500 mg bid"))
    normal = _creatinine(records, patient, case, 95, 5)
    assert recheck.after_new_lab(workspace, patient.id, normal.id, knowledge=knowledge).new_alerts == ()
    risen = _creatinine(records, patient, case, 260, 10)
    outcome = recheck.after_new_lab(workspace, patient.id, risen.id, knowledge=knowledge)
    metformin = [a for a in outcome.new_alerts if a.alert.drugs == ("metformin",)]
    assert metformin and metformin[0].alert.kind == "renal" and metformin[0].alert.severity == "contraindicated"
    assert metformin[0].case_id == case.id and metformin[0].lab_result_id == risen.id
    assert "metformin" in outcome.checked_drugs and "warfarin" in outcome.checked_drugs
    # the same lab again, or the catch-up, adds nothing new
    assert recheck.after_new_lab(workspace, patient.id, risen.id, knowledge=knowledge).new_alerts == ()
    assert recheck.recheck_pending(workspace, patient.id, knowledge=knowledge) == ()
    open_now = recheck.open_alerts(workspace, patient.id)
    assert {a.id for a in open_now} == {a.id for a in outcome.new_alerts}
    assert open_now[0].alert.severity == "contraindicated"  # most severe first
    recheck.mark_reviewed(workspace, metformin[0].id)
    assert metformin[0].id not in {a.id for a in recheck.open_alerts(workspace, patient.id)}
    with workspace.unit_of_work() as session:
        assert session.scalars(select(AuditLogRow).where(AuditLogRow.action == "recheck")).all()
        raised = session.scalars(select(AlertEventRow).where(AlertEventRow.outcome == "raised")).all()
        assert len(raised) == len(outcome.new_alerts)


def test_pending_recheck_sets_a_baseline_then_catches_labs_stored_by_anyone(workspace, knowledge, patient_case):
    records, patient, case = patient_case
    records.medications.add(patient.id, Medication("metformin"))
    # first look: history is not news
    assert recheck.recheck_pending(workspace, patient.id, knowledge=knowledge) == ()
    _creatinine(records, patient, case, 100, 3)
    _creatinine(records, patient, case, 300, 9)  # stored without calling after_new_lab
    found = recheck.recheck_pending(workspace, patient.id, knowledge=knowledge)
    assert any(a.alert.drugs == ("metformin",) and a.alert.kind == "renal" for a in found)
    assert recheck.recheck_pending(workspace, patient.id, knowledge=knowledge) == ()


def test_patient_without_medications_or_labs(workspace, knowledge):
    from cdss.records.service import RecordsService

    records = RecordsService(workspace)
    patient = records.patients.create("Nobody", birth_date=dt.date(1970, 1, 1))
    assert recheck.after_new_lab(workspace, patient.id, knowledge=knowledge).new_alerts == ()
    assert recheck.recheck_pending(workspace, patient.id, knowledge=knowledge) == ()


def test_rule_statistics_count_outcomes(workspace, cds, patient_case):
    _records, patient, case = patient_case
    check = cds.check_new_medication(patient.id, "clarithromycin")
    cds.cancel_prescription(check, case.id)
    check = cds.check_new_medication(patient.id, "clarithromycin")
    cds.prescribe(check, case.id, Medication("clarithromycin"), {
        events.alert_key(a): OverrideDecision("benefit_outweighs_risk") for a in check.interrupting})
    cds.prescribe(cds.check_new_medication(patient.id, "clarithromycin"), case.id, Medication("clarithromycin"))
    stats = {s.rule_id: s for s in rule_statistics(workspace)}
    statin = stats["statin3a4_strong_cyp3a4_inhibitor"]
    assert (statin.fired, statin.accepted, statin.overridden, statin.remembered) == (3, 1, 1, 1)
    assert statin.override_rate == 0.5 and statin.top_severity == "contraindicated"
    assert statin.example.startswith("Simvastatin + Clarithromycin")
    inline = [s for s in stats.values() if s.shown_inline]
    assert inline and all(s.overridden == 0 and s.override_rate is None for s in inline)
    assert list(stats) == [s.rule_id for s in sorted(stats.values(), key=lambda s: (-s.fired, s.rule_id))]


def test_migration_matches_the_cds_models(workspace):
    import cdss.cds.models  # noqa: F401  (registers the tables)

    cds_tables = {t for t in Base.metadata.tables if t.startswith("cds_")}
    assert cds_tables == {"cds_alert_event", "cds_open_alert", "cds_patient_flag", "cds_recheck_mark"}
    with workspace.engine.connect() as conn:
        diffs = compare_metadata(MigrationContext.configure(conn), Base.metadata)

    def table_of(diff):
        item = diff[1] if isinstance(diff, tuple) else diff[0][1]
        return getattr(item, "name", None) if diff[0] in ("add_table", "remove_table") else getattr(
            getattr(item, "table", None), "name", None)

    assert [d for d in diffs if table_of(d) in cds_tables] == []


def test_deleting_a_patient_removes_their_decision_support_rows(workspace, cds, patient_case):
    records, patient, case = patient_case
    check = cds.check_new_medication(patient.id, "clarithromycin")
    cds.cancel_prescription(check, case.id)
    cds.set_flag(patient.id, "hepatic_impairment", True)
    records.patients.delete(patient.id)
    with workspace.unit_of_work() as session:
        assert session.scalars(select(AlertEventRow)).all() == []
    assert cds.flags(patient.id) == {}


def test_upgrade_to_0005_and_back_down(tmp_path):
    import sqlite3

    from alembic import command

    from cdss.db.engine import create_sqlite_engine
    from cdss.db.migrate import alembic_config, upgrade_database

    db = tmp_path / "cdss.sqlite3"
    upgrade_database(db, tmp_path / "backups", target="0005_decision_support")

    def tables() -> set[str]:
        conn = sqlite3.connect(db)
        try:
            return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        finally:
            conn.close()

    assert {"cds_alert_event", "cds_open_alert", "cds_patient_flag", "cds_recheck_mark"} <= tables()
    engine = create_sqlite_engine(db)
    try:
        with engine.begin() as connection:
            config = alembic_config(f"sqlite:///{db}")
            config.attributes["connection"] = connection
            command.downgrade(config, "0004_exchange_client")
    finally:
        engine.dispose()
    assert not {t for t in tables() if t.startswith("cds_")}
    assert "patient" in tables()
