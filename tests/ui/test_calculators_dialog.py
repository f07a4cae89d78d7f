"""The dose calculators as a doctor uses them: type the inputs, read the answer, the formula and the cap — or the
refusal in words when an input is implausible."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from cdss.drugs.catalog import Catalog
from cdss.ui.drugs.calculators import CalculatorDialog


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return Catalog.default()


@pytest.fixture()
def open_dialog(qtbot, catalog):
    def make(patient=None, drug_id=None) -> CalculatorDialog:
        dialog = CalculatorDialog(None, catalog, patient, drug_id)
        qtbot.addWidget(dialog)
        dialog.show()
        return dialog
    return make


def choose(combo, data) -> None:
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


def test_weight_based_dose_is_capped_at_the_adult_maximum(qtbot, open_dialog):
    dialog = open_dialog()
    tab = dialog.weight_tab
    dialog.tabs.setCurrentWidget(tab)
    qtbot.keyClicks(tab.drug, "paracetamol")
    qtbot.keyClicks(tab.weight, "90")
    qtbot.keyClicks(tab.amount, "15")
    choose(tab.frequency, 4)
    assert tab.result.answer.text() == "1000 mg per dose · 4000 mg a day · capped at the maximum"
    assert "15 mg/kg × 90 kg = 1350 mg\nmin(1350 mg, 1000 mg) = 1000 mg" in tab.result.formula.text()
    assert "Maximum per dose: 1000 mg (BNF paracetamol" in tab.result.details.text()
    assert "— applied" in tab.result.details.text()
    assert tab.result.error.isHidden()


def test_an_implausible_weight_is_refused_in_words(qtbot, open_dialog):
    dialog = open_dialog()
    tab = dialog.weight_tab
    qtbot.keyClicks(tab.amount, "15")
    qtbot.keyClicks(tab.weight, "500")
    assert not tab.result.error.isHidden()
    assert tab.result.error.text() == "Weight: 500 kg is not plausible. Enter a value between 0.3 and 350 kg."
    assert tab.result.answer.isHidden() and tab.result.answer.text() == ""
    tab.weight.clear()
    qtbot.keyClicks(tab.weight, "18,5")  # a comma is read as the decimal point
    assert tab.result.answer.text() == "278 mg per dose"  # 15 mg/kg × 18.5 kg = 277.5 mg


def test_opened_from_a_case_shows_the_renal_band(qtbot, open_dialog):
    patient = {"weight_kg": 60, "height_cm": 160, "age_years": 70, "sex": "F", "creatinine_umol_l": 250}
    dialog = open_dialog(patient, "metformin")
    tab = dialog.renal_tab
    assert tab.drug.text() and tab.weight.text() == "60" and tab.scr.text() == "250"
    # Cockcroft-Gault: (140 − 70) × 60 / (72 × 2.83) × 0.85 = 18 mL/min; CKD-EPI 2021 eGFR 17
    assert tab.result.answer.text() == "Contraindicated · CrCl 18 mL/min · eGFR 17 mL/min/1.73 m²"
    assert "CrCl = (140 − 70) × 60 kg / (72 × 2.83) × 0.85 = 18 mL/min" in tab.result.formula.text()
    assert "Maximum in this band: 1000 mg a day (Glucophage" in tab.result.details.text()
    # a typed eGFR overrides the computed values
    qtbot.keyClicks(tab.egfr, "50")
    assert tab.result.answer.text() == "No renal restriction in the pack · eGFR 50 mL/min/1.73 m²"
    assert "Maximum in this band: 2000 mg a day" in tab.result.details.text()
    # the BSA tab has the patient's height and weight too
    assert dialog.bsa_tab.height_cm.text() == "160" and dialog.bsa_tab.weight.text() == "60"


def test_dopamine_infusion_rate_and_back(qtbot, open_dialog):
    dialog = open_dialog({"weight_kg": 70})
    tab = dialog.infusion_tab
    choose(tab.dose_unit, "ug/kg/min")
    qtbot.keyClicks(tab.dose, "5")
    qtbot.keyClicks(tab.bag_amount, "400")
    choose(tab.bag_unit, "mg")
    qtbot.keyClicks(tab.bag_volume, "250")
    assert tab.result.answer.text() == "13.1 mL/h"
    assert tab.result.formula.text().endswith("21000 µg/h ÷ 1600 µg/mL = 13.1 mL/h")
    choose(tab.direction, "dose")
    assert tab.rate.isEnabled() and not tab.dose.isEnabled()
    qtbot.keyClicks(tab.rate, "20")
    # 20 mL/h × 1600 µg/mL = 32000 µg/h ÷ 70 kg ÷ 60 = 7.62 µg/kg/min
    assert tab.result.answer.text() == "7.62 µg/kg/min"


def test_childrens_ibuprofen_gives_millilitres_and_refuses_a_young_infant(qtbot, open_dialog):
    dialog = open_dialog({"weight_kg": 18, "age_years": 4}, "ibuprofen")
    tab = dialog.child_tab
    assert dialog.tabs.currentWidget() is tab  # a child's case opened for ibuprofen starts on the children's tab
    assert tab.drug.currentData() == "ibuprofen"
    assert tab.strength.text() == "20"  # the 100 mg/5 mL suspension is preselected
    tab.per_kg.setText("10")
    choose(tab.frequency, 3)
    assert tab.result.answer.text() == "180 mg = 9 mL · every 6–8 h, at most 3 doses in 24 h (540 mg a day)"
    assert "Reference: US FDA label" in tab.result.details.text()
    tab.age.setText("0.1")
    assert tab.result.error.text() == "Ibuprofen is not given to infants under 3 months."
    choose(tab.drug, "paracetamol")
    tab.age.setText("4")
    assert tab.strength.text() == "32"
    tab.per_kg.clear()
    choose(tab.frequency, 4)
    assert tab.result.answer.text().startswith("270 mg = 8.4 mL · every 4–6 h, at most 4 doses")


def test_bsa_tab_with_vincristine_cap(qtbot, open_dialog):
    dialog = open_dialog({"weight_kg": 80, "height_cm": 180}, "vincristine")
    tab = dialog.bsa_tab
    choose(tab.route, "iv")
    qtbot.keyClicks(tab.amount, "1.4")
    assert tab.result.answer.text() == "BSA 2.00 m² · 2 mg per dose · capped at the maximum"
    tab.height_cm.setText("1.8")  # metres typed in the centimetre field
    assert "Height: 1.8 cm is not plausible" in tab.result.error.text()
    qtbot.keyClick(tab.height_cm, Qt.Key.Key_Backspace)
    assert "Height: 1 cm is not plausible" in tab.result.error.text()


@pytest.fixture()
def chinese(qapp):
    from cdss.ui.i18n import LanguageManager

    languages = LanguageManager(qapp)
    assert languages.apply("zh_CN"), "run 'python tools/translations.py release'"
    yield
    languages.apply("en")


def test_in_chinese_the_answer_the_refusal_and_the_band_are_chinese(qtbot, open_dialog, chinese):
    patient = {"weight_kg": 60, "age_years": 70, "sex": "女", "creatinine_umol_l": 250}
    dialog = open_dialog(patient, "metformin")
    assert dialog.windowTitle() == "剂量计算器"
    assert dialog.tabs.tabText(4) == "儿童对乙酰氨基酚 / 布洛芬"
    renal = dialog.renal_tab.result
    assert renal.answer.text().startswith("禁忌 · CrCl 18 mL/min")
    assert "输入：年龄 70 岁 · 性别 女" in renal.details.text()
    assert "eGFR<30 mL/min/1.73 m²：禁用。" in renal.details.text()  # the pack's own Chinese text
    tab = dialog.weight_tab
    qtbot.keyClicks(tab.amount, "15")
    assert tab.result.answer.text() == "每次 900 mg"  # 15 mg/kg × 60 kg, under metformin's 2 g a dose
    tab.weight.setText("500")
    assert tab.result.error.text() == "体重：500 kg 不合理。请输入 0.3 至 350 kg 之间的数值。"
