"""Therapeutic target ranges that know the patient, shown apart from the laboratory's reference range.

An INR of 2.3 is "high" against a laboratory's 0.8–1.2 but on target for a patient on warfarin. The target comes
from the record: the range the record itself states ("目标INR 2.5–3.5", "target INR 2.5-3.5"; the latest mention
wins), else the usual range for the treatment the patient is on. Usual ranges, with their source:
- INR 2.0–3.0 on a vitamin K antagonist (warfarin, acenocoumarol, phenprocoumon) — ACCP/CHEST antithrombotic
  guidelines and the warfarin prescribing information (most indications; some mechanical valves need 2.5–3.5, which
  the record must then state).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cdss.records.types import LabResult, PatientRecord

INR_LOINC = frozenset({"6301-6", "34714-6", "46418-0", "38875-1"})
INR_NAMES = frozenset({"inr", "pt-inr", "pt inr", "inr (pt)", "国际标准化比值", "凝血酶原时间国际标准化比值",
                       "pt-inr值"})
VKA_IDS = frozenset({"warfarin", "acenocoumarol", "phenprocoumon"})
VKA_NAMES = ("warfarin", "华法林", "coumadin", "acenocoumarol", "醋硝香豆素", "phenprocoumon", "苯丙香豆素")
USUAL_INR_TARGET = (2.0, 3.0)
SOURCE = "ACCP/CHEST antithrombotic therapy guidelines; warfarin US FDA prescribing information"
_STATED = re.compile(
    r"(?:target\s*inr|inr\s*target|目标\s*inr|inr\s*目标(?:值|范围)?)\s*(?:range|范围)?\s*[:：=]?\s*"
    r"(\d+(?:\.\d+)?)\s*(?:-|–|—|~|～|至|to)\s*(\d+(?:\.\d+)?)", re.IGNORECASE)


@dataclass(frozen=True)
class TargetRange:
    measure: str  # "inr"
    low: float
    high: float
    basis: str  # "stated" (the record says so) | "treatment" (usual range for the drug the patient takes)
    drug: str | None  # the medication the target comes from, as recorded
    source: str

    def text(self) -> str:
        return f"{self.low:g}–{self.high:g}"

    def position(self, value: float | None) -> str | None:
        """'below', 'within' or 'above' the target (None without a value)."""
        if value is None:
            return None
        return "below" if value < self.low else "above" if value > self.high else "within"


def measure_of(lab: LabResult) -> str | None:
    if (lab.loinc and lab.loinc in INR_LOINC) or " ".join(lab.name.casefold().split()) in INR_NAMES:
        return "inr"
    return None


def target_ranges(record: PatientRecord) -> dict[str, TargetRange]:
    """Measure → the target that applies to this patient now (only measures that have one)."""
    vka = next((m for m in record.medications if m.active and (
        (m.drug_id in VKA_IDS) or any(name in m.name.casefold() for name in VKA_NAMES))), None)
    stated = _stated_inr(record)
    if stated is not None:
        low, high = stated
        return {"inr": TargetRange("inr", low, high, "stated", vka.name if vka else None, "the record")}
    if vka is not None:
        low, high = USUAL_INR_TARGET
        return {"inr": TargetRange("inr", low, high, "treatment", vka.name, SOURCE)}
    return {}


def target_for(lab: LabResult, targets: dict[str, TargetRange]) -> TargetRange | None:
    measure = measure_of(lab)
    return targets.get(measure) if measure is not None else None


def _stated_inr(record: PatientRecord) -> tuple[float, float] | None:
    texts = [(entry.occurred_at.isoformat(), entry.text) for case in record.cases for entry in case.entries
             if entry.text]
    texts.append(("", record.notes or ""))
    for _when, text in sorted(texts, reverse=True):  # the latest mention wins
        match = _STATED.search(text)
        if match:
            low, high = float(match.group(1)), float(match.group(2))
            if 0.5 <= low < high <= 6:  # an INR target outside this is a typo, not a target
                return low, high
    return None
