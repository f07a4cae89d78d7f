"""The Labs tab: a table of results with out-of-range values flagged, and a QtCharts trend loaded on first show."""

from __future__ import annotations

import datetime as dt
import sys

import pytest

from cdss.records.service import RecordsService
from cdss.records.types import LabResult
from tests.ui.conftest import settle


@pytest.fixture()
def with_labs(qtbot, main_window):
    service = RecordsService(main_window.ctx.workspace)
    patient = service.patients.create("王五", birth_date=dt.date(1955, 2, 1))
    service.cases.create(patient.id, "慢性肾脏病", opened_on=dt.date(2024, 1, 5))
    for day, value in ((5, 88.0), (40, 121.0), (80, 150.0)):
        service.labs.add(patient.id, LabResult("Creatinine", dt.datetime(2024, 1, 1) + dt.timedelta(days=day),
                                              value=value, unit="µmol/L", ref_low=57, ref_high=111))
    for day, sys_bp, dia_bp in ((5, 150, 95), (40, 138, 85)):
        when = dt.datetime(2024, 1, 1, 9) + dt.timedelta(days=day)
        service.labs.add(patient.id, LabResult("Systolic blood pressure", when, value=sys_bp, unit="mmHg",
                                              ref_high=140))
        service.labs.add(patient.id, LabResult("Diastolic blood pressure", when, value=dia_bp, unit="mmHg",
                                              ref_high=90))
    page = main_window.room_pages["records"]
    page.search()
    settle(qtbot, page.ctx.tasks)
    page.search_box.setText("王五")
    settle(qtbot, page.ctx.tasks)
    return main_window, page


def test_lab_table_lists_and_flags_out_of_range(qtbot, with_labs):
    _window, page = with_labs
    table = page.labs_panel.table
    assert table.rowCount() == 7
    rows = {(table.item(r, 1).text(), table.item(r, 0).text()[:10]): r for r in range(table.rowCount())}
    high = rows[("Creatinine", "2024-03-21")]
    assert table.item(high, 2).text() == "150 ↑" and table.item(high, 5).text() == "Out of range"
    assert table.item(high, 4).text() == "57–111" and table.item(high, 3).text() == "µmol/L"
    normal = rows[("Creatinine", "2024-01-06")]
    assert table.item(normal, 5).text() == ""


def test_chart_is_built_lazily_and_pairs_blood_pressure(qtbot, with_labs):
    window, page = with_labs
    assert page.labs_panel.chart_view is None
    page.tabs.setCurrentWidget(page.labs_panel)
    qtbot.waitUntil(lambda: page.labs_panel.chart_view is not None, timeout=3000)
    assert "PySide6.QtCharts" in sys.modules
    labels = [page.labs_panel.measure_combo.itemText(i) for i in range(page.labs_panel.measure_combo.count())]
    assert "Systolic blood pressure / Diastolic blood pressure" in labels
    page.labs_panel.measure_combo.setCurrentIndex(labels.index("Systolic blood pressure / Diastolic blood pressure"))
    chart = page.labs_panel.chart_view.chart()
    names = [s.name() for s in chart.series()]
    assert "Systolic blood pressure" in names and "Diastolic blood pressure" in names
    assert any("Reference range" in n for n in names)
    page.labs_panel.measure_combo.setCurrentIndex(labels.index("Creatinine (µmol/L)"))
    line = next(s for s in page.labs_panel.chart_view.chart().series() if s.name() == "Creatinine")
    assert [p.y() for p in line.points()] == [88.0, 121.0, 150.0]
    window.resize(1200, 800)
    assert not window.grab().isNull()


def test_patient_without_labs_shows_an_empty_hint(qtbot, main_window):
    service = RecordsService(main_window.ctx.workspace)
    service.patients.create("Ann Lee")
    page = main_window.room_pages["records"]
    page.search()
    settle(qtbot, page.ctx.tasks)
    assert page.labs_panel.table.rowCount() == 0
    assert page.labs_panel.measure_combo.count() == 0
    assert not page.labs_panel.empty_label.isHidden()


def test_start_up_does_not_import_qtcharts(tmp_path):
    # A fresh interpreter: in this one an earlier test may already have loaded QtCharts.
    import os
    import subprocess

    script = ("import sys, pathlib\nfrom cdss.app import build_main_window\n"
              f"app, w = build_main_window(pathlib.Path({str(tmp_path / 'ws')!r}), language='en')\n"
              "w.show(); app.processEvents()\nprint('PySide6.QtCharts' in sys.modules)\n"
              "w.ctx.tasks.wait_all(); w.ctx.workspace.close()\n")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "False"


def test_inr_on_warfarin_is_judged_against_the_target_with_its_band(qtbot, main_window):
    from cdss.records.types import Medication

    service = RecordsService(main_window.ctx.workspace)
    patient = service.patients.create("赵六", birth_date=dt.date(1950, 2, 1))
    service.medications.add(patient.id, Medication("华法林", "3 mg qd"))
    for day, value in ((1, 1.6), (8, 2.3)):
        service.labs.add(patient.id, LabResult("INR", dt.datetime(2026, 11, day, 8), value=value, ref_low=0.8,
                                              ref_high=1.2, loinc="6301-6"))
    page = main_window.room_pages["records"]
    page.open_patient(patient.id)
    settle(qtbot, page.ctx.tasks)
    table = page.labs_panel.table
    rows = {table.item(r, 0).text()[:10]: r for r in range(table.rowCount())}
    on_target, below = rows["2026-11-08"], rows["2026-11-01"]
    assert table.item(on_target, 2).text() == "2.3" and table.item(on_target, 5).text() == "In target"
    assert table.item(on_target, 4).text() == "0.8–1.2" and table.item(on_target, 6).text() == "2–3 (华法林)"
    assert table.item(below, 2).text() == "1.6 ↓" and table.item(below, 5).text() == "Below target"
    page.tabs.setCurrentWidget(page.labs_panel)
    qtbot.waitUntil(lambda: page.labs_panel.chart_view is not None, timeout=3000)
    names = [s.name() for s in page.labs_panel.chart_view.chart().series()]
    assert "INR: Target 2–3" in names and "INR: Reference range" in names
