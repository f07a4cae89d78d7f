"""Drive the Drugs room: search as you type, read a monograph, build a regimen, see ranked alerts."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QUrl

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


def test_alert_text_follows_the_interface_language(qtbot, drugs_page, main_window):
    from PySide6.QtCore import QLocale

    add(qtbot, drugs_page, "simvastatin")
    add(qtbot, drugs_page, "clarithromycin")
    card = drugs_page.alerts.cards[0]
    assert "Simvastatin + Clarithromycin" in card.title.text() and "Contraindicated" in card.details.text()
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    try:
        card.retranslate_ui()
        assert "辛伐他汀 + 克拉霉素" in card.title.text() and "肌病和横纹肌溶解" in card.title.text()
        assert "普伐他汀" in card.details.text()  # management in Chinese, drug names as in the catalog
        assert "pravastatin" not in card.details.text()
    finally:
        QLocale.setDefault(previous)
    card.retranslate_ui()
    assert "pravastatin" in card.details.text()


def test_the_domain_message_templates_are_the_translation_sources():
    """The checker's templates have one copy (cdss/drugs/messages.py), which lupdate extracts and the UI translates."""
    import sys
    import xml.etree.ElementTree as ET

    from cdss.drugs.messages import TEMPLATES
    from cdss.paths import resource_path

    sys.path.insert(0, str(resource_path().parent / "tools"))
    try:
        import translations
    finally:
        sys.path.pop(0)
    assert "cdss/drugs/messages.py" in translations.sources()
    catalogue = ET.parse(resource_path("translations") / "cdss_zh_CN.ts").getroot()
    translated = {message.findtext("source"): message.findtext("translation")
                  for context in catalogue.iter("context") if context.findtext("name") == "DrugMessages"
                  for message in context.iter("message")}
    assert [code for code, template in TEMPLATES.items() if not translated.get(template)] == []


def _ddinter_file(tmp_path, rows):
    path = tmp_path / "ddinter_downloads_code_B.csv"
    path.write_text("DDInterID_A,Drug_A,DDInterID_B,Drug_B,Level\n" + "".join(f"{r}\n" for r in rows),
                    encoding="utf-8")
    return path


def test_packs_dialog_imports_lists_and_deletes(qtbot, drugs_page, tmp_path):
    dialog = drugs_page.open_packs_dialog()
    assert dialog.isVisible() and dialog.table.rowCount() == 0
    good = _ddinter_file(tmp_path, ["DDInter1,Warfarin,DDInter2,Fluconazole,Major"])
    handle = dialog.import_files("ddinter", [good])
    with qtbot.waitSignal(dialog.packs_changed, timeout=20000):
        pass
    assert handle.error is None and dialog.table.rowCount() == 1
    assert [dialog.table.item(0, c).text() for c in (0, 1, 3)] == ["ddinter", "ddinter", "1"]
    assert "nothing was stored" not in dialog.last_message
    qtbot.waitUntil(lambda: drugs_page.ready and drugs_page.backend._extra is not None, timeout=20000)
    add(qtbot, drugs_page, "warfarin")
    add(qtbot, drugs_page, "fluconazole")
    alert = next(c.alert for c in drugs_page.alerts.cards if c.alert["kind"] == "interaction")
    assert "ddinter" in [r["source"] for r in alert["ratings"]]

    dialog.table.selectRow(0)
    assert dialog.selected_name() == "ddinter" and dialog.delete_button.isEnabled()
    with qtbot.waitSignal(dialog.packs_changed, timeout=20000):
        dialog.delete_pack("ddinter")
    assert dialog.table.rowCount() == 0 and dialog.store.list() == []


@pytest.mark.parametrize("content", ["", "name,level\nwarfarin,high\n"])
def test_packs_dialog_refuses_a_bad_file_and_stores_nothing(qtbot, drugs_page, tmp_path, content):
    bad = tmp_path / "bad.csv"
    bad.write_text(content, encoding="utf-8")
    dialog = drugs_page.open_packs_dialog()
    handle = dialog.import_files("ddinter", [bad])
    qtbot.waitUntil(lambda: handle.is_done, timeout=20000)
    assert handle.error is not None
    assert "nothing was stored" in dialog.last_message and "bad.csv" in dialog.last_message
    assert dialog.store.list() == [] and dialog.import_button.isEnabled()


