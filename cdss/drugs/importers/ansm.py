"""ANSM thesaurus import: tells the accepted files apart and hands them to the French or English importer.

Accepted files (any order): the French thesaurus JSON, its substances index JSON and ``substance_rxnorm_mappings.tsv``
(→ pack ``ansm-fr``); or the English 2016 ``interactions_en_2016.tsv``, ``class_members_en_2016.tsv`` and
``atc_codes_en_2016.tsv`` (→ pack ``ansm-en-2016``). When only the main file is given, its companions are looked
for beside it, since without the class tables most entries (class-level) would match no drug.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from cdss.drugs.importers.ansm_en import import_ansm_en
from cdss.drugs.importers.ansm_fr import import_ansm_fr
from cdss.drugs.importers.reading import header_of, read_json
from cdss.drugs.packs import ImportedPack
from cdss.errors import ImportRejected
from cdss.progress import Progress

_KINDS_TSV = (
    ("en_interactions", ("Drug Interaction ID", "Drug 1 Name", "Drug 2 Name", "Severity")),
    ("en_classes", ("Drug Name", "RxNorm", "Class Name")),
    ("en_atc", ("ATC Code", "Drug Name")),
    ("fr_rxnorm", ("substance", "RxNorm")),
)
_COMPANIONS = {
    "fr_index": "substances_index*.json",
    "fr_rxnorm": "substance_rxnorm_mappings*.tsv",
    "en_classes": "class_members_en*.tsv",
    "en_atc": "atc_codes_en*.tsv",
}
_EXPECTED = ("the ANSM thesaurus JSON (list of {main_drug, plus_drug, severity_levels, ...}), the substances index "
             "JSON (list of {substance, drug_classes}), substance_rxnorm_mappings.tsv, or the English 2016 TSV tables "
             "(interactions_en_2016.tsv, class_members_en_2016.tsv, atc_codes_en_2016.tsv)")


def import_ansm(paths: Sequence[Path], *, imported_at: str, progress: Progress | None = None) -> ImportedPack:
    found: dict[str, tuple[Path, Any]] = {}
    for path in paths:
        kind, data = _classify(path)
        if kind in found:
            raise ImportRejected("ansm_duplicate_file", f"{path} and {found[kind][0]} are the same kind of ANSM file; "
                                 "give one of each.", path=str(path))
        found[kind] = (path, data)
    if "fr_thesaurus" in found and "en_interactions" in found:
        raise ImportRejected("ansm_two_editions", "Both the French 2020 thesaurus and the English 2016 tables were "
                             "given; import each edition separately (they become two packs).")
    if "fr_thesaurus" in found:
        _add_companions(found, found["fr_thesaurus"][0], ("fr_index", "fr_rxnorm"))
        thesaurus_path, thesaurus = found["fr_thesaurus"]
        index_path, index = found.get("fr_index", (None, None))
        rxnorm_path = found["fr_rxnorm"][0] if "fr_rxnorm" in found else None
        return import_ansm_fr(thesaurus, thesaurus_path, index, index_path, rxnorm_path,
                              imported_at=imported_at, progress=progress)
    if "en_interactions" in found:
        _add_companions(found, found["en_interactions"][0], ("en_classes", "en_atc"))
        return import_ansm_en(found["en_interactions"][0],
                              found["en_classes"][0] if "en_classes" in found else None,
                              found["en_atc"][0] if "en_atc" in found else None,
                              imported_at=imported_at, progress=progress)
    raise ImportRejected("ansm_no_thesaurus", "No ANSM thesaurus file given: expected thesaurus_*.json (French) or "
                         "interactions_en_2016.tsv (English) among the files.")


def _classify(path: Path) -> tuple[str, Any]:
    if path.suffix.lower() == ".json":
        data = read_json(path)
        if isinstance(data, list) and data and isinstance(data[0], dict):
            if "main_drug" in data[0]:
                return "fr_thesaurus", data
            if "substance" in data[0]:
                return "fr_index", data
        raise ImportRejected("ansm_bad_shape", f"{path}: JSON of an unexpected shape; expected {_EXPECTED}.",
                             path=str(path))
    header = header_of(path, "\t")
    for kind, columns in _KINDS_TSV:
        if all(column in header for column in columns):
            return kind, None
    raise ImportRejected("columns_missing", f"{path}, line 1: not an ANSM file (columns found: "
                         f"{', '.join(header[:12])}); expected {_EXPECTED}.", path=str(path), line=1)


def _add_companions(found: dict[str, tuple[Path, Any]], main: Path, kinds: Sequence[str]) -> None:
    for kind in kinds:
        if kind in found:
            continue
        candidates = sorted(main.parent.glob(_COMPANIONS[kind]))
        if len(candidates) == 1:  # only when unambiguous: never guess between two editions
            found_kind, data = _classify(candidates[0])
            if found_kind == kind:
                found[kind] = (candidates[0], data)
