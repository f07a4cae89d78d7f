"""The attachment store: photos and files kept once per content hash under ``attachments/ab/cd/<sha256>``.

Storing by hash makes the same photo attached twice cost nothing and lets the PDF exporter find any file from the
hash alone (:func:`attachment_path`). Writes go to a temporary file in the target folder and are renamed into place,
so a crash never leaves a truncated file under a valid hash. Thumbnails are cached PNGs made on first request.

In an encrypted workspace every file here, thumbnails included, is sealed (AES-256-GCM, :mod:`cdss.db.sealed`) and
the store hands out plaintext bytes, never paths to read: the hash in a file's name is still the hash of its
plaintext, so a photo attached twice is still stored once. A plain file met in an encrypted workspace (left by an
encryption that was interrupted, which the next opening finishes) is read as it is.
"""

from __future__ import annotations

import hashlib
import io
import os
import tempfile
from collections.abc import Generator
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from cdss.errors import UserError
from cdss.files import atomic_file, file_sha256, write_atomic
from cdss.records.types import Attachment

if TYPE_CHECKING:
    from cdss.db.sealed import FileCipher
    from cdss.workspace import Workspace

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
    def __init__(self, attachments_dir: Path, max_bytes: int = MAX_ATTACHMENT_BYTES,
                 cipher: FileCipher | None = None) -> None:
        self.root = attachments_dir
        self.max_bytes = max_bytes
        self.cipher = cipher  # set in an encrypted workspace: files are sealed on disk

    @classmethod
    def of(cls, workspace: Workspace) -> AttachmentStore:
        """The store of ``workspace``, sealing its files when the workspace is encrypted."""
        cipher = None
        if workspace.key is not None:
            from cdss.db.crypto import files_key
            from cdss.db.sealed import FileCipher

            cipher = FileCipher(files_key(workspace.root, workspace.key))
        return cls(workspace.attachments_dir, cipher=cipher)

    def path(self, sha256: str) -> Path:
        """Where the file lives (sealed in an encrypted workspace): for existence checks, never to read it."""
        return attachment_path(self.root, sha256)

    def exists(self, sha256: str) -> bool:
        return self.path(sha256).is_file()

    # -- writing -------------------------------------------------------------------------------------------------
    def put_bytes(self, data: bytes, filename: str) -> Attachment:
        if len(data) > self.max_bytes:
            raise _too_large(len(data), filename)
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
                sealing = self.cipher.writer(out) if self.cipher is not None else None
                write = sealing.write if sealing is not None else out.write
                while chunk := stream.read(_CHUNK):
                    size += len(chunk)
                    if size > self.max_bytes:
                        raise _too_large(size, filename)
                    if len(head) < 16:
                        head += chunk[:16]
                    digest.update(chunk)
                    write(chunk)
                if sealing is not None:
                    sealing.close()  # writes the last chunk
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

    def _write_cached(self, target: Path, data: bytes) -> None:
        """Write a rendition (sealed when the store seals), all or nothing."""
        write_atomic(target, self.cipher.seal(data) if self.cipher is not None else data)

    # -- reading -------------------------------------------------------------------------------------------------
    def chunks(self, sha256: str) -> Generator[bytes, None, None]:
        """The stored file's content (plaintext), in chunks of about a megabyte."""
        path = self.path(sha256)
        if not path.is_file():
            raise UserError("attachment_missing", "The attached file is missing from the workspace.", sha256=sha256)
        return self._chunks(path, expected_sha=sha256.lower())

    def _chunks(self, path: Path, expected_sha: str | None) -> Generator[bytes, None, None]:
        from cdss.db.sealed import SealedFileDamaged, looks_sealed

        with path.open("rb") as fh:
            sealed = self.cipher is not None and looks_sealed(fh.read(16))
            fh.seek(0)
            if sealed:
                assert self.cipher is not None
                try:
                    yield from self.cipher.chunks(fh, path.name)
                    return
                except SealedFileDamaged:
                    # A plain file can start like a sealed one; its name (the hash of its content) tells them apart.
                    if expected_sha is None or file_sha256(path) != expected_sha:
                        raise
                    fh.seek(0)
            while block := fh.read(_CHUNK):
                yield block

    def read_bytes(self, sha256: str) -> bytes:
        return b"".join(self.chunks(sha256))

    def media_type(self, sha256: str) -> str:
        """The stored file's media type from its first bytes (decrypting only its first chunk)."""
        blocks = self.chunks(sha256)
        try:
            head = next(blocks, b"")
        finally:
            blocks.close()
        return detect_media_type(head[:16])

    def export(self, sha256: str, target: Path) -> Path:
        """Write the file's content out (e.g. "save as", or a copy to open in another program)."""
        with atomic_file(target) as out:
            for block in self.chunks(sha256):
                out.write(block)
        return target

    # -- renditions ----------------------------------------------------------------------------------------------
    def thumbnail(self, sha256: str, size: int = 256) -> bytes | None:
        """PNG bytes no larger than ``size``×``size`` for an image attachment (None for other files or a broken
        image); cached in the store, and still made when the cache cannot be written."""
        return self._rendition(sha256, size, "png")

    def print_rendition(self, sha256: str, size: int) -> bytes | None:
        """JPEG bytes no larger than ``size``×``size`` for a printed report, cached next to the thumbnails.

        JPEG rather than the thumbnails' PNG: reportlab embeds a JPEG file as it is, where a PNG of a photo would be
        decoded, deflated again and come out several times larger. Like every rendition it is re-encoded from pixels,
        so no EXIF (GPS, device) of the original reaches it.
        """
        return self._rendition(sha256, size, "jpg")

    def _rendition(self, sha256: str, size: int, extension: str) -> bytes | None:
        if not 16 <= size <= 2048:
            raise ValueError(f"thumbnail size out of range: {size}")
        attachment_path(self.root, sha256)  # refuses a malformed hash before it becomes part of a file name
        cached = self.root / THUMBS_DIR / f"{sha256.lower()}_{size}.{extension}"
        if cached.is_file():
            from cdss.db.sealed import SealedFileDamaged

            try:
                return b"".join(self._chunks(cached, expected_sha=None))
            except (SealedFileDamaged, OSError):
                pass  # made under another key or cut short: make it again
        if self.media_type(sha256) not in IMAGE_TYPES:
            return None
        data = _render(self.read_bytes(sha256), size, extension)
        if data is None:
            return None
        try:
            self._write_cached(cached, data)
        except OSError:
            pass  # a read-only workspace: the rendition is made again next time
        return data


def _render(original: bytes, size: int, extension: str) -> bytes | None:
    from PIL import Image, ImageOps, UnidentifiedImageError  # Pillow is heavy; only thumbnails need it

    try:
        with Image.open(io.BytesIO(original)) as opened:
            image = ImageOps.exif_transpose(opened)  # phone photos are stored sideways with a rotation tag
            image.thumbnail((size, size))
            keep = ("RGB", "L") if extension == "jpg" else ("RGB", "RGBA", "L", "LA")
            if image.mode not in keep:
                image = image.convert("RGB" if extension == "jpg" else "RGBA")
            out = io.BytesIO()
            if extension == "jpg":
                image.save(out, "JPEG", quality=82)
            else:
                image.save(out, "PNG")
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError):
        return None  # not a readable image
    return out.getvalue()
