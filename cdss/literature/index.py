"""The Whoosh full-text index of the literature library: schema, opening, writing, rebuilding.

The index is a *derived* copy of the library in SQLite (:mod:`cdss.literature.store`), so a missing or
damaged index is never fatal: :func:`open_index` raises :class:`IndexUnavailable` and :func:`open_or_rebuild`
re-creates it from the store. Writes are serialised by a per-folder lock (Whoosh allows one writer); searches use a
point-in-time searcher per thread (:meth:`LiteratureIndex.reading`, reopened after each commit) and may run in other
threads while a write is in progress.
"""

from __future__ import annotations

import shutil
import threading
import time
import weakref
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
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


_model_class = None
_length_table: list[int] | None = None


def scoring_model():
    """BM25F with the room's parameters, reading field lengths from a per-segment cache (see below)."""
    global _model_class
    if _model_class is None:
        from whoosh.scoring import BM25F

        class CachedLengthBM25F(BM25F):
            # Whoosh's BM25F looks up the document's field length through three layers of method calls and a
            # struct unpack for every posting it scores; on long queries over 100,000 papers that is a quarter of
            # the search time. The lengths of a segment never change, so they are decoded once into a list.
            def scorer(self, searcher, fieldname, text, qf=1):
                scorer = super().scorer(searcher, fieldname, text, qf)
                if hasattr(scorer, "dfl"):
                    lengths = _field_lengths(searcher.reader(), fieldname)
                    if lengths is not None:
                        scorer.dfl = lengths.__getitem__
                return scorer

        _model_class = CachedLengthBM25F
    return _model_class(B=BM25_B, K1=BM25_K1, title_B=BM25_TITLE_B)


def _field_lengths(reader, fieldname: str) -> list[int] | None:
    """Every document's length of ``fieldname`` in one segment reader (cached on the reader), or None when the
    reader is not a single segment's."""
    global _length_table
    cache = reader.__dict__.get("_cdss_field_lengths")
    if cache is None:
        cache = reader.__dict__.setdefault("_cdss_field_lengths", {})
    lengths = cache.get(fieldname)
    if lengths is None:
        perdoc = getattr(reader, "_perdoc", None)
        if perdoc is None or not hasattr(perdoc, "_cached_reader"):
            return None
        from whoosh.codec.whoosh3 import LENGTHS_COLUMN
        from whoosh.util.numeric import byte_to_length

        column = perdoc._cached_reader(f"_{fieldname}_len", LENGTHS_COLUMN)
        if column is None:
            return None
        if _length_table is None:
            # A stored length of 0 only occurs where the term cannot match; 1 keeps the formula finite regardless.
            _length_table = [byte_to_length(b) or 1 for b in range(256)]
        table = _length_table
        lengths = cache[fieldname] = [table[b] for b in column.load()]
    return lengths


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
        # One searcher per reading thread, kept open between searches and refreshed when the index changed:
        # opening a searcher re-reads every segment's files, and the field-length cache lives on its readers.
        self._local = threading.local()
        # Weak: a searcher goes (and its files close) with the worker thread that used it; close() reaches the rest.
        self._cached: weakref.WeakSet = weakref.WeakSet()
        self._cached_guard = threading.Lock()
        self._closed = False

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

    @contextmanager
    def reading(self) -> Iterator:
        """A searcher on the latest committed version of the index, reused by this thread's next search.

        Do not nest: a nested call may refresh (and close) the searcher the outer block is using.
        """
        if self._closed:
            with self.searcher() as searcher:
                yield searcher
            return
        current = getattr(self._local, "searcher", None)
        # Not Searcher.refresh(): it reuses the readers of segments it thinks unchanged, and misses documents
        # deleted from them since (an update deletes the old version), so a changed index gets a new searcher.
        if current is None or current.reader().generation() != self._index.latest_generation():
            fresh = self.searcher()
            self._local.searcher = fresh
            with self._cached_guard:
                if current is not None:
                    self._cached.discard(current)
                    current.close()
                self._cached.add(fresh)
            current = fresh
        yield current

    def close(self) -> None:
        """Close the searchers kept for reuse (before the folder is replaced: Windows cannot delete open files)."""
        self._closed = True
        with self._cached_guard:
            cached, self._cached = list(self._cached), weakref.WeakSet()
        for searcher in cached:
            try:
                searcher.close()
            except Exception:  # noqa: BLE001 - closing is best effort; the files are replaced next
                pass

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
