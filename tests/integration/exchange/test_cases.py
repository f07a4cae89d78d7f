"""Shared cases over real HTTP: revisions, withdrawal, feed filters and paging, comments, moderation, idempotency."""

from __future__ import annotations

import uuid

from .servers import case_body, content_of


def test_publish_update_and_stale_revision(live):
    _, token = live.new_user()
    published = live.api.call("POST", "/v1/cases", token, json=case_body(tags=["b", "a", "a"]))
    assert published.status_code == 201
    case = published.json()
    assert case["revision"] == 1 and case["tags"] == ["a", "b"] and case["status"] == "published"
    path = f"/v1/cases/{case['case_uuid']}"

    edit = live.api.call("PUT", path, token, json={**content_of(case, title="Edited title"), "base_revision": 1})
    assert edit.status_code == 200 and edit.json()["revision"] == 2 and edit.json()["title"] == "Edited title"
    stale = live.api.call("PUT", path, token, json={**content_of(case, title="Lost edit"), "base_revision": 1})
    assert stale.status_code == 409 and stale.json()["error"]["code"] == "stale_revision"
    assert live.api.call("GET", path, token).json()["title"] == "Edited title"

    again = live.api.call("POST", "/v1/cases", token, json=case_body(case_uuid=case["case_uuid"]))
    assert again.status_code == 409 and again.json()["error"]["code"] == "case_already_published"


def test_withdraw_hides_case_from_feed_and_others(live):
    _, author = live.new_user()
    _, reader = live.new_user()
    case = live.api.call("POST", "/v1/cases", author, json=case_body(title=f"withdraw-{uuid.uuid4().hex}")).json()
    path = f"/v1/cases/{case['case_uuid']}"
    withdrawn = live.api.call("DELETE", path, author)
    assert withdrawn.status_code == 200 and withdrawn.json()["status"] == "withdrawn"
    assert live.api.call("GET", path, reader).status_code == 410
    assert live.api.call("GET", path, author).json()["status"] == "withdrawn"
    feed = live.api.call("GET", "/v1/cases", reader, params={"q": case["title"]}).json()
    assert feed["items"] == []
    mine = live.api.call("GET", "/v1/cases", author, params={"mine": "true"}).json()
    assert [c["status"] for c in mine["items"]] == ["withdrawn"]
    edit = live.api.call("PUT", path, author, json={**content_of(case), "base_revision": 1})
    assert edit.status_code == 409 and edit.json()["error"]["code"] == "case_withdrawn"


def test_feed_search_filters_and_cursor_pagination(live):
    _, token = live.new_user()
    marker = uuid.uuid4().hex[:10]
    published = []
    for i in range(7):
        body = case_body(title=f"{marker} case n{i}x", specialty="neurology" if i % 2 else "cardiology",
                         tags=["odd" if i % 2 else "even", marker])
        published.append(live.api.call("POST", "/v1/cases", token, json=body).json()["case_uuid"])

    seen, cursor, pages = [], None, 0
    while pages < 10:  # bounded: 7 cases at 3 per page need 3 pages
        params = {"q": marker, "limit": 3, **({"cursor": cursor} if cursor else {})}
        page = live.api.call("GET", "/v1/cases", token, params=params).json()
        seen += [c["case_uuid"] for c in page["items"]]
        pages += 1
        if page["next_cursor"] is None:
            break
        cursor = page["next_cursor"]
        # A case published between pages must not shift or repeat what the next page returns.
        if pages == 1:
            live.api.call("POST", "/v1/cases", token, json=case_body(title=f"{marker} late arrival"))
    assert pages == 3 and seen == list(reversed(published))

    neuro = live.api.call("GET", "/v1/cases", token, params={"q": marker, "specialty": "neurology"}).json()
    assert {c["specialty"] for c in neuro["items"]} == {"neurology"} and len(neuro["items"]) == 3
    tagged = live.api.call("GET", "/v1/cases", token, params=[("tag", marker), ("tag", "even")]).json()
    assert len(tagged["items"]) == 4
    words = live.api.call("GET", "/v1/cases", token, params={"q": f"{marker} CASE N4X"}).json()
    assert [c["title"] for c in words["items"]] == [f"{marker} case n4x"]
    like_chars = live.api.call("GET", "/v1/cases", token, params={"q": f"{marker}%_"}).json()
    assert like_chars["items"] == []
    bad = live.api.call("GET", "/v1/cases", token, params={"cursor": "not-a-cursor"})
    assert bad.status_code == 400 and bad.json()["error"]["code"] == "invalid_cursor"


