"""De-identification of a patient record (HIPAA Safe Harbor's 18 identifiers plus the Chinese ones).

Used by the Records PDF export and by the Exchange before anything leaves the machine. The result is a new
:class:`PatientRecord` plus every :class:`Change` made, so a UI can show the original and the cleaned record side by
side with each removed identifier highlighted.

What happens to what:
- the patient's name becomes 患者/Patient; relatives' names found in the text (其妻李四, his wife Mary, 其妻古丽·买买提
  and each part of such a dotted name) and clinicians' full names (主治医师王某某, Dr. John Smith) go everywhere;
- named hospitals and clinics become [医院]/[hospital] (a province at their start stays), named employers and
  schools [单位]/[employer] and [学校]/[school]; the kind of place stays (当地医院, 在化工厂工作);
- identifiers (身份证号, 住院号, 门诊号, 病案号, 医保号, MRN …), phone, e-mail and source references are removed;
- the address keeps only its province (浙江省杭州市西湖区… → 浙江省);
- every date moves by one secret offset of 1–365 days either way, derived from HMAC(secret, case_key), so the
  intervals between dates survive; the same secret and case key always give the same offset;
- the birth date keeps only its year (``birth_date`` becomes 1 January of that year and
  ``extra["birth_date_precision"]`` says "year"); past 89 years of age it goes entirely and
  ``extra["age_group"]`` is "90+", and ages over 89 written in the text become 90+;
- attachments are renamed attachment-N.ext and their captions scrubbed. The image bytes are not touched here: call
  :func:`strip_image_metadata` on each before sending, and note that a full-face photo is itself an identifier that
  only the doctor can judge.
- every other string field goes through the same scrubber — lab units and comments, codes and their texts, severities,
  media types — since an importer or a user can put anything there; a real unit, ICD-10 or LOINC code passes
  unchanged, but a bare number of seven digits or more (some RxNorm codes) reads as an identifier and goes;
- database ids are cleared: the cleaned record is meant to leave the machine.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import hmac
import re
from dataclasses import dataclass, replace
from pathlib import PurePath

from cdss.errors import UserError
from cdss.records.deid.clinicians import clinician_names
from cdss.records.deid.dates import shifted
from cdss.records.deid.images import strip_image_metadata
from cdss.records.deid.names import find_named_people
from cdss.records.deid.places import province_of
from cdss.records.deid.text import KnownIdentifiers, TextScrubber
from cdss.records.types import (
    Allergy,
    Attachment,
    Case,
    FollowUp,
    LabResult,
    Medication,
    PatientRecord,
    age_on,
)

__all__ = ["Change", "DeidResult", "date_offset_days", "deidentify", "strip_image_metadata"]

MAX_SHIFT_DAYS = 365
# extra keys whose value names or locates a person: replaced whole rather than scrubbed.
_IDENTIFYING_EXTRA_KEY = re.compile(
    r"name|contact|guardian|employer|address|phone|mobile|email|姓名|联系人|家属|监护人|单位|地址|电话|手机|邮箱",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Change:
    """One identifier removed or changed. ``field_path`` is like ``cases[0].entries[3].text``; for free text,
    ``start``/``end`` locate ``original`` in the original field value (``None`` for whole-field changes)."""

    field_path: str
    original: str
    replacement: str
    kind: str  # name, relative_name, identifier, resident_id, phone, email, url, ip, address, zip, date, age, …
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True)
class DeidResult:
    record: PatientRecord
    changes: tuple[Change, ...]
    # Local only: knowing it undoes the date shift, so it must never be sent or printed.
    date_offset_days: int


def date_offset_days(secret: bytes, case_key: str) -> int:
    """A secret, repeatable, never-zero shift in [-365, -1] ∪ [1, 365] days."""
    digest = hmac.new(secret, b"cdss-date-shift\x00" + case_key.encode("utf-8"), hashlib.sha256).digest()
    value = int.from_bytes(digest[:8], "big")
    magnitude = 1 + value % MAX_SHIFT_DAYS
    return magnitude if (value >> 63) & 1 else -magnitude


class _Walker:
    def __init__(self, record: PatientRecord, offset: int, today: dt.date) -> None:
        self.offset = offset
        self.shift = dt.timedelta(days=offset)
        self.changes: list[Change] = []
        known = KnownIdentifiers(patient_names=[record.name] if record.name.strip() else [])
        known.values += [
            (i.value, "resident_id" if "resident" in i.system else "identifier") for i in record.identifiers
        ]
        if record.phone:
            known.values.append((record.phone, "phone"))
        if record.email:
            known.values.append((record.email, "email"))
        if record.source_ref:
            known.values.append((record.source_ref, "identifier"))
        known.address = record.address
        for key, value in record.extra.items():
            if _IDENTIFYING_EXTRA_KEY.search(key) and value.strip():
                known.values.append((value, "identifier"))
                # A short Chinese value under 联系人/家属 is a name: look for it in the text as one.
                if re.fullmatch(r"[\u4e00-\u9fff]{2,4}", value.strip()):
                    known.other_names.add(value.strip())
        if record.birth_date is not None:
            known.birth_year = record.birth_date.year
            known.pooled_age = age_on(record.birth_date, today) > 89
        for text in _all_texts(record):
            known.other_names |= find_named_people(text)
            known.clinician_names |= clinician_names(text)
        known.other_names -= {record.name}
        known.clinician_names -= {record.name}
        self.known = known
        self.scrubber = TextScrubber(known, offset)

    # -- leaves ---------------------------------------------------------------------------------------------------
    def text(self, path: str, value: str, year: int) -> str:
        new, found = self.scrubber.scrub(value, year)
        self.changes += [Change(path, f.original, f.replacement, f.kind, f.start, f.end) for f in found]
        return new

    def opt_text(self, path: str, value: str | None, year: int) -> str | None:
        return None if value is None else self.text(path, value, year)

    def date(self, path: str, value: dt.date | None) -> dt.date | None:
        if value is None:
            return None
        new = shifted(value, self.shift)
        self.changes.append(Change(path, value.isoformat(), new.isoformat(), "date"))
        return new

    def when(self, path: str, value: dt.datetime) -> dt.datetime:
        new = shifted(value, self.shift)
        self.changes.append(Change(path, value.isoformat(sep=" "), new.isoformat(sep=" "), "date"))
        return new

    def removed(self, path: str, value: str | None, kind: str, replacement: str = "") -> None:
        if value:
            self.changes.append(Change(path, value, replacement, kind))

    # -- structure ------------------------------------------------------------------------------------------------
    def patient(self, record: PatientRecord) -> PatientRecord:
        year = record.cases[0].opened_on.year if record.cases else dt.date.today().year
        chinese = bool(re.search(r"[\u3400-\u9fff]", record.name)) or not record.name.strip()
        new_name = "患者" if chinese else "Patient"
        self.removed("name", record.name, "name", new_name)
        for i, ident in enumerate(record.identifiers):
            self.removed(f"identifiers[{i}]", f"{ident.system}: {ident.value}", "identifier")
        self.removed("phone", record.phone, "phone")
        self.removed("email", record.email, "email")
        self.removed("source_ref", record.source_ref, "identifier")
        province = province_of(record.address) if record.address else None
        self.removed("address", record.address, "address", province or "")
        extra: dict[str, str] = {}
        for key, value in record.extra.items():
            if _IDENTIFYING_EXTRA_KEY.search(key):
                self.removed(f"extra[{key}]", value, "identifier")
            else:
                extra[key] = self.text(f"extra[{key}]", value, year)
        birth = None
        if record.birth_date is not None:
            if self.known.pooled_age:
                extra["age_group"] = "90+"
                self.removed("birth_date", record.birth_date.isoformat(), "birth_date", "90+")
            else:
                birth = dt.date(record.birth_date.year, 1, 1)
                extra["birth_date_precision"] = "year"
                self.removed("birth_date", record.birth_date.isoformat(), "birth_date", str(record.birth_date.year))
        return replace(
            record,
            name=new_name,
            birth_date=birth,
            identifiers=(),
            phone=None,
            address=province,
            email=None,
            allergies=tuple(self.allergy(f"allergies[{i}]", a, year) for i, a in enumerate(record.allergies)),
            medications=tuple(self.medication(f"medications[{i}]", m, year) for i, m in enumerate(record.medications)),
            cases=tuple(self.case(f"cases[{i}]", c) for i, c in enumerate(record.cases)),
            labs=tuple(self.lab(f"labs[{i}]", lab) for i, lab in enumerate(record.labs)),
            tags=tuple(self.text(f"tags[{i}]", t, year) for i, t in enumerate(record.tags)),
            notes=self.text("notes", record.notes, year),
            source_ref=None,
            id=None,
            extra=extra,
        )

    def allergy(self, path: str, a: Allergy, year: int) -> Allergy:
        return replace(
            a,
            substance=self.text(f"{path}.substance", a.substance, year),
            reaction=self.opt_text(f"{path}.reaction", a.reaction, year),
            severity=self.opt_text(f"{path}.severity", a.severity, year),
            recorded_on=self.date(f"{path}.recorded_on", a.recorded_on),
            id=None,
        )

    def medication(self, path: str, m: Medication, year: int) -> Medication:
        return replace(
            m,
            name=self.text(f"{path}.name", m.name, year),
            dose=self.opt_text(f"{path}.dose", m.dose, year),
            route=self.opt_text(f"{path}.route", m.route, year),
            start=self.date(f"{path}.start", m.start),
            end=self.date(f"{path}.end", m.end),
            # Codes are text too: an importer puts whatever the source had there, and a code passes unchanged.
            drug_id=self.opt_text(f"{path}.drug_id", m.drug_id, year),
            code=self.opt_text(f"{path}.code", m.code, year),
            code_system=self.opt_text(f"{path}.code_system", m.code_system, year),
            id=None,
        )

    def lab(self, path: str, lab: LabResult) -> LabResult:
        year = lab.taken_at.year
        return replace(
            lab,
            name=self.text(f"{path}.name", lab.name, year),
            value_text=self.opt_text(f"{path}.value_text", lab.value_text, year),
            # A unit field can carry a note ("mmol/L 王医生复核"); a real unit passes through unchanged.
            unit=self.opt_text(f"{path}.unit", lab.unit, year),
            loinc=self.opt_text(f"{path}.loinc", lab.loinc, year),
            taken_at=self.when(f"{path}.taken_at", lab.taken_at),
            id=None,
        )

    def attachment(self, path: str, att: Attachment, number: int, year: int) -> Attachment:
        new_name = f"attachment-{number}{PurePath(att.filename).suffix.lower()}"
        self.removed(f"{path}.filename", att.filename, "attachment_name", new_name)
        return replace(att, filename=new_name, caption=self.opt_text(f"{path}.caption", att.caption, year),
                       media_type=self.text(f"{path}.media_type", att.media_type, year), id=None)

    def case(self, path: str, case: Case) -> Case:
        year = case.opened_on.year
        entries = []
        attachments = 0
        for i, e in enumerate(case.entries):
            p = f"{path}.entries[{i}]"
            att = None
            if e.attachment is not None:
                attachments += 1
                att = self.attachment(f"{p}.attachment", e.attachment, attachments, e.occurred_at.year)
            entries.append(
                replace(
                    e,
                    occurred_at=self.when(f"{p}.occurred_at", e.occurred_at),
                    text=self.text(f"{p}.text", e.text, e.occurred_at.year),
                    icd10=self.opt_text(f"{p}.icd10", e.icd10, e.occurred_at.year),
                    attachment=att,
                    lab=self.lab(f"{p}.lab", e.lab) if e.lab else None,
                    id=None,
                )
            )
        self.removed(f"{path}.source_ref", case.source_ref, "identifier")
        return replace(
            case,
            title=self.text(f"{path}.title", case.title, year),
            opened_on=self.date(f"{path}.opened_on", case.opened_on) or case.opened_on,
            closed_on=self.date(f"{path}.closed_on", case.closed_on),
            entries=tuple(entries),
            follow_ups=tuple(self.follow_up(f"{path}.follow_ups[{i}]", f) for i, f in enumerate(case.follow_ups)),
            labs=tuple(self.lab(f"{path}.labs[{i}]", lab) for i, lab in enumerate(case.labs)),
            tags=tuple(self.text(f"{path}.tags[{i}]", t, year) for i, t in enumerate(case.tags)),
            source_ref=None,
            id=None,
        )

    def follow_up(self, path: str, f: FollowUp) -> FollowUp:
        return replace(
            f, due=self.date(f"{path}.due", f.due) or f.due, note=self.text(f"{path}.note", f.note, f.due.year), id=None
        )


def _all_texts(value: object) -> list[str]:
    """Every string anywhere in the record, for the first pass that learns names: a name introduced in a lab's unit
    or a code's text must still be found when it is reused in a note."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [t for v in value.values() for t in _all_texts(v)]
    if isinstance(value, list | tuple):
        return [t for v in value for t in _all_texts(v)]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return [t for f in dataclasses.fields(value) for t in _all_texts(getattr(value, f.name))]
    return []


def deidentify(record: PatientRecord, secret: bytes, *, case_key: str, today: dt.date | None = None) -> DeidResult:
    """Return the de-identified copy of ``record`` and every change made.

    ``secret`` is the workspace's private key (at least 16 bytes); ``case_key`` names what is being shared or
    exported (e.g. the case's stable uuid), so every export of the same case shifts its dates by the same amount.
    ``today`` fixes the date ages are computed on (tests).
    """
    if len(secret) < 16:
        raise UserError("deid_secret_too_short", "The de-identification secret must be at least 16 bytes long.")
    if not case_key:
        raise UserError("deid_case_key_missing", "A case key is needed to derive the date shift.")
    offset = date_offset_days(secret, case_key)
    walker = _Walker(record, offset, today or dt.date.today())
    new_record = walker.patient(record)
    return DeidResult(record=new_record, changes=tuple(walker.changes), date_offset_days=offset)
