"""What the Drugs room needs from the domain layer, loaded once in the background.

Loading reads the shipped knowledge pack, builds the search index (pinyin included) and resolves any packs imported
into the workspace (DDInter, ANSM) to catalog pairs — a second or so, which is why it never runs at start-up.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from cdss.drugs.catalog import Catalog, PackError
from cdss.drugs.checker import PatientContext, check
from cdss.drugs.monographs import Monographs
from cdss.drugs.partners import DrugInteraction, main_interactions
from cdss.drugs.ratings import ExtraRatings
from cdss.drugs.search import DrugSearch, SearchHit
from cdss.i18n import ENGLISH, localized, pick
from cdss.ui.i18n import shown_language
from cdss.workspace import Workspace

log = logging.getLogger(__name__)

_SECTIONS = (
    ("indications", QT_TRANSLATE_NOOP("Monograph", "Indications")),
    ("adult_dose", QT_TRANSLATE_NOOP("Monograph", "Adult dose")),
    ("paediatric_dose", QT_TRANSLATE_NOOP("Monograph", "Children")),
    ("renal_adjustment", QT_TRANSLATE_NOOP("Monograph", "Renal impairment")),
    ("hepatic_adjustment", QT_TRANSLATE_NOOP("Monograph", "Hepatic impairment")),
    ("elderly", QT_TRANSLATE_NOOP("Monograph", "Older patients")),
    ("contraindications", QT_TRANSLATE_NOOP("Monograph", "Contraindications")),
    ("boxed_warning", QT_TRANSLATE_NOOP("Monograph", "Boxed and serious warnings")),
    ("pregnancy", QT_TRANSLATE_NOOP("Monograph", "Pregnancy")),
    ("lactation", QT_TRANSLATE_NOOP("Monograph", "Lactation")),
    ("adverse_effects", QT_TRANSLATE_NOOP("Monograph", "Adverse effects")),
    ("monitoring", QT_TRANSLATE_NOOP("Monograph", "Monitoring")),
    ("dosage_forms_cn", QT_TRANSLATE_NOOP("Monograph", "Dosage forms in China")),
)


@dataclass(frozen=True)
class SectionView:
    key: str
    heading: str
    state: str  # text | reason (not available, with why) | missing (not written yet)
    text: str
    source: str


@dataclass(frozen=True)
class MonographView:
    drug_id: str
    title: str
    subtitle: str
    summary: str | None = None
    nrdl: str | None = None  # "A" | "B" | "none" | None
    essential_cn: bool | None = None
    sections: tuple[SectionView, ...] = ()
    interactions: tuple[DrugInteraction, ...] = ()


class DrugsBackend:
    def __init__(self, catalog: Catalog, search: DrugSearch, extra_ratings: ExtraRatings | None,
                 pack_errors: tuple[str, ...] = ()) -> None:
        self.catalog = catalog
        self._search = search
        self._extra = extra_ratings
        self.pack_errors = pack_errors
        self._monographs = Monographs(catalog.pack_dir)

    @classmethod
    def load(cls, workspace: Workspace | None) -> DrugsBackend:
        """The workspace's drug knowledge — the same cached service decision support in the record uses, so both
        check against the same packs — and a search index over the catalog."""
        from cdss.drugs.knowledge import DrugKnowledge

        knowledge = DrugKnowledge.for_workspace(workspace) if workspace is not None else DrugKnowledge.load(None)
        # Imported packs add ratings for catalog pairs; their extra drug names are not searchable here because a
        # drug the catalog does not know cannot be checked.
        search = DrugSearch(knowledge.catalog)
        search.prepare_typo_index()  # this runs on a loader thread: the first misspelling then costs nothing extra
        return cls(knowledge.catalog, search, knowledge.extra_ratings, knowledge.pack_errors)

    def search(self, query: str, limit: int) -> list[SearchHit]:
        return self._search.search(query, limit)

    def monograph(self, drug_id: str) -> MonographView:
        drug = self.catalog.get(drug_id)
        if drug is None:
            return MonographView(drug_id, drug_id, "")
        language = shown_language()
        # The title is the name in the interface language; the dictionary's other-language generic name is a fact
        # of the entry and opens the subtitle: the English name under a translated title, else the Chinese one (the
        # dictionary is bilingual English/Chinese).
        title = pick(drug, "name", language)
        english = pick(drug, "name", ENGLISH)
        other = english if title != english else pick(drug, "name", "zh")
        klass = pick(drug, "class", language)
        brands = ", ".join((*drug.brands_cn, *drug.brands_intl))
        subtitle = " · ".join(part for part in (other if other != title else "", klass,
                                                "ATC " + ", ".join(drug.atc) if drug.atc else "", brands) if part)
        try:
            mono = self._monographs.get(drug.id, drug.area)
        except PackError as exc:  # a damaged monograph file must not hide the drug's name and interactions
            log.warning("monograph of %s unreadable: %s", drug.id, exc)
            mono = None
        sections = []
        for key, heading in _SECTIONS:
            section = mono.section(key) if mono is not None else None
            if section is None:
                state, text, source = "missing", "", ""
            else:
                state = "text" if section.available else "reason"
                text, source = localized(section, language), pick(section, "source", language)
            sections.append(SectionView(key, QCoreApplication.translate("Monograph", heading), state, text, source))
        summary = pick(mono, "summary", language) if mono is not None else None
        partners = main_interactions(self.catalog, drug.id, language=language)
        return MonographView(drug.id, title, subtitle, summary, mono.nrdl if mono else None,
                             mono.essential_cn if mono else None, tuple(sections), tuple(partners))

    def renal(self, context: dict[str, Any]) -> tuple[float | None, float | None]:
        egfr, crcl, _notes = _context(context).renal_values()
        return crcl, egfr

    def check(self, drug_ids: list[str], context: dict[str, Any]) -> dict[str, Any]:
        return check(drug_ids, _context(context), self.catalog, extra_ratings=self._extra).to_dict()


def _context(values: dict[str, Any]) -> PatientContext:
    fields = dict(values)
    fields["allergies"] = tuple(fields.get("allergies", ()))
    return PatientContext(**fields)
