"""The vocabulary of CSV/Excel patient lists: the record fields, their Chinese and English header aliases, the
column mapping (suggested or loaded from a file), and the parsers for dates, sex, ID numbers, ranges and lists.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from collections.abc import Iterable
from pathlib import Path

from cdss.errors import UserError
from cdss.records.encoding import decode_bytes
from cdss.records.types import Medication, Sex
from cdss.textsafe import NumberTooLong, bounded_int

MAX_TABULAR_BYTES = 50 * 1024 * 1024
MAX_ROWS = 200_000
IGNORE = "ignore"

# field → header aliases (compared after norm_header). Order of fields is the order shown to users.
FIELD_ALIASES: dict[str, tuple[str, ...]] = {
    "name": ("姓名", "患者姓名", "病人姓名", "患者", "名字", "name", "patient name", "patient", "full name"),
    "sex": ("性别", "sex", "gender"),
    "birth_date": ("出生日期", "出生年月日", "出生年月", "生日", "birth date", "birthdate", "date of birth", "dob"),
    "age": ("年龄", "age"),
    "id_number": ("身份证号", "身份证号码", "身份证", "证件号", "证件号码", "id number", "id no", "national id"),
    "phone": ("电话", "手机", "手机号", "手机号码", "联系电话", "电话号码", "phone", "mobile", "telephone", "tel"),
    "address": ("住址", "地址", "家庭住址", "现住址", "联系地址", "address", "home address"),
    "email": ("邮箱", "电子邮箱", "email", "e-mail"),
    "visit_date": (
        "就诊日期",
        "就诊时间",
        "门诊日期",
        "入院日期",
        "就诊日",
        "visit date",
        "date of visit",
        "admission date",
        "encounter date",
        "visit",
    ),
    "case_title": ("病例标题", "病例名称", "case title", "case"),
    "complaint": ("主诉", "chief complaint", "complaint"),
    "diagnosis": ("诊断", "临床诊断", "主要诊断", "门诊诊断", "入院诊断", "出院诊断", "diagnosis", "diagnoses", "dx"),
    "icd10": ("icd10", "icd-10", "icd", "icd编码", "icd10编码", "诊断编码", "疾病编码", "icd code", "icd-10 code"),
    "allergies": ("过敏史", "过敏", "药物过敏史", "过敏药物", "allergies", "allergy", "allergy history"),
    "medications": ("用药", "用药情况", "药物", "当前用药", "用药史", "medications", "medication", "drugs", "meds"),
    "notes": ("备注", "说明", "notes", "note", "remarks", "comment"),
    "inpatient_no": ("住院号", "inpatient no", "inpatient number", "admission no"),
    "outpatient_no": ("门诊号", "outpatient no", "outpatient number", "clinic no"),
    "record_no": ("病案号", "病历号", "record no", "medical record number", "mrn"),
    "insurance_no": ("医保号", "医保卡号", "社保卡号", "insurance no", "insurance number"),
    "lab_name": ("检验项目", "项目名称", "检验名称", "检查项目", "化验项目", "lab test", "test name", "test", "lab"),
    "lab_value": ("数值", "结果", "检验结果", "检验值", "结果值", "value", "result", "lab value"),
    "lab_unit": ("单位", "unit", "units"),
    "lab_range": ("参考范围", "参考值", "参考区间", "reference range", "ref range", "normal range"),
    "lab_date": ("检验日期", "报告日期", "采样日期", "检验时间", "lab date", "test date", "report date"),
}
FIELDS: tuple[str, ...] = tuple(FIELD_ALIASES)
IDENTIFIER_FIELDS = {
    "inpatient_no": "inpatient-no",
    "outpatient_no": "outpatient-no",
    "record_no": "record-no",
    "insurance_no": "insurance-no",
}
NO_ALLERGY_WORDS = {
    "无",
    "否认",
    "否认过敏史",
    "无过敏史",
    "none",
    "nka",
    "nkda",
    "no known allergies",
    "-",
    "/",
    "无已知过敏",
}
_SEX_VALUES = {
    "男": Sex.MALE,
    "男性": Sex.MALE,
    "m": Sex.MALE,
    "male": Sex.MALE,
    "女": Sex.FEMALE,
    "女性": Sex.FEMALE,
    "f": Sex.FEMALE,
    "female": Sex.FEMALE,
    "未知": Sex.UNKNOWN,
    "不详": Sex.UNKNOWN,
    "unknown": Sex.UNKNOWN,
    "u": Sex.UNKNOWN,
    "其他": Sex.OTHER,
    "other": Sex.OTHER,
}
_LIST_SPLIT = re.compile(r"[，,;；、\n]+")
_DOSE_SPLIT = re.compile(r"^(.*?\S)\s*(\d[\d.]*\s*(?:mg|g|μg|ug|mcg|ml|iu|u|片|粒|支|丸|袋|滴|毫克|克).*)$", re.I)


def norm_header(text: str) -> str:
    text = str(text).strip().lower().replace("（", "(").replace("）", ")")
    text = re.sub(r"\(.*?\)|[*:：_\s]+", " ", text)  # "出生日期(年-月-日)" and "birth_date" match their aliases
    return " ".join(text.split())


ALIAS_INDEX = {norm_header(alias): fld for fld, aliases in FIELD_ALIASES.items() for alias in aliases}


def suggest_mapping(columns: Iterable[str]) -> dict[str, str]:
    """Column → field for every column whose header is a known form; each field is taken by its first column."""
    mapping: dict[str, str] = {}
    taken: set[str] = set()
    for column in columns:
        fld = ALIAS_INDEX.get(norm_header(column)) or (
            norm_header(column) if norm_header(column) in FIELDS else None
        )
        if fld and fld not in taken:
            mapping[str(column)] = fld
            taken.add(fld)
    return mapping


def load_mapping_file(path: Path | str) -> dict[str, str]:
    """A ``--mapping FILE``: a JSON object ``{"column": "field"}`` or a CSV of ``column,field`` rows."""
    path = Path(path)
    try:
        text, _ = decode_bytes(path.read_bytes())
    except OSError as exc:
        raise UserError("mapping_unreadable", f"Cannot read the mapping file {path.name}: {exc.strerror or exc}.",
                        name=path.name, reason=str(exc.strerror or exc)) from exc
    if path.suffix.lower() == ".json" or text.lstrip().startswith(("{", "[")):
        try:
            data = json.loads(text, parse_int=bounded_int)
        except (json.JSONDecodeError, NumberTooLong) as exc:
            reason = getattr(exc, "msg", str(exc))
            raise UserError("mapping_not_json", f"The mapping file {path.name} is not valid JSON ({reason}).",
                            name=path.name, reason=reason) from exc
        if not isinstance(data, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in data.items()):
            raise UserError("mapping_not_object", f"{path.name} must be a JSON object of column name → field name.",
                            name=path.name)
        return dict(data)
    pairs = [row for row in csv.reader(io.StringIO(text)) if any(cell.strip() for cell in row)]
    if pairs and [c.strip().lower() for c in pairs[0][:2]] in (["column", "field"], ["列", "字段"], ["列名", "字段"]):
        pairs = pairs[1:]
    if any(len(row) < 2 for row in pairs):
        raise UserError("mapping_csv_short_row",
                        f"Every row of {path.name} needs two cells: column name, field name.", name=path.name)
    return {row[0].strip(): row[1].strip() for row in pairs}


# ---------------------------------------------------------------------------------------------------------------
# Value parsers (return None for "cannot parse"; callers turn that into a row problem)
# ---------------------------------------------------------------------------------------------------------------

_DATE_PATTERNS = (
    re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$"),
    re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})[日号]?(?:\s*(\d{1,2})[:时](\d{2})分?)?$"),
    re.compile(r"^(\d{4})(\d{2})(\d{2})$"),
)


def parse_date_text(text: str) -> dt.datetime | None:
    """2023-01-05, 2023/1/5, 2023.1.5, 2023年1月5日, 20230105, with an optional time; None when not a date."""
    text = text.strip()
    for pattern in _DATE_PATTERNS:
        match = pattern.match(text)
        if match:
            parts = [int(p) if p else 0 for p in match.groups()]
            parts += [0] * (6 - len(parts))
            try:
                return dt.datetime(*parts[:6])
            except ValueError:
                return None
    return None


def parse_sex(text: str) -> Sex | None:
    return Sex.UNKNOWN if not text.strip() else _SEX_VALUES.get(text.strip().lower())


_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def valid_cn_resident_id(value: str) -> bool:
    """GB 11643: 18 characters with an ISO 7064 MOD 11-2 check character, or the old 15-digit form."""
    if re.fullmatch(r"\d{15}", value):
        return True
    if not re.fullmatch(r"\d{17}[\dX]", value):
        return False
    check = "10X98765432"[sum(int(d) * w for d, w in zip(value[:17], _ID_WEIGHTS, strict=True)) % 11]
    return value[17] == check


def parse_range(text: str) -> tuple[float | None, float | None] | None:
    text = text.strip().replace("～", "~").replace("—", "-").replace("–", "-")
    if m := re.fullmatch(r"(-?\d+(?:\.\d+)?)\s*[-~]\s*(-?\d+(?:\.\d+)?)", text):
        return float(m[1]), float(m[2])
    if m := re.fullmatch(r"[<≤]=?\s*(-?\d+(?:\.\d+)?)", text):
        return None, float(m[1])
    if m := re.fullmatch(r"[>≥]=?\s*(-?\d+(?:\.\d+)?)", text):
        return float(m[1]), None
    return None


def split_list(text: str) -> list[str]:
    return [item.strip() for item in _LIST_SPLIT.split(text) if item.strip()]


def parse_medication(item: str) -> Medication:
    match = _DOSE_SPLIT.match(item)
    return Medication(name=match[1], dose=match[2]) if match else Medication(name=item)
