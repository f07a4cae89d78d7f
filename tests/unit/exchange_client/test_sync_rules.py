"""Sync's rules against a scripted server (httpx.MockTransport): retries, refusals kept visible, order, keys."""

from __future__ import annotations

import json
import sqlite3

import httpx
import pytest

from cdss.db.migrate import HEAD_REVISION, current_revision, upgrade_database
from cdss.exchange.client.http import ExchangeClient, set_state
from cdss.exchange.client.outbox import list_outbox, queue_action
from cdss.exchange.client.sync import RETRY_DELAYS_S, sync
from cdss.workspace import Workspace

CASE_A = "00000000-0000-4000-8000-00000000000a"
CASE_B = "00000000-0000-4000-8000-00000000000b"


class ScriptedServer:
    def __init__(self) -> None:
        self.seen: list[tuple[str, str, str | None, dict | None]] = []
        self.failures_before_success = 0
        self.refuse_path: str | None = None

    def __call__(self, request: httpx.Request) -> httpx.Response:
        body = json.loads(request.content) if request.content else None
        self.seen.append((request.method, request.url.path, request.headers.get("Idempotency-Key"), body))
        if request.method == "GET":
            return httpx.Response(200, json={"items": [], "next_cursor": None})
        if self.failures_before_success:
            self.failures_before_success -= 1
            return httpx.Response(503, json={"error": {"code": "unavailable", "message": "busy"}})
        if request.url.path == self.refuse_path:
            return httpx.Response(422, json={"error": {"code": "validation_failed", "message": "bad body"}})
        return httpx.Response(201, json={"id": len(self.seen)})


@pytest.fixture
def setup(tmp_path):
    workspace = Workspace.open(tmp_path / "ws")
    server = ScriptedServer()
    set_state(workspace, access_token="t" * 20, refresh_token="r" * 20)
    client = ExchangeClient(workspace, "http://exchange.test", transport=httpx.MockTransport(server))
    yield workspace, client, server
    client.close()
    workspace.close()


def test_pushes_in_order_with_the_enqueued_keys(setup) -> None:
    workspace, client, server = setup
    for text in ("first", "second", "third"):
        queue_action(workspace, "comment", CASE_A, {"body": text})
    keys = [item.idempotency_key for item in list_outbox(workspace)]
    report = sync(workspace, client, sleep=lambda _: None)
    writes = [entry for entry in server.seen if entry[0] == "POST"]
    assert report.pushed == 3 and [w[3]["body"] for w in writes] == ["first", "second", "third"]
    assert [w[2] for w in writes] == keys and list_outbox(workspace) == []


def test_5xx_is_retried_with_growing_delays_then_succeeds(setup) -> None:
    workspace, client, server = setup
    queue_action(workspace, "comment", CASE_A, {"body": "x"})
    server.failures_before_success = 2
    delays: list[float] = []
    report = sync(workspace, client, sleep=delays.append)
    assert report.pushed == 1 and delays == list(RETRY_DELAYS_S[:2])
    keys = {entry[2] for entry in server.seen if entry[0] == "POST"}
    assert len(keys) == 1  # every retry carried the same key


def test_refusal_is_kept_visible_and_holds_back_only_that_case(setup) -> None:
    workspace, client, server = setup
    server.refuse_path = f"/v1/cases/{CASE_A}/comments"
    queue_action(workspace, "comment", CASE_A, {"body": "refused"})
    queue_action(workspace, "withdraw", CASE_A, {})
    queue_action(workspace, "comment", CASE_B, {"body": "fine"})
    report = sync(workspace, client, sleep=lambda _: None)
    assert report.pushed == 1 and len(report.failed) == 1
    failed, held = list_outbox(workspace)
    assert failed.state == "failed" and "validation_failed" in failed.last_error
    assert held.action == "withdraw" and held.state == "pending"
    assert not any(entry[0] == "DELETE" for entry in server.seen)
    # Next sync still holds the case back until the user deals with the refused row.
    sync(workspace, client, sleep=lambda _: None)
    assert [item.state for item in list_outbox(workspace)] == ["failed", "pending"]


def test_migration_0004_upgrades_an_0003_workspace(tmp_path) -> None:
    root = tmp_path / "ws"
    root.mkdir()
    upgrade_database(root / "cdss.sqlite3", root / "backups", target="0003_records")
    Workspace.open(root).close()
    assert current_revision(root / "cdss.sqlite3") == HEAD_REVISION == "0008_utc_timestamps"
    conn = sqlite3.connect(root / "cdss.sqlite3")
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    conn.close()
    assert {"exchange_outbox", "exchange_case_link", "exchange_consent", "exchange_received_case",
            "exchange_state"} <= tables
