"""CSV/XLSX import: encodings, header recognition, mappings, dry-run validation and all-or-nothing commit."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from cdss.errors import ImportRejected, UserError
from cdss.records import tabular_import
from cdss.records.tabular_fields import (
    load_mapping_file,
    parse_date_text,
    parse_sex,
    suggest_mapping,
    valid_cn_resident_id,
)
from cdss.records.tabular_import import load, validate
from cdss.records.types import EntryKind, Identifier, Sex

HEADER = "姓名,性别,出生日期,身份证号,手机,住址,就诊日期,诊断,过敏史,用药,住院号"
ROWS = [
    "张三,男,1965/3/7,11010519491231002X,13800138000,北京市海淀区中关村大街1号,2023年1月5日,高血压；2型糖尿病,青霉素、磺胺,"
    "阿司匹林 100mg qd；二甲双胍 0.5 g tid,ZY0001",
    "李䶮,女,19800105,,021-12345678,上海市,2023-02-10,慢性胃炎,无,奥美拉唑,ZY0002",
]


def _write(tmp_path: Path, name: str, lines: list[str], encoding: str) -> Path:
    path = tmp_path / name
    path.write_bytes("\r\n".join(lines).encode(encoding))
    return path


def test_gbk_csv_with_chinese_headers(tmp_path: Path) -> None:
    rows = [ROWS[0], ROWS[1].replace("李䶮", "李明")]  # 䶮 is not in GBK
    path = _write(tmp_path, "patients.csv", [HEADER, *rows], "gbk")
    report = validate(path)
    assert report.ok and report.encoding == "gbk" and report.rows_ok == 2 and report.patients == 2
    zhang, li = load(path)
    assert zhang.name == "张三" and zhang.sex is Sex.MALE and zhang.birth_date == dt.date(1965, 3, 7)
    assert Identifier("cn-resident-id", "11010519491231002X") in zhang.identifiers
    assert Identifier("inpatient-no", "ZY0001") in zhang.identifiers
    assert zhang.phone == "13800138000" and zhang.address == "北京市海淀区中关村大街1号"
    assert [a.substance for a in zhang.allergies] == ["青霉素", "磺胺"]
    assert [(m.name, m.dose) for m in zhang.medications] == [("阿司匹林", "100mg qd"), ("二甲双胍", "0.5 g tid")]
    (case,) = zhang.cases
    assert case.opened_on == dt.date(2023, 1, 5)
    assert [(e.kind, e.text) for e in case.entries] == [
        (EntryKind.DIAGNOSIS, "高血压"),
        (EntryKind.DIAGNOSIS, "2型糖尿病"),
    ]
    assert li.allergies == () and li.birth_date == dt.date(1980, 1, 5) and li.sex is Sex.FEMALE


def test_gb18030_csv_keeps_rare_name_characters(tmp_path: Path) -> None:
    path = _write(tmp_path, "gb18030.csv", [HEADER, *ROWS], "gb18030")
    report = validate(path)
    assert report.encoding == "gb18030" and report.ok
    assert load(path)[1].name == "李䶮"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig"])
def test_utf8_with_and_without_bom(tmp_path: Path, encoding: str) -> None:
    path = _write(tmp_path, "u.csv", [HEADER, *ROWS], encoding)
    assert validate(path).encoding == encoding
    assert [r.name for r in load(path)] == ["张三", "李䶮"]


def test_xlsx_with_title_row_english_headers_and_lab_rows(tmp_path: Path) -> None:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Clinic export 2023"])  # a title line above the header, as many hospital exports have
    sheet.append(
        ["Name", "Sex", "DOB", "MRN", "Visit date", "Diagnosis", "ICD-10", "Test", "Value", "Unit", "Reference range"]
    )
    sheet.append(
        [
            "John Smith",
            "M",
            dt.datetime(1970, 5, 1),
            "A1",
            dt.datetime(2023, 3, 2),
            "Hypertension",
            "I10",
            "Potassium",
            4.1,
            "mmol/L",
            "3.5-5.5",
        ]
    )
    sheet.append(
        [
            "John Smith",
            "M",
            dt.datetime(1970, 5, 1),
            "A1",
            dt.datetime(2023, 3, 2),
            "Hypertension",
            "I10",
            "Sodium",
            "<130",
            "mmol/L",
            "135~145",
        ]
    )
    sheet.append(["Mary Jones", "female", "1988-12-01", "A2", "2023-03-03", "", "", "", "", "", ""])
    path = tmp_path / "labs.xlsx"
    workbook.save(path)
    report = validate(path)
    assert report.file_format == "xlsx" and report.header_row == 2 and report.ok, report.summary()
    john, mary = load(path)
    assert john.birth_date == dt.date(1970, 5, 1) and john.identifiers == (Identifier("record-no", "A1"),)
    (case,) = john.cases
    assert [(e.text, e.icd10) for e in case.entries] == [("Hypertension", "I10")]  # repeated rows: one diagnosis
    potassium, sodium = case.labs
    assert (potassium.value, potassium.unit, potassium.ref_low, potassium.ref_high) == (4.1, "mmol/L", 3.5, 5.5)
    assert sodium.value is None and sodium.value_text == "<130" and sodium.taken_at == dt.datetime(2023, 3, 2)
    assert mary.sex is Sex.FEMALE and mary.cases[0].entries == ()


def test_dry_run_reports_every_problem_and_load_refuses_everything(tmp_path: Path) -> None:
    lines = [
        HEADER,
        ROWS[0],
        ",男,1970-01-01,,,,2023-01-01,感冒,,,",  # missing name
        "王五,男性?,1970-13-01,123,abc,,,,,,",  # bad sex, bad date, bad ID, bad phone
        "赵六,女,1970-01-01,,,,,肺炎,,,",
    ]  # diagnosis without a visit date
    path = _write(tmp_path, "bad.csv", lines, "utf-8")
    report = validate(path)
    assert not report.ok and report.rows_total == 4 and report.rows_ok == 1 and report.rows_with_problems == 3
    codes = {(p.row, p.code) for p in report.problems}
    assert codes == {
        (3, "missing_name"),
        (4, "unknown_sex"),
        (4, "bad_date"),
        (4, "bad_id_number"),
        (4, "bad_phone"),
        (5, "missing_visit_date"),
    }
    bad_date = next(p for p in report.problems if p.code == "bad_date")
    assert bad_date.column == "出生日期" and bad_date.value == "1970-13-01"
    result = None
    with pytest.raises(ImportRejected) as info:
        result = load(path)
    assert result is None and info.value.code == "table_rows_invalid"
    assert "row 3" in str(info.value) and "name (姓名) is empty" in str(info.value)


def test_user_mapping_from_json_and_csv(tmp_path: Path) -> None:
    path = _write(tmp_path, "odd.csv", ["病人,男女,生年,其他", "孙七,女,1990-02-03,x"], "utf-8")
    with pytest.raises(ImportRejected) as info:
        validate(path)
    assert info.value.code == "no_name_column"
    json_map = tmp_path / "map.json"
    json_map.write_text(json.dumps({"病人": "name", "男女": "性别", "生年": "birth_date", "其他": "ignore"}), "utf-8")
    csv_map = tmp_path / "map.csv"
    csv_map.write_bytes("column,field\n病人,name\n男女,sex\n生年,出生日期\n".encode("gbk"))
    for mapping_file in (json_map, csv_map):
        (record,) = load(path, load_mapping_file(mapping_file))
        assert (record.name, record.sex, record.birth_date) == ("孙七", Sex.FEMALE, dt.date(1990, 2, 3))
    with pytest.raises(UserError) as bad:
        validate(path, {"病人": "nickname"})
    assert bad.value.code == "mapping_unknown_field"
    with pytest.raises(UserError) as missing:
        validate(path, {"no such column": "name"})
    assert missing.value.code == "mapping_column_missing"


def test_suggest_mapping_recognises_common_headers() -> None:
    columns = [
        "姓名",
        "性别",
        "出生日期",
        "年龄",
        "身份证号",
        "电话",
        "手机",
        "住址",
        "诊断",
        "过敏史",
        "用药",
        "就诊日期",
        "门诊号",
        "病案号",
        "检验项目",
        "数值",
        "单位",
        "Patient Name",
        "Date of Birth",
        "Unknown column",
    ]
    mapping = suggest_mapping(columns)
    assert mapping["姓名"] == "name" and mapping["出生日期"] == "birth_date" and mapping["年龄"] == "age"
    assert mapping["电话"] == "phone" and "手机" not in mapping  # one column per field: the first wins
    assert mapping["检验项目"] == "lab_name" and mapping["数值"] == "lab_value" and mapping["单位"] == "lab_unit"
    assert mapping["门诊号"] == "outpatient_no" and mapping["病案号"] == "record_no"
    assert "Patient Name" not in mapping and "Unknown column" not in mapping
    assert suggest_mapping(["Patient Name", "DOB", "gender", "ID number"]) == {
        "Patient Name": "name",
        "DOB": "birth_date",
        "gender": "sex",
        "ID number": "id_number",
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2023-01-05", dt.datetime(2023, 1, 5)),
        ("2023/1/5", dt.datetime(2023, 1, 5)),
        ("2023年1月5日", dt.datetime(2023, 1, 5)),
        ("20230105", dt.datetime(2023, 1, 5)),
        ("2023.1.5", dt.datetime(2023, 1, 5)),
        ("2023-01-05 14:30", dt.datetime(2023, 1, 5, 14, 30)),
        ("2023-01-05 00:00:00", dt.datetime(2023, 1, 5)),
        ("2023-02-30", None),
        ("05/01/2023", None),
        ("昨天", None),
    ],
)
def test_dates(text: str, expected: dt.datetime | None) -> None:
    assert parse_date_text(text) == expected


def test_sex_values_and_resident_id_checksum() -> None:
    assert [parse_sex(v) for v in ["男", "女", "M", "f", "Male", "FEMALE", "", "x"]] == [
        Sex.MALE,
        Sex.FEMALE,
        Sex.MALE,
        Sex.FEMALE,
        Sex.MALE,
        Sex.FEMALE,
        Sex.UNKNOWN,
        None,
    ]
    assert valid_cn_resident_id("11010519491231002X") and not valid_cn_resident_id("110105194912310021")


def test_adjacent_name_only_rows_merge_but_distant_namesakes_do_not(tmp_path: Path) -> None:
    lines = [
        "姓名,就诊日期,检验项目,数值",
        "张伟,2023-01-01,WBC,5.1",
        "张伟,2023-01-01,RBC,4.2",
        "李四,2023-01-01,,",
        "张伟,2023-02-01,WBC,9.9",
    ]
    records = load(_write(tmp_path, "z.csv", lines, "utf-8"))
    assert [r.name for r in records] == ["张伟", "李四", "张伟"]
    assert [lab.name for lab in records[0].cases[0].labs] == ["WBC", "RBC"]


def test_unreadable_tables_are_rejected(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cases = {
        "latin.csv": (b"name,sex\n" + bytes([0xFF, 0xFE, 0xFD, 0x81, 0x30]) * 3, "text_encoding_unknown"),
        "broken.xlsx": (b"PK\x03\x04" + b"\x00" * 100, "xlsx_unreadable"),
        "old.xls": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "xls_not_supported"),
        "empty.csv": (b"", "table_empty"),
        "header_only.csv": ("姓名,性别\n".encode(), "table_no_rows"),
    }
    for name, (data, code) in cases.items():
        path = tmp_path / name
        path.write_bytes(data)
        with pytest.raises(ImportRejected) as info:
            load(path)
        assert info.value.code == code, name
    monkeypatch.setattr(tabular_import, "MAX_TABULAR_BYTES", 10)
    with pytest.raises(ImportRejected) as big:
        load(_write(tmp_path, "big.csv", [HEADER, *ROWS], "utf-8"))
    assert big.value.code == "file_too_large"


def test_tab_separated_with_title_line_and_short_rows(tmp_path: Path) -> None:
    lines = ["门诊患者名单", "姓名\t性别\t年龄\t电话\t备注", "周八\t男\t45岁", "吴九\tF\t\t\t复诊"]
    report = validate(_write(tmp_path, "list.tsv", lines, "gb18030"))
    assert report.header_row == 2 and report.ok and report.rows_ok == 2, report.summary()
    zhou, wu = load(tmp_path / "list.tsv")
    assert zhou.extra["age"] == "45" and zhou.birth_date is None  # an age never becomes an invented birth date
    assert wu.sex is Sex.FEMALE and wu.notes == "复诊" and wu.phone is None
