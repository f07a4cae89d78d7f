"""Opening an encrypted workspace in the app: the passphrase dialog comes first, a wrong passphrase says so and
lets the doctor try again, the right one opens the records."""

from __future__ import annotations

import datetime as dt

import pytest

from cdss.db import crypto
from cdss.db.encrypt import encrypt_workspace
from cdss.records.service import RecordsService
from cdss.records.types import Sex
from cdss.ui.unlock_dialog import MAX_TRIES, UnlockDialog
from cdss.workspace import Workspace

FAST = crypto.KdfParams(time_cost=1, memory_kib=8 * 1024, parallelism=1)


@pytest.fixture()
def locked(tmp_path, monkeypatch):
    monkeypatch.delenv("CDSS_PASSPHRASE", raising=False)
    root = tmp_path / "ws"
    workspace = Workspace.open(root)
    RecordsService(workspace).patients.create("Locked Patient", sex=Sex.FEMALE, birth_date=dt.date(1970, 1, 1))
    workspace.close()
    encrypt_workspace(root, "correct horse battery", FAST)
    crypto.forget()
    yield root
    crypto.forget()


def test_wrong_then_right_passphrase(qtbot, locked):
    dialog = UnlockDialog(locked)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.passphrase, "wrong passphrase")
    assert not dialog.try_unlock()
    assert "not right" in dialog.problem.text() and dialog.passphrase.text() == ""
    qtbot.keyClicks(dialog.passphrase, "correct horse battery")
    assert dialog.try_unlock() and dialog.result() == UnlockDialog.DialogCode.Accepted
    workspace = Workspace.open(locked)  # the key is remembered for this process
    assert [p.name for p in RecordsService(workspace).patients.page()] == ["Locked Patient"]
    workspace.close()


def test_too_many_wrong_tries_give_up(qtbot, locked):
    dialog = UnlockDialog(locked)
    qtbot.addWidget(dialog)
    for _ in range(MAX_TRIES):
        dialog.passphrase.setText("wrong passphrase")
        dialog.try_unlock()
    assert dialog.result() == UnlockDialog.DialogCode.Rejected
