"""Sharing preview (nothing identifying leaves), consent refusal, and the outbox's order and idempotency keys."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import stat

import pytest

from cdss.errors import UserError
from cdss.exchange.client.outbox import list_outbox, queue_action
from cdss.exchange.client.share import build_share_preview, share_case, workspace_secret
from cdss.exchange.models import ExchangeConsentRow
from cdss.records.service import RecordsService
from cdss.records.types import EntryKind, Identifier, Sex
from cdss.workspace import Workspace

TODAY = dt.date(2026, 11, 23)
NAME = "张伟明"
PHONE = "13912345678"
RESIDENT_ID = "330106198203157719"
ADDRESS = "浙江省杭州市西湖区文三路88号"
BIRTH = dt.date(1982, 3, 15)
OPENED = dt.date(2025, 4, 7)
VISIT_1 = dt.datetime(2025, 4, 7, 9, 30)
VISIT_2 = dt.datetime(2025, 4, 19, 14, 0)


@pytest.fixture
def case_id(workspace: Workspace) -> int:
    records = RecordsService(workspace, today=lambda: TODAY)
    patient = records.patients.create(NAME, sex=Sex.MALE, birth_date=BIRTH, phone=PHONE, address=ADDRESS,
                                     identifiers=[Identifier("cn-resident-id", RESIDENT_ID)])
    case = records.cases.create(patient.id, "Chest pain on exertion", opened_on=OPENED, tags=["cardiology", "angina"])
    records.cases.add_entry(case.id, EntryKind.COMPLAINT, f"{NAME}, 胸痛3天，电话{PHONE}", occurred_at=VISIT_1)
    records.cases.add_entry(case.id, EntryKind.FOLLOW_UP, "Pain resolved on review 2025-04-19.", occurred_at=VISIT_2)
    return case.id


def test_preview_contains_no_planted_identifier(workspace: Workspace, case_id: int) -> None:
    preview = build_share_preview(workspace, case_id, today=TODAY)
    serialised = preview.payload_json()
    for planted in (NAME, PHONE, RESIDENT_ID, "文三路", "西湖区", "1982-03-15", "2025-04-07", "2025-04-19",
                    "330106"):
        assert planted not in serialised, planted
    assert preview.payload.specialty.value == "cardiology"
    assert preview.payload.sex == "male"
    assert preview.payload.age_band == "40-49"
    kinds = {change.kind for change in preview.changes}
    assert {"date"} <= kinds and any(change.original == NAME for change in preview.changes)


def test_preview_preserves_intervals_and_is_stable(workspace: Workspace, case_id: int) -> None:
    first = build_share_preview(workspace, case_id, today=TODAY)
    content = json.loads(first.payload.body)
    times = [dt.datetime.fromisoformat(e["occurred_at"]) for e in content["case"]["entries"]]
    assert times[1] - times[0] == VISIT_2 - VISIT_1
    assert times[0] != VISIT_1  # shifted
    again = build_share_preview(workspace, case_id, today=TODAY)
    assert again.payload == first.payload  # same secret + same case uuid → same payload, same server id


def test_secret_file_is_owner_only_and_persistent(workspace: Workspace) -> None:
    secret = workspace_secret(workspace)
    path = workspace.root / "exchange" / "deid-secret"
    assert len(secret) == 32 and workspace_secret(workspace) == secret
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_share_refuses_without_consent_and_queues_nothing(workspace: Workspace, case_id: int) -> None:
    with pytest.raises(UserError) as refused:
        share_case(workspace, case_id, consent_recorded=False)
    assert refused.value.code == "consent_required"
    assert list_outbox(workspace) == []


def test_an_update_also_needs_consent_and_records_it_with_the_revision(workspace: Workspace, case_id: int) -> None:
    from cdss.exchange.client.share import queue_update
    from cdss.exchange.models import ExchangeCaseLinkRow

    share_case(workspace, case_id, consent_recorded=True, today=TODAY)
    with workspace.unit_of_work() as session:  # as if the server had confirmed revision 1
        link = session.get(ExchangeCaseLinkRow, case_id)
        link.server_revision = 1
    with pytest.raises(UserError) as refused:
        queue_update(workspace, case_id, consent_recorded=False, today=TODAY)
    assert refused.value.code == "consent_required" and [i.action for i in list_outbox(workspace)] == ["publish"]
    queue_update(workspace, case_id, consent_recorded=True, today=TODAY)
    update = list_outbox(workspace)[-1]
    assert update.action == "update" and update.payload["base_revision"] == 1
    with workspace.unit_of_work() as session:
        digests = [row.payload_sha256 for row in session.query(ExchangeConsentRow).order_by(ExchangeConsentRow.id)]
    assert len(digests) == 2 and digests[1] == hashlib.sha256(
        json.dumps(update.payload, sort_keys=True).encode()).hexdigest()  # the consent covers exactly this revision


def test_share_records_consent_and_queues_the_previewed_payload(workspace: Workspace, case_id: int) -> None:
    preview = build_share_preview(workspace, case_id, today=TODAY)
    row_id = share_case(workspace, case_id, consent_recorded=True, today=TODAY)
    [item] = list_outbox(workspace)
    assert item.id == row_id and item.action == "publish" and item.state == "pending"
    assert item.payload == preview.payload.model_dump(mode="json")
    with workspace.unit_of_work() as session:
        consent = session.query(ExchangeConsentRow).one()
        assert consent.case_id == case_id and consent.recorded_at.date() >= TODAY - dt.timedelta(days=1)


def test_unknown_case_is_a_user_error(workspace: Workspace) -> None:
    with pytest.raises(UserError) as missing:
        build_share_preview(workspace, 999)
    assert missing.value.code == "case_not_found"


def test_outbox_keeps_order_and_unique_keys(workspace: Workspace) -> None:
    ids = [queue_action(workspace, "comment", "00000000-0000-4000-8000-000000000001", {"body": f"c{i}"})
           for i in range(5)]
    items = list_outbox(workspace)
    assert [item.id for item in items] == ids
    assert [item.payload["body"] for item in items] == [f"c{i}" for i in range(5)]
    keys = [item.idempotency_key for item in items]
    assert len(set(keys)) == 5 and all(len(key) == 32 for key in keys)
    with pytest.raises(ValueError):
        queue_action(workspace, "explode", "x", {})
