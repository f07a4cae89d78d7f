"""A generator of hostile and broken import files, one per way a careless or malicious file has hurt an importer.

Each case writes its file(s) into a folder and names the ``cdss`` command that imports them. The test
(tests/integration/test_hostile_corpus.py) runs every case through the real command line in a child process under a
memory limit and a time limit, and checks that the outcome is a clean one-line refusal (or a clean import) and
that the workspace is intact afterwards. Files are built here rather than kept in the repository: most are large
or repetitive, and building them documents exactly what each one attacks.
"""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

BIG_FIELD = 50 * 1024 * 1024  # a 50 MB field: took > 60 s in some importers before limits
LONG_INT = "9" * 5000  # beyond Python's 4,300-digit int conversion limit


@dataclass(frozen=True)
class Case:
    name: str
    command: tuple[str, ...]  # the cdss sub-command and options; the file paths are appended
    write: Callable[[Path], list[Path]]
    may_succeed: bool = False  # a file that is odd but valid (e.g. GBK text): importing it is fine too


def _text(name: str, text: str, encoding: str = "utf-8") -> Callable[[Path], list[Path]]:
    def write(folder: Path) -> list[Path]:
        path = folder / name
        path.write_bytes(text.encode(encoding))
        return [path]
    return write


def _bytes(name: str, make: Callable[[], bytes]) -> Callable[[Path], list[Path]]:
    def write(folder: Path) -> list[Path]:
        path = folder / name
        path.write_bytes(make())
        return [path]
    return write


def _big_csv(folder: Path) -> list[Path]:
    path = folder / "big_field.csv"
    with path.open("wb") as fh:
        fh.write("姓名,性别,备注\n张三,男,\"".encode())
        chunk = ("腹痛" * 512).encode()
        for _ in range(BIG_FIELD // len(chunk)):
            fh.write(chunk)
        fh.write(b"\"\n")
    return [path]


def _zip_bomb(folder: Path) -> list[Path]:
    path = folder / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"<" + b" " * (200 * 1024 * 1024) + b"/>")
    return [path]


def _far_cell(folder: Path) -> list[Path]:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet["A1"], sheet["B1"], sheet["A2"], sheet["B2"] = "姓名", "性别", "张三", "男"
    sheet["XFD1048576"] = "x"
    path = folder / "far.xlsx"
    book.save(path)
    return [path]


def _nested_json(depth: int) -> bytes:
    return b'{"resourceType": "Bundle", "type": "collection", "entry": ' + b"[" * depth + b"]" * depth + b"}"


def _fhir(resource: dict) -> bytes:
    bundle = {"resourceType": "Bundle", "type": "collection", "entry": [{"resource": resource}]}
    return json.dumps(bundle, ensure_ascii=False).encode()


def _patient(**extra: object) -> dict:
    return {"resourceType": "Patient", "id": "p1", "name": [{"family": "张", "given": ["三"]}], "gender": "male",
            **extra}


def _bib_macros(folder: Path) -> list[Path]:
    lines = ['@string{a0 = "xx"}']
    lines += [f"@string{{a{i} = a{i - 1} # a{i - 1}}}" for i in range(1, 64)]
    lines.append("@article{k, title = a63, author = {Doe, J}, year = 2020}")
    path = folder / "macros.bib"
    path.write_text("\n".join(lines), encoding="utf-8")
    return [path]


