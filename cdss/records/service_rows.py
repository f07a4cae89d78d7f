"""Validation and the copying between plain records dataclasses and ORM rows, shared by the records services.

Nothing here opens a transaction: callers pass the session of their own unit of work.
"""

from __future__ import annotations

import datetime as dt
import re

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from cdss.clock import utc_now
from cdss.errors import UserError
from cdss.records.models import (
    AllergyRow,
    AttachmentRow,
    CaseRow,
    CaseTagRow,
    EntryRow,
    FollowUpRow,
    LabResultRow,
    MedicationRow,
    PatientIdentifierRow,
    PatientRow,
    PatientTagRow,
    TagRow,
)
from cdss.records.types import (
    Allergy,
    Attachment,
    Case,
    Entry,
    EntryKind,
    FollowUp,
    Identifier,
    LabResult,
    Medication,
    Sex,
)

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


# -- writing ----------------------------------------------------------------------------------------------------------
def tag_ids(session: Session, names: list[str]) -> list[int]:
    ids = []
    for name in names:
        row = session.scalars(select(TagRow).where(TagRow.name == name)).first()
        if row is None:
            row = TagRow(name=name)
            session.add(row)
            session.flush()
        ids.append(row.id)
    return ids


def set_patient_tags(session: Session, patient_id: int, tags: tuple[str, ...] | list[str]) -> None:
    session.execute(delete(PatientTagRow).where(PatientTagRow.patient_id == patient_id))
    for tag_id in tag_ids(session, clean_tags(tags)):
        session.add(PatientTagRow(patient_id=patient_id, tag_id=tag_id))


def set_case_tags(session: Session, case_id: int, tags: tuple[str, ...] | list[str]) -> None:
    session.execute(delete(CaseTagRow).where(CaseTagRow.case_id == case_id))
    for tag_id in tag_ids(session, clean_tags(tags)):
        session.add(CaseTagRow(case_id=case_id, tag_id=tag_id))


def identifier_values(session: Session, patient_id: int, identifiers: tuple[Identifier, ...]) -> list[dict]:
    """The identifier rows' values for a patient, refused when incomplete or already someone's (or repeated here).

    One query for all of them (a Synthea patient carries five or six); the patient's own old identifiers must already
    be gone from the session's view (see :func:`set_identifiers`).
    """
    cleaned = [(ident.system.strip(), ident.value.strip()) for ident in identifiers]
    values = [value for system, value in cleaned if system and value]
    owners: dict[tuple[str, str], int] = {}
    if values:
        for system, value, owner in session.execute(
            select(PatientIdentifierRow.system, PatientIdentifierRow.value, PatientIdentifierRow.patient_id).where(
                PatientIdentifierRow.value.in_(values)
            )
        ):
            owners[(system, value)] = owner
    rows: list[dict] = []
    for system, value in cleaned:
        if not system or not value:
            raise UserError("identifier_incomplete", "An identifier needs both a type and a value.")
        owner = owners.get((system, value))
        if owner is not None:
            raise UserError(
                "identifier_taken",
                f"Another patient already has the identifier {system} {value}.",
                system=system,
                value=value,
                patient_id=owner,
            )
        owners[(system, value)] = patient_id  # the same identifier twice in one record is refused too
        rows.append({"patient_id": patient_id, "system": system, "value": value})
    return rows


def set_identifiers(session: Session, patient_id: int, identifiers: tuple[Identifier, ...]) -> None:
    session.execute(delete(PatientIdentifierRow).where(PatientIdentifierRow.patient_id == patient_id))
    session.flush()
    session.add_all(PatientIdentifierRow(**values) for values in identifier_values(session, patient_id, identifiers))
    session.flush()


def allergy_values(patient_id: int, allergy: Allergy) -> dict:
    check_allergy(allergy)
    return {
        "patient_id": patient_id,
        "substance": allergy.substance.strip(),
        "reaction": allergy.reaction,
        "severity": allergy.severity,
        "verified": allergy.verified,
        "recorded_on": allergy.recorded_on,
    }


def allergy_row(patient_id: int, allergy: Allergy) -> AllergyRow:
    return AllergyRow(**allergy_values(patient_id, allergy))


