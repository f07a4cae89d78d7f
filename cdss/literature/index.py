"""The Whoosh full-text index of the literature library: schema, opening, writing, rebuilding.

The index is a *derived* copy of the reference store (interim JSON-lines file now, SQLite later), so a missing or
damaged index is never fatal: :func:`open_index` raises :class:`IndexUnavailable` and :func:`open_or_rebuild`
re-creates it from the store. Writes are serialised by a per-folder lock (Whoosh allows one writer); searches open
their own point-in-time searcher and may run in other threads while a write is in progress.
"""

from __future__ import annotations

import shutil
import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from cdss.errors import UserError
from cdss.literature.reference import Reference
from cdss.progress import Progress, ensure_progress

if TYPE_CHECKING:
    from whoosh.fields import Schema
    from whoosh.index import Index

INDEX_NAME = "LITERATURE"
# Bump when the schema or analysis changes: an index built by an older version is then rebuilt, not misread.
SCHEMA_VERSION = 1
_VERSION_FILE = "schema-version.txt"
# Relative weight of a match in each field (query-time boosts). A title or MeSH match states what a paper is
# *about*; an abstract match may be incidental; author and journal matches mainly serve fielded lookups.
FIELD_WEIGHTS = {"title": 2.0, "mesh": 1.5, "abstract": 1.0, "authors": 1.0, "journal": 0.5}
# BM25 parameters: K1=1.2 and B=0.75 are the long-standing defaults from the TREC literature; titles are short and
# nearly uniform in length, so length normalisation there is damped (B=0.3) to avoid rewarding terse titles.
BM25_K1 = 1.2
BM25_B = 0.75
BM25_TITLE_B = 0.3

_OPEN_ATTEMPTS = 8
_write_locks: dict[str, threading.Lock] = {}
_write_locks_guard = threading.Lock()


class IndexUnavailable(UserError):
    """The index folder is missing, from an older schema or damaged; rebuild it from the reference store."""


def build_schema() -> Schema:
    from whoosh.analysis import RegexTokenizer
    from whoosh.fields import ID, KEYWORD, NUMERIC, TEXT, Schema

    from cdss.literature.analysis import MixedAnalyzer, MixedTokenizer

    text = MixedAnalyzer()
    names = RegexTokenizer(r"[^\W_]+") | _lowercase()  # author names: no stemming, no stop words
    return Schema(
        id=ID(stored=True, unique=True),
        title=TEXT(analyzer=text, stored=True, multitoken_query="and"),
        abstract=TEXT(analyzer=text, stored=True, multitoken_query="and"),
        authors=TEXT(analyzer=names, stored=True, multitoken_query="and"),
        journal=TEXT(analyzer=text, stored=True, multitoken_query="and"),
        mesh=TEXT(analyzer=text, multitoken_query="and"),
        year=NUMERIC(int, stored=True, sortable=True, signed=False, bits=32),
        journal_facet=ID(sortable=True),
        pubtype=KEYWORD(commas=True, stored=True),
        tags=KEYWORD(commas=True, stored=True),
        doi=ID(stored=True),
        pmid=ID(stored=True),
        # Unstemmed vocabulary of titles, keywords and journals, only for spelling suggestions.
        spell=TEXT(analyzer=MixedTokenizer(), phrase=False),
    )


def _lowercase():
    from whoosh.analysis import LowercaseFilter

    return LowercaseFilter()


def scoring_model():
    from whoosh.scoring import BM25F

    return BM25F(B=BM25_B, K1=BM25_K1, title_B=BM25_TITLE_B)


def _keywordise(values: Iterable[str]) -> str:
    # KEYWORD(commas=True) splits on commas, so commas inside a value are turned into spaces.
    return ",".join(v.replace(",", " ").strip() for v in values if v.strip())


def document_for(ref_id: int, ref: Reference) -> dict[str, object]:
    """The Whoosh document for one reference (only non-empty fields, as Whoosh rejects None)."""
    doc: dict[str, object] = {
        "id": str(ref_id),
        "title": ref.title,
        "abstract": ref.abstract,
        "authors": "; ".join(ref.authors),
        "journal": ref.journal,
        "mesh": " ; ".join((*ref.mesh_terms, *ref.keywords)),
        "journal_facet": ref.journal.strip(),
        "pubtype": _keywordise(ref.publication_types),
        "tags": _keywordise(ref.tags),
        "doi": ref.doi,
        "pmid": ref.pmid,
        "spell": " ".join((ref.title, *ref.keywords, *ref.mesh_terms)),
    }
    if ref.year is not None:
        doc["year"] = ref.year
    return {key: value for key, value in doc.items() if value not in ("", None)}


def _lock_for(folder: Path) -> threading.Lock:
    key = str(folder.resolve())
    with _write_locks_guard:
        return _write_locks.setdefault(key, threading.Lock())


