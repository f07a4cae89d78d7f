"""Print-size photo renditions: cached by content hash, free of EXIF, and what the PDF report embeds."""

from __future__ import annotations

import base64
import datetime as dt
import io

import pytest

from cdss.errors import UserError
from cdss.records.attachments import THUMBS_DIR, AttachmentStore
from cdss.records.pdf_report import THUMB_PX, export_case_pdf
from cdss.records.types import Case, Entry, EntryKind, PatientRecord

needs_font = pytest.mark.usefixtures("cjk_font")


def _photo_with_gps(size: tuple[int, int] = (1600, 1200)) -> bytes:
    from PIL import Image

    exif = Image.Exif()
    exif.get_ifd(0x8825)[2] = (30.0, 15.0, 12.5)
    exif[0x010E] = "Zhang San wound photo"
    out = io.BytesIO()
    Image.new("RGB", size, (200, 80, 40)).save(out, format="JPEG", exif=exif)
    return out.getvalue()


def test_print_rendition_is_a_cached_jpeg_without_metadata(tmp_path):
    from PIL import Image

    store = AttachmentStore(tmp_path / "att")
    attachment = store.put_bytes(_photo_with_gps(), "wound.jpg")
    first = store.print_rendition(attachment.sha256, THUMB_PX)
    cached = tmp_path / "att" / THUMBS_DIR / f"{attachment.sha256}_{THUMB_PX}.jpg"
    assert cached.read_bytes() == first
    with Image.open(io.BytesIO(first)) as image:
        assert image.format == "JPEG" and image.size == (480, 360)
        assert not image.getexif()
    assert b"Zhang San" not in first
    stamp = cached.stat().st_mtime_ns
    assert store.print_rendition(attachment.sha256, THUMB_PX) == first
    assert cached.stat().st_mtime_ns == stamp  # served from the cache, not made again
    # The UI thumbnail (PNG) of the same photo is a separate file.
    assert store.thumbnail(attachment.sha256, THUMB_PX).startswith(b"\x89PNG")
    assert (tmp_path / "att" / THUMBS_DIR / f"{attachment.sha256}_{THUMB_PX}.png").is_file()


def test_print_rendition_of_a_non_image_is_none_and_a_missing_file_an_error(tmp_path):
    store = AttachmentStore(tmp_path / "att")
    pdf = store.put_bytes(b"%PDF-1.4 not a photo", "letter.pdf")
    assert store.print_rendition(pdf.sha256, THUMB_PX) is None
    with pytest.raises(UserError) as caught:
        store.print_rendition("0" * 64, THUMB_PX)
    assert caught.value.code == "attachment_missing"


def test_an_unwritable_cache_still_gives_renditions(tmp_path):
    store = AttachmentStore(tmp_path / "att")
    attachment = store.put_bytes(_photo_with_gps((64, 48)), "small.jpg")
    (tmp_path / "att" / THUMBS_DIR).write_text("a file where the cache folder should be")
    assert store.thumbnail(attachment.sha256).startswith(b"\x89PNG")
    assert store.print_rendition(attachment.sha256, THUMB_PX).startswith(b"\xff\xd8\xff")


def _patient(attachment) -> PatientRecord:
    at = dt.datetime(2024, 3, 1, 9)
    entries = (Entry(EntryKind.NOTE, at, "Wound reviewed"), Entry(EntryKind.ATTACHMENT, at, attachment=attachment))
    return PatientRecord(name="Zhang San", cases=(Case("Wound care", at.date(), entries=entries, id=1),), id=1)


@needs_font
def test_pdf_embeds_the_cached_rendition_as_is(tmp_path):
    store = AttachmentStore(tmp_path / "att")
    patient = _patient(store.put_bytes(_photo_with_gps(), "wound.jpg"))
    out = export_case_pdf(patient, patient.cases, tmp_path / "r.pdf", attachments=store,
                          deidentified=True, secret=b"k" * 32)  # fmt: skip
    rendition = store.print_rendition(patient.cases[0].entries[1].attachment.sha256, THUMB_PX)
    pdf = out.read_bytes()
    assert pdf.count(b"/Subtype /Image") == 1 and b"/Filter [ /ASCII85Decode /DCTDecode ]" in pdf
    stream = pdf.split(b"/Subtype /Image", 1)[1].split(b"stream\n", 1)[1].split(b"~>endstream", 1)[0]
    assert base64.a85decode(stream) == rendition  # the JPEG passed through, not re-encoded
    assert b"Zhang San wound" not in pdf and b"GPS" not in pdf


@needs_font
def test_pdf_has_the_photo_when_the_cache_is_unwritable(tmp_path):
    store = AttachmentStore(tmp_path / "att")
    patient = _patient(store.put_bytes(_photo_with_gps(), "wound.jpg"))
    (tmp_path / "att" / THUMBS_DIR).write_text("not a folder")
    out = export_case_pdf(patient, patient.cases, tmp_path / "r.pdf", attachments=store,
                          deidentified=False, secret=None, labels_language="en")  # fmt: skip
    pdf = out.read_bytes()
    assert pdf.count(b"/Subtype /Image") == 1
    assert b"photo file missing" not in pdf and b"Zhang San wound" not in pdf
