"""Importers of external drug-interaction and ATC sources into :class:`~cdss.drugs.packs.ImportedPack` objects.

``import_pack(format, paths)`` parses; ``import_pack_into(store, format, paths)`` parses then saves. Parsing finishes
completely before anything is written, so a refused or cancelled import leaves the store as it was.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path

from cdss.drugs.packs import ImportedPack, PackStore
from cdss.errors import ImportRejected
from cdss.progress import Progress

FORMATS: tuple[str, ...] = ("ddinter", "ansm", "atc")


def _importer(format_name: str) -> Callable[..., ImportedPack]:
    # Imported lazily so that loading this package (e.g. for the CLI parser) stays cheap.
    if format_name == "ddinter":
        from cdss.drugs.importers.ddinter import import_ddinter

        return import_ddinter
    if format_name == "ansm":
        from cdss.drugs.importers.ansm import import_ansm

        return import_ansm
    if format_name == "atc":
        from cdss.drugs.importers.atc import import_atc

        return import_atc
    raise ImportRejected("pack_format_unknown",
                         f"Unknown pack format {format_name!r}; use one of {', '.join(FORMATS)}.", format=format_name)


def import_pack(format_name: str, paths: Sequence[Path | str], *, progress: Progress | None = None,
                imported_at: str | None = None) -> ImportedPack:
    """Parse source files of one format into a pack (nothing is saved)."""
    if not paths:
        raise ImportRejected("pack_no_files", "No files given to import.")
    stamp = imported_at or datetime.now(UTC).replace(microsecond=0).isoformat()
    return _importer(format_name)([Path(p) for p in paths], imported_at=stamp, progress=progress)


def import_pack_into(store: PackStore, format_name: str, paths: Sequence[Path | str], *,
                     progress: Progress | None = None) -> ImportedPack:
    """Parse, then save (replacing a previous import of the same source). All or nothing."""
    pack = import_pack(format_name, paths, progress=progress)
    if not pack.interactions and not pack.atc:
        # a header-only or self-pairs-only file would otherwise replace a 12,000-pair pack with nothing
        names = ", ".join(Path(p).name for p in paths)
        raise ImportRejected("pack_would_be_empty", f"{names}: no usable {format_name} entries (only a header or "
                             f"self-pairs?); the {pack.name} pack already imported (if any) was kept.",
                             pack=pack.name, files=names)
    store.save(pack)
    return pack


__all__ = ["FORMATS", "import_pack", "import_pack_into"]
