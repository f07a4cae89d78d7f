"""Share → sync → feed against the real server, with crashes on either side: never a lost action, never a copy."""

from __future__ import annotations

import datetime as dt

import pytest

from cdss.exchange.client import sync as sync_module
from cdss.exchange.client.http import ExchangeClient, TransientError, get_state, set_state
from cdss.exchange.client.outbox import list_outbox
from cdss.exchange.client.share import queue_comment, queue_update, share_case
from cdss.exchange.client.sync import received_cases, sync
from cdss.records.service import RecordsService
from cdss.records.types import EntryKind, Sex
from cdss.workspace import Workspace


def add_case(workspace: Workspace, title: str = "Exertional chest pain") -> int:
    records = RecordsService(workspace)
    patient = records.patients.create("王小明", sex=Sex.FEMALE, birth_date=dt.date(1975, 6, 1), phone="13800001111")
    case = records.cases.create(patient.id, title, opened_on=dt.date(2025, 3, 2), tags=["cardiology"])
    records.cases.add_entry(case.id, EntryKind.COMPLAINT, "胸痛2天，王小明自述活动后加重",
                      occurred_at=dt.datetime(2025, 3, 2, 9))
    return case.id


def no_sleep(_: float) -> None:
    pass


def own_cases(client: ExchangeClient) -> list:
    return client.feed(mine=True).items


def test_share_sync_visible_to_another_user_and_no_duplicate(make_client) -> None:
    author_ws, author = make_client()
    reader_ws, reader = make_client()
    share_case(author_ws, add_case(author_ws), consent_recorded=True)
    first = sync(author_ws, author, sleep=no_sleep)
    assert first.pushed == 1 and not first.failed and list_outbox(author_ws) == []
    assert sync(author_ws, author, sleep=no_sleep).pushed == 0
    assert len(own_cases(author)) == 1

    report = sync(reader_ws, reader, sleep=no_sleep)
    [received] = received_cases(reader_ws)
    assert report.received == 1 and received.author == author.username
    assert received.title == "Exertional chest pain" and "王小明" not in received.model_dump_json()
    assert "13800001111" not in received.body and received.specialty.value == "cardiology"
    assert sync(reader_ws, reader, sleep=no_sleep).received == 0  # nothing new: nothing stored again


def test_server_killed_then_restarted_completes_without_duplicate(make_client, exchange_server) -> None:
    workspace, client = make_client()
    share_case(workspace, add_case(workspace, "Case A"), consent_recorded=True)
    share_case(workspace, add_case(workspace, "Case B"), consent_recorded=True)
    assert sync(workspace, client, sleep=no_sleep).pushed == 2
    share_case(workspace, add_case(workspace, "Case C"), consent_recorded=True)
    exchange_server.server.kill()
    delays: list[float] = []
    offline = sync(workspace, client, sleep=delays.append)
    assert offline.offline and offline.pushed == 0
    assert delays == sorted(delays) and len(delays) == len(sync_module.RETRY_DELAYS_S)  # bounded backoff
    [waiting] = list_outbox(workspace)
    assert waiting.state == "pending" and "unreachable" in (waiting.last_error or "")

    exchange_server.restart()
    done = sync(workspace, client, sleep=no_sleep)
    assert done.pushed == 1 and list_outbox(workspace) == []
    assert sorted(case.title for case in own_cases(client)) == ["Case A", "Case B", "Case C"]


def test_client_crash_after_server_commit_replays_without_duplicate(make_client, monkeypatch) -> None:
    workspace, client = make_client()
    share_case(workspace, add_case(workspace), consent_recorded=True)
    queued = list_outbox(workspace)
    [case_uuid] = {item.case_uuid for item in queued}
    queue_comment(workspace, case_uuid, "Any follow-up troponin?")

    class Crash(BaseException):
        pass

    def crash(*args: object) -> None:
        raise Crash

    monkeypatch.setattr(sync_module, "_record_success", crash)
    with pytest.raises(Crash):
        sync(workspace, client, sleep=no_sleep)
    monkeypatch.undo()
    assert len(list_outbox(workspace)) == 2  # the server has the case, but we never recorded it: both rows remain

    report = sync(workspace, client, sleep=no_sleep)
    assert report.pushed == 2 and not report.failed and list_outbox(workspace) == []
    assert len(own_cases(client)) == 1
    assert [c.body for c in client.comments(case_uuid).items] == ["Any follow-up troponin?"]


def test_stale_update_is_a_visible_conflict(make_client, exchange_server) -> None:
    workspace, client = make_client()
    case_id = add_case(workspace)
    share_case(workspace, case_id, consent_recorded=True)
    sync(workspace, client, sleep=no_sleep)
    [published] = own_cases(client)
    # Someone edits on the server first (another device of the same doctor): revision 1 → 2.
    content = published.model_dump(mode="json", include={"title", "specialty", "tags", "summary", "body", "age_band",
                                                          "sex"})
    token = get_state(workspace, "access_token")
    edited = exchange_server.api.call("PUT", f"/v1/cases/{published.case_uuid}", token,
                                      json={**content, "title": "Edited elsewhere", "base_revision": 1})
    assert edited.status_code == 200, edited.text

    queue_update(workspace, case_id, consent_recorded=True)  # made from revision 1
    report = sync(workspace, client, sleep=no_sleep)
    assert report.pushed == 0 and len(report.conflicts) == 1
    [conflict] = list_outbox(workspace)
    assert conflict.state == "conflict" and "stale_revision" in (conflict.last_error or "")
    assert client.get_case(str(published.case_uuid)).title == "Edited elsewhere"  # never overwritten


def test_expired_access_token_is_refreshed_once(make_client) -> None:
    workspace, client = make_client()
    old_refresh = get_state(workspace, "refresh_token")
    set_state(workspace, access_token="not-a-valid-token-0000000000")
    assert client.feed().items == []
    assert get_state(workspace, "refresh_token") != old_refresh  # rotated and stored


def test_unreachable_server_is_transient(tmp_path) -> None:
    workspace = Workspace.open(tmp_path / "ws")
    with ExchangeClient(workspace, "http://127.0.0.1:9") as client, pytest.raises(TransientError):
        client.login("nobody", "x")
    assert get_state(workspace, "access_token") is None
