"""Coded import problems (code + parameters for the UI), the CLI's one mapping reader, and correcting labs and
follow-ups (update_lab, update_follow_up; labs of deleted timeline entries hidden until undo)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from cdss.errors import ImportRejected
from cdss.records.changes import FollowUpChanges, LabChanges
from cdss.records.fhir_import import import_bundle
from cdss.records.service import RecordsService
from cdss.records.tabular_import import load, validate
from cdss.records.types import Entry, EntryKind, LabResult
from cdss.workspace import Workspace


def test_row_problems_carry_code_and_parameters(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("姓名,性别,电话,诊断\n张三,未说明,12,肺炎\n", encoding="utf-8")
    report = validate(path)
    problems = {p.code: p for p in report.problems}
    assert set(problems) == {"unknown_sex", "bad_phone", "missing_visit_date"}
    assert problems["unknown_sex"].params == {"value": "未说明", "field": "sex"}
    assert problems["bad_phone"].params["value"] == "12"
    assert problems["missing_visit_date"].params["field"] == "diagnosis"
    assert str(problems["unknown_sex"]).startswith("row 2, column '性别':")  # the English text the CLI prints
    with pytest.raises(ImportRejected) as info:
        load(path)
    assert info.value.code == "table_rows_invalid"
    assert info.value.params["name"] == "bad.csv" and info.value.params["rows"] == 1
    assert [p.code for p in info.value.params["row_problems"]] == [p.code for p in report.problems]


def test_fhir_refusals_name_where_with_parameters() -> None:
    bundle = {"resourceType": "Bundle", "type": "collection",
              "entry": [{"resource": {"resourceType": "Patient", "id": "p1"}}]}
    with pytest.raises(ImportRejected) as info:
        import_bundle(bundle)
    assert info.value.code == "fhir_patient_without_name"
    assert info.value.params == {"where": "entry 1 (Patient/p1)"}


def test_cli_mapping_uses_the_shared_reader_and_accepts_csv(tmp_path: Path, capsys) -> None:
    from cdss.cli import main

    table = tmp_path / "list.csv"
    table.write_text("病人,性别\n王五,男\n", encoding="utf-8")
    mapping = tmp_path / "mapping.csv"
    mapping.write_text("column,field\n病人,name\n", encoding="utf-8")
    base = ["--workspace", str(tmp_path / "ws"), "records", "import", str(table), "--mapping"]
    assert main([*base, str(mapping)]) == 0
    assert "added 1" in capsys.readouterr().out
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    assert main([*base, str(broken)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"cdss: cannot read the mapping file {broken}:") and "Expecting" in err
    assert err.count("mapping file") == 1  # said once, not repeated from the domain message


@pytest.fixture()
def service(tmp_path):
    ws = Workspace.open(tmp_path / "ws")
    yield RecordsService(ws)
    ws.close()


def test_update_lab_and_follow_up(service) -> None:
    patient = service.patients.create("Ann Lee")
    case = service.cases.create(patient.id, "CKD", opened_on=dt.date(2024, 1, 1))
    lab = service.labs.add(patient.id, LabResult("eGFR", dt.datetime(2024, 1, 2, 8), 41, "41", "mL/min/1.73m²"),
                          case_id=case.id)
    fixed = service.labs.update(lab.id, LabChanges(taken_at=dt.datetime(2024, 1, 2, 9), value=44, value_text="44",
                                                   loinc="62238-1"))
    assert (fixed.id, fixed.value, fixed.loinc, fixed.taken_at.hour) == (lab.id, 44, "62238-1", 9)
    assert [x.value for x in service.cases.get(case.id).labs] == [44]  # still on its case
    follow_up = service.follow_ups.add(case.id, dt.date(2024, 2, 1), "recheck")
    moved = service.follow_ups.update(follow_up.id, FollowUpChanges(due=dt.date(2024, 2, 15), note="  recheck eGFR "))
    assert (moved.due, moved.note, moved.done) == (dt.date(2024, 2, 15), "recheck eGFR", False)


def test_a_lab_on_a_deleted_entry_is_hidden_until_undo(service) -> None:
    patient = service.patients.create("Bo Chen")
    case = service.cases.create(patient.id, "Hyperkalaemia", opened_on=dt.date(2024, 1, 1))
    entry = service.cases.add_entry(case.id, Entry(EntryKind.TEST, dt.datetime(2024, 1, 1, 8),
                                             lab=LabResult("Potassium", dt.datetime(2024, 1, 1, 8), 6.1)))
    assert [x.name for x in service.labs.for_patient(patient.id)] == ["Potassium"]
    service.cases.delete_entry(entry.id)
    assert service.labs.for_patient(patient.id) == []
    service.cases.restore_entry(entry.id)
    assert [x.value for x in service.labs.for_patient(patient.id)] == [6.1]


def test_mapping_errors_are_coded(tmp_path: Path) -> None:
    from cdss.errors import UserError
    from cdss.records.tabular_fields import load_mapping_file

    cases = {"a.json": ("[1]", "mapping_not_object"), "b.json": ("{oops", "mapping_not_json"),
             "c.csv": ("only-one-cell\n", "mapping_csv_short_row")}
    for name, (text, code) in cases.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        with pytest.raises(UserError) as info:
            load_mapping_file(tmp_path / name)
        assert info.value.code == code and info.value.params["name"] == name
    with pytest.raises(UserError) as info:
        load_mapping_file(tmp_path / "missing.json")
    assert info.value.code == "mapping_unreadable" and info.value.params["reason"]


def test_purging_an_old_deleted_entry_takes_its_lab_with_it(service) -> None:
    patient = service.patients.create("Cy Wu")
    case = service.cases.create(patient.id, "AKI", opened_on=dt.date(2024, 1, 1))
    entry = service.cases.add_entry(case.id, Entry(EntryKind.TEST, dt.datetime(2024, 1, 1, 8),
                                             lab=LabResult("Creatinine", dt.datetime(2024, 1, 1, 8), 210)))
    kept = service.labs.add(patient.id, LabResult("Creatinine", dt.datetime(2024, 1, 3, 8), 150), case_id=case.id)
    service.cases.delete_entry(entry.id)
    # now() has whole seconds: a negative age makes "deleted just now" count as expired
    assert service.cases.purge_deleted_entries(older_than=dt.timedelta(seconds=-2)) == 1
    assert [lab.id for lab in service.labs.for_patient(patient.id)] == [kept.id]
    assert [lab.id for lab in service.cases.get(case.id).labs] == [kept.id]
