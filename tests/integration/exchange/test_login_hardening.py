"""Login limits that an attacker cannot turn against a user or talk past, case-insensitive user names, and NUL
characters refused with 422 — through the real app in-process (httpx's ASGI transport, peer 127.0.0.1)."""

from __future__ import annotations

import asyncio
from dataclasses import replace

import httpx
import pytest

from cdss.exchange.server.app import create_app
from cdss.exchange.server.auth import create_user
from cdss.exchange.server.settings import ServerSettings

PASSWORD = "correct horse battery"


@pytest.fixture()
def make_app(tmp_path):
    apps = []

    def make(**settings):
        app = create_app(ServerSettings(database_url=f"sqlite:///{tmp_path / f'x{len(apps)}.sqlite3'}", **settings))
        create_user(app.state.db, "alice", PASSWORD)
        apps.append(app)
        return app

    yield make
    for app in apps:
        app.state.db.dispose()


def _call(app, requests):
    """Run (method, path, json, headers) requests concurrently; returns the responses in order."""
    async def run():
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            return await asyncio.gather(*(client.request(m, p, json=j, headers=h) for m, p, j, h in requests))
    return asyncio.run(run())


def _login(name: str, password: str, forwarded: str | None = None):
    return ("POST", "/v1/auth/login", {"username": name, "password": password},
            {"x-forwarded-for": forwarded} if forwarded else {})


def test_a_guesser_cannot_lock_alice_out_from_her_own_address(make_app):
    app = make_app(trusted_proxies="127.0.0.1", login_failures_per_user=5)
    wrong = _call(app, [_login("alice", "wrong password!", "203.0.113.9") for _ in range(8)])
    codes = [r.status_code for r in wrong]
    assert codes.count(401) == 5 and codes.count(429) == 3
    (alice,) = _call(app, [_login("alice", PASSWORD, "198.51.100.7")])
    assert alice.status_code == 200  # another client, the right password: in


def test_forwarded_for_is_read_only_from_a_trusted_proxy_and_from_the_right(make_app):
    # no trusted proxy: a client rotating X-Forwarded-For is still one client (the peer), so its limit holds
    app = make_app(login_failures_per_user=3)
    spoofed = _call(app, [_login("alice", "wrong password!", f"10.0.0.{i}") for i in range(6)])
    assert [r.status_code for r in spoofed].count(429) == 3
    # behind a trusted proxy the client is the rightmost hop that is not a proxy: what the client wrote on the left
    # is not believed
    app = make_app(trusted_proxies="127.0.0.1,192.0.2.0/24", login_failures_per_user=3)
    rotating_left = _call(app, [_login("alice", "wrong password!", f"10.9.9.{i}, 203.0.113.5, 192.0.2.8")
                                for i in range(6)])
    assert [r.status_code for r in rotating_left].count(429) == 3


def test_a_burst_of_concurrent_guesses_cannot_exceed_the_limit(make_app):
    app = make_app(login_failures_per_user=4, login_failures_per_ip=100)
    burst = _call(app, [_login("alice", "wrong password!") for _ in range(20)])
    codes = [r.status_code for r in burst]
    assert codes.count(401) <= 4 and codes.count(429) >= 16


def test_user_names_are_unique_whatever_their_case_and_log_in_so(make_app):
    app = make_app()
    (login,) = _call(app, [_login("alice", PASSWORD)])
    token = login.json()["access_token"]
    # alice is not an admin: make one to invite with
    create_user(app.state.db, "root", PASSWORD, is_admin=True)
    (admin,) = _call(app, [_login("root", PASSWORD)])
    headers = {"authorization": f"Bearer {admin.json()['access_token']}"}
    (dup,) = _call(app, [("POST", "/v1/users", {"name": "Alice", "password": PASSWORD, "approve": True}, headers)])
    assert dup.status_code == 409 and dup.json()["error"]["code"] == "user_exists"
    (upper,) = _call(app, [_login("ALICE", PASSWORD)])
    assert upper.status_code == 200 and token


def test_nul_characters_are_refused_with_422(make_app):
    app = make_app()
    (login,) = _call(app, [_login("alice", PASSWORD)])
    headers = {"authorization": f"Bearer {login.json()['access_token']}"}
    (body,) = _call(app, [_login("alice", "correct\x00horse battery")])
    assert body.status_code == 422
    (query,) = _call(app, [("GET", "/v1/cases?q=abc%00def", None, headers)])
    assert query.status_code == 422 and query.json()["error"]["code"] == "nul_character"


def test_settings_refuse_a_proxy_that_is_not_an_address():
    settings = ServerSettings(database_url="sqlite://", trusted_proxies="proxy.example.org")
    with pytest.raises(ValueError):
        settings.proxy_networks()
    assert replace(settings, trusted_proxies="10.0.0.0/8").proxy_networks()
