"""Careful reading of source files: size limits, encoding checks and header checks shared by every importer.

Every problem becomes an :class:`~cdss.errors.ImportRejected` naming the file (and line when there is one), so a
user who picked the wrong file learns which file and what was expected instead of seeing a traceback.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from cdss.errors import ImportRejected
from cdss.textsafe import NumberTooLong, bounded_int

#: Far above the largest real source (DDInter L, ~4 MB; ANSM JSON, ~3 MB): anything bigger is not one of ours,
#: and refusing it early keeps a wrong pick (a disk image, a database dump) from filling memory.
MAX_FILE_BYTES = 200 * 1024 * 1024
#: No real cell is longer than a few kB (ANSM management texts); a longer one means a broken or hostile file.
MAX_FIELD_CHARS = 100_000


def read_text(path: Path) -> str:
    """The whole file as text; UTF-8 with or without BOM. Anything else is refused with a hint."""
    try:
        size = path.stat().st_size
    except FileNotFoundError as exc:
        raise ImportRejected("file_not_found", f"{path}: no such file.", path=str(path)) from exc
    except OSError as exc:
        raise ImportRejected("file_unreadable", f"{path}: cannot read ({exc.strerror}).", path=str(path)) from exc
    if path.is_dir():
        raise ImportRejected("file_is_folder", f"{path} is a folder; give the file itself.", path=str(path))
    if size > MAX_FILE_BYTES:
        raise ImportRejected("file_too_large",
                             f"{path}: {size // (1024 * 1024)} MB is far larger than any supported source "
                             f"(limit {MAX_FILE_BYTES // (1024 * 1024)} MB); is this the right file?",
                             path=str(path), size=size)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ImportRejected("file_unreadable", f"{path}: cannot read ({exc.strerror}).", path=str(path)) from exc
    if not raw.strip():
        raise ImportRejected("file_empty", f"{path} is empty.", path=str(path))
    try:
        # utf-8-sig drops a BOM when present (Excel adds one) and is plain UTF-8 otherwise.
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        hint = _guess_encoding(raw)
        raise ImportRejected("file_not_utf8",
                             f"{path}, line {line}: the file is not UTF-8{hint}. The published sources are UTF-8; "
                             f"re-download the file or re-save it as UTF-8.",
                             path=str(path), line=line) from exc


def _guess_encoding(raw: bytes) -> str:
    """A hint for the message only: the file is refused either way, because these sources are never GBK."""
    for encoding, label in (("gb18030", "GBK/GB18030"), ("cp1252", "Windows-1252/Latin-1")):
        try:
            raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        return f" (it looks like {label})"
    return ""


def read_json(path: Path) -> Any:
    text = read_text(path)
    try:
        return json.loads(text, parse_int=bounded_int)
    except NumberTooLong as exc:
        raise ImportRejected("json_invalid", f"{path}: the JSON holds {exc}; no value of a supported source is that "
                             "long.", path=str(path)) from exc
    except json.JSONDecodeError as exc:
        raise ImportRejected("json_invalid",
                             f"{path}, line {exc.lineno} column {exc.colno}: not valid JSON ({exc.msg}); "
                             f"the file may be truncated or not a JSON file.",
                             path=str(path), line=exc.lineno) from exc
    except RecursionError as exc:
        raise ImportRejected("json_invalid", f"{path}: JSON nested too deeply to be a supported source.",
                             path=str(path)) from exc


class TableReader:
    """Rows of a CSV/TSV file as dicts, after checking the header holds ``expected`` columns (extra ones ignored).

    Each row must have exactly as many cells as the header: a short last row is how a truncated download shows.
    ``line`` is the current physical line number, for messages.
    """

    def __init__(self, path: Path, expected: Sequence[str], *, delimiter: str = ",", pad_short_rows: bool = False
                 ) -> None:
        self.path = path
        # Only for side tables known to have a few short rows upstream (the caller then checks the empty cells).
        self.pad_short_rows = pad_short_rows
        self.expected = tuple(expected)
        self.line = 0
        text = read_text(path)
        # strict=True makes an unterminated quote (a file cut mid-field) an error instead of a silent merge.
        self._reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
        header = self._next_row()
        if header is None:
            raise ImportRejected("file_empty", f"{path} has no header line.", path=str(path))
        self.header = [cell.strip() for cell in header]
        missing = [name for name in self.expected if name not in self.header]
        if missing:
            raise ImportRejected("columns_missing",
                                 f"{path}, line 1: expected columns {', '.join(self.expected)}; "
                                 f"missing {', '.join(missing)} (found: {', '.join(self.header[:12]) or 'nothing'}).",
                                 path=str(path), line=1, missing=missing, expected=list(self.expected))
        self._index = {name: self.header.index(name) for name in self.expected}

    def _next_row(self) -> list[str] | None:
        try:
            row = next(self._reader)
        except StopIteration:
            return None
        except csv.Error as exc:
            raise self.reject("csv_malformed", f"malformed CSV ({exc}); the file may be truncated") from exc
        self.line = self._reader.line_num
        if any(len(cell) > MAX_FIELD_CHARS for cell in row):
            raise self.reject("field_too_long", f"a cell longer than {MAX_FIELD_CHARS} characters")
        return row

    def reject(self, code: str, what: str) -> ImportRejected:
        return ImportRejected(code, f"{self.path}, line {self.line}: {what}.", path=str(self.path), line=self.line)

    def __iter__(self) -> Iterator[dict[str, str]]:
        width = len(self.header)
        while (row := self._next_row()) is not None:
            if not row or (len(row) == 1 and not row[0].strip()):
                continue  # blank lines (a trailing one is common) carry nothing
            if self.pad_short_rows and len(row) < width:
                row = row + [""] * (width - len(row))
            if len(row) != width:
                raise self.reject("row_wrong_width",
                                  f"{len(row)} cells where the header has {width} "
                                  f"({', '.join(self.expected)}); the file may be truncated or not this format")
            yield {name: row[index].strip() for name, index in self._index.items()}


def header_of(path: Path, delimiter: str) -> list[str]:
    """The first line split into column names, for telling apart the several files one format accepts."""
    text = read_text(path)
    first = text.split("\n", 1)[0].rstrip("\r")
    return [cell.strip() for cell in first.split(delimiter)]
