"""CSV / Excel patient lists → :class:`PatientRecord` values, with a dry-run validation and an all-or-nothing commit.

Flow: ``suggest_mapping(columns)`` proposes column → field from common Chinese and English headers; the user may
override it (``tabular_fields.load_mapping_file`` reads a JSON object or a two-column CSV);
``validate(path, mapping)`` reports rows that are fine and rows with problems without producing anything to store;
``load(path, mapping)`` returns every record only when every row is valid, otherwise raises
:class:`ImportRejected` listing the first problems.

Row model: one row is one patient visit; rows with the same patient identity (name plus an identifier or birth date)
are merged, so a "long" lab sheet (one row per 检验项目) gives one patient with many labs. Rows that only share a
name are merged only when they are adjacent: two different 张伟 in a clinic list must not become one person.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from cdss.errors import ImportRejected, UserError
from cdss.progress import Progress
from cdss.records.encoding import decode_bytes
from cdss.records.tabular_fields import (
    ALIAS_INDEX,
    FIELDS,
    IDENTIFIER_FIELDS,
    IGNORE,
    MAX_ROWS,
    MAX_TABULAR_BYTES,
    NO_ALLERGY_WORDS,
    norm_header,
    parse_date_text,
    parse_medication,
    parse_range,
    parse_sex,
    split_list,
    suggest_mapping,
    valid_cn_resident_id,
)
from cdss.records.types import Allergy, Case, Entry, EntryKind, Identifier, LabResult, Medication, PatientRecord, Sex

# ---------------------------------------------------------------------------------------------------------------
# Report
# ---------------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RowProblem:
    """One cell's problem. ``code`` and ``params`` let the UI say it in the user's language; ``message`` is English
    (the CLI and logs). ``params`` always holds ``value`` (the cell text, may be empty) and ``field``."""

    row: int  # 1-based row number as the spreadsheet shows it
    column: str | None
    code: str
    message: str
    value: str | None = None
    params: dict[str, str] = field(default_factory=dict, compare=False, hash=False)

    def __str__(self) -> str:
        where = f"row {self.row}" + (f", column {self.column!r}" if self.column else "")
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class ValidationReport:
    path: str
    file_format: str  # "csv" | "xlsx"
    encoding: str | None  # CSV text encoding; None for XLSX
    header_row: int
    columns: tuple[str, ...]
    mapping: dict[str, str] = field(hash=False)
    unmapped_columns: tuple[str, ...] = ()
    rows_total: int = 0
    rows_ok: int = 0
    rows_blank: int = 0
    patients: int = 0
    problems: tuple[RowProblem, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.problems and self.rows_ok > 0

    @property
    def rows_with_problems(self) -> int:
        return len({p.row for p in self.problems})

    def summary(self, limit: int = 10) -> str:
        lines = [
            f"{self.rows_ok} of {self.rows_total} rows OK ({self.patients} patient(s)); "
            f"{self.rows_with_problems} rows with problems."
        ]
        lines += [f"  {p}" for p in self.problems[:limit]]
        if len(self.problems) > limit:
            lines.append(f"  … and {len(self.problems) - limit} more.")
        return "\n".join(lines)


# ---------------------------------------------------------------------------------------------------------------
# Reading the sheet
# ---------------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Sheet:
    file_format: str
    encoding: str | None
    rows: list[list[str]]


def _read_sheet(path: Path) -> _Sheet:
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(8)
    except OSError as exc:
        raise ImportRejected("file_unreadable", f"Cannot read {path.name}: {exc.strerror}.", name=path.name,
                             reason=str(exc.strerror or exc)) from exc
    if size > MAX_TABULAR_BYTES:
        raise ImportRejected(
            "file_too_large",
            f"{path.name} is {size / 1e6:.0f} MB; tables over "
            f"{MAX_TABULAR_BYTES / 1e6:.0f} MB are refused. Split the file and retry.",
            name=path.name, size_mb=round(size / 1e6), limit_mb=round(MAX_TABULAR_BYTES / 1e6),
        )
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise ImportRejected(
            "xls_not_supported",
            f"{path.name} is an old Excel 97-2003 (.xls) workbook. "
            "Open it in Excel or WPS and save it as .xlsx, then retry.",
            name=path.name,
        )
    if head.startswith(b"PK\x03\x04"):
        return _Sheet("xlsx", None, _read_xlsx(path))
    try:
        text, encoding = decode_bytes(path.read_bytes())
    except UserError as exc:
        raise ImportRejected(exc.code, f"{path.name}: {exc.message}", name=path.name, **exc.params) from exc
    if not text.strip():
        raise ImportRejected("table_empty", f"{path.name} is empty.", name=path.name)
    delimiter = _guess_delimiter(text)
    # The csv module rather than pandas.read_csv here: exports often put a one-cell title line above the header,
    # and pandas fixes the column count from the first line and then fails on the wider header.
    try:
        rows = [
            # strict: a file cut inside a quoted field is an error, not the rest of the file swallowed into one cell
            [cell.strip() for cell in row]
            for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
        ]
    except csv.Error as exc:
        raise ImportRejected("csv_unreadable", f"{path.name} is not a readable CSV table ({exc}).", name=path.name,
                             reason=str(exc)) from exc
    _check_row_count(len(rows))
    return _Sheet("csv", encoding, rows)


def _guess_delimiter(text: str) -> str:
    """The candidate found on the most of the first lines (then most often). csv.Sniffer gives up on files that
    start with a one-cell title line, which hospital exports often do."""
    lines = [line for line in text.splitlines()[:30] if line.strip()]
    scores = {d: (sum(d in line for line in lines), sum(line.count(d) for line in lines)) for d in ",\t;|"}
    best = max(scores, key=lambda d: scores[d])
    return best if scores[best][0] else ","


#: What a workbook may unpack to, and the cells its first sheet may span: a 2 KB file naming cell XFD1048576, or a
#: zip bomb, must be refused before pandas allocates for it.
MAX_XLSX_UNPACKED_BYTES = 256 * 1024 * 1024
MAX_XLSX_RATIO = 200
MAX_COLUMNS = 300
QUOTED_VALUE_LIMIT = 80  # characters of a bad value quoted back in a row problem


def _check_xlsx(path: Path) -> None:
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, OSError) as exc:
        raise ImportRejected("xlsx_unreadable", f"{path.name} is not a readable .xlsx workbook ({exc}).",
                             name=path.name, reason=str(exc)) from exc
    unpacked = sum(entry.file_size for entry in entries)
    packed = max(1, sum(entry.compress_size for entry in entries))
    if unpacked > MAX_XLSX_UNPACKED_BYTES or unpacked / packed > MAX_XLSX_RATIO:
        raise ImportRejected("xlsx_too_large", f"{path.name} unpacks to {unpacked // (1024 * 1024)} MB, more than "
                             "a patient table can hold; export the sheet as CSV and retry.", name=path.name)
    from openpyxl import load_workbook
    from openpyxl.utils.cell import range_boundaries

    with path.open("rb") as handle:  # a handle, not the name: a workbook saved as ".csv" is still read by content
        try:
            book = load_workbook(handle, read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises many types
            raise ImportRejected("xlsx_unreadable", f"{path.name} is not a readable .xlsx workbook ({exc}).",
                                 name=path.name, reason=str(exc)) from exc
        try:
            sheet = book.worksheets[0] if book.worksheets else None
            if sheet is None:
                return
            sheet.reset_dimensions()
            _min_col, _min_row, max_col, max_row = range_boundaries(sheet.calculate_dimension(force=True))
        finally:
            book.close()
    if (max_row or 0) > MAX_ROWS + 20 or (max_col or 0) > MAX_COLUMNS:
        raise ImportRejected("table_too_large", f"{path.name}: the first sheet reaches row {max_row} and column "
                             f"{max_col}; at most {MAX_ROWS} rows and {MAX_COLUMNS} columns are imported. Remove the "
                             "stray cells far from the table (or split the file) and retry.", name=path.name)


def _read_xlsx(path: Path) -> list[list[str]]:
    import pandas as pd  # lazy: pandas costs ~0.5 s to import and most app starts never import a table

    _check_xlsx(path)

    try:
        frame = pd.read_excel(path, sheet_name=0, header=None, dtype=str, keep_default_na=False, engine="openpyxl")
    except Exception as exc:  # openpyxl raises many types (BadZipFile, KeyError, InvalidFileException…)
        raise ImportRejected("xlsx_unreadable", f"{path.name} is not a readable .xlsx workbook ({exc}).",
                             name=path.name, reason=str(exc)) from exc
    _check_row_count(len(frame))
    return [[v.strip() if isinstance(v, str) else "" for v in row] for row in frame.itertuples(index=False, name=None)]


def _check_row_count(count: int) -> None:
    if count > MAX_ROWS:
        raise ImportRejected(
            "table_too_many_rows",
            f"The table has {count} rows; at most {MAX_ROWS} are imported at once. Split the file and retry.",
            count=count, limit=MAX_ROWS,
        )


def _pick_header(rows: list[list[str]], user_mapping: dict[str, str]) -> int:
    """The header is the row (among the first 10) with most recognised headers: exports often start with a title."""
    best, best_score = 0, 0
    for index, row in enumerate(rows[:10]):
        score = len(suggest_mapping(row)) + sum(1 for cell in row if cell in user_mapping)
        if score > best_score:
            best, best_score = index, score
    return best


def _resolve_mapping(columns: list[str], user_mapping: dict[str, str] | None) -> dict[str, str]:
    """Suggestions for every column, overridden by the user's mapping (field ``ignore`` or "" drops a column)."""
    mapping = suggest_mapping(columns)
    for column, target in (user_mapping or {}).items():
        if column not in columns:
            raise UserError(
                "mapping_column_missing",
                f"The mapping names column {column!r}, which the table does not have. Columns: {', '.join(columns)}.",
                column=column, columns=", ".join(columns),
            )
        norm = norm_header(target)
        fld = (
            IGNORE
            if norm in ("", IGNORE)
            else (norm.replace(" ", "_") if norm.replace(" ", "_") in FIELDS else ALIAS_INDEX.get(norm))
        )
        if fld is None:
            raise UserError(
                "mapping_unknown_field",
                f"The mapping sends column {column!r} to {target!r}, which is "
                f"not a field. Fields: {', '.join(FIELDS)}, or 'ignore'.",
                field=target, column=column, fields=", ".join(FIELDS),
            )
        mapping = {c: f for c, f in mapping.items() if f != fld or fld == IGNORE}
        mapping[column] = fld
    mapping = {c: f for c, f in mapping.items() if f != IGNORE}
    seen: dict[str, str] = {}
    for column, fld in mapping.items():
        if fld in seen:
            raise UserError(
                "mapping_duplicate_field",
                f"Columns {seen[fld]!r} and {column!r} both map to {fld!r}; map one of them to 'ignore'.",
                field=fld, first=seen[fld], column=column,
            )
        seen[fld] = column
    return mapping


