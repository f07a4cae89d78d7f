"""Automatic and manual backups, pruning, and restoring (with the current state saved first)."""

from __future__ import annotations

import datetime as dt

import pytest

from cdss.db.backup import backup_due_today, create_backup, list_backups, prune_backups, verify_backup
from cdss.errors import UserError
from cdss.settings import SettingsService


def test_daily_backup_is_taken_once_per_day(workspace):
    assert backup_due_today(workspace.backups_dir)
    first = workspace.backup_if_due()
    assert first is not None and first.reason == "daily"
    assert workspace.backup_if_due() is None
    assert not backup_due_today(workspace.backups_dir)
    assert backup_due_today(workspace.backups_dir, today=dt.date.today() + dt.timedelta(days=1))


def test_only_the_newest_backups_are_kept(workspace):
    for _ in range(5):
        create_backup(workspace.db_path, workspace.backups_dir, "manual", keep=3)
    backups = list_backups(workspace.backups_dir)
    assert len(backups) == 3
    assert backups == sorted(backups, key=lambda b: b.taken_at, reverse=True)
    prune_backups(workspace.backups_dir, keep=1)
    assert len(list_backups(workspace.backups_dir)) == 1


def test_restore_brings_back_old_data_and_saves_the_current_state(workspace):
    settings = SettingsService(workspace)
    settings.set("language", "en")
    backup = workspace.backup_now()
    settings.set("language", "zh_CN")
    assert settings.get("language") == "zh_CN"

    safety = workspace.restore(backup.path)
    assert SettingsService(workspace).get("language") == "en"
    assert safety.reason == "before-restore"
    # The safety copy holds what was current before the restore, so the restore itself can be undone.
    workspace.restore(safety.path)
    assert SettingsService(workspace).get("language") == "zh_CN"


def test_a_corrupt_backup_is_refused_and_nothing_changes(workspace, tmp_path):
    SettingsService(workspace).set("language", "en")
    bad = tmp_path / "cdss-20240101T000000Z-manual.sqlite3"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 50)
    with pytest.raises(UserError):
        verify_backup(bad)
    with pytest.raises(UserError):
        workspace.restore(bad)
    assert SettingsService(workspace).get("language") == "en"


def test_backup_reason_must_be_a_slug(workspace):
    with pytest.raises(ValueError):
        create_backup(workspace.db_path, workspace.backups_dir, "../escape")
