"""Enter or correct one lab value or vital sign: test, value, unit, date and time, reference range, LOINC code.

A value that reads as a number is stored as one (it can be charted); anything else ("阳性", "<0.1") is kept as
written. Choosing a test this patient already has fills in the unit and reference range of their latest result of
that test (the patient's own data, nothing assumed), which the doctor can change.
"""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import QDateTime, QEvent, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDateTimeEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from cdss.records.types import LabResult
from cdss.ui.widgets.form_dialog import FormDialog

# Units offered in the list (any other can be typed): SI and conventional units common on Chinese and English reports.
COMMON_UNITS = ("mmol/L", "µmol/L", "mg/dL", "g/L", "g/dL", "mg/L", "U/L", "%", "×10^9/L", "×10^12/L", "pg/mL",
                "ng/mL", "mIU/L", "mL/min/1.73m²", "mmHg", "bpm", "°C", "kg", "cm", "s")
_NUMBER = re.compile(r"[-+]?\d+(\.\d+)?")
_LOINC = re.compile(r"\d{1,7}-\d")


def parse_number(text: str) -> float | None:
    text = text.strip()
    return float(text) if _NUMBER.fullmatch(text) else None


class LabDialog(FormDialog):
    def __init__(self, lab: LabResult | None = None, known: list[LabResult] | tuple[LabResult, ...] = (),
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, error_name="labError")
        self.setObjectName("labDialog")
        self.lab = lab
        self.known = sorted(known, key=lambda k: k.taken_at)  # the latest result of a test wins when prefilling
        self.name = QLineEdit(lab.name if lab else "", self)
        self.name.setObjectName("labName")
        names = sorted({k.name for k in known})
        completer = QCompleter(names, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.name.setCompleter(completer)
        self.name.editingFinished.connect(self._prefill_from_history)
        value = "" if lab is None else (lab.value_text or (f"{lab.value:g}" if lab.value is not None else ""))
        self.value = QLineEdit(value, self)
        self.value.setObjectName("labValue")
        self.unit = QComboBox(self)
        self.unit.setObjectName("labUnit")
        self.unit.setEditable(True)
        self.unit.addItems(["", *COMMON_UNITS])
        self.unit.setCurrentText((lab.unit or "") if lab else "")
        now = dt.datetime.now().replace(second=0, microsecond=0)
        self.when = QDateTimeEdit(QDateTime(lab.taken_at if lab else now), self)
        self.when.setObjectName("labWhen")
        self.when.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.when.setCalendarPopup(True)
        self.ref_low = QLineEdit(_fmt(lab.ref_low) if lab else "", self)
        self.ref_low.setObjectName("labRefLow")
        self.ref_high = QLineEdit(_fmt(lab.ref_high) if lab else "", self)
        self.ref_high.setObjectName("labRefHigh")
        self.loinc = QLineEdit((lab.loinc or "") if lab else "", self)
        self.loinc.setObjectName("labLoinc")
        self.labels = {key: QLabel(self) for key in ("name", "value", "unit", "when", "range", "loinc")}
        reference = QHBoxLayout()
        reference.addWidget(self.ref_low)
        reference.addWidget(QLabel("–", self))
        reference.addWidget(self.ref_high)
        form = QFormLayout()
        form.addRow(self.labels["name"], self.name)
        form.addRow(self.labels["value"], self.value)
        form.addRow(self.labels["unit"], self.unit)
        form.addRow(self.labels["when"], self.when)
        form.addRow(self.labels["range"], reference)
        form.addRow(self.labels["loinc"], self.loinc)
        self.finish_form(form)
        self.retranslate_ui()

    def _prefill_from_history(self) -> None:
        name = self.name.text().strip().lower()
        previous = [k for k in self.known if k.name.lower() == name]
        if not previous or self.lab is not None:
            return
        latest = previous[-1]
        if not self.unit.currentText().strip() and latest.unit:
            self.unit.setCurrentText(latest.unit)
        if not self.ref_low.text().strip() and not self.ref_high.text().strip():
            self.ref_low.setText(_fmt(latest.ref_low))
            self.ref_high.setText(_fmt(latest.ref_high))
        if not self.loinc.text().strip() and latest.loinc:
            self.loinc.setText(latest.loinc)

    def validation_error(self) -> str | None:
        if not self.name.text().strip():
            return self.tr("Enter the test name (e.g. Creatinine, 肌酐, Systolic BP).")
        if not self.value.text().strip():
            return self.tr("Enter the result value.")
        for box in (self.ref_low, self.ref_high):
            if box.text().strip() and parse_number(box.text()) is None:
                return self.tr("The reference range needs numbers, e.g. 59 – 104.")
        low, high = parse_number(self.ref_low.text()), parse_number(self.ref_high.text())
        if low is not None and high is not None and low > high:
            return self.tr("The lower reference limit is above the upper one.")
        if self.loinc.text().strip() and not _LOINC.fullmatch(self.loinc.text().strip()):
            return self.tr("“{code}” is not a LOINC code (digits, a hyphen and a check digit, e.g. 2160-0).").format(
                code=self.loinc.text().strip())
        if self.when.dateTime().toPython() > dt.datetime.now() + dt.timedelta(minutes=5):
            return self.tr("The result date is in the future.")
        return None

    def value_result(self) -> LabResult:
        text = self.value.text().strip()
        number = parse_number(text)
        return LabResult(
            name=self.name.text().strip(),
            taken_at=self.when.dateTime().toPython().replace(second=0, microsecond=0, tzinfo=None),
            value=number,
            value_text=text,
            unit=self.unit.currentText().strip() or None,
            ref_low=parse_number(self.ref_low.text()),
            ref_high=parse_number(self.ref_high.text()),
            loinc=self.loinc.text().strip() or None,
            id=self.lab.id if self.lab else None,
        )

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Edit lab result") if self.lab is not None else self.tr("New lab result"))
        for key, text in (("name", self.tr("Test")), ("value", self.tr("Value")), ("unit", self.tr("Unit")),
                          ("when", self.tr("Date and time")), ("range", self.tr("Reference range")),
                          ("loinc", self.tr("LOINC code"))):
            self.labels[key].setText(text)
        self.ref_low.setPlaceholderText(self.tr("low"))
        self.ref_high.setPlaceholderText(self.tr("high"))
        self.loinc.setPlaceholderText(self.tr("optional"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


def _fmt(value: float | None) -> str:
    return "" if value is None else f"{value:g}"
