"""Searching the literature index from a single query box.

Syntax: plain words (Chinese or English) are OR-ed and ranked by BM25F, so papers matching more of them come first
and long natural questions work (four or more words also get pseudo-relevance feedback). As soon as the query uses
syntax — ``AND``/``OR``/``NOT``, "quoted phrases", wildcards or field prefixes — words are combined with AND unless
``OR`` is written (PubMed's convention), so ``metformin author:smith year:2015-2020`` means all three.
Field prefixes: ``title:``, ``author:``, ``journal:``, ``mesh:`` (MeSH and keywords), ``tag:``, ``type:``,
``pmid:``, ``doi:``, and ``year:2015``, ``year:2015-2020``, ``year:>2018``. Parentheses group only with operators.
Snippets are HTML-escaped text with matches in ``<b>…</b>`` (a Qt label shows them as rich text).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from cdss.errors import UserError
from cdss.literature.index import FIELD_WEIGHTS, LiteratureIndex

SEARCH_FIELDS = ("title", "abstract", "authors", "journal", "mesh")
FACET_FIELDS = {"year": "year", "journal": "journal_facet", "pubtype": "pubtype", "tags": "tags"}
_YEAR_RANGE = re.compile(r"\byear:(\d{4})\s*-\s*(\d{4})\b", re.IGNORECASE)
_YEAR_FROM = re.compile(r"\byear:>=?(\d{4})\b", re.IGNORECASE)
_YEAR_TO = re.compile(r"\byear:<=?(\d{4})\b", re.IGNORECASE)
_FIELD_ALIASES = {"authors": ["author", "au", "作者"], "title": ["ti", "标题"], "journal": ["jo", "source", "期刊"],
                  "mesh": ["keyword", "keywords", "kw", "mh"], "tags": ["tag"], "pubtype": ["type", "pt"]}
_ASCII_WORD = re.compile(r"^[a-z]{4,}$")
# Pseudo-relevance feedback: 3 feedback documents (Terrier's default); 20 terms (Terrier: 10). On MED, nDCG@10 with
# 10/15/20/30 terms is 0.735/0.741/0.745/0.751 — the middle of a flat-to-rising range, not a tuned peak.
EXPANSION_DOCS = 3
EXPANSION_TERMS = 20
EXPANSION_WEIGHT = 1.0
EXPANSION_MIN_WORDS = 4
_ARRAY_MATCHER_MIN_CLAUSES = 16  # about four words, each searched in several fields
_FIELD_PREFIXES = [name for name in (*SEARCH_FIELDS, "year", "pmid", "doi", "tags", "pubtype")] + [
    alias for aliases in _FIELD_ALIASES.values() for alias in aliases]
# Operators are upper-case only (as the parser reads them); field prefixes in any case.
_SYNTAX = re.compile(r"[\"*?\[\]]|\b(?:AND|OR|NOT)\b|(?:^|\s)(?i:" + "|".join(map(re.escape, _FIELD_PREFIXES)) + r"):")


@dataclass(frozen=True)
class SearchHit:
    id: int
    title: str
    year: int | None
    journal: str
    pmid: str
    doi: str
    score: float
    snippet: str = ""


@dataclass(frozen=True)
class SearchResults:
    hits: tuple[SearchHit, ...]
    total: int
    # facet name → [(value, count)], most frequent first (year: newest first).
    facets: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    suggestion: str | None = None


def _rewrite_years(text: str) -> str:
    text = _YEAR_RANGE.sub(r"year:[\1 TO \2]", text)
    text = _YEAR_FROM.sub(r"year:[\1 TO]", text)
    return _YEAR_TO.sub(r"year:[TO \1]", text)


def build_parser(schema, *, free_text: bool = True):
    from whoosh.qparser import AndGroup, FieldAliasPlugin, GtLtPlugin, MultifieldParser, OrGroup

    # Plain OR for free text: BM25F already ranks papers matching more of the words higher (a coordination factor
    # measured no better on MED, and it forces Whoosh's slow binary-tree matcher).
    parser = MultifieldParser(list(SEARCH_FIELDS), schema, fieldboosts=FIELD_WEIGHTS,
                              group=OrGroup if free_text else AndGroup)
    parser.add_plugin(FieldAliasPlugin(_FIELD_ALIASES))
    parser.add_plugin(GtLtPlugin())
    return parser


def parse_query(schema, text: str):
    if not text.strip():
        raise UserError("literature_empty_query", "Type some words to search for.")
    from whoosh.query import NullQuery

    free_text = not has_syntax(text)
    if free_text:
        # In prose, brackets and colons are punctuation, not grouping or field syntax: "(infection or presence)"
        # must not become a sub-query weighted as one unit.
        text = re.sub(r"[():]", " ", text)
    query = build_parser(schema, free_text=free_text).parse(_rewrite_years(text))
    if free_text:
        query = _preloaded(query)
    # Whoosh turns unparseable pieces into error nodes rather than raising; treat "nothing searchable" as a message.
    if query is None or query is NullQuery:
        raise UserError("literature_bad_query", f"Nothing to search for in “{text}”.", query=text)
    return query


def _preloaded(query):
    """Score a flat OR of many terms with Whoosh's array matcher: it accumulates scores per document in one pass,
    several times faster on long queries than the default binary tree of union matchers (same scores)."""
    from whoosh.query import Or

    # Short queries are a little faster with the default matcher, which can skip low-scoring blocks.
    if isinstance(query, Or) and len(query.subqueries) >= _ARRAY_MATCHER_MIN_CLAUSES:
        query.matcher_type = Or.ARRAY_MATCHER
    return query


def _block_quality_pays(query) -> bool:
    """Whoosh's block-quality skipping helps a short query; on the array matcher it cannot skip anything, and the
    collector's repeated "can every sub-matcher skip?" checks over dozens of terms cost a fifth of the search time."""
    from whoosh.query import Or

    return not (isinstance(query, Or) and query.matcher_type == Or.ARRAY_MATCHER)


