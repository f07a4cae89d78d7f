"""The literature library as the CLI (and, until SQLite storage lands, the UI) uses it.

INTERIM STORE — to be moved into SQLite by the lead engineer. References live in
``<workspace>/literature/references.jsonl``: one ``{"id": int, "ref": {...Reference.to_dict()}}`` per line,
rewritten atomically (temp file + fsync + rename) on every change, so a crash leaves either the old or the new file.
Ids are stable integers (never reused; the next id is one past the highest ever written, kept in the first line).
The Whoosh index in ``<workspace>/literature-index/`` is derived from this store and rebuilt from it when missing or
damaged. Imports are all-or-nothing per file and de-duplicated against the library (DOI, PMID, normalised title).
"""

from __future__ import annotations

import json
import os
import tempfile
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from cdss.errors import UserError
from cdss.literature.importers import FileRejection, dedupe, import_paths
from cdss.literature.index import LiteratureIndex, open_or_rebuild
from cdss.literature.reference import Reference
from cdss.progress import Progress

STORE_FILENAME = "references.jsonl"


@dataclass(frozen=True)
class FileImportSummary:
    path: Path
    format: str
    added_ids: tuple[int, ...]
    duplicates: int


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


class LiteratureLibrary:
    def __init__(self, store_dir: Path, index_dir: Path) -> None:
        self.store_path = store_dir / STORE_FILENAME
        self.index_dir = index_dir
        self._lock = threading.RLock()
        self._refs: dict[int, Reference] | None = None
        self._next_id = 1
        self._index: LiteratureIndex | None = None

    @classmethod
    def for_workspace(cls, workspace) -> LiteratureLibrary:
        """``workspace`` is a :class:`cdss.workspace.Workspace`."""
        return cls(workspace.subdir("literature"), workspace.subdir("literature-index"))

    # -- store ---------------------------------------------------------------------------------------------------
    def _load(self) -> dict[int, Reference]:
        if self._refs is not None:
            return self._refs
        refs: dict[int, Reference] = {}
        next_id = 1
        number = 0
        if self.store_path.is_file():
            try:
                with self.store_path.open(encoding="utf-8") as handle:
                    for line in handle:
                        number += 1
                        if not line.strip():
                            continue
                        row = json.loads(line)
                        if "next_id" in row:
                            next_id = max(next_id, int(row["next_id"]))
                            continue
                        refs[int(row["id"])] = Reference.from_dict(row["ref"])
            except (ValueError, KeyError, TypeError) as exc:
                raise UserError("literature_store_damaged",
                                f"The literature store {self.store_path} is damaged near line {number}; restore it "
                                "from a backup.", path=str(self.store_path)) from exc
        self._next_id = max([next_id, *(i + 1 for i in refs)])
        self._refs = refs
        return refs

    def _save(self, refs: dict[int, Reference], next_id: int) -> None:
        self.store_path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=".references-", suffix=".tmp", dir=self.store_path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(json.dumps({"next_id": next_id}) + "\n")
                for ref_id in sorted(refs):
                    handle.write(json.dumps({"id": ref_id, "ref": refs[ref_id].to_dict()}, ensure_ascii=False) + "\n")
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp_name, self.store_path)
        except BaseException:
            Path(tmp_name).unlink(missing_ok=True)
            raise

    def references(self) -> dict[int, Reference]:
        with self._lock:
            return dict(self._load())

    def items(self) -> Iterator[tuple[int, Reference]]:
        return iter(sorted(self.references().items()))

    def get(self, ref_id: int) -> Reference:
        ref = self.references().get(ref_id)
        if ref is None:
            raise UserError("literature_not_found", f"There is no paper with id {ref_id}.", id=ref_id)
        return ref

    # -- index ---------------------------------------------------------------------------------------------------
    def index(self, progress: Progress | None = None) -> LiteratureIndex:
        """The search index, rebuilt from the store first if it is missing or damaged."""
        with self._lock:
            if self._index is None:
                self._index, _rebuilt = open_or_rebuild(self.index_dir, self.items, progress)
            return self._index

    def reindex(self, progress: Progress | None = None) -> int:
        from cdss.literature.index import create_index

        with self._lock:
            self._index = create_index(self.index_dir)
            items = list(self.items())
            return self._index.rebuild(items, progress, total=len(items))

    # -- changes -------------------------------------------------------------------------------------------------
    def import_paths(self, paths: Iterable[Path], progress: Progress | None = None) -> LibraryImportSummary:
        report = import_paths(paths, progress)
        with self._lock:
            refs = self._load()
            keys = {key for ref in refs.values() for key in ref.dedup_keys()}
            new_refs = dict(refs)
            next_id = self._next_id
            summaries = []
            added_pairs: list[tuple[int, Reference]] = []
            for result in report.files:
                outcome = dedupe(keys, result.references)
                ids = []
                for ref in outcome.added:
                    new_refs[next_id] = ref
                    added_pairs.append((next_id, ref))
                    ids.append(next_id)
                    keys.update(ref.dedup_keys())
                    next_id += 1
                summaries.append(FileImportSummary(result.path, result.format, tuple(ids), len(outcome.duplicates)))
            if added_pairs:
                index = self.index()
                self._save(new_refs, next_id)  # the store is the commit point; the index follows it
                self._refs, self._next_id = new_refs, next_id
                index.add_or_update(added_pairs)
        return LibraryImportSummary(files=tuple(summaries), rejected=report.rejected)

    def update(self, ref_id: int, ref: Reference) -> None:
        with self._lock:
            refs = dict(self._load())
            if ref_id not in refs:
                raise UserError("literature_not_found", f"There is no paper with id {ref_id}.", id=ref_id)
            refs[ref_id] = ref
            self._save(refs, self._next_id)
            self._refs = refs
            self.index().add_or_update([(ref_id, ref)])

    def delete(self, ids: Iterable[int]) -> int:
        with self._lock:
            refs = dict(self._load())
            doomed = [ref_id for ref_id in ids if ref_id in refs]
            for ref_id in doomed:
                del refs[ref_id]
            if doomed:
                self._save(refs, self._next_id)
                self._refs = refs
                self.index().delete(doomed)
            return len(doomed)
