"""Imported knowledge packs: external interaction and ATC sources kept beside the shipped pack, each with provenance.

A pack is plain data (frozen dataclasses). :class:`PackStore` keeps one JSON file per pack in a workspace folder and
replaces it atomically, so a crash mid-save leaves the previous pack intact. :func:`resolve_pack_ratings` turns the
packs' source drug names into pairs of *catalog ids* for the checker (see :mod:`cdss.drugs.ratings`).
"""

from __future__ import annotations

import builtins  # PackStore has a method named list: its annotations name the type explicitly
import json
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from cdss.drugs.ratings import SEVERITY_RANK, PairRating
from cdss.errors import UserError
from cdss.files import write_atomic

PACK_FILE_VERSION = 1


@dataclass(frozen=True)
class PackInteraction:
    """One graded drug pair as the source states it. Names are lowercase English where the source is English."""

    drug_a: str
    drug_b: str
    severity: str  # contraindicated|major|moderate|minor|unknown (see cdss.drugs.ratings.SEVERITIES)
    mechanism: str | None = None
    effect: str | None = None
    management: str | None = None
    evidence: str | None = None
    reference: str | None = None
    drug_a_id: str | None = None  # the source's own id (e.g. "DDInter1263", "rxcui:2193")
    drug_b_id: str | None = None


@dataclass(frozen=True)
class AtcEntry:
    """One row of an ATC index; a code with several DDDs/routes has several entries."""

    code: str
    name: str
    ddd: float | None = None
    unit: str | None = None
    route: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class PackDrugName:
    """A drug the pack knows, with the source's id, an ATC code when the source gives one, and other ids."""

    name: str
    external_id: str | None = None
    atc: str | None = None
    other_ids: tuple[str, ...] = ()  # e.g. ("drugbank:DB01048",)


@dataclass(frozen=True)
class ImportedPack:
    name: str  # stable per source: re-importing the same source replaces the pack of that name
    format: str  # ddinter | ansm | atc
    version: str
    source: str  # where the data came from, and who made it (attribution)
    licence: str
    imported_at: str  # ISO 8601 UTC
    interactions: tuple[PackInteraction, ...] = ()
    atc: tuple[AtcEntry, ...] = ()
    drug_names: tuple[PackDrugName, ...] = ()
    notes: tuple[str, ...] = ()  # caveats a user should read (coverage gaps, unresolved classes, ...)


@dataclass(frozen=True)
class PackSummary:
    name: str
    format: str
    version: str
    source: str
    licence: str
    imported_at: str
    pairs: int
    drugs: int
    atc_codes: int
    path: Path
    notes: tuple[str, ...] = field(default=())


# -- serialisation ---------------------------------------------------------------------------------------------
# Rows are stored as arrays under a column list, and interaction texts as indexes into one string pool: ANSM class
# expansion repeats the same effect/management text on thousands of pairs, so this keeps files several times smaller.
_INTERACTION_COLUMNS = [f.name for f in fields(PackInteraction)]
_ATC_COLUMNS = [f.name for f in fields(AtcEntry)]
_DRUG_COLUMNS = [f.name for f in fields(PackDrugName)]
_META_KEYS = ("name", "format", "version", "source", "licence", "imported_at", "notes")


def pair_keys(pack: ImportedPack) -> set[frozenset[str]]:
    """The distinct unordered drug pairs of a pack (a pair graded twice counts once)."""
    return {frozenset((i.drug_a, i.drug_b)) for i in pack.interactions}


def _meta_of(pack: ImportedPack) -> dict[str, Any]:
    meta: dict[str, Any] = {key: getattr(pack, key) for key in _META_KEYS}
    meta["notes"] = list(pack.notes)
    meta["file_version"] = PACK_FILE_VERSION
    meta["counts"] = {"pairs": len(pair_keys(pack)), "drugs": len(pack.drug_names),
                      "atc_codes": len({e.code for e in pack.atc})}
    return meta


