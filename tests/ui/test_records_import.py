"""The import dialog: FHIR straight in; CSV mapped, dry-run checked, imported only when clean; the list refreshes."""

from __future__ import annotations

import datetime as dt

import pytest

from cdss.records.fhir_export import write_case_bundle
from cdss.records.service import RecordsService
from tests.ui.conftest import settle

GOOD_CSV = ("姓名,性别,出生日期,就诊日期,诊断,备注栏\n赵六,男,1970-04-02,2024-03-01,高血压,first\n"
            "钱七,女,1982-11-30,2024-03-02,2型糖尿病,second\n")
BAD_CSV = "姓名,性别,出生日期\n孙八,男,not a date\n"


@pytest.fixture()
def dialog(main_window):
    page = main_window.room_pages["records"]
    page.search()
    return main_window, page, page.show_import()


def _wait(qtbot, handle):
    """The task, and the redraw it sets off (the patient is read again on the read pool), are both done."""
    assert handle is not None
    qtbot.waitUntil(lambda: handle.is_done, timeout=10_000)
    settle(qtbot, handle.parent())


def test_fhir_file_imports_directly_and_refreshes_the_list(qtbot, dialog, tmp_path):
    window, page, importer = dialog
    service = RecordsService(window.ctx.workspace)
    patient = service.patients.create("周九", birth_date=dt.date(1966, 6, 6))
    case = service.cases.create(patient.id, "冠心病", opened_on=dt.date(2024, 2, 2))
    bundle = write_case_bundle(tmp_path / "zhou.json", service.patients.get(patient.id), case)
    service.patients.delete(patient.id)
    page.search()
    assert page.model.total == 0
    importer.add_files([bundle])
    _wait(qtbot, importer.last_handle)
    assert "patients imported: 1;" in importer.log_view.toPlainText()
    qtbot.waitUntil(lambda: page.model.total == 1, timeout=5000)
    assert service.patients.page()[0].name == "周九"


def test_csv_mapping_dry_run_then_import(qtbot, dialog, tmp_path):
    window, page, importer = dialog
    path = tmp_path / "patients.csv"
    path.write_text(GOOD_CSV, encoding="utf-8")
    importer.add_files([path])
    _wait(qtbot, importer.last_handle)
    assert importer.columns == ("姓名", "性别", "出生日期", "就诊日期", "诊断", "备注栏")
    mapping = importer.current_mapping()
    assert mapping["姓名"] == "name" and mapping["诊断"] == "diagnosis" and mapping["备注栏"] == "ignore"
    assert importer.report.ok and importer.import_button.isEnabled()
    # Map the unknown column by hand: a new dry run must pass before Import is offered again.
    combo = importer.mapping_table.cellWidget(5, 1)
    combo.setCurrentIndex(combo.findData("notes"))
    assert not importer.import_button.isEnabled()
    _wait(qtbot, importer.last_handle)
    assert importer.import_button.isEnabled()
    handle = importer.import_table()
    _wait(qtbot, handle)
    assert "patients imported: 2;" in importer.log_view.toPlainText()
    qtbot.waitUntil(lambda: page.model.total == 2, timeout=5000)
    names = {p.name for p in RecordsService(window.ctx.workspace).patients.page()}
    assert names == {"赵六", "钱七"}


def test_invalid_table_cannot_be_imported(qtbot, dialog, tmp_path):
    window, _page, importer = dialog
    path = tmp_path / "bad.csv"
    path.write_text(BAD_CSV, encoding="utf-8")
    importer.add_files([path])
    _wait(qtbot, importer.last_handle)
    assert importer.report is not None and not importer.report.ok
    assert "Row 2, column" in importer.report_view.toPlainText()
    assert not importer.import_button.isEnabled()
    assert importer.import_table() is None
    assert RecordsService(window.ctx.workspace).patients.count() == 0


def test_unrecognised_file_is_reported_not_imported(qtbot, dialog, tmp_path):
    window, _page, importer = dialog
    path = tmp_path / "photo.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
    importer.add_files([path])
    assert "photo.png" in importer.log_view.toPlainText()
    assert RecordsService(window.ctx.workspace).patients.count() == 0


def test_row_problems_and_refusals_are_said_from_their_codes(qtbot):
    """The dialog words problems from code + parameters (translatable), not from the importer's English sentence."""
    from cdss.errors import ImportRejected
    from cdss.records.tabular_import import RowProblem
    from cdss.ui.records.import_texts import import_error_text, row_problem_text

    problem = RowProblem(4, "性别", "unknown_sex", "(English only)", "x", {"value": "x", "field": "sex"})
    assert row_problem_text(problem) == "Row 4, column “性别”: “x” is not a sex value; use 男/女, M/F or male/female."
    dated = RowProblem(2, "诊断", "missing_visit_date", "(English only)", "肺炎",
                       {"value": "肺炎", "field": "diagnosis"})
    assert row_problem_text(dated).startswith("Row 2, column “诊断”: Diagnosis needs the date")
    unknown = RowProblem(3, None, "some_new_code", "an English fallback.")
    assert row_problem_text(unknown) == "Row 3: an English fallback."
    refused = ImportRejected("table_rows_invalid", "(English only)", name="a.csv", rows=1, row_problems=(problem,))
    assert import_error_text(refused).splitlines() == [
        "a.csv: nothing was imported because 1 rows have problems.", row_problem_text(problem)]
    cut = ImportRejected("fhir_not_json", "(English only)", name="b.json", line=1, column=9, truncated=True)
    assert "looks truncated" in import_error_text(cut)
