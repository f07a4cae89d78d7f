"""Type, Enter: the drug prescribed is the one the doctor typed. "clari" is clarithromycin (an INN prefix), not
loratadine (whose brand Claritin also starts so); a brand match says which name matched; a typo is never taken on
Enter without the doctor choosing it."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from cdss.records.service import RecordsService
from cdss.records.types import Sex
from tests.ui.conftest import open_medications_tab


def _open_panel(qtbot, main_window):
    service = RecordsService(main_window.ctx.workspace)
    patient = service.patients.create("Mary Smith", sex=Sex.FEMALE, birth_date=dt.date(1950, 5, 1))
    case = service.cases.create(patient.id, "Community-acquired pneumonia", opened_on=dt.date(2026, 11, 20))
    panel = open_medications_tab(qtbot, main_window, patient.id, case.id)
    return panel, service, patient


def test_enter_after_a_prefix_prescribes_the_generic_not_a_brand_lookalike(qtbot, main_window):
    panel, service, patient = _open_panel(qtbot, main_window)
    qtbot.keyClicks(panel.search_box, "clari")
    first = panel.results.item(0)
    assert panel.results.currentRow() == 0 and "Clarithromycin" in first.text()
    brand = next(panel.results.item(i).text() for i in range(panel.results.count())
                 if "Loratadine" in panel.results.item(i).text())
    assert brand.startswith("Clarit") and " → " in brand  # the list says which (brand) name matched
    qtbot.keyClick(panel.search_box, Qt.Key.Key_Tab)
    qtbot.keyClicks(panel.dose_box, "500 mg bid")
    qtbot.keyClick(panel.dose_box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.last_check is not None, timeout=5000)
    assert panel.last_check.drug_ids == ("clarithromycin",)
    qtbot.waitUntil(lambda: any(m.drug_id == "clarithromycin" for m in service.medications.for_patient(patient.id)),
                    timeout=5000)
    assert not any(m.drug_id == "loratadine" for m in service.medications.for_patient(patient.id))
    qtbot.waitUntil(lambda: "Drugs checked: 1" in panel.status_text, timeout=5000)  # what the check covered


def test_a_typo_is_offered_but_never_taken_on_enter(qtbot, main_window):
    panel, service, patient = _open_panel(qtbot, main_window)
    qtbot.keyClicks(panel.search_box, "clarithromicyn")
    assert panel.results.isVisible() and panel.results.count() > 0
    assert panel.results.currentItem() is None  # a near match is shown, not highlighted
    qtbot.keyClick(panel.search_box, Qt.Key.Key_Return)
    assert panel.last_check is None and "No exact match" in panel.status_text
    main_window.ctx.tasks.wait_all()
    assert service.medications.for_patient(patient.id) == []
    # Choosing it explicitly works.
    panel.results.setCurrentRow(0)
    assert "Clarithromycin" in panel.results.currentItem().text()
    qtbot.keyClick(panel.search_box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.last_check is not None, timeout=5000)
    assert panel.last_check.drug_ids == ("clarithromycin",)
