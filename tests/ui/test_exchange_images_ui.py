"""Pictures in the share preview (listed, metadata removed, thumbnails) and in a received case's view."""

from __future__ import annotations

import datetime as dt
import io
import uuid

from PIL import Image

from cdss.exchange.client.images import image_path
from cdss.exchange.schemas import CaseOut
from cdss.records.attachments import AttachmentStore
from cdss.records.service import RecordsService
from cdss.records.types import Sex
from cdss.ui.exchange.case_html import case_html
from cdss.ui.exchange.share_dialog import open_share_dialog

WAIT_MS = 20000


def _photo() -> bytes:
    image = Image.new("RGB", (120, 80), (200, 120, 60))
    exif = Image.Exif()
    exif[0x8825] = {1: "N", 2: (31.0, 14.0, 3.0)}
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif.tobytes())
    return out.getvalue()


def test_share_preview_lists_the_pictures_with_metadata_removed(qtbot, main_window, tmp_path):
    ctx = main_window.ctx
    records = RecordsService(ctx.workspace)
    patient = records.patients.create("赵小红", sex=Sex.FEMALE, birth_date=dt.date(1990, 7, 7))
    case = records.cases.create(patient.id, "Rash", opened_on=dt.date(2025, 7, 1), tags=["dermatology"])
    photo = AttachmentStore(ctx.workspace.attachments_dir).put_bytes(_photo(), "赵小红.jpg")
    records.cases.attach_file(case.id, photo, occurred_at=dt.datetime(2025, 7, 1, 8))

    dialog = open_share_dialog(ctx, case.id, main_window)
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=WAIT_MS)
    html = dialog.view.toHtml()
    [image] = dialog.preview.images
    assert "One picture will be sent (metadata removed" in html and "attachment-1.jpg" in html
    assert image.sha256 in html  # the thumbnail points at the metadata-free copy, named by its hash
    assert "one picture with its metadata removed" in dialog.consent_text.text()
    dialog.grab().save(str(tmp_path / "share-images.png"))
    dialog.close()


def test_case_view_shows_downloaded_pictures_and_notes_missing_ones(main_window):
    workspace = main_window.ctx.workspace
    kept = image_path(workspace, "a" * 64)
    kept.parent.mkdir(parents=True, exist_ok=True)
    kept.write_bytes(b"placeholder")
    now = dt.datetime.now(dt.UTC)
    case = CaseOut(case_uuid=uuid.uuid4(), revision=1, author="doc", title="t", specialty="general", tags=[],
                   summary="s", body="", age_band=None, sex="unknown", status="published", hidden=False,
                   hidden_reason=None, comment_count=0, created_at=now, updated_at=now,
                   images=[{"sha256": "a" * 64, "content_type": "image/jpeg", "caption": "day 1"},
                           {"sha256": "b" * 64, "content_type": "image/png", "caption": "day 5"}])
    html = case_html(case, lambda sha: kept if sha == "a" * 64 else None)
    assert "<img" in html and "a" * 64 in html and "day 1" in html and "day 5" in html
    assert "not downloaded yet" in html and "b" * 64 not in html
    assert "<img" not in case_html(case)  # without a lookup (old callers) nothing breaks
