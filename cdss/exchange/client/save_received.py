"""Save a case received from the exchange into one's own records, as a new de-identified reference patient.

The new patient carries its origin (``source_ref`` ``exchange:<case uuid>``, the tag ``exchange`` and the server,
author and revision in its notes and extra fields), so it is never mistaken for a patient of one's own. Only what the
shared case says is stored: the structured content (``cdss-shared-case/1``) becomes timeline entries, labs,
allergies and medications; anything else is kept as one note with the summary and text. Nothing is invented — no
birth date (only the shared age band, in the notes), and the dates stay as shared (shifted by the author's client).
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from cdss.errors import UserError
from cdss.exchange.models import ExchangeReceivedCaseRow
from cdss.exchange.schemas import CaseOut
from cdss.records.types import Allergy, Case, Entry, EntryKind, FollowUp, LabResult, Medication, PatientRecord, Sex
from cdss.workspace import Workspace

ORIGIN_TAG = "exchange"
SHARED_FORMAT = "cdss-shared-case/1"


def source_ref_of(case_uuid: str) -> str:
    return f"exchange:{case_uuid}"


def saved_patient_id(workspace: Workspace, case_uuid: str) -> int | None:
    """The patient a received case was saved as, if it was."""
    from cdss.records.access import patient_by_source_ref

    with workspace.unit_of_work() as session:
        return patient_by_source_ref(session, source_ref_of(case_uuid))


def received_case(workspace: Workspace, case_uuid: str) -> CaseOut:
    with workspace.unit_of_work() as session:
        row = session.get(ExchangeReceivedCaseRow, case_uuid)
        if row is None:
            raise UserError("exchange_case_not_received", "This case has not been received; sync first.",
                            case_uuid=case_uuid)
        return CaseOut.model_validate_json(row.case_json)


def save_received_case(workspace: Workspace, case: CaseOut, *, server_url: str | None = None,
                       patient_name: str | None = None) -> int:
    """Store ``case`` as a new patient with one case; returns the patient id. Refuses a second copy."""
    from cdss.records.service import RecordsService

    case_uuid = str(case.case_uuid)
    existing = saved_patient_id(workspace, case_uuid)
    if existing is not None:
        raise UserError("exchange_case_already_saved", "This shared case is already in your records.",
                        patient_id=existing)
    record = record_from_shared_case(case, server_url=server_url, patient_name=patient_name)
    record = _with_received_images(workspace, case, record)
    return RecordsService(workspace, actor="exchange").patients.save_record(record)


def _with_received_images(workspace: Workspace, case: CaseOut, record: PatientRecord) -> PatientRecord:
    """Add the case's pictures that are already downloaded as attachment entries (missing ones are left out)."""
    from dataclasses import replace

    from cdss.exchange.client.images import local_image
    from cdss.records.attachments import AttachmentStore

    if not case.images or not record.cases:
        return record
    store = AttachmentStore.of(workspace)
    clinical = record.cases[0]
    when = dt.datetime.combine(clinical.opened_on or case.created_at.date(), dt.time())
    entries = list(clinical.entries)
    for number, ref in enumerate(case.images, start=1):
        path = local_image(workspace, ref.sha256)
        if path is None:
            continue
        suffix = ".png" if ref.content_type == "image/png" else ".jpg"
        stored = store.put_file(path, f"exchange-image-{number}{suffix}")
        entries.append(Entry(EntryKind.ATTACHMENT, when, ref.caption,
                             attachment=replace(stored, caption=ref.caption or None)))
    return replace(record, cases=(replace(clinical, entries=tuple(entries)),))


