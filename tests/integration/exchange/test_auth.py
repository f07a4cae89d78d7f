"""Login, refresh rotation, logout revocation, account approval and the login rate limit, over real HTTP."""

from __future__ import annotations

import uuid

import pytest

from .conftest import USER_PASSWORD


def test_health_and_openapi_need_no_login(live):
    health = live.api.call("GET", "/health")
    assert health.json() == {"status": "ok", "database": live.backend}
    schema = live.api.call("GET", "/openapi.json").json()
    assert "/v1/cases" in schema["paths"] and "/v1/auth/login" in schema["paths"]


def test_login_refresh_logout_cycle(live):
    name, _ = live.new_user()
    tokens = live.api.login(name, USER_PASSWORD)
    assert tokens["token_type"] == "bearer" and tokens["expires_in"] > 0
    me = live.api.call("GET", "/v1/me", tokens["access_token"])
    assert me.status_code == 200 and me.json()["name"] == name and me.json()["is_admin"] is False

    rotated = live.api.call("POST", "/v1/auth/refresh", json={"refresh_token": tokens["refresh_token"]})
    assert rotated.status_code == 200
    new = rotated.json()
    assert new["refresh_token"] != tokens["refresh_token"]
    # Rotation: the old refresh token and the old access token are both spent.
    reused = live.api.call("POST", "/v1/auth/refresh", json={"refresh_token": tokens["refresh_token"]})
    assert reused.status_code == 401 and reused.json()["error"]["code"] == "invalid_refresh_token"
    assert live.api.call("GET", "/v1/me", tokens["access_token"]).status_code == 401
    assert live.api.call("GET", "/v1/me", new["access_token"]).status_code == 200

    assert live.api.call("POST", "/v1/auth/logout", new["access_token"]).status_code == 204
    assert live.api.call("GET", "/v1/me", new["access_token"]).status_code == 401
    assert live.api.call("POST", "/v1/auth/refresh", json={"refresh_token": new["refresh_token"]}).status_code == 401


def test_wrong_password_and_garbage_tokens_are_refused(live):
    name, _ = live.new_user()
    bad = live.api.call("POST", "/v1/auth/login", json={"username": name, "password": "not-the-password"})
    assert bad.status_code == 401 and bad.json()["error"]["code"] == "bad_credentials"
    for header in ("Bearer nonsense", "Basic abc", "Bearer " + "x" * 300, ""):
        response = live.api.call("GET", "/v1/me", headers={"Authorization": header})
        assert response.status_code == 401, header


def test_invited_account_waits_for_approval_and_disable_revokes(live):
    name = f"invitee-{uuid.uuid4().hex[:8]}"
    invited = live.api.call("POST", "/v1/users", live.admin_token, json={"name": name, "password": USER_PASSWORD})
    assert invited.status_code == 201 and invited.json()["status"] == "pending"
    pending = live.api.call("POST", "/v1/auth/login", json={"username": name, "password": USER_PASSWORD})
    assert pending.status_code == 403 and pending.json()["error"]["code"] == "account_not_active"

    user_id = invited.json()["id"]
    approved = live.api.call("PATCH", f"/v1/users/{user_id}", live.admin_token, json={"status": "active"})
    assert approved.json()["status"] == "active"
    token = live.api.login(name, USER_PASSWORD)["access_token"]
    assert live.api.call("GET", "/v1/me", token).status_code == 200

    live.api.call("PATCH", f"/v1/users/{user_id}", live.admin_token, json={"status": "disabled"})
    assert live.api.call("GET", "/v1/me", token).status_code == 401
    duplicate = live.api.call("POST", "/v1/users", live.admin_token, json={"name": name, "password": USER_PASSWORD})
    assert duplicate.status_code == 409


def test_login_rate_limit_per_user(live):
    name, _ = live.new_user("target")
    statuses = [live.api.call("POST", "/v1/auth/login", json={"username": name, "password": f"wrong-{i}"}).status_code
                for i in range(6)]
    assert statuses == [401] * 5 + [429]
    # Once limited, even the right password is refused until the window passes (no oracle for the guesser).
    limited = live.api.call("POST", "/v1/auth/login", json={"username": name, "password": USER_PASSWORD})
    assert limited.status_code == 429 and "Retry-After" in limited.headers
    assert limited.json()["error"]["code"] == "too_many_login_attempts"


def test_cli_add_user_rejects_short_password_and_duplicates(live, monkeypatch, capsys):
    import io

    from cdss.cli import main

    if live.backend != "sqlite":
        pytest.skip("the CLI's checks do not depend on the backend; run once to keep the suite fast")
    # In-process (the live fixture already ran the real `cdss server add-user` in a subprocess).
    monkeypatch.setattr("sys.stdin", io.StringIO("123\n"))
    assert main(["server", "add-user", "shorty", "--password-stdin", "--db", live.server.db_url]) == 1
    assert "10-256 characters" in capsys.readouterr().err
    monkeypatch.setattr("sys.stdin", io.StringIO("another-password-1\n"))
    assert main(["server", "add-user", "admin", "--password-stdin", "--db", live.server.db_url]) == 1
    assert "already exists" in capsys.readouterr().err
