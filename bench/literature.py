"""Literature room benchmark: retrieval quality on Cornell MED and speed at scale, next to peers in the same run.

    .venv/bin/python bench/literature.py              # quality + speed on 100,000 synthetic abstracts
    .venv/bin/python bench/literature.py --docs 20000 # smaller speed run
    .venv/bin/python bench/literature.py --skip-speed # quality only

(a) Quality: the 1,033 MED abstracts go through the room's own path (written as a CSL-JSON file → import_path →
LiteratureIndex.rebuild → search()) and are scored with nDCG@10 and Recall@100 on the 29 queries, next to plain
Whoosh BM25F (StemmingAnalyzer, defaults), bm25s (bench-only dependency) and rank_bm25 when installed.
(b) Speed: a corpus of N abstracts recombined (fixed seed) from sentences of the MED and PubMed sample abstracts;
index build rate, query latency p50/p99 (MED queries and short 2–3 word queries), incremental add of one paper;
next to bm25s and SQLite FTS5 (porter tokenizer, bm25 ranking) on the same corpus.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import re
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
SHARED = Path(os.environ.get("CDSS_SHARED_DATA", REPO.parent / "shared" / "data"))
MED = SHARED / "ir-med-cornell" / "beir_format"
SAMPLES = SHARED / "literature-formats"
_WORD = re.compile(r"\w+")


def load_med() -> tuple[dict[str, str], dict[str, str], dict[str, set[str]]]:
    corpus = {}
    for line in (MED / "corpus.jsonl").open(encoding="utf-8"):
        row = json.loads(line)
        corpus[row["_id"]] = " ".join(filter(None, (row.get("title"), row["text"])))
    queries = {json.loads(line)["_id"]: json.loads(line)["text"] for line in (MED / "queries.jsonl").open()}
    qrels: dict[str, set[str]] = {}
    for line in list((MED / "qrels" / "test.tsv").open())[1:]:
        qid, doc, score = line.split()
        if int(score) > 0:
            qrels.setdefault(qid, set()).add(doc)
    return corpus, {q: t for q, t in queries.items() if q in qrels}, qrels


def ndcg_at(ranked: list[str], relevant: set[str], k: int = 10) -> float:
    dcg = sum(1 / math.log2(i + 2) for i, doc in enumerate(ranked[:k]) if doc in relevant)
    ideal = sum(1 / math.log2(i + 2) for i in range(min(k, len(relevant))))
    return dcg / ideal if ideal else 0.0


def recall_at(ranked: list[str], relevant: set[str], k: int = 100) -> float:
    return len(set(ranked[:k]) & relevant) / len(relevant) if relevant else 0.0


def score_run(name: str, runs: dict[str, list[str]], qrels: dict[str, set[str]]) -> tuple[str, float, float]:
    ndcg = statistics.mean(ndcg_at(runs.get(q, []), rel) for q, rel in qrels.items() if q in runs)
    recall = statistics.mean(recall_at(runs.get(q, []), rel) for q, rel in qrels.items() if q in runs)
    return name, ndcg, recall


# -- systems --------------------------------------------------------------------------------------------------------
def ours_build(corpus: dict[str, str], folder: Path):
    """MED through the room's own import → index path. Returns the index and a doc-number → MED-id map."""
    from cdss.literature.importers import import_path
    from cdss.literature.index import create_index

    folder.mkdir(parents=True, exist_ok=True)
    source = folder / "med.csl.json"
    source.write_text(json.dumps([{"id": doc_id, "type": "article-journal", "title": "", "abstract": text}
                                  for doc_id, text in corpus.items()]), encoding="utf-8")
    report = import_path(source)
    if report.rejected:
        raise SystemExit(f"bench: MED import was rejected: {report.rejected[0].message}")
    refs = report.references
    ids = list(corpus)
    index = create_index(folder / "index")
    index.rebuild(((i, ref) for i, ref in enumerate(refs)), total=len(refs))
    return index, ids


def ours_run(index, ids: list[str], queries: dict[str, str], limit: int = 100) -> dict[str, list[str]]:
    from cdss.literature.search import search

    return {qid: [ids[hit.id] for hit in search(index, text, limit=limit, facets=False, snippets=False,
                                                suggest=False).hits] for qid, text in queries.items()}


