"""Set or change a follow-up reminder on a case: a due date (with one-click intervals from today) and a note.

The intervals only move the date picker; the doctor chooses the interval, the app suggests none. A due date before
the case was opened is refused: it is almost always a typo in the year, and it would show as "overdue" at once.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QEvent
from PySide6.QtWidgets import (
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from cdss.records.types import FollowUp
from cdss.ui.widgets.form_dialog import FormDialog

# (days, months) from today, in the order the buttons are shown
INTERVALS = ((7, 0), (14, 0), (0, 1), (0, 3), (0, 6))


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later, or the month's last day (31 Jan + 1 month = 28/29 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    import calendar

    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


class FollowUpDialog(FormDialog):
    def __init__(self, case_opened_on: dt.date, follow_up: FollowUp | None = None, parent: QWidget | None = None,
                 today: dt.date | None = None) -> None:
        super().__init__(parent, error_name="followUpError")
        self.setObjectName("followUpDialog")
        self.case_opened_on = case_opened_on
        self.follow_up = follow_up
        self.today = today or dt.date.today()
        self.due = QDateEdit(self)
        self.due.setObjectName("followUpDue")
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("yyyy-MM-dd")
        self.due.setDate(QDate(follow_up.due if follow_up is not None else self.today))
        self.note = QLineEdit(follow_up.note if follow_up is not None else "", self)
        self.note.setObjectName("followUpNote")
        self.interval_buttons: list[QPushButton] = []
        intervals = QHBoxLayout()
        for days, months in INTERVALS:
            button = QPushButton(self)
            button.setAutoDefault(False)
            button.clicked.connect(lambda _c=False, d=days, m=months: self.set_interval(d, m))
            self.interval_buttons.append(button)
            intervals.addWidget(button)
        intervals.addStretch(1)
        self.due_label, self.note_label, self.in_label = QLabel(self), QLabel(self), QLabel(self)
        form = QFormLayout()
        form.addRow(self.due_label, self.due)
        form.addRow(self.in_label, intervals)
        form.addRow(self.note_label, self.note)
        self.finish_form(form)
        self.retranslate_ui()

    def set_interval(self, days: int, months: int) -> None:
        self.due.setDate(QDate(add_months(self.today, months) + dt.timedelta(days=days)))

    def value(self) -> tuple[dt.date, str]:
        return self.due.date().toPython(), self.note.text().strip()

    def validation_error(self) -> str | None:
        due, _note = self.value()
        if due < self.case_opened_on:
            return self.tr("The follow-up date is before the case was opened ({date}). Check the year.").format(
                date=self.case_opened_on.isoformat())
        return None

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Edit follow-up") if self.follow_up is not None else self.tr("New follow-up"))
        self.due_label.setText(self.tr("Due on"))
        self.in_label.setText(self.tr("In"))
        self.note_label.setText(self.tr("Note"))
        self.note.setPlaceholderText(self.tr("e.g. recheck creatinine and potassium"))
        texts = (self.tr("1 week"), self.tr("2 weeks"), self.tr("1 month"), self.tr("3 months"), self.tr("6 months"))
        for button, text in zip(self.interval_buttons, texts, strict=True):
            button.setText(text)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
