"""The Medications tab beyond prescribing: stop a medication (timeline entry, audit, its re-check alerts closed, undo
through the page's undo bar), open a medication's monograph in the Drugs room, and the red mark on the patient card
while re-check alerts are open."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from PySide6.QtGui import QColor
from sqlalchemy import select

from cdss.db.models import AuditLogRow
from cdss.records.service import RecordsService
from cdss.records.types import LabResult, Medication, Sex
from cdss.ui import palette


@pytest.fixture()
def metformin_patient(qtbot, main_window):
    """A patient on warfarin and metformin whose creatinine rose to 260 µmol/L: a renal alert is open on the case."""
    workspace = main_window.ctx.workspace
    service = RecordsService(workspace)
    patient = service.patients.create("Renal Patient", sex=Sex.MALE, birth_date=dt.date(1950, 1, 1))
    case = service.cases.create(patient.id, "Type 2 diabetes")
    service.medications.add(patient.id, Medication("warfarin", "3 mg qd"))
    service.medications.add(patient.id, Medication("metformin", "500 mg bid"))
    service.labs.add(patient.id, LabResult("Body Weight", dt.datetime(2025, 1, 2), value=78, unit="kg",
                                          loinc="29463-7"), case.id)
    service.labs.add(patient.id, LabResult("Serum creatinine", dt.datetime(2025, 1, 2), value=80, unit="µmol/L",
                                          loinc="14682-9"), case.id)
    page = main_window.room_pages["records"]
    page.search()
    page.open_patient(patient.id)
    page._select_case(case.id)
    page.tabs.setCurrentWidget(page.medications_panel)
    panel, banner = page.medications_panel, page.case_alerts
    qtbot.waitUntil(lambda: panel.case_context is not None and main_window.ctx.tasks.pending == 0, timeout=15000)
    risen = service.labs.add(patient.id, LabResult("Serum creatinine", dt.datetime(2025, 3, 2), value=260,
                                                  unit="µmol/L", loinc="14682-9"), case.id)
    handle = banner.recheck_after_lab(risen.id)
    qtbot.waitUntil(lambda: handle.is_done, timeout=5000)
    assert any(a.alert.drugs == ("metformin",) for a in banner.alerts)
    qtbot.waitUntil(lambda: main_window.ctx.tasks.pending == 0, timeout=5000)
    return page, panel, service, patient, case


def _item(panel, name):
    return next((item for item in panel.items if item.medication.name == name), None)


def test_stop_a_medication_closes_its_alerts_and_undo_brings_it_back(qtbot, main_window, metformin_patient):
    page, panel, service, patient, case = metformin_patient
    banner = page.case_alerts
    before = len(banner.alerts)
    metformin = _item(panel, "metformin")
    assert metformin is not None and metformin.stop_button.isVisibleTo(metformin)
    metformin.stop_button.click()
    qtbot.waitUntil(lambda: panel.last_stop is not None and panel.last_stop.is_done, timeout=5000)
    qtbot.waitUntil(lambda: main_window.ctx.tasks.pending == 0 and _item(panel, "metformin") is None
                    and bool(panel.items), timeout=5000)

    stopped = next(m for m in service.medications.for_patient(patient.id) if m.name == "metformin")
    assert not stopped.active and stopped.end == dt.date.today()
    assert not any("metformin" in a.alert.drugs for a in banner.alerts)
    assert len(banner.alerts) < before
    assert "Stopped metformin 500 mg bid." in page.timeline.toPlainText()
    assert page.alert_counts[patient.id] == len(banner.alerts)
    with main_window.ctx.workspace.unit_of_work() as session:
        assert session.scalars(select(AuditLogRow).where(AuditLogRow.action == "stop")).all()
    assert page.editor.bar.isVisible() and "metformin stopped" in page.editor.bar.message.text()

    page.editor.bar.undo_button.click()
    qtbot.waitUntil(lambda: main_window.ctx.tasks.pending == 0 and _item(panel, "metformin") is not None,
                    timeout=5000)
    assert next(m for m in service.medications.for_patient(patient.id) if m.name == "metformin").active
    qtbot.waitUntil(lambda: len(banner.alerts) == before, timeout=5000)
    assert "Stopped metformin" not in page.timeline.toPlainText()
    assert page.alert_counts[patient.id] == before


def test_a_medication_name_opens_its_monograph_in_the_drugs_room(qtbot, main_window, metformin_patient):
    _page, panel, _service, _patient, _case = metformin_patient
    warfarin = _item(panel, "warfarin")
    assert "<a href='warfarin'" in warfarin.name.text()
    warfarin.name.linkActivated.emit("warfarin")  # what a click on the link does
    assert main_window.current_room() == "drugs"
    drugs = main_window.room_pages["drugs"]
    assert drugs.shown_drug_id == "warfarin"
    qtbot.waitUntil(lambda: drugs.ready, timeout=15000)  # asked before the catalog loaded: shown once it has
    qtbot.waitUntil(lambda: "Warfarin" in drugs.monograph.toPlainText(), timeout=3000)
    drugs.show_drug("metformin")  # once loaded, at once
    assert "Metformin" in drugs.monograph.toPlainText()


def test_unresolved_medication_name_is_not_a_link(qtbot, main_window, metformin_patient):
    page, panel, service, patient, _case = metformin_patient
    service.medications.add(patient.id, Medication("Grandma's herbal tea"))
    handle = panel.refresh()
    qtbot.waitUntil(lambda: handle.is_done and _item(panel, "Grandma's herbal tea") is not None, timeout=5000)
    assert "<a " not in _item(panel, "Grandma's herbal tea").name.text()


def test_patient_card_shows_a_red_mark_while_alerts_are_open(qtbot, main_window, metformin_patient):
    page, _panel, _service, patient, _case = metformin_patient
    page.search()  # a fresh page of cards reads the counts with one query
    assert page.alert_counts[patient.id] == len(page.case_alerts.alerts) > 0
    row = next(r for r in range(page.model.rowCount()) if page.model.row_at(r).id == patient.id)
    rect = page.patient_list.visualRect(page.model.index(row, 0))
    image = page.patient_list.viewport().grab(rect).toImage()
    red = QColor(palette.current().danger).rgb()  # the badge of unreviewed alerts
    assert any(image.pixel(x, y) == red for x in range(image.width()) for y in range(image.height()))
    # Reviewing every alert takes the mark away.
    for open_alert in list(page.case_alerts.alerts):
        handle = page.case_alerts.mark_reviewed(open_alert.id)
        qtbot.waitUntil(lambda h=handle: h.is_done, timeout=5000)
    assert page.alert_counts[patient.id] == 0
    image = page.patient_list.viewport().grab(rect).toImage()
    assert not any(image.pixel(x, y) == red for x in range(image.width()) for y in range(image.height()))


def test_hiding_minor_alerts_in_settings_updates_the_badge_and_the_banner(qtbot, main_window, metformin_patient):
    from cdss.cds.models import OpenAlertRow

    page, _panel, _service, patient, _case = metformin_patient
    page.search()
    shown = len(page.case_alerts.alerts)
    assert page.alert_counts[patient.id] == shown > 0
    with main_window.ctx.workspace.unit_of_work() as session:  # make the first open alert a minor one
        row = session.get(OpenAlertRow, page.case_alerts.alerts[0].id)
        alert = json.loads(row.alert_json)
        assert alert["severity"] != "minor"
        row.severity, row.alert_json = "minor", json.dumps({**alert, "severity": "minor"})
    main_window.ctx.settings.set("drugs.hide_minor_alerts", True)
    try:
        main_window.settings_changed()
        qtbot.waitUntil(lambda: main_window.ctx.tasks.pending == 0 and len(page.case_alerts.alerts) == shown - 1,
                        timeout=5000)
        qtbot.waitUntil(lambda: page.alert_counts[patient.id] == shown - 1, timeout=5000)
    finally:
        main_window.ctx.settings.set("drugs.hide_minor_alerts", False)
