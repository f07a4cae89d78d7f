"""Quick capture: type a line under the timeline, press Enter, and it is an entry on the case on screen.

What is typed is saved as the case's draft a moment after typing stops, so closing the window or a crash never loses
it; each case has its own draft, read back on the read pool when the case comes on screen.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QPushButton, QWidget

from cdss.records.types import Entry, EntryKind, stored_id
from cdss.ui.records.timeline_html import kind_text
from cdss.ui.tasks import while_alive

if TYPE_CHECKING:
    from cdss.records.service import RecordsService
    from cdss.ui.context import AppContext
    from cdss.ui.records.selection import RecordSelection

DRAFT_DELAY_MS = 400
CAPTURE_KINDS = (EntryKind.NOTE, EntryKind.COMPLAINT, EntryKind.HISTORY, EntryKind.EXAM, EntryKind.TEST,
                 EntryKind.DIAGNOSIS, EntryKind.TREATMENT, EntryKind.PROGRESS)


def draft_key(case_id: int) -> str:
    return f"capture:case:{case_id}"


class QuickCapture(QWidget):
    def __init__(self, ctx: AppContext, service: RecordsService, selection: RecordSelection,
                 show_again: Callable[[int, int | None], object], parent: QWidget | None = None) -> None:
        """``show_again(patient_id, case_id)`` shows the patient again once an entry is added."""
        super().__init__(parent)
        self.ctx = ctx
        self.service = service
        self.selection = selection
        self._show_again = show_again
        self._draft_case: int | None = None  # the case the text belongs to
        self.kind = QComboBox(self)
        self.kind.setObjectName("captureKind")
        self.text = QLineEdit(self)
        self.text.setObjectName("captureText")
        self.text.returnPressed.connect(self.add)
        self.button = QPushButton(self)
        self.button.setObjectName("captureAdd")
        self.button.clicked.connect(self.add)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.kind)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.button)
        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(DRAFT_DELAY_MS)
        self._draft_timer.timeout.connect(self._save_draft)
        self.text.textChanged.connect(lambda _t: self._draft_timer.start())
        selection.changed.connect(self._selection_changed)
        self.retranslate_ui()
        self._selection_changed()

    def _selection_changed(self) -> None:
        case = self.selection.case
        for widget in (self.kind, self.text, self.button):
            widget.setEnabled(self.selection.patient is not None)
        self._switch_draft(case.id if case is not None else None)

    # -- drafts --------------------------------------------------------------------------------------------------
    def _save_draft(self) -> None:
        """Keep the text as the draft of the case it was typed on."""
        self._draft_timer.stop()
        if self._draft_case is not None:
            self.ctx.tasks.run_write(self.service.drafts.save, draft_key(self._draft_case), self.text.text(),
                                     name="save-draft")

    def _switch_draft(self, case_id: int | None) -> None:
        """Another case on screen: save what was being typed on the last one, then show this case's draft. The same
        case shown again (after a write) leaves the text being typed alone."""
        if case_id == self._draft_case:
            return
        if self._draft_timer.isActive():
            self._save_draft()
        self._draft_case = case_id
        self._set_text("")
        if case_id is not None:
            handle = self.ctx.tasks.run(self.service.drafts.load, draft_key(case_id), name="load-draft")
            handle.finished.connect(while_alive(self, lambda text: self._draft_loaded(case_id, text)))

    def _draft_loaded(self, case_id: int, text: str | None) -> None:
        if case_id == self._draft_case and not self.text.text():
            self._set_text(text or "")

    def _set_text(self, text: str) -> None:
        self.text.blockSignals(True)  # not typing: no draft to save
        self.text.setText(text)
        self.text.blockSignals(False)

    # -- adding --------------------------------------------------------------------------------------------------
    def add(self):
        """Add the text as an entry of the chosen kind on the case on screen; returns the write's handle."""
        case = self.selection.case
        text = self.text.text().strip()
        if case is None or not text:
            return None
        entry = Entry(kind=self.kind.currentData(), occurred_at=dt.datetime.now().replace(microsecond=0), text=text)
        patient_id = self.selection.patient_id()
        case_id = stored_id(case)
        key = draft_key(case_id)
        service = self.service

        def write():
            added = service.cases.add_entry(case_id, entry)
            service.drafts.clear(key)
            return added

        def added(_entry: Entry) -> None:
            self._set_text("")
            self._show_again(patient_id, case_id)

        self._draft_timer.stop()
        handle = self.ctx.tasks.run_write(write, name="add-entry")
        handle.finished.connect(while_alive(self, added))
        return handle

    # -- text ----------------------------------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        current = self.kind.currentData()
        self.kind.clear()
        for kind in CAPTURE_KINDS:
            self.kind.addItem(kind_text(kind), kind)
        self.kind.setCurrentIndex(max(0, self.kind.findData(current)))
        self.text.setPlaceholderText(self.tr("Type a note and press Enter — it is saved as you type"))
        self.button.setText(self.tr("Add"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
