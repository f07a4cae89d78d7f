"""Sealed files: the attachments (photos, PDFs) and their thumbnails of an encrypted workspace, AES-256-GCM on disk.

A file is sealed in chunks so that a 100 MiB scan is never held in memory twice and a damaged or cut file is found
at the chunk where it happens. The layout is the STREAM construction (Hoang, Reyhanitabar, Rogaway, Vizár 2015):

    header  = MAGIC (8 bytes) + nonce prefix (7 random bytes)
    chunk i = AES-GCM(key, nonce = prefix + i as 4 bytes + last-flag byte, plaintext chunk, AAD = header)

Every chunk but the last holds exactly :data:`CHUNK` bytes of plaintext; the last one (possibly empty) has its flag
set, so truncation at a chunk boundary, reordering, and appended data are all detected. The nonce prefix is random
per file and the counter is per chunk, so no nonce repeats under one key for any realistic number of files.
"""

from __future__ import annotations

import io
import os
import secrets
import struct
from collections.abc import Iterator
from typing import TYPE_CHECKING, BinaryIO

from cdss.errors import UserError

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

MAGIC = b"CDSSSL\x00\x01"
PREFIX_BYTES = 7
HEADER_BYTES = len(MAGIC) + PREFIX_BYTES
CHUNK = 1024 * 1024
TAG_BYTES = 16
MAX_CHUNKS = 2**32 - 1


def looks_sealed(head: bytes) -> bool:
    """Whether a file's first bytes are a sealed file's header (a plain file may, rarely, start the same way)."""
    return head.startswith(MAGIC)


class SealedFileDamaged(UserError):
    def __init__(self, name: str, detail: str) -> None:
        super().__init__("sealed_file_damaged", f"The encrypted file {name} cannot be read ({detail}): it is damaged, "
                         "or it belongs to another workspace.", name=name)


class FileCipher:
    """Seals and opens files under one 256-bit key (the workspace's files key, see cdss.db.crypto.files_key)."""

    def __init__(self, key: bytes) -> None:
        if len(key) != 32:
            raise ValueError("a files key has 32 bytes")
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        self._aead = AESGCM(key)

    def __repr__(self) -> str:
        return "FileCipher(<hidden>)"

    # -- sealing -------------------------------------------------------------------------------------------------
    def writer(self, out: BinaryIO) -> SealingWriter:
        """A file-like object that seals what is written to it into ``out``; call ``close()`` to write the last
        chunk (``out`` itself stays open)."""
        return SealingWriter(self._aead, out)

    def seal(self, data: bytes) -> bytes:
        buffer = io.BytesIO()
        with self.writer(buffer) as writer:
            writer.write(data)
        return buffer.getvalue()

    # -- opening -------------------------------------------------------------------------------------------------
    def chunks(self, source: BinaryIO, name: str = "file") -> Iterator[bytes]:
        """The plaintext of the sealed stream ``source``, chunk by chunk, each checked before it is given out."""
        from cryptography.exceptions import InvalidTag

        header = source.read(HEADER_BYTES)
        if len(header) != HEADER_BYTES or not looks_sealed(header):
            raise SealedFileDamaged(name, "no header")
        prefix = header[len(MAGIC):]
        size = CHUNK + TAG_BYTES
        current = source.read(size)
        index = 0
        while True:
            following = source.read(size) if len(current) == size else b""
            last = not following
            if len(current) < TAG_BYTES:
                raise SealedFileDamaged(name, f"cut short in chunk {index}")
            try:
                plain = self._aead.decrypt(_nonce(prefix, index, last), current, header)
            except InvalidTag:
                raise SealedFileDamaged(name, f"chunk {index} fails its check") from None
            yield plain
            if last:
                return
            current, index = following, index + 1

    def open_bytes(self, data: bytes, name: str = "file") -> bytes:
        return b"".join(self.chunks(io.BytesIO(data), name))


class SealingWriter(io.RawIOBase):
    def __init__(self, aead: AESGCM, out: BinaryIO) -> None:
        super().__init__()
        self._aead = aead
        self._out = out
        self._prefix = secrets.token_bytes(PREFIX_BYTES)
        self._header = MAGIC + self._prefix
        self._pending = bytearray()
        self._index = 0
        out.write(self._header)

    def writable(self) -> bool:
        return True

    def write(self, data: bytes | bytearray | memoryview) -> int:  # type: ignore[override]
        if self.closed:
            raise ValueError("write to a closed sealing writer")
        self._pending += data
        # Keep at least one byte back: the chunk that ends the file must be written with its last-flag set.
        while len(self._pending) > CHUNK:
            self._emit(bytes(self._pending[:CHUNK]), last=False)
            del self._pending[:CHUNK]
        return len(data)

    def close(self) -> None:
        if not self.closed:
            self._emit(bytes(self._pending), last=True)
            self._pending.clear()
        super().close()

    def _emit(self, plain: bytes, *, last: bool) -> None:
        if self._index >= MAX_CHUNKS:
            raise ValueError("file too large to seal")
        sealed = self._aead.encrypt(_nonce(self._prefix, self._index, last), plain, self._header)
        self._out.write(sealed)
        self._index += 1


def _nonce(prefix: bytes, index: int, last: bool) -> bytes:
    return prefix + struct.pack(">I", index) + (b"\x01" if last else b"\x00")


def seal_file_in_place(cipher: FileCipher, path: os.PathLike[str] | str) -> None:
    """Replace the plain file at ``path`` by its sealed form, all or nothing (cdss.files.atomic_file)."""
    from pathlib import Path

    from cdss.files import atomic_file

    target = Path(path)
    with atomic_file(target, prefix=".sealing-") as out, target.open("rb") as source, cipher.writer(out) as writer:
        while block := source.read(CHUNK):
            writer.write(block)
