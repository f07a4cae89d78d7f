"""A workspace: one folder holding the database, the literature index, attachments, backups and logs.

Opening a workspace creates its layout and brings the database schema up to date (backing it up first). The
SQLAlchemy engine is created on first use, so commands that only need folders stay fast.
"""

from __future__ import annotations

import inspect
import logging
import threading
import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from cdss.errors import UserError
from cdss.paths import default_workspace

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session, sessionmaker

    from cdss.db.crypto import WorkspaceKey

log = logging.getLogger(__name__)

DB_FILENAME = "cdss.sqlite3"
LAYOUT = ("literature-index", "attachments", "backups", "logs")


class Workspace:
    def __init__(self, root: Path, key: WorkspaceKey | None = None) -> None:
        self.root = root
        self.key = key  # set for an encrypted workspace (cdss.db.crypto): the database is SQLCipher
        self._engine: Engine | None = None
        self._session_factory: sessionmaker[Session] | None = None
        # Called after a restore replaced the database, so caches derived from it (e.g. the literature index) are
        # re-checked; held weakly for bound methods, so a listener never keeps its owner alive.
        self._restore_listeners: list[Callable[[], None] | weakref.WeakMethod] = []
        self._listeners_guard = threading.Lock()  # listeners are added from worker threads

    # -- opening -------------------------------------------------------------------------------------------------
    @classmethod
    def open(cls, root: Path | str | None = None, *, migrate: bool = True) -> Workspace:
        """Open (creating if needed) the workspace at ``root`` or the default location."""
        path = Path(root).expanduser() if root is not None else default_workspace()
        if path.exists() and not path.is_dir():
            raise UserError("workspace_not_a_folder", f"The workspace path {path} is a file, not a folder.",
                            path=str(path))
        try:
            path.mkdir(parents=True, exist_ok=True)
            for name in LAYOUT:
                (path / name).mkdir(exist_ok=True)
        except OSError as exc:
            raise UserError("workspace_not_writable",
                            f"Cannot create the workspace at {path}: {exc.strerror}.", path=str(path)) from exc
        workspace = cls(path.resolve(), _key_of(path.resolve()))
        if workspace.key is not None:
            _finish_sealing(workspace.root, workspace.key)
        if migrate:
            workspace.migrate()
        return workspace

    def migrate(self) -> None:
        from cdss.db.migrate import upgrade_database

        upgrade_database(self.db_path, self.backups_dir, key=self.key)

    # -- layout --------------------------------------------------------------------------------------------------
    @property
    def db_path(self) -> Path:
        return self.root / DB_FILENAME

    @property
    def backups_dir(self) -> Path:
        return self.root / "backups"

    @property
    def logs_dir(self) -> Path:
        return self.root / "logs"

    @property
    def attachments_dir(self) -> Path:
        return self.root / "attachments"

    @property
    def literature_index_dir(self) -> Path:
        return self.root / "literature-index"

    def subdir(self, name: str) -> Path:
        """A named folder inside the workspace, created on demand."""
        if not name or "/" in name or "\\" in name or name.startswith("."):
            raise ValueError(f"not a plain folder name: {name!r}")
        folder = self.root / name
        folder.mkdir(exist_ok=True)
        return folder

    # -- database ------------------------------------------------------------------------------------------------
    @property
    def engine(self) -> Engine:
        if self._engine is None:
            from cdss.db.engine import create_sqlite_engine

            self._engine = create_sqlite_engine(self.db_path, self.key)
        return self._engine

    @property
    def session_factory(self) -> sessionmaker[Session]:
        if self._session_factory is None:
            from cdss.db.engine import make_session_factory

            self._session_factory = make_session_factory(self.engine)
        return self._session_factory

    @contextmanager
    def unit_of_work(self) -> Iterator[Session]:
        from cdss.db.engine import unit_of_work

        with unit_of_work(self.session_factory) as session:
            yield session

    def close(self) -> None:
        """Release database connections (needed before a restore replaces the file)."""
        if self._engine is not None:
            self._engine.dispose()
        self._engine = None
        self._session_factory = None

    def add_restore_listener(self, listener: Callable[[], None]) -> None:
        """Call ``listener()`` after every :meth:`restore` (a bound method is held weakly)."""
        held = weakref.WeakMethod(listener) if inspect.ismethod(listener) else listener
        with self._listeners_guard:
            self._restore_listeners.append(held)

    def _notify_restored(self) -> None:
        with self._listeners_guard:
            # Forget the listeners whose owner has gone; call the others outside the lock.
            self._restore_listeners = [held for held in self._restore_listeners
                                       if not isinstance(held, weakref.WeakMethod) or held() is not None]
            listeners = list(self._restore_listeners)
        for held in listeners:
            listener = held() if isinstance(held, weakref.WeakMethod) else held
            if listener is None:
                continue
            try:
                listener()
            except Exception:  # noqa: BLE001 - one failing cache must not undo a completed restore
                log.exception("restore listener %r failed", listener)

    # -- backups -------------------------------------------------------------------------------------------------
    def backup_now(self, reason: str = "manual"):
        from cdss.db.backup import create_backup

        return create_backup(self.db_path, self.backups_dir, reason, key=self.key)

    def backup_if_due(self):
        """The once-a-day backup taken at start-up; returns the new backup or None when one exists for today."""
        from cdss.db.backup import backup_due_today, create_backup

        if self.db_path.exists() and backup_due_today(self.backups_dir):
            return create_backup(self.db_path, self.backups_dir, "daily", key=self.key)
        return None

    def restore(self, backup_path: Path):
        """Replace the database with a backup (the current state is backed up first), then re-migrate if needed."""
        from cdss.db.backup import restore_backup

        self.close()
        safety = restore_backup(backup_path, self.db_path, self.backups_dir, key=self.key)
        self.migrate()
        self._notify_restored()
        log.info("restored %s (previous state saved as %s)", backup_path, safety.path)
        return safety


def _finish_sealing(root: Path, key: WorkspaceKey) -> None:
    """Seal the attachments an interrupted encryption left plain (or, for a workspace encrypted before attachments
    were sealed, all of them) before anything reads them."""
    from cdss.db import crypto

    if crypto.attachments_sealed(root):
        return
    from cdss.db.encrypt import seal_attachments

    count = seal_attachments(root, key)
    log.info("sealed %d attachment files of %s left plain by an earlier encryption", count, root)


def _key_of(root: Path) -> WorkspaceKey | None:
    """None for a plain workspace; the key of an encrypted one (asked for once per process, see cdss.db.crypto).
    A workspace whose encryption was interrupted before its database was replaced is still plain: its key file
    is set aside so that it opens as it was."""
    from cdss.db import crypto

    if not crypto.is_encrypted(root):
        return None
    from cdss.db.encrypt import finish_interrupted_rekey

    finish_interrupted_rekey(root)  # a passphrase change cut short: undone or completed before anything opens
    if crypto.database_is_plaintext(root / DB_FILENAME):
        state = crypto.read_key_file(root).get("state")
        if state == "migrating":
            crypto.key_file(root).replace(root / f"{crypto.KEY_FILE}.interrupted")
            log.warning("encryption of %s was interrupted before the database was replaced: still plain", root)
            return None
        raise UserError("workspace_key_without_database", f"{root} has a key file but a plain database; "
                        "restore the workspace from a backup.", path=str(root))
    return crypto.key_for(root)

