"""Showing expected errors as messages and bugs as a crash dialog that points to the log file."""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from cdss.errors import Cancelled, UserError
from cdss.ui.error_texts import user_error_text

log = logging.getLogger(__name__)


translate = QCoreApplication.translate


def show_user_error(parent: QWidget | None, error: UserError) -> QMessageBox:
    """A non-blocking warning box for an expected problem (bad file, bad input, lost network)."""
    box = QMessageBox(QMessageBox.Icon.Warning, translate("Errors", "CDSS Desk"), user_error_text(error),
                      QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("userErrorBox")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


class CrashDialog(QDialog):
    """Shown for any exception that is not a UserError: what happened, where the log is, and the details."""

    def __init__(self, error: BaseException, log_path: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("crashDialog")
        self.setWindowTitle(translate("Errors", "CDSS Desk ran into a problem"))
        self.log_path = log_path
        layout = QVBoxLayout(self)
        intro = QLabel(translate(
            "Errors",
            "Something went wrong inside CDSS Desk. Your saved data is safe: every change is "
            "committed before it is shown. Please send the log file to support."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        shown_path = log_path or translate("Errors", "(not available)")
        where = QLabel(translate("Errors", "Log file: {path}").format(path=shown_path))
        where.setObjectName("crashLogPath")
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(where)
        details = QPlainTextEdit("".join(traceback.format_exception(error)))
        details.setReadOnly(True)
        layout.addWidget(details)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        if log_path is not None:
            open_folder = buttons.addButton(translate("Errors", "Open log folder"),
                                            QDialogButtonBox.ButtonRole.ActionRole)
            open_folder.clicked.connect(
                lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(log_path.parent))))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 420)


class ErrorReporter:
    """Routes exceptions from anywhere (excepthook, threads, tasks) to the right dialog on the GUI thread."""

    def __init__(self, log_path: Path | None) -> None:
        self.log_path = log_path
        self.dialogs: list[QDialog | QMessageBox] = []

    def report(self, error: BaseException) -> None:
        if isinstance(error, Cancelled):
            return
        if isinstance(error, UserError):
            log.info("user error %s: %s", error.code, error)
            self.dialogs.append(show_user_error(_active_window(), error))
            return
        log.error("unexpected error:\n%s", "".join(traceback.format_exception(error)))
        dialog = CrashDialog(error, self.log_path, _active_window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()  # not exec(): a nested event loop inside an excepthook is a source of new crashes
        self.dialogs.append(dialog)

    def install(self) -> None:
        """Catch what escapes Qt slots and worker threads instead of letting the app die silently."""
        sys.excepthook = lambda _type, value, _tb: self._from_any_thread(value)
        threading.excepthook = lambda hook_args: self._from_any_thread(hook_args.exc_value)

    def _from_any_thread(self, error: BaseException | None) -> None:
        if error is None:
            return
        if threading.current_thread() is threading.main_thread():
            self.report(error)
        else:  # dialogs must be created on the GUI thread
            log.error("error in thread:\n%s", "".join(traceback.format_exception(error)))
            app = QApplication.instance()
            if app is not None:
                QTimer.singleShot(0, app, lambda: self.report(error))


def _active_window() -> QWidget | None:
    return QApplication.activeWindow() if isinstance(QGuiApplication.instance(), QApplication) else None
