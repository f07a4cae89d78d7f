"""Attachments of an encrypted workspace: sealed on disk (thumbnails too), read back whole by every reader (timeline,
PDF report, case exchange, literature), sealed when encryption is turned on, finished after an interruption, and
untouched by a passphrase change (their key is wrapped, not derived)."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
from pathlib import Path

import pytest

from cdss.db import crypto
from cdss.db.encrypt import change_passphrase, encrypt_workspace
from cdss.db.sealed import MAGIC, SealedFileDamaged
from cdss.records.attachments import THUMBS_DIR, AttachmentStore
from cdss.records.service import RecordsService
from cdss.workspace import Workspace

PASSPHRASE = "correct horse battery"
FAST = crypto.KdfParams(time_cost=1, memory_kib=8 * 1024, parallelism=1)
PLANTED = b"Zhang San wound photo"  # an identifier in the photo's EXIF: must never be readable on disk


pytestmark = pytest.mark.usefixtures("no_remembered_keys")


def _photo(colour: tuple[int, int, int] = (200, 80, 40)) -> bytes:
    from PIL import Image

    exif = Image.Exif()
    exif[0x010E] = PLANTED.decode()
    out = io.BytesIO()
    Image.new("RGB", (640, 480), colour).save(out, format="JPEG", exif=exif)
    return out.getvalue()


PDF = b"%PDF-1.4\n% discharge letter of Zhang San Wound photo\n" + b"x" * 5000


@pytest.fixture()
def plain(tmp_path: Path) -> tuple[Path, list[str]]:
    """A plain workspace with a photo (thumbnail cached) and a PDF attached to a case."""
    root = tmp_path / "ws"
    workspace = Workspace.open(root)
    service = RecordsService(workspace)
    store = AttachmentStore.of(workspace)
    case = service.cases.create(service.patients.create("张三").id, "Wound", opened_on=dt.date(2024, 3, 1))
    hashes = []
    for data, name in ((_photo(), "wound.jpg"), (PDF, "letter.pdf")):
        stored = store.put_bytes(data, name)
        service.cases.attach_file(case.id, stored)
        hashes.append(stored.sha256)
    assert store.thumbnail(hashes[0], 240) is not None
    workspace.close()
    return root, hashes


def _attachment_files(root: Path) -> list[Path]:
    return [p for p in (root / "attachments").rglob("*") if p.is_file()]


def _open(root: Path, monkeypatch, passphrase: str = PASSPHRASE) -> Workspace:
    monkeypatch.setenv("CDSS_PASSPHRASE", passphrase)
    return Workspace.open(root)


def test_turning_encryption_on_seals_every_attachment_and_thumbnail(plain, monkeypatch) -> None:
    root, (photo, pdf) = plain
    assert any(PLANTED in p.read_bytes() for p in _attachment_files(root))
    report = encrypt_workspace(root, PASSPHRASE, FAST)
    files = _attachment_files(root)
    assert report.attachments_sealed == len(files) == 3  # the photo, the PDF and the photo's thumbnail
    for path in files:
        raw = path.read_bytes()
        assert raw.startswith(MAGIC) and PLANTED not in raw and b"%PDF" not in raw and b"\xff\xd8\xff" not in raw[:64]
    assert json.loads((root / "encryption.json").read_text())["attachments"] == "sealed"

    workspace = _open(root, monkeypatch)
    store = AttachmentStore.of(workspace)
    assert store.read_bytes(photo) == _photo() and store.read_bytes(pdf) == PDF
    assert hashlib.sha256(store.read_bytes(photo)).hexdigest() == photo
    assert store.media_type(photo) == "image/jpeg" and store.media_type(pdf) == "application/pdf"
    assert store.thumbnail(photo, 240).startswith(b"\x89PNG")
    workspace.close()


def test_new_attachments_are_sealed_and_still_stored_once(plain, monkeypatch) -> None:
    root, _ = plain
    encrypt_workspace(root, PASSPHRASE, FAST)
    workspace = _open(root, monkeypatch)
    store = AttachmentStore.of(workspace)
    photo = _photo((10, 200, 10))
    first, again = store.put_bytes(photo, "a.jpg"), store.put_bytes(photo, "b.jpg")
    assert first.sha256 == again.sha256 == hashlib.sha256(photo).hexdigest()
    raw = store.path(first.sha256).read_bytes()
    assert raw.startswith(MAGIC) and PLANTED not in raw
    print_copy = store.print_rendition(first.sha256, 480)
    cached = store.root / THUMBS_DIR / f"{first.sha256}_480.jpg"
    assert print_copy.startswith(b"\xff\xd8\xff") and cached.read_bytes().startswith(MAGIC)
    assert store.print_rendition(first.sha256, 480) == print_copy  # read back from the sealed cache
    out = store.export(first.sha256, root.parent / "saved.jpg")
    assert out.read_bytes() == photo
    workspace.close()


@pytest.mark.usefixtures("cjk_font")
def test_the_pdf_report_has_the_photo(plain, monkeypatch, tmp_path) -> None:
    from cdss.records.pdf_report import export_case_pdf

    root, _ = plain
    encrypt_workspace(root, PASSPHRASE, FAST)
    workspace = _open(root, monkeypatch)
    service = RecordsService(workspace)
    record = service.patients.get(service.patients.page(limit=1)[0].id)
    report = export_case_pdf(record, record.cases, tmp_path / "r.pdf", attachments=AttachmentStore.of(workspace),
                             deidentified=False, secret=None, labels_language="en")
    pdf = report.read_bytes()
    assert pdf.count(b"/Subtype /Image") == 1 and b"photo file missing" not in pdf and PLANTED not in pdf
    workspace.close()


def test_the_case_exchange_sends_a_clean_copy_of_a_sealed_photo(plain, monkeypatch) -> None:
    from cdss.exchange.client.images import prepare_case_images
    from cdss.records.deidentify import deidentify

    root, _ = plain
    encrypt_workspace(root, PASSPHRASE, FAST)
    workspace = _open(root, monkeypatch)
    service = RecordsService(workspace)
    record = service.patients.get(service.patients.page(limit=1)[0].id)
    clean = deidentify(record, b"k" * 32, case_key="c").record
    images, skipped = prepare_case_images(workspace, record.cases[0], clean.cases[0])
    assert len(images) == 1 and skipped == ["attachment-2.pdf"]
    kept = (root / "exchange" / "images" / images[0].sha256).read_bytes()
    assert kept.startswith(b"\xff\xd8\xff") and PLANTED not in kept  # the metadata-free copy that is sent
    workspace.close()


def test_a_literature_pdf_is_sealed_and_opens_as_a_plain_copy(plain, monkeypatch, tmp_path) -> None:
    from cdss.literature.library import LiteratureLibrary
    from cdss.literature.reference import Reference

    root, (_photo_sha, pdf) = plain
    encrypt_workspace(root, PASSPHRASE, FAST)
    workspace = _open(root, monkeypatch)
    library = LiteratureLibrary(workspace)
    (ref_id,) = library.store.add([Reference(title="Wound care in older adults", year=2020)], [pdf])
    assert library.has_pdf(ref_id)
    assert library.export_pdf(ref_id, tmp_path / "paper.pdf").read_bytes() == PDF
    workspace.close()


def test_an_interrupted_sealing_is_read_meanwhile_and_finished_on_the_next_opening(plain, monkeypatch) -> None:
    root, (photo, pdf) = plain
    originals = {p: p.read_bytes() for p in _attachment_files(root)}
    encrypt_workspace(root, PASSPHRASE, FAST)
    # As if killed half way: one file sealed, the others still plain, and the key file not yet marked.
    pdf_file = next(p for p in originals if p.name == pdf)
    for path, data in originals.items():
        if path != pdf_file:
            path.write_bytes(data)
    content = json.loads((root / "encryption.json").read_text())
    content.pop("attachments")
    (root / "encryption.json").write_text(json.dumps(content))
    workspace = _open(root, monkeypatch)  # opening finishes the sealing
    assert all(p.read_bytes().startswith(MAGIC) for p in _attachment_files(root))
    assert crypto.attachments_sealed(root)
    store = AttachmentStore.of(workspace)
    assert store.read_bytes(photo) == _photo() and store.read_bytes(pdf) == PDF
    workspace.close()


def test_a_plain_leftover_is_read_as_it_is(plain, monkeypatch) -> None:
    root, (photo, _pdf) = plain
    original = next(p for p in _attachment_files(root) if p.name == photo).read_bytes()
    encrypt_workspace(root, PASSPHRASE, FAST)
    workspace = _open(root, monkeypatch)
    store = AttachmentStore.of(workspace)
    store.path(photo).write_bytes(original)  # a file the sealing has not reached yet
    assert store.read_bytes(photo) == original
    workspace.close()


def test_a_plain_file_that_starts_like_a_sealed_one(plain, monkeypatch) -> None:
    root, _ = plain
    odd = MAGIC + b"a document whose first bytes happen to match" * 10
    workspace = Workspace.open(root)
    sha = AttachmentStore.of(workspace).put_bytes(odd, "odd.bin").sha256
    workspace.close()
    encrypt_workspace(root, PASSPHRASE, FAST)  # recognised as plain (it does not open), so it is sealed too
    workspace = _open(root, monkeypatch)
    store = AttachmentStore.of(workspace)
    assert store.read_bytes(sha) == odd
    store.path(sha).write_bytes(odd)  # and if it were left plain, its name (its hash) still tells it apart
    assert store.read_bytes(sha) == odd
    workspace.close()


def test_a_damaged_sealed_attachment_is_named_not_served(plain, monkeypatch) -> None:
    root, (photo, _pdf) = plain
    encrypt_workspace(root, PASSPHRASE, FAST)
    workspace = _open(root, monkeypatch)
    store = AttachmentStore.of(workspace)
    raw = bytearray(store.path(photo).read_bytes())
    raw[100] ^= 0xFF
    store.path(photo).write_bytes(bytes(raw))
    with pytest.raises(SealedFileDamaged) as damaged:
        store.read_bytes(photo)
    assert photo in str(damaged.value)
    workspace.close()


def test_a_passphrase_change_rewraps_the_files_key_and_rewrites_no_attachment(plain, monkeypatch) -> None:
    root, (photo, pdf) = plain
    encrypt_workspace(root, PASSPHRASE, FAST)
    stamps = {p: p.stat().st_mtime_ns for p in _attachment_files(root)}
    change_passphrase(root, PASSPHRASE, "a brand new passphrase", FAST)
    assert {p: p.stat().st_mtime_ns for p in _attachment_files(root)} == stamps
    crypto.forget()
    workspace = _open(root, monkeypatch, "a brand new passphrase")
    assert crypto.attachments_sealed(root)
    store = AttachmentStore.of(workspace)
    assert store.read_bytes(photo) == _photo() and store.read_bytes(pdf) == PDF
    workspace.close()


def test_a_workspace_encrypted_before_attachments_were_sealed_is_brought_up_to_date(plain, monkeypatch) -> None:
    root, (photo, _pdf) = plain
    originals = {p: p.read_bytes() for p in _attachment_files(root)}
    encrypt_workspace(root, PASSPHRASE, FAST)
    for path, data in originals.items():  # what the earlier version left: plain files, a key file without a files key
        path.write_bytes(data)
    content = json.loads((root / "encryption.json").read_text())
    for name in ("attachments", "files_key", "files_nonce"):
        content.pop(name)
    (root / "encryption.json").write_text(json.dumps(content))
    crypto.forget()
    workspace = _open(root, monkeypatch)
    assert "files_key" in json.loads((root / "encryption.json").read_text())
    assert all(p.read_bytes().startswith(MAGIC) for p in _attachment_files(root))
    assert AttachmentStore.of(workspace).read_bytes(photo) == _photo()
    workspace.close()


def test_the_demo_workspace_with_photos_comes_through_encryption_unchanged(tmp_path, monkeypatch) -> None:
    """Every patient record (read through the records service) and every photo is the same after encrypting."""
    from cdss.demo import seed_demo

    root = tmp_path / "demo"
    workspace = Workspace.open(root)
    seed_demo(workspace)
    service = RecordsService(workspace)
    store = AttachmentStore.of(workspace)
    patients = service.patients.page(limit=1000)
    for number, summary in enumerate(patients[:5]):  # a photo on the first case of five patients
        record = service.patients.get(summary.id)
        service.cases.attach_file(record.cases[0].id, store.put_bytes(_photo((number * 40, 90, 90)), f"p{number}.jpg"))
    before = [service.patients.get(p.id) for p in patients]
    photos = {e.attachment.sha256: store.read_bytes(e.attachment.sha256)
              for r in before for c in r.cases for e in c.entries if e.attachment is not None}
    workspace.close()
    assert len(before) >= 10 and len(photos) == 5

    encrypt_workspace(root, PASSPHRASE, FAST)
    crypto.forget()
    workspace = _open(root, monkeypatch)
    service = RecordsService(workspace)
    # Compared patient by patient in the same order (the list's own order follows updated_at, which the photos
    # just bumped, so it may differ from the list taken before them).
    assert [service.patients.get(p.id) for p in patients] == before
    assert {p.id for p in service.patients.page(limit=1000)} == {p.id for p in patients}
    store = AttachmentStore.of(workspace)
    assert {sha: store.read_bytes(sha) for sha in photos} == photos
    assert all(store.path(sha).read_bytes().startswith(MAGIC) for sha in photos)
    workspace.close()