def has_syntax(text: str) -> bool:
    """Operators, field prefixes, quotes or wildcards: the query is parsed as written."""
    return bool(_SYNTAX.search(text))


def is_free_text(text: str) -> bool:
    """A typed question or description (no syntax, four or more content words): worth pseudo-relevance feedback."""
    return not has_syntax(text) and len(_content_words(text)) >= EXPANSION_MIN_WORDS


def _content_words(text: str) -> list[str]:
    from cdss.literature.analysis import analyze

    return analyze(text, mode="query")


def expand_query(searcher, query):
    """Pseudo-relevance feedback (Rocchio-style, Bo1 term weighting as in Terrier's defaults): add the terms most
    characteristic of the top documents, weighted below the user's own words. Verbose queries gain recall and
    ranking; short keyword queries are left alone (see :func:`is_free_text`)."""
    from whoosh.classify import Bo1Model, Expander
    from whoosh.query import Or, Term

    # Indexing the top hits only: list(results) would call len(results), which counts every match (a third of a
    # second per query on 100,000 papers).
    results = searcher.search(query, limit=EXPANSION_DOCS, optimize=_block_quality_pays(query))
    top = [results[i] for i in range(results.scored_length())]
    if not top:
        return query
    expander = Expander(searcher.reader(), "abstract", model=Bo1Model)
    for hit in top:
        expander.add_text(f"{hit.get('title', '')} {hit.get('abstract', '')}")
    # Query words that also characterise the feedback documents are kept in the list: as in Rocchio/Terrier's
    # reweighting, they gain weight, while incidental query words do not.
    extra = expander.expanded_terms(EXPANSION_TERMS)
    if not extra:
        return query
    added = [Term(field, term, boost=weight * EXPANSION_WEIGHT * FIELD_WEIGHTS[field])
             for term, weight in extra for field in ("title", "abstract")]
    return _preloaded(Or([*(query.subqueries if isinstance(query, Or) else [query]), *added]))


