"""Knowledge text on screen follows the interface language through one rule (cdss.i18n.pick), so a third language
needs ``*_xx`` fields in the data and a .ts catalogue, not code: French stands in for it here."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from PySide6.QtCore import QLocale


@pytest.fixture()
def french_locale():
    """The default QLocale is what LanguageManager.apply sets with the translators; a French one, as if fr existed."""
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.France))
    yield
    QLocale.setDefault(previous)


@dataclass(frozen=True)
class FrenchDrug:  # a pack entry whose data gained a French name
    id: str
    name_en: str
    name_zh: str
    name_fr: str


def test_display_code_reads_the_language_from_the_locale(french_locale):
    from cdss.ui.i18n import shown_language

    assert shown_language() == "fr"


def test_drug_names_and_alert_text_fall_back_to_english_where_the_third_language_is_missing(french_locale):
    from cdss.drugs.catalog import Catalog
    from cdss.ui.drugs.hit_text import display_name
    from cdss.ui.drugs.messages_text import clinical_text, coded_text

    assert display_name(FrenchDrug("warfarin", "Warfarin", "华法林", "Warfarine")) == "Warfarine"
    assert display_name(Catalog.default().get("warfarin")) == "Warfarin"  # the shipped pack has no name_fr
    alert = {"effect": "Bleeding.", "effect_zh": "出血。", "effect_fr": "Saignement.", "management": "Monitor INR."}
    assert clinical_text(alert, "effect") == "Saignement."
    assert clinical_text(alert, "management") == "Monitor INR."
    # no French catalogue is installed, so Qt gives the English template; the drug name is French where known
    params = {"drug": "Warfarin", "drug_zh": "华法林", "drug_fr": "Warfarine", "action": "avoid", "kind": "pregnancy"}
    assert coded_text("clinical_note", params, "fallback") == "Warfarine: avoid in pregnancy"


def test_the_language_manager_gives_the_content_language_of_the_interface(qtbot, main_window):
    languages = main_window.ctx.languages
    assert languages.content_language == "en"
    main_window.set_language("zh_CN")
    assert languages.content_language == "zh"


def test_list_separators_are_interface_text(qtbot, main_window):
    from cdss.ui.drugs.scope_text import scope_text

    scope = {"drugs": 2, "rules": 10, "context": ["age", "renal"]}
    assert "age, renal function" in scope_text(scope)
    main_window.set_language("zh_CN")
    assert "年龄、肾功能" in scope_text(scope)