def test_threaded_comments_and_deletion(live):
    _, author = live.new_user()
    _, reader = live.new_user()
    case = live.api.call("POST", "/v1/cases", author, json=case_body()).json()
    comments = f"/v1/cases/{case['case_uuid']}/comments"
    root = live.api.call("POST", comments, reader, json={"body": "Was a chest film done?"}).json()
    reply = live.api.call("POST", comments, author, json={"body": "Yes, see text.", "parent_id": root["id"]})
    assert reply.status_code == 201 and reply.json()["parent_id"] == root["id"]

    other_case = live.api.call("POST", "/v1/cases", author, json=case_body()).json()
    cross = live.api.call("POST", f"/v1/cases/{other_case['case_uuid']}/comments", reader,
                          json={"body": "x", "parent_id": root["id"]})
    assert cross.status_code == 422 and cross.json()["error"]["code"] == "bad_parent_comment"

    assert live.api.call("DELETE", f"/v1/comments/{root['id']}", author).status_code == 403
    assert live.api.call("DELETE", f"/v1/comments/{root['id']}", reader).json()["deleted"] is True
    thread = live.api.call("GET", comments, author).json()["items"]
    assert [(c["id"], c["parent_id"], c["body"]) for c in thread] == [
        (root["id"], None, None), (reply.json()["id"], root["id"], "Yes, see text.")]
    assert live.api.call("GET", f"/v1/cases/{case['case_uuid']}", reader).json()["comment_count"] == 2


def test_moderation_hides_case_and_comment(live):
    _, author = live.new_user()
    _, reader = live.new_user()
    case = live.api.call("POST", "/v1/cases", author, json=case_body(title=f"mod-{uuid.uuid4().hex}")).json()
    comment = live.api.call("POST", f"/v1/cases/{case['case_uuid']}/comments", reader, json={"body": "rude"}).json()

    hidden_comment = live.api.call("POST", f"/v1/moderation/comments/{comment['id']}", live.admin_token,
                                   json={"hidden": True, "reason": "tone"})
    assert hidden_comment.json()["hidden"] is True and hidden_comment.json()["body"] == "rude"  # admin sees it
    as_author = live.api.call("GET", f"/v1/cases/{case['case_uuid']}/comments", author).json()["items"]
    assert as_author[0]["hidden"] is True and as_author[0]["body"] is None

    hidden = live.api.call("POST", f"/v1/moderation/cases/{case['case_uuid']}", live.admin_token,
                           json={"hidden": True, "reason": "possible identifier in text"})
    assert hidden.json()["hidden"] is True and hidden.json()["hidden_reason"] == "possible identifier in text"
    assert live.api.call("GET", f"/v1/cases/{case['case_uuid']}", reader).status_code == 404
    assert live.api.call("GET", f"/v1/cases/{case['case_uuid']}", author).json()["hidden"] is True
    assert live.api.call("GET", "/v1/cases", reader, params={"q": case["title"]}).json()["items"] == []

    live.api.call("POST", f"/v1/moderation/cases/{case['case_uuid']}", live.admin_token, json={"hidden": False})
    assert live.api.call("GET", f"/v1/cases/{case['case_uuid']}", reader).status_code == 200


def test_idempotent_replays(live):
    _, token = live.new_user()
    _, other = live.new_user()
    body = case_body()
    first = live.api.call("POST", "/v1/cases", token, json=body, key="outbox-1")
    replay = live.api.call("POST", "/v1/cases", token, json=body, key="outbox-1")
    assert first.status_code == replay.status_code == 201
    assert replay.json() == first.json() and replay.headers.get("Idempotent-Replayed") == "true"

    comments = f"/v1/cases/{body['case_uuid']}/comments"
    for _ in range(3):
        assert live.api.call("POST", comments, token, json={"body": "once"}, key="outbox-2").status_code == 201
    assert len(live.api.call("GET", comments, token).json()["items"]) == 1

    update = {**content_of(body, title="v2"), "base_revision": 1}
    path = f"/v1/cases/{body['case_uuid']}"
    assert live.api.call("PUT", path, token, json=update, key="outbox-3").json()["revision"] == 2
    # The retried edit replays its success instead of failing as stale.
    retried = live.api.call("PUT", path, token, json=update, key="outbox-3")
    assert retried.status_code == 200 and retried.json()["revision"] == 2

    reused = live.api.call("POST", comments, token, json={"body": "other"}, key="outbox-3")
    assert reused.status_code == 422 and reused.json()["error"]["code"] == "idempotency_key_reused"
    # Keys are per user: another user's identical key is an independent request.
    assert live.api.call("POST", comments, other, json={"body": "mine"}, key="outbox-2").status_code == 201
    assert len(live.api.call("GET", comments, token).json()["items"]) == 2


def test_validation_and_body_limit(live):
    _, token = live.new_user()
    for bad in (case_body(specialty="astrology"), case_body(title="x" * 201), case_body(tags=["a b"]),
                case_body(extra_field=1), case_body(case_uuid="not-a-uuid"), case_body(age_band="forty")):
        response = live.api.call("POST", "/v1/cases", token, json=bad)
        assert response.status_code == 422 and response.json()["error"]["code"] == "invalid_request"
        assert "astrology" not in response.text  # values are not echoed back
    huge = live.api.call("POST", "/v1/cases", token, json=case_body(body="x" * (3 * 1024 * 1024)))
    assert huge.status_code == 413 and huge.json()["error"]["code"] == "body_too_large"

    def chunks():
        for _ in range(40):
            yield b"x" * 65536

    streamed = live.api.call("POST", "/v1/cases", token, content=chunks(),
                             headers={"Content-Type": "application/json"})
    assert streamed.status_code == 413
    not_json = live.api.call("POST", "/v1/cases", token, content=b"\xff\xfe{", headers={"Content-Type":
                                                                                          "application/json"})
    assert not_json.status_code == 400 and not_json.json()["error"]["code"] == "bad_request"
