"""Attaching photos and PDFs to a case: accepted types, refused files, and nothing half-written."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from PIL import Image

from cdss.errors import UserError
from cdss.records.attachment_intake import attach_bytes, attach_paths, check_attachment_bytes
from cdss.records.attachments import AttachmentStore
from cdss.records.service import RecordsService
from cdss.workspace import Workspace

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _jpeg(size=(64, 48)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (180, 40, 40)).save(buffer, "JPEG")
    return buffer.getvalue()


@pytest.fixture()
def setup(tmp_path):
    ws = Workspace.open(tmp_path / "ws")
    service = RecordsService(ws)
    patient = service.patients.create("李四")
    case = service.cases.create(patient.id, "Fracture", opened_on=dt.date(2024, 1, 2))
    yield service, AttachmentStore(ws.attachments_dir), case
    ws.close()


def _stored_files(store: AttachmentStore) -> list[Path]:
    return [p for p in store.root.rglob("*") if p.is_file()] if store.root.exists() else []


def test_a_photo_and_a_pdf_become_timeline_entries(setup):
    service, store, case = setup
    photo = attach_bytes(service, store, case.id, _jpeg(), "wrist.jpg")
    report = attach_bytes(service, store, case.id, PDF, "report.pdf")
    assert photo.attachment.media_type == "image/jpeg" and report.attachment.media_type == "application/pdf"
    entries = service.cases.get(case.id).entries
    assert [e.attachment.filename for e in entries] == ["wrist.jpg", "report.pdf"]
    assert store.exists(photo.attachment.sha256) and store.exists(report.attachment.sha256)


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", "attachment_empty"),
        (b"PK\x03\x04 a zip, not a photo", "attachment_type_unsupported"),
        (b"just some text", "attachment_type_unsupported"),
        (PDF[:-7], "attachment_damaged"),  # a download cut short: no %%EOF
        (_jpeg((200, 200))[:300], "attachment_damaged"),  # a truncated JPEG
    ],
)
def test_refused_files_write_nothing(setup, data, code):
    service, store, case = setup
    with pytest.raises(UserError) as info:
        attach_bytes(service, store, case.id, data, "file.bin")
    assert info.value.code == code and info.value.params["filename"] == "file.bin"
    assert service.cases.get(case.id).entries == ()
    assert _stored_files(store) == []


def test_a_huge_file_is_refused_before_it_is_read(setup, tmp_path):
    service, _store, case = setup
    small_store = AttachmentStore(tmp_path / "small", max_bytes=1000)
    big = tmp_path / "big.jpg"
    big.write_bytes(_jpeg((400, 400)))
    assert big.stat().st_size > 1000
    (result,) = attach_paths(service, small_store, case.id, [big])
    assert result.entry is None and result.error.code == "attachment_too_large"
    with pytest.raises(UserError):
        check_attachment_bytes(b"x" * 2000, "x.bin", max_bytes=1000)


def test_one_bad_file_does_not_stop_the_others(setup, tmp_path):
    service, store, case = setup
    good, bad, folder = tmp_path / "ok.jpg", tmp_path / "notes.docx", tmp_path / "folder"
    good.write_bytes(_jpeg())
    bad.write_bytes(b"PK\x03\x04word")
    folder.mkdir()
    results = attach_paths(service, store, case.id, [good, bad, folder, tmp_path / "missing.png"])
    assert [r.entry is not None for r in results] == [True, False, False, False]
    assert [r.error.code for r in results[1:]] == ["attachment_type_unsupported", "attachment_is_folder",
                                                    "attachment_unreadable"]
    assert len(service.cases.get(case.id).entries) == 1


def test_a_failed_database_write_takes_a_new_file_back_out(setup):
    service, store, _case = setup
    with pytest.raises(UserError) as info:
        attach_bytes(service, store, 999_999, _jpeg(), "lost.jpg")  # no such case
    assert info.value.code == "case_not_found"
    assert _stored_files(store) == []
