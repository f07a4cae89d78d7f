"""Crash safety: SIGKILL the server mid-run, restart it on the same database, retry with the same keys."""

from __future__ import annotations

import threading
import time

import httpx
import pytest

from .conftest import ADMIN_PASSWORD, BACKENDS, start_server
from .servers import Api, add_admin_in_process, case_body

PUBLISHES = 40


@pytest.mark.parametrize("backend", BACKENDS)
def test_kill_mid_run_then_retry_creates_no_duplicates(backend, new_db_url, exchange_tmp):
    db_url = new_db_url(backend)
    add_admin_in_process(db_url, ADMIN_PASSWORD)
    log_path = exchange_tmp / f"fault-{backend}.log"
    server = start_server(db_url, log_path)
    api = Api(server.base_url)
    try:
        token = api.login("admin", ADMIN_PASSWORD)["access_token"]
        bodies = [case_body(title=f"fault case {i}") for i in range(PUBLISHES)]
        acknowledged: dict[int, dict] = {}
        killed = threading.Event()

        def publish_all() -> None:
            with httpx.Client(base_url=server.base_url, timeout=5.0) as client:
                for i, body in enumerate(bodies):
                    if killed.is_set():
                        return
                    try:
                        response = client.post("/v1/cases", json=body, headers={
                            "Authorization": f"Bearer {token}", "Idempotency-Key": f"fault-{i}"})
                    except httpx.TransportError:
                        return  # the server died under us: this request's fate is unknown
                    acknowledged[i] = response.json()

        writer = threading.Thread(target=publish_all)
        writer.start()
        deadline = time.monotonic() + 20
        while len(acknowledged) < 10 and writer.is_alive() and time.monotonic() < deadline:
            time.sleep(0.01)
        server.kill()
        killed.set()
        writer.join(timeout=15)
        assert not writer.is_alive()
        assert 10 <= len(acknowledged) < PUBLISHES, "the kill should land mid-run"

        server = start_server(db_url, log_path)
        api.close()
        api = Api(server.base_url)
        # The access token was committed before the crash, so the restarted server still accepts it.
        for i, body in enumerate(bodies):  # the client's outbox replays everything with its original keys
            response = api.call("POST", "/v1/cases", token, json=body, key=f"fault-{i}")
            assert response.status_code == 201, response.text
            if i in acknowledged:
                assert response.json() == acknowledged[i]
                assert response.headers.get("Idempotent-Replayed") == "true"

        mine, cursor = [], None
        for _ in range(10):  # bounded paging
            page = api.call("GET", "/v1/cases", token, params={"mine": "true", "limit": 100,
                                                               **({"cursor": cursor} if cursor else {})}).json()
            mine += page["items"]
            cursor = page["next_cursor"]
            if cursor is None:
                break
        assert sorted(c["case_uuid"] for c in mine) == sorted(b["case_uuid"] for b in bodies)
    finally:
        api.close()
        server.stop()


def test_second_process_on_same_database_shares_all_state(live, exchange_tmp):
    """Two stateless processes on one database (as behind a reverse proxy): tokens, idempotency, rate limits."""
    second = start_server(live.server.db_url, exchange_tmp / f"second-{live.backend}.log")
    api_b = Api(second.base_url)
    try:
        name, token = live.new_user("multi")
        assert api_b.call("GET", "/v1/me", token).json()["name"] == name  # token issued by process A
        body = case_body()
        first = live.api.call("POST", "/v1/cases", token, json=body, key="multi-1")
        replay = api_b.call("POST", "/v1/cases", token, json=body, key="multi-1")
        assert replay.json() == first.json() and replay.headers.get("Idempotent-Replayed") == "true"
        # Failed logins alternate between the processes and still add up to the per-user limit of 5.
        statuses = [(live.api if i % 2 else api_b).call(
            "POST", "/v1/auth/login", json={"username": name, "password": f"wrong-{i}"}).status_code for i in range(6)]
        assert statuses == [401] * 5 + [429]
    finally:
        api_b.close()
        second.stop()
