"""Bedside dose calculators: weight-based, BSA, renal band, infusion rate, children's paracetamol and ibuprofen.

One tab per calculator; every tab recomputes as the doctor types and shows the answer, the formula with the numbers
substituted, the inputs used and any cap (with its source), or — for an implausible or missing input — why not, in
words, in place of the answer. Opened from a case it is prefilled with the patient's weight, height, age, sex and
creatinine. The arithmetic is :mod:`cdss.drugs.calc`; this module only reads fields and renders results.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from cdss.drugs import calc
from cdss.drugs.calc.common import sex_code
from cdss.drugs.catalog import Catalog
from cdss.errors import UserError
from cdss.ui.drugs.calc_form import (
    FormTab,
    translate,
)
from cdss.ui.drugs.calc_tabs import (
    BsaTab,
    ChildTab,
    InfusionTab,
    RenalTab,
    WeightTab,
)
from cdss.ui.drugs.hit_text import display_name


class CalculatorDialog(QDialog):
    """``patient``: {weight_kg, height_cm, age_years, sex, creatinine_umol_l}, any of them; ``drug_id`` preselects
    the drug whose maxima and renal bands are used."""

    def __init__(
        self, parent: QWidget | None, catalog: Catalog, patient: dict[str, Any] | None = None,
        drug_id: str | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("calculatorDialog")
        self.catalog = catalog
        self._completer: QCompleter | None = None
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("calcTabs")
        self.weight_tab, self.bsa_tab, self.renal_tab = WeightTab(self), BsaTab(self), RenalTab(self)
        self.infusion_tab, self.child_tab = InfusionTab(self), ChildTab(self)
        for tab in self.all_tabs():
            self.tabs.addTab(tab, "")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        self.retranslate_ui()
        self.prefill(patient or {}, drug_id)
        self.resize(620, 640)

    def all_tabs(self) -> tuple[FormTab, ...]:
        return (self.weight_tab, self.bsa_tab, self.renal_tab, self.infusion_tab, self.child_tab)

    def completer(self) -> QCompleter:
        if self._completer is None:
            names = sorted({display_name(d) for d in self.catalog})
            self._completer = QCompleter(names, self)
            self._completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            self._completer.setFilterMode(Qt.MatchFlag.MatchContains)
        return self._completer

    def drug_id_of(self, text: str) -> str | None:
        """The catalog id of a typed drug name; None when the field is empty."""
        text = text.strip()
        if not text:
            return None
        drug_id = self.catalog.resolve_name(text)
        if drug_id is None:
            raise UserError("calc_unknown_drug", f"No drug named '{text}'.", field="drug", drug=text)
        return drug_id

    def prefill(self, patient: dict[str, Any], drug_id: str | None) -> None:
        def put(edit: QLineEdit, key: str) -> None:
            value = patient.get(key)
            if value is not None and not isinstance(value, bool) and isinstance(value, int | float) and value > 0:
                edit.setText(calc.fmt(float(value), 2 if key == "weight_kg" else 1))

        for edit in (
            self.weight_tab.weight,
            self.bsa_tab.weight,
            self.renal_tab.weight,
            self.infusion_tab.weight,
            self.child_tab.weight,
        ):
            put(edit, "weight_kg")
        put(self.bsa_tab.height_cm, "height_cm")
        put(self.renal_tab.age, "age_years")
        put(self.child_tab.age, "age_years")
        put(self.renal_tab.scr, "creatinine_umol_l")
        try:
            self.renal_tab.sex.setCurrentIndex(self.renal_tab.sex.findData(sex_code(patient.get("sex"))))
        except UserError:
            pass  # not recorded (or not M/F): the doctor chooses
        drug = self.catalog.get(drug_id) if drug_id else None
        if drug is not None:
            name = display_name(drug)
            for tab in (self.weight_tab, self.bsa_tab, self.renal_tab):
                tab.drug.setText(name)
            if drug.id in ("paracetamol", "ibuprofen"):
                self.child_tab.drug.setCurrentIndex(self.child_tab.drug.findData(drug.id))
                age = patient.get("age_years")
                if isinstance(age, int | float) and not isinstance(age, bool) and age < 18:
                    self.tabs.setCurrentWidget(self.child_tab)
        for each in self.all_tabs():
            each.compute()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Dose calculators"))
        titles = (
            self.tr("Weight-based"),
            self.tr("Body surface area"),
            self.tr("Renal band"),
            self.tr("Infusion rate"),
            self.tr("Children's paracetamol / ibuprofen"),
        )
        for i, (tab, title) in enumerate(zip(self.all_tabs(), titles, strict=True)):
            self.tabs.setTabText(i, title)
            tab.retranslate()
            tab.result.setTitle(translate("Calculators", "Result"))
            tab.compute()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
