"""WHO ATC/DDD index as scraped by fabkury/atcd: ``atc_code, atc_name, ddd, uom, adm_r, note`` (``NA`` = empty).

A code with several DDDs (per route) has several rows; each becomes one :class:`AtcEntry`. The pack has no
interactions: it gives the checker and the search ATC names and DDDs.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from pathlib import Path

from cdss.drugs.importers.reading import TableReader
from cdss.drugs.packs import AtcEntry, ImportedPack
from cdss.errors import ImportRejected
from cdss.progress import Progress, ensure_progress

PACK_NAME = "who-atc"
COLUMNS = ("atc_code", "atc_name", "ddd", "uom", "adm_r", "note")
LICENCE = ("CC BY-NC-SA 4.0 (fabkury/atcd scrape); WHOCC ATC/DDD Index: use permitted, no commercial "
           "redistribution without WHOCC permission. Attribute WHO Collaborating Centre for Drug Statistics "
           "Methodology.")
SOURCE = "WHO Collaborating Centre for Drug Statistics Methodology, ATC/DDD Index (atcddd.fhi.no), scraped by F. Kury"

# The five ATC levels: A / A01 / A01A / A01AA / A01AA01.
_CODE_PATTERN = re.compile(r"[A-Z](\d{2}([A-Z]([A-Z](\d{2})?)?)?)?")
_DATE_PATTERN = re.compile(r"(\d{4}-\d{2}-\d{2})")


def import_atc(paths: Sequence[Path], *, imported_at: str, progress: Progress | None = None) -> ImportedPack:
    progress = ensure_progress(progress)
    if len(paths) != 1:
        raise ImportRejected("atc_one_file", f"The ATC importer takes one CSV file ({len(paths)} given).")
    path = paths[0]
    progress.update(0, 1, f"Reading {path.name}")
    reader = TableReader(path, COLUMNS)
    entries: list[AtcEntry] = []
    for row in reader:
        code = row["atc_code"].upper()
        if not _CODE_PATTERN.fullmatch(code):
            raise reader.reject("atc_bad_code", f"{row['atc_code']!r} is not an ATC code (e.g. A, A01, A01AA01)")
        name = _value(row["atc_name"])
        if name is None:
            raise reader.reject("atc_missing_name", f"ATC code {code} has no name")
        ddd_text = _value(row["ddd"])
        try:
            ddd = float(ddd_text) if ddd_text is not None else None
        except ValueError:
            raise reader.reject("atc_bad_ddd", f"DDD {ddd_text!r} is not a number") from None
        if ddd is not None and (not math.isfinite(ddd) or ddd < 0):
            raise reader.reject("atc_bad_ddd", f"DDD {ddd_text!r} is not a usable dose")
        entries.append(AtcEntry(code=code, name=name, ddd=ddd, unit=_value(row["uom"]), route=_value(row["adm_r"]),
                                note=_value(row["note"])))
    if not entries:
        raise ImportRejected("file_no_rows", f"{path} has a header but no ATC rows.", path=str(path))
    progress.update(1, 1, "ATC index read")
    date = _DATE_PATTERN.search(path.name)
    return ImportedPack(
        name=PACK_NAME, format="atc", version=f"scrape of {date.group(1)}" if date else "unknown date",
        source=SOURCE, licence=LICENCE, imported_at=imported_at, atc=tuple(entries),
        notes=("English names only. One substance can have several codes; one code can have several DDDs.",),
    )


def _value(text: str) -> str | None:
    """``NA`` and blank cells mean 'not given' in this scrape."""
    return None if text in ("", "NA") else text
