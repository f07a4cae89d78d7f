"""Evidence beside a case: library papers that match the case's diagnoses, the patient's drugs and key timeline terms.

The query is built from what the record says, never from guesses:
- each diagnosis entry's text (the ICD-10 diagnosis as written; the code itself appears in no paper's text),
- each active medication of the patient, with its English and Chinese names from the drug catalog when the name
  resolves (so 华法林 also finds papers that say warfarin),
- a few key terms of the other timeline entries: words that occur in the library but are rare in it, so that
  "chest pain" or "INR" count while "patient" or "day" do not.

Each concept becomes a group over the searched fields (all its words together score high, single words a little),
weighted diagnosis > drug > key term, and the groups are OR-ed, so papers on several of the case's concepts rank
first under the library's BM25F. Every hit says which concepts it matched and carries a highlighted snippet.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from cdss.literature.links import CaseLink
from cdss.records.types import EntryKind

DIAGNOSIS_WEIGHT = 2.0
DRUG_WEIGHT = 1.5
KEY_TERM_WEIGHT = 1.0
# A paper matching only some words of a multi-word concept still scores, at this fraction of the full match.
PARTIAL_MATCH_WEIGHT = 0.3
MAX_KEY_TERMS = 6
# A key term must be rarer than this in the library: words in a quarter of all papers describe nothing specific.
MAX_KEY_TERM_DOC_FRACTION = 0.25
_KEY_TERM_KINDS = frozenset({EntryKind.COMPLAINT, EntryKind.HISTORY, EntryKind.EXAM, EntryKind.TEST,
                             EntryKind.TREATMENT, EntryKind.PROGRESS, EntryKind.NOTE, EntryKind.FOLLOW_UP})
_SYNTAX_CHARS = re.compile(r"[\"*?\[\]():{}^~+\-/\\]")
_MIN_KEY_TERM_CHARS = 3


@dataclass(frozen=True)
class EvidenceTerm:
    kind: str  # "diagnosis" | "drug" | "term"
    text: str  # as recorded (shown to the doctor)
    search_texts: tuple[str, ...]  # what is searched: the text and, for drugs, the catalog's names
    entry_id: int | None = None  # the timeline entry it came from (diagnoses), a natural link target


@dataclass(frozen=True)
class EvidenceHit:
    id: int
    title: str
    year: int | None
    journal: str
    score: float
    snippet: str  # HTML-escaped, matches in <b>
    matched: tuple[EvidenceTerm, ...]


@dataclass(frozen=True)
class CaseEvidence:
    case_id: int
    terms: tuple[EvidenceTerm, ...]
    hits: tuple[EvidenceHit, ...]  # suggestions, without the papers already linked
    linked: tuple[CaseLink, ...]
    library_size: int


def _plain(text: str) -> str:
    return " ".join(_SYNTAX_CHARS.sub(" ", text).split())


def case_terms(records, case_id: int, searcher=None, catalog=None) -> list[EvidenceTerm]:
    """The concepts of a case to search for. ``records`` is a RecordsService; ``searcher`` (a Whoosh searcher of the
    library) is needed only to pick key terms; ``catalog`` defaults to the shipped drug catalog."""
    case = records.cases.get(case_id)
    terms: list[EvidenceTerm] = []
    seen: set[str] = set()

    def add(term: EvidenceTerm) -> None:
        key = term.text.casefold()
        if key and key not in seen:
            seen.add(key)
            terms.append(term)

    for entry in case.entries:
        if entry.kind == EntryKind.DIAGNOSIS and _plain(entry.text):
            add(EvidenceTerm("diagnosis", entry.text.strip(), (_plain(entry.text),), entry.id))
    patient_id = records.cases.patient_of(case_id)
    for medication in records.medications.for_patient(patient_id, active_only=True):
        add(EvidenceTerm("drug", medication.name.strip(), _drug_names(medication, catalog)))
    if searcher is not None:
        timeline = "\n".join(e.text for e in case.entries if e.kind in _KEY_TERM_KINDS and e.text)
        for word in key_terms(searcher, timeline, exclude=seen):
            add(EvidenceTerm("term", word, (word,)))
    return terms


def _drug_names(medication, catalog) -> tuple[str, ...]:
    names = [_plain(medication.name)]
    try:
        if catalog is None:
            from cdss.drugs.catalog import Catalog

            catalog = Catalog.default()
        drug_id = medication.drug_id if medication.drug_id in catalog else catalog.resolve_name(medication.name)
        drug = catalog.get(drug_id) if drug_id else None
    except Exception:  # noqa: BLE001 - a missing or damaged drug pack must not stop the literature search
        drug = None
    if drug is not None:
        names.extend(_plain(name) for name in (drug.name_en, drug.name_zh))
    unique = []
    for name in names:
        if name and name.casefold() not in {n.casefold() for n in unique}:
            unique.append(name)
    return tuple(unique)


def key_terms(searcher, text: str, *, limit: int = MAX_KEY_TERMS, exclude: set[str] | None = None) -> list[str]:
    """Words of ``text`` (as written) that name topics in the library but occur in few of its papers, ranked by
    tf·idf within the text. A topic word is one used as a MeSH term or keyword of some paper (or, in a library
    without any, in some title): that keeps "known", "planned" or "home" out. Numbers and very short words are
    skipped."""
    from cdss.literature.analysis import MixedAnalyzer

    if not text.strip():
        return []
    total = max(1, searcher.doc_count())
    topic_field = "mesh" if searcher.reader().field_length("mesh") else "title"
    counts: Counter[str] = Counter()
    surface: dict[str, str] = {}
    for token in MixedAnalyzer()(text, mode="query", chars=True):
        word = text[token.startchar:token.endchar]
        if len(word) < (2 if not word.isascii() else _MIN_KEY_TERM_CHARS) or word.isdigit():
            continue
        counts[token.text] += 1
        surface.setdefault(token.text, word.lower() if word.isascii() else word)
    excluded = {e.casefold() for e in exclude or ()}
    scored = []
    for term, count in counts.items():
        if not searcher.doc_frequency(topic_field, term) or surface[term].casefold() in excluded:
            continue
        frequency = max(searcher.doc_frequency(name, term) for name in ("abstract", "title", "mesh"))
        if frequency == 0 or frequency > max(1.0, MAX_KEY_TERM_DOC_FRACTION * total):
            continue
        scored.append((count * math.log(1 + total / frequency), surface[term]))
    scored.sort(key=lambda item: (-item[0], item[1]))
    return [word for _score, word in scored[:limit]]


def _term_query(schema, term: EvidenceTerm):
    from whoosh.query import NullQuery, Or

    from cdss.literature.search import build_parser

    weight = {"diagnosis": DIAGNOSIS_WEIGHT, "drug": DRUG_WEIGHT}.get(term.kind, KEY_TERM_WEIGHT)
    parts = []
    for text in term.search_texts:
        whole = build_parser(schema, free_text=False).parse(text)
        if whole is None or whole is NullQuery:
            continue
        parts.append(whole.with_boost(weight))
        if len(text.split()) > 1:
            parts.append(build_parser(schema, free_text=True).parse(text).with_boost(weight * PARTIAL_MATCH_WEIGHT))
    return Or(parts) if parts else None


def _matched(term_tokens: dict[EvidenceTerm, list[set[str]]], matched: set[str]) -> tuple[EvidenceTerm, ...]:
    """Concepts at least half of whose words (in any of its names) the paper matched."""
    found = []
    for term, alternatives in term_tokens.items():
        if any(tokens and 2 * len(tokens & matched) >= len(tokens) for tokens in alternatives):
            found.append(term)
    return tuple(found)


def find_evidence(library, records, case_id: int, *, limit: int = 20, catalog=None) -> CaseEvidence:
    """Rank the library's papers for a case; papers already linked to the case are listed apart, not suggested."""
    from whoosh.query import Or

    from cdss.literature.analysis import analyze
    from cdss.literature.search import _highlighter

    linked = tuple(library.links.for_case(case_id))
    linked_ids = {link.reference_id for link in linked}
    index = library.index()
    with index.reading() as searcher:
        terms = case_terms(records, case_id, searcher, catalog)
        queries = [q for q in (_term_query(index.schema, term) for term in terms) if q is not None]
        size = searcher.doc_count()
        if not queries or size == 0:
            return CaseEvidence(case_id, tuple(terms), (), linked, size)
        query = Or(queries)
        # Hits that match no concept well enough to say why (one common word of a long diagnosis) are dropped,
        # so more are fetched than shown.
        results = searcher.search(query, limit=3 * limit + len(linked_ids), terms=True)
        results.fragmenter, results.formatter = _highlighter()
        term_tokens = {term: [set(analyze(text, mode="query")) for text in term.search_texts] for term in terms}
        hits = []
        for hit in results:
            ref_id = int(hit["id"])
            if ref_id in linked_ids:
                continue
            matched = {text.decode("utf-8") if isinstance(text, bytes) else text
                       for _field, text in (hit.matched_terms() or [])}
            reasons = _matched(term_tokens, matched)
            if not reasons:
                continue
            snippet = hit.highlights("abstract", top=2) if hit.get("abstract") else ""
            if not snippet and hit.get("title"):
                snippet = hit.highlights("title", top=1)
            hits.append(EvidenceHit(id=ref_id, title=hit.get("title", ""), year=hit.get("year"),
                                    journal=hit.get("journal", ""), score=float(hit.score or 0.0), snippet=snippet,
                                    matched=reasons))
            if len(hits) >= limit:
                break
    return CaseEvidence(case_id, tuple(terms), tuple(hits), linked, size)