# ---------------------------------------------------------------------------------------------------------------
# Rows → records
# ---------------------------------------------------------------------------------------------------------------


@dataclass
class _Row:
    number: int
    cells: dict[str, tuple[str, str]]  # field → (column, raw text)
    problems: list[RowProblem] = field(default_factory=list)

    def get(self, fld: str) -> str:
        return self.cells.get(fld, ("", ""))[1]

    def problem(self, fld: str | None, code: str, message: str, **params: str) -> None:
        column, value = self.cells.get(fld, (None, None)) if fld else (None, None)
        if value and len(value) > QUOTED_VALUE_LIMIT:
            # a 5,000-digit "age" or a 50 MB note is named by its start and length, not repeated in full
            short = value[:QUOTED_VALUE_LIMIT] + f"… ({len(value)} characters)"
            message = message.replace(repr(value), repr(short))
            value = short
        params = {"value": value or "", "field": fld or "", **params}
        self.problems.append(RowProblem(self.number, column, code, message, value or None, params))

    def date(self, fld: str) -> dt.datetime | None:
        text = self.get(fld)
        if not text:
            return None
        parsed = parse_date_text(text)
        if parsed is None:
            self.problem(fld, "bad_date", f"{text!r} is not a date; write it as 2023-01-05, 2023/1/5 or 2023年1月5日.")
        return parsed