def medication_values(patient_id: int, med: Medication) -> dict:
    check_medication(med)
    return {
        "patient_id": patient_id,
        "name": med.name.strip(),
        "dose": med.dose,
        "route": med.route,
        "start": med.start,
        "end": med.end,
        "active": med.active,
        "drug_id": med.drug_id,
        "code": med.code,
        "code_system": med.code_system,
    }


def medication_row(patient_id: int, med: Medication) -> MedicationRow:
    return MedicationRow(**medication_values(patient_id, med))


def lab_values(patient_id: int, case_id: int | None, lab: LabResult) -> dict:
    check_lab(lab)
    return {
        "patient_id": patient_id,
        "case_id": case_id,
        "name": lab.name.strip(),
        "loinc": lab.loinc,
        "taken_at": naive(lab.taken_at),
        "value": lab.value,
        "value_text": lab.value_text,
        "unit": lab.unit,
        "ref_low": lab.ref_low,
        "ref_high": lab.ref_high,
    }


def lab_row(patient_id: int, case_id: int | None, lab: LabResult) -> LabResultRow:
    return LabResultRow(**lab_values(patient_id, case_id, lab))


def attachment_row_for(session: Session, attachment: Attachment) -> AttachmentRow:
    """The attachment row for a stored file, created on first reference (files are shared by content hash)."""
    digest = attachment.sha256.strip().lower()
    row = session.scalars(select(AttachmentRow).where(AttachmentRow.sha256 == digest)).first()
    if row is None:
        row = AttachmentRow(
            sha256=digest,
            filename=attachment.filename,
            media_type=attachment.media_type,
            size=attachment.size,
            created_at=utc_now(),
        )
        session.add(row)
        session.flush()
    return row


def case_values(patient_id: int, case: Case, stamp: dt.datetime) -> dict:
    if not case.title or not case.title.strip():
        raise UserError("case_title_required", "A case needs a title (e.g. the main problem).")
    return {
        "patient_id": patient_id,
        "title": case.title.strip(),
        "opened_on": case.opened_on,
        "closed_on": case.closed_on,
        "source_ref": case.source_ref,
        "created_at": stamp,
        "updated_at": stamp,
    }


def write_case(session: Session, patient_id: int, case: Case) -> CaseRow:
    row = CaseRow(**case_values(patient_id, case, utc_now()))
    session.add(row)
    session.flush()
    for entry in case.entries:
        write_entry(session, patient_id, row.id, entry)
    for lab in case.labs:
        session.add(lab_row(patient_id, row.id, lab))
    for follow_up in case.follow_ups:
        session.add(FollowUpRow(case_id=row.id, due=follow_up.due, note=follow_up.note, done=follow_up.done))
    set_case_tags(session, row.id, case.tags)
    return row


def entry_values(session: Session, patient_id: int, case_id: int | None, entry: Entry,
                 stamp: dt.datetime | None = None) -> tuple[dict, dict | None]:
    """The entry's values (``lab_result_id`` left None) and its lab result's values, checked in this order: kind,
    ICD-10 code, attachment, lab value, and that the entry holds something."""
    kind = check_kind(entry.kind)
    icd10 = clean_icd10(entry.icd10)
    attachment_id = caption = None
    if entry.attachment is not None:
        attachment_id = attachment_row_for(session, entry.attachment).id
        caption = entry.attachment.caption
    lab = lab_values(patient_id, case_id, entry.lab) if entry.lab is not None else None
    if not (entry.text or "").strip() and attachment_id is None and lab is None:
        raise UserError("entry_empty", "A timeline entry needs some text, a file or a lab value.")
    stamp = stamp or utc_now()
    values = {
        "case_id": case_id,
        "kind": kind.value,
        "occurred_at": naive(entry.occurred_at),
        "text": entry.text or "",
        "icd10": icd10,
        "attachment_id": attachment_id,
        "caption": caption,
        "lab_result_id": None,
        "created_at": stamp,
        "updated_at": stamp,
    }
    return values, lab


