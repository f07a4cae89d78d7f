"""Shared pieces for importers: reading bytes with a size cap, decoding text, and coded rejections."""

from __future__ import annotations

import codecs
from pathlib import Path

from cdss.errors import ImportRejected

# A personal library export is rarely over a few tens of MB; a cap keeps a stray disk image or a hostile file from
# exhausting memory while it is parsed (everything is held in memory to keep imports all-or-nothing).
MAX_FILE_BYTES = 200 * 1024 * 1024
MAX_RECORDS_PER_FILE = 200_000
# A real abstract is a few thousand characters and a PDF's text is capped at 200,000; a longer field is a broken or
# hostile file. Author lists of consortium papers run to a few thousand names.
MAX_FIELD_CHARS = 200_000
MAX_LIST_ITEMS = 5_000
PLAUSIBLE_YEARS = (1500, 2100)  # publication years outside this range are not stored (they broke search and facets)


def reject(path: Path, code: str, why: str, **params: object) -> ImportRejected:
    """An ``ImportRejected`` whose message always names the file, as the UI shows it on its own."""
    return ImportRejected(code, f"{path.name}: {why}", path=str(path), **params)


def read_capped(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    try:
        size = path.stat().st_size
        if size > limit:
            raise reject(path, "import_file_too_large",
                         f"the file is {size // (1024 * 1024)} MB, larger than the {limit // (1024 * 1024)} MB "
                         "limit for one import; split the export into smaller files.", size=size)
        return path.read_bytes()
    except OSError as exc:
        raise reject(path, "import_file_unreadable", f"cannot read the file ({exc.strerror}).") from exc


def decode_text(raw: bytes, path: Path) -> str:
    """UTF-8 (with or without BOM), else GB18030 (a superset of GBK used by Chinese tools), else a clear refusal."""
    for bom, codec in ((codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if raw.startswith(bom):
            try:
                return raw.decode(codec)
            except UnicodeDecodeError:
                break
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        text = raw.decode("gb18030")
    except UnicodeDecodeError as exc:
        raise reject(path, "import_bad_encoding",
                     "the text is neither UTF-8 nor GBK/GB18030; re-export it as UTF-8.") from exc
    # GB18030 maps almost any byte sequence, so binary junk "decodes"; control characters betray it.
    if sum(1 for ch in text if ord(ch) < 32 and ch not in "\r\n\t\f") > max(8, len(text) // 200):
        raise reject(path, "import_bad_encoding", "the file does not look like text in UTF-8 or GBK/GB18030.")
    return text


def first_text(raw: bytes, size: int = 4096) -> str:
    """A lenient peek at the start of a file for format sniffing (never used for parsing)."""
    # errors="ignore" because the cut at ``size`` may split a multi-byte character.
    return raw[:size].decode("utf-8-sig", errors="ignore")
