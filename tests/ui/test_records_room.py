"""Drive the Records room: patient cards with search, a case timeline, quick capture with a draft that survives."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from cdss.records.service import RecordsService
from cdss.records.types import EntryKind
from cdss.ui.models.lazy_table_model import ROW_ROLE
from tests.ui.conftest import settle


@pytest.fixture()
def seeded(qtbot, main_window):
    service = RecordsService(main_window.ctx.workspace)
    zhang = service.patients.create("张三", birth_date=dt.date(1960, 3, 1))
    case = service.cases.create(zhang.id, "社区获得性肺炎", opened_on=dt.date(2024, 5, 1))
    service.cases.add_entry(case.id, EntryKind.DIAGNOSIS, "社区获得性肺炎", icd10="J18.9",
                      occurred_at=dt.datetime(2024, 5, 1, 9, 0))
    smith = service.patients.create("John Smith", birth_date=dt.date(1950, 1, 1))
    service.cases.create(smith.id, "Heart failure", opened_on=dt.date(2024, 6, 1))
    page = main_window.room_pages["records"]
    page.search()
    settle(qtbot, page.ctx.tasks)
    return page, service, zhang, case


def test_search_by_pinyin_initials_and_diagnosis_text(qtbot, seeded):
    page, _service, zhang, _case = seeded
    assert page.model.total == 2
    qtbot.keyClicks(page.search_box, "zs")
    assert page.model.total == 1
    assert page.model.data(page.model.index(0, 0), ROW_ROLE).id == zhang.id
    page.search_box.setText("肺炎")
    settle(qtbot, page.ctx.tasks)
    assert page.model.total == 1
    page.search_box.setText("heart failures")  # English stemming
    settle(qtbot, page.ctx.tasks)
    assert page.model.total == 1 and page.model.data(page.model.index(0, 0), ROW_ROLE).name == "John Smith"


def test_opening_a_patient_shows_the_timeline(qtbot, seeded):
    page, _service, zhang, case = seeded
    page.search_box.setText("张三")
    settle(qtbot, page.ctx.tasks)
    assert page.patient is not None and page.patient.id == zhang.id
    assert page.case_combo.currentData() == case.id
    html = page.timeline.toPlainText()
    assert "社区获得性肺炎" in html and "J18.9" in html


def test_quick_capture_adds_an_entry_and_drafts_survive(qtbot, seeded):
    page, service, zhang, case = seeded
    page.search_box.setText("张三")
    settle(qtbot, page.ctx.tasks)
    page.capture.text.setText("体温 38.5℃，咳嗽加重")
    # The draft is written shortly after typing stops, before anything is added.
    qtbot.waitUntil(lambda: service.drafts.load(f"capture:case:{case.id}") == "体温 38.5℃，咳嗽加重", timeout=5000)
    handle = page.capture.add()
    with qtbot.waitSignal(handle.done, timeout=5000):
        pass
    qtbot.waitUntil(lambda: "38.5" in page.timeline.toPlainText(), timeout=5000)
    assert page.capture.text.text() == ""
    assert service.drafts.load(f"capture:case:{case.id}") in (None, "")
    texts = [e.text for e in service.patients.get(zhang.id).cases[0].entries]
    assert "体温 38.5℃，咳嗽加重" in texts


def test_a_draft_stays_with_the_case_it_was_typed_on(qtbot, seeded):
    """Typing on one case and picking another before the draft is saved keeps the text with the first case: it is
    saved there at once, the second case shows its own (empty) draft, and going back brings the text back."""
    page, service, zhang, pneumonia = seeded
    follow_up = service.cases.create(zhang.id, "Follow-up visit", opened_on=dt.date(2024, 7, 1))
    page.open_patient(zhang.id, pneumonia.id)
    settle(qtbot, page.ctx.tasks)
    assert page.selection.case is not None and page.selection.case.id == pneumonia.id
    page.capture.text.setText("咳嗽好转")  # as typed: the draft is saved a moment later
    page.case_combo.setCurrentIndex(page.case_combo.findData(follow_up.id))  # within the save delay
    settle(qtbot, page.ctx.tasks)
    assert page.selection.case.id == follow_up.id and page.capture.text.text() == ""
    assert service.drafts.load(f"capture:case:{pneumonia.id}") == "咳嗽好转"
    assert service.drafts.load(f"capture:case:{follow_up.id}") is None
    page.case_combo.setCurrentIndex(page.case_combo.findData(pneumonia.id))
    settle(qtbot, page.ctx.tasks)
    assert page.capture.text.text() == "咳嗽好转"


def test_the_selection_is_what_the_helpers_act_on(qtbot, seeded):
    from cdss.ui.records.selection import NoPatientOpen

    page, _service, zhang, case = seeded
    page.open_patient(None)
    with pytest.raises(NoPatientOpen):
        page.selection.where()
    assert not page.record_actions.bar.lab_button.isEnabled() and not page.capture.text.isEnabled()
    changes = []
    page.selection.changed.connect(lambda: changes.append(page.selection.where()))
    page.open_patient(zhang.id)
    settle(qtbot, page.ctx.tasks)
    assert changes == [(zhang.id, case.id)]
    assert page.record_actions.bar.lab_button.isEnabled() and page.export.share_button.isEnabled()


def test_patient_cards_render(qtbot, seeded):
    page, *_ = seeded
    pixmap = page.patient_list.viewport().grab()
    assert not pixmap.isNull() and pixmap.width() > 100
    index = page.model.index(0, 0)
    assert page.patient_list.itemDelegate().sizeHint(_option(page), index).height() > 40
    assert page.patient_list.model().data(index, Qt.ItemDataRole.DisplayRole)


def _option(page):
    from PySide6.QtWidgets import QStyleOptionViewItem

    option = QStyleOptionViewItem()
    option.initFrom(page.patient_list)
    return option


def test_new_patient_from_the_dialog(qtbot, main_window):
    from cdss.records.types import Sex
    from cdss.ui.records.new_patient_dialog import NewPatientDialog

    page = main_window.room_pages["records"]
    assert "No patients yet" in page.count_label.text()
    dialog = NewPatientDialog(page)
    qtbot.addWidget(dialog)
    dialog.name.setText("李四")  # QTest.keyClicks only types Latin-1 characters
    dialog.sex.setCurrentIndex(dialog.sex.findData(Sex.FEMALE))
    dialog.case_title.setText("高血压随访")
    new = dialog.value()
    with qtbot.waitSignal(page.create_patient(new).done, timeout=5000):
        pass
    settle(qtbot, page.ctx.tasks)  # the new patient is then read and shown
    assert page.model.total == 1
    assert page.patient is not None and page.patient.name == "李四"
    assert [c.title for c in page.patient.cases] == ["高血压随访"]
