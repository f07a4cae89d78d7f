"""Edit and delete timeline entries and follow-ups from the timeline's links, with undo (button and Ctrl+Z)."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDateTime, Qt, QUrl

from cdss.records.service import RecordsService
from cdss.records.types import EntryKind
from tests.ui.conftest import settle


@pytest.fixture()
def opened(qtbot, main_window):
    service = RecordsService(main_window.ctx.workspace)
    patient = service.patients.create("王芳", birth_date=dt.date(1970, 2, 3))
    case = service.cases.create(patient.id, "2型糖尿病", opened_on=dt.date(2024, 3, 1))
    note = service.cases.add_entry(case.id, EntryKind.NOTE, "空腹血糖 9.8", occurred_at=dt.datetime(2024, 3, 1, 9))
    diagnosis = service.cases.add_entry(case.id, EntryKind.DIAGNOSIS, "2型糖尿病", icd10="E11.9",
                                  occurred_at=dt.datetime(2024, 3, 1, 10))
    follow_up = service.follow_ups.add(case.id, dt.date(2024, 3, 15), "复查糖化血红蛋白")
    page = main_window.room_pages["records"]
    page.search()
    settle(qtbot, page.ctx.tasks)
    assert page.patient is not None and page.patient.id == patient.id
    return page, service, case, note, diagnosis, follow_up


def _wait(qtbot, handle):
    """The task, and the redraw it sets off (the patient is read again on the read pool), are both done."""
    assert handle is not None
    qtbot.waitUntil(lambda: handle.is_done, timeout=10_000)
    settle(qtbot, handle.parent())


def test_edit_an_entry_from_its_link_then_undo(qtbot, opened):
    page, service, case, note, _dx, follow_up = opened
    html = page.timeline.toHtml()
    assert f"entry-edit:{note.id}" in html and f"entry-delete:{note.id}" in html
    assert f"follow-up-done:{follow_up.id}" in html
    page.timeline.anchorClicked.emit(QUrl(f"entry-edit:{note.id}"))
    dialog = page.editor.open_dialog
    assert dialog is not None and dialog.text.toPlainText() == "空腹血糖 9.8"
    dialog.text.setPlainText("空腹血糖 7.1，较前下降")
    dialog.when.setDateTime(QDateTime(dt.datetime(2024, 3, 2, 8, 30)))
    dialog.accept()
    _wait(qtbot, page.editor.last_handle)
    stored = next(e for e in service.cases.get(case.id).entries if e.id == note.id)
    assert stored.text == "空腹血糖 7.1，较前下降" and stored.occurred_at == dt.datetime(2024, 3, 2, 8, 30)
    assert stored.kind is EntryKind.NOTE  # the kind was not touched
    assert "7.1" in page.timeline.toPlainText()
    assert page.editor.bar.isVisible() and page.editor.bar.undo_button.isVisible()
    page.editor.bar.undo_button.click()
    _wait(qtbot, page.editor.last_handle)
    stored = next(e for e in service.cases.get(case.id).entries if e.id == note.id)
    assert stored.text == "空腹血糖 9.8" and stored.occurred_at == dt.datetime(2024, 3, 1, 9)


def test_edit_dialog_refuses_empty_text_and_bad_icd10(qtbot, opened):
    page, _service, _case, _note, diagnosis, _fu = opened
    dialog = page.editor.edit_entry(diagnosis.id)
    assert dialog.icd10.text() == "E11.9" and not dialog.icd10.isHidden()
    dialog.icd10.setText("E11-9")
    dialog.accept()
    assert dialog.isVisible() and "ICD-10" in dialog.error.text()
    dialog.icd10.setText("E11.65")
    dialog.text.setPlainText("  ")
    dialog.accept()
    assert dialog.isVisible() and "empty" in dialog.error.text()
    dialog.reject()


def test_delete_hides_the_entry_and_ctrl_z_brings_it_back(qtbot, opened):
    page, service, case, note, _dx, _fu = opened
    page.timeline.anchorClicked.emit(QUrl(f"entry-delete:{note.id}"))
    _wait(qtbot, page.editor.last_handle)
    assert "空腹血糖" not in page.timeline.toPlainText()
    assert note.id not in [e.id for e in service.cases.get(case.id).entries]
    assert "deleted" in page.editor.bar.message.text()
    page.timeline.setFocus()
    qtbot.keyClick(page.timeline, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    _wait(qtbot, page.editor.last_handle)
    assert note.id in [e.id for e in service.cases.get(case.id).entries]
    assert "空腹血糖" in page.timeline.toPlainText()
    assert page.editor.undo_stack == []


def test_follow_up_done_edit_and_delete_with_undo(qtbot, opened):
    page, service, case, _note, _dx, follow_up = opened
    _wait(qtbot, page.editor.toggle_follow_up(follow_up.id))
    assert service.cases.get(case.id).follow_ups[0].done
    dialog = page.editor.edit_follow_up(follow_up.id)
    dialog.due.setDate(dt.date(2023, 1, 1))  # before the case was opened: refused
    dialog.accept()
    assert dialog.isVisible() and "2024-03-01" in dialog.error.text()
    dialog.set_interval(0, 1)
    dialog.note.setText("复查 HbA1c")
    due = dialog.value()[0]
    dialog.accept()
    _wait(qtbot, page.editor.last_handle)
    (stored,) = service.cases.get(case.id).follow_ups
    assert stored.due == due and stored.note == "复查 HbA1c" and stored.done
    _wait(qtbot, page.editor.delete_follow_up(follow_up.id))
    assert service.cases.get(case.id).follow_ups == ()
    _wait(qtbot, page.editor.undo())
    (again,) = service.cases.get(case.id).follow_ups
    assert (again.due, again.note, again.done) == (due, "复查 HbA1c", True)


def test_undo_button_names_what_it_undoes_and_goes_when_replaced(qtbot, opened, main_window):
    page, service, case, note, diagnosis, _fu = opened
    page.timeline.anchorClicked.emit(QUrl(f"entry-delete:{note.id}"))
    _wait(qtbot, page.editor.last_handle)
    bar = page.editor.bar
    first = bar.undo_button.text()
    assert first.startswith("Undo: ") and first != "Undo: "
    page.timeline.anchorClicked.emit(QUrl(f"entry-delete:{diagnosis.id}"))
    _wait(qtbot, page.editor.last_handle)
    page.editor.undo()
    _wait(qtbot, page.editor.last_handle)
    # after one undo, the button speaks of the older change it would now reverse
    assert bar.isVisible() and bar.undo_button.text() == first
    # opening another patient replaces what the bar spoke of: it goes
    other = service.patients.create("李雷")
    page.open_patient(other.id)
    settle(qtbot, page.ctx.tasks)
    assert not bar.isVisible()
