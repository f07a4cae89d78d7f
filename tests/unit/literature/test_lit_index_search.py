from __future__ import annotations

import threading

import pytest

from cdss.errors import UserError
from cdss.literature.index import IndexUnavailable, create_index, open_index, open_or_rebuild
from cdss.literature.reference import Reference
from cdss.literature.search import more_like_this, search


def ids(results) -> list[int]:
    return [hit.id for hit in results.hits]


def test_english_words_rank_title_matches_first(small_index):
    results = search(small_index, "spinal fusion")
    assert ids(results)[:2] == [3, 2] or ids(results)[:2] == [2, 3]
    assert results.total == 2


def test_chinese_query_finds_chinese_papers(small_index):
    assert ids(search(small_index, "二甲双胍")) == [4]
    assert ids(search(small_index, "糖尿病")) == [4]  # a sub-word of 糖尿病肾病
    assert ids(search(small_index, "心肌梗死")) == [5]


def test_field_prefixes_phrases_and_boolean_operators(small_index):
    assert ids(search(small_index, "author:Garcia")) == [2]
    assert ids(search(small_index, "journal:spine")) in ([2, 3], [3, 2])
    assert ids(search(small_index, "title:psoas")) == [3]
    assert ids(search(small_index, "mesh:metformin")) == [1]
    assert ids(search(small_index, '"anterior spinal fusion"')) == [3]
    assert ids(search(small_index, "spinal AND fracture")) == [2]
    assert ids(search(small_index, "spinal NOT psoas")) == [2]
    assert set(ids(search(small_index, "psoas OR metformin"))) == {1, 3}


def test_year_ranges(small_index):
    assert set(ids(search(small_index, "year:2010-2016"))) == {1, 5, 6}
    assert set(ids(search(small_index, "rehabilitation year:2012"))) == {6}
    assert set(ids(search(small_index, "spinal year:>2010"))) == {2}


def test_facets_count_every_match(small_index):
    results = search(small_index, "spinal OR rehabilitation OR 康复")
    assert results.facets["year"] == [("2019", 1), ("2012", 2), ("2003", 1)]
    assert ("Spine", 2) in results.facets["journal"]
    assert results.facets["pubtype"][0] == ("Journal Article", 1) or ("Case Reports", 1) in results.facets["pubtype"]
    tagged = search(small_index, "metformin OR 二甲双胍")
    assert dict(tagged.facets["tags"]) == {"to-read": 1, "中文": 1}


def test_filters_narrow_by_facet_value(small_index):
    assert ids(search(small_index, "spinal", filters={"year": "2019"})) == [2]
    assert ids(search(small_index, "metformin OR 二甲双胍", filters={"tags": "中文"})) == [4]


def test_sort_by_date_and_snippets(small_index):
    results = search(small_index, "rehabilitation OR 康复 OR spinal", sort="date")
    years = [hit.year for hit in results.hits]
    assert years == sorted(years, reverse=True)
    hit = search(small_index, "nephropathy").hits[0]
    assert "<b" in hit.snippet and "nephropathy" in hit.snippet.lower()


def test_more_like_this_and_spelling_suggestion(small_index):
    similar = [hit.id for hit in more_like_this(small_index, 3, limit=3)]
    assert similar[0] == 2 and 3 not in similar
    assert search(small_index, "metfromin").suggestion == "metformin"
    with pytest.raises(UserError):
        more_like_this(small_index, 999)


def test_empty_query_is_a_user_error(small_index):
    with pytest.raises(UserError) as info:
        search(small_index, "   ")
    assert info.value.code == "literature_empty_query"


def test_add_update_delete(small_index):
    small_index.add_or_update([(7, Reference(title="Gout flare prophylaxis with colchicine", year=2021))])
    assert ids(search(small_index, "colchicine")) == [7]
    small_index.add_or_update([(7, Reference(title="Gout flare prophylaxis with febuxostat", year=2021))])
    assert ids(search(small_index, "colchicine")) == [] and ids(search(small_index, "febuxostat")) == [7]
    assert small_index.delete([7, 12345]) == 1
    assert ids(search(small_index, "febuxostat")) == []


def test_missing_outdated_and_corrupt_index_signal_rebuild(tmp_path, sample_refs):
    folder = tmp_path / "idx"
    with pytest.raises(IndexUnavailable) as info:
        open_index(folder)
    assert info.value.code == "literature_index_missing"
    index = create_index(folder)
    index.rebuild(enumerate(sample_refs, 1))
    (folder / "schema-version.txt").write_text("0")
    with pytest.raises(IndexUnavailable) as info:
        open_index(folder)
    assert info.value.code == "literature_index_outdated"
    index = create_index(folder)
    index.rebuild(enumerate(sample_refs, 1))
    for segment in folder.glob("*.seg"):
        segment.write_bytes(b"garbage")
    with pytest.raises(IndexUnavailable) as info:
        open_index(folder)
    assert info.value.code == "literature_index_corrupt"
    rebuilt, was_rebuilt = open_or_rebuild(folder, lambda: enumerate(sample_refs, 1))
    assert was_rebuilt and rebuilt.doc_count() == len(sample_refs)
    again, was_rebuilt = open_or_rebuild(folder, lambda: pytest.fail("must not read the store"))
    assert not was_rebuilt and again.doc_count() == len(sample_refs)


def test_writes_from_one_thread_while_others_search(small_index):
    errors: list[BaseException] = []
    stop = threading.Event()

    def reader() -> None:
        try:
            while not stop.is_set():
                assert search(small_index, "spinal", facets=True).total >= 2
        except BaseException as exc:  # noqa: BLE001 - surfaced by the assertion below
            errors.append(exc)

    readers = [threading.Thread(target=reader) for _ in range(2)]
    for thread in readers:
        thread.start()
    try:
        for i in range(10):
            small_index.add_or_update([(100 + i, Reference(title=f"Spinal paper {i}", year=2000 + i))])
    finally:
        stop.set()
        for thread in readers:
            thread.join()
    assert errors == []
    assert search(small_index, "spinal").total == 12


def test_cancelled_update_leaves_the_index_unchanged(small_index):
    from cdss.errors import Cancelled
    from cdss.progress import Progress

    progress = Progress()
    progress.cancel()
    with pytest.raises(Cancelled):
        small_index.add_or_update([(50, Reference(title="Never indexed colchicine paper"))], progress)
    assert search(small_index, "colchicine").total == 0
    assert small_index.doc_count() == 6


def test_searching_an_empty_library_finds_nothing_without_error(tmp_path):
    from cdss.literature.index import create_index
    from cdss.literature.search import search

    results = search(create_index(tmp_path / "empty"), "pneumonia")
    assert results.total == 0 and results.hits == ()
