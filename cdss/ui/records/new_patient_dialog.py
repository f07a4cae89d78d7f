"""Capture first: a new patient needs only a name; sex, birth date and the first case's title are optional."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QWidget,
)

from cdss.records.types import Sex


@dataclass(frozen=True)
class NewPatient:
    name: str
    sex: Sex
    birth_date: dt.date | None
    first_case_title: str


class NewPatientDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("newPatientDialog")
        self.setWindowTitle(self.tr("New patient"))
        form = QFormLayout(self)
        self.name = QLineEdit(self)
        self.name.setObjectName("newPatientName")
        self.sex = QComboBox(self)
        for sex, label in ((Sex.UNKNOWN, self.tr("Not recorded")), (Sex.FEMALE, self.tr("Female")),
                           (Sex.MALE, self.tr("Male")), (Sex.OTHER, self.tr("Other"))):
            self.sex.addItem(label, sex)
        self.has_birth_date = QCheckBox(self.tr("Birth date known"), self)
        self.birth_date = QDateEdit(QDate(1970, 1, 1), self)
        self.birth_date.setCalendarPopup(True)
        self.birth_date.setDisplayFormat("yyyy-MM-dd")
        self.birth_date.setMaximumDate(QDate.currentDate())
        self.birth_date.setEnabled(False)
        self.has_birth_date.toggled.connect(self.birth_date.setEnabled)
        self.case_title = QLineEdit(self)
        self.case_title.setObjectName("newPatientCase")
        self.case_title.setPlaceholderText(self.tr("e.g. chest pain, 社区获得性肺炎"))
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Sex"), self.sex)
        form.addRow(self.has_birth_date, self.birth_date)
        form.addRow(self.tr("First case"), self.case_title)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(False)
        self.name.textChanged.connect(lambda text: ok.setEnabled(bool(text.strip())))

    def value(self) -> NewPatient:
        birth = self.birth_date.date().toPython() if self.has_birth_date.isChecked() else None
        return NewPatient(self.name.text().strip(), self.sex.currentData(), birth,
                          self.case_title.text().strip() or self.tr("First visit"))