def _big_bib(folder: Path) -> list[Path]:
    path = folder / "big.bib"
    with path.open("w", encoding="utf-8") as fh:
        fh.write("@article{k, author = {Doe, J}, year = 2020, title = {")
        fh.write("word " * (BIG_FIELD // 5))
        fh.write("}}\n")
    return [path]


def _big_ris(folder: Path) -> list[Path]:
    path = folder / "big.ris"
    with path.open("w", encoding="utf-8") as fh:
        fh.write("TY  - JOUR\nTI  - A title\nAB  - ")
        fh.write("word " * (BIG_FIELD // 5))
        fh.write("\nER  - \n")
    return [path]


def _billion_laughs() -> bytes:
    """Nine levels of entities, each ten of the one below: 10⁹ "lol"s if a parser expands them."""
    body = '<!ENTITY l0 "lol">' + "".join(
        f'<!ENTITY l{i} "{("&l" + str(i - 1) + ";") * 10}">' for i in range(1, 10))
    return (f'<?xml version="1.0"?><!DOCTYPE PubmedArticleSet [{body}]><PubmedArticleSet><PubmedArticle>'
            "<MedlineCitation><PMID>1</PMID><Article><ArticleTitle>&l9;</ArticleTitle></Article>"
            "</MedlineCitation></PubmedArticle></PubmedArticleSet>").encode()


def _deep_xml() -> bytes:
    depth = 200_000
    return (b"<PubmedArticleSet>" + b"<a>" * depth + b"</a>" * depth + b"</PubmedArticleSet>")


def _csl(item: dict) -> bytes:
    return json.dumps([{"id": "x", "type": "article-journal", "title": "A paper title long enough", **item}]).encode()


def _ddinter(rows: str) -> Callable[[Path], list[Path]]:
    return _text("ddinter_downloads_code_A.csv", "DDInterID_A,Drug_A,DDInterID_B,Drug_B,Level\n" + rows)


def _ansm_explosion(folder: Path) -> list[Path]:
    """An ANSM thesaurus (French JSON) with a substance index putting 6,000 substances in each of two classes: one
    class-to-class entry would expand to 36 million pairs."""
    index = [{"substance": f"substance{i}", "drug_classes": ["CLASSE A" if i % 2 else "CLASSE B"]}
             for i in range(12_000)]
    entry = {"main_drug": "CLASSE A", "between_main_and_plus_drug": "", "plus_drug": "CLASSE B",
             "severity_levels": [{"level": "CONTRE-INDICATION", "info": ""}], "interaction_mechanism": "x",
             "description": "CONTRE-INDICATIONx"}
    thesaurus = folder / "thesaurus_2020-10_fr.json"
    thesaurus.write_text(json.dumps([entry]), encoding="utf-8")
    index_path = folder / "substances_index_2020-10_fr.json"
    index_path.write_text(json.dumps(index), encoding="utf-8")
    return [thesaurus, index_path]


RECORDS = ("records", "import")
LIT = ("lit", "import")
PACK = ("drugs", "import-pack", "--format")

CASES: tuple[Case, ...] = (
    # -- patient records: CSV / Excel -----------------------------------------------------------------------------
    Case("csv_cut_inside_quotes", RECORDS, _text("cut.csv", '姓名,性别,备注\n张三,男,"腹痛\n李四,女,头痛\n')),
    Case("csv_50mb_field", RECORDS, _big_csv),
    Case("csv_5000_digit_number", RECORDS, _text("long.csv", f"姓名,性别,年龄\n张三,男,{LONG_INT}\n")),
    Case("csv_nul_bytes", RECORDS, _bytes("nul.csv", lambda: "姓名,性别\n张\x00三,男\n".encode())),
    Case("csv_lone_surrogate_bytes", RECORDS, _bytes("sur.csv", lambda: "姓名,性别\n".encode() + b"\xed\xa0\x80,M\n")),
    Case("csv_gbk", RECORDS, _text("gbk.csv", "姓名,性别,出生日期\n张三,男,1960-01-02\n", "gbk"), may_succeed=True),
    Case("csv_gb18030", RECORDS, _text("gb18030.csv", "姓名,性别,出生日期\n𠀀三,男,1960-01-02\n", "gb18030"),
         may_succeed=True),
    Case("csv_header_only", RECORDS, _text("header.csv", "姓名,性别\n")),
    Case("csv_binary_garbage", RECORDS, _bytes("garbage.csv", lambda: bytes(range(256)) * 400)),
    Case("xlsx_zip_bomb", RECORDS, _zip_bomb),
    Case("xlsx_far_cell", RECORDS, _far_cell),
    Case("xlsx_not_a_zip", RECORDS, _bytes("fake.xlsx", lambda: b"PK\x03\x04" + b"\x00" * 2000)),
    # -- patient records: FHIR -------------------------------------------------------------------------------------
    Case("fhir_truncated", RECORDS, _bytes("cut.json", lambda: _fhir(_patient())[:-7])),
    Case("fhir_deep_nesting", RECORDS, _bytes("deep.json", lambda: _nested_json(100_000))),
    Case("fhir_5000_digit_integer", RECORDS, _bytes("int.json", lambda: _fhir(_patient()).replace(
        b'"gender"', f'"multipleBirthInteger": {LONG_INT}, "gender"'.encode()))),
    Case("fhir_year_9999_and_0001", RECORDS, _bytes("dates.json", lambda: _fhir(_patient(
        birthDate="0001-01-01", deceasedDateTime="9999-12-31T23:59:59Z"))), may_succeed=True),
    Case("fhir_lone_surrogate_escape", RECORDS, _bytes("sur.json", lambda: _fhir(_patient()).replace(
        "张".encode(), b"\\ud800")), may_succeed=True),  # stored with U+FFFD in its place
    Case("fhir_50mb_string", RECORDS, _bytes("big.json", lambda: _fhir(_patient(
        name=[{"family": "张" * BIG_FIELD, "given": ["三"]}])))),
    Case("fhir_not_a_bundle", RECORDS, _bytes("list.json", lambda: b"[1, 2, 3]")),
    # -- literature --------------------------------------------------------------------------------------------------
    Case("bibtex_macro_doubling", LIT, _bib_macros),
    Case("bibtex_unclosed_brace", LIT, _text("open.bib", "@article{k, title = {never closed, year = 2020\n" * 50)),
    Case("bibtex_50mb_field", LIT, _big_bib),
    Case("ris_50mb_field", LIT, _big_ris),
    Case("nbib_5000_digit_year", LIT, _text("long.nbib", f"PMID- 1\nTI  - A paper title here\nDP  - {LONG_INT}\n"),
         may_succeed=True),  # imported without a year
    Case("pubmed_xml_entity_expansion", LIT, _bytes("laughs.xml", _billion_laughs)),
    Case("pubmed_xml_deep_nesting", LIT, _bytes("deep.xml", _deep_xml)),
    Case("pubmed_xml_truncated", LIT, _bytes("cut.xml", lambda: b"<PubmedArticleSet><PubmedArticle><Medline")),
    Case("csl_json_negative_year", LIT, _bytes("neg.json", lambda: _csl({"issued": {"date-parts": [[-5000]]}})),
         may_succeed=True),  # imported without a year; search and facets keep working (checked after each case)
    Case("csl_json_year_2_pow_32", LIT, _bytes("big.json", lambda: _csl({"issued": {"date-parts": [[2 ** 32]]}})),
         may_succeed=True),
    Case("csl_json_5000_digit_year", LIT, _bytes("long.json", lambda: _csl({}).replace(
        b'"id"', f'"issued": {{"date-parts": [[{LONG_INT}]]}}, "id"'.encode()))),
    Case("csl_json_deep_nesting", LIT, _bytes("deep.json", lambda: b"[" * 100_000 + b"]" * 100_000)),
    Case("pdf_garbage", LIT, _bytes("fake.pdf", lambda: b"%PDF-1.4\n" + bytes(range(256)) * 100)),
    # -- drug packs ----------------------------------------------------------------------------------------------
    Case("ddinter_header_only", (*PACK, "ddinter"), _ddinter("")),
    Case("ddinter_self_pairs_only", (*PACK, "ddinter"), _ddinter("DDInter1,Warfarin,DDInter1,Warfarin,Major\n")),
    Case("ddinter_50mb_field", (*PACK, "ddinter"), _ddinter("DDInter1,Warfarin,DDInter2," + "A" * BIG_FIELD
                                                             + ",Major\n")),
    Case("ansm_class_explosion", (*PACK, "ansm"), _ansm_explosion),
    Case("atc_garbage", (*PACK, "atc"), _bytes("atc.csv", lambda: bytes(range(256)) * 100)),
)
