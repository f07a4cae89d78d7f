"""Checking and normalising a record's values before they are written: names (and their pinyin for search),
dates and times, ICD-10 codes, kinds, allergies, medications, labs and tags. No database here.
"""

from __future__ import annotations

import datetime as dt
import re

from cdss.errors import UserError
from cdss.records.types import Allergy, EntryKind, LabResult, Medication, Sex

# Letter, two digits (the third may be A/B in a few national extensions), then an optional dotted subdivision.
_ICD10 = re.compile(r"^[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?[+*]?$")
SEVERITIES = ("mild", "moderate", "severe")


def clinical_now() -> dt.datetime:
    """Now as a clinical time (an entry's default time): local wall-clock time to the second, as entry and lab times
    are stored. When a row was written is another clock: cdss.clock.utc_now."""
    return dt.datetime.now().replace(microsecond=0)


def naive(value: dt.datetime | dt.date) -> dt.datetime:
    """Clinical times are stored as local wall-clock time; an aware value is converted to local time first.

    A bare date (some files only record the day) becomes midnight of that day rather than an error.
    """
    if not isinstance(value, dt.datetime):
        return dt.datetime.combine(value, dt.time())
    return value.astimezone().replace(tzinfo=None) if value.tzinfo is not None else value


def pinyin_of(name: str) -> tuple[str, str]:
    """(pinyin, initials) of the Chinese characters in ``name``, for search; ("", "") for a name without any.

    Pinyin is stored as spaced syllables, one reading per variant separated by ";" ("zeng xiao ming;ceng xiao ming").
    Variants come from the surname only: many common surnames read differently from the same character elsewhere
    (曾 zeng/ceng, 单 shan/dan, 解 xie/jie), and a doctor typing either reading should find the patient.
    """
    if not any("\u3400" <= ch <= "\u9fff" for ch in name):
        return "", ""
    from pypinyin import Style, lazy_pinyin, pinyin  # imported on first use: ~0.3 s, only needed when saving

    syllables = [s.strip().lower() for s in lazy_pinyin(name, errors="ignore") if s.strip()]
    variants = [syllables]
    if "\u3400" <= name[0] <= "\u9fff" and syllables:
        readings = pinyin(name[0], style=Style.NORMAL, heteronym=True)[0]
        variants += [[r.lower(), *syllables[1:]] for r in readings[:3] if r.lower() != syllables[0]]
    full = ";".join(" ".join(v) for v in variants)
    initials = " ".join(dict.fromkeys("".join(s[0] for s in v) for v in variants))
    return full, initials


# -- validation -------------------------------------------------------------------------------------------------------
def clean_name(name: str) -> str:
    cleaned = " ".join((name or "").split())
    if not cleaned:
        raise UserError("patient_name_required", "A patient needs a name. Type the patient's name and save again.")
    if len(cleaned) > 200:
        raise UserError("patient_name_too_long", "The patient's name is longer than 200 characters.")
    return cleaned


def check_birth_date(birth_date: dt.date | None, today: dt.date) -> None:
    if birth_date is not None and birth_date > today:
        raise UserError(
            "birth_date_in_future",
            f"The birth date {birth_date.isoformat()} is in the future.",
            birth_date=birth_date.isoformat(),
        )


def clean_icd10(code: str | None) -> str | None:
    if code is None or not code.strip():
        return None
    cleaned = code.strip().upper()
    if not _ICD10.match(cleaned):
        raise UserError("icd10_invalid", f"{code!r} is not an ICD-10 code (expected e.g. J18.9 or E11.9).", value=code)
    return cleaned


def check_sex(sex: Sex | str) -> Sex:
    try:
        return Sex(sex)
    except ValueError:
        raise UserError("sex_unknown", f"Unknown sex {sex!r}; use male, female, other or unknown.",
                        sex=str(sex)) from None


def check_kind(kind: EntryKind | str) -> EntryKind:
    try:
        return EntryKind(kind)
    except ValueError:
        raise UserError("entry_kind_unknown", f"Unknown timeline entry kind {kind!r}.", kind=str(kind)) from None


def check_allergy(allergy: Allergy) -> None:
    if not allergy.substance or not allergy.substance.strip():
        raise UserError("allergy_substance_required", "An allergy needs the substance the patient reacts to.")
    if allergy.severity is not None and allergy.severity not in SEVERITIES:
        raise UserError(
            "allergy_severity_invalid", "Allergy severity must be mild, moderate or severe.", severity=allergy.severity
        )


def check_medication(medication: Medication) -> None:
    if not medication.name or not medication.name.strip():
        raise UserError("medication_name_required", "A medication needs a drug name.")
    if medication.start and medication.end and medication.end < medication.start:
        raise UserError("medication_dates_reversed", "A medication cannot stop before it starts.")


def check_lab(lab: LabResult) -> None:
    if not lab.name or not lab.name.strip():
        raise UserError("lab_name_required", "A lab result needs the name of the test.")
    if lab.value is None and not (lab.value_text or "").strip():
        raise UserError("lab_value_required", f"The lab result {lab.name!r} has no value.", name=lab.name)


def clean_tags(tags: tuple[str, ...] | list[str]) -> list[str]:
    seen: dict[str, None] = {}
    for tag in tags:
        cleaned = " ".join(tag.split())
        if cleaned:
            if len(cleaned) > 100:
                raise UserError("tag_too_long", "A tag is longer than 100 characters.")
            seen.setdefault(cleaned, None)
    return list(seen)
