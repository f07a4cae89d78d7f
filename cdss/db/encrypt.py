"""Turning encryption on for an existing workspace: back up, export into SQLCipher, verify, swap — no data lost.

Order matters for a kill at any moment (the workspace must always open afterwards):
1. a plain backup of the database is taken (``before-encryption``);
2. the key file is written with ``state: migrating`` — a workspace found with that state and a still-plain database
   opens as plain (the key file is set aside, see cdss.workspace);
3. the database is exported into an encrypted copy beside it (``sqlcipher_export``), which is checked (integrity and
   the row count of every table) before one atomic rename puts it in place;
4. the key file is marked ``done``;
5. every backup (the one of step 1 included) is converted the same way, so no plain copy of the records remains;
6. every attachment and thumbnail is sealed in place (cdss.db.sealed), one atomic rename per file, and the key file
   is then marked ``attachments: sealed``. A kill in this step leaves some files plain and some sealed, which the
   attachment store reads alike; the next opening of the workspace seals the rest (:func:`seal_attachments`).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from cdss.db import crypto
from cdss.db.connect import connect
from cdss.errors import UserError
from cdss.files import file_sha256, fsync_path, write_atomic

WORK_NAME = ".cdss.sqlite3.encrypting"


@dataclass(frozen=True)
class EncryptionReport:
    tables: int
    rows: int
    backups_converted: int
    attachments_sealed: int


def encrypt_workspace(root: Path, passphrase: str, params: crypto.KdfParams | None = None) -> EncryptionReport:
    """Encrypt the plain workspace at ``root`` (its database must be at the current schema: open it first)."""
    from cdss.db.backup import create_backup
    from cdss.workspace import DB_FILENAME

    root = Path(root).resolve()
    crypto.check_passphrase_strength(passphrase)
    if crypto.is_encrypted(root):
        raise UserError("workspace_already_encrypted", f"The workspace {root} is already encrypted.", path=str(root))
    db_path = root / DB_FILENAME
    if not crypto.database_is_plaintext(db_path):
        raise UserError("database_unreadable", f"{db_path} is not a plain SQLite database.", path=str(db_path))
    _fold_wal(db_path)
    create_backup(db_path, root / "backups", "before-encryption")
    key, content = crypto.new_key_file_content(passphrase, params, state="migrating")
    crypto.write_key_file(root, content)
    work = root / WORK_NAME
    try:
        tables, rows = export_encrypted(db_path, work, key)
        fsync_path(work)
        os.replace(work, db_path)
        for suffix in ("-wal", "-shm"):
            db_path.with_name(db_path.name + suffix).unlink(missing_ok=True)
        fsync_path(root)
    except BaseException:
        work.unlink(missing_ok=True)
        crypto.key_file(root).unlink(missing_ok=True)  # the database is still the plain one
        raise
    content["state"] = "done"
    crypto.write_key_file(root, content)
    crypto.remember(root, key)
    converted = encrypt_backups(root / "backups", key)
    sealed = seal_attachments(root, key)
    return EncryptionReport(tables, rows, converted, sealed)


def seal_attachments(root: Path, key: crypto.WorkspaceKey) -> int:
    """Seal every plain file under ``attachments/`` (thumbnails included) and mark the key file; returns how many
    were sealed. Idempotent: a file already sealed is left alone, so an interrupted run is finished by the next.

    Each sealed form is opened and hashed again before it counts, against the plain file's hash taken just before,
    so a sealing that went wrong is reported rather than silently replacing the only copy of a photo.
    """
    from cdss.db.sealed import MAGIC, FileCipher, SealedFileDamaged, looks_sealed, seal_file_in_place

    folder = Path(root) / "attachments"
    cipher = FileCipher(crypto.files_key(root, key))
    sealed = 0
    for path in sorted(folder.rglob("*")) if folder.is_dir() else ():
        if not path.is_file() or path.name.startswith("."):
            continue  # leftovers of interrupted writes are not attachments
        with path.open("rb") as fh:
            if looks_sealed(fh.read(len(MAGIC))):
                fh.seek(0)
                try:
                    for _ in cipher.chunks(fh, path.name):
                        pass
                    continue
                except SealedFileDamaged:
                    pass  # a plain file that happens to start like a sealed one
        before = file_sha256(path)
        seal_file_in_place(cipher, path)
        with path.open("rb") as fh:
            if _plain_sha256(cipher.chunks(fh, path.name)) != before:  # only if the disk lies: say so loudly
                raise UserError("attachment_seal_failed", f"Sealing {path.name} changed its content.",
                                name=path.name)
        sealed += 1
    if folder.is_dir():
        fsync_path(folder)
    crypto.mark_attachments_sealed(root)
    return sealed


def _plain_sha256(chunks: Iterable[bytes]) -> str:
    import hashlib

    digest = hashlib.sha256()
    for chunk in chunks:
        digest.update(chunk)
    return digest.hexdigest()


def export_encrypted(plain: Path, target: Path, key: crypto.WorkspaceKey) -> tuple[int, int]:
    """Write an encrypted copy of the plain database ``plain`` to ``target``; returns (tables, rows) after checking
    that the copy is intact and holds every row."""
    return _copy_under_key(plain, None, target, key)


def _copy_under_key(source: Path, source_key: crypto.WorkspaceKey | None, target: Path,
                    target_key: crypto.WorkspaceKey) -> tuple[int, int]:
    """``source`` (plain, or under ``source_key``) copied to ``target`` under ``target_key`` by sqlcipher_export, then
    checked: integrity and the row count of every table; a copy that differs is deleted and refused."""
    import sqlcipher3

    target.unlink(missing_ok=True)
    counts = _row_counts(source, source_key)
    conn = sqlcipher3.connect(str(source))
    try:
        if source_key is not None:
            conn.execute(source_key.sqlcipher_pragma())
        quoted = str(target).replace("'", "''")
        conn.execute(f"ATTACH DATABASE '{quoted}' AS copied KEY \"x'{target_key.database_key.hex()}'\"")
        conn.execute("SELECT sqlcipher_export('copied')")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        conn.execute(f"PRAGMA copied.user_version = {int(version)}")
        conn.execute("DETACH DATABASE copied")
    finally:
        conn.close()
    check = connect(target, target_key)
    try:
        (result,) = check.execute("PRAGMA integrity_check").fetchone()
    finally:
        check.close()
    if result != "ok" or _row_counts(target, target_key) != counts:
        target.unlink(missing_ok=True)
        raise UserError("encryption_check_failed", f"The encrypted copy of {source.name} did not match it; nothing "
                        "was changed.", name=source.name)
    return len(counts), sum(counts.values())


def encrypt_backups(backups_dir: Path, key: crypto.WorkspaceKey) -> int:
    """Convert every plain database file in the backups folder in place (atomically, one by one)."""
    converted = 0
    if not backups_dir.is_dir():
        return 0
    for path in sorted(backups_dir.glob("*.sqlite3")):
        if not crypto.database_is_plaintext(path):
            continue
        work = path.with_name(path.name + ".encrypting")
        export_encrypted(path, work, key)
        fsync_path(work)
        os.replace(work, path)
        converted += 1
    return converted


def _row_counts(path: Path, key: crypto.WorkspaceKey | None) -> dict[str, int]:
    conn = connect(path, key)
    try:
        names = [row[0] for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'")]
        # FTS5 shadow tables hold derived data; the virtual table itself is counted through its own rows
        return {name: conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in sorted(names)}
    finally:
        conn.close()


def _fold_wal(db_path: Path, key: crypto.WorkspaceKey | None = None) -> None:
    conn = connect(db_path, key)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()



REKEYED = ".rekeyed"  # suffix of the copies under the new key, and of the new key file, until the switch


def change_passphrase(root: Path, old: str, new: str, params: crypto.KdfParams | None = None) -> int:
    """Re-encrypt the database and every backup under a key from ``new``; returns the number of files re-encrypted.

    Crash-safe in two phases. First every file is copied under the new key (``<name>.rekeyed``) and checked, and the
    new key file is written beside the old one (``encryption.json.rekeyed``). Then one rename of the key file is the
    switch, after which the copies are renamed over the originals. :func:`finish_interrupted_rekey` (run when the
    workspace opens) rolls back an interrupted first phase and completes an interrupted second one.
    """
    from cdss.workspace import DB_FILENAME

    root = Path(root).resolve()
    crypto.check_passphrase_strength(new)
    finish_interrupted_rekey(root)
    old_key = crypto.unlock(root, old)
    new_key, content = crypto.new_key_file_content(new, params, files_key=crypto.files_key(root, old_key))
    if crypto.attachments_sealed(root):
        content["attachments"] = "sealed"
    files = [root / DB_FILENAME, *sorted((root / "backups").glob("*.sqlite3"))]
    staged: list[Path] = []
    try:
        _fold_wal(root / DB_FILENAME, old_key)
        for path in files:
            copy = path.with_name(path.name + REKEYED)
            _copy_under_key(path, old_key, copy, new_key)
            fsync_path(copy)
            staged.append(copy)
        new_key_file = crypto.key_file(root).with_name(crypto.KEY_FILE + REKEYED)
        write_atomic(new_key_file, (json.dumps(content, indent=1) + "\n").encode("utf-8"))
    except BaseException:
        for copy in staged:
            copy.unlink(missing_ok=True)
        raise
    os.replace(new_key_file, crypto.key_file(root))  # the switch: from here on the new passphrase opens it
    fsync_path(root)
    finish_interrupted_rekey(root)
    crypto.forget(root)
    crypto.forget_in_keyring(root)  # a key kept for the old passphrase must not linger
    crypto.remember(root, new_key)
    return len(staged)


def finish_interrupted_rekey(root: Path) -> None:
    """Complete or undo a passphrase change that was interrupted (see :func:`change_passphrase`)."""
    root = Path(root)
    pending_key = crypto.key_file(root).with_name(crypto.KEY_FILE + REKEYED)
    copies = [p for p in root.rglob(f"*.sqlite3{REKEYED}")]
    if pending_key.exists():  # the switch never happened: the old key still opens every original
        pending_key.unlink()
        for copy in copies:
            copy.unlink(missing_ok=True)
        return
    for copy in copies:  # switched: the copies are the truth
        original = copy.with_name(copy.name[: -len(REKEYED)])
        os.replace(copy, original)
        for suffix in ("-wal", "-shm"):
            original.with_name(original.name + suffix).unlink(missing_ok=True)

