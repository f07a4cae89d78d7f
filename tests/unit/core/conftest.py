"""Fixtures shared by the core tests."""

from __future__ import annotations

import pytest


@pytest.fixture()
def no_remembered_keys(monkeypatch):
    """No workspace key remembered in this process and no CDSS_PASSPHRASE, before and after the test."""
    from cdss.db import crypto

    monkeypatch.delenv("CDSS_PASSPHRASE", raising=False)
    crypto.forget()
    yield
    crypto.forget()
