"""Hostile and broken files meet a clear refusal, never a hang, a memory blow-up, a silent loss or a damaged store:
a CSV cut inside a quoted field, workbooks naming a far cell or unpacking to gigabytes, drug-pack files that would
empty a pack, CSL-JSON years no calendar has."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from cdss.errors import ImportRejected
from cdss.records.tabular_import import load


def test_a_csv_cut_inside_a_quoted_field_is_refused_not_swallowed(tmp_path: Path) -> None:
    path = tmp_path / "cut.csv"
    path.write_text('姓名,性别,备注\n张三,男,"腹痛\n李四,女,头痛\n王五,男,发热\n', encoding="utf-8")
    with pytest.raises(ImportRejected) as info:
        load(path)
    assert info.value.code == "csv_unreadable" and "cut.csv" in str(info.value)


def test_a_workbook_naming_a_far_cell_is_refused_before_it_is_read(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet["A1"], sheet["B1"], sheet["A2"] = "姓名", "性别", "张三"
    sheet["XFD3"] = "x"  # the last column of Excel: pandas would pad every row to 16,384 cells
    path = tmp_path / "far.xlsx"
    book.save(path)
    assert path.stat().st_size < 20_000
    with pytest.raises(ImportRejected) as info:
        load(path)
    assert info.value.code == "table_too_large"


def test_a_workbook_that_unpacks_to_far_more_than_it_weighs_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"<" + b" " * (40 * 1024 * 1024) + b"/>")
    assert path.stat().st_size < 1_000_000
    with pytest.raises(ImportRejected) as info:
        load(path)
    assert info.value.code == "xlsx_too_large"


def test_a_drug_pack_import_that_would_empty_a_pack_is_refused_and_the_old_pack_kept(tmp_path: Path) -> None:
    from cdss.drugs.importers import import_pack_into
    from cdss.drugs.packs import PackStore

    store = PackStore(tmp_path / "packs")
    good = tmp_path / "ddinter_downloads_code_A.csv"
    good.write_text("DDInterID_A,Drug_A,DDInterID_B,Drug_B,Level\nDDInter1,Warfarin,DDInter2,Aspirin,Major\n",
                    encoding="utf-8")
    import_pack_into(store, "ddinter", [good])
    header_only = tmp_path / "empty" / "ddinter_downloads_code_A.csv"
    header_only.parent.mkdir()
    header_only.write_text("DDInterID_A,Drug_A,DDInterID_B,Drug_B,Level\nDDInter1,Warfarin,DDInter1,Warfarin,Major\n",
                           encoding="utf-8")
    with pytest.raises(ImportRejected) as info:
        import_pack_into(store, "ddinter", [header_only])
    assert info.value.code in ("pack_would_be_empty", "ddinter_no_pairs")
    (kept,) = store.load_all()
    assert len(kept.interactions) == 1


@pytest.mark.parametrize("year", [-5, 2**40, "9" * 5000, 0])
def test_csl_json_years_no_calendar_has_are_left_out(tmp_path: Path, year) -> None:
    from cdss.literature.importers.csl_json import parse_csl_json

    path = tmp_path / "refs.json"
    text = json.dumps([{"type": "article-journal", "title": "A trial of warfarin dosing in the elderly",
                        "issued": {"date-parts": [[year]]}}])
    (reference,) = parse_csl_json(text, path)
    assert reference.year is None and reference.title.startswith("A trial")


def test_bibtex_string_macros_doubling_at_every_level_are_refused_quickly(tmp_path: Path) -> None:
    import time

    from cdss.literature.importers.bibtex import parse_bibtex

    lines = ['@string{m0 = "xxxxxxxxxx"}'] + [f"@string{{m{i} = m{i - 1} # m{i - 1}}}" for i in range(1, 60)]
    lines.append("@article{k, title = m59, year = 2020}")
    started = time.perf_counter()
    with pytest.raises(ImportRejected) as info:
        parse_bibtex("\n".join(lines), tmp_path / "bomb.bib")
    assert info.value.code == "import_malformed" and "expanding" in str(info.value)
    assert time.perf_counter() - started < 5


def test_an_ansm_class_expanding_to_millions_of_pairs_is_refused(tmp_path: Path) -> None:
    from cdss.drugs.importers.ansm_fr import import_ansm_fr

    members = [{"substance": f"substance {i}", "drug_classes": ["classe enorme"]} for i in range(3000)]
    thesaurus = [{"main_drug": "CLASSE ENORME", "plus_drug": "CLASSE ENORME", "between_main_and_plus_drug": "",
                  "severity_levels": [{"level": "Contre-indication", "info": ""}], "interaction_mechanism": "x",
                  "description": ""}]
    with pytest.raises(ImportRejected) as info:
        import_ansm_fr(thesaurus, tmp_path / "t.json", members, tmp_path / "i.json", None, imported_at="now")
    assert info.value.code == "ansm_too_many_pairs"


def test_a_lone_surrogate_is_stored_as_a_replacement_character_not_a_crash(tmp_path: Path) -> None:
    from cdss.literature.importers.csl_json import parse_csl_json
    from cdss.records.fhir_import import read_fhir_file
    from cdss.records.service import RecordsService
    from cdss.workspace import Workspace

    bundle = {"resourceType": "Bundle", "type": "collection", "entry": [{"resource": {
        "resourceType": "Patient", "id": "p1", "name": [{"text": "Zhang \ud800 San"}], "gender": "male"}}]}
    path = tmp_path / "bundle.json"
    path.write_text(json.dumps(bundle), encoding="utf-8")  # json.dumps writes the surrogate as \\ud800
    records = read_fhir_file(path)
    assert records[0].name == "Zhang \ufffd San"
    workspace = Workspace.open(tmp_path / "ws")
    try:
        (patient_id,) = RecordsService(workspace).patients.save_records(records).added
        assert RecordsService(workspace).patients.get(patient_id).name == "Zhang \ufffd San"
    finally:
        workspace.close()
    (reference,) = parse_csl_json(json.dumps([{"type": "article", "title": "Warfarin \udc00 dosing trial"}]),
                                  tmp_path / "r.json")
    assert reference.title == "Warfarin \ufffd dosing trial"
