"""Translated messages for the stable codes of :class:`cdss.errors.UserError`.

Domain code raises a code, English text and parameters; the UI looks the code up here and shows the translation,
formatted with the error's parameters. A code without an entry (or whose parameters do not fit) falls back to the
English text, so a missing translation never hides an error. Rooms add their own codes with :func:`register`.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from cdss.errors import UserError

_TEXTS: dict[str, str] = {
    "workspace_not_a_folder": QT_TRANSLATE_NOOP("UserErrors", "The workspace path {path} is a file, not a folder."),
    "workspace_not_writable": QT_TRANSLATE_NOOP(
        "UserErrors", "Cannot create the workspace at {path}. Check that the folder is writable."),
    "database_unreadable": QT_TRANSLATE_NOOP(
        "UserErrors", "The workspace database {path} cannot be read. Restore a backup from the backups folder."),
    "database_too_new": QT_TRANSLATE_NOOP(
        "UserErrors", "This workspace was written by a newer version of CDSS Desk. Update the app to open it."),
    "backup_unreadable": QT_TRANSLATE_NOOP("UserErrors", "The backup {name} is not a readable database."),
    "backup_corrupt": QT_TRANSLATE_NOOP("UserErrors", "The backup {name} failed its integrity check."),
    "backup_missing": QT_TRANSLATE_NOOP("UserErrors", "No backup file at {path}."),
    "screenshot_failed": QT_TRANSLATE_NOOP("UserErrors", "Could not write {path}."),
}


def register(texts: dict[str, str]) -> None:
    """Add a room's error texts (each wrapped in ``QT_TRANSLATE_NOOP("UserErrors", …)``)."""
    _TEXTS.update(texts)


def user_error_text(error: UserError) -> str:
    template = _TEXTS.get(error.code)
    if template is None:
        return str(error)
    try:
        return QCoreApplication.translate("UserErrors", template).format(**error.params)
    except (KeyError, IndexError, ValueError):
        return str(error)
