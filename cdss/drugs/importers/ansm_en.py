"""ANSM thesaurus, English 2016 translation (WorldVistA, with RxNorm CUIs), expanded from classes to drug pairs.

``interactions_en_2016.tsv`` names each side either as a drug (name + RxCUI) or as a class;
``class_members_en_2016.tsv`` lists class members (with RxCUIs) and ``atc_codes_en_2016.tsv`` gives ATC codes by
drug name. Names become lowercase English. The Severity column is hand-typed (typos, casing, trailing "with:"),
so it is matched by keyword.
"""

from __future__ import annotations

from pathlib import Path

from cdss.drugs.importers.ansm_common import (
    LICENCE_EN,
    SOURCE_EN,
    clean_text,
    entry_label,
    name_key,
    unique_interactions,
)
from cdss.drugs.importers.reading import TableReader
from cdss.drugs.packs import ImportedPack, PackDrugName, PackInteraction
from cdss.errors import ImportRejected
from cdss.progress import Progress, ensure_progress

PACK_NAME = "ansm-en-2016"
INTERACTION_COLUMNS = ("Drug Interaction ID", "Drug 1 Name", "Drug 1 RxCUI", "Drug 1 Class Name", "Drug 2 Name",
                       "Drug 2 RxCUI", "Drug 2 Class Name", "Description", "Severity", "Comment")
CLASS_COLUMNS = ("Drug Name", "RxNorm", "Class Name")
ATC_COLUMNS = ("ATC Code", "Drug Name")

# Keywords tried most-severe first on the normalised Severity text, so a combined grading such as
# "Contraindication - Not recommended - Precaution for use" takes its most severe part (the full text is kept as
# evidence). The tiers follow the French levels these translate (see ansm_fr.SEVERITY_MAP for the reasons):
SEVERITY_KEYWORDS = (
    # "CONTRAINDICATION" and its typos (CONTRAINDICATON, C0NTRAINDICATION, CONTRA-INDICATION) = Contre-indication.
    (("contra", "c0ntra"), "contraindicated"),
    # "Not recommended" (and "Nor recommended", "Not reommended") = Association déconseillée.
    (("not re", "nor re"), "major"),
    # "Precaution for use" / "Precaution of use" = Précaution d'emploi.
    (("precaution",), "moderate"),
    # "Take into account" (and "Tale into account") = A prendre en compte.
    (("into account",), "minor"),
)


def severity_of(text: str) -> str:
    """App tier for a Severity cell; text that names no level (a dose note, a pointer to the SmPC) is 'unknown'."""
    key = name_key(text)
    for keywords, severity in SEVERITY_KEYWORDS:
        if any(word in key for word in keywords):
            return severity
    return "unknown"


def import_ansm_en(interactions_path: Path, classes_path: Path | None, atc_path: Path | None, *,
                   imported_at: str, progress: Progress | None = None) -> ImportedPack:
    progress = ensure_progress(progress)
    progress.update(0, 3, f"Reading {interactions_path.name}")
    rows = list(TableReader(interactions_path, INTERACTION_COLUMNS, delimiter="\t"))
    members: dict[str, list[tuple[str, str | None]]] = {}
    if classes_path is not None:
        progress.update(1, 3, f"Reading {classes_path.name}")
        for row in TableReader(classes_path, CLASS_COLUMNS, delimiter="\t"):
            entry = (" ".join(row["Drug Name"].lower().split()), _cui(row["RxNorm"]))
            group = members.setdefault(name_key(row["Class Name"]), [])
            if entry[0] and entry not in group:
                group.append(entry)
    atc_by_name: dict[str, str] = {}
    atc_rows_skipped = 0
    if atc_path is not None:
        progress.update(2, 3, f"Reading {atc_path.name}")
        # Five upstream rows hold a drug name with no code (the name sits in the code column): skipped, counted.
        for row in TableReader(atc_path, ATC_COLUMNS, delimiter="\t", pad_short_rows=True):
            if row["ATC Code"] and row["Drug Name"]:
                atc_by_name.setdefault(name_key(row["Drug Name"]), row["ATC Code"].upper())
            else:
                atc_rows_skipped += 1

    interactions: list[PackInteraction] = []
    unresolved: set[str] = set()
    drugs: dict[str, str | None] = {}

    def side(number: int, row: dict[str, str]) -> list[tuple[str, str | None]]:
        name, class_name = row[f"Drug {number} Name"], row[f"Drug {number} Class Name"]
        if name:
            drug = (" ".join(name.lower().split()), _cui(row[f"Drug {number} RxCUI"]))
            drugs.setdefault(*drug)
            return [drug]
        if not class_name:
            raise ImportRejected("ansm_missing_drug",
                                 f"{interactions_path}: interaction {row['Drug Interaction ID'] or '?'} names no "
                                 f"drug {number} and no class {number}.", path=str(interactions_path))
        if members.get(name_key(class_name)):
            return members[name_key(class_name)]
        unresolved.add(class_name)
        return [(" ".join(class_name.lower().split()), None)]

    for row in rows:
        severity_text = " ".join(row["Severity"].split())
        severity = severity_of(severity_text)
        management = clean_text(row["Comment"])
        if severity == "unknown" and severity_text:
            # The cell held a condition or a pointer instead of a level: keep it for the reader, grade nothing.
            management = f"{severity_text} {management or ''}".strip()
        reference = "ANSM thesaurus 2016 (English): " + entry_label(row["Drug 1 Name"] or row["Drug 1 Class Name"],
                                                                    row["Drug 2 Name"] or row["Drug 2 Class Name"])
        for name_a, cui_a in side(1, row):
            for name_b, cui_b in side(2, row):
                interactions.append(PackInteraction(
                    drug_a=name_a, drug_b=name_b, severity=severity, effect=clean_text(row["Description"]),
                    management=management, evidence=f"ANSM 2016: {severity_text or 'no level given'}",
                    reference=reference, drug_a_id=_id(cui_a), drug_b_id=_id(cui_b),
                ))
    for group in members.values():
        for name, cui in group:
            drugs.setdefault(name, cui)
    progress.update(3, 3, "ANSM English tables read")

    notes = ["2016 edition (older than the French 2020-10 thesaurus); English translation by WorldVistA."]
    if classes_path is None:
        notes.append("No class-members table was given: class-level entries were NOT expanded.")
    if atc_rows_skipped:
        notes.append(f"{atc_rows_skipped} rows of the ATC table had no code or no name and were skipped.")
    if unresolved:
        notes.append(f"{len(unresolved)} class names have no member list (kept as written, will not match drugs): "
                     + ", ".join(sorted(unresolved)[:20]) + ("…" if len(unresolved) > 20 else ""))
    return ImportedPack(
        name=PACK_NAME, format="ansm", version="2016 (English, WorldVistA)", source=SOURCE_EN, licence=LICENCE_EN,
        imported_at=imported_at, interactions=unique_interactions(interactions),
        drug_names=tuple(PackDrugName(name=name, external_id=_id(cui), atc=atc_by_name.get(name_key(name)))
                         for name, cui in sorted(drugs.items())),
        notes=tuple(notes),
    )


def _cui(text: str) -> str | None:
    text = text.strip()
    return text if text.isdigit() else None


def _id(cui: str | None) -> str | None:
    return f"rxcui:{cui}" if cui else None
