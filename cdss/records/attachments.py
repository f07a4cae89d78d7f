"""The attachment store: photos and files kept once per content hash under ``attachments/ab/cd/<sha256>``.

Storing by hash makes the same photo attached twice cost nothing and lets the PDF exporter find any file from the
hash alone (:func:`attachment_path`). Writes go to a temporary file in the target folder and are renamed into place,
so a crash never leaves a truncated file under a valid hash. Thumbnails are cached PNGs made on first request.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from pathlib import Path
from typing import BinaryIO

from cdss.errors import UserError
from cdss.records.types import Attachment

MAX_ATTACHMENT_BYTES = 100 * 1024 * 1024
THUMBS_DIR = "thumbs"
_CHUNK = 1024 * 1024

OCTET_STREAM = "application/octet-stream"
IMAGE_TYPES = frozenset({"image/jpeg", "image/png", "image/gif", "image/webp"})


def attachment_path(attachments_dir: Path, sha256: str) -> Path:
    """Where the attachment with content hash ``sha256`` lives: ``attachments_dir/ab/cd/<sha256>``.

    Two levels of two hex characters keep any one folder small (65,536 buckets) however many photos there are.
    """
    digest = sha256.strip().lower()
    if len(digest) != 64 or any(c not in "0123456789abcdef" for c in digest):
        raise UserError("bad_attachment_hash", "An attachment reference is not a valid SHA-256 hash.", sha256=sha256)
    return attachments_dir / digest[:2] / digest[2:4] / digest


def detect_media_type(head: bytes) -> str:
    """The media type from a file's first bytes: file names and extensions lie, magic numbers rarely do."""
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if head.startswith((b"GIF87a", b"GIF89a")):
        return "image/gif"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    if head.startswith(b"%PDF-"):
        return "application/pdf"
    return OCTET_STREAM


def _too_large(size: int, filename: str) -> UserError:
    return UserError(
        "attachment_too_large",
        f"{filename} is {size / 1024 / 1024:.0f} MiB; attachments are limited to "
        f"{MAX_ATTACHMENT_BYTES // 1024 // 1024} MiB. Reduce the file size and try again.",
        filename=filename,
        size=size,
    )


def _safe_filename(filename: str) -> str:
    name = Path(filename.replace("\\", "/")).name.strip() or "file"
    return name[:300]


class AttachmentStore:
    def __init__(self, attachments_dir: Path, max_bytes: int = MAX_ATTACHMENT_BYTES) -> None:
        self.root = attachments_dir
        self.max_bytes = max_bytes

    def path(self, sha256: str) -> Path:
        return attachment_path(self.root, sha256)

    def exists(self, sha256: str) -> bool:
        return self.path(sha256).is_file()

    def put_bytes(self, data: bytes, filename: str) -> Attachment:
        if len(data) > self.max_bytes:
            raise _too_large(len(data), filename)
        import io

        return self._put_stream(io.BytesIO(data), filename)

    def put_file(self, source: Path, filename: str | None = None) -> Attachment:
        """Copy ``source`` into the store (once per content) and describe it; the source is left untouched."""
        name = filename or source.name
        try:
            size = source.stat().st_size
            if size > self.max_bytes:
                raise _too_large(size, name)
            with source.open("rb") as stream:
                return self._put_stream(stream, name)
        except OSError as exc:
            raise UserError(
                "attachment_unreadable", f"Cannot read {source}: {exc.strerror or exc}.", path=str(source)
            ) from exc

    def _put_stream(self, stream: BinaryIO, filename: str) -> Attachment:
        self.root.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha256()
        head = b""
        size = 0
        fd, tmp_name = tempfile.mkstemp(prefix=".incoming-", dir=self.root)
        tmp = Path(tmp_name)
        try:
            with os.fdopen(fd, "wb") as out:
                while chunk := stream.read(_CHUNK):
                    size += len(chunk)
                    if size > self.max_bytes:
                        raise _too_large(size, filename)
                    if len(head) < 16:
                        head += chunk[:16]
                    digest.update(chunk)
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
            sha = digest.hexdigest()
            target = self.path(sha)
            if target.is_file():
                tmp.unlink()  # same content already stored: nothing to write
            else:
                target.parent.mkdir(parents=True, exist_ok=True)
                os.replace(tmp, target)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        return Attachment(sha256=sha, filename=_safe_filename(filename), media_type=detect_media_type(head), size=size)

    def thumbnail(self, sha256: str, size: int = 256) -> Path | None:
        """A PNG no larger than ``size``×``size`` for an image attachment (None for other files or a broken image)."""
        try:
            return self._rendition(sha256, size, "png")
        except OSError:  # the cache cannot be written: no thumbnail rather than an error in a list view
            return None

    def print_rendition(self, sha256: str, size: int) -> Path | None:
        """A JPEG no larger than ``size``×``size`` for a printed report, cached next to the thumbnails.

        JPEG rather than the thumbnails' PNG: reportlab embeds a JPEG file as it is, where a PNG of a photo would be
        decoded, deflated again and come out several times larger. Like every rendition it is re-encoded from pixels,
        so no EXIF (GPS, device) of the original reaches it. Raises OSError when the cache cannot be written.
        """
        return self._rendition(sha256, size, "jpg")

    def _rendition(self, sha256: str, size: int, extension: str) -> Path | None:
        if not 16 <= size <= 2048:
            raise ValueError(f"thumbnail size out of range: {size}")
        source = self.path(sha256)
        cached = self.root / THUMBS_DIR / f"{sha256.lower()}_{size}.{extension}"
        if cached.is_file():
            return cached
        if not source.is_file():
            raise UserError("attachment_missing", "The attached file is missing from the workspace.", sha256=sha256)
        with source.open("rb") as stream:
            if detect_media_type(stream.read(16)) not in IMAGE_TYPES:
                return None
        from PIL import Image, ImageOps, UnidentifiedImageError  # Pillow is heavy; only thumbnails need it

        try:
            with Image.open(source) as original:
                image = ImageOps.exif_transpose(original)  # phone photos are stored sideways with a rotation tag
                image.thumbnail((size, size))
                keep = ("RGB", "L") if extension == "jpg" else ("RGB", "RGBA", "L", "LA")
                if image.mode not in keep:
                    image = image.convert("RGB" if extension == "jpg" else "RGBA")
        except (UnidentifiedImageError, OSError, Image.DecompressionBombError):
            return None  # not a readable image
        cached.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=".thumb-", suffix=f".{extension}", dir=cached.parent)
        os.close(fd)
        try:
            if extension == "jpg":
                image.save(tmp_name, "JPEG", quality=82)
            else:
                image.save(tmp_name, "PNG")
            os.replace(tmp_name, cached)
        finally:
            Path(tmp_name).unlink(missing_ok=True)
        return cached

    def export(self, sha256: str, target: Path) -> Path:
        """Copy a stored file out (e.g. "save as"), keeping the store's copy untouched."""
        shutil.copyfile(self.path(sha256), target)
        return target