def whoosh_plain_run(corpus: dict[str, str], queries: dict[str, str], folder: Path) -> dict[str, list[str]]:
    """The SOURCE.md baseline: Whoosh BM25F defaults, StemmingAnalyzer, OR of all query terms."""
    from whoosh.analysis import StemmingAnalyzer
    from whoosh.fields import ID, TEXT, Schema
    from whoosh.index import create_in
    from whoosh.qparser import OrGroup, QueryParser

    folder.mkdir()
    ix = create_in(str(folder), Schema(id=ID(stored=True), text=TEXT(analyzer=StemmingAnalyzer())))
    with ix.writer() as writer:
        for doc_id, text in corpus.items():
            writer.add_document(id=doc_id, text=text)
    parser = QueryParser("text", ix.schema, group=OrGroup)
    with ix.searcher() as searcher:
        return {qid: [hit["id"] for hit in searcher.search(parser.parse(text), limit=100)]
                for qid, text in queries.items()}


def _bm25s_tokenize(texts: list[str], stem: bool):
    import bm25s
    from whoosh.lang.porter2 import stem as porter2

    def stem_all(words: list[str]) -> list[str]:  # bm25s hands the stemmer the whole vocabulary at once
        return [porter2(word) for word in words]

    return bm25s.tokenize(texts, stopwords="en", stemmer=stem_all if stem else None, show_progress=False)


def bm25s_run(corpus: dict[str, str], queries: dict[str, str], stem: bool) -> dict[str, list[str]] | None:
    try:
        import bm25s
    except ImportError:
        return None
    ids = list(corpus)
    retriever = bm25s.BM25()
    retriever.index(_bm25s_tokenize(list(corpus.values()), stem), show_progress=False)
    runs = {}
    for qid, text in queries.items():
        docs, _scores = retriever.retrieve(_bm25s_tokenize([text], stem), k=100, show_progress=False)
        runs[qid] = [ids[int(i)] for i in docs[0]]
    return runs


def rank_bm25_run(corpus: dict[str, str], queries: dict[str, str]) -> dict[str, list[str]] | None:
    try:
        from rank_bm25 import BM25Okapi
    except ImportError:
        return None
    ids = list(corpus)
    model = BM25Okapi([_WORD.findall(text.lower()) for text in corpus.values()])
    runs = {}
    for qid, text in queries.items():
        scores = model.get_scores(_WORD.findall(text.lower()))
        runs[qid] = [ids[i] for i in sorted(range(len(ids)), key=lambda i: -scores[i])[:100]]
    return runs


def quality(tmp: Path) -> None:
    corpus, queries, qrels = load_med()
    print(f"(a) retrieval quality — Cornell MED: {len(corpus)} abstracts, {len(queries)} queries")
    rows = []
    index, ids = ours_build(corpus, tmp / "ours")
    rows.append(score_run("CDSS literature (import→index→search)", ours_run(index, ids, queries), qrels))
    rows.append(score_run("Whoosh BM25F defaults + StemmingAnalyzer", whoosh_plain_run(corpus, queries,
                                                                                         tmp / "plain"), qrels))
    for stem in (False, True):
        if (runs := bm25s_run(corpus, queries, stem)) is not None:
            rows.append(score_run(f"bm25s (Lucene BM25, en stop words{', porter2' if stem else ''})", runs, qrels))
    if (runs := rank_bm25_run(corpus, queries)) is not None:
        rows.append(score_run("rank_bm25 BM25Okapi (\\w+ tokens)", runs, qrels))
    print(f"  {'system':<48} {'nDCG@10':>8} {'R@100':>7}")
    for name, ndcg, recall in rows:
        print(f"  {name:<48} {ndcg:>8.4f} {recall:>7.4f}")
    best_peer = max(row[1] for row in rows[1:])
    print(f"  ours / best peer nDCG@10: {rows[0][1] / best_peer:.3f}")


