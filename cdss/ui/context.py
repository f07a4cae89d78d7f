"""What every window and room needs from the running app, passed explicitly instead of through globals."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from cdss.settings import SettingsService
from cdss.ui.errors import ErrorReporter
from cdss.ui.i18n import LanguageManager
from cdss.ui.tasks import TaskRunner
from cdss.workspace import Workspace


@dataclass
class AppContext:
    workspace: Workspace
    settings: SettingsService
    tasks: TaskRunner
    languages: LanguageManager
    errors: ErrorReporter
    log_path: Path | None = None
