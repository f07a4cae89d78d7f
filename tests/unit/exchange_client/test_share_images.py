"""A shared case's photos: stripped of EXIF/GPS (verified by re-reading), hashed, queued for upload before the case."""

from __future__ import annotations

import datetime as dt
import hashlib
import io

import pytest
from PIL import Image

from cdss.exchange.client.images import image_path, local_image
from cdss.exchange.client.outbox import list_outbox
from cdss.exchange.client.share import build_share_preview, share_case
from cdss.exchange.schemas import CasePublish
from cdss.exchange.server.errors import ApiError
from cdss.exchange.server.image_check import verify_clean_image
from cdss.records.attachments import AttachmentStore
from cdss.records.service import RecordsService
from cdss.records.types import Sex
from cdss.workspace import Workspace

TODAY = dt.date(2026, 11, 23)
NAME = "李建国"
GPS_IFD = 0x8825
MAKE_TAG = 0x010F


def jpeg_with_gps(color=(10, 120, 200)) -> bytes:
    image = Image.new("RGB", (64, 48), color)
    exif = Image.Exif()
    exif[MAKE_TAG] = "PhoneMaker"
    exif[GPS_IFD] = {1: "N", 2: (30.0, 15.0, 12.0), 3: "E", 4: (120.0, 9.0, 44.0)}
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif.tobytes())
    return out.getvalue()


@pytest.fixture
def case_with_photo(workspace: Workspace) -> int:
    records = RecordsService(workspace, today=lambda: TODAY)
    patient = records.patients.create(NAME, sex=Sex.MALE, birth_date=dt.date(1960, 1, 5))
    case = records.cases.create(patient.id, "Rash on the forearm", opened_on=dt.date(2025, 5, 1), tags=["dermatology"])
    store = AttachmentStore(workspace.attachments_dir)
    photo = store.put_bytes(jpeg_with_gps(), f"{NAME}-rash.jpg")
    records.cases.attach_file(case.id, photo, occurred_at=dt.datetime(2025, 5, 1, 10))
    pdf = store.put_bytes(b"%PDF-1.4 minimal", "referral.pdf")
    records.cases.attach_file(case.id, pdf, occurred_at=dt.datetime(2025, 5, 1, 11))
    return case.id


def test_planted_gps_is_present_before_stripping() -> None:
    exif = Image.open(io.BytesIO(jpeg_with_gps())).getexif()
    assert exif.get(MAKE_TAG) == "PhoneMaker" and exif.get_ifd(GPS_IFD)


def test_preview_lists_the_photo_stripped_and_skips_other_files(workspace: Workspace, case_with_photo: int) -> None:
    preview = build_share_preview(workspace, case_with_photo, today=TODAY)
    [image] = preview.images
    assert preview.skipped_attachments == ("attachment-2.pdf",)
    assert image.content_type == "image/jpeg" and NAME not in image.source_filename
    kept = local_image(workspace, image.sha256)
    assert kept is not None
    data = kept.read_bytes()
    assert hashlib.sha256(data).hexdigest() == image.sha256 and len(data) == image.size
    reread = Image.open(io.BytesIO(data))
    assert not reread.getexif() and not reread.getexif().get_ifd(GPS_IFD)
    assert b"PhoneMaker" not in data and "exif" not in reread.info
    verify_clean_image(data, image.sha256, "image/jpeg")  # the server's check accepts what the client sends
    assert preview.payload.images[0].sha256 == image.sha256
    assert NAME not in preview.payload_json()


def test_server_check_refuses_the_original_photo() -> None:
    data = jpeg_with_gps()
    with pytest.raises(ApiError) as refused:
        verify_clean_image(data, hashlib.sha256(data).hexdigest(), "image/jpeg")
    assert refused.value.code == "image_has_metadata"


def test_share_queues_the_upload_before_the_publish(workspace: Workspace, case_with_photo: int) -> None:
    row_id = share_case(workspace, case_with_photo, consent_recorded=True, today=TODAY)
    image_row, publish_row = list_outbox(workspace)
    assert (image_row.action, publish_row.action) == ("image", "publish") and publish_row.id == row_id
    assert image_row.case_uuid == publish_row.case_uuid and image_row.idempotency_key != publish_row.idempotency_key
    published = CasePublish.model_validate(publish_row.payload)
    assert [ref.sha256 for ref in published.images] == [image_row.payload["sha256"]]
    assert image_path(workspace, image_row.payload["sha256"]).is_file()


def test_old_payload_without_images_still_validates() -> None:
    old = {"case_uuid": "0b5e0f3c-59a2-4c7e-9d7e-1b8e2f7f0a11", "title": "t", "specialty": "general",
           "summary": "s"}
    assert CasePublish.model_validate(old).images == []