@dataclass
class _PatientDraft:
    record: PatientRecord
    key: tuple[str, str, str]
    visits: dict[dt.date, dict[str, Any]] = field(default_factory=dict)
    labs: list[LabResult] = field(default_factory=list)
    allergies: dict[str, Allergy] = field(default_factory=dict)
    medications: dict[str, Medication] = field(default_factory=dict)

    def build(self) -> PatientRecord:
        cases = tuple(
            Case(
                title=v["title"] or f"Visit {day.isoformat()}",
                opened_on=day,
                entries=tuple(v["entries"]),
                labs=tuple(v["labs"]),
            )
            for day, v in sorted(self.visits.items())
        )
        return replace(
            self.record,
            cases=cases,
            labs=tuple(self.labs),
            allergies=tuple(self.allergies.values()),
            medications=tuple(self.medications.values()),
        )


def _parse_row(row: _Row) -> _Row:
    """Check every mapped cell of one row; problems are collected on the row, nothing is raised."""
    if not row.get("name"):
        row.problem("name", "missing_name", "the patient's name (姓名) is empty.")
    if parse_sex(row.get("sex")) is None:
        row.problem("sex", "unknown_sex", f"{row.get('sex')!r} is not a sex value; use 男/女, M/F or male/female.")
    birth = row.date("birth_date")
    if birth is not None and birth.date() > dt.date.today():
        row.problem("birth_date", "birth_date_in_future", "the birth date is in the future.")
    age = row.get("age")
    if age and not re.fullmatch(r"\d{1,3}\s*(岁|y|yrs?|years?)?", age, re.I):
        row.problem("age", "bad_age", f"{age!r} is not an age in years (e.g. 45 or 45岁).")
    id_number = row.get("id_number").upper()
    if id_number and not valid_cn_resident_id(id_number):
        row.problem("id_number", "bad_id_number", "the ID number (身份证号) is not a valid 18-digit resident ID.")
    phone = row.get("phone")
    if phone and not re.fullmatch(r"\+?[\d\s\-()]{5,20}(\s*(转|ext\.?|x)\s*\d+)?", phone, re.I):
        row.problem("phone", "bad_phone", f"{phone!r} is not a phone number.")
    email = row.get("email")
    if email and not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", email):
        row.problem("email", "bad_email", f"{email!r} is not an e-mail address.")
    visit = row.date("visit_date")
    for fld, label in (("diagnosis", "diagnosis (诊断)"), ("complaint", "complaint (主诉)")):
        if row.get(fld) and not row.get("visit_date"):
            message = f"a {label} needs the date it was made: add a visit date (就诊日期) column or value."
            row.problem(fld, "missing_visit_date", message)
    icd = row.get("icd10").upper()
    if icd and not all(re.fullmatch(r"[A-Z]\d{2}(\.[0-9A-Z]{1,4})?(\+|\*)?", c) for c in split_list(icd)):
        row.problem("icd10", "bad_icd10", f"{row.get('icd10')!r} is not an ICD-10 code such as I10 or E11.9.")
    elif icd and len(split_list(icd)) != len(split_list(row.get("diagnosis"))):
        row.problem("icd10", "icd10_count_mismatch", "give one ICD-10 code per diagnosis, in the same order.")
    lab_fields = [f for f in ("lab_name", "lab_value", "lab_unit", "lab_range", "lab_date") if row.get(f)]
    if lab_fields:
        if not row.get("lab_name"):
            row.problem("lab_value", "lab_without_name", "a lab value needs the test name (检验项目).")
        lab_date = row.date("lab_date")
        if lab_date is None and visit is None and not row.get("lab_date") and not row.get("visit_date"):
            row.problem("lab_name", "lab_without_date", "a lab result needs a date: add 检验日期 or 就诊日期.")
        if row.get("lab_range") and parse_range(row.get("lab_range")) is None:
            row.problem("lab_range", "bad_range", f"{row.get('lab_range')!r} is not a range like 3.5-5.5 or <5.2.")
    return row


