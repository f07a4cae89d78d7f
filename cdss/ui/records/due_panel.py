"""The "Due" view: follow-ups due today or overdue across every patient, with mark-done and open-patient actions.

The list is re-read after each write (mark done) and whenever the Records page asks (a patient or case changed), so
the badge on the page's "Due" button always matches what the list would show.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cdss.records.clinical_lists import DueFollowUp
from cdss.ui import palette

DUE_ROLE = Qt.ItemDataRole.UserRole + 1


class DueFollowUpsDialog(QDialog):
    """Non-modal: the doctor can keep the list open while opening patients one after another."""

    open_patient_requested = Signal(int, int)  # patient id, case id
    mark_done_requested = Signal(int)  # follow-up id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dueFollowUpsDialog")
        self.setModal(False)
        self.resize(560, 420)
        self.items: list[DueFollowUp] = []
        self.summary = QLabel(self)
        self.summary.setObjectName("dueSummary")
        self.list = QListWidget(self)
        self.list.setObjectName("dueList")
        self.list.itemDoubleClicked.connect(lambda _item: self.open_selected())
        self.list.currentRowChanged.connect(lambda _row: self._update_buttons())
        self.done_button = QPushButton(self)
        self.done_button.setObjectName("dueMarkDone")
        self.done_button.clicked.connect(self.mark_selected_done)
        self.open_button = QPushButton(self)
        self.open_button.setObjectName("dueOpenPatient")
        self.open_button.clicked.connect(self.open_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.done_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.close)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self.retranslate_ui()

    def set_items(self, items: list[DueFollowUp]) -> None:
        self.items = list(items)
        self.list.clear()
        red = QBrush(QColor(palette.current().danger))
        for due in self.items:
            # Plain strings rather than %n plurals: the app ships no English .ts to supply the plural forms.
            if due.days_overdue == 0:
                when = self.tr("due today")
            elif due.days_overdue == 1:
                when = self.tr("1 day overdue")
            else:
                when = self.tr("{days} days overdue").format(days=due.days_overdue)
            lines = [f"{due.patient_name} — {due.case_title}", f"{due.follow_up.due.isoformat()} · {when}"]
            if due.follow_up.note:
                lines.append(due.follow_up.note)
            item = QListWidgetItem("\n".join(lines))
            item.setData(DUE_ROLE, due)
            if due.days_overdue > 0:
                item.setForeground(red)
            self.list.addItem(item)
        if self.items:
            self.list.setCurrentRow(0)
        self._update_summary()
        self._update_buttons()

    def selected(self) -> DueFollowUp | None:
        item = self.list.currentItem()
        return item.data(DUE_ROLE) if item is not None else None

    def mark_selected_done(self) -> None:
        due = self.selected()
        if due is not None and due.follow_up.id is not None:
            self.mark_done_requested.emit(due.follow_up.id)

    def open_selected(self) -> None:
        due = self.selected()
        if due is not None:
            self.open_patient_requested.emit(due.patient_id, due.case_id)

    def _update_buttons(self) -> None:
        has = self.selected() is not None
        self.done_button.setEnabled(has)
        self.open_button.setEnabled(has)

    def _update_summary(self) -> None:
        if self.items:
            self.summary.setText(self.tr("Due today or overdue: {count}").format(count=len(self.items)))
        else:
            self.summary.setText(self.tr("Nothing is due. Follow-ups appear here on their due date."))

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Due follow-ups"))
        self.done_button.setText(self.tr("Mark done"))
        self.open_button.setText(self.tr("Open patient"))
        self.set_items(self.items) if self.items else self._update_summary()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
