"""Where things live on disk: the per-user workspace, the demo workspace, and shipped resources.

Frozen builds (PyInstaller) unpack resources under ``sys._MEIPASS``; a source checkout finds them next to the
package. Everything else goes through :func:`resource_path` so both work.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "CDSS Desk"
APP_SLUG = "cdss-desk"

#: The environment variable that overrides the default workspace (handy for tests and portable installs).
WORKSPACE_ENV = "CDSS_WORKSPACE"


#: Fonts a frozen build carries in ``resources/fonts`` (README "Build an installer"); a source checkout has none.
FONT_SUFFIXES = (".ttf", ".ttc")


def is_frozen() -> bool:
    """True inside a PyInstaller bundle (``make package``), False in a source checkout."""
    return bool(getattr(sys, "frozen", False)) and hasattr(sys, "_MEIPASS")


def project_root() -> Path:
    """The folder holding ``resources/`` and ``data/``: the source checkout or the frozen bundle."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root)
    return Path(__file__).resolve().parent.parent


def resource_path(*parts: str) -> Path:
    """A path below ``resources/`` (icons, translations, style sheets)."""
    return project_root().joinpath("resources", *parts)


def data_path(*parts: str) -> Path:
    """A path below ``data/`` (knowledge packs and demo content shipped with the app)."""
    return project_root().joinpath("data", *parts)


def bundled_fonts() -> list[Path]:
    """CJK fonts shipped inside the app (the PDF export's last resort when the computer has no usable one)."""
    folder = resource_path("fonts")
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix.lower() in FONT_SUFFIXES and p.is_file())


def user_data_dir() -> Path:
    # platformdirs is imported here rather than at module level: it is small, but start-up stays lean.
    from platformdirs import user_data_dir as _user_data_dir

    return Path(_user_data_dir(APP_SLUG, appauthor=False, roaming=True))


def default_workspace() -> Path:
    """The workspace used when neither ``--workspace`` nor ``CDSS_WORKSPACE`` is given."""
    override = os.environ.get(WORKSPACE_ENV)
    if override:
        return Path(override).expanduser()
    return user_data_dir() / "workspace"


def demo_workspace() -> Path:
    """The workspace ``make run`` opens: seeded with synthetic demo content on first use."""
    return user_data_dir() / "demo-workspace"