# -- speed ----------------------------------------------------------------------------------------------------------
def synth_corpus(n: int, seed: int = 20261123) -> list[tuple[str, str, int]]:
    """(title, abstract, year) triples recombined from real abstract sentences with a fixed seed."""
    from cdss.literature.importers import import_path

    corpus, _q, _r = load_med()
    texts = list(corpus.values()) + [ref.abstract for ref in import_path(SAMPLES).references if ref.abstract]
    sentences = [s.strip() for text in texts for s in re.split(r"(?<=[.!?])\s+", text) if len(s.split()) >= 5]
    rng = random.Random(seed)
    docs = []
    for _ in range(n):
        title = rng.choice(sentences)[:160]
        abstract = " ".join(rng.choice(sentences) for _ in range(rng.randint(4, 9)))
        docs.append((title, abstract, rng.randint(1990, 2025)))
    return docs


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def speed(n: int, tmp: Path) -> None:
    from cdss.literature.index import create_index
    from cdss.literature.reference import Reference
    from cdss.literature.search import search

    print(f"\n(b) speed — {n:,} synthetic abstracts (sentences of MED + PubMed samples, seed fixed), "
          f"{os.cpu_count()} CPUs")
    docs = synth_corpus(n)
    _c, med_queries, _r = load_med()
    rng = random.Random(7)
    vocab = [w for w in _WORD.findall(" ".join(d[1] for d in docs[:2000]).lower()) if len(w) > 5]
    short = [" ".join(rng.sample(vocab, rng.randint(2, 3))) for _ in range(60)]
    queries = list(med_queries.values()) + short
    rows = []

    refs = [Reference(title=t, abstract=a, year=y, journal=f"Journal {y % 37}", source_format="bench")
            for t, a, y in docs]
    index = create_index(tmp / "speed-ours")
    start = time.perf_counter()
    index.rebuild(enumerate(refs), total=len(refs))
    build = time.perf_counter() - start
    for q in queries[:5]:
        search(index, q, limit=10)  # warm caches (first searcher open, jieba not involved)

    def timed(fn) -> list[float]:
        out = []
        for q in queries:
            t0 = time.perf_counter()
            fn(q)
            out.append((time.perf_counter() - t0) * 1000)
        return out

    plain = timed(lambda q: search(index, q, limit=10, facets=False, snippets=False, suggest=False))
    full = timed(lambda q: search(index, q, limit=10))
    rows.append(("CDSS literature (Whoosh), top 10", n / build, plain))
    rows.append(("  … with snippets + facets + suggestions", None, full))
    adds = []
    for i in range(5):
        ref = Reference(title=f"Incremental paper {i} on renal amyloidosis", abstract=docs[i][1], year=2025)
        t0 = time.perf_counter()
        index.add_or_update([(n + i, ref)])
        adds.append((time.perf_counter() - t0) * 1000)
    assert search(index, "incremental renal amyloidosis", limit=5, facets=False, snippets=False).hits

    try:
        import bm25s

        start = time.perf_counter()
        retriever = bm25s.BM25()
        retriever.index(_bm25s_tokenize([f"{t} {a}" for t, a, _y in docs], True), show_progress=False)
        build_b = time.perf_counter() - start
        lat = timed(lambda q: retriever.retrieve(_bm25s_tokenize([q], True), k=10, show_progress=False))
        rows.append(("bm25s (in-memory, numpy)", n / build_b, lat))
    except ImportError:
        print("  (bm25s not installed: skipped)")

    db = sqlite3.connect(tmp / "fts.sqlite3")
    db.execute("CREATE VIRTUAL TABLE docs USING fts5(title, abstract, tokenize='porter unicode61')")
    start = time.perf_counter()
    with db:
        db.executemany("INSERT INTO docs(rowid, title, abstract) VALUES (?, ?, ?)",
                       ((i, t, a) for i, (t, a, _y) in enumerate(docs)))
    build_f = time.perf_counter() - start

    def fts(q: str) -> None:
        terms = " OR ".join(f'"{w}"' for w in _WORD.findall(q.lower()))
        db.execute("SELECT rowid FROM docs WHERE docs MATCH ? ORDER BY bm25(docs, 2.0, 1.0) LIMIT 10",
                   (terms,)).fetchall()

    rows.append(("SQLite FTS5 (porter, bm25)", n / build_f, timed(fts)))
    print(f"  {'system':<44} {'build docs/s':>12} {'p50 ms':>8} {'p99 ms':>8}")
    for name, rate, lat in rows:
        rate_text = f"{rate:,.0f}" if rate else ""
        print(f"  {name:<44} {rate_text:>12} {pct(lat, 50):>8.1f} {pct(lat, 99):>8.1f}")
    print(f"  incremental add of one paper (commit included): median {statistics.median(adds):.0f} ms, "
          f"max {max(adds):.0f} ms  ({len(queries)} queries: {len(med_queries)} MED + {len(short)} short)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=100_000, help="size of the synthetic speed corpus")
    parser.add_argument("--skip-speed", action="store_true")
    parser.add_argument("--skip-quality", action="store_true")
    args = parser.parse_args()
    if not MED.is_dir() or not SAMPLES.is_dir():
        print(f"bench/literature.py: shared data sets not found under {SHARED} (need ir-med-cornell and "
              "literature-formats; set CDSS_SHARED_DATA).", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="cdss-lit-bench-") as tmp:
        if not args.skip_quality:
            quality(Path(tmp))
        if not args.skip_speed:
            speed(args.docs, Path(tmp))
    return 0


if __name__ == "__main__":
    sys.exit(main())