def dump_pack(pack: ImportedPack) -> str:
    pool: dict[str, int] = {}
    interaction_rows = [
        [None if value is None else pool.setdefault(value, len(pool))
         for value in (getattr(item, column) for column in _INTERACTION_COLUMNS)]
        for item in pack.interactions
    ]
    body = {
        "strings": list(pool),
        "interactions": {"columns": _INTERACTION_COLUMNS, "rows": interaction_rows},
        "atc": {"columns": _ATC_COLUMNS, "rows": [[getattr(e, c) for c in _ATC_COLUMNS] for e in pack.atc]},
        "drug_names": {"columns": _DRUG_COLUMNS,
                       "rows": [[list(v) if isinstance(v := getattr(d, c), tuple) else v for c in _DRUG_COLUMNS]
                                for d in pack.drug_names]},
    }
    meta = json.dumps(_meta_of(pack), ensure_ascii=False)
    rest = json.dumps(body, ensure_ascii=False, separators=(",", ":"))
    # "meta" alone on the first line lets PackStore.list() read counts without parsing megabytes of rows.
    return '{"meta": ' + meta + ",\n" + rest[1:] + "\n"


def _column_order(table: dict[str, Any], expected: list[str]) -> list[int]:
    columns = table["columns"]
    return [columns.index(name) if name in columns else -1 for name in expected]


def load_pack_text(text: str, path: Path) -> ImportedPack:
    try:
        data = json.loads(text)
        meta = data["meta"]
        strings = data["strings"]
        order = _column_order(data["interactions"], _INTERACTION_COLUMNS)
        interactions = tuple(
            PackInteraction(*[None if i < 0 or row[i] is None else strings[row[i]] for i in order])
            for row in data["interactions"]["rows"]
        )
        order = _column_order(data["atc"], _ATC_COLUMNS)
        atc = tuple(AtcEntry(*[None if i < 0 else row[i] for i in order]) for row in data["atc"]["rows"])
        order = _column_order(data["drug_names"], _DRUG_COLUMNS)
        drug_names = tuple(
            PackDrugName(*[tuple(v) if isinstance(v := (None if i < 0 else row[i]), list) else v for i in order])
            for row in data["drug_names"]["rows"]
        )
        bad = {i.severity for i in interactions} - set(SEVERITY_RANK)
        if bad:
            raise ValueError(f"unknown severities {sorted(bad)}")
        return ImportedPack(**{key: meta[key] for key in _META_KEYS if key != "notes"},
                            notes=tuple(meta.get("notes", ())), interactions=interactions, atc=atc,
                            drug_names=drug_names)
    except (ValueError, KeyError, TypeError, IndexError) as exc:
        raise UserError("pack_corrupt", f"The stored pack {path.name} cannot be read ({exc}); import it again.",
                        path=str(path)) from exc


# -- storage ---------------------------------------------------------------------------------------------------
def _file_stem(name: str) -> str:
    stem = re.sub(r"[^a-z0-9._-]+", "-", name.lower()).strip("-.")
    if not stem:
        raise UserError("pack_name_invalid", f"{name!r} is not a usable pack name.", name=name)
    return stem


class PackStore:
    """Imported packs in one folder, one ``<name>.json`` each. Saving is atomic; same name replaces."""

    SUFFIX = ".json"

    def __init__(self, directory: Path) -> None:
        self.directory = Path(directory)

    def path_for(self, name: str) -> Path:
        return self.directory / f"{_file_stem(name)}{self.SUFFIX}"

    def save(self, pack: ImportedPack) -> Path:
        """Write the pack (replacing any pack of the same name); on any failure the previous file is untouched."""
        self.directory.mkdir(parents=True, exist_ok=True)
        target = self.path_for(pack.name)
        write_atomic(target, dump_pack(pack).encode("utf-8"))
        _fsync_directory(self.directory)  # and the rename itself survives a power cut
        return target

    def _files(self) -> list[Path]:
        if not self.directory.is_dir():
            return []
        return sorted(p for p in self.directory.glob(f"*{self.SUFFIX}") if not p.name.startswith("."))

    def list(self) -> builtins.list[PackSummary]:
        summaries = []
        for path in self._files():
            meta = _read_meta(path)
            try:
                counts = meta.get("counts", {})  # type: ignore[union-attr]
                summaries.append(PackSummary(
                    name=meta["name"], format=meta["format"], version=meta["version"], source=meta["source"],
                    licence=meta["licence"], imported_at=meta["imported_at"], pairs=int(counts.get("pairs", 0)),
                    drugs=int(counts.get("drugs", 0)), atc_codes=int(counts.get("atc_codes", 0)), path=path,
                    notes=tuple(meta.get("notes", ())),
                ))
            except (AttributeError, KeyError, TypeError, ValueError):
                continue  # unreadable file: skipped here; load() reports it with a clear error
        return summaries

    def load(self, name: str) -> ImportedPack:
        path = self.path_for(name)
        if not path.is_file():
            raise UserError("pack_not_found", f"No imported pack named {name!r}.", name=name)
        return load_pack_text(path.read_text(encoding="utf-8"), path)

    def load_all(self) -> builtins.list[ImportedPack]:
        """Every pack; raises ``pack_corrupt`` if one cannot be read (see :meth:`load_readable`)."""
        return [load_pack_text(p.read_text(encoding="utf-8"), p) for p in self._files()]

    def load_readable(self) -> tuple[builtins.list[ImportedPack], builtins.list[UserError]]:
        """Every pack that can be read, and an error for each that cannot, so one bad file does not hide the rest."""
        packs: builtins.list[ImportedPack] = []
        errors: builtins.list[UserError] = []
        for path in self._files():
            try:
                packs.append(load_pack_text(path.read_text(encoding="utf-8"), path))
            except UserError as exc:
                errors.append(exc)
            except (OSError, UnicodeDecodeError) as exc:
                errors.append(UserError("pack_corrupt", f"The stored pack {path.name} cannot be read ({exc}); "
                                        "import it again.", path=str(path)))
        return packs, errors

    def delete(self, name: str) -> bool:
        """Remove a pack; returns False when there was none of that name."""
        path = self.path_for(name)
        try:
            path.unlink()
        except FileNotFoundError:
            return False
        _fsync_directory(self.directory)
        return True


