"""The workspace store: connection settings, units of work, migrations and crash safety."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap

import pytest
from sqlalchemy import select, text

from cdss.db.backup import list_backups
from cdss.db.migrate import HEAD_REVISION, current_revision, known_revisions, upgrade_database
from cdss.db.models import SettingRow
from cdss.errors import UserError
from cdss.workspace import Workspace


def test_connections_use_wal_foreign_keys_and_busy_timeout(workspace):
    with workspace.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() == 5000


def test_workspace_layout_is_created(workspace):
    for name in ("literature-index", "attachments", "backups", "logs"):
        assert (workspace.root / name).is_dir()
    assert workspace.db_path.is_file()
    assert current_revision(workspace.db_path) == HEAD_REVISION


def test_head_constant_matches_alembic_scripts():
    from alembic.script import ScriptDirectory

    from cdss.db.migrate import alembic_config

    assert ScriptDirectory.from_config(alembic_config("sqlite://")).get_current_head() == HEAD_REVISION
    assert {"0001_settings", HEAD_REVISION} <= known_revisions()


def test_unit_of_work_rolls_back_on_error(workspace):
    with pytest.raises(RuntimeError), workspace.unit_of_work() as session:
        session.add(SettingRow(key="language", value_json='"en"', updated_at=_now()))
        session.flush()
        raise RuntimeError("boom")
    with workspace.unit_of_work() as session:
        assert session.scalars(select(SettingRow)).all() == []


def test_upgrade_from_first_migration_to_head_backs_up_and_keeps_data(tmp_path):
    db = tmp_path / "old" / "cdss.sqlite3"
    db.parent.mkdir()
    upgrade_database(db, tmp_path / "old" / "backups", target="0001_settings")
    assert current_revision(db) == "0001_settings"
    conn = sqlite3.connect(db)
    conn.execute("INSERT INTO setting(key, value_json, updated_at) VALUES ('language', '\"en\"', '2024-01-01')")
    conn.commit()
    conn.close()

    ws = Workspace.open(tmp_path / "old")
    try:
        assert current_revision(ws.db_path) == HEAD_REVISION
        backups = list_backups(ws.backups_dir)
        assert [b.reason for b in backups] == ["pre-migration"]
        # The backup holds the pre-upgrade schema; the live database kept the row and gained the new table.
        assert current_revision(backups[0].path) == "0001_settings"
        with ws.unit_of_work() as session:
            assert session.get(SettingRow, "language").value_json == '"en"'
            assert session.execute(text("SELECT count(*) FROM audit_log")).scalar() == 0
    finally:
        ws.close()


def test_database_from_a_newer_app_is_refused(tmp_path):
    ws = Workspace.open(tmp_path / "ws")
    ws.close()
    conn = sqlite3.connect(ws.db_path)
    conn.execute("UPDATE alembic_version SET version_num='9999_future'")
    conn.commit()
    conn.close()
    with pytest.raises(UserError) as info:
        Workspace.open(tmp_path / "ws")
    assert info.value.code == "database_too_new"


def test_unreadable_database_gives_a_clear_error(tmp_path):
    root = tmp_path / "ws"
    root.mkdir()
    (root / "cdss.sqlite3").write_bytes(b"this is not a database" * 100)
    with pytest.raises(UserError) as info:
        Workspace.open(root)
    assert info.value.code == "database_unreadable"


def test_a_crash_mid_write_keeps_the_last_committed_state(workspace):
    """A process killed inside an open transaction must leave exactly what was committed before it."""
    with workspace.unit_of_work() as session:
        session.add(SettingRow(key="language", value_json='"en"', updated_at=_now()))
    workspace.close()
    script = textwrap.dedent(f"""
        import os, sqlite3
        conn = sqlite3.connect({str(workspace.db_path)!r})
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("BEGIN")
        conn.execute("UPDATE setting SET value_json='\\"zh_CN\\"'")
        conn.execute("INSERT INTO setting(key, value_json, updated_at) VALUES ('backups.keep', '3', '2024-01-01')")
        os._exit(9)  # die with the transaction open, as a crash or power cut would
    """)
    assert subprocess.run([sys.executable, "-c", script]).returncode == 9
    reopened = Workspace.open(workspace.root)
    try:
        with reopened.unit_of_work() as session:
            rows = {r.key: r.value_json for r in session.scalars(select(SettingRow))}
        assert rows == {"language": '"en"'}
        conn = sqlite3.connect(reopened.db_path)
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        conn.close()
    finally:
        reopened.close()


def _now():
    import datetime as dt

    return dt.datetime(2024, 1, 1, 12, 0, tzinfo=dt.UTC)
