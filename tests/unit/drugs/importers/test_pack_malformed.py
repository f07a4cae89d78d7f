"""Malformed input: every importer refuses it with ImportRejected naming the problem, and nothing is stored."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cdss.drugs.importers import import_pack, import_pack_into
from cdss.drugs.importers import reading as reading_module
from cdss.drugs.packs import PackStore
from cdss.errors import Cancelled, ImportRejected
from cdss.progress import Progress

DDINTER_HEADER = "DDInterID_A,Drug_A,DDInterID_B,Drug_B,Level\n"
DDINTER_GOOD = DDINTER_HEADER + "DDInter1,Abacavir,DDInter1263,Naltrexone,Moderate\n" \
    "DDInter1675,Simvastatin,DDInter393,Clarithromycin,Major\n"
ATC_GOOD = "atc_code,atc_name,ddd,uom,adm_r,note\nA,ALIMENTARY TRACT AND METABOLISM,NA,NA,NA,NA\n" \
    "A01AA01,sodium fluoride,1.1,mg,O,0.5 mg fluoride\n"
ANSM_ENTRY = {"main_drug": "ABATACEPT", "between_main_and_plus_drug": "", "plus_drug": "ANTI-TNF ALPHA",
              "severity_levels": [{"level": "Association DECONSEILLEE", "info": ""}],
              "interaction_mechanism": "Majoration de l’immunodépression.", "description": ""}


def _write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


def _rejected(format_name: str, *paths: Path) -> ImportRejected:
    with pytest.raises(ImportRejected) as caught:
        import_pack(format_name, list(paths))
    return caught.value


# -- good synthetic files parse (so the failures below are about the damage, not the fixture) ------------------
def test_synthetic_good_files_import(tmp_path: Path) -> None:
    pack = import_pack("ddinter", [_write(tmp_path, "ddinter_downloads_code_A.csv", DDINTER_GOOD)])
    assert [(i.drug_a, i.drug_b, i.severity) for i in pack.interactions] == [
        ("abacavir", "naltrexone", "moderate"), ("clarithromycin", "simvastatin", "major")]
    assert len(import_pack("atc", [_write(tmp_path, "atc.csv", ATC_GOOD)]).atc) == 2
    ansm = import_pack("ansm", [_write(tmp_path, "t.json", json.dumps([ANSM_ENTRY]))])
    assert [(i.drug_a, i.drug_b, i.severity) for i in ansm.interactions] == [("abatacept", "anti-tnf alpha", "major")]


def test_utf8_bom_and_crlf_are_accepted(tmp_path: Path) -> None:
    content = "\ufeff" + DDINTER_GOOD.replace("\n", "\r\n")
    pack = import_pack("ddinter", [_write(tmp_path, "a.csv", content)])
    assert len(pack.interactions) == 2 and pack.interactions[0].drug_a_id == "DDInter1"


# -- DDInter ----------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("content", "code"), [
    (DDINTER_GOOD[:-40], "row_wrong_width"),  # cut mid-row
    (DDINTER_GOOD[:-4], "ddinter_unknown_level"),  # cut inside the last cell: "Ma" is no level
    (DDINTER_HEADER + 'DDInter1,"Abacavir,DDInter2,X,Major\n', "csv_malformed"),  # cut inside a quoted name
    ("DDInterID_A,Drug_A,Drug_B,Level\nDDInter1,a,b,Major\n", "columns_missing"),
    ("", "file_empty"),
    ("\n\n", "file_empty"),
    (DDINTER_HEADER + "DDInter1,Abacavir,DDInter2,X,Severe\n", "ddinter_unknown_level"),
    (DDINTER_HEADER + "D1,Abacavir,DDInter2,X,Major\n", "ddinter_bad_id"),
])
def test_ddinter_damaged(tmp_path: Path, content: str, code: str) -> None:
    error = _rejected("ddinter", _write(tmp_path, "ddinter_downloads_code_A.csv", content))
    assert error.code == code
    assert "ddinter_downloads_code_A.csv" in error.message


def test_ddinter_message_names_line_and_columns(tmp_path: Path) -> None:
    error = _rejected("ddinter", _write(tmp_path, "d.csv", DDINTER_GOOD + "DDInter5,Foo,DDInter6\n"))
    assert error.params["line"] == 4
    assert "line 4" in error.message and "DDInterID_A, Drug_A, DDInterID_B, Drug_B, Level" in error.message


def test_ddinter_gbk_encoded_is_refused(tmp_path: Path) -> None:
    content = (DDINTER_HEADER + "DDInter1,阿巴卡韦,DDInter1263,纳曲酮,Moderate\n").encode("gbk")
    error = _rejected("ddinter", _write(tmp_path, "gbk.csv", content))
    assert error.code == "file_not_utf8"
    assert "GBK/GB18030" in error.message and error.params["line"] == 2


def test_huge_field_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reading_module, "MAX_FIELD_CHARS", 1_000)
    huge = DDINTER_HEADER + f"DDInter1,{'x' * 5_000},DDInter2,B,Major\n"
    assert _rejected("ddinter", _write(tmp_path, "huge.csv", huge)).code == "field_too_long"
    # A single 10 MB line without a newline (a binary or a minified dump) is also refused, by the CSV reader.
    monkeypatch.undo()
    blob = DDINTER_HEADER + "DDInter1," + "y" * 10_000_000
    assert _rejected("ddinter", _write(tmp_path, "blob.csv", blob)).code in {"csv_malformed", "field_too_long"}


def test_oversized_file_is_refused_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reading_module, "MAX_FILE_BYTES", 100)
    assert _rejected("ddinter", _write(tmp_path, "big.csv", DDINTER_GOOD * 5)).code == "file_too_large"


def test_missing_file_and_folder(tmp_path: Path) -> None:
    assert _rejected("ddinter", tmp_path / "nope.csv").code == "file_not_found"
    assert _rejected("atc", tmp_path).code == "file_is_folder"


# -- ANSM -------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("content", "code"), [
    ("this is not json", "json_invalid"),
    (json.dumps([ANSM_ENTRY, ANSM_ENTRY])[:-30], "json_invalid"),  # truncated download
    (json.dumps({"entries": [ANSM_ENTRY]}), "ansm_bad_shape"),
    (json.dumps([]), "ansm_bad_shape"),
    (json.dumps([ANSM_ENTRY, {"main_drug": "X"}]), "ansm_bad_shape"),
    (json.dumps([{**ANSM_ENTRY, "severity_levels": [{"level": "Très grave"}]}]), "ansm_unknown_level"),
    (json.dumps([{**ANSM_ENTRY, "plus_drug": 3}]), "ansm_bad_shape"),
    ("", "file_empty"),
    ("[" * 100_000, "json_invalid"),  # hostile nesting
])
def test_ansm_damaged_json(tmp_path: Path, content: str, code: str) -> None:
    error = _rejected("ansm", _write(tmp_path, "thesaurus.json", content))
    assert error.code == code
    assert "thesaurus.json" in error.message


def test_ansm_gbk_json_is_refused(tmp_path: Path) -> None:
    content = json.dumps([{**ANSM_ENTRY, "main_drug": "阿巴西普"}], ensure_ascii=False).encode("gb18030")
    assert _rejected("ansm", _write(tmp_path, "thesaurus.json", content)).code == "file_not_utf8"


def test_ansm_wrong_tsv_and_no_thesaurus(tmp_path: Path) -> None:
    assert _rejected("ansm", _write(tmp_path, "x.tsv", "a\tb\n1\t2\n")).code == "columns_missing"
    classes = _write(tmp_path, "class_members_en_2016.tsv", "Drug Name\tRxNorm\tClass Name\nA\t1\tC\n")
    assert _rejected("ansm", classes).code == "ansm_no_thesaurus"


def test_ansm_english_truncated_row(tmp_path: Path) -> None:
    header = ("Drug Interaction ID\tDrug 1 Name\tDrug 1 RxCUI\tDrug 1 Class Name\tDrug 1 Code\tDrug 2 Name\t"
              "Drug 2 RxCUI\tDrug 2 Class Name\tDrug 2 Code\tClinical Source\tSource File\tDescription\tSeverity\t"
              "Comment\n")
    path = _write(tmp_path, "interactions_en_2016.tsv", header + "0\tABATACEPT\t614391\t\t\tANTI\n")
    error = _rejected("ansm", path)
    assert error.code == "row_wrong_width" and error.params["line"] == 2


# -- ATC --------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("content", "code"), [
    ("code,name\nA,X\n", "columns_missing"),
    (ATC_GOOD + "A01AA0,broken\n", "row_wrong_width"),  # truncated
    (ATC_GOOD + "a1b2,odd,NA,NA,NA,NA\n", "atc_bad_code"),
    (ATC_GOOD + "A01AA02,odd,lots,mg,O,NA\n", "atc_bad_ddd"),
    ("atc_code,atc_name,ddd,uom,adm_r,note\n", "file_no_rows"),
    ("", "file_empty"),
])
def test_atc_damaged(tmp_path: Path, content: str, code: str) -> None:
    assert _rejected("atc", _write(tmp_path, "atc.csv", content)).code == code


def test_atc_gbk_is_refused(tmp_path: Path) -> None:
    content = (ATC_GOOD + "A01AA02,氟化钠,1,mg,O,NA\n").encode("gbk")
    assert _rejected("atc", _write(tmp_path, "atc.csv", content)).code == "file_not_utf8"


def test_unknown_format_and_no_files(tmp_path: Path) -> None:
    assert _rejected("rxnav", _write(tmp_path, "a.csv", ATC_GOOD)).code == "pack_format_unknown"
    with pytest.raises(ImportRejected):
        import_pack("atc", [])


# -- all or nothing ---------------------------------------------------------------------------------------------
def test_one_bad_file_stores_nothing_and_keeps_previous_pack(tmp_path: Path) -> None:
    store = PackStore(tmp_path / "packs")
    good = _write(tmp_path, "ddinter_downloads_code_A.csv", DDINTER_GOOD)
    import_pack_into(store, "ddinter", [good])
    before = (tmp_path / "packs" / "ddinter.json").read_bytes()
    bad = _write(tmp_path, "ddinter_downloads_code_B.csv", DDINTER_GOOD[:-40])
    with pytest.raises(ImportRejected):
        import_pack_into(store, "ddinter", [good, bad])
    assert (tmp_path / "packs" / "ddinter.json").read_bytes() == before
    assert [s.pairs for s in store.list()] == [2]


@pytest.mark.parametrize("format_name", ["ddinter", "ansm", "atc"])
def test_rejected_import_into_empty_store_writes_nothing(tmp_path: Path, format_name: str) -> None:
    store = PackStore(tmp_path / "packs")
    bad = _write(tmp_path, "bad.json" if format_name == "ansm" else "bad.csv", "garbage\x00\n")
    with pytest.raises(ImportRejected):
        import_pack_into(store, format_name, [bad])
    assert store.list() == []
    assert not (tmp_path / "packs").exists() or not any((tmp_path / "packs").iterdir())


def test_cross_reference_alone_is_not_a_pack(tmp_path: Path) -> None:
    xref = _write(tmp_path, "ddinter_drug_xref.csv", "DDInterID,drugbank_id,chembl_id,pubchem_cid\nDDInter1,DB1,,\n")
    assert _rejected("ddinter", xref).code == "ddinter_no_interaction_file"


def test_cancel_stops_the_import_and_stores_nothing(tmp_path: Path) -> None:
    store = PackStore(tmp_path / "packs")
    seen: list[tuple[int, int, str]] = []
    progress = Progress(lambda done, total, label: seen.append((done, total, label)))
    progress.cancel()
    with pytest.raises(Cancelled):
        import_pack_into(store, "ddinter", [_write(tmp_path, "a.csv", DDINTER_GOOD)], progress=progress)
    assert seen and seen[0][2] == "Reading a.csv"
    assert store.list() == []
