"""The attachment store: content-addressed layout, dedup, atomic writes, media types, size limit, thumbnails."""

from __future__ import annotations

import hashlib
import io

import pytest
from PIL import Image

from cdss.errors import UserError
from cdss.records.attachments import AttachmentStore, attachment_path, detect_media_type


def _png(width=800, height=400, color=(200, 30, 30)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), color).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture()
def store(tmp_path):
    return AttachmentStore(tmp_path / "attachments")


def test_store_by_hash_in_the_layout_the_pdf_exporter_reads(store):
    data = _png()
    stored = store.put_bytes(data, "photo.png")
    sha = hashlib.sha256(data).hexdigest()
    assert (stored.sha256, stored.size, stored.media_type, stored.filename) == (
        sha,
        len(data),
        "image/png",
        "photo.png",
    )
    path = store.root / sha[:2] / sha[2:4] / sha
    assert path.read_bytes() == data
    assert attachment_path(store.root, sha) == path


def test_same_content_is_stored_once(store, tmp_path):
    data = b"%PDF-1.4 report"
    source = tmp_path / "report.pdf"
    source.write_bytes(data)
    first = store.put_file(source)
    second = store.put_bytes(data, "copy.pdf")
    assert first.sha256 == second.sha256 and first.media_type == "application/pdf"
    files = [p for p in store.root.rglob("*") if p.is_file()]
    assert files == [store.path(first.sha256)]  # one copy, and no temporary files left behind
    assert source.read_bytes() == data


@pytest.mark.parametrize(
    ("head", "media_type"),
    [
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "image/jpeg"),
        (b"\x89PNG\r\n\x1a\n....", "image/png"),
        (b"GIF89a....", "image/gif"),
        (b"RIFF\x00\x00\x00\x00WEBPVP8 ", "image/webp"),
        (b"%PDF-1.7", "application/pdf"),
        (b"PK\x03\x04", "application/octet-stream"),
        (b"", "application/octet-stream"),
    ],
)
def test_media_type_from_magic_bytes(head, media_type):
    assert detect_media_type(head) == media_type


def test_file_name_is_reduced_to_its_base_name(store):
    assert store.put_bytes(b"x", "../../etc/passwd").filename == "passwd"
    assert store.put_bytes(b"y", "C:\\Users\\dr\\scan.jpg").filename == "scan.jpg"


def test_too_large_is_refused_and_leaves_nothing(tmp_path):
    small = AttachmentStore(tmp_path / "att", max_bytes=1000)
    with pytest.raises(UserError) as info:
        small.put_bytes(b"x" * 1001, "big.bin")
    assert info.value.code == "attachment_too_large"
    big = tmp_path / "big.bin"
    big.write_bytes(b"x" * 5000)
    with pytest.raises(UserError):
        small.put_file(big)
    with pytest.raises(UserError):
        small._put_stream(io.BytesIO(b"y" * 5000), "stream.bin")  # a stream that grows past the limit mid-copy
    assert not any(p.is_file() for p in (tmp_path / "att").rglob("*"))


def test_unreadable_source_is_a_user_error(store, tmp_path):
    with pytest.raises(UserError) as info:
        store.put_file(tmp_path / "missing.jpg")
    assert info.value.code == "attachment_unreadable"


def test_thumbnail_is_made_once_and_cached(store):
    stored = store.put_bytes(_png(), "photo.png")
    thumb = store.thumbnail(stored.sha256, 128)
    cached = store.root / "thumbs" / f"{stored.sha256}_128.png"
    assert cached.read_bytes() == thumb  # a plain workspace keeps the PNG as it is
    with Image.open(io.BytesIO(thumb)) as image:
        assert max(image.size) == 128 and image.size == (128, 64)
    stamp = cached.stat().st_mtime_ns
    assert store.thumbnail(stored.sha256, 128) == thumb and cached.stat().st_mtime_ns == stamp


def test_no_thumbnail_for_non_images_or_broken_images(store):
    pdf = store.put_bytes(b"%PDF-1.4 x", "a.pdf")
    assert store.thumbnail(pdf.sha256) is None
    broken = store.put_bytes(b"\x89PNG\r\n\x1a\nnot really", "broken.png")
    assert store.thumbnail(broken.sha256) is None
    with pytest.raises(UserError) as info:
        store.thumbnail("0" * 64)
    assert info.value.code == "attachment_missing"
    with pytest.raises(UserError):
        store.path("../../x")


def test_attachment_entry_on_a_case(workspace):
    from cdss.records.service import RecordsService

    service = RecordsService(workspace)
    store = AttachmentStore.of(workspace)
    case = service.cases.create(service.patients.create("张三").id, "皮疹")
    stored = store.put_bytes(_png(), "rash.png")
    entry = service.cases.attach_file(case.id, stored, text="前臂皮疹")
    again = service.cases.attach_file(case.id, store.put_bytes(_png(), "rash-again.png"))
    assert entry.attachment.id == again.attachment.id  # one attachment row per content
    assert service.cases.get(case.id).entries[0].attachment.sha256 == stored.sha256
    assert service.patients.count("前臂") == 1
