"""The app lock of an encrypted workspace: idle minutes (the setting) or Lock now hide every window behind the
passphrase prompt; the right passphrase brings them back; a plain workspace has no lock (nothing to ask for)."""

from __future__ import annotations

import time

import pytest

from cdss.db import crypto
from cdss.db.encrypt import encrypt_workspace
from cdss.ui.app_lock import AppLock
from cdss.workspace import Workspace

FAST = crypto.KdfParams(time_cost=1, memory_kib=8 * 1024, parallelism=1)
PASSPHRASE = "correct horse battery"


@pytest.fixture()
def encrypted_window(qtbot, tmp_path, monkeypatch):
    from cdss.app import build_main_window

    monkeypatch.delenv("CDSS_PASSPHRASE", raising=False)
    root = tmp_path / "ws"
    Workspace.open(root).close()
    encrypt_workspace(root, PASSPHRASE, FAST)  # remembers the key for this process
    _app, window = build_main_window(root, language="en")
    qtbot.addWidget(window)
    window.show()
    yield window
    window.ctx.tasks.wait_all()
    window.ctx.workspace.close()
    window.ctx.languages.apply("en")
    crypto.forget()


def test_idle_minutes_lock_and_the_passphrase_unlocks(qtbot, encrypted_window):
    window = encrypted_window
    lock: AppLock = window.app_lock
    assert lock.available and window.lock_action.isEnabled()
    window.ctx.settings.set("security.lock_minutes", 5)
    assert not lock.check_idle(now=lock.last_activity + 4 * 60)
    assert lock.check_idle(now=lock.last_activity + 5 * 60 + 0.5)  # (a + 300) - a can round below 300
    assert lock.locked and not window.isVisible() and lock.prompt.isVisible()
    lock.prompt.passphrase.setText("not it at all")
    assert not lock.prompt.try_unlock() and lock.locked and not window.isVisible()
    lock.prompt.passphrase.setText(PASSPHRASE)
    assert lock.prompt.try_unlock()
    assert not lock.locked and window.isVisible()


def test_lock_now_and_never(qtbot, encrypted_window):
    window = encrypted_window
    window.ctx.settings.set("security.lock_minutes", 0)
    assert not window.app_lock.check_idle(now=time.monotonic() + 10 * 3600)  # "never"
    window.lock_action.trigger()
    assert window.app_lock.locked and not window.isVisible()
    window.app_lock.prompt.passphrase.setText(PASSPHRASE)
    window.app_lock.prompt.try_unlock()
    assert window.isVisible()


def test_a_plain_workspace_has_no_lock(qtbot, main_window):
    assert not main_window.app_lock.available and not main_window.lock_action.isEnabled()
    main_window.app_lock.lock()
    assert not main_window.app_lock.locked


def test_encrypt_from_settings_then_the_lock_applies_and_the_passphrase_changes(qtbot, main_window, monkeypatch):
    from cdss.records.service import RecordsService
    from cdss.records.types import Sex
    from cdss.ui.settings_dialog import SettingsDialog

    monkeypatch.setattr(crypto, "DEFAULT_PARAMS", FAST)
    RecordsService(main_window.ctx.workspace).patients.create("Settings Patient", sex=Sex.MALE)
    dialog = SettingsDialog(main_window.ctx, main_window)
    dialog.security.changed.connect(main_window._security_changed)
    box = dialog.security
    assert box.encrypt_button.isVisibleTo(box) and not box.passphrase_button.isVisibleTo(box)
    ask = box.ask(changing=False)
    ask.first.setText("short")
    ask.second.setText("short")
    assert not ask.check() and "at least 8" in ask.problem.text()
    ask.first.setText(PASSPHRASE)
    ask.second.setText(PASSPHRASE + "x")
    assert not ask.check() and "differ" in ask.problem.text()
    ask.second.setText(PASSPHRASE)
    assert ask.check()
    qtbot.waitUntil(lambda: box.last_task is not None and box.last_task.is_done and box.encrypted, timeout=20000)
    assert main_window.lock_action.isEnabled() and box.passphrase_button.isVisibleTo(box)
    assert not crypto.database_is_plaintext(main_window.ctx.workspace.db_path)
    assert [p.name for p in RecordsService(main_window.ctx.workspace).patients.page()] == ["Settings Patient"]

    change = box.ask(changing=True)
    change.current.setText(PASSPHRASE)
    change.first.setText("the next passphrase")
    change.second.setText("the next passphrase")
    assert change.check()
    qtbot.waitUntil(lambda: box.last_task.is_done, timeout=20000)
    assert crypto.unlock(main_window.ctx.workspace.root, "the next passphrase")
    assert [p.name for p in RecordsService(main_window.ctx.workspace).patients.page()] == ["Settings Patient"]
    main_window.lock_action.trigger()
    assert main_window.app_lock.locked
    main_window.app_lock.prompt.passphrase.setText("the next passphrase")
    assert main_window.app_lock.prompt.try_unlock()
    dialog.close()
    crypto.forget()