class LiteratureIndex:
    """An open index folder. Thread-safe: one writer at a time (serialised here), searches from any thread."""

    def __init__(self, folder: Path, index: Index) -> None:
        self.folder = folder
        self._index = index
        # Cached: Index.schema re-reads the table of contents, which a concurrent commit may just have replaced.
        self.schema = index.schema
        self._write_lock = _lock_for(folder)

    @property
    def whoosh_index(self) -> Index:
        return self._index

    def doc_count(self) -> int:
        with self.searcher() as searcher:
            return searcher.doc_count()

    def searcher(self):
        """A point-in-time Whoosh searcher using the room's BM25F model; close it (``with``) after use."""
        for attempt in range(_OPEN_ATTEMPTS):
            try:
                return self._index.searcher(weighting=scoring_model())
            except FileNotFoundError:
                # A commit in the writer thread merged segments and removed their files between our reading the
                # table of contents and opening them; the next attempt reads the new table of contents.
                if attempt == _OPEN_ATTEMPTS - 1:
                    raise
                time.sleep(0.005 * (attempt + 1))
        raise AssertionError("unreachable")

    def _writer(self):
        # limitmb: a larger in-memory buffer means fewer segment merges while building a large index.
        return self._index.writer(limitmb=256)

    def add_or_update(self, refs_with_ids: Iterable[tuple[int, Reference]], progress: Progress | None = None) -> int:
        """Insert or replace documents for these ids; all-or-nothing (on cancel or error the index is unchanged)."""
        progress = ensure_progress(progress)
        items = list(refs_with_ids)
        with self._write_lock:
            writer = self._writer()
            try:
                for done, (ref_id, ref) in enumerate(items):
                    if done % 500 == 0:
                        progress.update(done, len(items), "Indexing")
                    writer.update_document(**document_for(ref_id, ref))
            except BaseException:
                writer.cancel()
                raise
            writer.commit()
        return len(items)

    def delete(self, ids: Iterable[int]) -> int:
        with self._write_lock:
            writer = self._writer()
            try:
                deleted = sum(writer.delete_by_term("id", str(ref_id)) for ref_id in ids)
            except BaseException:
                writer.cancel()
                raise
            writer.commit()
        return deleted

    def rebuild(self, source: Iterable[tuple[int, Reference]], progress: Progress | None = None,
                total: int = 0) -> int:
        """Replace the whole index with ``source`` (fresh segments; nothing from the old index survives)."""
        from whoosh.writing import CLEAR

        progress = ensure_progress(progress)
        count = 0
        with self._write_lock:
            writer = self._writer()
            try:
                # Every document is new, so add_document (no per-document delete lookup) keeps the rebuild fast.
                for ref_id, ref in source:
                    if count % 500 == 0:
                        progress.update(count, total, "Rebuilding the literature index")
                    writer.add_document(**document_for(ref_id, ref))
                    count += 1
            except BaseException:
                writer.cancel()
                raise
            writer.commit(mergetype=CLEAR)
        progress.update(count, count, "")
        return count


def create_index(folder: Path) -> LiteratureIndex:
    """A new, empty index in ``folder`` (any previous index files there are removed)."""
    from whoosh.index import create_in

    folder.mkdir(parents=True, exist_ok=True)
    _remove_index_files(folder)
    index = create_in(str(folder), build_schema(), indexname=INDEX_NAME)
    (folder / _VERSION_FILE).write_text(str(SCHEMA_VERSION), encoding="utf-8")
    return LiteratureIndex(folder, index)


def open_index(folder: Path) -> LiteratureIndex:
    """Open an existing index, or raise :class:`IndexUnavailable` (missing, outdated or damaged)."""
    from whoosh.index import exists_in, open_dir

    if not folder.is_dir() or not exists_in(str(folder), indexname=INDEX_NAME):
        raise IndexUnavailable("literature_index_missing",
                               "The literature index does not exist yet; it will be built from your library.",
                               folder=str(folder))
    version_file = folder / _VERSION_FILE
    version = version_file.read_text(encoding="utf-8").strip() if version_file.is_file() else ""
    if version != str(SCHEMA_VERSION):
        raise IndexUnavailable("literature_index_outdated",
                               "The literature index was built by another version of the app; rebuild it.",
                               folder=str(folder))
    try:
        index = open_dir(str(folder), indexname=INDEX_NAME)
        # Touch every segment's files: a truncated or deleted segment fails here rather than mid-search.
        with index.searcher() as searcher:
            searcher.doc_count_all()
            for _fieldname, _text in zip(searcher.reader().all_terms(), range(1), strict=False):
                pass
    except Exception as exc:  # Whoosh raises many unrelated exception types for a damaged folder
        raise IndexUnavailable("literature_index_corrupt",
                               f"The literature index is damaged ({type(exc).__name__}); rebuild it.",
                               folder=str(folder)) from exc
    return LiteratureIndex(folder, index)


def open_or_rebuild(folder: Path, source: Callable[[], Iterable[tuple[int, Reference]]] | Iterable[
        tuple[int, Reference]], progress: Progress | None = None) -> tuple[LiteratureIndex, bool]:
    """Open the index, rebuilding it from ``source`` when it is missing, outdated or damaged.

    Returns ``(index, rebuilt)``. ``source`` may be a callable so the store is read only when a rebuild is needed.
    """
    try:
        return open_index(folder), False
    except IndexUnavailable:
        index = create_index(folder)
        items = source() if callable(source) else source
        index.rebuild(items, progress)
        return index, True


def _remove_index_files(folder: Path) -> None:
    # Only this index's own files: the folder is dedicated, but never delete what we did not create.
    for path in folder.iterdir():
        if path.name.startswith((INDEX_NAME, f"_{INDEX_NAME}")) or path.name == _VERSION_FILE:
            if path.is_dir():
                shutil.rmtree(path)
            else:
                path.unlink()
