"""A lab typed into an open case reaches the checker: a 78-year-old on metformin whose creatinine is entered with
*检验结果…* on the case gets the renal alert, and the Medications tab says which value and date it used."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDateTime

from cdss.records.service import RecordsService
from cdss.records.types import Medication, Sex
from tests.ui.conftest import open_medications_tab


def test_creatinine_entered_on_the_case_timeline_drives_the_renal_check(qtbot, main_window):
    service = RecordsService(main_window.ctx.workspace)
    born = dt.date.today().replace(year=dt.date.today().year - 78, month=3, day=1)
    patient = service.patients.create("刘建国", sex=Sex.MALE, birth_date=born)
    case = service.cases.create(patient.id, "2型糖尿病", opened_on=dt.date(2026, 11, 1))
    service.medications.add(patient.id, Medication("metformin", "500 mg bid"))
    page = main_window.room_pages["records"]
    panel = open_medications_tab(qtbot, main_window, patient.id, case.id)
    assert panel.case_context.creatinine is None
    assert "no creatinine recorded" in panel.context_label.text()

    # The doctor adds the lab through the case's lab form, as typed on the ward.
    page.record_actions.bar.lab_button.click()
    dialog = page.record_actions.dialog
    assert dialog.objectName() == "labDialog" and dialog.isVisible()
    dialog.name.setText("肌酐")
    dialog.value.setText("168")
    dialog.unit.setCurrentText("µmol/L")
    dialog.when.setDateTime(QDateTime(dt.datetime(2026, 11, 30, 8, 0)))
    dialog.accept()
    main_window.ctx.tasks.wait_all()

    # It is a timeline entry of the case, not a patient-level lab...
    stored = service.cases.get(case.id)
    assert not stored.labs and any(e.lab is not None and e.lab.value == 168 for e in stored.entries)
    # ...and still the checker's creatinine, with its date, and metformin gets its renal alert.
    qtbot.waitUntil(lambda: panel.case_context is not None and panel.case_context.creatinine is not None,
                    timeout=10000)
    assert panel.case_context.creatinine.value == 168
    assert panel.case_context.egfr is not None and panel.case_context.egfr < 45
    text = panel.context_label.text()
    assert "creatinine 168 µmol/L (2026-11-30)" in text and "eGFR" in text
    renal = [a for a in panel.regimen_alerts if a.kind == "renal" and a.drugs == ("metformin",)]
    assert renal, [(a.kind, a.drugs) for a in panel.regimen_alerts]
    metformin = next(item for item in panel.items if "metformin" in item.medication.drug_ids)
    assert any(a.kind == "renal" for a in metformin.alerts)