def _read_meta(path: Path) -> dict[str, Any] | None:
    try:
        with path.open(encoding="utf-8") as handle:
            first = handle.readline()
        prefix = '{"meta": '
        stripped = first.rstrip()
        if first.startswith(prefix) and stripped.endswith(","):
            return json.loads(stripped[len(prefix):-1])
        return json.loads(path.read_text(encoding="utf-8"))["meta"]
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _fsync_directory(directory: Path) -> None:
    """Make the rename itself durable (POSIX); Windows has no directory handles, and NTFS journals renames."""
    if os.name != "posix":
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


# -- use by the checker and the search -------------------------------------------------------------------------
def resolve_pack_ratings(packs: Iterable[ImportedPack],
                         resolve_name: Callable[[str], str | None]) -> dict[frozenset[str], list[PairRating]]:
    """Ratings keyed by pairs of catalog ids; pairs whose drugs the catalog does not know are left out.

    ``resolve_name`` maps a source drug name to a catalog id (or None). It is called once per distinct name. Pairs
    that resolve to the same catalog drug twice (two salts of one drug) are dropped: a drug does not interact with
    itself. Within one pack, one pair can carry several ratings (ANSM grades by dose); all are kept, most severe first.
    """
    cache: dict[str, str | None] = {}

    def resolve(name: str) -> str | None:
        if name not in cache:
            cache[name] = resolve_name(name)
        return cache[name]

    ratings: dict[frozenset[str], list[PairRating]] = {}
    for pack in packs:
        seen: set[tuple[frozenset[str], PairRating]] = set()
        for item in pack.interactions:
            id_a, id_b = resolve(item.drug_a), resolve(item.drug_b)
            if id_a is None or id_b is None or id_a == id_b:
                continue
            key = frozenset((id_a, id_b))
            rating = PairRating(source=pack.name, severity=item.severity, mechanism=item.mechanism,
                                effect=item.effect, management=item.management, evidence=item.evidence,
                                reference=item.reference)
            if (key, rating) in seen:
                continue  # several source names (salts, routes) collapse to one catalog pair with the same text
            seen.add((key, rating))
            ratings.setdefault(key, []).append(rating)
    for found in ratings.values():
        found.sort(key=lambda r: -SEVERITY_RANK.get(r.severity, 0))
    return ratings


def atc_names(packs: Iterable[ImportedPack]) -> dict[str, str]:
    """ATC code → name over all ATC packs (a later pack wins for a code both have)."""
    names: dict[str, str] = {}
    for pack in packs:
        for entry in pack.atc:
            names[entry.code] = entry.name
    return names


def pack_search_names(packs: Iterable[ImportedPack]) -> list[tuple[str, list[str]]]:
    """(pack drug key, names) for the drug search: key ``"<pack>:<id or name>"``, names = the source's names."""
    out: list[tuple[str, list[str]]] = []
    for pack in packs:
        grouped: dict[str, list[str]] = {}
        for drug in pack.drug_names:
            key = f"{pack.name}:{drug.external_id or drug.name}"
            names = grouped.setdefault(key, [])
            if drug.name not in names:
                names.append(drug.name)
        out.extend(grouped.items())
    return out
