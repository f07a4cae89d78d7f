"""Expected errors versus bugs.

Domain code raises :class:`UserError` for problems a person can fix (a bad file, bad input, a lost
network). It carries a stable ``code`` and parameters rather than a finished sentence, so the UI can
translate it; ``str()`` still gives a readable English message for the CLI and logs. Anything that is
not a ``UserError`` is a bug and goes to the crash dialog with the log path.
"""

from __future__ import annotations

from typing import Any


class UserError(Exception):
    """A problem the user can act on. ``message`` is plain English; ``code`` is stable for translation."""

    def __init__(self, code: str, message: str, **params: Any) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.params = params

    def __str__(self) -> str:
        return self.message


class ImportRejected(UserError):
    """A whole file was refused by an importer; nothing from it was written."""


class Cancelled(Exception):
    """Raised inside long operations when the user cancels through a :class:`~cdss.progress.Progress`."""
