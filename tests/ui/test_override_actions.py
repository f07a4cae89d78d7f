"""The interrupting dialog offers what the advice names, as actions that change the record: stop the interacting
medication and go ahead, take a same-class alternative, change the dose; and only reasons that fit the alert."""

from __future__ import annotations

import datetime as dt

import pytest

from cdss.records.service import RecordsService
from cdss.records.types import Medication, Sex
from tests.ui.conftest import open_medications_tab


@pytest.fixture()
def statin_patient(qtbot, main_window):
    service = RecordsService(main_window.ctx.workspace)
    patient = service.patients.create("Tom Baker", sex=Sex.MALE, birth_date=dt.date(1958, 4, 2))
    case = service.cases.create(patient.id, "Hyperlipidaemia; sinusitis", opened_on=dt.date(2026, 11, 28))
    service.medications.add(patient.id, Medication("simvastatin", "40 mg qn"))
    panel = open_medications_tab(qtbot, main_window, patient.id, case.id)
    return panel, service, patient


def _prescribe(qtbot, panel, name: str, dose: str = "") -> None:
    panel.search_box.setText(name)
    panel.dose_box.setText(dose)
    qtbot.waitUntil(lambda: panel.results.count() > 0, timeout=3000)
    panel.prescribe_button.click()
    qtbot.waitUntil(lambda: panel.override_dialog is not None and panel.override_dialog.isVisible(), timeout=5000)


def test_stop_the_interacting_drug_then_prescribe(qtbot, main_window, statin_patient):
    panel, service, patient = statin_patient
    _prescribe(qtbot, panel, "clarithromycin", "500 mg bid")
    dialog = panel.override_dialog
    stop = next(b for b in dialog.action_buttons if b.objectName() == "overrideAction_stop")
    assert stop.text() == "Stop simvastatin, then prescribe"
    # alternatives are same-class drugs (ATC J01FA) that raise no interrupting alert with this regimen
    catalog = panel.service.knowledge.catalog
    for alternative in panel.last_check.alternatives:
        assert catalog[alternative.drug_id].atc_level4 & catalog["clarithromycin"].atc_level4
    stop.click()
    qtbot.waitUntil(lambda: any(m.drug_id == "clarithromycin" and m.active
                                for m in service.medications.for_patient(patient.id)), timeout=10000)
    meds = {m.name: m.active for m in service.medications.for_patient(patient.id)}
    assert meds["simvastatin"] is False


def test_an_overdose_offers_change_the_dose_and_fitting_reasons(qtbot, main_window, statin_patient):
    panel, service, patient = statin_patient
    _prescribe(qtbot, panel, "loratadine", "0.5 g bid")
    dialog = panel.override_dialog
    (box,) = [b for b in dialog.boxes if b.alert.kind == "dose"]
    assert box.alert.severity == "contraindicated" and "check the unit" in box.alert.title
    assert set(box.buttons) == {"intended_dose", "benefit_outweighs_risk", "other"}  # no "will monitor INR"
    change = next(b for b in dialog.action_buttons if b.objectName() == "overrideAction_dose")
    change.click()
    assert not dialog.isVisible() and panel.dose_box.selectedText() == "0.5 g bid"
    assert "Change the dose" in panel.status_text
    main_window.ctx.tasks.wait_all()
    assert not any(m.drug_id == "loratadine" for m in service.medications.for_patient(patient.id))
    panel.dose_box.setText("10 mg qd")
    panel.prescribe_button.click()
    qtbot.waitUntil(lambda: any(m.drug_id == "loratadine" for m in service.medications.for_patient(patient.id)),
                    timeout=10000)


def test_the_dose_is_read_back_as_typed_and_its_route_stored(qtbot, main_window, statin_patient):
    panel, service, patient = statin_patient
    panel.search_box.setText("amoxicillin")
    qtbot.keyClicks(panel.dose_box, "0.5 g tid po")
    assert panel.dose_reading.isVisibleTo(panel)
    assert panel.dose_reading.text() == "Read as: 500 mg · 3× a day · 1500 mg/day · oral"
    panel.dose_box.setText("two tablets")
    assert panel.dose_reading.text().startswith("Dose not read")
    panel.dose_box.setText("0.5 g tid po")
    panel.prescribe_button.click()
    qtbot.waitUntil(lambda: any(m.drug_id == "amoxicillin" for m in service.medications.for_patient(patient.id)),
                    timeout=10000)
    stored = next(m for m in service.medications.for_patient(patient.id) if m.drug_id == "amoxicillin")
    assert (stored.dose, stored.route) == ("0.5 g tid po", "oral")
