"""Drive the Drugs room: search as you type, read a monograph, build a regimen, see ranked alerts."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from cdss.ui.drugs.regimen_panel import RegimenDrug


@pytest.fixture()
def drugs_page(qtbot, main_window):
    main_window.show_room("drugs")
    page = main_window.room_pages["drugs"]
    qtbot.waitUntil(lambda: page.ready, timeout=20000)
    return page


def add(qtbot, page, query):
    page.search_box.setText(query)
    assert page.results.count() > 0, query
    qtbot.keyClick(page.search_box, Qt.Key.Key_Return)
    return page.results.currentItem().data(Qt.ItemDataRole.UserRole)


def test_search_by_pinyin_initials_chinese_and_brand(qtbot, drugs_page):
    qtbot.keyClicks(drugs_page.search_box, "hfl")
    first: RegimenDrug = drugs_page.results.item(0).data(Qt.ItemDataRole.UserRole)
    assert first.id == "warfarin"
    drugs_page.search_box.setText("波立维")
    assert drugs_page.results.item(0).data(Qt.ItemDataRole.UserRole).id == "clopidogrel"
    drugs_page.search_box.setText("warfrin")  # a typo still finds it
    assert drugs_page.results.item(0).data(Qt.ItemDataRole.UserRole).id == "warfarin"
    html = drugs_page.monograph.toHtml()
    assert "Warfarin" in html or "华法林" in html


def test_regimen_shows_interruptive_alert_first_and_removing_a_chip_clears_it(qtbot, drugs_page):
    add(qtbot, drugs_page, "simvastatin")
    add(qtbot, drugs_page, "clarithromycin")
    assert drugs_page.regimen.ids() == ["simvastatin", "clarithromycin"]
    cards = drugs_page.alerts.cards
    assert cards and cards[0].alert["severity"] == "contraindicated"
    assert cards[0].alert["interruptive"] is True
    assert cards[0].details.isHidden()
    cards[0].toggle.click()
    assert not cards[0].details.isHidden()
    assert "CYP3A4" in cards[0].details.text()
    qtbot.mouseClick(drugs_page.regimen.chip_buttons["clarithromycin"], Qt.MouseButton.LeftButton)
    assert drugs_page.regimen.ids() == ["simvastatin"]
    assert not any(c.alert["kind"] == "interaction" for c in drugs_page.alerts.cards)


def test_context_gives_renal_values_and_renal_alerts(qtbot, drugs_page):
    add(qtbot, drugs_page, "metformin")
    panel = drugs_page.context_panel
    panel.age.setValue(70)
    panel.sex.setCurrentIndex(panel.sex.findData("F"))
    panel.weight.setValue(60)
    panel.scr.setValue(250)  # µmol/L
    assert "CrCl" in panel.renal_result.text() and "eGFR" in panel.renal_result.text()
    kinds = {(c.alert["kind"], c.alert["severity"]) for c in drugs_page.alerts.cards}
    assert ("renal", "contraindicated") in kinds


def test_penicillin_allergy_alerts_for_amoxicillin_but_not_azithromycin(qtbot, drugs_page):
    panel = drugs_page.context_panel
    panel.allergies.setText("penicillin")
    panel.allergies.editingFinished.emit()
    add(qtbot, drugs_page, "azithromycin")
    assert not any(c.alert["kind"] == "allergy" for c in drugs_page.alerts.cards)
    add(qtbot, drugs_page, "amoxicillin")
    allergy = [c.alert for c in drugs_page.alerts.cards if c.alert["kind"] == "allergy"]
    assert allergy and allergy[0]["drugs"] == ["amoxicillin"]


def test_unknown_allergy_is_shown_as_not_checked(qtbot, drugs_page):
    panel = drugs_page.context_panel
    panel.allergies.setText("xyzzy")
    panel.allergies.editingFinished.emit()
    add(qtbot, drugs_page, "amoxicillin")
    assert not drugs_page.check_notes.isHidden()
    assert "xyzzy" in drugs_page.check_notes.text()


def test_hiding_minor_alerts_is_a_setting(qtbot, drugs_page, main_window):
    from cdss.ui.settings_dialog import SettingsDialog

    add(qtbot, drugs_page, "levothyroxine")
    add(qtbot, drugs_page, "calcium carbonate")  # a minor-tier interaction (separate the doses)
    assert [c.alert["severity"] for c in drugs_page.alerts.cards] == ["minor"]
    dialog = SettingsDialog(main_window.ctx, main_window)
    qtbot.addWidget(dialog)
    dialog.hide_minor.setChecked(True)
    assert main_window.ctx.settings.get("drugs.hide_minor_alerts") is True
    drugs_page.run_check()
    assert drugs_page.alerts.cards == []
