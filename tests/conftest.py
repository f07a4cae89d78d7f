"""Test-wide set-up: offscreen Qt, a temporary workspace, and the shared public data sets."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

# Tests never need a display; CI has none.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Keep QSettings, platformdirs' default workspace and the demo workspace away from the real user's folders.
_SANDBOX_HOME = Path(tempfile.mkdtemp(prefix="cdss-test-home-"))
os.environ["XDG_CONFIG_HOME"] = str(_SANDBOX_HOME / "config")
os.environ["XDG_DATA_HOME"] = str(_SANDBOX_HOME / "data")
os.environ["XDG_CACHE_HOME"] = str(_SANDBOX_HOME / "cache")
os.environ.pop("CDSS_WORKSPACE", None)
# Never the developer's real OS keyring (exchange tokens) or a passphrase from their shell: tests that need a keyring
# install an in-memory one and lift this themselves.
os.environ["CDSS_NO_KEYRING"] = "1"
os.environ.pop("CDSS_PASSPHRASE", None)

REPO_ROOT = Path(__file__).resolve().parent.parent
SHARED_DATA = Path(os.environ.get("CDSS_SHARED_DATA", REPO_ROOT.parent / "shared" / "data"))


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The public data sets in ../shared/data; tests that need them skip when it is absent."""
    if not SHARED_DATA.is_dir():
        pytest.skip(f"shared data sets not found at {SHARED_DATA} (set CDSS_SHARED_DATA or check out ../shared)")
    return SHARED_DATA


@pytest.fixture()
def workspace(tmp_path):
    """A fresh, migrated workspace in a temporary folder."""
    from cdss.workspace import Workspace

    ws = Workspace.open(tmp_path / "ws")
    yield ws
    ws.close()


@pytest.fixture(scope="session")
def cjk_font():
    """The CJK TrueType font PDF export uses; tests that render Chinese into a PDF skip when there is none."""
    from cdss.errors import UserError
    from cdss.records import pdf_fonts

    try:
        return pdf_fonts.find_cjk_font()
    except UserError:
        pytest.skip("no CJK TrueType font (apt install fonts-wqy-microhei)")


class MemoryKeyring:
    """An OS keyring stand-in with the three calls CDSS Desk makes (cdss.os_keyring)."""

    priority = 5

    def __init__(self) -> None:
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service, account):
        return self.entries.get((service, account))

    def set_password(self, service, account, value):
        self.entries[(service, account)] = value

    def delete_password(self, service, account):
        self.entries.pop((service, account), None)


@pytest.fixture()
def memory_keyring(monkeypatch) -> MemoryKeyring:
    """An in-memory OS keyring in place of the real one (which tests never touch)."""
    from cdss import os_keyring

    vault = MemoryKeyring()
    monkeypatch.delenv("CDSS_NO_KEYRING", raising=False)
    monkeypatch.setattr(os_keyring, "backend", lambda: vault)
    return vault

