"""One clock for "when written": every such column reads back as aware UTC, refuses a naive value, and the upgrade to
0008 moves the records' and decision support's local-time stamps to UTC (clinical times stay as recorded)."""

from __future__ import annotations

import datetime as dt
import sqlite3
import time
from contextlib import closing

import pytest

from cdss.clock import local, utc_now
from cdss.db.migrate import upgrade_database
from cdss.records.service import RecordsService


@pytest.fixture()
def shanghai(monkeypatch):
    """Run in UTC+8, so local time and UTC differ by eight hours whatever the machine's zone."""
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_written_times_come_back_as_aware_utc(workspace, shanghai) -> None:
    service = RecordsService(workspace)
    before = utc_now()
    patient = service.patients.create("张三")
    case = service.cases.create(patient.id, "Cough")
    entry = service.cases.add_entry(case.id, "note", "seen at 09:00", occurred_at=dt.datetime(2024, 5, 1, 9, 0))
    with closing(sqlite3.connect(workspace.db_path)) as raw:
        created, = raw.execute("SELECT created_at FROM patient WHERE id = ?", (patient.id,)).fetchone()
        occurred, = raw.execute("SELECT occurred_at FROM entry WHERE id = ?", (entry.id,)).fetchone()
    stored = dt.datetime.fromisoformat(created).replace(tzinfo=dt.UTC)
    assert before <= stored <= utc_now()  # UTC on disk, not Shanghai time (which would be 8 hours ahead)
    assert occurred.startswith("2024-05-01 09:00")  # a clinical time stays the wall-clock time recorded
    with workspace.unit_of_work() as session:
        from cdss.records.access import case_ref  # noqa: F401 - registers the records tables
        from cdss.records.models import PatientRow

        row = session.get(PatientRow, patient.id)
        assert row.created_at.tzinfo is dt.UTC
        assert local(row.created_at).utcoffset() == dt.timedelta(hours=8)
        row.updated_at = dt.datetime(2024, 1, 1, 12, 0)  # naive: refused, never guessed at
        with pytest.raises(Exception, match="naive datetime"):
            session.flush()
        session.rollback()


def test_the_upgrade_moves_local_stamps_to_utc_and_leaves_clinical_times(tmp_path, shanghai) -> None:
    db = tmp_path / "old.sqlite3"
    upgrade_database(db, tmp_path / "backups", "0007_alert_event_actor")
    with closing(sqlite3.connect(db)) as raw, raw:  # what the previous version wrote: local (Shanghai) stamps
        raw.execute("INSERT INTO patient (id, name, name_pinyin, name_initials, sex, notes, created_at, updated_at) "
                    "VALUES (1, '张三', '', '', 'unknown', '', '2024-05-01 17:30:00.000000', "
                    "'2024-05-02 08:00:00.000000')")
        raw.execute("INSERT INTO clinical_case (id, patient_id, title, opened_on, created_at, updated_at) "
                    "VALUES (1, 1, 'Cough', '2024-05-01', '2024-05-01 17:30:00.000000', "
                    "'2024-05-01 17:30:00.000000')")
        raw.execute("INSERT INTO entry (id, case_id, kind, occurred_at, text, created_at, updated_at, deleted_at) "
                    "VALUES (1, 1, 'note', '2024-05-01 09:00:00.000000', 'x', '2024-05-01 17:30:00.000000', "
                    "'2024-05-01 17:30:00.000000', NULL)")
        raw.execute("INSERT INTO audit_log (at, actor, action, entity, entity_id, detail) "
                    "VALUES ('2024-05-01 09:30:00.000000', 'dr', 'read', 'patient', '1', NULL)")
    upgrade_database(db, tmp_path / "backups")
    with closing(sqlite3.connect(db)) as raw:
        assert raw.execute("SELECT created_at, updated_at FROM patient").fetchone() == (
            "2024-05-01 09:30:00.000000", "2024-05-02 00:00:00.000000")
        assert raw.execute("SELECT occurred_at, created_at, deleted_at FROM entry").fetchone() == (
            "2024-05-01 09:00:00.000000", "2024-05-01 09:30:00.000000", None)
        assert raw.execute("SELECT at FROM audit_log").fetchone() == ("2024-05-01 09:30:00.000000",)  # UTC already
