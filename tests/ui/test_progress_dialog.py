"""The progress dialog stays hidden for quick tasks, appears for slow ones, and its Cancel stops the task."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from cdss.errors import Cancelled
from cdss.ui.progress_dialog import TaskProgressDialog
from cdss.ui.tasks import TaskRunner


def test_quick_task_never_shows_the_dialog(qtbot, qapp):
    runner = TaskRunner(qapp)
    handle = runner.run(lambda: 42)
    dialog = TaskProgressDialog(handle, "Quick", show_after_ms=300)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(handle.done, timeout=5000):
        pass
    qtbot.wait(400)
    assert not dialog.isVisible()
    runner.wait_all()


def test_slow_task_shows_progress_and_cancel_stops_it(qtbot, qapp):
    runner = TaskRunner(qapp)

    def slow(progress):
        for i in range(400):
            progress.update(i, 400, f"item {i}")
            time.sleep(0.01)

    handle = runner.run(slow, on_error=lambda exc: None)
    dialog = TaskProgressDialog(handle, "Importing", show_after_ms=100)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(dialog.isVisible, timeout=3000)
    qtbot.waitUntil(lambda: dialog.maximum() == 400 and dialog.value() > 0, timeout=3000)
    assert dialog.labelText().startswith("item ")
    qtbot.mouseClick(dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(handle.done, timeout=5000):
        pass
    assert isinstance(handle.error, Cancelled)
    runner.wait_all()
