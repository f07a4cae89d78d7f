"""Load and validate the shipped drug knowledge pack; build lookup structures once.

A malformed pack is a :class:`~cdss.errors.UserError` (code ``drug_pack_invalid``) naming the file, the entry and
the field, because the pack is edited by hand and its errors must be easy to fix.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cdss.drugs import vocab
from cdss.drugs.models import AllergyInfo, ClinicalNote, Drug, RenalThreshold
from cdss.errors import UserError

DEFAULT_PACK_DIR = Path(__file__).resolve().parents[2] / "data" / "drugs"
_ID_RE = re.compile(r"^[a-z0-9_]+$")
_ATC_RE = re.compile(r"^[A-Z][0-9]{2}[A-Z]{2}[0-9]{2}$")
# Optional keys (added with pack 2026.12): "ugt", "transporters" (objects like "cyp"), "kind" ("drug" | "herbal").
_ENTRY_KEYS = (
    "id", "name_en", "name_zh", "synonyms_en", "synonyms_zh", "brands_cn", "brands_intl", "atc", "class_en",
    "class_zh", "cyp", "pgp", "qt_risk", "flags", "tags", "acb", "renal", "hepatic", "pregnancy", "lactation",
    "allergy", "property_sources", "notes",
)


class PackError(UserError):
    """The knowledge pack is malformed; the message says which file, entry and field."""


@dataclass(frozen=True)
class PackInfo:
    pack: str
    version: str
    date: str


class _EntryParser:
    """Validates one raw entry and turns it into a :class:`Drug`; every failure names file, entry and field."""

    def __init__(self, file: str, index: int, raw: Any) -> None:
        self.file, self.index, self.raw = file, index, raw
        self.where = f"{file}: entry #{index}"

    def fail(self, field_name: str, problem: str) -> PackError:
        return PackError("drug_pack_invalid", f"Drug pack {self.where}, field '{field_name}': {problem}. "
                         "Fix the entry (see data/drugs/SCHEMA.md).", file=self.file, entry=self.where,
                         field=field_name)

    def text(self, value: Any, name: str, *, nullable: bool = False) -> str | None:
        if value is None and nullable:
            return None
        if not isinstance(value, str) or not value.strip():
            raise self.fail(name, "must be a non-empty string" + (" or null" if nullable else ""))
        return value.strip()

    def str_list(self, value: Any, name: str, allowed: Iterable[str] | None = None) -> tuple[str, ...]:
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise self.fail(name, "must be a list of non-empty strings")
        if allowed is not None:
            allowed_set = set(allowed)
            unknown = [v for v in value if v not in allowed_set]
            if unknown:
                raise self.fail(name, f"unknown value(s) {unknown}")
        return tuple(v.strip() for v in value)

    def note(self, value: Any, name: str, actions: Iterable[str]) -> ClinicalNote | None:
        if value is None:
            return None
        if not isinstance(value, dict):
            raise self.fail(name, "must be an object or null")
        action = value.get("action")
        if action not in set(actions):
            raise self.fail(f"{name}.action", f"must be one of {sorted(actions)}, got {action!r}")
        return ClinicalNote(action, self.text(value.get("text_en"), f"{name}.text_en"),
                            self.text(value.get("text_zh"), f"{name}.text_zh", nullable=True),
                            self.text(value.get("source"), f"{name}.source"))

    def parse(self) -> Drug:
        raw = self.raw
        if not isinstance(raw, dict):
            raise self.fail("(entry)", "must be an object")
        drug_id = raw.get("id")
        if not isinstance(drug_id, str) or not _ID_RE.match(drug_id):
            raise self.fail("id", f"must be a lowercase slug [a-z0-9_]+, got {drug_id!r}")
        self.where = f"{self.file}: entry '{drug_id}'"
        if "monograph" in raw:  # schema 1 kept monographs here; they live in monographs/*.json since 2026.12.2
            raise self.fail("monograph", "moved to data/drugs/monographs/<area>.json (see MONOGRAPHS.md)")
        missing = [k for k in _ENTRY_KEYS if k not in raw]
        if missing:
            raise self.fail(missing[0], f"missing (all of {len(_ENTRY_KEYS)} keys are required; missing {missing})")
        kind = raw.get("kind", "drug")
        if kind not in vocab.KINDS:
            raise self.fail("kind", f"must be one of {sorted(vocab.KINDS)}, got {kind!r}")
        atc = self.str_list(raw["atc"], "atc")
        # A drug marketed only in China may have no WHO ATC code yet (e.g. 阿利沙坦酯): [] is allowed, the linter
        # lists such entries, and duplicate-therapy checks by ATC group simply do not see them.
        if not all(_ATC_RE.match(code) for code in atc):
            raise self.fail("atc", f"must list level-5 ATC codes like 'B01AC04' ([] when WHO has assigned none), "
                            f"got {list(atc)}")
        cyp = self.roles(raw["cyp"], "cyp", vocab.CYP_ENZYMES, vocab.CYP_ROLES)
        ugt = self.roles(raw.get("ugt", {}), "ugt", vocab.UGT_ENZYMES, vocab.CYP_ROLES)
        transporters = self.roles(raw.get("transporters", {}), "transporters", vocab.TRANSPORTERS,
                                  vocab.TRANSPORTER_ROLES)
        qt = raw["qt_risk"]
        if qt is not None and qt not in vocab.QT_RISKS:
            raise self.fail("qt_risk", f"must be one of {sorted(vocab.QT_RISKS)} or null, got {qt!r}")
        acb = raw["acb"]
        if acb is not None and (isinstance(acb, bool) or not isinstance(acb, int) or not 0 <= acb <= 3):
            raise self.fail("acb", f"must be an integer 0-3 or null, got {acb!r}")
        return Drug(
            id=drug_id, name_en=self.text(raw["name_en"], "name_en"), name_zh=self.text(raw["name_zh"], "name_zh"),
            synonyms_en=self.str_list(raw["synonyms_en"], "synonyms_en"),
            synonyms_zh=self.str_list(raw["synonyms_zh"], "synonyms_zh"),
            brands_cn=self.str_list(raw["brands_cn"], "brands_cn"),
            brands_intl=self.str_list(raw["brands_intl"], "brands_intl"), atc=atc,
            class_en=self.text(raw["class_en"], "class_en"), class_zh=self.text(raw["class_zh"], "class_zh"),
            cyp=cyp, pgp=self.str_list(raw["pgp"], "pgp", vocab.PGP_ROLES), qt_risk=qt,
            flags=frozenset(self.str_list(raw["flags"], "flags", vocab.FLAGS)),
            tags=frozenset(self.str_list(raw["tags"], "tags", vocab.TAGS)), acb=acb,
            renal=self._renal(raw["renal"]),
            hepatic=self.note(raw["hepatic"], "hepatic", vocab.HEPATIC_ACTIONS),
            pregnancy=self.note(raw["pregnancy"], "pregnancy", vocab.PREGNANCY_ACTIONS),
            lactation=self.note(raw["lactation"], "lactation", vocab.LACTATION_ACTIONS),
            allergy=self._allergy(raw["allergy"]),
            property_sources=self._sources(raw["property_sources"]),
            notes=self.text(raw["notes"], "notes", nullable=True), area=Path(self.file).stem,
            ugt=ugt, transporters=transporters, kind=kind,
            pk_tokens=pk_tokens(cyp, ugt, transporters),
        )

    def roles(self, value: Any, name: str, known: Iterable[str], allowed: Iterable[str]
              ) -> tuple[tuple[str, tuple[str, ...]], ...]:
        if not isinstance(value, dict):
            raise self.fail(name, "must be an object {enzyme or transporter: [roles]}")
        out = []
        for key, roles in value.items():
            if key not in known:
                raise self.fail(name, f"unknown key {key!r} (allowed {list(known)})")
            out.append((key, self.str_list(roles, f"{name}.{key}", allowed)))
        return tuple(out)

    def _sources(self, value: Any) -> tuple[str, ...]:
        sources = self.str_list(value, "property_sources")
        if not sources:
            raise self.fail("property_sources", "must name at least one source")
        return sources

    def _renal(self, value: Any) -> tuple[RenalThreshold, ...]:
        if not isinstance(value, list):
            raise self.fail("renal", "must be a list of thresholds ([] when none known)")
        out = []
        for i, item in enumerate(value):
            name = f"renal[{i}]"
            if not isinstance(item, dict):
                raise self.fail(name, "must be an object")
            if item.get("measure") not in vocab.RENAL_MEASURES:
                raise self.fail(f"{name}.measure", f"must be 'egfr' or 'crcl', got {item.get('measure')!r}")
            below = item.get("below")
            if isinstance(below, bool) or not isinstance(below, int | float) or not 0 < below < 200:
                raise self.fail(f"{name}.below", f"must be a number of mL/min between 0 and 200, got {below!r}")
            if item.get("action") not in vocab.RENAL_ACTIONS:
                raise self.fail(f"{name}.action", f"must be one of {list(vocab.RENAL_ACTIONS)}")
            out.append(RenalThreshold(item["measure"], float(below), item["action"],
                                      self.text(item.get("text_en"), f"{name}.text_en"),
                                      self.text(item.get("text_zh"), f"{name}.text_zh", nullable=True),
                                      self.text(item.get("source"), f"{name}.source")))
        return tuple(out)

    def _allergy(self, value: Any) -> AllergyInfo:
        if not isinstance(value, dict):
            raise self.fail("allergy", "must be an object {groups, generation, r1_side_chain}")
        groups = self.str_list(value.get("groups", []), "allergy.groups", vocab.ALLERGY_GROUPS)
        generation = value.get("generation")
        if generation is not None and (not isinstance(generation, int) or not 1 <= generation <= 5):
            raise self.fail("allergy.generation", f"must be 1-5 or null, got {generation!r}")
        r1 = value.get("r1_side_chain")
        if r1 is not None and r1 not in vocab.R1_SIDE_CHAINS:
            raise self.fail("allergy.r1_side_chain", f"must be one of {sorted(vocab.R1_SIDE_CHAINS)} or null")
        if "macrolide" in groups and {"penicillin", "cephalosporin"} & set(groups):
            raise self.fail("allergy.groups", "a macrolide must not carry a beta-lactam allergy group")
        return AllergyInfo(groups, generation, r1)


def pk_tokens(cyp, ugt, transporters) -> frozenset[str]:
    """Role tokens for rule matching: ``3A4:inhibitor_strong``, ``UGT1A4:substrate``, ``OATP1B1:inhibitor``."""
    tokens = {f"{enzyme}:{role}" for enzyme, roles in cyp for role in roles}
    tokens.update(f"UGT{enzyme}:{role}" for enzyme, roles in ugt for role in roles)
    tokens.update(f"{name}:{role}" for name, roles in transporters for role in roles)
    return frozenset(tokens)


def _pinyin(text: str) -> tuple[str, str]:
    """Full pinyin and initials of the Chinese characters in ``text`` (other characters dropped)."""
    from pypinyin import Style, lazy_pinyin

    han = "".join(ch for ch in text if "\u4e00" <= ch <= "\u9fff")
    if not han:
        return "", ""
    full = "".join(lazy_pinyin(han, style=Style.NORMAL)).lower()
    initials = "".join(s[0] for s in lazy_pinyin(han, style=Style.FIRST_LETTER) if s).lower()
    return full, initials


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_bytes().decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise PackError("drug_pack_invalid", f"Drug pack file {path.name} is not UTF-8 ({exc.reason}).",
                        file=path.name) from exc
    except json.JSONDecodeError as exc:
        raise PackError("drug_pack_invalid", f"Drug pack file {path.name} is not valid JSON: {exc.msg} at line "
                        f"{exc.lineno} column {exc.colno}.", file=path.name) from exc


def parse_catalog_file(path: Path) -> list[Drug]:
    data = _read_json(path)
    if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
        raise PackError("drug_pack_invalid", f"Drug pack file {path.name} must be an object with an 'entries' list.",
                        file=path.name)
    return [_EntryParser(path.name, i, raw).parse() for i, raw in enumerate(data["entries"])]


class Catalog:
    """All drugs of the pack with exact-name lookup. Build once (``Catalog.default()`` is cached)."""

    def __init__(self, drugs: Iterable[Drug], info: PackInfo, pack_dir: Path) -> None:
        from dataclasses import replace

        self.info = info
        self.pack_dir = pack_dir
        self.fingerprint = ""  # set by cdss.drugs.compiled when this catalog is kept in compiled form
        self._pinyin: dict[str, tuple[str, str]] = {}
        by_id: dict[str, Drug] = {}
        for drug in drugs:
            if drug.id in by_id:
                raise PackError("drug_pack_invalid", f"Drug id '{drug.id}' appears twice (in {by_id[drug.id].area}"
                                f".json and {drug.area}.json); ids must be unique.", entry=drug.id)
            full, initials = self.pinyin_of(drug.name_zh)
            by_id[drug.id] = replace(drug, pinyin=full, pinyin_initials=initials)
        self._by_id = by_id
        self._by_name: dict[str, str] = {}
        for drug in by_id.values():
            # the INN and Chinese name win over a synonym or brand that happens to collide
            for name in (drug.name_en, drug.name_zh):
                self._by_name.setdefault(normalise_name(name), drug.id)
        for drug in by_id.values():
            for name in drug.all_names():
                self._by_name.setdefault(normalise_name(name), drug.id)
        for drug in by_id.values():
            # the id too ("lopinavir_ritonavir"), last so it never shadows a real name, and "a/b" as "a / b"
            self._by_name.setdefault(normalise_name(drug.id), drug.id)
            if "/" in drug.name_en:
                self._by_name.setdefault(normalise_name(drug.name_en.replace("/", " / ")), drug.id)

    @classmethod
    def load(cls, pack_dir: Path | None = None) -> Catalog:
        pack_dir = Path(pack_dir) if pack_dir is not None else DEFAULT_PACK_DIR
        meta = _read_json(pack_dir / "pack.json") if (pack_dir / "pack.json").is_file() else {}
        info = PackInfo(str(meta.get("pack", "cdss-drugs")), str(meta.get("pack_version", "unknown")),
                        str(meta.get("date", "unknown")))
        files = sorted((pack_dir / "catalog").glob("*.json"))
        if not files:
            raise PackError("drug_pack_missing", f"No drug catalog files found in {pack_dir / 'catalog'}.",
                            path=str(pack_dir))
        drugs: list[Drug] = []
        for path in files:
            drugs.extend(parse_catalog_file(path))
        return cls(drugs, info, pack_dir)

    @staticmethod
    @functools.cache
    def default() -> Catalog:
        """The shipped pack, through the compiled cache (see :mod:`cdss.drugs.compiled`)."""
        from cdss.drugs.compiled import load_catalog

        return load_catalog()

    def pinyin_of(self, name: str) -> tuple[str, str]:
        """(full pinyin, initials) of the Chinese characters in ``name``, remembered: the compiled pack carries
        them for every catalog name, so searching does not import pypinyin."""
        found = self._pinyin.get(name)
        if found is None:
            found = self._pinyin[name] = _pinyin(name)
        return found

    def get(self, drug_id: str) -> Drug | None:
        return self._by_id.get(drug_id)

    def __getitem__(self, drug_id: str) -> Drug:
        return self._by_id[drug_id]

    def __contains__(self, drug_id: object) -> bool:
        return drug_id in self._by_id

    def __iter__(self) -> Iterator[Drug]:
        return iter(self._by_id.values())

    def __len__(self) -> int:
        return len(self._by_id)

    def ids(self) -> list[str]:
        return list(self._by_id)

    def resolve_name(self, name: str) -> str | None:
        """Exact, case-insensitive lookup over English/Chinese names, synonyms and brands."""
        return self._by_name.get(normalise_name(name))

    @functools.cached_property
    def rules(self):  # -> RuleSet; imported lazily to keep the catalog importable on its own
        from cdss.drugs.rules import load_rules

        return load_rules(self.pack_dir, self)

    @functools.cached_property
    def dose_limits(self):  # -> dict[drug id, tuple[DoseLimit, ...]]
        from cdss.drugs.dose_limits import load_dose_limits

        return load_dose_limits(self.pack_dir, self)


def normalise_name(name: str) -> str:
    return " ".join(name.replace("_", " ").casefold().split())
