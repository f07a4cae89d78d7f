"""Add and correct labs, follow-ups and allergies from the Records page, with validation messages and undo."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDateTime

from cdss.records.service import RecordsService
from cdss.records.types import EntryKind, LabResult
from tests.ui.conftest import settle


@pytest.fixture()
def opened(qtbot, main_window):
    service = RecordsService(main_window.ctx.workspace)
    patient = service.patients.create("陈静", birth_date=dt.date(1956, 8, 9))
    case = service.cases.create(patient.id, "慢性肾脏病3期", opened_on=dt.date(2024, 2, 1))
    service.labs.add(patient.id, LabResult("Creatinine", dt.datetime(2024, 2, 1, 8), 118, "118", "µmol/L", 59, 104),
                    case_id=case.id)
    page = main_window.room_pages["records"]
    page.search()
    settle(qtbot, page.ctx.tasks)
    return page, service, patient, case


def _wait(qtbot, handle):
    """The task, and the redraw it sets off (the patient is read again on the read pool), are both done."""
    assert handle is not None
    qtbot.waitUntil(lambda: handle.is_done, timeout=10_000)
    settle(qtbot, handle.parent())


def test_add_a_lab_value_to_the_open_case(qtbot, opened, monkeypatch):
    from cdss.cds import recheck

    page, service, patient, case = opened
    rechecked = []
    real = recheck.after_new_lab
    monkeypatch.setattr(recheck, "after_new_lab", lambda workspace, patient_id, lab_id=None, **kw: (
        rechecked.append((patient_id, lab_id)), real(workspace, patient_id, lab_id, **kw))[1])
    actions = page.record_actions
    dialog = actions.ask_new_lab()
    dialog.accept()  # nothing filled in
    assert dialog.isVisible() and "test name" in dialog.error.text()
    dialog.name.setText("Creatinine")
    dialog.name.editingFinished.emit()  # a test this patient had: unit and range come from their last result
    assert dialog.unit.currentText() == "µmol/L" and (dialog.ref_low.text(), dialog.ref_high.text()) == ("59", "104")
    dialog.value.setText("132")
    dialog.ref_low.setText("abc")
    dialog.accept()
    assert dialog.isVisible() and "numbers" in dialog.error.text()
    dialog.ref_low.setText("59")
    dialog.when.setDateTime(QDateTime(dt.datetime(2024, 3, 1, 7, 45)))
    dialog.accept()
    _wait(qtbot, page.editor.last_handle)
    labs = service.labs.for_patient(patient.id, name="Creatinine")
    assert [lab.value for lab in labs] == [118, 132] and labs[1].unit == "µmol/L"
    (entry,) = [e for e in service.cases.get(case.id).entries if e.kind is EntryKind.TEST]
    assert entry.lab.value == 132 and entry.occurred_at == dt.datetime(2024, 3, 1, 7, 45)
    assert "Creatinine 132 µmol/L" in page.timeline.toPlainText()
    assert page.labs_panel.table.rowCount() == 2
    _wait(qtbot, actions.last_recheck)  # the medications are re-checked against the new value
    assert (patient.id, labs[1].id) in rechecked
    _wait(qtbot, page.editor.undo())  # undo the addition
    assert [lab.value for lab in service.labs.for_patient(patient.id)] == [118]
    assert page.labs_panel.table.rowCount() == 1


def test_edit_and_delete_a_lab_from_the_labs_tab(qtbot, opened):
    page, service, patient, _case = opened
    panel = page.labs_panel
    page.tabs.setCurrentWidget(panel)
    (lab,) = service.labs.for_patient(patient.id)
    assert panel.select_lab(lab.id) and panel.edit_button.isEnabled()
    panel.edit_button.click()
    dialog = page.record_actions.dialog
    assert dialog.value.text() == "118"
    dialog.value.setText("阴性")  # text results are kept as written
    dialog.loinc.setText("2160")
    dialog.accept()
    assert dialog.isVisible() and "LOINC" in dialog.error.text()
    dialog.value.setText("121")
    dialog.loinc.setText("2160-0")
    dialog.accept()
    _wait(qtbot, page.editor.last_handle)
    (stored,) = service.labs.for_patient(patient.id)
    assert (stored.value, stored.loinc, stored.id) == (121, "2160-0", lab.id)
    assert page.tabs.currentWidget() is panel  # the page stays on the Labs tab
    assert panel.select_lab(lab.id)
    panel.delete_button.click()
    _wait(qtbot, page.editor.last_handle)
    assert service.labs.for_patient(patient.id) == []
    _wait(qtbot, page.editor.undo())
    (back,) = service.labs.for_patient(patient.id)
    assert (back.name, back.value, back.unit) == ("Creatinine", 121, "µmol/L")


def test_add_edit_and_delete_allergies(qtbot, opened):
    page, service, patient, _case = opened
    dialog = page.record_actions.show_allergies()
    assert dialog.list.count() == 0
    form = dialog.add()
    form.accept()
    assert form.isVisible() and "substance" in form.error.text()
    form.substance.setText("青霉素")
    form.reaction.setText("皮疹")
    form.severity.setCurrentIndex(form.severity.findData("moderate"))
    form.verified.setChecked(True)
    form.accept()
    _wait(qtbot, page.editor.last_handle)
    (allergy,) = service.allergies.for_patient(patient.id)
    assert (allergy.substance, allergy.reaction, allergy.severity, allergy.verified) == ("青霉素", "皮疹", "moderate",
                                                                                        True)
    assert dialog.list.count() == 1 and "青霉素" in page.header.text()
    dialog.list.setCurrentRow(0)
    form = dialog.edit_selected()
    assert form.substance.text() == "青霉素"
    form.severity.setCurrentIndex(form.severity.findData(None))  # back to "not recorded"
    form.accept()
    _wait(qtbot, page.editor.last_handle)
    assert service.allergies.for_patient(patient.id)[0].severity is None
    dialog.list.setCurrentRow(0)
    _wait(qtbot, dialog.delete_selected())
    assert service.allergies.for_patient(patient.id) == [] and dialog.list.count() == 0
    _wait(qtbot, page.editor.undo())
    assert [a.substance for a in service.allergies.for_patient(patient.id)] == ["青霉素"]
    assert dialog.list.count() == 1


def test_set_a_follow_up_from_the_bar(qtbot, opened):
    page, service, _patient, case = opened
    dialog = page.record_actions.ask_new_follow_up()
    dialog.set_interval(14, 0)
    dialog.note.setText("复查肌酐")
    due = dialog.value()[0]
    assert due == dt.date.today() + dt.timedelta(days=14)
    dialog.accept()
    _wait(qtbot, page.editor.last_handle)
    (follow_up,) = service.cases.get(case.id).follow_ups
    assert (follow_up.due, follow_up.note, follow_up.done) == (due, "复查肌酐", False)
    assert "复查肌酐" in page.timeline.toPlainText()


def test_buttons_follow_what_is_open(main_window):
    page = main_window.room_pages["records"]
    bar = page.record_actions.bar
    assert page.patient is None
    assert not bar.lab_button.isEnabled() and not bar.attach_button.isEnabled()
    assert not page.labs_panel.add_button.isEnabled()
