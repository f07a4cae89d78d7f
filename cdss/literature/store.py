"""The literature library's metadata in the workspace SQLite database (the source of truth).

Every method opens its own short unit of work and returns plain values (``Reference``, :class:`Paper`), never ORM
rows. Duplicate detection uses the ``lit_dedup_key`` table (one row per DOI/PMID/normalised-title key), so an import
looks up only the keys of the records it brings instead of loading the whole library. The Whoosh index is derived from
this store by :class:`cdss.literature.library.LiteratureLibrary`; :meth:`LiteratureStore.fingerprint` tells it whether
the index still reflects the store.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from sqlalchemy import delete, func, select, text
from sqlalchemy.orm import Session

from cdss.clock import utc_now
from cdss.errors import UserError
from cdss.literature.models import LitDedupKeyRow, LitReferenceRow
from cdss.literature.reference import Reference

_KEY_CHUNK = 400  # SQLite allows 999 bound parameters per statement in older builds
_ITEMS_BATCH = 1000
MAX_NOTES_CHARS = 20_000
MAX_TAG_CHARS = 60


@dataclass(frozen=True)
class Paper:
    """A stored paper: the bibliographic record plus what the doctor added (notes, an attached PDF)."""

    id: int
    ref: Reference
    notes: str
    pdf_sha256: str | None
    added_at: dt.datetime
    updated_at: dt.datetime


def not_found(ref_id: int) -> UserError:
    return UserError("literature_not_found", f"There is no paper with id {ref_id}.", id=ref_id)


def _row(session: Session, ref_id: int) -> LitReferenceRow:
    row = session.get(LitReferenceRow, ref_id)
    if row is None:
        raise not_found(ref_id)
    return row


def clean_tags(tags: Iterable[str]) -> tuple[str, ...]:
    """Trimmed, de-duplicated (case-insensitively, first spelling wins) tags; commas would split a facet value."""
    seen: set[str] = set()
    result = []
    for tag in tags:
        value = " ".join(tag.replace(",", " ").split())[:MAX_TAG_CHARS]
        if value and value.casefold() not in seen:
            seen.add(value.casefold())
            result.append(value)
    return tuple(result)


def _ref_of(row: LitReferenceRow) -> Reference:
    return Reference.from_dict(json.loads(row.ref_json))


def _fill_row(row: LitReferenceRow, ref: Reference) -> None:
    row.ref_json = json.dumps(ref.to_dict(), ensure_ascii=False)
    row.title = ref.title
    row.year = ref.year
    row.doi = ref.doi.strip() or None
    row.pmid = ref.pmid.strip() or None


class LiteratureStore:
    def __init__(self, workspace) -> None:
        """``workspace`` is a :class:`cdss.workspace.Workspace` (already migrated)."""
        self._workspace = workspace

    # -- reading -------------------------------------------------------------------------------------------------
    def count(self) -> int:
        with self._workspace.unit_of_work() as session:
            return session.scalar(select(func.count()).select_from(LitReferenceRow)) or 0

    def fingerprint(self) -> str:
        """Changes whenever a paper is added, edited or deleted (count, highest id, latest edit)."""
        with self._workspace.unit_of_work() as session:
            count, max_id, latest = session.execute(select(
                func.count(LitReferenceRow.id), func.max(LitReferenceRow.id), func.max(LitReferenceRow.updated_at),
            )).one()
        return f"{count}:{max_id or 0}:{latest.isoformat() if latest else '-'}"

    def items(self) -> Iterator[tuple[int, Reference]]:
        """Every paper in id order, read in batches so a 100,000-paper rebuild never holds them all at once."""
        last = 0
        while True:
            with self._workspace.unit_of_work() as session:
                rows = session.execute(select(LitReferenceRow.id, LitReferenceRow.ref_json).where(
                    LitReferenceRow.id > last).order_by(LitReferenceRow.id).limit(_ITEMS_BATCH)).all()
            if not rows:
                return
            for ref_id, ref_json in rows:
                yield ref_id, Reference.from_dict(json.loads(ref_json))
            last = rows[-1][0]

    def references(self, ids: Iterable[int] | None = None) -> dict[int, Reference]:
        """Papers by id (all of them when ``ids`` is None); unknown ids are left out."""
        if ids is None:
            return dict(self.items())
        wanted = sorted(set(ids))
        found: dict[int, Reference] = {}
        with self._workspace.unit_of_work() as session:
            for start in range(0, len(wanted), _KEY_CHUNK):
                chunk = wanted[start:start + _KEY_CHUNK]
                for row in session.scalars(select(LitReferenceRow).where(LitReferenceRow.id.in_(chunk))):
                    found[row.id] = _ref_of(row)
        return {ref_id: found[ref_id] for ref_id in wanted if ref_id in found}

    def paper(self, ref_id: int) -> Paper:
        with self._workspace.unit_of_work() as session:
            row = _row(session, ref_id)
            return Paper(row.id, _ref_of(row), row.notes or "", row.pdf_sha256, row.added_at, row.updated_at)

    def existing_keys(self, keys: Iterable[str]) -> dict[str, int]:
        """Which of ``keys`` are already in the library, and the paper each belongs to."""
        wanted = sorted(set(keys))
        found: dict[str, int] = {}
        with self._workspace.unit_of_work() as session:
            for start in range(0, len(wanted), _KEY_CHUNK):
                chunk = wanted[start:start + _KEY_CHUNK]
                rows = session.execute(select(LitDedupKeyRow.key, LitDedupKeyRow.reference_id).where(
                    LitDedupKeyRow.key.in_(chunk)))
                found.update({key: ref_id for key, ref_id in rows})
        return found

    # -- changing ------------------------------------------------------------------------------------------------
    def add(self, refs: Sequence[Reference], pdf_sha256: Sequence[str | None] | None = None) -> list[int]:
        """Insert papers in one transaction (all or nothing) and return their new ids, in order.

        The caller has already removed duplicates; a key that is nevertheless taken (a race with another writer)
        is left with its first owner rather than failing the whole file.
        """
        hashes = list(pdf_sha256) if pdf_sha256 is not None else [None] * len(refs)
        now = utc_now()
        ids: list[int] = []
        with self._workspace.unit_of_work() as session:
            for ref, sha in zip(refs, hashes, strict=True):
                row = LitReferenceRow(notes="", pdf_sha256=sha, added_at=now, updated_at=now)
                _fill_row(row, ref)
                session.add(row)
                session.flush()
                ids.append(row.id)
                self._add_keys(session, row.id, ref.dedup_keys())
        return ids

    def insert_with_ids(self, session: Session, items: Iterable[tuple[int, Reference]], next_id: int) -> int:
        """Used by the one-time migration from the old JSON-lines store: keep every paper's id; returns how many
        were inserted (ids already present are skipped, so re-running after a crash is harmless)."""
        now = utc_now()
        inserted = 0
        for ref_id, ref in items:
            if session.get(LitReferenceRow, ref_id) is not None:
                continue
            row = LitReferenceRow(id=ref_id, notes="", pdf_sha256=None, added_at=now, updated_at=now)
            _fill_row(row, ref)
            session.add(row)
            session.flush()
            self._add_keys(session, ref_id, ref.dedup_keys())
            inserted += 1
        # Ids are never reused: carry the old store's "next id" into SQLite's AUTOINCREMENT counter.
        highest = max(next_id - 1, session.scalar(select(func.max(LitReferenceRow.id))) or 0)
        session.execute(_SEQUENCE_DELETE)
        session.execute(_SEQUENCE_INSERT, {"seq": highest})
        return inserted

    def update(self, ref_id: int, ref: Reference) -> Reference:
        """Replace a paper's bibliographic record (notes and PDF stay); its duplicate keys follow the new record."""
        with self._workspace.unit_of_work() as session:
            row = _row(session, ref_id)
            _fill_row(row, ref)
            row.updated_at = _later_than(row.updated_at)
            session.execute(delete(LitDedupKeyRow).where(LitDedupKeyRow.reference_id == ref_id))
            session.flush()
            self._add_keys(session, ref_id, ref.dedup_keys())
            return ref

    def set_tags(self, ref_id: int, tags: Iterable[str]) -> Reference:
        ref = self.paper(ref_id).ref
        return self.update(ref_id, ref.with_changes(tags=clean_tags(tags)))

    def set_notes(self, ref_id: int, notes: str) -> Paper:
        if len(notes) > MAX_NOTES_CHARS:
            raise UserError("literature_notes_too_long",
                            f"Notes are limited to {MAX_NOTES_CHARS} characters; shorten them.", limit=MAX_NOTES_CHARS)
        self._set_fields(ref_id, notes=notes)
        return self.paper(ref_id)

    def set_pdf(self, ref_id: int, sha256: str | None) -> None:
        self._set_fields(ref_id, pdf_sha256=sha256)

    def _set_fields(self, ref_id: int, **values: object) -> None:
        """Change a paper's own columns (notes, PDF) and move its updated_at on."""
        with self._workspace.unit_of_work() as session:
            row = _row(session, ref_id)
            for key, value in values.items():
                setattr(row, key, value)
            row.updated_at = _later_than(row.updated_at)

    def delete(self, ids: Iterable[int]) -> list[int]:
        """Delete papers (their keys and case links go with them by cascade); returns the ids that existed."""
        wanted = sorted(set(ids))
        with self._workspace.unit_of_work() as session:
            present = list(session.scalars(select(LitReferenceRow.id).where(LitReferenceRow.id.in_(wanted))))
            if present:
                session.execute(delete(LitReferenceRow).where(LitReferenceRow.id.in_(present)))
        return present

    # -- internals -----------------------------------------------------------------------------------------------
    @staticmethod
    def _add_keys(session: Session, ref_id: int, keys: Iterable[str]) -> None:
        for key in sorted(keys):
            if session.get(LitDedupKeyRow, key) is None:
                session.add(LitDedupKeyRow(key=key, reference_id=ref_id))
        session.flush()


def _later_than(previous: dt.datetime) -> dt.datetime:
    # Two edits within one clock tick must still change the fingerprint the index is checked against.
    now = utc_now()
    return now if now > previous else previous + dt.timedelta(microseconds=1)


_SEQUENCE_DELETE = text("DELETE FROM sqlite_sequence WHERE name = 'lit_reference'")
_SEQUENCE_INSERT = text("INSERT INTO sqlite_sequence(name, seq) VALUES ('lit_reference', :seq)")
