"""Search-as-you-type over Chinese, pinyin, initials, English, brands and typos."""

from __future__ import annotations

import pytest

from cdss.drugs.search import DrugSearch


@pytest.mark.parametrize(("query", "expected"), [
    ("华法林", "warfarin"),
    ("华法", "warfarin"),
    ("huafalin", "warfarin"),
    ("hfl", "warfarin"),
    ("warfarin", "warfarin"),
    ("Warf", "warfarin"),
    ("波立维", "clopidogrel"),
    ("Plavix", "clopidogrel"),
    ("plavix", "clopidogrel"),
    ("warfrin", "warfarin"),  # typo
    ("clopidogrle", "clopidogrel"),  # transposition
    ("acetylsalicylic acid", "aspirin"),
    ("氯吡格雷", "clopidogrel"),
])
def test_top_hit(search, query, expected):
    hits = search.search(query, limit=5)
    assert hits, query
    assert hits[0].id == expected
    assert hits[0].matched_text
    assert hits[0].name_zh and hits[0].name_en


def test_scores_rank_exact_over_prefix_over_fuzzy(search):
    exact = search.search("warfarin")[0].score
    prefix = search.search("warfa")[0].score
    fuzzy = search.search("warfrin")[0].score
    assert exact > prefix > fuzzy


def test_empty_query_gives_no_hits(search):
    assert search.search("   ") == []


def test_extra_entries_from_imported_packs(catalog):
    extended = DrugSearch(catalog, extra=[("ddinter:DDInter999", ["Zorblatinib", "佐布嘧啶"]),
                                          ("warfarin", ["Warfarin Orion"])])
    hit = extended.search("zorbla")[0]
    assert hit.id == "ddinter:DDInter999" and hit.name_en == "Zorblatinib" and hit.name_zh == "佐布嘧啶"
    assert extended.search("zbmd")[0].id == "ddinter:DDInter999"
    assert extended.search("warfarin orion")[0].id == "warfarin"
    assert len(extended) > len(DrugSearch(catalog))


def test_exact_pinyin_resolves_only_unique_names(search):
    assert search.exact_pinyin("huafalin") == "warfarin"
    assert search.exact_pinyin("nothing") is None
