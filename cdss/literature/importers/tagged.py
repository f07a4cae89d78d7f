"""Line-tagged formats: MEDLINE/.nbib (PubMed), RIS (incl. PubMed and EndNote variants) and Web of Science.

All three are "TAG - value" lines with indented continuation lines; they differ in tag width and record ends.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from cdss.literature.importers._common import MAX_RECORDS_PER_FILE, reject
from cdss.literature.reference import Reference, clean_text, parse_year

Record = list[tuple[str, str]]

_MEDLINE_LINE = re.compile(r"^([A-Z][A-Z0-9]{0,3})\s*- ?(.*)$")
_RIS_LINE = re.compile(r"^([A-Z][A-Z0-9])  -(?: (.*))?$")
_WOS_LINE = re.compile(r"^([A-Z][A-Z0-9])(?: (.*))?$")
_MEDLINE_ID = re.compile(r"^(\S+)\s*\[(\w+)\]$")


def _values(record: Record, *tags: str) -> list[str]:
    return [clean_text(value) for tag, value in record if tag in tags and clean_text(value)]


def _first(record: Record, *tags: str) -> str:
    # Tag order is the caller's preference order, not the file's.
    for tag in tags:
        if found := _values(record, tag):
            return found[0]
    return ""


def _check_count(records: list[Record], path: Path) -> None:
    if len(records) > MAX_RECORDS_PER_FILE:
        raise reject(path, "import_too_many_records",
                     f"the file holds more than {MAX_RECORDS_PER_FILE} records; split it into smaller files.")


# -- MEDLINE ----------------------------------------------------------------------------------------------------------
def _medline_records(text: str, path: Path) -> Iterator[Record]:
    record: Record = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        if line.startswith("      ") or line.startswith("\t"):
            if not record:
                raise reject(path, "import_malformed", f"line {number} continues a field that never started.")
            tag, value = record[-1]
            record[-1] = (tag, f"{value} {line.strip()}")
            continue
        match = _MEDLINE_LINE.match(line) if len(line) > 4 and line[4] == "-" else None
        if match is None:
            raise reject(path, "import_malformed", f"line {number} is not a MEDLINE \"TAG - value\" line.",
                         line=number)
        tag, value = match.group(1), match.group(2)
        if tag == "PMID" and record:
            yield record
            record = []
        record.append((tag, value))
    if record:
        yield record


def _medline_reference(record: Record) -> Reference:
    ids = {}
    for value in _values(record, "LID", "AID"):
        if match := _MEDLINE_ID.match(value):
            ids.setdefault(match.group(2).lower(), match.group(1))
    return Reference(
        title=_first(record, "TI", "TT", "BTI"),
        authors=tuple(_values(record, "FAU") or _values(record, "AU")),
        year=parse_year(_first(record, "DP", "DEP")),
        journal=_first(record, "JT", "TA"),
        volume=_first(record, "VI"),
        issue=_first(record, "IP"),
        pages=_first(record, "PG"),
        doi=ids.get("doi", ""),
        pmid=_first(record, "PMID"),
        pmcid=_first(record, "PMC"),
        abstract=_first(record, "AB"),
        keywords=tuple(_values(record, "OT")),
        # "*Spinal Fusion/methods" → "Spinal Fusion": the star marks a major topic, "/x" a qualifier.
        mesh_terms=tuple(dict.fromkeys(v.lstrip("*").split("/")[0].strip() for v in _values(record, "MH"))),
        publication_types=tuple(_values(record, "PT")),
        language=_first(record, "LA"),
        source_format="medline",
    )


def parse_medline(text: str, path: Path) -> list[Reference]:
    records = list(_medline_records(text, path))
    _check_count(records, path)
    refs = [_medline_reference(r) for r in records]
    refs = [ref for ref in refs if not ref.is_empty]
    if not refs:
        raise reject(path, "import_no_records", "no MEDLINE records were found in the file.")
    return refs


# -- RIS --------------------------------------------------------------------------------------------------------------
def _ris_records(text: str, path: Path) -> list[Record]:
    records: list[Record] = []
    record: Record | None = None
    for line in text.splitlines():
        match = _RIS_LINE.match(line.rstrip()) or _RIS_LINE.match(line)
        if match is None and line.rstrip() == "ER  -":
            match = _RIS_LINE.match("ER  - ")
        if match is not None:
            tag, value = match.group(1), (match.group(2) or "")
            if tag == "TY":
                record = [(tag, value)]
            elif record is None:
                continue  # preamble such as "Record #1 of 2" or an EndNote numbering line
            elif tag == "ER":
                records.append(record)
                record = None
            else:
                record.append((tag, value))
        elif record is not None and record and line.strip():
            tag, value = record[-1]
            record[-1] = (tag, f"{value}\n{line.strip()}")
    if record:
        raise reject(path, "import_truncated", "the last RIS record has no \"ER  -\" end line; the file looks "
                     "truncated. Export it again.")
    return records


def _ris_reference(record: Record) -> Reference:
    start, end = _first(record, "SP"), _first(record, "EP")
    urls = [u.strip() for value in _values(record, "UR") for u in value.split(";") if u.strip()]
    database = _first(record, "DB", "DP").lower()
    accession = _first(record, "AN")
    pmid = accession if accession.isdigit() and "pubmed" in database else ""
    pmcid = next((v for v in _values(record, "C2", "C7") if v.upper().startswith("PMC")), "")
    return Reference(
        title=_first(record, "TI", "T1", "CT", "BT", "ST"),
        authors=tuple(_values(record, "AU", "A1")),
        year=parse_year(_first(record, "PY", "Y1", "DA")),
        journal=_first(record, "JF", "JO", "T2", "JA", "J2"),
        volume=_first(record, "VL", "VO"),
        issue=_first(record, "IS"),
        pages=f"{start}-{end}" if start and end else start,
        doi=_first(record, "DO"),
        pmid=pmid,
        pmcid=pmcid,
        abstract=_first(record, "AB", "N2"),
        keywords=tuple(_values(record, "KW")),
        language=_first(record, "LA"),
        url=urls[0] if urls else "",
        publication_types=(_first(record, "TY"),) if _first(record, "TY") else (),
        source_format="ris",
    )


def parse_ris(text: str, path: Path) -> list[Reference]:
    records = _ris_records(text, path)
    _check_count(records, path)
    refs = [ref for ref in (_ris_reference(r) for r in records) if not ref.is_empty]
    if not refs:
        raise reject(path, "import_no_records", "no RIS records (TY … ER) with a title, DOI or abstract were found.")
    return refs


# -- Web of Science ---------------------------------------------------------------------------------------------------
def _wos_records(text: str, path: Path) -> list[Record]:
    records: list[Record] = []
    record: Record | None = None
    for line in text.splitlines():
        if line.startswith("   ") and record:
            tag, value = record[-1]
            record[-1] = (tag, f"{value}\n{line.strip()}")
            continue
        match = _WOS_LINE.match(line.rstrip())
        if match is None:
            continue
        tag, value = match.group(1), match.group(2) or ""
        if tag == "PT":
            record = [(tag, value)]
        elif tag == "ER" and record is not None:
            records.append(record)
            record = None
        elif record is not None:
            record.append((tag, value))
    if record:
        raise reject(path, "import_truncated", "the last Web of Science record has no ER line; the file looks "
                     "truncated. Export it again.")
    return records


def _wos_multi(record: Record, tag: str) -> list[str]:
    raw = "\n".join(value for t, value in record if t == tag)
    return [clean_text(line) for line in raw.splitlines() if clean_text(line)]


def _wos_reference(record: Record) -> Reference:
    start, end = _first(record, "BP"), _first(record, "EP")
    keywords = [k.strip() for k in " ".join(_wos_multi(record, "DE")).split(";") if k.strip()]
    return Reference(
        title=_first(record, "TI"),
        authors=tuple(_wos_multi(record, "AF") or _wos_multi(record, "AU")),
        year=parse_year(_first(record, "PY", "PD")),
        journal=_first(record, "SO"),
        volume=_first(record, "VL"),
        issue=_first(record, "IS"),
        pages=f"{start}-{end}" if start and end else start or _first(record, "AR"),
        doi=_first(record, "DI"),
        pmid=_first(record, "PM"),
        abstract=_first(record, "AB"),
        keywords=tuple(keywords),
        publication_types=tuple(_values(record, "DT")),
        language=_first(record, "LA"),
        source_format="wos",
    )


def parse_wos(text: str, path: Path) -> list[Reference]:
    records = _wos_records(text, path)
    _check_count(records, path)
    refs = [ref for ref in (_wos_reference(r) for r in records) if not ref.is_empty]
    if not refs:
        raise reject(path, "import_no_records", "no Web of Science records (PT … ER) were found.")
    return refs
