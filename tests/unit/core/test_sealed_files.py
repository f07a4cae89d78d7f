"""Sealed files (AES-256-GCM in chunks): what goes in comes out, and any change, cut or swap on disk is refused."""

from __future__ import annotations

import io
import os

import pytest

from cdss.db.sealed import CHUNK, HEADER_BYTES, MAGIC, TAG_BYTES, FileCipher, SealedFileDamaged, looks_sealed

KEY = bytes(range(32))


@pytest.mark.parametrize("size", [0, 1, 100, CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK + 5])
def test_round_trip_at_every_chunk_boundary(size: int) -> None:
    cipher = FileCipher(KEY)
    plain = os.urandom(size)
    sealed = cipher.seal(plain)
    assert looks_sealed(sealed)
    if size >= 64:
        assert plain[:64] not in sealed
    chunks = size // CHUNK + 1 if size % CHUNK or size == 0 else size // CHUNK
    assert len(sealed) == HEADER_BYTES + size + TAG_BYTES * chunks
    assert cipher.open_bytes(sealed) == plain


def test_written_in_small_pieces_reads_back_whole() -> None:
    cipher = FileCipher(KEY)
    out = io.BytesIO()
    plain = os.urandom(CHUNK + 4097)
    with cipher.writer(out) as writer:
        for start in range(0, len(plain), 4096):
            writer.write(plain[start : start + 4096])
    assert cipher.open_bytes(out.getvalue()) == plain


def test_each_file_gets_its_own_nonces() -> None:
    cipher = FileCipher(KEY)
    assert cipher.seal(b"same photo") != cipher.seal(b"same photo")


def _damage(sealed: bytes, how: str) -> bytes:
    full = CHUNK + TAG_BYTES
    if how == "flipped byte":
        return sealed[:HEADER_BYTES + 10] + bytes([sealed[HEADER_BYTES + 10] ^ 1]) + sealed[HEADER_BYTES + 11:]
    if how == "cut at a chunk boundary":
        return sealed[: HEADER_BYTES + full]
    if how == "cut inside a chunk":
        return sealed[:-7]
    if how == "data appended":
        return sealed + b"\x00" * (TAG_BYTES + 1)
    if how == "chunks swapped":
        body = sealed[HEADER_BYTES:]
        return sealed[:HEADER_BYTES] + body[full : 2 * full] + body[:full] + body[2 * full :]
    if how == "header changed":
        return MAGIC + b"\x00" * (HEADER_BYTES - len(MAGIC)) + sealed[HEADER_BYTES:]
    raise AssertionError(how)


@pytest.mark.parametrize("how", ["flipped byte", "cut at a chunk boundary", "cut inside a chunk", "data appended",
                                 "chunks swapped", "header changed"])
def test_a_changed_file_is_refused(how: str) -> None:
    cipher = FileCipher(KEY)
    sealed = cipher.seal(os.urandom(2 * CHUNK + 100))
    with pytest.raises(SealedFileDamaged) as refused:
        cipher.open_bytes(_damage(sealed, how), "photo.jpg")
    assert refused.value.code == "sealed_file_damaged" and "photo.jpg" in str(refused.value)


def test_another_key_or_a_plain_file_is_refused() -> None:
    sealed = FileCipher(KEY).seal(b"a wound photo")
    with pytest.raises(SealedFileDamaged):
        FileCipher(bytes(32)).open_bytes(sealed)
    with pytest.raises(SealedFileDamaged):
        FileCipher(KEY).open_bytes(b"\xff\xd8\xff plain jpeg")
    assert "hidden" in repr(FileCipher(KEY))
