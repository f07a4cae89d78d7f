"""The Drugs room and a Records patient, as a doctor uses them: pick the patient by name, see their medications and
latest labs in the regimen, add drugs, see the alert, and prescribe the additions in the record (one after the
other, through the record's own check); the bedside calculators open with the patient's values."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from cdss.records.service import RecordsService
from cdss.records.types import Allergy, LabResult, Medication, Sex
from tests.ui.conftest import settle


@pytest.fixture()
def patient_on_warfarin(qtbot, main_window):
    service = RecordsService(main_window.ctx.workspace)
    today = dt.date.today()
    born = today.replace(year=today.year - 78, day=1) - dt.timedelta(days=40)  # 78 years old whenever this runs
    patient = service.patients.create("Link Patient", sex=Sex.FEMALE, birth_date=born)
    case = service.cases.create(patient.id, "Atrial fibrillation")
    service.medications.add(patient.id, Medication("warfarin", "3 mg qd"))
    service.medications.add(patient.id, Medication("herbal tea X", None))
    service.allergies.add(patient.id, Allergy("penicillin"))
    service.labs.add(patient.id, LabResult("Body Weight", dt.datetime(2026, 11, 1), value=61, unit="kg",
                                          loinc="29463-7"), case.id)
    service.labs.add(patient.id, LabResult("Serum creatinine", dt.datetime(2026, 11, 1), value=140, unit="µmol/L",
                                          loinc="14682-9"), case.id)
    return service, patient, case


@pytest.fixture()
def drugs_page(qtbot, main_window):
    page = main_window.open_room("drugs")
    qtbot.waitUntil(lambda: page.ready, timeout=20000)
    return page


def test_load_a_patient_then_prescribe_the_additions_in_the_record(qtbot, main_window, drugs_page,
                                                                     patient_on_warfarin):
    service, patient, case = patient_on_warfarin
    picker = drugs_page.choose_patient()
    qtbot.keyClicks(picker.search, "Link")
    qtbot.waitUntil(lambda: picker.results.count() == 1 and "Link Patient" in picker.results.item(0).text(),
                    timeout=5000)
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: drugs_page.linked is not None, timeout=10000)

    assert drugs_page.regimen.ids() == ["warfarin"]
    values = drugs_page.context_panel.values()
    assert values["weight_kg"] == 61 and values["scr"] == 140 and values["sex"] == "F"
    assert values["allergies"] == ["penicillin"] and values["age"] == 78
    assert "herbal tea X" in drugs_page.linked_label.text()  # not checked, and said so
    assert not drugs_page.context_panel.expanded and "61 kg" in drugs_page.context_panel.toggle.text()
    assert not drugs_page.to_record_button.isEnabled()  # nothing new to prescribe yet

    drugs_page.search_box.setText("paracetamol")
    qtbot.keyClick(drugs_page.search_box, Qt.Key.Key_Return)
    drugs_page.search_box.setText("omeprazole")
    qtbot.keyClick(drugs_page.search_box, Qt.Key.Key_Return)
    assert drugs_page.regimen.ids() == ["warfarin", "paracetamol", "omeprazole"]
    assert drugs_page.to_record_button.isEnabled()

    drugs_page.to_record_button.click()
    records = main_window.room_pages["records"]
    qtbot.waitUntil(lambda: records.tabs.currentWidget() is records.medications_panel, timeout=10_000)
    assert main_window.current_room() == "records"
    assert records.tabs.currentWidget() is records.medications_panel
    qtbot.waitUntil(lambda: {m.name for m in service.medications.for_patient(patient.id)}
                    >= {"Paracetamol", "Omeprazole"}
                    and main_window.ctx.tasks.pending == 0, timeout=15000)
    names = [m.name for m in service.medications.for_patient(patient.id) if m.active]
    assert names.count("Paracetamol") == 1 and names.count("Omeprazole") == 1


def test_a_queue_for_one_patient_stops_when_another_patient_is_opened(qtbot, main_window, patient_on_warfarin):
    service, patient, case = patient_on_warfarin
    other = service.patients.create("Other Patient", sex=Sex.MALE, birth_date=dt.date(1980, 1, 1))
    records = main_window.open_room("records")
    records.open_patient(patient.id)
    settle(qtbot, records.ctx.tasks)
    panel = records.medications_panel
    panel._queue = [("Omeprazole", "omeprazole")]
    records.open_patient(other.id)
    settle(qtbot, records.ctx.tasks)
    assert panel._queue == []
    qtbot.waitUntil(lambda: main_window.ctx.tasks.pending == 0, timeout=10000)
    assert not service.medications.for_patient(other.id)


def test_calculators_open_with_the_patients_values(qtbot, main_window, drugs_page, patient_on_warfarin):
    service, patient, case = patient_on_warfarin
    handle = drugs_page.load_patient(patient.id)
    qtbot.waitUntil(lambda: handle.is_done and drugs_page.linked is not None, timeout=10000)
    drugs_page.search_box.setText("metformin")  # the drug on screen is the calculators' drug
    dialog = drugs_page.open_calculators()
    renal = dialog.renal_tab
    assert renal.weight.text() == "61" and renal.scr.text() == "140" and renal.age.text() == "78"
    assert renal.sex.currentData() is not None and "Metformin" in renal.drug.text()
    dialog.tabs.setCurrentWidget(renal)
    renal.compute()
    # a 78-year-old woman of 61 kg with creatinine 140 µmol/L (1.58 mg/dL): Cockcroft-Gault 28 mL/min, CKD-EPI 2021
    # eGFR 33 — metformin's label band for eGFR 30–45 is "do not start"
    answer = renal.result.answer.text()
    assert answer.startswith("Do not start") and "eGFR 33" in answer and "CrCl 28" in answer
    assert "1.58 mg/dL" in renal.result.formula.text()
    dialog.close()
