"""A progress dialog for a running task that appears only when the task takes longer than half a second.

Short tasks finish before anything flickers on screen; long ones show a bar (or a busy indicator when the task does
not know its total) and a Cancel button that asks the task to stop at its next progress check.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QProgressDialog, QWidget

from cdss.ui.tasks import TaskHandle

SHOW_AFTER_MS = 500


class TaskProgressDialog(QProgressDialog):
    def __init__(self, handle: TaskHandle, title: str, parent: QWidget | None = None,
                 show_after_ms: int = SHOW_AFTER_MS) -> None:
        super().__init__(parent)
        self.setObjectName("taskProgressDialog")
        self.setWindowTitle(title)
        self.setLabelText(title)
        self.setCancelButtonText(self.tr("Cancel"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setAutoClose(False)
        self.setAutoReset(False)
        # QProgressDialog would show itself after minimumDuration; our own timer decides instead, so push it away.
        self.setMinimumDuration(2**31 - 1)
        self.setRange(0, 0)  # busy indicator until the task reports a total
        self._handle = handle
        handle.progressed.connect(self._on_progress)
        handle.done.connect(self._finish)
        self.canceled.connect(handle.cancel)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._show_if_running)
        self._timer.start(show_after_ms)
        self.hide()

    def _show_if_running(self) -> None:
        if not self._handle.is_done:
            self.show()

    def _on_progress(self, done: int, total: int, label: str) -> None:
        if total > 0:
            self.setRange(0, total)
            self.setValue(min(done, total))
        if label:
            self.setLabelText(label)

    def _finish(self) -> None:
        self._timer.stop()
        self.close()


def run_with_progress(parent: QWidget, handle: TaskHandle, title: str) -> TaskProgressDialog:
    """Attach a delayed progress dialog to ``handle``; it deletes itself when the task is done."""
    dialog = TaskProgressDialog(handle, title, parent)
    handle.done.connect(dialog.deleteLater)
    return dialog
