"""The drug dictionary's monographs: the text a doctor reads, kept apart from the engine's catalog.

One JSON file per therapeutic area (``data/drugs/monographs/<area>.json``, format in data/drugs/MONOGRAPHS.md). The
checker never needs this text, so it is not part of the compiled catalog: a file is read the first time one of its
drugs is opened (a few milliseconds) and kept. A section is either text with its source, "not available" with a
reason a reviewer can read, or absent (not written yet — shown as such and counted by the linter).

``python -m cdss.drugs.monographs FILE …`` validates files and prints their coverage (used by whoever writes them).
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cdss.drugs.catalog import DEFAULT_PACK_DIR, PackError
from cdss.i18n import pick

#: Display order. Interactions are not here: the page generates them from the rules.
SECTIONS = (
    "indications", "adult_dose", "paediatric_dose", "renal_adjustment", "hepatic_adjustment", "elderly",
    "contraindications", "boxed_warning", "pregnancy", "lactation", "adverse_effects", "monitoring",
    "dosage_forms_cn",
)
#: Sections every drug must have (issue 15: 100 % for dose, renal, pregnancy and contraindications).
ESSENTIAL = ("adult_dose", "renal_adjustment", "pregnancy", "contraindications")
NRDL_VALUES = ("A", "B", "none")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_DRUG_KEYS = ("summary", "nrdl", "essential_cn", "sections")


@dataclass(frozen=True)
class Section:
    """Text (``available``) or the reason it is not available; ``source`` may be empty for a reason."""

    key: str
    available: bool
    en: str
    zh: str
    source: str
    source_zh: str | None

    def text(self, language: str) -> str:
        """The text (or the reason it is not available) in ``language``, else in English (cdss.i18n.pick)."""
        return str(pick(self, "", language))

    def source_text(self, language: str) -> str:
        return str(pick(self, "source", language))


@dataclass(frozen=True)
class DrugMonograph:
    drug_id: str
    summary_en: str | None
    summary_zh: str | None
    nrdl: str | None  # "A" (甲类) | "B" (乙类) | "none" | None (not verified)
    essential_cn: bool | None
    sections: dict[str, Section]

    def section(self, key: str) -> Section | None:
        return self.sections.get(key)


def _text(value: Any, where: str, *, chinese: bool = False) -> str:
    if not isinstance(value, str) or not value.strip():
        raise PackError("drug_pack_invalid", f"{where}: must be non-empty text.")
    if chinese and not _HAN.search(value):
        raise PackError("drug_pack_invalid", f"{where}: must be Chinese text.")
    return value.strip()


def _section(key: str, raw: Any, where: str) -> Section:
    if not isinstance(raw, dict):
        raise PackError("drug_pack_invalid", f"{where}: must be an object.")
    unknown = set(raw) - {"en", "zh", "source", "source_zh", "na_en", "na_zh"}
    if unknown:
        raise PackError("drug_pack_invalid", f"{where}: unknown keys {sorted(unknown)}.")
    source_zh = raw.get("source_zh")
    if source_zh is not None:
        source_zh = _text(source_zh, f"{where}.source_zh")
    if "na_en" in raw or "na_zh" in raw:
        if "en" in raw or "zh" in raw:
            raise PackError("drug_pack_invalid", f"{where}: text and not-available reason are exclusive.")
        source = raw.get("source")
        return Section(key, False, _text(raw.get("na_en"), f"{where}.na_en"),
                       _text(raw.get("na_zh"), f"{where}.na_zh", chinese=True),
                       _text(source, f"{where}.source") if source is not None else "", source_zh)
    en = _text(raw.get("en"), f"{where}.en")
    zh = _text(raw.get("zh"), f"{where}.zh", chinese=True)
    return Section(key, True, en, zh, _text(raw.get("source"), f"{where}.source"), source_zh)


def _drug(drug_id: str, raw: Any, where: str) -> DrugMonograph:
    if not isinstance(raw, dict):
        raise PackError("drug_pack_invalid", f"{where}: must be an object.")
    unknown = set(raw) - set(_DRUG_KEYS)
    if unknown:
        raise PackError("drug_pack_invalid", f"{where}: unknown keys {sorted(unknown)}.")
    summary = raw.get("summary")
    summary_en = summary_zh = None
    if summary is not None:
        if not isinstance(summary, dict):
            raise PackError("drug_pack_invalid", f"{where}.summary: must be an object {{en, zh}} or null.")
        summary_en = _text(summary.get("en"), f"{where}.summary.en")
        summary_zh = _text(summary.get("zh"), f"{where}.summary.zh", chinese=True)
    nrdl = raw.get("nrdl")
    if nrdl is not None and nrdl not in NRDL_VALUES:
        raise PackError("drug_pack_invalid", f"{where}.nrdl: must be one of {NRDL_VALUES} or null.")
    essential = raw.get("essential_cn")
    if essential is not None and not isinstance(essential, bool):
        raise PackError("drug_pack_invalid", f"{where}.essential_cn: must be true, false or null.")
    sections_raw = raw.get("sections", {})
    if not isinstance(sections_raw, dict):
        raise PackError("drug_pack_invalid", f"{where}.sections: must be an object.")
    sections = {}
    for key, value in sections_raw.items():
        if key not in SECTIONS:
            raise PackError("drug_pack_invalid", f"{where}.sections: unknown section {key!r}.")
        sections[key] = _section(key, value, f"{where}.sections.{key}")
    return DrugMonograph(drug_id, summary_en, summary_zh, nrdl, essential, sections)


def parse_file(path: Path) -> dict[str, DrugMonograph]:
    """Every monograph of one area file; a malformed one is a :class:`PackError` naming file, drug and field."""
    try:
        data = json.loads(path.read_bytes().decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise PackError("drug_pack_invalid", f"Monograph file {path.name} is not valid UTF-8 JSON: {exc}.",
                        file=path.name) from exc
    if not isinstance(data, dict) or not isinstance(data.get("monographs"), dict):
        raise PackError("drug_pack_invalid", f"Monograph file {path.name} must be an object with 'monographs'.",
                        file=path.name)
    return {drug_id: _drug(drug_id, raw, f"{path.name}: {drug_id}") for drug_id, raw in data["monographs"].items()}


class Monographs:
    """Monographs of the pack at ``pack_dir``, read per area on first use."""

    def __init__(self, pack_dir: Path | None = None) -> None:
        self.folder = Path(pack_dir or DEFAULT_PACK_DIR) / "monographs"
        self._areas: dict[str, dict[str, DrugMonograph]] = {}

    def area(self, area: str) -> dict[str, DrugMonograph]:
        if area not in self._areas:
            path = self.folder / f"{area}.json"
            self._areas[area] = parse_file(path) if path.is_file() else {}
        return self._areas[area]

    def get(self, drug_id: str, area: str) -> DrugMonograph | None:
        return self.area(area).get(drug_id)

    def all_areas(self) -> Iterable[str]:
        return sorted(path.stem for path in self.folder.glob("*.json"))


def number_mismatches(section: Section) -> list[str]:
    """Numbers of the English text missing from the Chinese one (a translation that dropped or changed a dose)."""
    def numbers(text: str) -> list[str]:
        # thousands separators vary, and ordinals ("3rd trimester" → 妊娠晚期) are words in Chinese
        text = re.sub(r"(?<=\d),(?=\d{3})|\b\d(?:st|nd|rd|th)\b", "", text)
        return _NUMBER.findall(text.replace("²", "2").replace("³", "3"))

    # counted, not just present: "2 weeks … 2 weeks" in English needs both in Chinese (or the text says less)
    missing = Counter(numbers(section.en)) - Counter(numbers(section.zh))
    return sorted(missing.elements())


def _main(paths: list[str]) -> int:
    status = 0
    for name in paths:
        path = Path(name)
        try:
            monographs = parse_file(path)
        except PackError as exc:
            print(f"ERROR {exc}")
            status = 1
            continue
        catalog_path = path.parent.parent / "catalog" / path.name
        catalog_ids = ([e["id"] for e in json.loads(catalog_path.read_text("utf-8"))["entries"]]
                       if catalog_path.is_file() else list(monographs))
        for drug_id in monographs:
            if drug_id not in catalog_ids:
                print(f"ERROR {path.name}: {drug_id}: not a drug of catalog/{path.name}")
                status = 1
        complete = 0
        for drug_id, mono in monographs.items():
            for section in mono.sections.values():
                if section.available and (missing := number_mismatches(section)):
                    print(f"WARN {path.name}: {drug_id}.{section.key}: zh lacks numbers {missing}")
            if len(mono.sections) == len(SECTIONS) and mono.summary_en:
                complete += 1
        filled = sum(len(m.sections) for m in monographs.values())
        print(f"{path.name}: {len(catalog_ids)} drugs, {len(monographs)} with a monograph, {complete} complete "
              f"(summary + all {len(SECTIONS)} sections); sections written {filled}/{len(catalog_ids) * len(SECTIONS)}"
              f" = {filled / max(1, len(catalog_ids) * len(SECTIONS)):.1%}")
    return status


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