def _identity(row: _Row) -> tuple[str, str, str]:
    strongest = row.get("id_number").upper() or next(
        (row.get(f) for f in ("record_no", "inpatient_no", "outpatient_no", "insurance_no") if row.get(f)), ""
    )
    birth = parse_date_text(row.get("birth_date")) if row.get("birth_date") else None
    return row.get("name"), strongest, birth.date().isoformat() if birth else ""


def _new_patient(row: _Row, source: str) -> PatientRecord:
    birth = row.date("birth_date")
    identifiers = []
    if row.get("id_number"):
        identifiers.append(Identifier("cn-resident-id", row.get("id_number").upper()))
    identifiers += [Identifier(system, row.get(f)) for f, system in IDENTIFIER_FIELDS.items() if row.get(f)]
    extra = {"import_source": source}
    if row.get("age"):
        extra["age"] = re.match(r"\d+", row.get("age"))[0]  # type: ignore[index]  # validated above
    return PatientRecord(
        name=row.get("name"),
        sex=parse_sex(row.get("sex")) or Sex.UNKNOWN,
        birth_date=birth.date() if birth else None,
        identifiers=tuple(identifiers),
        phone=row.get("phone") or None,
        address=row.get("address") or None,
        email=row.get("email") or None,
        notes=row.get("notes"),
        extra=extra,
    )