def _suggest(searcher, text: str) -> str | None:
    """A corrected query when some plain English word is unknown in the library and a close one exists."""
    words = text.split()
    corrector = searcher.corrector("spell")
    reader = searcher.reader()
    changed = False
    for index, word in enumerate(words):
        lower = word.lower()
        if ":" in word or not _ASCII_WORD.match(lower) or lower in ("and", "not"):
            continue
        if reader.frequency("spell", lower) > 0 or reader.frequency("abstract", _stem(lower)) > 0:
            continue
        suggestions = corrector.suggest(lower, limit=1, maxdist=2)
        if suggestions:
            words[index] = suggestions[0]
            changed = True
    return " ".join(words) if changed else None


def _stem(word: str) -> str:
    from whoosh.lang.porter2 import stem

    return stem(word)


def _highlighter():
    from whoosh.highlight import ContextFragmenter, HtmlFormatter

    return ContextFragmenter(maxchars=300, surround=60), HtmlFormatter(tagname="b", between=" … ")


def _hit(hit, with_snippet: bool) -> SearchHit:
    snippet = ""
    if with_snippet:
        fields = hit.fields()
        if fields.get("abstract"):
            snippet = hit.highlights("abstract", top=2)
        if not snippet and fields.get("title"):
            snippet = hit.highlights("title", top=1)
    return SearchHit(id=int(hit["id"]), title=hit.get("title", ""), year=hit.get("year"),
                     journal=hit.get("journal", ""), pmid=hit.get("pmid", ""), doi=hit.get("doi", ""),
                     score=float(hit.score or 0.0), snippet=snippet)


def search(index: LiteratureIndex, text: str, *, limit: int = 20, sort: Literal["relevance", "date"] = "relevance",
           facets: bool = True, snippets: bool = True, suggest: bool = True, expand: bool | None = None,
           filters: dict[str, str] | None = None) -> SearchResults:
    """Run a query-box search.

    ``filters`` narrows by facet value, e.g. ``{"year": "2018", "tags": "to-read"}``. ``expand`` forces pseudo-relevance
    feedback on or off (default: on for free-text queries of four or more words). Facet counts and ``total`` cover
    every matching paper; without facets ``total`` is Whoosh's estimate.
    """
    from whoosh.query import And, NumericRange, Term

    from cdss.literature.facets import facet_counts

    query = parse_query(index.schema, text)
    if filters:
        terms = []
        for name, value in filters.items():
            if name not in FACET_FIELDS:
                raise UserError("literature_bad_filter", f"Unknown filter “{name}”.", filter=name)
            if name == "year":
                terms.append(NumericRange("year", int(value), int(value)))
            else:
                terms.append(Term(FACET_FIELDS[name], value))
        query = And([query, *terms])
    with index.reading() as searcher:
        ranked_query = query
        if expand or (expand is None and is_free_text(text)):
            ranked_query = expand_query(searcher, query)
        kwargs: dict[str, object] = {"limit": max(1, limit), "optimize": _block_quality_pays(ranked_query)}
        if sort == "date":
            kwargs["sortedby"] = "year"
            kwargs["reverse"] = True
        results = searcher.search(ranked_query, **kwargs)
        if snippets:
            results.fragmenter, results.formatter = _highlighter()
            results.q = query  # highlight the user's own words, not the feedback terms
        hits = tuple(_hit(hit, snippets) for hit in results)
        facet_map: dict[str, list[tuple[str, int]]] = {}
        if facets:
            total, facet_map = facet_counts(searcher, query)
        else:
            total = max(results.estimated_length(), len(hits))
        suggestion = _suggest(searcher, text) if suggest and len(hits) < 5 else None
    return SearchResults(hits=hits, total=total, facets=facet_map, suggestion=suggestion)


def more_like_this(index: LiteratureIndex, ref_id: int, *, limit: int = 10) -> list[SearchHit]:
    """Papers whose title and abstract share the most distinctive terms with paper ``ref_id``."""
    with index.reading() as searcher:
        docnum = searcher.document_number(id=str(ref_id))
        if docnum is None:
            raise UserError("literature_not_found", f"Paper {ref_id} is not in the index.", id=ref_id)
        stored = searcher.stored_fields(docnum)
        text = f"{stored.get('title', '')} {stored.get('title', '')} {stored.get('abstract', '')}"
        results = searcher.more_like(docnum, "abstract", text=text, top=limit, numterms=25)
        return [_hit(hit, False) for hit in results]
