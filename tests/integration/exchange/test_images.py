"""Case images against the real server (SQLite and PostgreSQL): upload, publish, fetch, authorization, refusals."""

from __future__ import annotations

import hashlib
import io

import pytest

from .servers import case_body, content_of


def _jpeg(color: tuple[int, int, int] = (180, 40, 40), *, gps: bool = False, width: int = 48) -> bytes:
    """A small JPEG; distinct widths give distinct bytes (solid colours alone can encode identically)."""
    from PIL import Image

    image = Image.new("RGB", (width, 32), color)
    out = io.BytesIO()
    if gps:
        exif = Image.Exif()
        exif[0x010F] = "PhoneMaker"
        exif[0x8825] = {1: "N", 2: (39.0, 54.0, 27.0), 3: "E", 4: (116.0, 23.0, 17.0)}
        image.save(out, "JPEG", exif=exif.tobytes())
    else:
        image.save(out, "JPEG")
    return out.getvalue()


def _unique_jpeg() -> bytes:
    import random

    return _jpeg((random.randrange(256), random.randrange(256), random.randrange(256)))


def _put(live, token: str, data: bytes, content_type: str = "image/jpeg", sha: str | None = None):
    sha = sha or hashlib.sha256(data).hexdigest()
    return live.api.call("PUT", f"/v1/images/{sha}", token, content=data, headers={"Content-Type": content_type})


def _ref(data: bytes, caption: str = "chest film") -> dict:
    return {"sha256": hashlib.sha256(data).hexdigest(), "content_type": "image/jpeg", "caption": caption}


def test_upload_publish_and_fetch_as_another_user(live):
    _, author = live.new_user("author")
    _, reader = live.new_user("reader")
    data = _unique_jpeg()
    first = _put(live, author, data)
    assert first.status_code == 201, first.text
    assert first.json()["created"] is True and first.json()["size"] == len(data)
    again = _put(live, author, data)  # idempotent by sha256
    assert again.status_code == 200 and again.json()["created"] is False

    # Not yet on any case: another user cannot fetch it, and does not learn that it exists.
    sha = hashlib.sha256(data).hexdigest()
    assert live.api.call("GET", f"/v1/images/{sha}", reader).status_code == 404
    assert live.api.call("GET", f"/v1/images/{sha}", author).status_code == 200

    published = live.api.call("POST", "/v1/cases", author, json=case_body(images=[_ref(data)]))
    assert published.status_code == 201, published.text
    assert published.json()["images"] == [_ref(data)]
    fetched = live.api.call("GET", f"/v1/images/{sha}", reader)
    assert fetched.status_code == 200
    assert fetched.content == data and fetched.headers["content-type"] == "image/jpeg"
    # The feed carries the references too, and an old-style payload without images still publishes.
    plain = live.api.call("POST", "/v1/cases", author, json=case_body())
    assert plain.status_code == 201 and plain.json()["images"] == []


def test_a_user_who_cannot_see_the_case_cannot_fetch_its_image(live):
    _, author = live.new_user("author")
    _, reader = live.new_user("reader")
    data = _unique_jpeg()
    sha = hashlib.sha256(data).hexdigest()
    assert _put(live, author, data).status_code == 201
    case = live.api.call("POST", "/v1/cases", author, json=case_body(images=[_ref(data)])).json()
    assert live.api.call("GET", f"/v1/images/{sha}", reader).status_code == 200
    hidden = live.api.call("POST", f"/v1/moderation/cases/{case['case_uuid']}", live.admin_token,
                           json={"hidden": True, "reason": "check"})
    assert hidden.status_code == 200
    assert live.api.call("GET", f"/v1/images/{sha}", reader).status_code == 404
    assert live.api.call("GET", f"/v1/images/{sha}", live.admin_token).status_code == 200
    live.api.call("POST", f"/v1/moderation/cases/{case['case_uuid']}", live.admin_token, json={"hidden": False})
    assert live.api.call("GET", f"/v1/images/{sha}", reader).status_code == 200
    assert live.api.call("DELETE", f"/v1/cases/{case['case_uuid']}", author).status_code == 200
    assert live.api.call("GET", f"/v1/images/{sha}", reader).status_code == 404
    assert live.api.call("GET", f"/v1/images/{sha}").status_code == 401


def test_update_replaces_the_images(live):
    _, author = live.new_user("author")
    one, two = _unique_jpeg(), _unique_jpeg()
    for data in (one, two):
        assert _put(live, author, data).status_code in (200, 201)
    case = live.api.call("POST", "/v1/cases", author, json=case_body(images=[_ref(one)])).json()
    updated = live.api.call("PUT", f"/v1/cases/{case['case_uuid']}", author,
                            json={**content_of(case), "base_revision": 1, "images": [_ref(two, "after")]})
    assert updated.status_code == 200, updated.text
    assert updated.json()["images"] == [_ref(two, "after")]
    assert live.api.call("GET", f"/v1/cases/{case['case_uuid']}", author).json()["images"] == [_ref(two, "after")]


def test_exif_and_gps_are_refused(live):
    _, author = live.new_user("author")
    response = _put(live, author, _jpeg(gps=True))
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "image_has_metadata"


