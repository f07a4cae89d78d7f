from __future__ import annotations

import pytest

from cdss import audit
from cdss.db.models import SettingRow
from cdss.settings import SETTINGS, SettingsService


def test_defaults_are_not_stored_and_changes_persist(workspace):
    settings = SettingsService(workspace)
    assert settings.get("language") == SETTINGS["language"].default
    settings.set("language", "en")
    assert SettingsService(workspace).get("language") == "en"
    settings.set("language", SETTINGS["language"].default)
    with workspace.unit_of_work() as session:
        assert session.get(SettingRow, "language") is None


def test_undeclared_or_invalid_settings_are_refused(workspace):
    settings = SettingsService(workspace)
    with pytest.raises(KeyError):
        settings.get("no.such.setting")
    with pytest.raises(ValueError):
        settings.set("language", "fr")


def test_audit_events_are_written_with_the_change(workspace):
    with workspace.unit_of_work() as session:
        audit.record(session, "read", "patient", 7, actor="dr.li")
        audit.record(session, "update", "patient", 7, detail="allergy added", actor="dr.li")
        audit.record(session, "read", "patient", 8, actor="dr.li")
    with workspace.unit_of_work() as session:
        events = audit.events_for(session, "patient", 7)
    assert [(e.action, e.detail) for e in events] == [("update", "allergy added"), ("read", None)]
    assert all(e.actor == "dr.li" for e in events)
