"""Free-text medication names (as typed, or as imported: Synthea writes RxNorm names such as
"24 HR Metformin hydrochloride 500 MG Extended Release Oral Tablet") → catalog ids.

Only exact name lookups are made (after removing strength, dose form, pack size and salt words); a near miss is never
taken, because a safety check must run on the drug that was prescribed. A combination product resolves to every
ingredient it contains.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from cdss.drugs.catalog import Catalog

# "NDA020800", "24 HR", "120 ACTUAT", "0.3 ML" before the ingredient (RxNorm clinical drug names).
_LEADING = re.compile(r"^(?:NDA\d+\s+|\d+(?:\.\d+)?\s+(?:HR|ACTUAT|ML|DAY)\s+)+", re.IGNORECASE)
_BRACKET = re.compile(r"\[([^\]]+)\]")
# A strength: a number followed by a unit ("20 MG", "0.09 MG/ACTUAT", "70 UNT/ML") or a ratio ("0.15/30").
_STRENGTH = re.compile(
    r"\s\d+(?:\.\d+)?\s*(?:MG|MCG|G|ML|UNT|UNITS?|MEQ|%|MMOL|IU|MG/ML|MG/ACTUAT|MCG/ACTUAT|UNT/ML|MG/HR)\b"
    r"|\s\d+(?:\.\d+)?/\d+(?:\.\d+)?\b|\s\d+\s+DAY\s+PACK\b", re.IGNORECASE)
#: Salt and ester words dropped when the full ingredient name is not known ("metformin hydrochloride" → metformin).
SALT_WORDS = frozenset({
    "hydrochloride", "hcl", "hydrobromide", "sodium", "potassium", "calcium", "magnesium", "maleate", "mesylate",
    "besylate", "besilate", "succinate", "tartrate", "fumarate", "citrate", "sulfate", "sulphate", "acetate",
    "propionate", "phosphate", "bromide", "dihydrate", "monohydrate", "trihydrate", "disodium", "medoxomil",
    "axetil", "pivoxil", "dipropionate", "furoate", "xinafoate", "monohydrochloride", "dihydrochloride",
    "bitartrate", "hyclate", "estolate", "ethylsuccinate", "lactate", "gluconate", "carbonate", "chloride",
})

#: Chinese dose-form suffixes, longest first so that "缓释片" is removed before "片".
ZH_DOSE_FORMS = ("缓释胶囊", "肠溶胶囊", "缓释片", "控释片", "肠溶片", "分散片", "咀嚼片", "注射液", "口服液",
                 "滴眼液", "气雾剂", "混悬液", "胶囊", "颗粒", "乳膏", "软膏", "粉针", "贴剂", "片")


@dataclass(frozen=True)
class NameResolution:
    name: str
    drug_ids: tuple[str, ...]  # empty: not resolved
    unresolved_parts: tuple[str, ...] = ()  # ingredients of a combination that did not resolve

    @property
    def resolved(self) -> bool:
        return bool(self.drug_ids) and not self.unresolved_parts


def ingredient_phrases(name: str) -> tuple[list[str], list[str]]:
    """(ingredient phrases, brand names in brackets) of a medication name."""
    brands = [b.strip() for b in _BRACKET.findall(name) if b.strip()]
    text = _BRACKET.sub(" ", name)
    text = _LEADING.sub("", " ".join(text.split()))
    phrases = []
    for part in text.split(" / "):
        part = " " + part.strip()
        match = _STRENGTH.search(part)
        phrase = part[: match.start()] if match else part
        phrase = " ".join(phrase.split())
        if phrase:
            phrases.append(phrase)
    return phrases, brands


def _variants(phrase: str) -> list[str]:
    """Spellings of one ingredient to look up, most literal first."""
    words = phrase.split()
    out = [phrase]
    stripped = [w for w in words if w.casefold() not in SALT_WORDS]
    if stripped and len(stripped) < len(words):
        out.append(" ".join(stripped))
    # "clavulanate" is listed as "clavulanic acid", "valproate" as "valproic acid"
    if len(words) == 1 and words[0].casefold().endswith("ate"):
        out.append(words[0][:-3] + "ic acid")
    if len(words) == 2:  # "Ethinyl Estradiol" is listed as "ethinylestradiol"
        out.append("".join(words))
    for suffix in ZH_DOSE_FORMS:  # "美托洛尔缓释片" → 美托洛尔
        if phrase.endswith(suffix) and len(phrase) > len(suffix):
            out.append(phrase[: -len(suffix)])
            break
    if "," in phrase:  # "NITROFURANTOIN, MACROCRYSTALS": the ingredient comes before the comma
        out.append(phrase.split(",")[0].strip())
    return [v for v in dict.fromkeys(out) if v]


def _lookup(phrase: str, catalog: Catalog) -> str | None:
    for variant in _variants(phrase):
        found = catalog.resolve_name(variant)
        if found is not None:
            return found
    return None


def _lookup_combination(phrases: list[str], catalog: Catalog) -> str | None:
    """A fixed combination listed as one entry ("amoxicillin/clavulanic acid")."""
    if not 2 <= len(phrases) <= 3:
        return None
    options = [_variants(p) for p in phrases]
    for combo in itertools.product(*options):
        for joiner in ("/", " / ", " and "):
            found = catalog.resolve_name(joiner.join(combo))
            if found is not None:
                return found
    return None


def resolve_medication_name(name: str, catalog: Catalog, drug_id: str | None = None) -> NameResolution:
    """Catalog ids for one medication; a stored ``drug_id`` the catalog knows wins over the name."""
    if drug_id and drug_id in catalog:
        return NameResolution(name, (drug_id,))
    whole = catalog.resolve_name(name)
    if whole is not None:
        return NameResolution(name, (whole,))
    phrases, brands = ingredient_phrases(name)
    combined = _lookup_combination(phrases, catalog)
    if combined is not None:
        return NameResolution(name, (combined,))
    ids: list[str] = []
    missing: list[str] = []
    for phrase in phrases:
        found = _lookup(phrase, catalog)
        if found is None:
            missing.append(phrase)
        elif found not in ids:
            ids.append(found)
    if missing:
        # A brand in brackets names the whole product ("Carbamazepine[Tegretol]"): use it when the parts failed.
        for brand in brands:
            found = catalog.resolve_name(brand)
            if found is not None:
                return NameResolution(name, (found,))
    return NameResolution(name, tuple(ids), tuple(missing))
