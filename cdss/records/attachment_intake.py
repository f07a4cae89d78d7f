"""Taking a photo or PDF onto a case: check the file, store it by content hash, add the timeline entry.

Dropped and pasted files come from anywhere (a phone export, a scanner, a browser download cut short), so each is
checked *before* anything is written: only images (JPEG, PNG, GIF, WebP) and PDFs are accepted, by their bytes rather
than their names; an image must decode completely and a PDF must have its header and end-of-file marker (a truncated
download has none). A file that passes is stored and linked in one step; if the database write fails, a file that
was new to the store is removed again, so a refused file never leaves half of itself behind.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from cdss.errors import UserError
from cdss.records.attachments import IMAGE_TYPES, MAX_ATTACHMENT_BYTES, AttachmentStore, detect_media_type
from cdss.records.types import Entry

if TYPE_CHECKING:
    from cdss.records.service import RecordsService

PDF_TYPE = "application/pdf"
ACCEPTED_TYPES = IMAGE_TYPES | {PDF_TYPE}
_PDF_TAIL_BYTES = 2048  # "%%EOF" sits in the last bytes; some writers add a little trailing whitespace or junk


@dataclass(frozen=True)
class IntakeResult:
    """What happened to one file: the entry it became, or the error that refused it."""

    filename: str
    entry: Entry | None = None
    error: UserError | None = None


def check_attachment_bytes(data: bytes, filename: str, *, max_bytes: int = MAX_ATTACHMENT_BYTES) -> str:
    """The media type of an acceptable file's content; :class:`UserError` for unsupported, huge or damaged files."""
    if len(data) > max_bytes:
        raise UserError(
            "attachment_too_large",
            f"{filename} is {len(data) / 1024 / 1024:.0f} MiB; attachments are limited to "
            f"{max_bytes // 1024 // 1024} MiB. Reduce the file size and try again.",
            filename=filename, size_mb=round(len(data) / 1024 / 1024), limit_mb=max_bytes // 1024 // 1024,
        )
    if not data:
        raise UserError("attachment_empty", f"{filename} is empty.", filename=filename)
    media_type = detect_media_type(data[:16])
    if media_type not in ACCEPTED_TYPES:
        raise UserError(
            "attachment_type_unsupported",
            f"{filename} is not a photo (JPEG, PNG, GIF, WebP) or a PDF, so it cannot be attached.",
            filename=filename,
        )
    if media_type == PDF_TYPE:
        if b"%%EOF" not in data[-_PDF_TAIL_BYTES:]:
            raise UserError(
                "attachment_damaged",
                f"{filename} is damaged or incomplete (the PDF has no end marker). Copy or download it again.",
                filename=filename,
            )
        return media_type
    _check_image_decodes(data, filename)
    return media_type


def _check_image_decodes(data: bytes, filename: str) -> None:
    from PIL import Image, UnidentifiedImageError  # Pillow is heavy; only attaching needs it

    try:
        with Image.open(io.BytesIO(data)) as image:
            image.load()  # decodes every pixel: a truncated JPEG/PNG fails here rather than in the PDF export
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError) as exc:
        raise UserError(
            "attachment_damaged",
            f"{filename} is damaged or incomplete ({exc}). Copy or download it again.",
            filename=filename,
        ) from exc


def read_candidate(path: Path, *, max_bytes: int = MAX_ATTACHMENT_BYTES) -> bytes:
    """A dropped file's bytes, refusing folders and files over the limit before reading them whole."""
    try:
        if path.is_dir():
            raise UserError("attachment_is_folder", f"{path.name} is a folder; drop the files inside it instead.",
                            filename=path.name)
        size = path.stat().st_size
        if size > max_bytes:
            raise UserError(
                "attachment_too_large",
                f"{path.name} is {size / 1024 / 1024:.0f} MiB; attachments are limited to "
                f"{max_bytes // 1024 // 1024} MiB. Reduce the file size and try again.",
                filename=path.name, size_mb=round(size / 1024 / 1024), limit_mb=max_bytes // 1024 // 1024,
            )
        return path.read_bytes()
    except OSError as exc:
        raise UserError("attachment_unreadable", f"Cannot read {path.name}: {exc.strerror or exc}.",
                        filename=path.name, reason=str(exc.strerror or exc)) from exc


def attach_bytes(
    service: RecordsService, store: AttachmentStore, case_id: int, data: bytes, filename: str, *,
    occurred_at: dt.datetime | None = None, text: str = "",
) -> Entry:
    """Check, store and link one file; raises :class:`UserError` with nothing written when it is refused."""
    check_attachment_bytes(data, filename, max_bytes=store.max_bytes)
    import hashlib

    was_stored = store.exists(hashlib.sha256(data).hexdigest())
    attachment = store.put_bytes(data, filename)
    try:
        return service.cases.attach_file(case_id, attachment, occurred_at=occurred_at, text=text)
    except BaseException:
        if not was_stored:  # the file came only for this entry: take it back out
            store.path(attachment.sha256).unlink(missing_ok=True)
        raise


def attach_paths(
    service: RecordsService, store: AttachmentStore, case_id: int, paths: list[Path]
) -> list[IntakeResult]:
    """Attach each file on its own: one bad file is reported and skipped, the good ones are attached."""
    results = []
    for path in paths:
        try:
            entry = attach_bytes(service, store, case_id, read_candidate(path, max_bytes=store.max_bytes), path.name)
        except UserError as error:
            results.append(IntakeResult(path.name, error=error))
        else:
            results.append(IntakeResult(path.name, entry=entry))
    return results
