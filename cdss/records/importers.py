"""One entry point for the Records room's file imports: recognise the format by content, then parse.

File names lie (a ".csv" saved by Excel as .xlsx, a FHIR export named ".txt"), so the format comes from the bytes:
the ZIP magic plus an ``xl/`` part means XLSX, a JSON object naming a ``resourceType`` means FHIR, and any other
decodable text is treated as CSV.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Literal

from cdss.errors import ImportRejected, UserError
from cdss.progress import Progress
from cdss.records.encoding import decode_bytes
from cdss.records.types import PatientRecord

FileFormat = Literal["fhir", "csv", "xlsx"]
_SNIFF_BYTES = 1024 * 1024  # resourceType is normally among the first keys; a megabyte is generous
_RESOURCE_TYPE = re.compile(r'"resourceType"\s*:\s*"([A-Za-z]+)"')


def detect_format(path: Path | str) -> FileFormat:
    """``"fhir"``, ``"csv"`` or ``"xlsx"`` from the file's content; :class:`ImportRejected` for anything else."""
    path = Path(path)
    try:
        with path.open("rb") as handle:
            head = handle.read(_SNIFF_BYTES)
    except OSError as exc:
        raise ImportRejected("file_unreadable", f"Cannot read {path.name}: {exc.strerror}.", name=path.name,
                             reason=str(exc.strerror or exc)) from exc
    if not head.strip():
        raise ImportRejected("file_empty", f"{path.name} is empty.", name=path.name)
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(path) as archive:
                if any(name.startswith("xl/") for name in archive.namelist()):
                    return "xlsx"
        except zipfile.BadZipFile as exc:
            raise ImportRejected("file_corrupt", f"{path.name} is a damaged ZIP/XLSX file.", name=path.name) from exc
        raise ImportRejected("format_unknown", f"{path.name} is a ZIP archive but not an Excel .xlsx workbook.",
                             name=path.name)
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise ImportRejected(
            "xls_not_supported", f"{path.name} is an old Excel 97-2003 (.xls) workbook. Save it as .xlsx and retry.",
            name=path.name,
        )
    try:
        # The sniffed prefix may cut a multi-byte character in half; decoding the head alone is only a guess.
        text, _ = decode_bytes(head if len(head) < _SNIFF_BYTES else _trim_partial(head))
    except UserError as exc:
        raise ImportRejected(
            "format_unknown", f"{path.name} is neither a FHIR JSON, CSV nor XLSX file ({exc.message})", name=path.name
        ) from exc
    stripped = text.lstrip()
    if stripped.startswith(("{", "[")):
        if _RESOURCE_TYPE.search(stripped):
            return "fhir"
        raise ImportRejected(
            "json_not_fhir",
            f"{path.name} is JSON but not a FHIR resource (no resourceType). "
            "Export the patient from the source system as a FHIR R4 Bundle.",
            name=path.name,
        )
    return "csv"


def _trim_partial(head: bytes) -> bytes:
    for cut in range(4):
        chunk = head[: len(head) - cut]
        for codec in ("utf-8", "gb18030"):
            try:
                chunk.decode(codec)
                return chunk
            except UnicodeDecodeError:
                continue
    return head


def read_records(
    path: Path | str, mapping: dict[str, str] | None = None, progress: Progress | None = None
) -> list[PatientRecord]:
    """Every patient in the file, all or nothing. ``mapping`` (column → field) applies to CSV/XLSX only."""
    fmt = detect_format(path)
    if fmt == "fhir":
        from cdss.records.fhir_import import read_fhir_file

        return read_fhir_file(path, progress=progress)
    from cdss.records.tabular_import import load

    return load(path, mapping, progress=progress)
