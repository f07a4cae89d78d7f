"""The drug dictionary's monographs (data/drugs/monographs/*.json): format, faithfulness of the Chinese text, the
sections doctors rely on for narrow-margin drugs, and the interactions generated from the rules."""

from __future__ import annotations

import json
import re
from collections import Counter

import pytest

from cdss.drugs.catalog import PackError
from cdss.drugs.monographs import SECTIONS, Monographs, parse_file
from cdss.drugs.partners import main_interactions


@pytest.fixture(scope="module")
def monographs(catalog) -> Monographs:
    return Monographs(catalog.pack_dir)


def all_sections(catalog, monographs):
    for area in monographs.all_areas():
        for drug_id, mono in monographs.area(area).items():
            assert catalog[drug_id].area == area, drug_id
            yield drug_id, mono


def test_every_monograph_file_parses_and_names_drugs_of_its_area(catalog, monographs):
    assert sum(1 for _ in all_sections(catalog, monographs)) >= 500


def test_label_sourced_sections_keep_every_number_in_chinese(catalog, monographs):
    """A section citing a named product label must carry the same numbers in both languages."""
    number = re.compile(r"\d+(?:\.\d+)?")
    checked = 0
    for drug_id, mono in all_sections(catalog, monographs):
        for section in mono.sections.values():
            if not section.available or not re.search(r"(prescribing information|SmPC) \(.+\)$", section.source):
                continue
            # thousands separators vary, and ordinals ("3rd trimester" → 妊娠晚期) are words in Chinese
            en, zh = (re.sub(r"(?<=\d),(?=\d{3})|\b\d(?:st|nd|rd|th)\b", "", text).replace("²", "2")
                      for text in (section.en, section.zh))
            missing = Counter(number.findall(en)) - Counter(number.findall(zh))
            assert not missing, (drug_id, section.key, missing)
            checked += 1
    assert checked >= 100


def test_renal_dosing_of_narrow_margin_drugs(catalog, monographs):
    def renal(drug_id):
        return monographs.get(drug_id, catalog[drug_id].area).section("renal_adjustment")

    assert "< 20 mL/min: contraindicated" in renal("dofetilide").en and "Tikosyn" in renal("dofetilide").source
    assert "CrCl 15–50 mL/min: 30 mg once daily" in renal("edoxaban").en and "> 95" in renal("edoxaban").en
    assert renal("atenolol").zh.startswith("CrCl 15–35")


def test_sources_are_shown_in_the_interface_language(catalog, monographs):
    section = monographs.get("atenolol", "cardiovascular").section("renal_adjustment")
    assert section.source_text("en").startswith("US FDA")
    assert section.source_text("zh").startswith("美国FDA说明书")


def write(tmp_path, monographs):
    path = tmp_path / "cardiovascular.json"
    path.write_text(json.dumps({"area": "cardiovascular", "monographs": monographs}, ensure_ascii=False), "utf-8")
    return path


@pytest.mark.parametrize(("section", "problem"), [
    ({"en": "5 mg daily", "source": "BNF"}, "zh"),
    ({"en": "5 mg daily", "zh": "5 mg once daily", "source": "BNF"}, "Chinese"),
    ({"en": "5 mg daily", "zh": "每日5 mg", "source": "BNF", "na_en": "n/a", "na_zh": "不适用"}, "exclusive"),
    ({"en": "5 mg daily", "zh": "每日5 mg"}, "source"),
    ({"text": "5 mg"}, "unknown keys"),
])
def test_a_malformed_section_is_refused_naming_drug_and_field(tmp_path, section, problem):
    path = write(tmp_path, {"amlodipine": {"sections": {"adult_dose": section}}})
    with pytest.raises(PackError) as caught:
        parse_file(path)
    assert "amlodipine" in str(caught.value) and problem in str(caught.value)


def test_unknown_sections_and_categories_are_refused(tmp_path):
    with pytest.raises(PackError, match="unknown section"):
        parse_file(write(tmp_path, {"amlodipine": {"sections": {"dose": {"na_en": "x", "na_zh": "无"}}}}))
    with pytest.raises(PackError, match="nrdl"):
        parse_file(write(tmp_path, {"amlodipine": {"nrdl": "甲", "sections": {}}}))


def test_a_reason_is_a_section_that_is_not_available(tmp_path):
    path = write(tmp_path, {"amlodipine": {"sections": {"paediatric_dose": {
        "na_en": "Not established below 6 years.", "na_zh": "6岁以下儿童用药未确立。"}}}})
    section = parse_file(path)["amlodipine"].section("paediatric_dose")
    assert not section.available and section.text("zh") == "6岁以下儿童用药未确立。"


def test_thirteen_sections_in_display_order():
    assert SECTIONS[:3] == ("indications", "adult_dose", "paediatric_dose") and len(SECTIONS) == 13


def test_main_interactions_come_from_the_rules_most_severe_first(catalog):
    found = main_interactions(catalog, "warfarin", partners_shown=999)
    severities = [item.severity for item in found]
    assert severities == sorted(severities, key=("contraindicated", "major", "moderate", "minor").index)
    partners = {name for item in found for name in item.partners}
    assert {"Metronidazole", "Fluconazole", "Amiodarone"} <= partners
    chinese = main_interactions(catalog, "warfarin", language="zh", partners_shown=999)
    assert "甲硝唑" in {name for item in chinese for name in item.partners}
    assert all(item.partner_count >= len(item.partners) for item in found)
