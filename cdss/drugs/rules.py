"""Interaction rules (data/drugs/interactions*.json): loading, validation and fast pair lookup.

A rule matches a pair when one drug meets selector ``a`` and the other meets selector ``b``. Because rules are
written by class and mechanism, we precompute, per drug, the set of rules whose ``a`` (and ``b``) side it meets;
a pair's rules are then two set intersections instead of a loop over every rule.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cdss.drugs import vocab
from cdss.drugs.models import Drug
from cdss.errors import UserError
from cdss.i18n import pick

if TYPE_CHECKING:
    from cdss.drugs.catalog import Catalog

SOURCE_NAME = "CDSS Desk rules"
_SELECTOR_KEYS = frozenset({"ids", "tags", "cyp", "ugt", "transporters", "pgp", "flags", "qt"})


@dataclass(frozen=True)
class Selector:
    ids: frozenset[str]
    tags: frozenset[str]
    pk_tokens: frozenset[str]  # "3A4:inhibitor_strong", "UGT1A4:substrate", "OATP1B1:inhibitor"
    pgp: frozenset[str]
    flags: frozenset[str]
    qt: frozenset[str]

    def matches(self, drug: Drug) -> bool:
        return bool(
            drug.id in self.ids or self.tags & drug.tags or self.pk_tokens & drug.pk_tokens
            or self.pgp.intersection(drug.pgp) or self.flags & drug.flags
            or (drug.qt_risk is not None and drug.qt_risk in self.qt)
        )


@dataclass(frozen=True)
class InteractionRule:
    id: str
    severity: str
    onc_high_priority: bool
    onc_class: str | None
    a: Selector
    b: Selector
    exclude_ids: frozenset[str]
    mechanism: str
    effect: str
    management: str
    evidence: str
    sources: tuple[str, ...]
    # Chinese text of mechanism / effect / management (None = not translated: the UI shows the English)
    mechanism_zh: str | None = None
    effect_zh: str | None = None
    management_zh: str | None = None

    def text(self, key: str, language: str) -> str:
        """``mechanism``, ``effect`` or ``management`` in ``language`` when the rule has it, else English."""
        return str(pick(self, key, language))


_NUMBER_RE = re.compile(r"\d+(?:\.\d+)?")


def _fail(file: str, rule: str, problem: str) -> UserError:
    return UserError("drug_rules_invalid", f"Interaction rules {file}: rule '{rule}': {problem}. "
                     "Fix the rule (see data/drugs/SCHEMA.md).", file=file, rule=rule)


def _selector(raw: Any, file: str, rule_id: str, side: str, catalog: Catalog | None) -> Selector:
    if not isinstance(raw, dict) or not raw or set(raw) - _SELECTOR_KEYS:
        raise _fail(file, rule_id, f"match.{side} must be a non-empty object with keys among {sorted(_SELECTOR_KEYS)}")

    def strings(key: str, allowed: frozenset[str] | None = None) -> frozenset[str]:
        value = raw.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise _fail(file, rule_id, f"match.{side}.{key} must be a list of strings")
        if allowed is not None and set(value) - allowed:
            raise _fail(file, rule_id, f"match.{side}.{key} has unknown value(s) {sorted(set(value) - allowed)}")
        return frozenset(value)

    ids = strings("ids")
    if catalog is not None:
        unknown = sorted(i for i in ids if i not in catalog)
        if unknown:
            raise _fail(file, rule_id, f"match.{side}.ids names drug(s) not in the catalog: {unknown}")
    tokens: set[str] = set()
    for key, known, allowed, prefix in (("cyp", vocab.CYP_ENZYMES, vocab.CYP_ROLES, ""),
                                        ("ugt", vocab.UGT_ENZYMES, vocab.CYP_ROLES, "UGT"),
                                        ("transporters", vocab.TRANSPORTERS, vocab.TRANSPORTER_ROLES, "")):
        roles_raw = raw.get(key, {})
        if not isinstance(roles_raw, dict):
            raise _fail(file, rule_id, f"match.{side}.{key} must be an object {{name: [roles]}}")
        for name, roles in roles_raw.items():
            if name not in known or not isinstance(roles, list) or set(roles) - allowed:
                raise _fail(file, rule_id, f"match.{side}.{key}.{name} is not a known name with known roles")
            tokens.update(f"{prefix}{name}:{role}" for role in roles)
    return Selector(ids, strings("tags", vocab.TAGS), frozenset(tokens), strings("pgp", vocab.PGP_ROLES),
                    strings("flags", vocab.FLAGS), strings("qt", vocab.QT_RISKS - {"none"}))


def parse_rule(raw: Any, file: str, catalog: Catalog | None) -> InteractionRule:
    rule_id = raw.get("id") if isinstance(raw, dict) else None
    if not isinstance(rule_id, str) or not rule_id:
        raise _fail(file, str(rule_id), "every rule needs a string 'id'")
    if raw.get("severity") not in vocab.SEVERITIES:
        raise _fail(file, rule_id, f"severity must be one of {list(vocab.SEVERITIES)}")
    if raw.get("evidence") not in vocab.EVIDENCE_LEVELS:
        raise _fail(file, rule_id, f"evidence must be one of {sorted(vocab.EVIDENCE_LEVELS)}")
    for key in ("mechanism", "effect", "management"):
        if not isinstance(raw.get(key), str) or not raw[key].strip():
            raise _fail(file, rule_id, f"'{key}' must be a non-empty string")
        _check_translation(raw, key, file, rule_id)
    sources = raw.get("sources")
    if not isinstance(sources, list) or not sources or not all(isinstance(s, str) and s.strip() for s in sources):
        raise _fail(file, rule_id, "'sources' must name at least one source")
    if not isinstance(raw.get("onc_high_priority"), bool):
        raise _fail(file, rule_id, "'onc_high_priority' must be true or false")
    match = raw.get("match")
    if not isinstance(match, dict) or set(match) != {"a", "b"}:
        raise _fail(file, rule_id, "'match' must be an object with exactly 'a' and 'b'")
    exclude = raw.get("exclude_ids", [])
    if not isinstance(exclude, list):
        raise _fail(file, rule_id, "'exclude_ids' must be a list")
    return InteractionRule(
        id=rule_id, severity=raw["severity"], onc_high_priority=raw["onc_high_priority"],
        onc_class=raw.get("onc_class"), a=_selector(match["a"], file, rule_id, "a", catalog),
        b=_selector(match["b"], file, rule_id, "b", catalog), exclude_ids=frozenset(exclude),
        mechanism=raw["mechanism"].strip(), effect=raw["effect"].strip(), management=raw["management"].strip(),
        evidence=raw["evidence"], sources=tuple(s.strip() for s in sources),
        mechanism_zh=_optional_text(raw, "mechanism_zh"), effect_zh=_optional_text(raw, "effect_zh"),
        management_zh=_optional_text(raw, "management_zh"),
    )


def _optional_text(raw: dict[str, Any], key: str) -> str | None:
    value = raw.get(key)
    return value.strip() if isinstance(value, str) else None


def _check_translation(raw: dict[str, Any], key: str, file: str, rule_id: str) -> None:
    """``<key>_zh`` is optional; when present it must be non-empty and keep every number of the English text.

    A translation that drops or changes a dose, an interval or a threshold is a patient-safety error, and the one
    kind of translation error a loader can catch mechanically.
    """
    zh_key = f"{key}_zh"
    if zh_key not in raw or raw[zh_key] is None:
        return
    value = raw[zh_key]
    if not isinstance(value, str) or not value.strip():
        raise _fail(file, rule_id, f"'{zh_key}' must be a non-empty string or null")
    missing = Counter(_NUMBER_RE.findall(raw[key])) - Counter(_NUMBER_RE.findall(value))
    if missing:
        raise _fail(file, rule_id, f"'{zh_key}' lacks number(s) {sorted(missing)} of '{key}'")


class RuleSet:
    """The shipped rules with per-drug precomputed side membership (computed lazily, cached)."""

    def __init__(self, rules: Iterable[InteractionRule], catalog: Catalog | None = None) -> None:
        self.rules: tuple[InteractionRule, ...] = tuple(rules)
        seen: set[str] = set()
        for rule in self.rules:
            if rule.id in seen:
                raise UserError("drug_rules_invalid", f"Interaction rule id '{rule.id}' is used twice.", rule=rule.id)
            seen.add(rule.id)
        self._sides: dict[str, tuple[frozenset[int], frozenset[int]]] = {}
        # criterion ("id:warfarin", "tag:statin", "pk:3A4:inhibitor_strong", …) → rules whose side a / b names it,
        # so a drug's sides are a union of a few lookups instead of a match against every rule
        self._index: tuple[dict[str, set[int]], dict[str, set[int]]] = ({}, {})
        for number, rule in enumerate(self.rules):
            for side, selector in zip(self._index, (rule.a, rule.b), strict=True):
                for criterion in _criteria(selector):
                    side.setdefault(criterion, set()).add(number)
        if catalog is not None:
            for drug in catalog:
                self.sides(drug)

    def sides(self, drug: Drug) -> tuple[frozenset[int], frozenset[int]]:
        cached = self._sides.get(drug.id)
        if cached is None:
            keys = _drug_criteria(drug)
            found = []
            for index in self._index:
                numbers: set[int] = set()
                for key in keys:
                    numbers.update(index.get(key, ()))
                found.append(frozenset(i for i in numbers if drug.id not in self.rules[i].exclude_ids))
            cached = self._sides[drug.id] = (found[0], found[1])
        return cached

    def pair_rules(self, first: Drug, second: Drug) -> list[InteractionRule]:
        """Rules matching the pair in either direction, most severe first (ONC high-priority first on ties)."""
        a1, b1 = self.sides(first)
        a2, b2 = self.sides(second)
        hits = (a1 & b2) | (a2 & b1)
        if not hits:
            return []
        found = [self.rules[i] for i in hits]
        found.sort(key=lambda r: (vocab.SEVERITIES.index(r.severity), not r.onc_high_priority, r.id))
        return found


def _criteria(selector: Selector) -> list[str]:
    return [*(f"id:{v}" for v in selector.ids), *(f"tag:{v}" for v in selector.tags),
            *(f"pk:{v}" for v in selector.pk_tokens), *(f"pgp:{v}" for v in selector.pgp),
            *(f"flag:{v}" for v in selector.flags), *(f"qt:{v}" for v in selector.qt)]


def _drug_criteria(drug: Drug) -> list[str]:
    """The criteria a drug meets; must stay the exact mirror of :meth:`Selector.matches`."""
    keys = [f"id:{drug.id}", *(f"tag:{v}" for v in drug.tags), *(f"pk:{v}" for v in drug.pk_tokens),
            *(f"pgp:{v}" for v in drug.pgp), *(f"flag:{v}" for v in drug.flags)]
    if drug.qt_risk is not None:
        keys.append(f"qt:{drug.qt_risk}")
    return keys


def load_rules(pack_dir: Path, catalog: Catalog | None = None) -> RuleSet:
    from cdss.drugs.catalog import _read_json

    rules: list[InteractionRule] = []
    for path in sorted(Path(pack_dir).glob("interactions*.json")):
        data = _read_json(path)
        if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
            raise UserError("drug_rules_invalid", f"Interaction rules file {path.name} must be an object with a "
                            "'rules' list.", file=path.name)
        rules.extend(parse_rule(raw, path.name, catalog) for raw in data["rules"])
    return RuleSet(rules, catalog)

