"""What the Drugs room needs from the domain layer, loaded once in the background.

Loading reads the shipped knowledge pack, builds the search index (pinyin included) and resolves any packs imported
into the workspace (DDInter, ANSM) to catalog pairs — a second or so, which is why it never runs at start-up.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale

from cdss.drugs.catalog import Catalog
from cdss.drugs.checker import PatientContext, check
from cdss.drugs.ratings import ExtraRatings
from cdss.drugs.search import DrugSearch, SearchHit
from cdss.workspace import Workspace

_SECTIONS = (
    ("indications", QT_TRANSLATE_NOOP("Monograph", "Indications")),
    ("adult_dose", QT_TRANSLATE_NOOP("Monograph", "Usual adult dose")),
    ("renal_adjustment", QT_TRANSLATE_NOOP("Monograph", "Renal adjustment")),
    ("hepatic_adjustment", QT_TRANSLATE_NOOP("Monograph", "Hepatic adjustment")),
    ("contraindications", QT_TRANSLATE_NOOP("Monograph", "Contraindications")),
    ("pregnancy", QT_TRANSLATE_NOOP("Monograph", "Pregnancy")),
    ("lactation", QT_TRANSLATE_NOOP("Monograph", "Lactation")),
    ("adverse_effects", QT_TRANSLATE_NOOP("Monograph", "Key adverse effects")),
    ("monitoring", QT_TRANSLATE_NOOP("Monograph", "Monitoring")),
)


@dataclass(frozen=True)
class MonographView:
    title: str
    subtitle: str
    sections: tuple[tuple[str, str | None, str | None], ...]  # (heading, text or None = not available, source)


class DrugsBackend:
    def __init__(self, catalog: Catalog, search: DrugSearch, extra_ratings: ExtraRatings | None,
                 pack_errors: tuple[str, ...] = ()) -> None:
        self.catalog = catalog
        self._search = search
        self._extra = extra_ratings
        self.pack_errors = pack_errors

    @classmethod
    def load(cls, workspace: Workspace | None) -> DrugsBackend:
        catalog = Catalog.default()
        extra: ExtraRatings | None = None
        errors: tuple[str, ...] = ()
        if workspace is not None:
            from cdss.drugs.packs import PackStore, resolve_pack_ratings

            packs, load_errors = PackStore(workspace.subdir("drug-packs")).load_readable()
            errors = tuple(str(e) for e in load_errors)
            if packs:
                extra = resolve_pack_ratings(packs, catalog.resolve_name)
        # Imported packs add ratings for catalog pairs; their extra drug names are not searchable here because a
        # drug the catalog does not know cannot be checked.
        return cls(catalog, DrugSearch(catalog), extra, errors)

    def search(self, query: str, limit: int) -> list[SearchHit]:
        return self._search.search(query, limit)

    def monograph(self, drug_id: str) -> MonographView:
        drug = self.catalog.get(drug_id)
        if drug is None:
            return MonographView(drug_id, "", ())
        chinese = QLocale().language() == QLocale.Language.Chinese
        # The title is the name in the interface language; the dictionary's other-language generic name is a fact
        # of the entry and opens the subtitle.
        title = (drug.name_zh or drug.name_en) if chinese else drug.name_en
        other = drug.name_en if chinese else drug.name_zh
        klass = (drug.class_zh or drug.class_en) if chinese else drug.class_en
        brands = ", ".join((*drug.brands_cn, *drug.brands_intl))
        subtitle = " · ".join(part for part in (other if other != title else "", klass,
                                                "ATC " + ", ".join(drug.atc) if drug.atc else "", brands) if part)
        sections = []
        for key, heading in _SECTIONS:
            section = getattr(drug.monograph, key)
            text = None
            if section is not None:
                text = section.zh if chinese and section.zh else section.en
            sections.append((QCoreApplication.translate("Monograph", heading), text,
                             section.source if section is not None else None))
        return MonographView(title, subtitle, tuple(sections))

    def renal(self, context: dict[str, Any]) -> tuple[float | None, float | None]:
        egfr, crcl, _notes = _context(context).renal_values()
        return crcl, egfr

    def check(self, drug_ids: list[str], context: dict[str, Any]) -> dict[str, Any]:
        return check(drug_ids, _context(context), self.catalog, extra_ratings=self._extra).to_dict()


def _context(values: dict[str, Any]) -> PatientContext:
    fields = dict(values)
    fields["allergies"] = tuple(fields.get("allergies", ()))
    return PatientContext(**fields)