def write_entry(session: Session, patient_id: int, case_id: int, entry: Entry) -> EntryRow:
    values, lab = entry_values(session, patient_id, case_id, entry)
    if lab is not None:
        result = LabResultRow(**lab)
        session.add(result)
        session.flush()
        values["lab_result_id"] = result.id
    row = EntryRow(**values)
    session.add(row)
    session.flush()
    return row


# -- reading ----------------------------------------------------------------------------------------------------------
def to_allergy(row: AllergyRow) -> Allergy:
    return Allergy(row.substance, row.reaction, row.severity, row.verified, row.recorded_on, row.id)


def to_medication(row: MedicationRow) -> Medication:
    return Medication(
        row.name, row.dose, row.route, row.start, row.end, row.active, row.drug_id, row.code, row.code_system, row.id
    )


def to_lab(row: LabResultRow) -> LabResult:
    return LabResult(
        row.name, row.taken_at, row.value, row.value_text, row.unit, row.ref_low, row.ref_high, row.loinc, row.id
    )


def to_attachment(row: AttachmentRow, caption: str | None = None) -> Attachment:
    return Attachment(row.sha256, row.filename, row.media_type, row.size, caption, row.id)


def to_follow_up(row: FollowUpRow) -> FollowUp:
    return FollowUp(row.due, row.note, row.done, row.id)


def to_entry(session: Session, row: EntryRow) -> Entry:
    attachment = None
    if row.attachment_id is not None:
        attachment = to_attachment(session.get(AttachmentRow, row.attachment_id), row.caption)
    lab = to_lab(session.get(LabResultRow, row.lab_result_id)) if row.lab_result_id is not None else None
    return Entry(EntryKind(row.kind), row.occurred_at, row.text, row.icd10, attachment, lab, row.id)


def case_tags(session: Session, case_id: int) -> tuple[str, ...]:
    return tuple(
        session.scalars(
            select(TagRow.name)
            .join(CaseTagRow, CaseTagRow.tag_id == TagRow.id)
            .where(CaseTagRow.case_id == case_id)
            .order_by(TagRow.name)
        )
    )


def to_case(session: Session, row: CaseRow) -> Case:
    entries = session.scalars(
        select(EntryRow)
        .where(EntryRow.case_id == row.id, EntryRow.deleted_at.is_(None))
        .order_by(EntryRow.occurred_at, EntryRow.id)
    ).all()
    # Including soft-deleted entries: their labs come back with them on undo, not as loose case labs meanwhile.
    linked = set(
        session.scalars(
            select(EntryRow.lab_result_id).where(EntryRow.case_id == row.id, EntryRow.lab_result_id.is_not(None))
        )
    )
    labs = session.scalars(
        select(LabResultRow).where(LabResultRow.case_id == row.id).order_by(LabResultRow.taken_at, LabResultRow.id)
    ).all()
    follow_ups = session.scalars(
        select(FollowUpRow).where(FollowUpRow.case_id == row.id).order_by(FollowUpRow.due, FollowUpRow.id)
    ).all()
    return Case(
        title=row.title,
        opened_on=row.opened_on,
        entries=tuple(to_entry(session, e) for e in entries),
        follow_ups=tuple(to_follow_up(f) for f in follow_ups),
        # A lab captured on the timeline appears once, inside its entry, not again in the case's lab list.
        labs=tuple(to_lab(lab) for lab in labs if lab.id not in linked),
        tags=case_tags(session, row.id),
        closed_on=row.closed_on,
        source_ref=row.source_ref,
        id=row.id,
    )


# -- bookkeeping after a change ---------------------------------------------------------------------------------------
def touch(session: Session, patient_id: int, action: str, detail: str | None, actor: str | None) -> None:
    """After any change to a patient's record: bump updated_at, rebuild the search document, write the audit row.

    All three happen in the caller's transaction, so the index and the audit log can never disagree with the data.
    """
    from cdss import audit
    from cdss.records import search

    row = session.get(PatientRow, patient_id)
    if row is not None:
        row.updated_at = utc_now()
        session.flush()
    search.reindex_patient(session, patient_id)
    audit.record(session, action, "patient", patient_id, detail, actor=actor)
