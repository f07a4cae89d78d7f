"""The "Due (n)" button of the Records page: how many follow-ups are due today or overdue, and the list behind it.

The count is read on the read pool (years of follow-ups are a query the window should not wait for) after every change
notice; the newest request wins, so an older count arriving late never overwrites a newer one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QPushButton, QWidget

from cdss.records.changes import FollowUpChanges
from cdss.records.service import RecordsService
from cdss.ui import palette
from cdss.ui.context import AppContext
from cdss.ui.tasks import TaskHandle, while_alive


class DueButton(QPushButton):
    def __init__(self, ctx: AppContext, service: RecordsService, open_case: Callable[[int, int], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dueButton")
        self.ctx = ctx
        self.service = service
        self.open_case = open_case  # (patient id, case id): show that case on the Records page
        self.count = 0
        self.dialog: Any = None  # the DueFollowUpsDialog, created on first use
        self._request = 0  # the newest count asked for
        self.clicked.connect(self.show_list)
        self.retranslate_ui()

    def refresh(self) -> TaskHandle:
        """Count the due follow-ups again (and refill the list if it is open)."""
        self._request += 1
        request = self._request
        handle = self.ctx.tasks.run(self.service.follow_ups.due, name="due-follow-ups")
        handle.finished.connect(while_alive(self, lambda due: self._loaded(request, due)))
        return handle

    def _loaded(self, request: int, due: list) -> None:
        if request != self._request:
            return  # an older count arriving after a newer one
        self.count = len(due)
        self.retranslate_ui()
        if self.dialog is not None:
            self.dialog.set_items(due)

    def show_list(self) -> TaskHandle:
        from cdss.ui.records.due_panel import DueFollowUpsDialog

        if self.dialog is None:
            self.dialog = DueFollowUpsDialog(self)  # a top-level window, owned by the button
            self.dialog.mark_done_requested.connect(self.mark_done)
            self.dialog.open_patient_requested.connect(self.open_case)
        handle = self.refresh()
        self.dialog.show()
        self.dialog.raise_()
        return handle

    def mark_done(self, follow_up_id: int) -> TaskHandle:
        handle = self.ctx.tasks.run_write(self.service.follow_ups.update, follow_up_id, FollowUpChanges(done=True),
                                          name="follow-up-done")
        handle.finished.connect(while_alive(self, lambda _f: self.refresh()))
        return handle

    def retranslate_ui(self) -> None:
        if self.count:
            self.setText(self.tr("Due ({count})").format(count=self.count))
            palette.set_tone(self, "danger")
        else:
            self.setText(self.tr("Due"))
            palette.set_tone(self, None)
        self.setToolTip(self.tr("Follow-ups due today or overdue"))
