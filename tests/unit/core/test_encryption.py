"""Workspace encryption at rest: turning it on keeps every record, leaves no plain copy of the database or its
backups, needs the passphrase to open, survives an interruption, and keeps backups and migrations working."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from cdss.db import crypto
from cdss.db.backup import list_backups
from cdss.db.encrypt import encrypt_workspace
from cdss.errors import UserError
from cdss.records.service import RecordsService
from cdss.records.types import Sex
from cdss.workspace import Workspace

PASSPHRASE = "correct horse battery"
FAST = crypto.KdfParams(time_cost=1, memory_kib=8 * 1024, parallelism=1)  # the KDF's cost is measured in bench/


pytestmark = pytest.mark.usefixtures("no_remembered_keys")


@pytest.fixture()
def plain(tmp_path: Path) -> Path:
    root = tmp_path / "ws"
    workspace = Workspace.open(root)
    service = RecordsService(workspace)
    for i in range(30):
        service.patients.create(f"Zhangsan Secretname{i}", sex=Sex.MALE, birth_date=dt.date(1960, 1, 1 + i % 28))
    workspace.backup_now("manual")
    workspace.close()
    return root


def raw_bytes(root: Path) -> bytes:
    return b"".join(p.read_bytes() for p in root.rglob("*") if p.is_file() and p.suffix != ".json")


def test_encrypting_keeps_every_record_and_leaves_no_plain_copy(plain: Path, monkeypatch) -> None:
    assert b"Secretname" in raw_bytes(plain)
    report = encrypt_workspace(plain, PASSPHRASE, FAST)
    assert report.rows >= 30 and report.backups_converted == 2  # the manual one and the one taken before encrypting
    assert b"Secretname" not in raw_bytes(plain)
    assert not crypto.database_is_plaintext(plain / "cdss.sqlite3")
    assert json.loads((plain / "encryption.json").read_text())["state"] == "done"

    crypto.forget()
    with pytest.raises(UserError) as locked:
        Workspace.open(plain)
    assert locked.value.code == "workspace_locked"
    monkeypatch.setenv("CDSS_PASSPHRASE", "not the passphrase")
    with pytest.raises(UserError) as wrong:
        Workspace.open(plain)
    assert wrong.value.code == "workspace_passphrase_wrong"
    monkeypatch.setenv("CDSS_PASSPHRASE", PASSPHRASE)
    workspace = Workspace.open(plain)
    names = {p.name for p in RecordsService(workspace).patients.page(limit=100)}
    assert len(names) == 30 and "Zhangsan Secretname7" in names
    assert RecordsService(workspace).patients.count("Secretname7") == 1  # full-text search works encrypted
    workspace.close()


def test_backups_and_restore_stay_encrypted(plain: Path) -> None:
    encrypt_workspace(plain, PASSPHRASE, FAST)
    workspace = Workspace.open(plain)
    service = RecordsService(workspace)
    info = workspace.backup_now("manual")
    assert not crypto.database_is_plaintext(info.path)
    service.patients.create("Added After Backup", sex=Sex.FEMALE)
    workspace.restore(info.path)
    assert "Added After Backup" not in {p.name for p in RecordsService(workspace).patients.page(limit=100)}
    assert all(not crypto.database_is_plaintext(b.path) for b in list_backups(plain / "backups"))
    workspace.close()


def test_an_interrupted_encryption_opens_as_the_plain_workspace_it_still_is(plain: Path) -> None:
    key, content = crypto.new_key_file_content(PASSPHRASE, FAST, state="migrating")
    crypto.write_key_file(plain, content)  # killed right after writing the key file, before the swap
    workspace = Workspace.open(plain)
    assert workspace.key is None and len(RecordsService(workspace).patients.page(limit=100)) == 30
    assert not crypto.is_encrypted(plain) and (plain / "encryption.json.interrupted").exists()
    workspace.close()
    encrypt_workspace(plain, PASSPHRASE, FAST)  # and it can be encrypted again
    assert crypto.is_encrypted(plain)


def test_a_short_passphrase_or_a_second_encryption_is_refused(plain: Path) -> None:
    with pytest.raises(UserError, match="at least 8"):
        encrypt_workspace(plain, "short", FAST)
    assert not crypto.is_encrypted(plain)
    encrypt_workspace(plain, PASSPHRASE, FAST)
    with pytest.raises(UserError) as again:
        encrypt_workspace(plain, PASSPHRASE, FAST)
    assert again.value.code == "workspace_already_encrypted"


def test_a_damaged_key_file_is_named_not_guessed_around(plain: Path) -> None:
    encrypt_workspace(plain, PASSPHRASE, FAST)
    crypto.forget()
    (plain / "encryption.json").write_text('{"format": 1, "kdf": "argon2id"}', encoding="utf-8")
    with pytest.raises(UserError) as damaged:
        crypto.unlock(plain, PASSPHRASE)
    assert damaged.value.code == "workspace_key_file_damaged"


def test_the_key_never_shows_in_a_repr() -> None:
    key, content = crypto.new_key_file_content(PASSPHRASE, FAST)
    assert key.master.hex() not in repr(key) and "hidden" in repr(key)
    assert PASSPHRASE not in json.dumps(content)


def test_the_command_line_encrypts_and_then_needs_the_passphrase(plain: Path, monkeypatch, capsys) -> None:
    from cdss.cli import main

    monkeypatch.setenv("CDSS_NEW_PASSPHRASE", PASSPHRASE)
    monkeypatch.setattr(crypto, "DEFAULT_PARAMS", FAST)
    assert main(["--workspace", str(plain), "workspace", "encrypt"]) == 0
    assert "encrypted" in capsys.readouterr().out
    crypto.forget()
    assert main(["--workspace", str(plain), "records", "list"]) == 1
    assert "is encrypted" in capsys.readouterr().err
    monkeypatch.setenv("CDSS_PASSPHRASE", PASSPHRASE)
    assert main(["--workspace", str(plain), "records", "list"]) == 0
    assert "Secretname" in capsys.readouterr().out
    assert main(["--workspace", str(plain), "workspace", "status"]) == 0
    assert "encrypted (SQLCipher" in capsys.readouterr().out


def test_a_key_kept_in_the_os_keyring_opens_the_workspace_without_the_passphrase(plain: Path, memory_keyring) -> None:
    vault = memory_keyring
    encrypt_workspace(plain, PASSPHRASE, FAST)
    assert crypto.keyring_available()
    assert crypto.remember_in_keyring(plain, crypto.unlock(plain, PASSPHRASE))
    assert PASSPHRASE not in str(vault.entries)  # the key, not the passphrase
    crypto.forget()
    workspace = Workspace.open(plain)  # no prompt, no environment variable
    assert len(RecordsService(workspace).patients.page(limit=100)) == 30
    workspace.close()
    crypto.forget()
    crypto.forget_in_keyring(plain)
    with pytest.raises(UserError):
        Workspace.open(plain)


def test_changing_the_passphrase_re_encrypts_everything_and_survives_interruption(plain: Path, monkeypatch) -> None:
    from cdss.db.encrypt import REKEYED, change_passphrase, finish_interrupted_rekey

    encrypt_workspace(plain, PASSPHRASE, FAST)
    new = "a brand new passphrase"
    with pytest.raises(UserError) as wrong:
        change_passphrase(plain, "not the old one", new, FAST)
    assert wrong.value.code == "workspace_passphrase_wrong"
    assert change_passphrase(plain, PASSPHRASE, new, FAST) == 3  # the database and two backups
    crypto.forget()
    with pytest.raises(UserError):
        crypto.unlock(plain, PASSPHRASE)
    monkeypatch.setenv("CDSS_PASSPHRASE", new)
    workspace = Workspace.open(plain)
    assert len(RecordsService(workspace).patients.page(limit=100)) == 30
    info = list_backups(plain / "backups")[0]
    workspace.restore(info.path)  # a backup re-encrypted under the new key restores
    workspace.close()
    assert not list(plain.rglob(f"*{REKEYED}"))

    # killed in the first phase (copies and new key file written, no switch): rolled back, the old key still opens
    crypto.forget()
    key_file = plain / "encryption.json"
    (plain / f"encryption.json{REKEYED}").write_text(key_file.read_text())
    (plain / f"cdss.sqlite3{REKEYED}").write_bytes(b"half a copy")
    finish_interrupted_rekey(plain)
    assert not list(plain.rglob(f"*{REKEYED}")) and crypto.unlock(plain, new)

    # killed in the second phase (key file switched, a copy not yet renamed): completed on the next open
    db = plain / "cdss.sqlite3"
    (plain / f"cdss.sqlite3{REKEYED}").write_bytes(db.read_bytes())
    db.write_bytes(b"the old-key original, now stale")
    monkeypatch.setenv("CDSS_PASSPHRASE", new)
    workspace = Workspace.open(plain)
    assert len(RecordsService(workspace).patients.page(limit=100)) == 30 and not list(plain.rglob(f"*{REKEYED}"))
    workspace.close()


def test_the_command_line_changes_the_passphrase(plain: Path, monkeypatch, capsys) -> None:
    from cdss.cli import main

    encrypt_workspace(plain, PASSPHRASE, FAST)
    monkeypatch.setattr(crypto, "DEFAULT_PARAMS", FAST)
    monkeypatch.setenv("CDSS_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("CDSS_NEW_PASSPHRASE", "another passphrase")
    assert main(["--workspace", str(plain), "workspace", "passphrase"]) == 0
    assert "passphrase changed" in capsys.readouterr().out
    crypto.forget()
    assert crypto.unlock(plain, "another passphrase")
