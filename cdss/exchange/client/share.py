"""Build the exact de-identified payload a share would send, and queue it once the patient's consent is recorded.

The de-identification secret is a 32-byte file ``exchange/deid-secret`` (mode 0600) rather than a database row:
workspace backups copy the database, and a backup handed to someone must not carry the key that undoes the date
shift. The case key is a per-case uuid stored in ``exchange_case_link``; it doubles as the case's id on the server so
a second publish of the same case is recognised there.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import uuid
from dataclasses import dataclass

from cdss.clock import utc_now
from cdss.errors import UserError
from cdss.exchange.client.images import ShareImage, prepare_case_images
from cdss.exchange.client.outbox import enqueue
from cdss.exchange.models import ExchangeCaseLinkRow, ExchangeConsentRow
from cdss.exchange.schemas import CasePublish, Specialty
from cdss.records.deid_secret import workspace_secret
from cdss.records.deidentify import Change, deidentify
from cdss.records.types import Case, PatientRecord
from cdss.workspace import Workspace

SUMMARY_MAX = 2000
TITLE_MAX = 200


@dataclass(frozen=True)
class SharePreview:
    """What sharing would send (``payload``) and every identifier removed (``changes``, for a side-by-side view)."""

    case_id: int
    payload: CasePublish
    changes: tuple[Change, ...]
    # The record as stored (only this case) and as de-identified: ``changes`` paths point into both.
    original: PatientRecord | None = None
    deidentified: PatientRecord | None = None
    # Pictures sent with the case (metadata already removed) and attachments that will not be sent (not JPEG/PNG).
    images: tuple[ShareImage, ...] = ()
    skipped_attachments: tuple[str, ...] = ()

    def payload_json(self) -> str:
        return self.payload.model_dump_json(indent=2)


def case_uuid_for(workspace: Workspace, case_id: int) -> str:
    """The stable uuid of a local case, created on first use."""
    with workspace.unit_of_work() as session:
        link = session.get(ExchangeCaseLinkRow, case_id)
        if link is None:
            link = ExchangeCaseLinkRow(case_id=case_id, case_uuid=str(uuid.uuid4()))
            session.add(link)
        return link.case_uuid


def build_share_preview(workspace: Workspace, case_id: int, *, today: dt.date | None = None) -> SharePreview:
    """The exact CasePublish that :func:`share_case` would queue; nothing is sent. Stored: the case uuid and the
    metadata-free copies of the case's photos (under ``exchange/images``), which are what would be uploaded."""
    from cdss.records.access import case_ref
    from cdss.records.service import RecordsService

    with workspace.unit_of_work() as session:
        owner = case_ref(session, case_id)
    if owner is None:
        raise UserError("case_not_found", f"There is no case {case_id} in this workspace.", case_id=case_id)
    patient_id = owner.patient_id
    record = RecordsService(workspace).patients.get(patient_id)
    only_case = tuple(c for c in record.cases if c.id == case_id)
    # De-identify just this patient-level subset and this case: other cases never leave the machine.
    subset = PatientRecord(name=record.name, sex=record.sex, birth_date=record.birth_date,
                           identifiers=record.identifiers, phone=record.phone, address=record.address,
                           email=record.email, allergies=record.allergies, medications=record.medications,
                           cases=only_case, extra=dict(record.extra))
    case_uuid = case_uuid_for(workspace, case_id)
    result = deidentify(subset, workspace_secret(workspace), case_key=case_uuid, today=today)
    clean = result.record
    case = clean.cases[0]
    content = _structured_content(clean, case)
    images, skipped = prepare_case_images(workspace, only_case[0], case) if only_case else ([], [])
    payload = CasePublish(
        case_uuid=uuid.UUID(case_uuid),
        title=(case.title.strip() or "Shared case")[:TITLE_MAX],
        specialty=_specialty_from_tags(case.tags),
        tags=_wire_tags(case.tags),
        summary=_summary(case)[:SUMMARY_MAX],
        body=json.dumps(content, ensure_ascii=False, indent=1, sort_keys=True),
        age_band=_age_band(clean, today or dt.date.today()),
        sex=clean.sex.value,
        images=[image.wire_ref() for image in images],
    )
    return SharePreview(case_id=case_id, payload=payload, changes=result.changes, original=subset, deidentified=clean,
                        images=tuple(images), skipped_attachments=tuple(skipped))


def _enqueue_images(session, case_uuid: str, preview: SharePreview) -> None:
    for image in preview.images:
        enqueue(session, "image", case_uuid, {"sha256": image.sha256, "content_type": image.content_type})


def share_case(workspace: Workspace, case_id: int, consent_recorded: bool, *, today: dt.date | None = None) -> int:
    """Record the patient's consent and queue a publish; returns the outbox row id. Nothing is sent here."""
    _require_consent(consent_recorded, case_id)
    preview = build_share_preview(workspace, case_id, today=today)
    payload = preview.payload.model_dump(mode="json")
    with workspace.unit_of_work() as session:
        # Consent and the queued publish commit together: no share without its consent, no consent lost.
        session.add(_consent_row(case_id, str(preview.payload.case_uuid), payload))
        _enqueue_images(session, str(preview.payload.case_uuid), preview)
        return enqueue(session, "publish", str(preview.payload.case_uuid), payload)


