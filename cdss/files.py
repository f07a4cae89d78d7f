"""Writing a file so that it is either wholly there or not at all."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO


def temp_prefix(path: Path) -> str:
    """The name every temporary file for ``path`` starts with (a hidden sibling), e.g. for finding leftovers."""
    return f".{path.name}."


@contextmanager
def atomic_file(path: Path, *, prefix: str | None = None) -> Iterator[BinaryIO]:
    """A file to write that becomes ``path`` when the block ends without an error, and vanishes otherwise.

    It is a temporary sibling created with mode 0600 (mkstemp), so a secret is never readable by others, not even
    briefly; it is fsynced before the rename, so a power cut cannot leave a renamed but empty file; on any failure it
    is removed and ``path`` keeps its previous content.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp_name = tempfile.mkstemp(prefix=prefix or temp_prefix(path), suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            yield out
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp_name, path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise


def write_atomic(path: Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` all or nothing (see :func:`atomic_file`)."""
    with atomic_file(path) as out:
        out.write(data)
    return path


def fsync_path(path: Path) -> None:
    """Flush a file, or a folder's entries after a rename in it, to disk (Windows cannot open a folder: there the
    rename is already durable enough)."""
    flags = os.O_RDONLY | (getattr(os, "O_DIRECTORY", 0) if path.is_dir() else 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def file_sha256(path: Path) -> str:
    """The SHA-256 of a file's bytes, read a megabyte at a time."""
    import hashlib

    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while block := fh.read(1024 * 1024):
            digest.update(block)
    return digest.hexdigest()


def opened_copies_dir() -> Path:
    """A private folder (mode 0700) for the copies of attachments and papers a doctor opens in another program.

    Opening a file with the system's viewer needs it readable on disk, decrypted even in an encrypted workspace; the
    app empties this folder when it starts and when it quits (:func:`clear_opened_copies`), so such copies do not
    outlive the session that made them.
    """
    try:
        owner = str(os.getuid())
    except AttributeError:  # Windows: the temporary folder is already per user
        owner = "user"
    folder = Path(tempfile.gettempdir()) / f"cdss-opened-{owner}"
    folder.mkdir(mode=0o700, exist_ok=True)
    return folder


def new_opened_copy_folder() -> Path:
    """A fresh sub-folder of :func:`opened_copies_dir`, so two copies with the same file name never collide."""
    return Path(tempfile.mkdtemp(prefix="open-", dir=opened_copies_dir()))


def clear_opened_copies() -> None:
    """Delete every copy left in :func:`opened_copies_dir` (a file a viewer still holds open on Windows is skipped
    and goes next time)."""
    import shutil

    for child in opened_copies_dir().iterdir():
        if child.is_dir():
            shutil.rmtree(child, ignore_errors=True)
        else:
            try:
                child.unlink()
            except OSError:
                pass
