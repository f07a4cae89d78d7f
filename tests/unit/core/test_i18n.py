"""Knowledge text in a language: one rule (cdss.i18n.pick) with an English fallback, so a third language is data.

French stands in for a language the app does not ship: a knowledge source that has ``*_fr`` fields shows them, one
that has not falls back to English — without a line of language-specific code.
"""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from cdss.i18n import ENGLISH, content_language, localized, pick

ROOT = Path(__file__).resolve().parents[3]


@pytest.mark.parametrize(("locale_name", "code"), [
    ("zh_CN", "zh"), ("zh-TW", "zh"), ("zh", "zh"), ("en_US", "en"), ("en", "en"), ("fr_FR", "fr"),
    ("C", ENGLISH), ("", ENGLISH),
])
def test_content_language_is_the_language_part_of_a_locale_name(locale_name, code):
    assert content_language(locale_name) == code


@dataclass(frozen=True)
class Threshold:  # the shape of a renal threshold in the pack: ``text_en``/``text_zh``, a ``text_fr`` when added
    text_en: str
    text_zh: str | None = None
    text_fr: str | None = None


def test_a_third_language_is_picked_where_the_data_has_it_and_falls_back_to_english_where_not():
    translated = Threshold("Reduce the dose.", "减量。", "Réduire la dose.")
    untranslated = Threshold("Avoid.", "避免使用。")  # no text_fr field filled in
    assert pick(translated, "text", "fr") == "Réduire la dose."
    assert pick(translated, "text", "fr_FR") == "Réduire la dose."  # a locale name works as well
    assert pick(untranslated, "text", "fr") == "Avoid."
    assert pick(Threshold("Avoid.", "避免使用。", ""), "text", "fr") == "Avoid."  # empty is not a translation
    assert pick(untranslated, "text", "zh_CN") == "避免使用。"
    assert pick(untranslated, "text", "en") == "Avoid."


def test_pick_reads_mappings_and_the_plain_english_field_of_checker_alerts():
    alert = {"effect": "Myopathy.", "effect_zh": "肌病。", "effect_fr": "Myopathie.", "management": "Stop it."}
    assert pick(alert, "effect", "fr") == "Myopathie."
    assert pick(alert, "effect", "zh") == "肌病。"
    assert pick(alert, "effect", "en") == "Myopathy."
    assert pick(alert, "management", "fr") == "Stop it."  # no management_fr: the English ``management``
    assert pick(alert, "mechanism", "fr") is None  # a field the source does not have at all


def test_localized_chooses_from_a_source_keyed_by_language():
    wording = {"en": "Stopped {what}.", "zh": "停药：{what}。"}
    assert localized(wording, "zh_CN") == "停药：{what}。"
    assert localized(wording, "fr") == "Stopped {what}."
    assert localized({**wording, "fr": "Arrêt de {what}."}, "fr") == "Arrêt de {what}."


def test_checker_messages_take_parameters_in_the_language_asked_for():
    from cdss.drugs.messages import TEMPLATES, english_token, render

    params = {"drug": "Warfarin", "drug_zh": "华法林", "drug_fr": "Warfarine", "action": "reduce_dose",
              "kind": "hepatic"}
    assert render(TEMPLATES["clinical_note"], params, english_token, "fr") == "Warfarine: reduce dose in hepatic"
    assert render(TEMPLATES["clinical_note"], params, english_token, "zh") == "华法林: reduce dose in hepatic"
    del params["drug_fr"]
    assert render(TEMPLATES["clinical_note"], params, english_token, "fr") == "Warfarin: reduce dose in hepatic"


def test_record_wording_falls_back_to_english_for_a_language_without_one():
    from cdss.cds.texts import prescription_entry, stop_entry

    assert stop_entry("warfarin", "3 mg qd", "zh") == "停药：warfarin 3 mg qd。"
    assert stop_entry("warfarin", None, "fr") == "Stopped warfarin."
    entry = prescription_entry("simvastatin", None, [("Simvastatin + Clarithromycin", "major", "will_monitor", "CK")],
                               ["2026-03-01"], "fr")
    assert entry == ("Started simvastatin.\nAlert overridden (major): Simvastatin + Clarithromycin. "
                     "Reason: Will monitor: CK.\nFollow-up set for 2026-03-01.")


def test_the_language_rule_loads_without_qt():
    """Domain code (the checker's messages, decision support's record wording) uses it, and domain code runs
    without a window (the import contract in pyproject.toml)."""
    probe = "import sys, cdss.i18n; print(sorted(m for m in sys.modules if m.split('.')[0] == 'PySide6'))"
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
