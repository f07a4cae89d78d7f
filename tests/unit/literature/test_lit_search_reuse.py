"""The speed-ups of the search path change nothing in what is found: a reused searcher follows every write, and the
cached field lengths score exactly as Whoosh's own BM25F."""

from __future__ import annotations

import threading

import pytest

from cdss.literature.index import BM25_B, BM25_K1, BM25_TITLE_B
from cdss.literature.reference import Reference
from cdss.literature.search import parse_query, search


def test_a_thread_reuses_its_searcher_until_the_index_changes(small_index):
    with small_index.reading() as first:
        pass
    with small_index.reading() as again:
        assert again is first
    small_index.add_or_update([(1, Reference(title="Gout flare prophylaxis with colchicine", year=2021))])
    with small_index.reading() as after_write:
        assert after_write is not first and first.is_closed
    # The update replaced paper 1: its old text is gone, its new text is found.
    assert [h.id for h in search(small_index, "metformin nephropathy").hits] != [1]
    assert [h.id for h in search(small_index, "colchicine").hits] == [1]

    seen = []
    worker = threading.Thread(target=lambda: seen.append(small_index.reading().__enter__()))
    worker.start()
    worker.join()
    assert seen[0] is not after_write  # another thread gets a searcher of its own


def test_closed_index_still_answers_with_fresh_searchers(small_index):
    with small_index.reading() as cached:
        pass
    small_index.close()
    assert cached.is_closed
    assert search(small_index, "spinal fusion").hits


@pytest.mark.parametrize("text", ["metformin nephropathy", "spinal fusion abscess after surgery in lumbar spine",
                                  "糖尿病肾病 二甲双胍"])
def test_cached_field_lengths_score_like_whoosh(small_index, text):
    from whoosh.scoring import BM25F

    query = parse_query(small_index.schema, text)
    with small_index.whoosh_index.searcher(weighting=BM25F(B=BM25_B, K1=BM25_K1, title_B=BM25_TITLE_B)) as plain:
        expected = [(hit["id"], round(hit.score, 9)) for hit in plain.search(query, limit=None)]
    with small_index.reading() as cached:
        got = [(hit["id"], round(hit.score, 9)) for hit in cached.search(query, limit=None)]
    assert got == expected and expected
