"""WHO ATC/DDD importer on the real shared file."""

from __future__ import annotations

from collections import Counter

from cdss.drugs.packs import ImportedPack, atc_names


def test_counts_match_source_md(atc_pack: ImportedPack) -> None:
    assert len(atc_pack.atc) == 7_536
    codes = {e.code for e in atc_pack.atc}
    assert len(codes) == 6_996
    # Levels: 14 (L1), 94 (L2), 271 (L3), 939 (L4), 5,678 (L5).
    assert Counter(len(code) for code in codes) == {1: 14, 3: 94, 4: 271, 5: 939, 7: 5_678}
    assert atc_pack.interactions == ()
    assert "WHOCC" in atc_pack.licence and atc_pack.version == "scrape of 2026-04-25"


def test_rows_keep_ddd_unit_route_and_note(atc_pack: ImportedPack) -> None:
    fluoride = [e for e in atc_pack.atc if e.code == "A01AA01"]
    assert fluoride[0].name == "sodium fluoride"
    assert (fluoride[0].ddd, fluoride[0].unit, fluoride[0].route, fluoride[0].note) == (1.1, "mg", "O",
                                                                                      "0.5 mg fluoride")
    top = next(e for e in atc_pack.atc if e.code == "A")
    assert (top.name, top.ddd, top.unit, top.route, top.note) == ("ALIMENTARY TRACT AND METABOLISM", None, None,
                                                                   None, None)


def test_atc_names(atc_pack: ImportedPack) -> None:
    names = atc_names([atc_pack])
    assert len(names) == 6_996
    assert names["A01AA01"] == "sodium fluoride"
    assert names["V20"] == "SURGICAL DRESSINGS"
