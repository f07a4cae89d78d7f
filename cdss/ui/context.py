"""What every window and room needs from the running app, passed explicitly instead of through globals."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cdss.settings import SettingsService
from cdss.ui.changes import ChangeNotices
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
    #: shows a room and returns its page, for cross-room actions ("open this drug", "prescribe in the record");
    #: set by the main window, None for a page built on its own (tests of one room)
    open_room: Callable[[str], Any] | None = None
    #: what changed after a write, for every view that shows it (cdss.ui.changes)
    changes: ChangeNotices = field(default_factory=ChangeNotices)
