"""Bring a workspace database to the schema this version of the app expects, backing it up first.

Checking the revision uses plain ``sqlite3`` so that opening an up-to-date workspace never imports Alembic (start-up
time); Alembic loads only when an upgrade is actually needed.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import time
from pathlib import Path
from typing import TYPE_CHECKING

from cdss.db.backup import copy_database, create_backup
from cdss.db.connect import connect, database_errors
from cdss.errors import UserError
from cdss.files import fsync_path

if TYPE_CHECKING:
    from cdss.db.crypto import WorkspaceKey

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"

#: The newest migration. A test checks this against Alembic's own idea of head, so it cannot drift.
HEAD_REVISION = "0008_utc_timestamps"


def current_revision(db_path: Path, key: WorkspaceKey | None = None) -> str | None:
    """The Alembic revision stamped in the database, or None for a new or unversioned file."""
    if not db_path.exists():
        return None
    conn = connect(db_path, key)
    try:
        row = conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name='alembic_version'"
        ).fetchone()
        if row is None:
            return None
        version = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        return version[0] if version else None
    except database_errors() as exc:
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


def upgrade_database(db_path: Path, backups_dir: Path, target: str = "head", *,
                     key: WorkspaceKey | None = None) -> str | None:
    """Upgrade ``db_path`` to ``target``; returns the revision it had before, backing up existing data first.

    All or nothing: SQLite's driver commits schema statements one by one, so a process killed while the schema was
    being created used to leave half a schema behind ("table setting already exists" for ever after). The schema is
    now built or upgraded in a copy beside the database, which replaces it with one atomic rename only once it is
    complete; a kill at any point leaves either the old database or the new one, and at worst a leftover copy that
    the next start removes.
    """
    _remove_leftovers(db_path)
    before = current_revision(db_path, key)
    if before == HEAD_REVISION and target == "head":
        return before
    if before is not None and before not in known_revisions():
        raise UserError(
            "database_too_new",
            f"This workspace was written by a newer version of CDSS Desk (schema {before}). Update the app to open it.",
            revision=before,
        )
    if before is None and db_path.exists():
        _set_aside_interrupted_start(db_path, backups_dir, key)
    if before is not None:
        info = create_backup(db_path, backups_dir, "pre-migration", key=key)
        log.info("backed up %s to %s before migrating from %s", db_path, info.path, before)
    work = db_path.with_name(f"{WORK_PREFIX}{os.getpid()}")
    try:
        if before is not None:
            copy_database(db_path, work, fold_wal=True, key=key)
        _migrate_file(work, target, key)
        fsync_path(work)
        if db_path.exists() and _wal_of(db_path).exists():
            raise UserError("database_in_use", f"The workspace database {db_path} is open in another program; close "
                            "it (or the other CDSS Desk window) and start again.", path=str(db_path))
        os.replace(work, db_path)
        fsync_path(db_path.parent)
    finally:
        for leftover in (work, _wal_of(work), work.with_name(work.name + "-shm")):
            leftover.unlink(missing_ok=True)
    log.info("database %s migrated from %s to %s", db_path, before, target)
    return before


WORK_PREFIX = ".cdss.sqlite3.migrating-"


def _wal_of(path: Path) -> Path:
    return path.with_name(path.name + "-wal")


def _remove_leftovers(db_path: Path) -> None:
    """Copies left by a start that was killed while migrating: never the database itself, so safe to delete."""
    for leftover in db_path.parent.glob(f"{WORK_PREFIX}*"):
        leftover.unlink(missing_ok=True)


def _migrate_file(path: Path, target: str, key: WorkspaceKey | None = None) -> None:
    from alembic import command

    from cdss.db.engine import create_sqlite_engine

    engine = create_sqlite_engine(path, key)
    try:
        with engine.begin() as connection:
            config = alembic_config(f"sqlite:///{path}")
            config.attributes["connection"] = connection
            command.upgrade(config, target)
        with engine.connect() as connection:  # fold the WAL into the file before it is renamed into place
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        engine.dispose()


def _set_aside_interrupted_start(db_path: Path, backups_dir: Path, key: WorkspaceKey | None = None) -> None:
    """A database with no schema version is what an older version left when killed during its first start. With no
    row of data in it, it is moved to the backups folder and the workspace is created afresh; with data, nothing is
    touched and the doctor is asked to restore a backup."""
    try:
        conn = connect(db_path, key)
    except UserError:  # not even readable with the key: nothing to keep
        conn = None
    try:
        if conn is None:
            raise sqlite3.DatabaseError("unreadable")
        tables = [row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table' "
                                                 "AND name NOT LIKE 'sqlite_%'")]
        rows = sum(conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in tables)
    except database_errors():
        rows = 0  # not even a database: nothing to keep
    finally:
        if conn is not None:
            conn.close()
    if rows:
        raise UserError("database_unversioned", f"The workspace database {db_path} holds data but no schema version. "
                        "Restore a backup from the backups folder (Settings → Backups or 'cdss backup restore').",
                        path=str(db_path))
    backups_dir.mkdir(parents=True, exist_ok=True)
    aside = backups_dir / f"interrupted-first-start-{int(time.time())}.sqlite3"
    os.replace(db_path, aside)
    for suffix in ("-wal", "-shm"):
        db_path.with_name(db_path.name + suffix).unlink(missing_ok=True)
    log.warning("workspace database %s had an incomplete schema (interrupted first start); moved to %s",
                db_path, aside)

