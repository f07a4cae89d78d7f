"""Text-encoding detection and the format-by-content dispatcher."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest

from cdss.errors import ImportRejected, UserError
from cdss.records.encoding import decode_bytes
from cdss.records.importers import detect_format, read_records

TEXT = "姓名,诊断\n张三,高血压\n"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("gbk"), "gbk"),
        ((TEXT + "李䶮\n").encode("gb18030"), "gb18030"),
        (TEXT.encode("utf-16"), "utf-16"),
        (b"plain ascii", "utf-8"),
    ],
)
def test_decode_bytes_names_the_encoding_and_strips_the_bom(data: bytes, expected: str) -> None:
    text, encoding = decode_bytes(data)
    assert encoding == expected
    assert not text.startswith("\ufeff")
    assert text.startswith(("姓名", "plain"))


@pytest.mark.parametrize("data", [b"abc\xffdef\x81", b"abc\x00def", codecs.BOM_UTF8 + b"\xff\xff"])
def test_decode_bytes_refuses_what_it_cannot_read(data: bytes) -> None:
    with pytest.raises(UserError) as info:
        decode_bytes(data)
    assert info.value.code in ("text_encoding_unknown", "binary_not_text")


def _bundle() -> dict:
    patient = {"resourceType": "Patient", "id": "p", "name": [{"text": "张三"}]}
    return {"resourceType": "Bundle", "type": "collection", "entry": [{"fullUrl": "urn:uuid:p", "resource": patient}]}


def test_detect_format_by_content_not_name(tmp_path: Path) -> None:
    from openpyxl import Workbook

    fhir = tmp_path / "export.txt"
    fhir.write_text(json.dumps(_bundle(), ensure_ascii=False), "utf-8")
    table = tmp_path / "table.json"  # a misleading extension
    table.write_bytes(TEXT.encode("gbk"))
    workbook_path = tmp_path / "sheet.csv"
    workbook = Workbook()
    workbook.active.append(["姓名", "性别"])
    workbook.active.append(["王五", "男"])
    workbook.save(workbook_path)
    assert detect_format(fhir) == "fhir" and detect_format(table) == "csv" and detect_format(workbook_path) == "xlsx"
    assert [r.name for r in read_records(fhir)] == ["张三"]
    with pytest.raises(ImportRejected):  # a diagnosis without its visit date is refused …
        read_records(table)
    assert [(r.name, r.sex.value) for r in read_records(workbook_path)] == [("王五", "male")]
    assert [r.name for r in read_records(table, mapping={"诊断": "ignore"})] == ["张三"]  # … unless left out


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", "file_empty"),
        (b'{"hello": "world"}', "json_not_fhir"),
        (b"PK\x03\x04junk", "file_corrupt"),
        (b"\xd0\xcf\x11\xe0rest", "xls_not_supported"),
        (b"\x00\x01\x02binary", "format_unknown"),
    ],
)
def test_unknown_or_broken_files_are_rejected(tmp_path: Path, data: bytes, code: str) -> None:
    path = tmp_path / "input.bin"
    path.write_bytes(data)
    with pytest.raises(ImportRejected) as info:
        read_records(path)
    assert info.value.code == code


def test_truncated_fhir_through_dispatcher_returns_nothing(tmp_path: Path) -> None:
    path = tmp_path / "cut.json"
    path.write_text(json.dumps(_bundle())[:-10], "utf-8")
    with pytest.raises(ImportRejected) as info:
        read_records(path)
    assert info.value.code == "fhir_not_json"
