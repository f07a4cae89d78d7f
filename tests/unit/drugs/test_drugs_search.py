"""Search-as-you-type over Chinese, pinyin, initials, English, brands and typos."""

from __future__ import annotations

import random

import pytest

from cdss.drugs.search import HEAD_CUTOFF, MAX_HEAD_LENGTH, SHORT_WHOLE_CUTOFF, WHOLE_CUTOFF, DrugSearch


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


#: Misspellings as doctors type them: a dropped, doubled, swapped or wrong letter in the English name, British and
#: French spellings, and pinyin with -n/-ng mixed up, ü typed as u, a syllable's letters swapped or a letter missed.
REALISTIC_MISSPELLINGS = [
    ("warfrin", "warfarin"), ("warfarine", "warfarin"), ("clopidgrel", "clopidogrel"), ("amoxicilin", "amoxicillin"),
    ("amoxycillin", "amoxicillin"), ("metfromin", "metformin"), ("atorvastatn", "atorvastatin"),
    ("atorvastin", "atorvastatin"), ("simvastain", "simvastatin"), ("omeprazle", "omeprazole"),
    ("lisinopirl", "lisinopril"), ("amlodepine", "amlodipine"), ("ibuprofin", "ibuprofen"),
    ("ibuprophen", "ibuprofen"), ("sertaline", "sertraline"), ("furosamide", "furosemide"),
    ("frusemide", "furosemide"), ("spirinolactone", "spironolactone"), ("levothroxine", "levothyroxine"),
    ("digoxine", "digoxin"), ("amiodorone", "amiodarone"), ("paracetomol", "paracetamol"),
    ("ciprofloxcin", "ciprofloxacin"), ("azithromicin", "azithromycin"), ("predisone", "prednisone"),
    ("metoprolal", "metoprolol"), ("clarithromicyn", "clarithromycin"), ("asprin", "aspirin"),
    ("huafaling", "warfarin"), ("hufalin", "warfarin"), ("huafalni", "warfarin"), ("huafalim", "warfarin"),
    ("lubigelei", "clopidogrel"), ("lvbigeilei", "clopidogrel"), ("erjiashuangua", "metformin"),
    ("erjaishuanggua", "metformin"), ("atuofatatin", "atorvastatin"), ("xinfatatin", "simvastatin"),
    ("aomeilazou", "omeprazole"), ("asipiling", "aspirin"), ("digaoxing", "digoxin"), ("buluofeng", "ibuprofen"),
    ("shequling", "sertraline"),
]


@pytest.mark.parametrize(("query", "expected"), REALISTIC_MISSPELLINGS)
def test_realistic_misspellings_find_the_drug_in_the_top_three(search, query, expected):
    top3 = [hit.id for hit in search.search(query, limit=10)[:3]]
    assert expected in top3, (query, top3)


def test_letter_filter_never_drops_a_name_rapidfuzz_would_keep(search):
    """The typo passes score only the keys the letter-count bound lets through; scoring every key instead must not
    find one more (random queries with typos, repeated letters and punctuation, against the catalog's keys)."""
    from rapidfuzz import fuzz, process

    search.search("warfrin")  # builds the letter index
    letters, latin = search._letters, search._latin_keys
    rng = random.Random(15)
    queries = []
    for key in rng.sample(latin, 150):
        typo = list(key)
        for _ in range(rng.randint(0, 3)):  # up to three slips: a letter, space or bracket added, or one dropped
            if rng.random() < 0.5 or len(typo) <= 3:
                typo.insert(rng.randrange(len(typo) + 1), rng.choice("aeiouylnrst -("))
            else:
                del typo[rng.randrange(len(typo))]
        queries.append("".join(typo))
    queries += ["aaaaaaa", "llllllllline", "eeeeeeeeeeeeeeeeeeeeeeeee", "sssssss sodium", "x9z", "???!!!"]
    with_matches = 0
    for q in (q for q in queries if len(q) >= 3):
        cutoff = WHOLE_CUTOFF if len(q) >= 5 else SHORT_WHOLE_CUTOFF
        whole = {j for _, _, j in process.extract(q, latin, scorer=fuzz.ratio, processor=None, limit=None,
                                                   score_cutoff=cutoff)}
        assert whole <= set(letters.could_reach(q, cutoff)), q
        head = set()
        if 4 <= len(q) <= MAX_HEAD_LENGTH:
            heads = [key[:len(q)] for key in latin]
            head = {j for _, _, j in process.extract(q, heads, scorer=fuzz.ratio, processor=None, limit=None,
                                                      score_cutoff=HEAD_CUTOFF)}
            assert head <= set(letters.head_could_reach(q, HEAD_CUTOFF)), q
        with_matches += bool(whole or head)
    assert with_matches > 100  # most queries do have typo matches, so the comparison is not vacuous
