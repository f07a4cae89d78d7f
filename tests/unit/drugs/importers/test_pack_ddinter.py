"""DDInter importer on the real shared files: counts from SOURCE.md, known rows, severity mapping."""

from __future__ import annotations

from collections import Counter

from cdss.drugs.importers.ddinter import SEVERITY_MAP
from cdss.drugs.packs import ImportedPack, pair_keys


def _find(pack: ImportedPack, name_a: str, name_b: str):
    return [i for i in pack.interactions if {i.drug_a, i.drug_b} == {name_a, name_b}]


def test_counts_match_source_md(ddinter_pack: ImportedPack) -> None:
    # SOURCE.md: 222,383 rows -> 160,235 unique unordered pairs over 1,939 drugs.
    assert len(ddinter_pack.interactions) == 160_235
    assert len(pair_keys(ddinter_pack)) == 160_235
    assert len(ddinter_pack.drug_names) == 1_939
    levels = Counter(i.severity for i in ddinter_pack.interactions)
    assert levels == {"moderate": 96_675, "unknown": 29_813, "major": 26_914, "minor": 6_833}


def test_known_major_pairs(ddinter_pack: ImportedPack) -> None:
    for a, b in [("simvastatin", "clarithromycin"), ("warfarin", "amiodarone"), ("clopidogrel", "omeprazole")]:
        found = _find(ddinter_pack, a, b)
        assert len(found) == 1, (a, b)
        assert found[0].severity == "major"
    (row,) = _find(ddinter_pack, "simvastatin", "clarithromycin")
    assert {row.drug_a_id, row.drug_b_id} == {"DDInter1675", "DDInter393"}
    assert row.evidence == "DDInter level: Major"


def test_unknown_level_stays_unknown_not_minor(ddinter_pack: ImportedPack) -> None:
    (row,) = _find(ddinter_pack, "cyclosporine", "atovaquone")
    assert row.severity == "unknown"
    assert SEVERITY_MAP == {"major": "major", "moderate": "moderate", "minor": "minor", "unknown": "unknown"}


def test_pair_order_and_ids_are_stable(ddinter_pack: ImportedPack) -> None:
    # The file has "Naltrexone, Abacavir": stored ordered by DDInter id number, names lowercased.
    (row,) = _find(ddinter_pack, "abacavir", "naltrexone")
    assert (row.drug_a, row.drug_a_id, row.drug_b, row.drug_b_id) == ("abacavir", "DDInter1", "naltrexone",
                                                                        "DDInter1263")


def test_cross_reference_ids_and_provenance(ddinter_pack: ImportedPack) -> None:
    abacavir = next(d for d in ddinter_pack.drug_names if d.external_id == "DDInter1")
    assert abacavir.name == "abacavir"
    assert abacavir.other_ids == ("drugbank:DB01048", "chembl:CHEMBL1380", "pubchem:441300")
    assert "CC BY-NC-SA 4.0" in ddinter_pack.licence
    assert ddinter_pack.version.endswith("ABDHLPRV")
    assert any("No row does not mean no interaction" in note for note in ddinter_pack.notes)
