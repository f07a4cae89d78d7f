"""The literature library as the CLI, the Literature room and the evidence panel use it.

Metadata lives in the workspace SQLite database (:mod:`cdss.literature.store`, the source of truth); the Whoosh
index in ``<workspace>/literature-index/`` is derived from it. After every index write the store's fingerprint is
written next to the index (:data:`SYNC_FILENAME`), and it is removed before every change; an index whose recorded
fingerprint differs from the store's (a crash between the database commit and the index commit, a restored backup,
a damaged or missing folder) is rebuilt from SQLite when the library opens it. Imports are all-or-nothing per file and
de-duplicated against the library (DOI, PMID, normalised title). An imported PDF is kept in the workspace attachment
store by content hash, so the paper can be opened later.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from cdss.literature.importers import FileRejection, dedupe, import_paths
from cdss.literature.index import LiteratureIndex, create_index, open_or_rebuild
from cdss.literature.links import CaseLinks
from cdss.literature.reference import Reference
from cdss.literature.store import LiteratureStore, Paper
from cdss.progress import Progress

if TYPE_CHECKING:
    from cdss.records.attachments import AttachmentStore

SYNC_FILENAME = "library-state.txt"
_shared: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_shared_guard = threading.Lock()


@dataclass(frozen=True)
class FileImportSummary:
    path: Path
    format: str
    added_ids: tuple[int, ...]
    duplicates: int
    # PDFs of papers already in the library (same DOI/PMID/title) attached to those papers instead of added.
    attached_pdfs: int = 0


@dataclass(frozen=True)
class LibraryImportSummary:
    files: tuple[FileImportSummary, ...]
    rejected: tuple[FileRejection, ...]

    @property
    def added(self) -> int:
        return sum(len(f.added_ids) for f in self.files)

    @property
    def duplicates(self) -> int:
        return sum(f.duplicates for f in self.files)

    @property
    def added_ids(self) -> tuple[int, ...]:
        return tuple(ref_id for f in self.files for ref_id in f.added_ids)


class LiteratureLibrary:
    def __init__(self, workspace, index_dir: Path | None = None) -> None:
        """``workspace`` is an opened :class:`cdss.workspace.Workspace`; the index defaults to its index folder."""
        self.workspace = workspace
        self.index_dir = index_dir if index_dir is not None else workspace.literature_index_dir
        self.store = LiteratureStore(workspace)
        self.links = CaseLinks(workspace)
        self._lock = threading.RLock()
        self._index: LiteratureIndex | None = None
        self._legacy_checked = False
        # A restored database has other papers than the index was built from: drop the opened index so the next
        # search re-checks the fingerprint (and rebuilds when they differ).
        add_listener = getattr(workspace, "add_restore_listener", None)
        if add_listener is not None:
            add_listener(self.forget_index)

    @classmethod
    def for_workspace(cls, workspace) -> LiteratureLibrary:
        return cls(workspace)

    @classmethod
    def shared(cls, workspace) -> LiteratureLibrary:
        """One library per open workspace for the whole app (the Literature room and every case's evidence panel),
        so they share one opened index and one lock."""
        with _shared_guard:
            library = _shared.get(workspace)
            if library is None:
                library = _shared[workspace] = cls(workspace)
            return library

    def _ready(self) -> LiteratureStore:
        """The store, after moving an old JSON-lines library into SQLite the first time (once per object)."""
        if not self._legacy_checked:
            with self._lock:
                if not self._legacy_checked:
                    from cdss.literature.legacy_store import migrate_legacy_store

                    if migrate_legacy_store(self.workspace, self.store):
                        self._forget_sync()
                    self._legacy_checked = True
        return self.store

    # -- reading -------------------------------------------------------------------------------------------------
    def count(self) -> int:
        return self._ready().count()

    def references(self, ids: Iterable[int] | None = None) -> dict[int, Reference]:
        return self._ready().references(ids)

    def items(self) -> Iterator[tuple[int, Reference]]:
        return self._ready().items()

    def get(self, ref_id: int) -> Reference:
        return self._ready().paper(ref_id).ref

    def paper(self, ref_id: int) -> Paper:
        return self._ready().paper(ref_id)

    def has_pdf(self, ref_id: int) -> bool:
        """Whether the paper has a stored PDF (imported, and its file still in the workspace)."""
        return self._stored_pdf(ref_id) is not None

    def export_pdf(self, ref_id: int, target: Path) -> Path | None:
        """Write the paper's stored PDF to ``target`` (decrypted in an encrypted workspace); None when it has none."""
        stored = self._stored_pdf(ref_id)
        return stored[0].export(stored[1], target) if stored is not None else None

    def _stored_pdf(self, ref_id: int) -> tuple[AttachmentStore, str] | None:
        from cdss.records.attachments import AttachmentStore

        sha = self.paper(ref_id).pdf_sha256
        store = AttachmentStore.of(self.workspace)
        return (store, sha) if sha and store.exists(sha) else None

    # -- index ---------------------------------------------------------------------------------------------------
    def index(self, progress: Progress | None = None) -> LiteratureIndex:
        """The search index, rebuilt from SQLite first if it is missing, damaged or out of step with the store."""
        index = self._index
        if index is not None:  # searches must not wait for an import holding the lock
            return index
        with self._lock:
            if self._index is None:
                store = self._ready()
                index, rebuilt = open_or_rebuild(self.index_dir, store.items, progress)
                if rebuilt or self._recorded_sync() != store.fingerprint():
                    if not rebuilt:
                        index.close()
                        index = create_index(self.index_dir)
                        index.rebuild(store.items(), progress, total=store.count())
                    self._record_sync()
                self._index = index
            return self._index

    def forget_index(self) -> None:
        """Close the opened index; the next :meth:`index` call re-checks it against the store (after a restore)."""
        with self._lock:
            index, self._index = self._index, None
            if index is not None:
                index.close()

    def reindex(self, progress: Progress | None = None) -> int:
        with self._lock:
            store = self._ready()
            self._forget_sync()
            if self._index is not None:
                self._index.close()
            self._index = create_index(self.index_dir)
            count = self._index.rebuild(store.items(), progress, total=store.count())
            self._record_sync()
            return count

    def _sync_path(self) -> Path:
        return self.index_dir / SYNC_FILENAME

    def _recorded_sync(self) -> str | None:
        try:
            return self._sync_path().read_text(encoding="utf-8").strip()
        except OSError:
            return None

    def _record_sync(self) -> None:
        self._sync_path().write_text(self.store.fingerprint(), encoding="utf-8")

    def _forget_sync(self) -> None:
        self._sync_path().unlink(missing_ok=True)

    def _change(self, write, index_ids_to_refresh=None, index_ids_to_delete=None):
        """Run a store write with the index kept in step: forget the sync mark, write SQLite, update the index,
        record the new mark. An exception between the two leaves no mark, so the next open rebuilds."""
        index = self.index()
        before = self._recorded_sync()
        self._forget_sync()
        try:
            result = write()
        except BaseException:
            # A refused change (bad input, duplicate) wrote nothing: keep the mark rather than force a rebuild.
            if before is not None and before == self.store.fingerprint():
                self._sync_path().write_text(before, encoding="utf-8")
            raise
        refresh = index_ids_to_refresh(result) if index_ids_to_refresh else []
        if refresh:
            index.add_or_update(sorted(self.store.references(refresh).items()))
        doomed = index_ids_to_delete(result) if index_ids_to_delete else []
        if doomed:
            index.delete(doomed)
        self._record_sync()
        return result

    # -- changes -------------------------------------------------------------------------------------------------
    def import_paths(self, paths: Iterable[Path], progress: Progress | None = None) -> LibraryImportSummary:
        report = import_paths(paths, progress)
        with self._lock:
            store = self._ready()
            # One transaction per file (all or nothing per file), then one index commit for the whole import.
            summaries = self._change(lambda: [self._store_file(store, result) for result in report.files],
                                     index_ids_to_refresh=lambda done: [i for f in done for i in f.added_ids])
        return LibraryImportSummary(files=tuple(summaries), rejected=report.rejected)

    def _store_file(self, store: LiteratureStore, result) -> FileImportSummary:
        candidate_keys = {key for ref in result.references for key in ref.dedup_keys()}
        existing = store.existing_keys(candidate_keys)
        outcome = dedupe(existing, result.references)
        pdf_sha = self._keep_pdf(result.path) if result.format == "pdf" else None
        ids = store.add(outcome.added, [pdf_sha] * len(outcome.added)) if outcome.added else []
        attached = 0
        if pdf_sha is not None:
            # A PDF of a paper already imported from PubMed/RIS gives that paper its full text file.
            for _ref, key in outcome.duplicates:
                owner = existing.get(key)
                if owner is not None and store.paper(owner).pdf_sha256 is None:
                    store.set_pdf(owner, pdf_sha)
                    attached += 1
        return FileImportSummary(result.path, result.format, tuple(ids), len(outcome.duplicates), attached)

    def _keep_pdf(self, path: Path) -> str:
        from cdss.records.attachments import AttachmentStore

        return AttachmentStore.of(self.workspace).put_file(path).sha256

    def add(self, refs: Iterable[Reference]) -> list[int]:
        """Add records that are already parsed (no duplicate check: the caller decides); index kept in step."""
        items = list(refs)
        with self._lock:
            store = self._ready()
            return self._change(lambda: store.add(items), index_ids_to_refresh=lambda ids: ids)

    def update(self, ref_id: int, ref: Reference) -> Reference:
        with self._lock:
            store = self._ready()
            return self._change(lambda: store.update(ref_id, ref), index_ids_to_refresh=lambda _r: [ref_id])

    def set_tags(self, ref_id: int, tags: Iterable[str]) -> Reference:
        with self._lock:
            store = self._ready()
            return self._change(lambda: store.set_tags(ref_id, tags), index_ids_to_refresh=lambda _r: [ref_id])

    def set_notes(self, ref_id: int, notes: str) -> Paper:
        # Notes are not indexed, but the fingerprint moves with every edit, so the mark is refreshed all the same.
        with self._lock:
            store = self._ready()
            return self._change(lambda: store.set_notes(ref_id, notes))

    def delete(self, ids: Iterable[int]) -> int:
        with self._lock:
            store = self._ready()
            return len(self._change(lambda: store.delete(ids), index_ids_to_delete=lambda deleted: deleted))
