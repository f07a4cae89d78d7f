"""Frozen dataclasses for drug entries, as loaded from the knowledge pack (see data/drugs/SCHEMA.md)."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field


@dataclass(frozen=True)
class RenalThreshold:
    measure: str  # egfr | crcl
    below: float
    action: str
    text_en: str
    text_zh: str | None
    source: str


@dataclass(frozen=True)
class ClinicalNote:
    """Hepatic, pregnancy or lactation note: an action token plus text and source."""

    action: str
    text_en: str
    text_zh: str | None
    source: str


@dataclass(frozen=True)
class AllergyInfo:
    groups: tuple[str, ...]
    generation: int | None
    r1_side_chain: str | None


@dataclass(frozen=True)
class Drug:
    id: str
    name_en: str
    name_zh: str
    synonyms_en: tuple[str, ...]
    synonyms_zh: tuple[str, ...]
    brands_cn: tuple[str, ...]
    brands_intl: tuple[str, ...]
    atc: tuple[str, ...]
    class_en: str
    class_zh: str
    cyp: tuple[tuple[str, tuple[str, ...]], ...]  # ((enzyme, roles), ...)
    pgp: tuple[str, ...]
    qt_risk: str | None
    flags: frozenset[str]
    tags: frozenset[str]
    acb: int | None
    renal: tuple[RenalThreshold, ...]
    hepatic: ClinicalNote | None
    pregnancy: ClinicalNote | None
    lactation: ClinicalNote | None
    allergy: AllergyInfo
    property_sources: tuple[str, ...]
    notes: str | None
    area: str
    pinyin: str = ""  # derived at load time from name_zh (pypinyin), lowercase, no spaces
    pinyin_initials: str = ""
    # UGT isoforms and drug transporters, same shape as ``cyp`` (absent in the pack = none known to us)
    ugt: tuple[tuple[str, tuple[str, ...]], ...] = ()
    transporters: tuple[tuple[str, tuple[str, ...]], ...] = ()
    kind: str = "drug"  # drug | herbal (herbal medicines and Chinese proprietary products)
    # "3A4:inhibitor_strong", "UGT2B7:substrate", "OATP1B1:inhibitor", … for fast rule matching
    pk_tokens: frozenset[str] = field(default=frozenset())

    def cyp_roles(self, enzyme: str) -> tuple[str, ...]:
        for name, roles in self.cyp:
            if name == enzyme:
                return roles
        return ()

    def transporter_roles(self, transporter: str) -> tuple[str, ...]:
        for name, roles in self.transporters:
            if name == transporter:
                return roles
        return ()

    @functools.cached_property
    def atc_level4(self) -> frozenset[str]:
        """ATC chemical subgroups (first five characters), used for duplicate-therapy detection."""
        return frozenset(code[:5] for code in self.atc if len(code) >= 5)

    def all_names(self) -> tuple[str, ...]:
        return (self.name_en, self.name_zh, *self.synonyms_en, *self.synonyms_zh, *self.brands_cn, *self.brands_intl)
