"""The 0003_records migration: upgrading a database that holds data, and staying in step with the ORM models."""

from __future__ import annotations

import sqlite3

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from cdss.db.base import Base
from cdss.db.migrate import HEAD_REVISION, current_revision, upgrade_database
from cdss.workspace import Workspace


def test_records_migration_is_in_the_chain():
    from cdss.db.migrate import known_revisions

    assert "0003_records" in known_revisions()


def test_upgrade_from_0002_keeps_settings_and_audit_rows(tmp_path):
    root = tmp_path / "ws"
    root.mkdir()
    db = root / "cdss.sqlite3"
    upgrade_database(db, root / "backups", target="0002_audit_log")
    conn = sqlite3.connect(db)
    conn.execute("INSERT INTO setting(key, value_json, updated_at) VALUES ('language', '\"en\"', '2024-01-01')")
    conn.execute("INSERT INTO audit_log(at, actor, action, entity) VALUES ('2024-01-01', 'dr', 'read', 'x')")
    conn.commit()
    conn.close()

    ws = Workspace.open(root)
    try:
        assert current_revision(ws.db_path) == HEAD_REVISION
        conn = sqlite3.connect(ws.db_path)
        assert conn.execute("SELECT value_json FROM setting WHERE key='language'").fetchone() == ('"en"',)
        assert conn.execute("SELECT count(*) FROM audit_log").fetchone() == (1,)
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        conn.close()
        assert {
            "patient",
            "patient_identifier",
            "allergy",
            "medication",
            "clinical_case",
            "entry",
            "lab_result",
            "attachment",
            "follow_up",
            "tag",
            "patient_tag",
            "case_tag",
            "draft",
            "patient_fts",
        } <= tables
    finally:
        ws.close()


def test_migration_matches_the_models(workspace):
    import cdss.records.models  # noqa: F401  (registers the tables on Base.metadata)

    records_tables = {t for t in Base.metadata.tables if t not in {"setting", "audit_log"}}
    with workspace.engine.connect() as conn:
        diffs = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    relevant = []
    for diff in diffs:
        if isinstance(diff, tuple) and diff[0] in {"remove_table", "remove_index"}:
            table = diff[1] if diff[0] == "remove_table" else diff[1].table
            if table.name not in records_tables:
                continue  # foundation tables whose models this test does not import, and the FTS5 shadow tables
        relevant.append(diff)
    assert relevant == []


def test_cascades_are_declared(workspace):
    with workspace.engine.connect() as conn:
        rows = conn.exec_driver_sql("SELECT * FROM pragma_foreign_key_list('entry')").fetchall()
    on_delete = {row[3]: row[6] for row in rows}  # column -> ON DELETE action
    assert on_delete == {"case_id": "CASCADE", "attachment_id": "RESTRICT", "lab_result_id": "SET NULL"}


def test_downgrade_removes_the_records_tables(tmp_path):
    from alembic import command

    from cdss.db.engine import create_sqlite_engine
    from cdss.db.migrate import alembic_config

    ws = Workspace.open(tmp_path / "ws")
    ws.close()
    engine = create_sqlite_engine(ws.db_path)
    try:
        with engine.begin() as connection:
            config = alembic_config(f"sqlite:///{ws.db_path}")
            config.attributes["connection"] = connection
            command.downgrade(config, "0002_audit_log")
    finally:
        engine.dispose()
    assert current_revision(ws.db_path) == "0002_audit_log"
    conn = sqlite3.connect(ws.db_path)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    conn.close()
    assert "patient" not in tables and "patient_fts" not in tables and "setting" in tables