def _merge_row(draft: _PatientDraft, row: _Row) -> None:
    record = draft.record
    sex = parse_sex(row.get("sex")) or Sex.UNKNOWN
    if sex is not Sex.UNKNOWN and record.sex is not Sex.UNKNOWN and sex is not record.sex:
        row.problem("sex", "conflicting_sex", f"this row gives a different sex for {record.name} than an earlier row.",
                    name=record.name)
    elif sex is not Sex.UNKNOWN:
        record = replace(record, sex=sex)
    for attr, fld in (("phone", "phone"), ("address", "address"), ("email", "email")):
        if getattr(record, attr) is None and row.get(fld):
            record = replace(record, **{attr: row.get(fld)})
    if row.get("notes") and row.get("notes") not in record.notes:
        record = replace(record, notes="\n".join(filter(None, [record.notes, row.get("notes")])))
    draft.record = record
    allergies = "" if row.get("allergies").strip().lower() in NO_ALLERGY_WORDS else row.get("allergies")
    for item in split_list(allergies):
        draft.allergies.setdefault(item.lower(), Allergy(substance=item))
    for item in split_list(row.get("medications")):
        med = parse_medication(item)
        draft.medications.setdefault(med.name.lower(), med)
    visit = row.date("visit_date")
    lab = _lab(row, visit)
    if visit is None:
        if lab is not None:
            draft.labs.append(lab)
        return
    case = draft.visits.setdefault(visit.date(), {"title": "", "entries": [], "labs": []})
    diagnoses = split_list(row.get("diagnosis"))
    codes = split_list(row.get("icd10").upper()) or [None] * len(diagnoses)
    case["title"] = case["title"] or row.get("case_title") or "; ".join(diagnoses)
    new_entries = [Entry(EntryKind.COMPLAINT, visit, row.get("complaint"))] if row.get("complaint") else []
    new_entries += [Entry(EntryKind.DIAGNOSIS, visit, d, icd10=c) for d, c in zip(diagnoses, codes, strict=True)]
    for entry in new_entries:  # a long lab sheet repeats the visit's diagnosis on every row
        if entry not in case["entries"]:
            case["entries"].append(entry)
    if lab is not None:
        case["labs"].append(lab)


