"""The form for correcting one timeline entry: its kind, date and time, text and (for a diagnosis) ICD-10 code.

Only what changed is written back (see :meth:`EntryEditDialog.changes`), so an undo restores exactly those fields.
An attachment keeps its kind: its file is what it is.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from PySide6.QtCore import QDateTime, QEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from cdss.records.changes import EntryChanges
from cdss.records.types import Entry, EntryKind
from cdss.ui.records.timeline_html import kind_text
from cdss.ui.widgets.form_dialog import FormDialog

_ICD10 = re.compile(r"[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?[+*]?")  # as the records service checks it


def to_datetime(value: QDateTime) -> dt.datetime:
    return value.toPython().replace(microsecond=0, tzinfo=None)


class EntryEditDialog(FormDialog):
    """Change an entry's kind, time, text and (for diagnoses) ICD-10 code; attachments keep their kind."""

    def __init__(self, entry: Entry, parent: QWidget | None = None) -> None:
        super().__init__(parent, error_name="entryEditError")
        self.setObjectName("entryEditDialog")
        self.entry = entry
        self.resize(520, 360)
        self.kind = QComboBox(self)
        self.kind.setObjectName("entryKind")
        for kind in EntryKind:
            if kind is not EntryKind.ATTACHMENT or entry.kind is EntryKind.ATTACHMENT:
                self.kind.addItem(kind_text(kind), kind)
        self.kind.setCurrentIndex(max(0, self.kind.findData(entry.kind)))
        self.kind.setEnabled(entry.kind is not EntryKind.ATTACHMENT)
        self.kind.currentIndexChanged.connect(lambda _i: self._update_icd10())
        self.when = QDateTimeEdit(QDateTime(entry.occurred_at), self)
        self.when.setObjectName("entryWhen")
        self.when.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.when.setCalendarPopup(True)
        self.text = QPlainTextEdit(entry.text, self)
        self.text.setObjectName("entryText")
        self.icd10 = QLineEdit(entry.icd10 or "", self)
        self.icd10.setObjectName("entryIcd10")
        self.icd10_label = QLabel(self)
        self.kind_label, self.when_label, self.text_label = QLabel(self), QLabel(self), QLabel(self)
        form = QFormLayout()
        form.addRow(self.kind_label, self.kind)
        form.addRow(self.when_label, self.when)
        form.addRow(self.text_label, self.text)
        form.addRow(self.icd10_label, self.icd10)
        self.finish_form(form)
        self.retranslate_ui()
        self._update_icd10()

    def selected_kind(self) -> EntryKind:
        return EntryKind(self.kind.currentData())  # Qt hands the StrEnum back as a plain str

    def _update_icd10(self) -> None:
        diagnosis = self.selected_kind() is EntryKind.DIAGNOSIS
        self.icd10.setVisible(diagnosis)
        self.icd10_label.setVisible(diagnosis)

    def changes(self) -> EntryChanges:
        """Only what differs from the entry (the rest is KEEP), so an undo restores exactly those fields."""
        changes: dict[str, Any] = {}
        kind = self.selected_kind()
        if kind is not self.entry.kind:
            changes["kind"] = kind
        when = to_datetime(self.when.dateTime())
        if when != self.entry.occurred_at.replace(microsecond=0):
            changes["occurred_at"] = when
        if self.text.toPlainText() != self.entry.text:
            changes["text"] = self.text.toPlainText()
        icd10 = self.icd10.text().strip().upper() if kind is EntryKind.DIAGNOSIS else ""
        if icd10 != (self.entry.icd10 or ""):
            changes["icd10"] = icd10
        return EntryChanges(**changes)

    def validation_error(self) -> str | None:
        has_content = self.entry.attachment is not None or self.entry.lab is not None
        if not self.text.toPlainText().strip() and not has_content:
            return self.tr("Write some text: an empty entry cannot be kept (delete it instead).")
        icd10 = self.icd10.text().strip().upper()
        if self.selected_kind() is EntryKind.DIAGNOSIS and icd10:
            if not _ICD10.fullmatch(icd10):
                return self.tr("“{code}” is not an ICD-10 code (e.g. J18.9 or E11.9).").format(code=icd10)
        return None

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Edit entry"))
        self.kind_label.setText(self.tr("Kind"))
        self.when_label.setText(self.tr("Date and time"))
        self.text_label.setText(self.tr("Text"))
        self.icd10_label.setText(self.tr("ICD-10 code"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