def test_cancelled_pack_import_stores_nothing(qtbot, drugs_page, tmp_path):
    rows = [f"DDInter{i},Drug {i},DDInter{i + 1},Drug {i + 1},Minor" for i in range(30000)]
    dialog = drugs_page.open_packs_dialog()
    handle = dialog.import_files("ddinter", [_ddinter_file(tmp_path, rows)])
    assert dialog.cancel_button.isVisibleTo(dialog) and not dialog.import_button.isEnabled()
    dialog.cancel_import()
    qtbot.waitUntil(lambda: handle.is_done, timeout=20000)
    assert "cancelled" in dialog.last_message and dialog.store.list() == []
    assert dialog.import_button.isEnabled() and not dialog.cancel_button.isVisibleTo(dialog)


def test_many_minor_alerts_are_folded_behind_one_line(qtbot):
    from cdss.ui.drugs.alert_cards import MINOR_FOLD_AFTER, AlertList

    def alert(severity: str, n: int) -> dict:
        return {"kind": "interaction", "severity": severity, "drugs": [f"drug{n}", "warfarin"], "title": f"pair {n}",
                "mechanism": "", "effect": "", "management": "", "evidence": "", "sources": [], "interruptive": False}

    alerts = AlertList()
    qtbot.addWidget(alerts)
    alerts.show()
    few = [alert("major", 0)] + [alert("minor", n) for n in range(1, MINOR_FOLD_AFTER + 1)]
    alerts.set_alerts(few, {})
    assert alerts.minor_toggle is None
    qtbot.waitUntil(lambda: all(card.isVisible() for card in alerts.cards), timeout=5000)

    many = [alert("minor", n) for n in range(1, 8)] + [alert("major", 0)]
    alerts.set_alerts(many, {})
    qtbot.waitUntil(lambda: alerts.cards[0].isVisible(), timeout=5000)
    assert alerts.cards[0].alert["severity"] == "major"
    assert alerts.minor_toggle is not None and alerts.minor_toggle.text() == "7 minor alerts"
    assert all(card.isHidden() for card in alerts.cards[1:])  # listed, but folded
    alerts.minor_toggle.click()
    assert all(card.isVisible() for card in alerts.cards)
    alerts.set_alerts(many, {}, hide_minor=True)  # the setting still removes them altogether
    assert alerts.minor_toggle is None and len(alerts.cards) == 1


def test_no_alerts_comes_with_what_was_checked(qtbot, drugs_page):
    add(qtbot, drugs_page, "paracetamol")
    assert drugs_page.alerts_heading.text() == "No alerts for this regimen and context."
    text = drugs_page.check_notes.text()
    assert drugs_page.check_notes.isVisibleTo(drugs_page)
    assert "Drugs checked: 1" in text and "interaction rules:" in text and "no patient context" in text


def test_monograph_reads_as_a_page_with_folding_find_and_generated_interactions(qtbot, drugs_page):
    drugs_page.search_box.setText("atenolol")
    pane = drugs_page.monograph_pane
    text = pane.toPlainText()
    assert "Renal impairment" in text and "CrCl 15–35" in text
    assert "Source: US FDA prescribing information" in text
    assert "Main interactions" in text
    # fold the renal section by clicking its heading link, as a doctor would; the choice survives a drug change
    pane._anchor(QUrl("fold:renal_adjustment"))
    assert "CrCl 15–35" not in pane.toPlainText() and "Renal impairment" in pane.toPlainText()
    drugs_page.search_box.setText("metoprolol")
    assert "renal_adjustment" in pane.folded
    pane._anchor(QUrl("fold:renal_adjustment"))
    # find highlights every match and says how many
    drugs_page.search_box.setText("warfarin")
    qtbot.keyClicks(pane.find_box, "bleeding")
    assert len(pane.browser.extraSelections()) >= 2
    assert pane.find_status.text().endswith("found")
    assert pane.find_next()
    pane.find_box.setText("zzzz-no-such-text")
    assert pane.find_status.text() == "not found" and not pane.find_next()
    plain = pane.toPlainText()
    assert "Contraindicated ·" in plain and "contraindicated combinations" in plain
    pane._anchor(QUrl("more:interactions"))
    assert "Metronidazole" in pane.toPlainText()
