"""Token storage (expiry, pruning, sign-out, no token in error text) and the outbox's discard, on a scripted server."""

from __future__ import annotations

import datetime as dt
import json
import traceback

import httpx
import pytest

from cdss.errors import UserError
from cdss.exchange.client.http import ExchangeClient, get_state, set_state
from cdss.exchange.client.outbox import discard, list_outbox, queue_action
from cdss.exchange.client.service import ExchangeService
from cdss.exchange.client.session import TOKEN_KEYS, prune_expired_tokens, session_info, store_tokens, utc_now
from cdss.exchange.schemas import TokenPair
from cdss.workspace import Workspace

CASE = "00000000-0000-4000-8000-00000000000c"


def pair(tag: str, expires_in: int = 900, refresh_expires_in: int = 86400) -> TokenPair:
    return TokenPair(access_token=f"access-{tag}-" + "a" * 20, refresh_token=f"refresh-{tag}-" + "r" * 20,
                     expires_in=expires_in, refresh_expires_in=refresh_expires_in)


class TokenServer:
    """Login, refresh (rotating) and logout, and a feed that insists on the current access token."""

    def __init__(self) -> None:
        self.requests: list[tuple[str, str, str | None]] = []
        self.issued = 0
        self.refuse_refresh = False

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append((request.method, request.url.path, request.headers.get("Authorization")))
        path = request.url.path
        if path in ("/v1/auth/login", "/v1/auth/refresh"):
            if path.endswith("refresh") and self.refuse_refresh:
                return httpx.Response(401, json={"error": {"code": "invalid_refresh_token", "message": "expired"}})
            self.issued += 1
            return httpx.Response(200, json=pair(str(self.issued)).model_dump())
        if path == "/v1/auth/logout":
            return httpx.Response(204)
        if request.headers.get("Authorization") != f"Bearer access-{self.issued}-" + "a" * 20:
            return httpx.Response(401, json={"error": {"code": "invalid_token", "message": "no"}})
        return httpx.Response(200, json={"items": [], "next_cursor": None})


@pytest.fixture
def setup(tmp_path):
    workspace = Workspace.open(tmp_path / "ws")
    server = TokenServer()
    client = ExchangeClient(workspace, "http://exchange.test", transport=httpx.MockTransport(server))
    yield workspace, client, server
    client.close()
    workspace.close()


def test_login_stores_tokens_with_their_expiry(setup) -> None:
    workspace, client, _server = setup
    before = utc_now()
    client.login("doc", "pw")
    refresh_expiry = dt.datetime.fromisoformat(get_state(workspace, "refresh_expires_at"))
    assert dt.timedelta(seconds=86390) < refresh_expiry - before < dt.timedelta(seconds=86410)
    info = session_info(workspace)
    assert info.signed_in and info.username == "doc" and info.server_url == "http://exchange.test"


def test_expired_tokens_are_pruned_and_an_expired_access_token_refreshes_first(setup) -> None:
    workspace, client, server = setup
    client.login("doc", "pw")
    later = utc_now() + dt.timedelta(hours=1)  # the 15-minute access token is gone, the refresh token is not
    assert prune_expired_tokens(workspace, now=later) == ("access_token", "access_expires_at")
    assert get_state(workspace, "access_token") is None and get_state(workspace, "refresh_token")
    assert client.feed().items == []
    # No doomed request with a missing token: the client refreshed first, then asked with the new token.
    assert [r[1] for r in server.requests] == ["/v1/auth/login", "/v1/auth/refresh", "/v1/cases"]
    assert get_state(workspace, "access_token").startswith("access-2-")

    much_later = utc_now() + dt.timedelta(days=2)
    assert "refresh_token" in prune_expired_tokens(workspace, now=much_later)
    info = session_info(workspace, now=much_later)
    assert not info.signed_in and info.username == "doc"  # the name stays to prefill the next sign-in


def test_refused_refresh_forgets_tokens_and_asks_to_sign_in(setup) -> None:
    workspace, client, server = setup
    client.login("doc", "pw")
    set_state(workspace, access_token="stale-" + "x" * 20)
    server.refuse_refresh = True
    with pytest.raises(UserError) as raised:
        client.feed()
    assert raised.value.code == "exchange_login_required"
    assert all(get_state(workspace, key) is None for key in TOKEN_KEYS)


def test_sign_out_deletes_every_token_key(setup) -> None:
    workspace, client, server = setup
    client.login("doc", "pw")
    client.logout()
    assert ("POST", "/v1/auth/logout") in [(m, p) for m, p, _ in server.requests]
    assert all(get_state(workspace, key) is None for key in (*TOKEN_KEYS, "username"))
    assert get_state(workspace, "server_url") == "http://exchange.test"  # where to sign in next time


def test_a_failed_state_write_never_carries_the_token_value(tmp_path) -> None:
    workspace = Workspace.open(tmp_path / "ws")
    secret = "refresh-token-that-must-not-be-logged"
    with pytest.raises(RuntimeError) as raised:
        set_state(workspace, refresh_token=[secret])  # type: ignore[arg-type]  # unbindable: SQLAlchemy refuses
    text = "".join(traceback.format_exception(raised.value))
    assert "refresh_token" in text and secret not in text
    workspace.close()


def test_store_tokens_and_session_info_without_a_server(tmp_path) -> None:
    workspace = Workspace.open(tmp_path / "ws")
    now = dt.datetime(2026, 1, 1, 12, 0)
    store_tokens(workspace, pair("x", expires_in=60, refresh_expires_in=120), now=now, username="doc")
    assert session_info(workspace, now=now + dt.timedelta(seconds=90)).signed_in  # refresh still valid
    assert not session_info(workspace, now=now + dt.timedelta(seconds=121)).signed_in
    workspace.close()


def test_discard_only_drops_refused_rows(tmp_path) -> None:
    workspace = Workspace.open(tmp_path / "ws")
    pending = queue_action(workspace, "comment", CASE, {"body": "a"})
    refused = queue_action(workspace, "comment", CASE, {"body": "b"})
    from cdss.exchange.models import ExchangeOutboxRow

    with workspace.unit_of_work() as session:
        session.get(ExchangeOutboxRow, refused).state = "failed"
    assert not discard(workspace, pending) and discard(workspace, refused)
    assert [item.id for item in list_outbox(workspace)] == [pending]
    workspace.close()


def test_service_turns_network_trouble_into_coded_messages(tmp_path, monkeypatch) -> None:
    from cdss.exchange.client import sync as sync_module

    monkeypatch.setattr(sync_module, "RETRY_DELAYS_S", (0.0,))
    workspace = Workspace.open(tmp_path / "ws")
    set_state(workspace, server_url="http://127.0.0.1:9", access_token="t" * 20, refresh_token="r" * 20)
    service = ExchangeService(workspace)
    with pytest.raises(UserError) as raised:
        service.feed_page()
    assert raised.value.code == "exchange_unreachable" and raised.value.params["server"] == "http://127.0.0.1:9"
    with pytest.raises(UserError) as bad_url:
        service.sign_in("exchange.example.org", "doc", "pw")
    assert bad_url.value.code == "exchange_bad_url"
    outcome = service.post_comment(CASE, "  Offline comment  ")  # queued; the failed send is not an error here
    assert not outcome.sent and json.dumps(list_outbox(workspace)[0].payload) == json.dumps(
        {"body": "Offline comment", "parent_id": None})
    workspace.close()
