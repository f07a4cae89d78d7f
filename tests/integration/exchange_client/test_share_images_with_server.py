"""A case shared with a photo: the upload goes first, the reader gets the stripped image; a failed upload holds the
publish back and loses nothing."""

from __future__ import annotations

import datetime as dt
import hashlib
import io

from PIL import Image

from cdss.exchange.client.images import fetch_image, image_path, local_image
from cdss.exchange.client.outbox import list_outbox, retry_failed
from cdss.exchange.client.save_received import save_received_case
from cdss.exchange.client.share import share_case
from cdss.exchange.client.sync import received_cases, sync
from cdss.records.attachments import AttachmentStore
from cdss.records.service import RecordsService
from cdss.records.types import Sex
from cdss.workspace import Workspace


def _photo_with_gps() -> bytes:
    image = Image.new("RGB", (40, 40), (90, 160, 30))
    exif = Image.Exif()
    exif[0x8825] = {1: "N", 2: (22.0, 32.0, 1.0)}
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif.tobytes())
    return out.getvalue()


def add_case_with_photo(workspace: Workspace) -> int:
    records = RecordsService(workspace)
    patient = records.patients.create("陈美华", sex=Sex.FEMALE, birth_date=dt.date(1980, 2, 2))
    case = records.cases.create(patient.id, "Pigmented lesion", opened_on=dt.date(2025, 6, 1), tags=["dermatology"])
    photo = AttachmentStore(workspace.attachments_dir).put_bytes(_photo_with_gps(), "lesion.jpg")
    records.cases.attach_file(case.id, photo, occurred_at=dt.datetime(2025, 6, 1, 9))
    return case.id


def no_sleep(_: float) -> None:
    pass


def test_shared_photo_reaches_another_user_stripped(make_client) -> None:
    author_ws, author = make_client()
    reader_ws, reader = make_client()
    share_case(author_ws, add_case_with_photo(author_ws), consent_recorded=True)
    report = sync(author_ws, author, sleep=no_sleep)
    assert report.pushed == 2 and not report.failed and list_outbox(author_ws) == []

    sync(reader_ws, reader, sleep=no_sleep)
    [case] = received_cases(reader_ws)
    [ref] = case.images
    path = local_image(reader_ws, ref.sha256)  # fetched during the sync
    assert path is not None and hashlib.sha256(path.read_bytes()).hexdigest() == ref.sha256
    assert not Image.open(path).getexif()
    assert fetch_image(reader, reader_ws, ref.sha256) == path  # already local: no second download

    patient_id = save_received_case(reader_ws, case)
    saved = RecordsService(reader_ws).patients.get(patient_id)
    [attachment] = [e.attachment for e in saved.cases[0].entries if e.attachment is not None]
    assert attachment.sha256 == ref.sha256 and attachment.media_type == "image/jpeg"
    assert AttachmentStore(reader_ws.attachments_dir).path(ref.sha256).read_bytes() == path.read_bytes()


def test_failed_upload_keeps_the_publish_waiting(make_client) -> None:
    workspace, client = make_client()
    share_case(workspace, add_case_with_photo(workspace), consent_recorded=True)
    image_row, publish_row = list_outbox(workspace)
    kept = image_path(workspace, image_row.payload["sha256"])
    data = kept.read_bytes()
    kept.unlink()  # the prepared copy vanished: the upload is refused locally

    report = sync(workspace, client, sleep=no_sleep)
    assert report.pushed == 0 and len(report.failed) == 1
    states = {item.action: item.state for item in list_outbox(workspace)}
    assert states == {"image": "failed", "publish": "pending"}
    assert client.feed(mine=True).items == []

    kept.write_bytes(data)
    retry_failed(workspace, image_row.id)
    assert sync(workspace, client, sleep=no_sleep).pushed == 2
    [published] = client.feed(mine=True).items
    assert [ref.sha256 for ref in published.images] == [image_row.payload["sha256"]]
    assert list_outbox(workspace) == [] and publish_row.id != image_row.id


def test_opening_a_received_case_downloads_its_missing_pictures(make_client) -> None:
    from cdss.exchange.client.service import ExchangeService

    author_ws, author = make_client()
    reader_ws, reader = make_client()
    share_case(author_ws, add_case_with_photo(author_ws), consent_recorded=True)
    sync(author_ws, author, sleep=no_sleep)
    sync(reader_ws, reader, sleep=no_sleep)
    [case] = received_cases(reader_ws)
    [ref] = case.images
    local_image(reader_ws, ref.sha256).unlink()  # e.g. the sync gave up on the download while offline

    thread = ExchangeService(reader_ws).case_thread(str(case.case_uuid))
    path = local_image(reader_ws, ref.sha256)
    assert thread.case.images == case.images
    assert path is not None and hashlib.sha256(path.read_bytes()).hexdigest() == ref.sha256
