"""The operating system's keyring (Windows Credential Manager, macOS Keychain, the Secret Service on Linux desktops),
where one is usable: exchange sign-in tokens and, if the doctor chooses, an encrypted workspace's key are kept there
instead of in files. Everything here degrades to "no keyring": a headless Linux has only keyring's 'fail' backend,
and CDSS_NO_KEYRING=1 turns it off (tests, shared machines)."""

from __future__ import annotations

import hashlib
import logging
import os
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

NO_KEYRING_ENV = "CDSS_NO_KEYRING"


def backend() -> Any | None:
    """The usable keyring backend, or None."""
    if os.environ.get(NO_KEYRING_ENV):
        return None
    try:
        import keyring
        from keyring.backends import fail
    except ImportError:
        return None
    try:
        found = keyring.get_keyring()
    except Exception:  # noqa: BLE001 - a broken keyring configuration means no keyring
        return None
    if isinstance(found, fail.Keyring) or getattr(found, "priority", 0) <= 0:
        return None
    return found


def workspace_account(root: Path) -> str:
    """The keyring account of a workspace: one entry per folder, hashed so the keyring's list names no folder."""
    return "workspace-" + hashlib.sha256(str(Path(root).resolve()).encode()).hexdigest()[:16]


def get(service: str, account: str, vault: Any | None = None) -> str | None:
    vault = vault if vault is not None else backend()
    if vault is None:
        return None
    try:
        value = vault.get_password(service, account)
    except Exception:  # noqa: BLE001 - a locked or failing keyring is a missing entry, not a crash
        log.warning("the OS keyring could not be read (%s)", service)
        return None
    return value if isinstance(value, str) and value else None


def put(service: str, account: str, value: str, vault: Any | None = None) -> bool:
    vault = vault if vault is not None else backend()
    if vault is None:
        return False
    vault.set_password(service, account, value)
    return True


def delete(service: str, account: str, vault: Any | None = None) -> None:
    vault = vault if vault is not None else backend()
    if vault is None:
        return
    try:
        vault.delete_password(service, account)
    except Exception:  # noqa: BLE001 - nothing stored is what deleting wanted
        pass
