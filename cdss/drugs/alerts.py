"""Alert, rating and result dataclasses produced by the safety checker, and their JSON form."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from cdss.drugs.messages import Message
from cdss.drugs.ratings import SEVERITY_RANK

KINDS = ("interaction", "allergy", "duplicate", "renal", "hepatic", "pregnancy", "lactation", "qt", "serotonergic",
         "bleeding", "cns_depression", "hyperkalemia", "anticholinergic", "dose")


@dataclass(frozen=True)
class SourceRating:
    """One source's grading of an interaction pair, as shown next to the alert."""

    source: str
    severity: str
    management: str | None
    reference: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "severity": self.severity, "management": self.management,
                "reference": self.reference}


@dataclass(frozen=True)
class Alert:
    kind: str
    severity: str  # contraindicated | major | moderate | minor
    drugs: tuple[str, ...]
    title: str
    mechanism: str
    effect: str
    management: str
    evidence: str
    sources: tuple[str, ...]
    interruptive: bool = False
    rule_id: str | None = None
    ratings: tuple[SourceRating, ...] = ()
    disagreement: bool = False
    related_rules: tuple[str, ...] = ()
    #: ``title`` as a code and parameters, for translation (``title`` is its English rendering)
    title_message: Message | None = None
    #: Chinese mechanism / effect / management where the knowledge has them (None: show the English)
    mechanism_zh: str | None = None
    effect_zh: str | None = None
    management_zh: str | None = None
    #: what the pair's other matching rules warn of ((effect, effect_zh, severity), …): one alert per pair must not
    #: hide a second risk (fluoxetine + tramadol: CYP2D6 leads, serotonin syndrome follows)
    related_effects: tuple[tuple[str, str | None, str], ...] = ()

    @property
    def sort_key(self) -> tuple[int, int, int, tuple[str, ...]]:
        return (-SEVERITY_RANK.get(self.severity, 0), not self.interruptive, KINDS.index(self.kind), self.drugs)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "kind": self.kind, "severity": self.severity, "drugs": list(self.drugs), "title": self.title,
            "mechanism": self.mechanism, "effect": self.effect, "management": self.management,
            "evidence": self.evidence, "sources": list(self.sources), "interruptive": self.interruptive,
            "rule_id": self.rule_id,
            # added fields (older readers ignore them): coded title and Chinese clinical text
            "title_code": self.title_message.code if self.title_message else None,
            "title_params": self.title_message.param_dict if self.title_message else {},
            "mechanism_zh": self.mechanism_zh, "effect_zh": self.effect_zh, "management_zh": self.management_zh,
        }
        if self.kind == "interaction":
            out["ratings"] = [r.to_dict() for r in self.ratings]
            out["disagreement"] = self.disagreement
            if self.related_rules:
                out["related_rules"] = list(self.related_rules)
            if self.related_effects:
                out["related_effects"] = [{"effect": e, "effect_zh": z, "severity": s}
                                          for e, z, s in self.related_effects]
        return out


@dataclass(frozen=True)
class ResolvedDrug:
    query: str
    id: str
    name_en: str
    name_zh: str


@dataclass(frozen=True)
class UnresolvedQuery:
    query: str
    suggestions: tuple[str, ...]  # catalog ids, best first


#: Parts of the patient context a check can use, in the order they are named to the doctor.
SCOPE_CONTEXT = ("age", "renal", "allergies", "pregnancy", "lactation", "hepatic", "potassium", "qtc", "weight")


@dataclass(frozen=True)
class CheckScope:
    """What a check covered, so that "no alerts" is never read as "safe" without knowing what was looked at."""

    drugs: int
    rules: int
    rated_pairs: int = 0  # drug pairs graded by imported sources (DDInter, ANSM …)
    context: tuple[str, ...] = ()  # tokens of SCOPE_CONTEXT that were known and used
    dose_checked: int = 0  # drugs whose dose was compared with a maximum
    unknown_names: tuple[str, ...] = ()  # names not in the dictionary, so not checked at all

    def to_dict(self) -> dict[str, Any]:
        return {"drugs": self.drugs, "rules": self.rules, "rated_pairs": self.rated_pairs,
                "context": list(self.context), "dose_checked": self.dose_checked,
                "unknown_names": list(self.unknown_names)}


@dataclass(frozen=True)
class CheckResult:
    alerts: tuple[Alert, ...]
    resolved: tuple[ResolvedDrug, ...] = ()
    unresolved: tuple[UnresolvedQuery, ...] = ()
    notes: tuple[str, ...] = field(default=())  # e.g. unrecognised allergy names, assumptions made
    note_messages: tuple[Message, ...] = field(default=())  # the same notes, coded (``notes`` = their English)
    scope: CheckScope | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "resolved": [{"query": r.query, "id": r.id, "name_en": r.name_en, "name_zh": r.name_zh}
                         for r in self.resolved],
            "unresolved": [{"query": u.query, "suggestions": list(u.suggestions)} for u in self.unresolved],
            "alerts": [a.to_dict() for a in self.alerts],
        }
        if self.notes:
            out["notes"] = list(self.notes)
        if self.note_messages:
            out["note_codes"] = [m.to_dict() for m in self.note_messages]
        if self.scope is not None:
            out["scope"] = self.scope.to_dict()
        return out

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False)

    @property
    def interruptive(self) -> tuple[Alert, ...]:
        return tuple(a for a in self.alerts if a.interruptive)
