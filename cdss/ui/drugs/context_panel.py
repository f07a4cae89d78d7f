"""Optional patient context for the checker: age, sex, weight, height, creatinine, pregnancy, allergies, QTc, K⁺.

Empty fields mean "not known" (spin boxes show "—" at their minimum), never zero. Creatinine is entered in µmol/L or
mg/dL; the panel shows the CrCl and eGFR the checker will use, computed by the domain calculators.

The form folds away behind a one-line summary ("70 y · F · 60 kg · Cr 250 µmol/L") so that the alerts get the
room when the context is not being edited; it opens by a click, and values loaded from a patient are summarised.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

NOT_GIVEN = "—"

#: (CrCl mL/min or None, eGFR mL/min/1.73m² or None) from the context values.
RenalCalculator = Callable[[dict[str, Any]], tuple[float | None, float | None]]


def _spin(maximum: float, decimals: int = 0, step: float = 1.0) -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setRange(0, maximum)
    box.setDecimals(decimals)
    box.setSingleStep(step)
    box.setSpecialValueText(NOT_GIVEN)  # shown at the minimum: "not known", not zero
    return box


class ContextPanel(QGroupBox):
    changed = Signal()

    def __init__(self, renal: RenalCalculator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("contextPanel")
        self._renal = renal
        outer = QVBoxLayout(self)
        self.toggle = QToolButton(self)
        self.toggle.setObjectName("contextToggle")
        self.toggle.setCheckable(True)
        self.toggle.setAutoRaise(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.toggled.connect(self.set_expanded)
        self.body = QWidget(self)
        outer.addWidget(self.toggle)
        outer.addWidget(self.body)
        form = QFormLayout(self.body)
        form.setContentsMargins(0, 0, 0, 0)
        self.age = QSpinBox()
        self.age.setObjectName("contextAge")
        self.age.setRange(0, 120)
        self.age.setSpecialValueText(NOT_GIVEN)
        self.sex = QComboBox()
        self.sex.setObjectName("contextSex")
        self.weight = _spin(400, 1, 0.5)
        self.height = _spin(250, 0)
        self.scr = _spin(3000, 2, 1.0)
        self.scr.setObjectName("contextScr")
        self.scr_unit = QComboBox()
        self.scr_unit.setObjectName("contextScrUnit")
        self.scr_unit.addItem("µmol/L", "umol/L")
        self.scr_unit.addItem("mg/dL", "mg/dL")
        scr_row = QHBoxLayout()
        scr_row.addWidget(self.scr, 1)
        scr_row.addWidget(self.scr_unit)
        self.pregnant = QCheckBox()
        self.pregnant.setObjectName("contextPregnant")
        self.lactating = QCheckBox()
        self.lactating.setObjectName("contextLactating")
        self.allergies = QLineEdit()
        self.allergies.setObjectName("contextAllergies")
        self.qtc = _spin(800, 0)
        self.potassium = _spin(10, 1, 0.1)
        self.renal_result = QLabel()
        self.renal_result.setObjectName("renalResult")
        self.renal_result.setWordWrap(True)
        self._labels = [QLabel() for _ in range(10)]
        rows = (self.age, self.sex, self.weight, self.height, scr_row, self.pregnant, self.lactating, self.allergies,
                self.qtc, self.potassium)
        for label, field in zip(self._labels, rows, strict=True):
            form.addRow(label, field)
        form.addRow(self.renal_result)
        for box in (self.age, self.weight, self.height, self.scr, self.qtc, self.potassium):
            box.valueChanged.connect(self._on_change)
        for combo in (self.sex, self.scr_unit):
            combo.currentIndexChanged.connect(self._on_change)
        for check in (self.pregnant, self.lactating):
            check.toggled.connect(self._on_change)
        self.allergies.editingFinished.connect(self._on_change)
        self.set_expanded(False)
        self.retranslate_ui()

    def set_expanded(self, expanded: bool) -> None:
        self.body.setVisible(expanded)
        self.toggle.blockSignals(True)
        self.toggle.setChecked(expanded)
        self.toggle.blockSignals(False)
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if expanded else Qt.ArrowType.RightArrow)
        self._show_summary()

    @property
    def expanded(self) -> bool:
        return self.toggle.isChecked()

    def set_values(self, values: dict[str, Any]) -> None:
        """Replace the whole context (e.g. a patient's from Records); absent keys become "not known". One change
        signal at the end, so the regimen is checked once, not once per field."""
        boxes = (self.age, self.weight, self.height, self.scr, self.qtc, self.potassium, self.sex, self.scr_unit,
                 self.pregnant, self.lactating, self.allergies)
        for widget in boxes:
            widget.blockSignals(True)
        try:
            self.age.setValue(int(values.get("age") or 0))
            for key, box in (("weight_kg", self.weight), ("height_cm", self.height), ("scr", self.scr),
                             ("qtc_ms", self.qtc), ("potassium_mmol", self.potassium)):
                box.setValue(float(values.get(key) or 0))
            self.sex.setCurrentIndex(max(0, self.sex.findData(values.get("sex"))))
            self.scr_unit.setCurrentIndex(max(0, self.scr_unit.findData(values.get("scr_unit", "umol/L"))))
            self.pregnant.setChecked(bool(values.get("pregnant")))
            self.lactating.setChecked(bool(values.get("lactating")))
            self.allergies.setText(", ".join(values.get("allergies", ())))
        finally:
            for widget in boxes:
                widget.blockSignals(False)
        self._on_change()

    def values(self) -> dict[str, Any]:
        """The context as plain values; keys for fields left empty are absent."""
        values: dict[str, Any] = {}
        if self.age.value() > 0:
            values["age"] = self.age.value()
        if self.sex.currentData():
            values["sex"] = self.sex.currentData()
        for key, box in (("weight_kg", self.weight), ("height_cm", self.height), ("qtc_ms", self.qtc),
                         ("potassium_mmol", self.potassium)):
            if box.value() > 0:
                values[key] = box.value()
        if self.scr.value() > 0:
            values["scr"] = self.scr.value()
            values["scr_unit"] = self.scr_unit.currentData()
        if self.pregnant.isChecked():
            values["pregnant"] = True
        if self.lactating.isChecked():
            values["lactating"] = True
        allergies = [a.strip() for a in self.allergies.text().replace("，", ",").split(",") if a.strip()]
        if allergies:
            values["allergies"] = allergies
        return values

    def _on_change(self, *_args: object) -> None:
        self._show_renal()
        self._show_summary()
        self.changed.emit()

    def _show_summary(self) -> None:
        values = self.values()
        parts = []
        if "age" in values:
            parts.append(self.tr("{age} y").format(age=values["age"]))
        if "sex" in values:
            parts.append(self.tr("M") if values["sex"] == "M" else self.tr("F"))
        if "weight_kg" in values:
            parts.append(f"{values['weight_kg']:g} kg")
        if "scr" in values:
            unit = "µmol/L" if values["scr_unit"] == "umol/L" else values["scr_unit"]
            parts.append(self.tr("Cr {value:g} {unit}").format(value=values["scr"], unit=unit))
        if values.get("pregnant"):
            parts.append(self.tr("pregnant"))
        if values.get("lactating"):
            parts.append(self.tr("breastfeeding"))
        if values.get("allergies"):
            parts.append(self.tr("allergies: {names}").format(names=", ".join(values["allergies"])))
        if self.expanded:
            self.toggle.setText(self.tr("Patient context (optional)"))
        elif parts:
            self.toggle.setText(" · ".join(parts))
        else:
            self.toggle.setText(self.tr("Patient context (optional): click to enter age, weight, creatinine…"))

    def _show_renal(self) -> None:
        crcl, egfr = self._renal(self.values())
        parts = []
        if crcl is not None:
            parts.append(self.tr("CrCl (Cockcroft-Gault) {value:.0f} mL/min").format(value=crcl))
        if egfr is not None:
            parts.append(self.tr("eGFR (CKD-EPI 2021) {value:.0f} mL/min/1.73 m²").format(value=egfr))
        self.renal_result.setText(" · ".join(parts) if parts else self.tr(
            "Enter age, sex, weight and creatinine to see CrCl and eGFR."))

    def retranslate_ui(self) -> None:
        texts = (self.tr("Age (years)"), self.tr("Sex"), self.tr("Weight (kg)"), self.tr("Height (cm)"),
                 self.tr("Serum creatinine"), self.tr("Pregnant"), self.tr("Breastfeeding"), self.tr("Allergies"),
                 self.tr("QTc (ms)"), self.tr("Potassium (mmol/L)"))
        for label, text in zip(self._labels, texts, strict=True):
            label.setText(text)
        current = self.sex.currentData()
        self.sex.blockSignals(True)
        self.sex.clear()
        self.sex.addItem(NOT_GIVEN, None)
        self.sex.addItem(self.tr("Male"), "M")
        self.sex.addItem(self.tr("Female"), "F")
        self.sex.setCurrentIndex(max(0, self.sex.findData(current)))
        self.sex.blockSignals(False)
        self.allergies.setPlaceholderText(self.tr("e.g. penicillin, sulfonamides"))
        self._show_renal()
        self._show_summary()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
