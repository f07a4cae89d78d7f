"""Bring a workspace database to the schema this version of the app expects, backing it up first.

Checking the revision uses plain ``sqlite3`` so that opening an up-to-date workspace never imports Alembic (start-up
time); Alembic loads only when an upgrade is actually needed.
"""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

from cdss.db.backup import create_backup
from cdss.errors import UserError

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"

#: The newest migration. A test checks this against Alembic's own idea of head, so it cannot drift.
HEAD_REVISION = "0007_alert_event_actor"


def current_revision(db_path: Path) -> str | None:
    """The Alembic revision stamped in the database, or None for a new or unversioned file."""
    if not db_path.exists():
        return None
    conn = sqlite3.connect(db_path)
    try:
        row = conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name='alembic_version'"
        ).fetchone()
        if row is None:
            return None
        version = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        return version[0] if version else None
    except sqlite3.DatabaseError as exc:
        raise UserError(
            "database_unreadable",
            f"The workspace database {db_path} cannot be read ({exc}). Restore a backup from the backups folder.",
            path=str(db_path),
        ) from exc
    finally:
        conn.close()


def alembic_config(db_url: str):
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("sqlalchemy.url", db_url)
    return config


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config("sqlite://"))
    return {rev.revision for rev in script.walk_revisions()}


def upgrade_database(db_path: Path, backups_dir: Path, target: str = "head") -> str | None:
    """Upgrade ``db_path`` to ``target``; returns the revision it had before, backing up existing data first."""
    before = current_revision(db_path)
    if before == HEAD_REVISION and target == "head":
        return before
    if before is not None and before not in known_revisions():
        raise UserError(
            "database_too_new",
            f"This workspace was written by a newer version of CDSS Desk (schema {before}). Update the app to open it.",
            revision=before,
        )
    if before is not None:
        info = create_backup(db_path, backups_dir, "pre-migration")
        log.info("backed up %s to %s before migrating from %s", db_path, info.path, before)
    from alembic import command

    from cdss.db.engine import create_sqlite_engine

    engine = create_sqlite_engine(db_path)
    try:
        with engine.begin() as connection:
            config = alembic_config(f"sqlite:///{db_path}")
            config.attributes["connection"] = connection
            command.upgrade(config, target)
    finally:
        engine.dispose()
    log.info("database %s migrated from %s to %s", db_path, before, target)
    return before
