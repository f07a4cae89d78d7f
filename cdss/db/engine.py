"""SQLite engine and session factory with the settings every workspace connection needs.

WAL keeps readers from blocking the single writer and makes a crash mid-write roll back to the last commit;
``synchronous=NORMAL`` is the documented safe pairing with WAL (a power cut may lose the last transaction, never
corrupt the file); ``foreign_keys`` is off by default in SQLite and our cascades depend on it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

if TYPE_CHECKING:
    from cdss.db.crypto import WorkspaceKey

BUSY_TIMEOUT_MS = 5000


def _set_sqlite_pragmas(dbapi_connection, _connection_record) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    finally:
        cursor.close()


def create_sqlite_engine(db_path: Path, key: WorkspaceKey | None = None) -> Engine:
    """An engine for the workspace database file, with WAL, foreign keys and a busy timeout on every connection;
    SQLCipher keyed with ``key`` for an encrypted workspace (same pool and pragmas, so nothing else changes)."""
    from cdss.db.connect import engine_url

    engine = create_engine(
        engine_url(db_path, key),
        connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False},
        poolclass=QueuePool,
    )
    event.listen(engine, "connect", _set_sqlite_pragmas)
    return engine


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    # expire_on_commit=False: services copy rows into plain dataclasses after commit, and must not re-query to do it.
    return sessionmaker(engine, expire_on_commit=False)


@contextmanager
def unit_of_work(factory: sessionmaker[Session]) -> Iterator[Session]:
    """One short transaction: commit on success, roll back on any exception, always close."""
    session = factory()
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()
