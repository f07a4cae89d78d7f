"""Copies of the workspace database taken with SQLite's online backup API, and restoring one.

The online backup API copies a consistent snapshot even while another connection has the database open in WAL mode,
which a plain file copy does not guarantee. Backups are named ``cdss-<UTC timestamp>-<reason>.sqlite3`` so that a
sorted directory listing is chronological, and only the newest :data:`KEEP_BACKUPS` are kept.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from cdss.db.connect import connect, database_errors
from cdss.errors import UserError

if TYPE_CHECKING:
    from cdss.db.crypto import WorkspaceKey

KEEP_BACKUPS = 10
_NAME = re.compile(r"^cdss-(\d{8}T\d{6}(?:\d{6})?)Z-([a-z0-9-]+)\.sqlite3$")


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: dt.datetime  # UTC
    reason: str
    size: int


def copy_database(source: Path, target: Path, *, fold_wal: bool = False, key: WorkspaceKey | None = None) -> None:
    """A consistent copy through SQLite's online backup (pages still in the WAL come along). ``fold_wal`` also
    checkpoints the source, so that no stale WAL outlives a rename over it (see cdss.db.migrate). With ``key`` both
    files are SQLCipher under that key: a backup of an encrypted workspace is encrypted too."""
    src = connect(source, key)
    try:
        dst = connect(target, key)
        try:
            src.backup(dst)
        finally:
            dst.close()
        if fold_wal:
            src.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        src.close()


def create_backup(db_path: Path, backups_dir: Path, reason: str, keep: int = KEEP_BACKUPS, *,
                  key: WorkspaceKey | None = None) -> BackupInfo:
    """Snapshot ``db_path`` into ``backups_dir`` and prune old snapshots beyond ``keep``."""
    if not re.fullmatch(r"[a-z0-9-]+", reason):
        raise ValueError(f"backup reason must be a lowercase slug, got {reason!r}")
    backups_dir.mkdir(parents=True, exist_ok=True)
    now = dt.datetime.now(dt.UTC)
    target = backups_dir / f"cdss-{now:%Y%m%dT%H%M%S%f}Z-{reason}.sqlite3"
    partial = target.with_suffix(".partial")
    copy_database(db_path, partial, key=key)
    # Rename only a complete copy: a crash mid-backup leaves a .partial file, never a truncated "backup".
    partial.replace(target)
    prune_backups(backups_dir, keep)
    return BackupInfo(target, now, reason, target.stat().st_size)


def list_backups(backups_dir: Path) -> list[BackupInfo]:
    """Backups newest first."""
    if not backups_dir.is_dir():
        return []
    found = []
    for path in backups_dir.iterdir():
        match = _NAME.match(path.name)
        if not match:
            continue
        stamp = match.group(1)
        fmt = "%Y%m%dT%H%M%S%f" if len(stamp) > 15 else "%Y%m%dT%H%M%S"
        taken = dt.datetime.strptime(stamp, fmt).replace(tzinfo=dt.UTC)
        found.append(BackupInfo(path, taken, match.group(2), path.stat().st_size))
    return sorted(found, key=lambda b: b.taken_at, reverse=True)


def prune_backups(backups_dir: Path, keep: int = KEEP_BACKUPS) -> None:
    for old in list_backups(backups_dir)[keep:]:
        old.path.unlink(missing_ok=True)


def backup_due_today(backups_dir: Path, today: dt.date | None = None) -> bool:
    """True when no backup of any kind was taken on ``today`` (UTC)."""
    today = today or dt.datetime.now(dt.UTC).date()
    return not any(b.taken_at.date() == today for b in list_backups(backups_dir))


def verify_backup(path: Path, key: WorkspaceKey | None = None) -> None:
    """Refuse a file that is not an intact SQLite database (under ``key``, for an encrypted workspace) before it
    replaces the workspace's data."""
    failures: tuple[type[BaseException], ...] = (*database_errors(), UserError)  # UserError: the key does not fit
    try:
        conn = connect(path, key, read_only=True)
        try:
            (result,) = conn.execute("PRAGMA integrity_check").fetchone()
        finally:
            conn.close()
    except failures as exc:
        raise UserError("backup_unreadable", f"The backup {path.name} is not a readable database: {exc}",
                        name=path.name) from exc
    if result != "ok":
        raise UserError("backup_corrupt", f"The backup {path.name} failed its integrity check: {result}",
                        name=path.name)


def restore_backup(backup: Path, db_path: Path, backups_dir: Path, *, key: WorkspaceKey | None = None) -> BackupInfo:
    """Replace the workspace database with ``backup``; the current state is backed up first so a restore is undoable.

    Callers must dispose of their engines first: open connections would keep seeing the old pages.
    """
    verify_backup(backup, key)
    safety = create_backup(db_path, backups_dir, "before-restore", key=key) if db_path.exists() else None
    copy_database(backup, db_path, key=key)
    return safety if safety is not None else BackupInfo(db_path, dt.datetime.now(dt.UTC), "restored", 0)