def _require_consent(consent_recorded: bool, case_id: int) -> None:
    if not consent_recorded:
        raise UserError("consent_required", "Record the patient's separate consent to share this case before "
                        "sharing it (PIPL requires it).", case_id=case_id)


def _consent_row(case_id: int, case_uuid: str, payload: dict) -> ExchangeConsentRow:
    """The consent for exactly this payload: when it was recorded and a digest of what it covered."""
    digest = hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()
    return ExchangeConsentRow(case_id=case_id, case_uuid=case_uuid,
                              recorded_at=utc_now(), payload_sha256=digest)


# -- payload pieces ----------------------------------------------------------------------------------------------
def _structured_content(record: PatientRecord, case: Case) -> dict:
    iso = _iso
    pooled = bool(record.extra.get("age_group"))  # 90+: not even the birth year goes
    return {
        "format": "cdss-shared-case/1",
        "sex": record.sex.value,
        "birth_year": None if pooled or record.birth_date is None else record.birth_date.year,
        "age_group": record.extra.get("age_group"),
        "allergies": [{"substance": a.substance, "reaction": a.reaction, "severity": a.severity}
                      for a in record.allergies],
        "medications": [{"name": m.name, "dose": m.dose, "route": m.route, "start": iso(m.start), "end": iso(m.end),
                         "active": m.active} for m in record.medications],
        "case": {
            "title": case.title, "opened_on": iso(case.opened_on), "closed_on": iso(case.closed_on),
            "tags": list(case.tags),
            "entries": [{"kind": e.kind.value, "occurred_at": iso(e.occurred_at), "text": e.text, "icd10": e.icd10,
                         "lab": _lab(e.lab) if e.lab else None} for e in case.entries],
            "labs": [_lab(lab) for lab in case.labs],
            "follow_ups": [{"due": iso(f.due), "note": f.note, "done": f.done} for f in case.follow_ups],
        },
        "dates_note": "All dates are shifted by one undisclosed offset; intervals between them are preserved.",
    }


def _lab(lab) -> dict:
    return {"name": lab.name, "taken_at": _iso(lab.taken_at), "value": lab.value, "value_text": lab.value_text,
            "unit": lab.unit, "ref_low": lab.ref_low, "ref_high": lab.ref_high, "loinc": lab.loinc}


def _iso(value: dt.date | None) -> str | None:
    return None if value is None else value.isoformat()


def _summary(case: Case) -> str:
    for entry in case.entries:
        if entry.text.strip():
            return entry.text.strip()
    return case.title.strip() or "Shared case"


def _specialty_from_tags(tags: tuple[str, ...]) -> Specialty:
    # Only an explicit tag names the specialty; guessing it from the diagnosis would invent a fact.
    for tag in tags:
        try:
            return Specialty(tag.strip().lower().replace(" ", "_").replace("-", "_"))
        except ValueError:
            continue
    return Specialty.general


def _wire_tags(tags: tuple[str, ...]) -> list[str]:
    import re

    cleaned = []
    for tag in tags:
        value = re.sub(r"[^\w\-]+", "-", tag.strip())[:32].strip("-")
        if value and value not in cleaned:
            cleaned.append(value)
    return cleaned[:12]


def _age_band(record: PatientRecord, today: dt.date) -> str | None:
    if record.extra.get("age_group") == "90+":
        return "90+"
    if record.birth_date is None:
        return None
    # Birth date is already reduced to its year: a decade band is all that is sent.
    age = today.year - record.birth_date.year
    low = max(0, age // 10 * 10)
    return "90+" if low >= 90 else f"{low}-{low + 9}"


def queue_update(workspace: Workspace, case_id: int, consent_recorded: bool, *, today: dt.date | None = None) -> int:
    """Record the consent for the new content and queue a new revision of an already shared case, based on the last
    revision the server confirmed. An update can carry what the first share did not (new text, new pictures), so it
    is consented to like a share, and the consent row covers this revision's payload."""
    _require_consent(consent_recorded, case_id)
    preview = build_share_preview(workspace, case_id, today=today)
    with workspace.unit_of_work() as session:
        link = session.get(ExchangeCaseLinkRow, case_id)
        if link is None or link.server_revision is None:
            raise UserError("case_not_shared", "This case has not reached the exchange yet: share it and sync first.",
                            case_id=case_id)
        payload = preview.payload.model_dump(mode="json", exclude={"case_uuid"})
        payload["base_revision"] = link.server_revision
        session.add(_consent_row(case_id, link.case_uuid, payload))
        _enqueue_images(session, link.case_uuid, preview)
        return enqueue(session, "update", link.case_uuid, payload)


def queue_withdraw(workspace: Workspace, case_id: int) -> int:
    with workspace.unit_of_work() as session:
        link = session.get(ExchangeCaseLinkRow, case_id)
        if link is None:
            raise UserError("case_not_shared", "This case was never shared.", case_id=case_id)
        return enqueue(session, "withdraw", link.case_uuid, {})


def queue_comment(workspace: Workspace, case_uuid: str, body: str, parent_id: int | None = None) -> int:
    with workspace.unit_of_work() as session:
        return enqueue(session, "comment", case_uuid, {"body": body, "parent_id": parent_id})
