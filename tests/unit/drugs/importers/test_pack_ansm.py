"""ANSM thesaurus importers (French 2020-10 JSON and English 2016 tables) on the real shared files."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from cdss.drugs.importers.ansm_common import clean_text, name_key
from cdss.drugs.importers.ansm_en import severity_of
from cdss.drugs.importers.ansm_fr import SEVERITY_MAP
from cdss.drugs.packs import ImportedPack, pair_keys


def _rows(pack: ImportedPack, a: str, b: str):
    return [i for i in pack.interactions if {i.drug_a, i.drug_b} == {a, b}]


def test_french_level_counts_and_mapping(shared_data: Path) -> None:
    entries = json.loads((shared_data / "ansm-thesaurus" / "thesaurus_2020-10_fr.json").read_text(encoding="utf-8"))
    assert len(entries) == 3_139
    levels = Counter(SEVERITY_MAP[name_key(level["level"])] for e in entries for level in e["severity_levels"])
    # SOURCE.md: Précaution d'emploi 1,336; déconseillée 933; CI 561; à prendre en compte 437 (+2 spelled out).
    assert levels == {"moderate": 1_336, "major": 933, "contraindicated": 561, "minor": 439}


def test_french_class_entries_expand_to_substances(ansm_fr_pack: ImportedPack) -> None:
    # ABATACEPT + ANTI-TNF ALPHA (Association DECONSEILLEE) reaches adalimumab through the substances index.
    (row,) = _rows(ansm_fr_pack, "abatacept", "adalimumab")
    assert row.severity == "major"
    assert row.effect == "Majoration de l’immunodépression."
    assert row.reference == "ANSM thésaurus 2020-10: ABATACEPT + ANTI-TNF ALPHA"
    assert row.drug_a_id == "rxcui:614391"  # from substance_rxnorm_mappings.tsv, found beside the thesaurus


def test_french_dose_dependent_grades_each_keep_their_condition(ansm_fr_pack: ImportedPack) -> None:
    rows = _rows(ansm_fr_pack, "acide acetylsalicylique", "warfarine")
    # The mirrored listing (ANTICOAGULANTS ORAUX + ACIDE ...) collapses onto the same rows.
    assert len(rows) == 4
    entry = "ACIDE ACETYLSALICYLIQUE + ANTICOAGULANTS ORAUX"
    by_severity = {r.severity: r for r in rows if r.reference.endswith(entry)}
    assert set(by_severity) == {"contraindicated", "major", "minor"}
    assert all(r.drug_a == "acide acetylsalicylique" for r in rows)
    assert "doses anti-inflammatoires" in by_severity["contraindicated"].management
    assert "doses antiagrégantes" in by_severity["minor"].management
    # PDF line breaks are joined, list items kept on their own lines.
    assert "\n- des doses" in by_severity["contraindicated"].management


def test_french_pack_metadata(ansm_fr_pack: ImportedPack) -> None:
    assert ansm_fr_pack.name == "ansm-fr" and ansm_fr_pack.format == "ansm"
    assert "not verified" in ansm_fr_pack.licence.lower()
    names = {d.name for d in ansm_fr_pack.drug_names}
    assert "warfarine" in names and "pamplemousse (jus et fruit)" not in names
    assert any("PAMPLEMOUSSE" in note for note in ansm_fr_pack.notes)


def test_english_pack_uses_rxcuis_and_classes(ansm_en_pack: ImportedPack) -> None:
    # FUSIDIC ACID + HMG-COA REDUCTASE INHIBITORS (STATINS): CONTRAINDICATION, expanded to atorvastatin. The
    # translation grades the mirrored listing "Not recommended": both are kept, the checker shows the worst.
    rows = _rows(ansm_en_pack, "fusidic acid", "atorvastatin")
    assert sorted(r.severity for r in rows) == ["contraindicated", "major"]
    row = next(r for r in rows if r.severity == "contraindicated")
    assert {row.drug_a_id, row.drug_b_id} == {"rxcui:4608", "rxcui:83367"}
    assert row.management.startswith("If possible, stop the treatment with the HMG-COA Reductase Inhibitor")
    rows = _rows(ansm_en_pack, "ceftriaxone", "warfarin")
    assert any(r.severity == "moderate" and "INR" in r.management for r in rows)
    mefloquine = next(d for d in ansm_en_pack.drug_names if d.name == "mefloquine")
    assert mefloquine.atc == "P01BC02"


def test_english_counts(ansm_en_pack: ImportedPack) -> None:
    # 2,949 source rows (SOURCE.md) cover 1,524 distinct entries once mirrored listings are merged.
    assert len({i.reference for i in ansm_en_pack.interactions}) == 1_524
    assert len(pair_keys(ansm_en_pack)) == 25_175
    severities = Counter(i.severity for i in ansm_en_pack.interactions)
    assert set(severities) == {"contraindicated", "major", "moderate", "minor", "unknown"}
    assert any("5 rows of the ATC table" in note for note in ansm_en_pack.notes)


@pytest.mark.parametrize(("text", "expected"), [
    ("CONTRAINDICATION", "contraindicated"), ("Contraindication:", "contraindicated"),
    ("C0NTRAINDICATION", "contraindicated"), ("CONTRA-INDICATION", "contraindicated"),
    ("Contraindication - Not recommended - Precaution for use", "contraindicated"),
    ("Not recommended", "major"), ("Nor recommended", "major"), ("Not reommended", "major"),
    ("Precaution for use", "moderate"), ("Precaution of use", "moderate"),
    ("Take into account", "minor"), ("Tale into account", "minor"),
    ("With doses of methotrexate > 20 mg/week", "unknown"), ("", "unknown"),
])
def test_english_severity_normalisation(text: str, expected: str) -> None:
    assert severity_of(text) == expected


def test_clean_text_joins_pdf_line_breaks() -> None:
    assert clean_text("Diminution notable des \nconcentrations.") == "Diminution notable des concentrations."
    assert clean_text("avec :\n- a\nsuite\n- b") == "avec :\n- a suite\n- b"
    assert clean_text("  \n ") is None
