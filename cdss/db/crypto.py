"""Workspace encryption at rest: the passphrase, the key derived from it, and the file that checks it.

A clinician's laptop holds identified patient records. An encrypted workspace keeps its database (and every backup
of it) as SQLCipher files: AES-256 pages keyed by a 256-bit key that is derived from the doctor's passphrase with
Argon2id (memory-hard, so a stolen disk cannot be brute-forced on a GPU cheaply). The passphrase is never stored.
``encryption.json`` in the workspace holds only the salt, the KDF's parameters and a check value (a short text
sealed with AES-GCM under a key derived from the same secret), so a wrong passphrase is told apart from a damaged
file without touching the database.

Sub-keys come from the master key through HKDF with distinct labels: one for SQLCipher, one for the check value and
one that wraps the files key, so no two uses share a key. Attachments and their thumbnails are sealed
(cdss.db.sealed) under a random *files key* kept in the key file wrapped by the master key: changing the passphrase
re-wraps that one key instead of re-encrypting every photo.

Not covered (said wherever encryption is offered): the literature index (published papers, not patient data), the
de-identified pictures kept for the case exchange, copies a doctor opens in another program (kept in a temporary
folder that the app empties at start and exit) and log files, which may name patients.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
import threading
from dataclasses import dataclass
from pathlib import Path

from cdss.errors import UserError

KEY_FILE = "encryption.json"
FORMAT = 1
MIN_PASSPHRASE = 8
_CHECK_TEXT = b"CDSS Desk workspace key check"
_PLAIN_HEADER = b"SQLite format 3\x00"


@dataclass(frozen=True)
class KdfParams:
    """Argon2id parameters: 64 MiB and 3 passes take about a quarter of a second on a laptop (bench/encryption.py)."""

    time_cost: int = 3
    memory_kib: int = 64 * 1024
    parallelism: int = 2


DEFAULT_PARAMS = KdfParams()


@dataclass(frozen=True, repr=False)
class WorkspaceKey:
    """The 256-bit master key of an unlocked workspace (kept in memory only; ``repr`` hides it)."""

    master: bytes

    def _derive(self, label: bytes) -> bytes:
        from cryptography.hazmat.primitives import hashes
        from cryptography.hazmat.primitives.kdf.hkdf import HKDF

        return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"cdss-desk/" + label).derive(self.master)

    @property
    def database_key(self) -> bytes:
        return self._derive(b"sqlcipher")

    def sqlcipher_pragma(self) -> str:
        """``PRAGMA key`` with the raw key (SQLCipher then skips its own, slower PBKDF2 step)."""
        return f"PRAGMA key = \"x'{self.database_key.hex()}'\""

    def check_value(self, nonce: bytes) -> bytes:
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        return AESGCM(self._derive(b"check")).encrypt(nonce, _CHECK_TEXT, None)

    def __repr__(self) -> str:
        return "WorkspaceKey(<hidden>)"


def key_file(root: Path) -> Path:
    return Path(root) / KEY_FILE


def is_encrypted(root: Path) -> bool:
    return key_file(root).is_file()


def database_is_plaintext(db_path: Path) -> bool:
    """True for an ordinary SQLite file (its first 16 bytes are the SQLite header; SQLCipher's are random)."""
    try:
        with Path(db_path).open("rb") as fh:
            return fh.read(16) == _PLAIN_HEADER
    except FileNotFoundError:
        return False


def derive_key(passphrase: str, salt: bytes, params: KdfParams) -> WorkspaceKey:
    from argon2.low_level import Type, hash_secret_raw

    master = hash_secret_raw(passphrase.encode("utf-8"), salt, time_cost=params.time_cost,
                             memory_cost=params.memory_kib, parallelism=params.parallelism, hash_len=32,
                             type=Type.ID)
    return WorkspaceKey(master)


def check_passphrase_strength(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE:
        raise UserError("passphrase_too_short", f"The passphrase must have at least {MIN_PASSPHRASE} characters.",
                        minimum=MIN_PASSPHRASE)


def new_key_file_content(passphrase: str, params: KdfParams | None = None, *, state: str = "done",
                         files_key: bytes | None = None) -> tuple[WorkspaceKey, dict[str, object]]:
    """A fresh salt and key for ``passphrase``, and the key file's content (which holds no secret in the clear):
    ``files_key`` (a new random one when None) is kept wrapped under the new key."""
    params = params or DEFAULT_PARAMS
    salt = secrets.token_bytes(16)
    key = derive_key(passphrase, salt, params)
    nonce = secrets.token_bytes(12)
    content: dict[str, object] = {
        "format": FORMAT, "cipher": "sqlcipher4", "kdf": "argon2id", "salt": _b64(salt),
        "time_cost": params.time_cost, "memory_kib": params.memory_kib, "parallelism": params.parallelism,
        "check_nonce": _b64(nonce), "check": _b64(key.check_value(nonce)), "state": state,
    }
    content.update(_wrapped_files_key(key, files_key or secrets.token_bytes(32)))
    return key, content


_FILES_KEY_AAD = b"cdss-desk files key"


def _wrapped_files_key(key: WorkspaceKey, files_key: bytes) -> dict[str, object]:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    nonce = secrets.token_bytes(12)
    sealed = AESGCM(key._derive(b"files-wrap")).encrypt(nonce, files_key, _FILES_KEY_AAD)
    return {"files_nonce": _b64(nonce), "files_key": _b64(sealed)}


def files_key(root: Path, key: WorkspaceKey) -> bytes:
    """The key that seals the attachments of the encrypted workspace at ``root`` (unwrapped with ``key``).

    A key file written before attachments were sealed has none: one is made and added to it here, once.
    """
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    resolved = Path(root).resolve()
    with _files_guard:
        known = _files_keys.get(resolved)
        if known is not None:
            return known
        content = read_key_file(resolved)
        if "files_key" not in content:
            content.update(_wrapped_files_key(key, secrets.token_bytes(32)))
            write_key_file(resolved, content)
        try:
            unwrapped = AESGCM(key._derive(b"files-wrap")).decrypt(
                base64.b64decode(str(content["files_nonce"])), base64.b64decode(str(content["files_key"])),
                _FILES_KEY_AAD)
        except (InvalidTag, ValueError) as exc:
            raise UserError("workspace_key_file_damaged", f"The workspace's key file {key_file(resolved)} is "
                            "damaged (its files key does not open); restore it from a copy of the workspace.",
                            path=str(key_file(resolved))) from exc
        _files_keys[resolved] = unwrapped
        return unwrapped


def attachments_sealed(root: Path) -> bool:
    """Whether every attachment of the encrypted workspace at ``root`` has been sealed (see cdss.db.encrypt)."""
    return read_key_file(root).get("attachments") == "sealed"


def mark_attachments_sealed(root: Path) -> None:
    content = read_key_file(root)
    content["attachments"] = "sealed"
    write_key_file(root, content)


def write_key_file(root: Path, content: dict[str, object]) -> None:
    from cdss.files import write_atomic

    write_atomic(key_file(root), (json.dumps(content, indent=1) + "\n").encode("utf-8"))


def read_key_file(root: Path) -> dict[str, object]:
    path = key_file(root)
    try:
        content = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(content, dict) or content.get("format") != FORMAT or content.get("kdf") != "argon2id":
            raise ValueError("unknown format")
        for name in ("salt", "check_nonce", "check"):
            base64.b64decode(str(content[name]), validate=True)
        for name in ("files_nonce", "files_key"):  # absent from key files written before attachments were sealed
            if name in content:
                base64.b64decode(str(content[name]), validate=True)
        for name in ("time_cost", "memory_kib", "parallelism"):
            if not isinstance(content[name], int) or not 0 < content[name] <= 4 * 1024 * 1024:
                raise ValueError(name)
    except (OSError, ValueError, KeyError) as exc:
        raise UserError("workspace_key_file_damaged", f"The workspace's key file {path} is damaged ({exc}); "
                        "restore it from a copy of the workspace.", path=str(path)) from exc
    return content


def unlock(root: Path, passphrase: str) -> WorkspaceKey:
    """The key of the encrypted workspace at ``root``; a wrong passphrase is a clear error, never a guess."""

    content = read_key_file(root)
    params = KdfParams(int(content["time_cost"]), int(content["memory_kib"]),  # type: ignore[call-overload]
                       int(content["parallelism"]))  # type: ignore[call-overload]
    key = derive_key(passphrase, base64.b64decode(str(content["salt"])), params)
    if not _fits(content, key):
        raise UserError("workspace_passphrase_wrong", "The passphrase is not right for this workspace.")
    return key


def _fits(content: dict[str, object], key: WorkspaceKey) -> bool:
    """Whether ``key`` opens the key file's check value (a wrong passphrase, or a stale remembered key, does not)."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    nonce, sealed = base64.b64decode(str(content["check_nonce"])), base64.b64decode(str(content["check"]))
    try:
        AESGCM(key._derive(b"check")).decrypt(nonce, sealed, None)
    except InvalidTag:
        return False
    return True


# -- the OS keyring, if the doctor chose it ------------------------------------------------------------------------
KEYRING_SERVICE = "CDSS Desk workspace"


def keyring_available() -> bool:
    from cdss import os_keyring

    return os_keyring.backend() is not None


def remember_in_keyring(root: Path, key: WorkspaceKey) -> bool:
    """Keep the key (not the passphrase) in the OS keyring, so this computer's account opens the workspace without
    asking; False when there is no keyring."""
    from cdss import os_keyring

    return os_keyring.put(KEYRING_SERVICE, os_keyring.workspace_account(root), key.master.hex())


def forget_in_keyring(root: Path) -> None:
    from cdss import os_keyring

    os_keyring.delete(KEYRING_SERVICE, os_keyring.workspace_account(root))


def _from_keyring(root: Path) -> WorkspaceKey | None:
    from cdss import os_keyring

    stored = os_keyring.get(KEYRING_SERVICE, os_keyring.workspace_account(root))
    if stored is None:
        return None
    try:
        key = WorkspaceKey(bytes.fromhex(stored))
    except ValueError:
        return None
    return key if len(key.master) == 32 and _fits(read_key_file(root), key) else None


# -- the passphrase of this process -------------------------------------------------------------------------------
# A command (or the app) asks for the passphrase once; every Workspace.open of the same folder in this process then
# uses the key, which lives only in memory. CDSS_PASSPHRASE serves scripts and tests.
_unlocked: dict[Path, WorkspaceKey] = {}
_files_keys: dict[Path, bytes] = {}
_guard = threading.Lock()
_files_guard = threading.Lock()


def remember(root: Path, key: WorkspaceKey) -> None:
    with _guard:
        _unlocked[Path(root).resolve()] = key


def forget(root: Path | None = None) -> None:
    """Drop the key of ``root`` (or of every workspace) from memory, e.g. when the app locks."""
    with _guard, _files_guard:
        if root is None:
            _unlocked.clear()
            _files_keys.clear()
        else:
            _unlocked.pop(Path(root).resolve(), None)
            _files_keys.pop(Path(root).resolve(), None)


def key_for(root: Path) -> WorkspaceKey:
    """The key of an encrypted workspace: remembered in this process, kept in the OS keyring (if the doctor chose
    it), or from CDSS_PASSPHRASE; else the workspace is locked."""
    resolved = Path(root).resolve()
    with _guard:
        known = _unlocked.get(resolved)
    if known is not None:
        return known
    kept = _from_keyring(resolved)
    if kept is not None:
        remember(resolved, kept)
        return kept
    passphrase = os.environ.get("CDSS_PASSPHRASE")
    if passphrase:
        key = unlock(resolved, passphrase)
        remember(resolved, key)
        return key
    raise UserError("workspace_locked", f"The workspace {resolved} is encrypted: enter its passphrase (or set "
                    "CDSS_PASSPHRASE for a script).", path=str(resolved))


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")
