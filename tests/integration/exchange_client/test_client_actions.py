"""The room's actions through ExchangeService against the real server: conflicts, filters, saving, signing out."""

from __future__ import annotations

import pytest
from exchange.conftest import USER_PASSWORD

from cdss.errors import UserError
from cdss.exchange.client.conflicts import ConflictChoice
from cdss.exchange.client.http import get_state
from cdss.exchange.client.outbox import list_outbox
from cdss.exchange.client.service import ExchangeService
from cdss.exchange.client.share import queue_update, share_case
from cdss.exchange.client.sync import sync
from cdss.records.service import RecordsService

from .test_sync_with_server import add_case, no_sleep


def make_conflict(make_client, exchange_server):
    workspace, client = make_client()
    case_id = add_case(workspace)
    share_case(workspace, case_id, consent_recorded=True)
    sync(workspace, client, sleep=no_sleep)
    [published] = client.feed(mine=True).items
    body = published.model_dump(mode="json", include={"title", "specialty", "tags", "summary", "body", "age_band",
                                                       "sex"})
    edited = exchange_server.api.call("PUT", f"/v1/cases/{published.case_uuid}", get_state(workspace, "access_token"),
                                      json={**body, "title": "Edited elsewhere", "base_revision": 1})
    assert edited.status_code == 200, edited.text
    queue_update(workspace, case_id, consent_recorded=True)
    assert len(sync(workspace, client, sleep=no_sleep).conflicts) == 1
    [conflict] = list_outbox(workspace)
    return workspace, client, case_id, str(published.case_uuid), conflict


def test_take_the_servers_version_drops_mine_and_rebases_the_next_edit(make_client, exchange_server) -> None:
    workspace, client, case_id, case_uuid, conflict = make_conflict(make_client, exchange_server)
    service = ExchangeService(workspace)
    details = service.conflict(conflict.id)
    assert details.server.title == "Edited elsewhere" and details.mine["title"] == "Exertional chest pain"
    assert service.resolve_conflict(conflict.id, ConflictChoice.TAKE_SERVER) == 2
    assert list_outbox(workspace) == [] and client.get_case(case_uuid).title == "Edited elsewhere"
    with pytest.raises(UserError) as gone:
        service.resolve_conflict(conflict.id, ConflictChoice.KEEP_MINE)
    assert gone.value.code == "exchange_conflict_gone"
    queue_update(workspace, case_id, consent_recorded=True)  # a later edit builds on revision 2 and goes through
    assert sync(workspace, client, sleep=no_sleep).pushed == 1
    assert client.get_case(case_uuid).revision == 3


def test_keep_mine_overwrites_as_a_new_revision(make_client, exchange_server) -> None:
    workspace, client, _case_id, case_uuid, conflict = make_conflict(make_client, exchange_server)
    ExchangeService(workspace).resolve_conflict(conflict.id, ConflictChoice.KEEP_MINE)
    [queued] = list_outbox(workspace)
    assert queued.state == "pending" and queued.payload["base_revision"] == 2
    assert queued.idempotency_key != conflict.idempotency_key
    assert sync(workspace, client, sleep=no_sleep).pushed == 1
    after = client.get_case(case_uuid)
    assert (after.revision, after.title) == (3, "Exertional chest pain")


def test_feed_filters_and_saving_a_received_case(make_client) -> None:
    author_ws, author = make_client()
    share_case(author_ws, add_case(author_ws, "Chest pain at rest"), consent_recorded=True)
    share_case(author_ws, add_case(author_ws, "Migraine with aura"), consent_recorded=True)
    assert sync(author_ws, author, sleep=no_sleep).pushed == 2

    reader_ws, _reader = make_client()
    service = ExchangeService(reader_ws)
    assert {c.title for c in service.feed_page().items} == {"Chest pain at rest", "Migraine with aura"}
    assert [c.title for c in service.feed_page(query="migraine").items] == ["Migraine with aura"]
    assert [c.title for c in service.feed_page(specialty="cardiology", query="rest").items] == ["Chest pain at rest"]
    assert service.feed_page(specialty="neurology").items == []
    assert len(service.feed_page(tags=("cardiology",)).items) == 2 and service.feed_page(tags=("nope",)).items == []
    assert service.feed_page(mine=True).items == []
    first = service.feed_page(limit=1)
    assert len(first.items) == 1 and first.next_cursor
    assert len(service.feed_page(limit=1, cursor=first.next_cursor).items) == 1

    report = service.sync()
    assert report.received == 2 and service.session().last_sync_at is not None
    chest = next(c for c in service.local_feed(query="rest"))
    patient_id = service.save_to_records(chest, "Exchange case A")
    saved = RecordsService(reader_ws).patients.get(patient_id)
    assert saved.name == "Exchange case A" and saved.extra["exchange_author"] == chest.author
    assert saved.extra["exchange_server"] == get_state(reader_ws, "server_url")
    text = " ".join(e.text for e in saved.cases[0].entries)
    assert "胸痛" in text and "王小明" not in text and "13800001111" not in text
    assert service.case_thread(str(chest.case_uuid)).saved_patient_id == patient_id


def test_sign_out_revokes_the_session_on_the_server(make_client, exchange_server) -> None:
    workspace, _client = make_client()
    service = ExchangeService(workspace)
    refresh_token = get_state(workspace, "refresh_token")
    info = service.sign_out()
    assert not info.signed_in and get_state(workspace, "refresh_token") is None
    refused = exchange_server.api.call("POST", "/v1/auth/refresh", json={"refresh_token": refresh_token})
    assert refused.status_code == 401
    with pytest.raises(UserError) as raised:
        service.feed_page()
    assert raised.value.code == "exchange_login_required"


def test_sign_in_refusal_is_a_message(make_client, exchange_server) -> None:
    workspace, _client = make_client()
    service = ExchangeService(workspace)
    with pytest.raises(UserError) as raised:
        service.sign_in(exchange_server.server.base_url, "nobody-here", "wrong-password")
    assert raised.value.code == "exchange_sign_in_failed"
    name = exchange_server.new_user()
    assert service.sign_in(exchange_server.server.base_url, name, USER_PASSWORD).username == name
