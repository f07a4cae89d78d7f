"""The copying between plain records dataclasses and ORM rows, and the bookkeeping after a change (:func:`touch`).

Values are checked on the way in (:mod:`cdss.records.record_values`). Nothing here opens a transaction: callers pass
the session of their own unit of work.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

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
from cdss.records.record_values import (
    check_allergy,
    check_kind,
    check_lab,
    check_medication,
    clean_icd10,
    clean_tags,
    naive,
)
from cdss.records.types import Allergy, Attachment, Case, Entry, EntryKind, FollowUp, Identifier, LabResult, Medication


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


def identifier_values(session: Session, patient_id: int, identifiers: tuple[Identifier, ...]) -> list[dict[str, Any]]:
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
    rows: list[dict[str, Any]] = []
    for system, value in cleaned:
        if not system or not value:
            raise UserError("identifier_incomplete", "An identifier needs both a type and a value.")
        taken_by = owners.get((system, value))
        if taken_by is not None:
            raise UserError(
                "identifier_taken",
                f"Another patient already has the identifier {system} {value}.",
                system=system,
                value=value,
                patient_id=taken_by,
            )
        owners[(system, value)] = patient_id  # the same identifier twice in one record is refused too
        rows.append({"patient_id": patient_id, "system": system, "value": value})
    return rows


def set_identifiers(session: Session, patient_id: int, identifiers: tuple[Identifier, ...]) -> None:
    session.execute(delete(PatientIdentifierRow).where(PatientIdentifierRow.patient_id == patient_id))
    session.flush()
    session.add_all(PatientIdentifierRow(**values) for values in identifier_values(session, patient_id, identifiers))
    session.flush()


def allergy_values(patient_id: int, allergy: Allergy) -> dict[str, Any]:
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


def medication_values(patient_id: int, med: Medication) -> dict[str, Any]:
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


def lab_values(patient_id: int, case_id: int | None, lab: LabResult) -> dict[str, Any]:
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


def case_values(patient_id: int, case: Case, stamp: dt.datetime) -> dict[str, Any]:
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
                 stamp: dt.datetime | None = None) -> tuple[dict[str, Any], dict[str, Any] | None]:
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
        attachment = to_attachment(session.get_one(AttachmentRow, row.attachment_id), row.caption)
    lab = to_lab(session.get_one(LabResultRow, row.lab_result_id)) if row.lab_result_id is not None else None
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
