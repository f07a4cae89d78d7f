from __future__ import annotations

from cdss.literature.importers import dedupe
from cdss.literature.reference import Reference, normalise_doi, normalise_title


def test_doi_is_normalised_from_urls_and_prefixes():
    assert normalise_doi("https://doi.org/10.1056/NEJMoa1715274") == "10.1056/nejmoa1715274"
    assert normalise_doi("doi: 10.1000/ABC.") == "10.1000/abc"
    assert normalise_doi("http://dx.doi.org/10.1177/2325967120950040") == "10.1177/2325967120950040"
    assert normalise_doi("not a doi") == ""


def test_title_folds_case_punctuation_spaces_and_full_width():
    assert normalise_title("ＡＩＤＳ：Treatment,  behind walls!") == normalise_title("aids treatment behind walls")
    assert normalise_title("糖尿病，肾病") == "糖尿病肾病"


def test_dedup_keys_cover_doi_pmid_and_title():
    ref = Reference(title="The treatment of AIDS behind the walls", doi="DOI:10.1000/X", pmid=" 123 ")
    assert ref.dedup_keys() == {"doi:10.1000/x", "pmid:123", "title:thetreatmentofaidsbehindthewalls"}
    # Short titles such as "Editorial" would merge unrelated papers, so they are not a key on their own: with no
    # identifier the whole citation is (the same record imported twice is then one paper).
    assert "title:editorial" not in Reference(title="Editorial").dedup_keys()
    one = Reference(title="Editorial", authors=("Wang, Li",), year=2020, journal="Chin Med J").dedup_keys()
    other = Reference(title="Editorial", authors=("Smith, Ann",), year=2020, journal="Lancet").dedup_keys()
    assert one and other and not one & other


def test_dict_round_trip_keeps_every_field():
    ref = Reference(title="T", authors=("A, B",), year=2001, keywords=("k",), mesh_terms=("m",), tags=("t",))
    assert Reference.from_dict(ref.to_dict()) == ref


def test_dedupe_classifies_added_and_duplicates_including_within_the_batch():
    existing = Reference(title="Metformin in diabetic nephropathy trial", pmid="42").dedup_keys()
    same_pmid = Reference(title="Another title entirely different", pmid="42")
    same_title = Reference(title="METFORMIN in diabetic-nephropathy trial.")
    new = Reference(title="A genuinely new paper about gout", doi="10.5555/new")
    new_again = Reference(title="Different wording", doi="https://doi.org/10.5555/NEW")
    result = dedupe(existing, [same_pmid, same_title, new, new_again])
    assert result.added == (new,)
    assert [(ref, key) for ref, key in result.duplicates] == [
        (same_pmid, "pmid:42"),
        (same_title, "title:metforminindiabeticnephropathytrial"),
        (new_again, "doi:10.5555/new"),
    ]