def test_wrong_hash_type_and_garbage_are_refused(live):
    _, author = live.new_user("author")
    data = _unique_jpeg()
    assert _put(live, author, data, sha="0" * 64).json()["error"]["code"] == "image_hash_mismatch"
    assert _put(live, author, data, content_type="image/png").json()["error"]["code"] == "image_type_mismatch"
    assert _put(live, author, data, content_type="image/gif").status_code == 415
    garbage = b"not an image at all"
    assert _put(live, author, garbage).json()["error"]["code"] == "not_an_image"


def test_size_limit(live):
    _, author = live.new_user("author")
    big = b"\xff\xd8" + bytes(8 * 1024 * 1024)
    response = _put(live, author, big)
    assert response.status_code == 413


def test_publish_naming_an_image_not_uploaded_is_refused(live):
    _, author = live.new_user("author")
    _, other = live.new_user("other")
    data = _unique_jpeg()
    missing = live.api.call("POST", "/v1/cases", author, json=case_body(images=[_ref(data)]))
    assert missing.status_code == 422 and missing.json()["error"]["code"] == "image_not_uploaded"
    # Knowing a hash is not enough: the image must have been uploaded by the one who attaches it.
    assert _put(live, other, data).status_code == 201
    borrowed = live.api.call("POST", "/v1/cases", author, json=case_body(images=[_ref(data)]))
    assert borrowed.status_code == 422 and borrowed.json()["error"]["code"] == "image_not_uploaded"


@pytest.mark.parametrize("count", [13])
def test_image_count_is_bounded(live, count):
    _, author = live.new_user("author")
    refs = [{"sha256": f"{i:064x}", "content_type": "image/png"} for i in range(count)]
    response = live.api.call("POST", "/v1/cases", author, json=case_body(images=refs))
    assert response.status_code == 422 and response.json()["error"]["code"] == "invalid_request"


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_migration_0002_keeps_existing_cases_and_matches_the_models(new_db_url, backend):
    """A server database created before images (revision 0001) upgrades in place; its cases read with no images."""
    from alembic import command
    from alembic.config import Config
    from alembic.migration import MigrationContext
    from sqlalchemy import text

    from cdss.exchange.server.models import Base
    from cdss.exchange.server.storage import MIGRATIONS_DIR, open_database, upgrade_schema

    db = open_database(new_db_url(backend))
    try:
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS_DIR))
        with db.engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "0001")
        with db.engine.begin() as connection:
            assert not db.engine.dialect.has_table(connection, "images")
            connection.execute(text("INSERT INTO users (name, password_hash, is_admin, status, created_at) "
                                    "VALUES ('old', 'x', false, 'active', CURRENT_TIMESTAMP)"))
        upgrade_schema(db)
        with db.engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"version_table": "exchange_alembic_version"})
            assert context.get_current_revision() == "0002"
            assert connection.execute(text("SELECT count(*) FROM users WHERE name = 'old'")).scalar() == 1
            for table in ("images", "image_uploads", "case_images"):
                assert db.engine.dialect.has_table(connection, table)
            from alembic.autogenerate import compare_metadata

            diffs = [d for d in compare_metadata(context, Base.metadata)
                     if d[0] in ("add_table", "remove_table", "add_column", "remove_column")]
            assert diffs == []
    finally:
        db.dispose()


def test_uploads_no_case_shows_are_capped_per_user(live):
    from cdss.exchange.server.settings import ServerSettings

    limit = ServerSettings(database_url="sqlite://").max_unattached_images
    _, author = live.new_user("author")
    images = [_jpeg(width=40 + i) for i in range(limit + 1)]
    assert all(_put(live, author, data).status_code == 201 for data in images[:limit])
    refused = _put(live, author, images[limit])
    assert refused.status_code == 429 and refused.json()["error"]["code"] == "too_many_unattached_images"
    assert _put(live, author, images[0]).status_code == 200  # re-sending one already held is not a new upload
    published = live.api.call("POST", "/v1/cases", author, json=case_body(images=[_ref(images[0])]))
    assert published.status_code == 201, published.text
    assert _put(live, author, images[limit]).status_code == 201  # the published one no longer counts


def test_prune_forgets_uploads_no_case_shows_and_keeps_shown_ones(live):
    from datetime import timedelta

    from cdss.exchange.server.routes_images import prune_unattached_images
    from cdss.exchange.server.storage import open_database

    _, author = live.new_user("author")
    shown, stray = _jpeg(width=300), _jpeg(width=301)
    assert _put(live, author, shown).status_code == 201 and _put(live, author, stray).status_code == 201
    published = live.api.call("POST", "/v1/cases", author, json=case_body(images=[_ref(shown)]))
    assert published.status_code == 201, published.text

    db = open_database(live.server.db_url)
    try:
        prune_unattached_images(db, timedelta(hours=1))
        assert _fetch_status(live, author, stray) == 200  # younger than the grace period: kept
        assert prune_unattached_images(db, timedelta(0)) >= 1
    finally:
        db.dispose()
    assert _fetch_status(live, author, stray) == 404
    assert _fetch_status(live, author, shown) == 200
    assert _put(live, author, stray).status_code == 201  # uploading it again simply stores it again


def _fetch_status(live, token: str, data: bytes) -> int:
    return live.api.call("GET", f"/v1/images/{hashlib.sha256(data).hexdigest()}", token).status_code