def record_from_shared_case(case: CaseOut, *, server_url: str | None = None,
                            patient_name: str | None = None) -> PatientRecord:
    case_uuid = str(case.case_uuid)
    content = _structured(case.body)
    tags = tuple(dict.fromkeys([case.specialty.value, *case.tags]))
    if content is not None:
        clinical = _case_from_content(case, content, tags)
        allergies = tuple(_allergy(a) for a in content.get("allergies") or () if (a or {}).get("substance"))
        medications = tuple(_medication(m) for m in content.get("medications") or () if (m or {}).get("name"))
    else:
        text = case.summary if not case.body.strip() else f"{case.summary}\n\n{case.body}"
        opened = case.created_at.date()
        clinical = Case(title=case.title, opened_on=opened, tags=tags, source_ref=source_ref_of(case_uuid),
                        entries=(Entry(EntryKind.NOTE, dt.datetime.combine(opened, dt.time()), text),))
        allergies, medications = (), ()
    origin = {"exchange_case_uuid": case_uuid, "exchange_author": case.author,
              "exchange_revision": str(case.revision), "exchange_server": server_url or ""}
    if case.age_band:
        origin["exchange_age_band"] = case.age_band
    notes = (f"Saved from the case exchange{f' ({server_url})' if server_url else ''}: shared by {case.author}, "
             f"revision {case.revision}, case {case_uuid}. De-identified by its author; dates are shifted."
             + (f" Age band: {case.age_band}." if case.age_band else ""))
    return PatientRecord(
        name=patient_name or f"Exchange {case_uuid[:8]}",
        sex=Sex(case.sex) if case.sex in {s.value for s in Sex} else Sex.UNKNOWN,
        allergies=allergies, medications=medications, cases=(clinical,), tags=(ORIGIN_TAG,), notes=notes,
        source_ref=source_ref_of(case_uuid), extra=origin,
    )


def _structured(body: str) -> dict | None:
    try:
        content = json.loads(body)
    except (ValueError, TypeError):
        return None
    if not isinstance(content, dict) or content.get("format") != SHARED_FORMAT or not isinstance(
            content.get("case"), dict):
        return None
    return content


def _case_from_content(case: CaseOut, content: dict, tags: tuple[str, ...]) -> Case:
    shared = content["case"]
    opened = _date(shared.get("opened_on")) or case.created_at.date()
    entries = []
    for item in shared.get("entries") or ():
        occurred = _datetime(item.get("occurred_at")) or dt.datetime.combine(opened, dt.time())
        lab = _lab(item["lab"], occurred) if isinstance(item.get("lab"), dict) else None
        text = str(item.get("text") or "")
        if not text.strip() and lab is None:
            continue  # e.g. an attachment entry: files are not shared, and an empty entry is refused
        entries.append(Entry(kind=_kind(item.get("kind")), occurred_at=occurred, text=text,
                             icd10=item.get("icd10") or None, lab=lab))
    opened_at = dt.datetime.combine(opened, dt.time())
    labs = tuple(_lab(lab, opened_at) for lab in shared.get("labs") or ()
                 if isinstance(lab, dict) and lab.get("name"))
    follow_ups = tuple(FollowUp(due=due, note=str(f.get("note") or ""), done=bool(f.get("done")))
                       for f in shared.get("follow_ups") or () if (due := _date(f.get("due"))) is not None)
    return Case(title=case.title, opened_on=opened, closed_on=_date(shared.get("closed_on")), entries=tuple(entries),
                labs=labs, follow_ups=follow_ups, tags=tags, source_ref=source_ref_of(str(case.case_uuid)))


def _kind(value: Any) -> EntryKind:
    try:
        return EntryKind(value)
    except ValueError:
        return EntryKind.NOTE


def _lab(data: dict, fallback_time: dt.datetime) -> LabResult:
    return LabResult(name=str(data.get("name") or "lab"), taken_at=_datetime(data.get("taken_at")) or fallback_time,
                     value=data.get("value") if isinstance(data.get("value"), int | float) else None,
                     value_text=data.get("value_text"), unit=data.get("unit"), ref_low=_number(data.get("ref_low")),
                     ref_high=_number(data.get("ref_high")), loinc=data.get("loinc"))


def _allergy(data: dict) -> Allergy:
    return Allergy(substance=str(data["substance"]), reaction=data.get("reaction"), severity=data.get("severity"))


def _medication(data: dict) -> Medication:
    return Medication(name=str(data["name"]), dose=data.get("dose"), route=data.get("route"),
                      start=_date(data.get("start")), end=_date(data.get("end")), active=bool(data.get("active")))


def _number(value: Any) -> float | None:
    return float(value) if isinstance(value, int | float) else None


def _date(value: Any) -> dt.date | None:
    parsed = _datetime(value)
    return None if parsed is None else parsed.date()


def _datetime(value: Any) -> dt.datetime | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        return dt.datetime.fromisoformat(value)
    except ValueError:
        return None
