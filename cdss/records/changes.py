"""Typed change sets: the one way to change a stored patient, case, entry, follow-up, allergy, medication or lab.

Every ``update`` of the records services takes the row's id and one of these frozen dataclasses. A field left at
:data:`KEEP` is not touched; any other value, ``None`` included, is written. So "clear the phone number" is
``PatientChanges(phone=None)`` and "reopen the case" is ``CaseChanges(closed_on=None)`` — which keyword arguments
defaulting to ``None`` could not say.

An edit dialog that holds a whole value (an allergy, a medication, a lab result) passes
``AllergyChanges.replacing(allergy)``: every editable field, as the dialog shows it.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Sequence
from dataclasses import dataclass, fields
from typing import Any, Final, Self

from cdss.records.types import EntryKind, Identifier, Sex


class Keep(enum.Enum):
    """The type of :data:`KEEP` (an enum so that a type checker narrows ``value is KEEP``)."""

    KEEP = "keep"

    def __repr__(self) -> str:
        return "KEEP"


KEEP: Final = Keep.KEEP


class _Changes:
    def changed(self) -> dict[str, Any]:
        """The fields to write, by name: those not left at KEEP."""
        return {f.name: value for f in fields(self) if (value := getattr(self, f.name)) is not KEEP}  # type: ignore[arg-type]

    @classmethod
    def replacing(cls, value: object) -> Self:
        """A change set that writes every editable field from ``value`` (a whole Allergy, Medication or LabResult)."""
        return cls(**{f.name: getattr(value, f.name) for f in fields(cls)})  # type: ignore[arg-type]


@dataclass(frozen=True)
class PatientChanges(_Changes):
    name: str | Keep = KEEP
    sex: Sex | Keep = KEEP
    birth_date: dt.date | None | Keep = KEEP
    phone: str | None | Keep = KEEP
    address: str | None | Keep = KEEP
    email: str | None | Keep = KEEP
    notes: str | Keep = KEEP
    identifiers: Sequence[Identifier] | Keep = KEEP
    tags: Sequence[str] | Keep = KEEP


@dataclass(frozen=True)
class CaseChanges(_Changes):
    title: str | Keep = KEEP
    closed_on: dt.date | None | Keep = KEEP  # None reopens the case
    tags: Sequence[str] | Keep = KEEP


@dataclass(frozen=True)
class EntryChanges(_Changes):
    """A timeline entry's own fields; its file or captured lab value is fixed when the entry is made."""

    kind: EntryKind | Keep = KEEP
    text: str | Keep = KEEP
    occurred_at: dt.datetime | Keep = KEEP
    icd10: str | None | Keep = KEEP


@dataclass(frozen=True)
class FollowUpChanges(_Changes):
    due: dt.date | Keep = KEEP
    note: str | Keep = KEEP
    done: bool | Keep = KEEP


@dataclass(frozen=True)
class AllergyChanges(_Changes):
    substance: str | Keep = KEEP
    reaction: str | None | Keep = KEEP
    severity: str | None | Keep = KEEP
    verified: bool | Keep = KEEP
    recorded_on: dt.date | None | Keep = KEEP


@dataclass(frozen=True)
class MedicationChanges(_Changes):
    name: str | Keep = KEEP
    dose: str | None | Keep = KEEP
    route: str | None | Keep = KEEP
    start: dt.date | None | Keep = KEEP
    end: dt.date | None | Keep = KEEP
    active: bool | Keep = KEEP
    drug_id: str | None | Keep = KEEP
    code: str | None | Keep = KEEP
    code_system: str | None | Keep = KEEP


@dataclass(frozen=True)
class LabChanges(_Changes):
    """A lab result's values; which case it belongs to is kept."""

    name: str | Keep = KEEP
    taken_at: dt.datetime | Keep = KEEP
    value: float | None | Keep = KEEP
    value_text: str | None | Keep = KEEP
    unit: str | None | Keep = KEEP
    ref_low: float | None | Keep = KEEP
    ref_high: float | None | Keep = KEEP
    loinc: str | None | Keep = KEEP
