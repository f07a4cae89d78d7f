"""The patient's allergies: a list with add, edit and delete, and the form for one allergy.

The drug checker reads these records, so the form asks for what it can use: the substance as the doctor would name
it (a drug, a class or a food), the reaction, the severity when known and whether the allergy was verified. Nothing
is preset: severity stays "not recorded" unless chosen, and "verified" starts unticked.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QEvent, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cdss.records.types import Allergy
from cdss.ui import palette
from cdss.ui.widgets.form_dialog import FormDialog

ALLERGY_ROLE = Qt.ItemDataRole.UserRole + 1
SEVERITY_TEXTS = {
    "mild": QT_TRANSLATE_NOOP("Allergies", "mild"),
    "moderate": QT_TRANSLATE_NOOP("Allergies", "moderate"),
    "severe": QT_TRANSLATE_NOOP("Allergies", "severe"),
}


def severity_text(severity: str | None) -> str:
    if severity is None:
        return QCoreApplication.translate("Allergies", "severity not recorded")
    return QCoreApplication.translate("Allergies", SEVERITY_TEXTS.get(severity, severity))


def allergy_line(allergy: Allergy) -> str:
    bits = [allergy.substance]
    if allergy.reaction:
        bits.append(allergy.reaction)
    bits.append(severity_text(allergy.severity))
    bits.append(QCoreApplication.translate("Allergies", "verified") if allergy.verified
                else QCoreApplication.translate("Allergies", "not verified"))
    return " · ".join(bits)


class AllergyDialog(FormDialog):
    def __init__(self, allergy: Allergy | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent, error_name="allergyError")
        self.setObjectName("allergyDialog")
        self.allergy = allergy
        self.substance = QLineEdit(allergy.substance if allergy else "", self)
        self.substance.setObjectName("allergySubstance")
        self.reaction = QLineEdit((allergy.reaction or "") if allergy else "", self)
        self.reaction.setObjectName("allergyReaction")
        self.severity = QComboBox(self)
        self.severity.setObjectName("allergySeverity")
        self.verified = QCheckBox(self)
        self.verified.setObjectName("allergyVerified")
        self.verified.setChecked(bool(allergy and allergy.verified))
        self.recorded = QDateEdit(QDate(allergy.recorded_on if allergy and allergy.recorded_on else dt.date.today()),
                                  self)
        self.recorded.setObjectName("allergyRecordedOn")
        self.recorded.setCalendarPopup(True)
        self.recorded.setDisplayFormat("yyyy-MM-dd")
        self.labels = {key: QLabel(self) for key in ("substance", "reaction", "severity", "recorded")}
        form = QFormLayout()
        form.addRow(self.labels["substance"], self.substance)
        form.addRow(self.labels["reaction"], self.reaction)
        form.addRow(self.labels["severity"], self.severity)
        form.addRow("", self.verified)
        form.addRow(self.labels["recorded"], self.recorded)
        self.finish_form(form)
        self.retranslate_ui()
        self.severity.setCurrentIndex(max(0, self.severity.findData(allergy.severity if allergy else None)))

    def value(self) -> Allergy:
        return Allergy(
            substance=" ".join(self.substance.text().split()),
            reaction=self.reaction.text().strip() or None,
            severity=self.severity.currentData(),
            verified=self.verified.isChecked(),
            recorded_on=self.recorded.date().toPython(),
            id=self.allergy.id if self.allergy else None,
        )

    def validation_error(self) -> str | None:
        if not self.substance.text().strip():
            return self.tr("Name the substance (a drug, drug class, food or other), e.g. penicillin or 青霉素.")
        if self.recorded.date().toPython() > dt.date.today():
            return self.tr("The date recorded is in the future.")
        return None

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Edit allergy") if self.allergy is not None else self.tr("New allergy"))
        self.labels["substance"].setText(self.tr("Substance"))
        self.labels["reaction"].setText(self.tr("Reaction"))
        self.labels["severity"].setText(self.tr("Severity"))
        self.labels["recorded"].setText(self.tr("Recorded on"))
        self.reaction.setPlaceholderText(self.tr("e.g. rash, anaphylaxis"))
        self.verified.setText(self.tr("Verified (confirmed by history or testing)"))
        current = self.severity.currentData()
        self.severity.clear()
        self.severity.addItem(self.tr("Not recorded"), None)
        for code in SEVERITY_TEXTS:
            self.severity.addItem(severity_text(code), code)
        self.severity.setCurrentIndex(max(0, self.severity.findData(current)))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


class AllergiesDialog(QDialog):
    """The list; writes go through ``on_save`` (new or changed allergy) and ``on_delete`` given by the page."""

    def __init__(self, allergies: tuple[Allergy, ...], on_save: Callable[[Allergy], Any],
                 on_delete: Callable[[Allergy], Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("allergiesDialog")
        self.resize(520, 360)
        self.on_save, self.on_delete = on_save, on_delete
        self.list = QListWidget(self)
        self.list.setObjectName("allergyList")
        self.list.itemDoubleClicked.connect(lambda _i: self.edit_selected())
        self.list.currentRowChanged.connect(lambda _r: self._update_buttons())
        self.empty = QLabel(self)
        palette.set_tone(self.empty, "muted")
        self.add_button, self.edit_button, self.delete_button = QPushButton(self), QPushButton(self), QPushButton(self)
        self.add_button.setObjectName("allergyAdd")
        self.edit_button.setObjectName("allergyEdit")
        self.delete_button.setObjectName("allergyDelete")
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.close)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self.form: AllergyDialog | None = None
        self.allergies: tuple[Allergy, ...] = ()
        self.retranslate_ui()
        self.set_allergies(allergies)

    def set_allergies(self, allergies: tuple[Allergy, ...]) -> None:
        self.allergies = tuple(allergies)
        self.list.clear()
        for allergy in self.allergies:
            item = QListWidgetItem(allergy_line(allergy))
            item.setData(ALLERGY_ROLE, allergy)
            if allergy.severity == "severe":
                item.setForeground(QBrush(QColor(palette.current().danger)))
            self.list.addItem(item)
        self.empty.setVisible(not self.allergies)
        self._update_buttons()

    def selected(self) -> Allergy | None:
        item = self.list.currentItem()
        return item.data(ALLERGY_ROLE) if item is not None else None

    def _open_form(self, allergy: Allergy | None) -> AllergyDialog:
        form = AllergyDialog(allergy, self)
        form.accepted.connect(lambda: self.on_save(form.value()))
        form.finished.connect(lambda _r: form.deleteLater())
        self.form = form
        form.open()
        return form

    def add(self) -> AllergyDialog:
        return self._open_form(None)

    def edit_selected(self) -> AllergyDialog | None:
        allergy = self.selected()
        return self._open_form(allergy) if allergy is not None else None

    def delete_selected(self):
        allergy = self.selected()
        return self.on_delete(allergy) if allergy is not None else None

    def _update_buttons(self) -> None:
        has = self.selected() is not None
        self.edit_button.setEnabled(has)
        self.delete_button.setEnabled(has)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Allergies"))
        self.empty.setText(self.tr("No allergies recorded."))
        self.add_button.setText(self.tr("Add…"))
        self.edit_button.setText(self.tr("Edit…"))
        self.delete_button.setText(self.tr("Delete"))
        if self.allergies:
            self.set_allergies(self.allergies)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
