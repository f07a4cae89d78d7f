"""A check says what it covered, so that 'no alerts' is never read as 'safe' without knowing what was looked at."""

from __future__ import annotations

from cdss.cli import main as cli_main
from cdss.drugs.checker import PatientContext, check, check_names


def test_scope_counts_drugs_rules_and_the_context_used(catalog):
    result = check(["paracetamol"], PatientContext(age=80, sex="M", weight_kg=70, scr=90, allergies=("penicillin",)),
                   catalog)
    scope = result.scope
    assert scope.drugs == 1 and scope.rules == len(catalog.rules.rules)
    assert scope.context == ("age", "renal", "allergies", "weight")
    assert result.to_dict()["scope"]["context"] == ["age", "renal", "allergies", "weight"]
    assert check(["paracetamol"], None, catalog).scope.context == ()


def test_names_not_in_the_dictionary_are_listed_as_unchecked(catalog):
    result = check_names(["warfarin", "zorblatinib"], None, catalog)
    assert result.scope.unknown_names == ("zorblatinib",) and result.scope.drugs == 1


def test_cli_says_what_was_checked_when_nothing_fires(capsys):
    assert cli_main(["check", "paracetamol", "zorblatinib", "--age", "40"]) == 0
    out = capsys.readouterr().out
    assert "No alerts." in out
    assert "Checked 1 drug(s) against" in out and "patient context used: age" in out and "zorblatinib" in out


def test_cli_prints_chinese_alert_text_with_lang_zh(capsys):
    assert cli_main(["check", "华法林", "甲硝唑", "--lang", "zh"]) == 0
    out = capsys.readouterr().out
    assert "华法林" in out and "甲硝唑" in out and "INR" in out and "已检查药品 2 种" in out
    assert "[严重]" in out or "[禁忌]" in out


def test_one_alert_per_pair_still_names_the_pairs_other_risks(catalog, capsys):
    """fluoxetine + tramadol: whichever rule leads, the serotonin-syndrome risk is not hidden behind it."""
    (alert,) = [a for a in check(["fluoxetine", "tramadol"], None, catalog).alerts if a.kind == "interaction"]
    texts = [alert.effect, *(effect for effect, _zh, _severity in alert.related_effects)]
    assert any("erotonin" in text for text in texts) and len(texts) >= 2
    assert cli_main(["check", "fluoxetine", "tramadol"]) == 0
    assert "also [" in capsys.readouterr().out
