"""Engines, sessions and migrations for the exchange server database (SQLite file or PostgreSQL via psycopg 3)."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from cdss.errors import UserError

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
SQLITE_BUSY_TIMEOUT_MS = 10_000


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def _sqlite_connect(dbapi_connection, _record) -> None:
    # Let SQLAlchemy's "begin" listener issue BEGIN itself, so writers can take the lock up front (see below).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    finally:
        cursor.close()


def _sqlite_begin(conn) -> None:
    # A deferred transaction that reads and then writes fails at once with SQLITE_BUSY when another writer committed
    # in between (busy_timeout does not help there); BEGIN IMMEDIATE makes writers queue on the lock instead.
    immediate = conn.get_execution_options().get("sqlite_immediate", False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


@dataclass
class Database:
    """One engine and two session factories: ``read`` for queries, ``write`` for transactions that change data."""

    engine: Engine
    read: sessionmaker[Session]
    write: sessionmaker[Session]

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def dispose(self) -> None:
        self.engine.dispose()


def open_database(url: str) -> Database:
    """Create the engine for ``url``; refuses a URL it cannot use with a :class:`UserError`."""
    try:
        parsed = make_url(url)
    except Exception as exc:
        raise UserError("exchange_bad_db_url", f"Not a database URL: {url!r}. Use sqlite:///PATH or "
                        "postgresql+psycopg://USER@HOST/DB.") from exc
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        if parsed.database in (None, "", ":memory:"):
            raise UserError("exchange_bad_db_url", "The exchange server needs a SQLite file, not an in-memory DB.")
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(parsed, connect_args={"check_same_thread": False,
                                                     "timeout": SQLITE_BUSY_TIMEOUT_MS / 1000})
        event.listen(engine, "connect", _sqlite_connect)
        event.listen(engine, "begin", _sqlite_begin)
        write_engine = engine.execution_options(sqlite_immediate=True)
    elif backend == "postgresql":
        if parsed.drivername != "postgresql+psycopg":
            raise UserError("exchange_bad_db_url", "Use the psycopg 3 driver: postgresql+psycopg://USER@HOST/DB.")
        engine = create_engine(parsed, pool_size=10, max_overflow=10, pool_pre_ping=True)
        write_engine = engine
    else:
        raise UserError("exchange_bad_db_url", f"Unsupported database {backend!r}: use SQLite or PostgreSQL.")
    return Database(engine=engine, read=sessionmaker(engine, expire_on_commit=False),
                    write=sessionmaker(write_engine, expire_on_commit=False))


def upgrade_schema(db: Database) -> None:
    """Apply every pending migration. Safe to call from each process at start (PostgreSQL serialises via a lock)."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with db.engine.begin() as connection:
        if db.dialect == "postgresql":
            # Several processes may start together behind one proxy: only one may migrate at a time.
            connection.execute(text("SELECT pg_advisory_xact_lock(4242017)"))
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    log.info("exchange database schema is up to date (%s)", db.dialect)


@contextmanager
def unit_of_work(factory: sessionmaker[Session]) -> Iterator[Session]:
    session = factory()
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()
