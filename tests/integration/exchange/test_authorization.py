"""Authorization matrix: every endpoint × anonymous / other user / author / admin, against a fresh object each."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

import pytest

from .conftest import USER_PASSWORD
from .servers import case_body, content_of

ROLES = ("anonymous", "other", "admin", "author")  # author last: some rows change or remove the object


@dataclass
class Fixture:
    case: dict
    comment: dict
    author_id: int


def _setup(live, author_token: str) -> Fixture:
    case = live.api.call("POST", "/v1/cases", author_token, json=case_body()).json()
    comment = live.api.call("POST", f"/v1/cases/{case['case_uuid']}/comments", author_token,
                            json={"body": "author note"}).json()
    author_id = live.api.call("GET", "/v1/me", author_token).json()["id"]
    return Fixture(case, comment, author_id)


def _case_path(f: Fixture) -> str:
    return f"/v1/cases/{f.case['case_uuid']}"


# (name, method, path(fixture), body(fixture, live, token) or None, expected status per role)
MATRIX = [
    ("me", "GET", lambda f: "/v1/me", None, (401, 200, 200, 200)),
    ("list_users", "GET", lambda f: "/v1/users", None, (401, 403, 200, 403)),
    ("invite_user", "POST", lambda f: "/v1/users",
     lambda f, live, t: {"name": f"inv-{uuid.uuid4().hex[:8]}", "password": USER_PASSWORD}, (401, 403, 201, 403)),
    ("patch_user", "PATCH", lambda f: f"/v1/users/{f.author_id}", lambda f, live, t: {"status": "active"},
     (401, 403, 200, 403)),
    ("logout", "POST", lambda f: "/v1/auth/logout", None, (401, 204, 204, 204)),
    ("feed", "GET", lambda f: "/v1/cases", None, (401, 200, 200, 200)),
    ("publish", "POST", lambda f: "/v1/cases", lambda f, live, t: case_body(), (401, 201, 201, 201)),
    ("get_case", "GET", _case_path, None, (401, 200, 200, 200)),
    ("update_case", "PUT", _case_path, lambda f, live, t: {**content_of(f.case), "base_revision": 1},
     (401, 403, 403, 200)),
    ("withdraw_case", "DELETE", _case_path, None, (401, 403, 403, 200)),
    ("list_comments", "GET", lambda f: _case_path(f) + "/comments", None, (401, 200, 200, 200)),
    ("add_comment", "POST", lambda f: _case_path(f) + "/comments", lambda f, live, t: {"body": "hello"},
     (401, 201, 201, 201)),
    ("delete_comment", "DELETE", lambda f: f"/v1/comments/{f.comment['id']}", None, (401, 403, 403, 200)),
    ("moderate_case", "POST", lambda f: f"/v1/moderation/cases/{f.case['case_uuid']}",
     lambda f, live, t: {"hidden": False}, (401, 403, 200, 403)),
    ("moderate_comment", "POST", lambda f: f"/v1/moderation/comments/{f.comment['id']}",
     lambda f, live, t: {"hidden": False}, (401, 403, 200, 403)),
]


def test_matrix_covers_every_operation(live):
    schema = live.api.call("GET", "/openapi.json").json()
    operations = {(m.upper(), p) for p, item in schema["paths"].items() for m in item}
    public = {("GET", "/health"), ("POST", "/v1/auth/login"), ("POST", "/v1/auth/refresh")}
    templated = {"/v1/users/{user_id}", "/v1/cases/{case_uuid}", "/v1/cases/{case_uuid}/comments",
                 "/v1/comments/{comment_id}", "/v1/moderation/cases/{case_uuid}",
                 "/v1/moderation/comments/{comment_id}", "/v1/me", "/v1/users", "/v1/cases", "/v1/auth/logout"}
    # Image upload/fetch take raw bytes and their rules depend on the case showing the image: test_images.py covers
    # them per role (anonymous 401, uploader, reader of a visible case, reader of a hidden/withdrawn case, admin).
    image_operations = {("PUT", "/v1/images/{sha256}"), ("GET", "/v1/images/{sha256}")}
    assert image_operations <= operations
    assert {p for _, p in operations - public - image_operations} == templated
    assert len(operations - public - image_operations) == len(MATRIX)


@pytest.fixture(scope="session")
def matrix_users(live) -> dict[str, str]:
    """User names for the author and the other clinician, created once per server."""
    return {"author": live.new_user("author")[0], "other": live.new_user("other")[0], "admin": "admin"}


@pytest.mark.parametrize("row", MATRIX, ids=[row[0] for row in MATRIX])
def test_authorization_matrix(live, matrix_users, row):
    name, method, path_of, body_of, expected = row
    # Fresh logins per row: the logout row revokes the tokens it uses.
    author_token, other_token, admin_token = (
        live.api.login(matrix_users[role], "admin-password-123" if role == "admin" else USER_PASSWORD)["access_token"]
        for role in ("author", "other", "admin"))
    fixture = _setup(live, author_token)
    tokens = {"anonymous": None, "other": other_token, "admin": admin_token, "author": author_token}
    got = []
    for role in ROLES:
        token = tokens[role]
        body = body_of(fixture, live, token) if body_of else None
        got.append(live.api.call(method, path_of(fixture), token, json=body).status_code)
    assert tuple(got) == expected, f"{name}: {dict(zip(ROLES, got, strict=True))}"
