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
