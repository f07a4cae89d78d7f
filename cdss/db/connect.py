"""Raw DB-API connections to a workspace database file, plain or encrypted (SQLCipher), for the places that work
below SQLAlchemy: the revision check at start-up, migrations on a side copy, backups and their verification."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cdss.errors import UserError

if TYPE_CHECKING:
    from cdss.db.crypto import WorkspaceKey


def database_errors() -> tuple[type[BaseException], ...]:
    """The DB-API errors a plain or encrypted connection may raise (SQLCipher's module has its own classes)."""
    try:
        import sqlcipher3
    except ImportError:
        return (sqlite3.DatabaseError,)
    return (sqlite3.DatabaseError, sqlcipher3.DatabaseError)


def connect(path: Path | str, key: WorkspaceKey | None = None, *, read_only: bool = False,
            timeout: float = 5.0) -> Any:
    """A connection to ``path``: sqlite3 for a plain file; SQLCipher keyed with ``key`` for an encrypted one. A key
    that does not open the file is refused here, before any statement of the caller runs."""
    target = f"file:{path}?mode=ro" if read_only else str(path)
    if key is None:
        return sqlite3.connect(target, uri=read_only, timeout=timeout, check_same_thread=False)
    import sqlcipher3

    conn = sqlcipher3.connect(target, uri=read_only, timeout=timeout, check_same_thread=False)
    try:
        conn.execute(key.sqlcipher_pragma())
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher3.DatabaseError as exc:
        conn.close()
        raise UserError("workspace_key_mismatch", f"{Path(path).name} cannot be opened with this workspace's key "
                        f"({exc}).", name=Path(path).name) from exc
    return conn


def engine_url(path: Path, key: WorkspaceKey | None) -> Any:
    """The SQLAlchemy URL of the workspace database: the pysqlcipher dialect with the raw key for an encrypted one
    (its DB-API is sqlcipher3, so SQLAlchemy still maps errors such as IntegrityError)."""
    from sqlalchemy import URL

    if key is None:
        return f"sqlite:///{path}"
    return URL.create("sqlite+pysqlcipher", password=f"x'{key.database_key.hex()}'", database=str(path))
