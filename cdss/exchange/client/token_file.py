"""The exchange sign-in tokens: in the OS keyring where one exists (Windows Credential Manager, macOS Keychain, the
Secret Service on Linux desktops), otherwise in a private file, ``<workspace>/exchange/session.json`` (mode 0600);
never in the DB. Tokens found in the file move to the keyring as soon as one is there.

Workspace backups copy the SQLite database only; a 30-day refresh token kept there travelled into every backup
(and to whoever a backup was handed). The file is written atomically (a private temporary file, fsync, rename), so a
crash mid-write leaves the previous tokens, never half a token; a rotated refresh token is therefore either fully
stored or the old one is still there. Tokens an older version left in the ``exchange_state`` table move here on first
read and are deleted from the database. Sign-out deletes the file.
"""

from __future__ import annotations

import json
import logging
import threading
from pathlib import Path
from typing import Any

from sqlalchemy import delete, select, text

from cdss.exchange.models import ExchangeStateRow
from cdss.files import write_atomic
from cdss.workspace import Workspace

log = logging.getLogger(__name__)

TOKEN_KEYS = ("access_token", "refresh_token", "access_expires_at", "refresh_expires_at")
FILE_NAME = "session.json"
KEYRING_SERVICE = "CDSS Desk exchange"

# One lock per file: the pool's readers and the single writer may refresh or prune tokens at the same moment, and a
# read-modify-write must not lose the other's change (e.g. a just-rotated refresh token).
_locks: dict[Path, threading.RLock] = {}
_locks_guard = threading.Lock()


def token_path(workspace: Workspace) -> Path:
    return workspace.subdir("exchange") / FILE_NAME


def read_tokens(workspace: Workspace) -> dict[str, str]:
    """The stored tokens (only keys that are set), after moving any left in the database by an older version."""
    path = token_path(workspace)
    with _lock_for(path):
        vault = _keyring()
        tokens = _read_file(path)
        if vault is not None:
            stored = _read_vault(vault, workspace)
            if tokens:  # written before a keyring was available: move them, the file's being the newer
                stored = {**stored, **tokens}
                _write_vault(vault, workspace, stored)
                path.unlink(missing_ok=True)
            tokens = stored
        legacy = _legacy_tokens(workspace)
        if legacy:
            # File values are newer than anything a migration could find; the database only fills the gaps.
            tokens = {**legacy, **tokens}
            _store(workspace, path, tokens)
            with workspace.unit_of_work() as session:
                # secure_delete zeroes the freed cells: otherwise the token bytes linger in free pages of the file,
                # which the backup API copies too.
                session.execute(text("PRAGMA secure_delete = ON"))
                session.execute(delete(ExchangeStateRow).where(ExchangeStateRow.key.in_(TOKEN_KEYS)))
                session.execute(text("PRAGMA secure_delete = OFF"))
        return tokens


def update_tokens(workspace: Workspace, **values: str | None) -> None:
    """Set (or, with None, remove) token keys in one atomic write; the file goes away when nothing is left."""
    unknown = sorted(set(values) - set(TOKEN_KEYS))
    if unknown:
        raise ValueError(f"not token keys: {unknown}")
    # Checked before anything is written, and the message names only the keys: token values never reach a log.
    bad = sorted(key for key, value in values.items() if value is not None and not isinstance(value, str))
    if bad:
        raise RuntimeError(f"could not store exchange tokens {bad}: values must be text")
    path = token_path(workspace)
    with _lock_for(path):
        tokens = read_tokens(workspace)
        for key, value in values.items():
            if value is None:
                tokens.pop(key, None)
            else:
                tokens[key] = value
        _store(workspace, path, tokens)


def token_location(workspace: Workspace) -> str:
    """Where the tokens are kept, for the settings and the sign-in dialog: "keyring" or "file"."""
    return "keyring" if _keyring() is not None else "file"


def _store(workspace: Workspace, path: Path, tokens: dict[str, str]) -> None:
    vault = _keyring()
    if vault is not None:
        _write_vault(vault, workspace, tokens)
        path.unlink(missing_ok=True)
    elif tokens:
        _write_file(path, tokens)
    else:
        path.unlink(missing_ok=True)


def _keyring() -> Any | None:
    from cdss import os_keyring

    return os_keyring.backend()


def _read_vault(vault: Any, workspace: Workspace) -> dict[str, str]:
    from cdss import os_keyring

    raw = os_keyring.get(KEYRING_SERVICE, os_keyring.workspace_account(workspace.root), vault)
    try:
        data = json.loads(raw) if raw else {}
    except ValueError:
        return {}
    if not isinstance(data, dict):
        return {}
    return {k: v for k, v in data.items() if k in TOKEN_KEYS and isinstance(v, str) and v}


def _write_vault(vault: Any, workspace: Workspace, tokens: dict[str, str]) -> None:
    from cdss import os_keyring

    account = os_keyring.workspace_account(workspace.root)
    if tokens:
        os_keyring.put(KEYRING_SERVICE, account, json.dumps(tokens, sort_keys=True), vault)
    else:
        os_keyring.delete(KEYRING_SERVICE, account, vault)


def _lock_for(path: Path) -> threading.RLock:
    with _locks_guard:
        return _locks.setdefault(path.resolve(), threading.RLock())


def _read_file(path: Path) -> dict[str, str]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError):
        return {}  # a damaged file is a lost sign-in, not a crash: the user signs in again and it is rewritten
    if not isinstance(data, dict):
        return {}
    return {key: value for key, value in data.items() if key in TOKEN_KEYS and isinstance(value, str) and value}


def _write_file(path: Path, tokens: dict[str, str]) -> None:
    # write_atomic's temporary file is created with mode 0600: the token is never readable by others, not even briefly.
    write_atomic(path, json.dumps(tokens, sort_keys=True).encode("utf-8"))


def _legacy_tokens(workspace: Workspace) -> dict[str, str]:
    with workspace.unit_of_work() as session:
        rows = session.execute(select(ExchangeStateRow.key, ExchangeStateRow.value)
                               .where(ExchangeStateRow.key.in_(TOKEN_KEYS))).all()
    return {key: value for key, value in rows if value}
