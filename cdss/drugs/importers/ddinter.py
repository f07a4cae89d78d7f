"""DDInter bulk-download CSVs (one per ATC letter) plus the optional DDInter-id cross-reference, as one pack.

Columns: ``DDInterID_A, Drug_A, DDInterID_B, Drug_B, Level``; the cross-reference has ``DDInterID, drugbank_id,
chembl_id, pubchem_cid``. The same pair appears in the file of each drug's ATC letter, so pairs are de-duplicated
as unordered id pairs across files.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from cdss.drugs.importers.reading import TableReader, header_of
from cdss.drugs.packs import ImportedPack, PackDrugName, PackInteraction
from cdss.drugs.ratings import SEVERITY_RANK
from cdss.errors import ImportRejected
from cdss.progress import Progress, ensure_progress

PACK_NAME = "ddinter"
INTERACTION_COLUMNS = ("DDInterID_A", "Drug_A", "DDInterID_B", "Drug_B", "Level")
XREF_COLUMNS = ("DDInterID", "drugbank_id", "chembl_id", "pubchem_cid")
LICENCE = ("CC BY-NC-SA 4.0 (DDInter terms: personal, non-commercial, informational or scholarly use with "
           "attribution; not for commercial products; redistribution must keep attribution and licence)")
SOURCE = ("DDInter, ddinter.scbdd.com bulk downloads (Xiong G. et al., Nucleic Acids Res 2022;50:D1200; "
          "DDInter 2.0: Tian et al., NAR 2025;53:D1356)")

# DDInter grades pairs itself on four levels; three map one-to-one onto the app's tiers of the same name.
# DDInter has no "contraindicated" level, so nothing from it is ever raised to that tier.
# "Unknown" means DDInter lists the pair but has not graded it: it is *not* evidence of a minor interaction, so it
# stays "unknown" (the checker shows it as listed-but-ungraded rather than hiding or downgrading it).
SEVERITY_MAP = {
    "major": "major",
    "moderate": "moderate",
    "minor": "minor",
    "unknown": "unknown",
}

_ID_PATTERN = re.compile(r"DDInter\d+")
_LETTER_PATTERN = re.compile(r"ddinter_downloads_code_([A-Z])", re.IGNORECASE)


def import_ddinter(paths: Sequence[Path], *, imported_at: str, progress: Progress | None = None) -> ImportedPack:
    """Parse all given DDInter files into one pack; any bad file rejects the whole import."""
    progress = ensure_progress(progress)
    interaction_files, xref_files = _classify(paths)
    if not interaction_files:
        raise ImportRejected("ddinter_no_interaction_file",
                             "No DDInter interaction file given (expected a CSV with columns "
                             f"{', '.join(INTERACTION_COLUMNS)}, e.g. ddinter_downloads_code_A.csv).")
    pairs: dict[frozenset[str], PackInteraction] = {}
    names: dict[str, str] = {}
    conflicts = 0
    total = len(interaction_files) + len(xref_files)
    for done, path in enumerate(interaction_files):
        progress.update(done, total, f"Reading {path.name}")
        conflicts += _read_interactions(path, pairs, names)
    other_ids: dict[str, tuple[str, ...]] = {}
    for done, path in enumerate(xref_files, start=len(interaction_files)):
        progress.update(done, total, f"Reading {path.name}")
        other_ids.update(_read_xref(path))
    progress.update(total, total, "DDInter files read")

    drug_names = tuple(PackDrugName(name=name, external_id=drug_id, other_ids=other_ids.get(drug_id, ()))
                       for drug_id, name in sorted(names.items(), key=lambda item: _id_number(item[0])))
    letters = sorted({m.group(1).upper() for p in interaction_files if (m := _LETTER_PATTERN.search(p.name))})
    notes = [
        "Coverage: a pair appears only if one of its drugs is in an imported ATC-letter file"
        + (f" (imported letters: {', '.join(letters)})" if letters else "")
        + ". No row does not mean no interaction.",
        "DDInter bulk files carry no mechanism or management text; 'unknown' means listed but not graded.",
    ]
    if conflicts:
        notes.append(f"{conflicts} pairs had different levels in different files; the more severe level was kept.")
    return ImportedPack(
        name=PACK_NAME, format="ddinter",
        version="bulk download" + (f", ATC letters {''.join(letters)}" if letters else ""),
        source=SOURCE, licence=LICENCE, imported_at=imported_at,
        interactions=tuple(pairs.values()), drug_names=drug_names, notes=tuple(notes),
    )


def _classify(paths: Sequence[Path]) -> tuple[list[Path], list[Path]]:
    interaction_files, xref_files = [], []
    for path in paths:
        header = header_of(path, ",")
        if all(column in header for column in INTERACTION_COLUMNS):
            interaction_files.append(path)
        elif all(column in header for column in XREF_COLUMNS):
            xref_files.append(path)
        else:
            raise ImportRejected("columns_missing",
                                 f"{path}, line 1: not a DDInter file; expected columns "
                                 f"{', '.join(INTERACTION_COLUMNS)} (interactions) or {', '.join(XREF_COLUMNS)} "
                                 f"(cross-reference), found {', '.join(header[:12])}.",
                                 path=str(path), line=1, expected=list(INTERACTION_COLUMNS))
    return interaction_files, xref_files


def _read_interactions(path: Path, pairs: dict[frozenset[str], PackInteraction], names: dict[str, str]) -> int:
    """Add the file's pairs; returns how many pairs met a different level already read from another file."""
    reader = TableReader(path, INTERACTION_COLUMNS)
    conflicts = 0
    for row in reader:
        id_a, id_b = row["DDInterID_A"], row["DDInterID_B"]
        for drug_id in (id_a, id_b):
            if not _ID_PATTERN.fullmatch(drug_id):
                raise reader.reject("ddinter_bad_id", f"{drug_id!r} is not a DDInter id (DDInter<number>)")
        name_a, name_b = row["Drug_A"].lower(), row["Drug_B"].lower()
        if not name_a or not name_b:
            raise reader.reject("ddinter_missing_name", "a drug name is empty")
        level = row["Level"].lower()
        if level not in SEVERITY_MAP:
            raise reader.reject("ddinter_unknown_level",
                                f"level {row['Level']!r} is not one of Major, Moderate, Minor, Unknown")
        names.setdefault(id_a, name_a)
        names.setdefault(id_b, name_b)
        if id_a == id_b:
            continue  # a drug with itself: nothing for a pair checker
        key = frozenset((id_a, id_b))
        severity = SEVERITY_MAP[level]
        existing = pairs.get(key)
        if existing is not None:
            if existing.severity == severity:
                continue
            conflicts += 1
            if SEVERITY_RANK[existing.severity] >= SEVERITY_RANK[severity]:
                continue  # keep the more severe grading: under-warning is the worse error
        # Order by id number so the stored pair does not depend on which letter file came first.
        (first_id, first), (second_id, second) = sorted(((id_a, name_a), (id_b, name_b)),
                                                        key=lambda item: _id_number(item[0]))
        pairs[key] = PackInteraction(
            drug_a=first, drug_b=second, severity=severity, evidence=f"DDInter level: {row['Level']}",
            reference=f"DDInter {first_id}–{second_id}", drug_a_id=first_id, drug_b_id=second_id,
        )
    return conflicts


def _read_xref(path: Path) -> dict[str, tuple[str, ...]]:
    reader = TableReader(path, XREF_COLUMNS)
    found: dict[str, tuple[str, ...]] = {}
    for row in reader:
        drug_id = row["DDInterID"]
        if not _ID_PATTERN.fullmatch(drug_id):
            raise reader.reject("ddinter_bad_id", f"{drug_id!r} is not a DDInter id (DDInter<number>)")
        ids = []
        for column, prefix in (("drugbank_id", "drugbank"), ("chembl_id", "chembl"), ("pubchem_cid", "pubchem")):
            if row[column]:
                ids.append(f"{prefix}:{row[column]}")
        found[drug_id] = tuple(ids)
    return found


def _id_number(drug_id: str) -> int:
    return int(drug_id[len("DDInter"):])