def _lab(row: _Row, visit: dt.datetime | None) -> LabResult | None:
    if not row.get("lab_name"):
        return None
    taken = row.date("lab_date") or visit
    assert taken is not None  # _parse_row rejected dateless labs
    raw = row.get("lab_value")
    value = float(raw) if re.fullmatch(r"-?\d+(\.\d+)?", raw) else None
    low, high = parse_range(row.get("lab_range")) or (None, None) if row.get("lab_range") else (None, None)
    return LabResult(
        name=row.get("lab_name"),
        taken_at=taken,
        value=value,
        value_text=raw or None,
        unit=row.get("lab_unit") or None,
        ref_low=low,
        ref_high=high,
    )


def _run(
    path: Path | str, mapping: dict[str, str] | None, progress: Progress | None
) -> tuple[ValidationReport, list[PatientRecord]]:
    path = Path(path)
    sheet = _read_sheet(path)
    if not sheet.rows:
        raise ImportRejected("table_empty", f"{path.name} has no rows.", name=path.name)
    header_index = _pick_header(sheet.rows, mapping or {})
    columns = [c or f"column {i + 1}" for i, c in enumerate(sheet.rows[header_index])]
    resolved = _resolve_mapping(columns, mapping)
    if "name" not in resolved.values():
        raise ImportRejected(
            "no_name_column",
            f"{path.name}: no column holds the patient's name (姓名/name). "
            f"Columns: {', '.join(columns)}. Rename the header or pass a mapping.",
            name=path.name, columns=", ".join(columns),
        )
    drafts: list[_PatientDraft] = []
    by_key: dict[tuple[str, str, str], _PatientDraft] = {}
    problems: list[RowProblem] = []
    rows_ok = blank = 0
    data_rows = sheet.rows[header_index + 1 :]
    for offset, cells in enumerate(data_rows):
        if progress is not None and offset % 500 == 0:
            progress.update(offset, len(data_rows), "Checking rows")
        if not any(cells):
            blank += 1
            continue
        values = {
            fld: (col, cells[columns.index(col)] if columns.index(col) < len(cells) else "")
            for col, fld in resolved.items()
        }
        row = _parse_row(_Row(header_index + offset + 2, values))
        if not row.problems:
            key = _identity(row)
            name_only = not key[1] and not key[2]
            draft = by_key.get(key) if not name_only else (drafts[-1] if drafts and drafts[-1].key == key else None)
            if draft is None:
                draft = _PatientDraft(_new_patient(row, path.name), key)
                drafts.append(draft)
                by_key.setdefault(key, draft)
            _merge_row(draft, row)
        problems += row.problems
        rows_ok += not row.problems
    report = ValidationReport(
        path=str(path),
        file_format=sheet.file_format,
        encoding=sheet.encoding,
        header_row=header_index + 1,
        columns=tuple(columns),
        mapping=resolved,
        unmapped_columns=tuple(c for c in columns if c not in resolved),
        rows_total=len(data_rows) - blank,
        rows_ok=rows_ok,
        rows_blank=blank,
        patients=len(drafts),
        problems=tuple(problems),
    )
    return report, [d.build() for d in drafts]


def validate(
    path: Path | str, mapping: dict[str, str] | None = None, progress: Progress | None = None
) -> ValidationReport:
    """Dry run: check every row and report; nothing is returned to store."""
    return _run(path, mapping, progress)[0]


def load(
    path: Path | str, mapping: dict[str, str] | None = None, progress: Progress | None = None
) -> list[PatientRecord]:
    """All records of the table, or :class:`ImportRejected` (listing the first problems) if any row is invalid."""
    report, records = _run(path, mapping, progress)
    if report.problems:
        raise ImportRejected(
            "table_rows_invalid",
            f"{Path(path).name}: nothing was imported because "
            f"{report.rows_with_problems} rows have problems.\n{report.summary()}",
            problems=[str(p) for p in report.problems[:50]],
            name=Path(path).name, rows=report.rows_with_problems, row_problems=report.problems[:50],
        )
    if not records:
        raise ImportRejected("table_no_rows", f"{Path(path).name} has a header but no patient rows.",
                             name=Path(path).name)
    return records
