"""Plain, Qt-free and ORM-free records data that importers, exporters, de-identification and reports share.

These are the shapes that cross layer boundaries: an importer produces :class:`PatientRecord` values, the records
service stores them, and the PDF/FHIR exporters and the de-identifier consume them. Ids are optional because a record
parsed from a file has none until it is stored. Dates are ``datetime.date``/``datetime.datetime`` values; free text
may be Chinese or English.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Protocol


def age_on(birth_date: dt.date | None, on: dt.date) -> int | None:
    """Completed years of age on ``on``; None when the birth date is not known."""
    if birth_date is None:
        return None
    return on.year - birth_date.year - ((on.month, on.day) < (birth_date.month, birth_date.day))


class _Stored(Protocol):
    @property
    def id(self) -> int | None: ...


def stored_id(value: _Stored) -> int:
    """The id of a value read from the store. Values share one class whether stored or about to be created (then
    ``id`` is None); code that acts on a stored one says so with this, and a value never stored fails loudly here."""
    if value.id is None:
        raise ValueError(f"this {type(value).__name__} has not been stored yet")
    return value.id


class Sex(StrEnum):
    MALE = "male"
    FEMALE = "female"
    OTHER = "other"
    UNKNOWN = "unknown"


class EntryKind(StrEnum):
    """The kinds of timeline entry a case holds, in the order a clinician usually writes them."""

    COMPLAINT = "complaint"  # chief complaint / 主诉
    HISTORY = "history"  # history of present illness, past history / 现病史、既往史
    EXAM = "exam"  # physical examination / 体格检查
    TEST = "test"  # test results (imaging, ECG, pathology) / 辅助检查
    DIAGNOSIS = "diagnosis"  # with ICD-10 code / 诊断
    TREATMENT = "treatment"  # treatment, procedures / 治疗
    MEDICATION = "medication"  # a prescription or change / 用药
    PROGRESS = "progress"  # progress note / 病程记录
    ATTACHMENT = "attachment"  # photo or file / 图片、文件
    FOLLOW_UP = "follow_up"  # follow-up visit / 随访
    NOTE = "note"  # anything else, captured first and structured later


@dataclass(frozen=True)
class Identifier:
    """An identifier of the patient: 身份证号, 住院号, 门诊号, 病案号, 医保号, an MRN, …"""

    system: str  # e.g. "cn-resident-id", "inpatient-no", "outpatient-no", "record-no", "insurance-no", "mrn"
    value: str


@dataclass(frozen=True)
class Allergy:
    substance: str
    reaction: str | None = None
    severity: str | None = None  # "mild" | "moderate" | "severe" | None when not recorded
    verified: bool = False
    recorded_on: dt.date | None = None
    id: int | None = None


@dataclass(frozen=True)
class Medication:
    """A current or past medication. ``drug_id`` links to the drug catalog when the name resolves."""

    name: str
    dose: str | None = None  # free text as written, e.g. "5 mg qd"
    route: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    active: bool = True
    drug_id: str | None = None
    code: str | None = None  # e.g. an RxNorm code from FHIR
    code_system: str | None = None
    id: int | None = None


@dataclass(frozen=True)
class LabResult:
    """A lab value or vital sign. ``value`` is numeric when it can be; ``value_text`` keeps what was written."""

    name: str
    taken_at: dt.datetime
    value: float | None = None
    value_text: str | None = None
    unit: str | None = None
    ref_low: float | None = None
    ref_high: float | None = None
    loinc: str | None = None
    id: int | None = None


@dataclass(frozen=True)
class Attachment:
    """A photo or file stored by content hash under the workspace ``attachments/`` folder."""

    sha256: str
    filename: str
    media_type: str
    size: int
    caption: str | None = None
    id: int | None = None


@dataclass(frozen=True)
class Entry:
    """One timeline entry of a case."""

    kind: EntryKind
    occurred_at: dt.datetime
    text: str = ""
    icd10: str | None = None  # diagnoses only
    attachment: Attachment | None = None  # attachment entries only
    lab: LabResult | None = None  # a lab value captured on the timeline
    id: int | None = None


@dataclass(frozen=True)
class FollowUp:
    due: dt.date
    note: str = ""
    done: bool = False
    id: int | None = None


@dataclass(frozen=True)
class Case:
    """An episode of care: an admission, a clinic problem, a consultation."""

    title: str
    opened_on: dt.date
    entries: tuple[Entry, ...] = ()
    follow_ups: tuple[FollowUp, ...] = ()
    labs: tuple[LabResult, ...] = ()
    tags: tuple[str, ...] = ()
    closed_on: dt.date | None = None
    source_ref: str | None = None  # e.g. the FHIR Encounter id it came from
    id: int | None = None

    def all_labs(self) -> tuple[LabResult, ...]:
        """Every lab of the case: those filed on the case and those captured on its timeline entries (``labs``
        leaves the latter out so that a timeline shows each value once)."""
        return (*self.labs, *(entry.lab for entry in self.entries if entry.lab is not None))


@dataclass(frozen=True)
class PatientRecord:
    """A patient with everything recorded about them."""

    name: str
    sex: Sex = Sex.UNKNOWN
    birth_date: dt.date | None = None
    identifiers: tuple[Identifier, ...] = ()
    phone: str | None = None
    address: str | None = None
    email: str | None = None
    allergies: tuple[Allergy, ...] = ()
    medications: tuple[Medication, ...] = ()
    cases: tuple[Case, ...] = ()
    tags: tuple[str, ...] = ()
    notes: str = ""
    source_ref: str | None = None  # e.g. the FHIR Patient id it came from
    id: int | None = None
    extra: dict[str, str] = field(default_factory=dict, compare=False, hash=False)
    # Labs not tied to a case (e.g. a FHIR Observation without an encounter); case labs live in Case.labs.
    labs: tuple[LabResult, ...] = ()

    def all_labs(self) -> tuple[LabResult, ...]:
        """Every lab the record holds, wherever it hangs: loose, filed on a case, or on a case's timeline entry."""
        return (*self.labs, *(lab for case in self.cases for lab in case.all_labs()))
