"""The Due view: follow-ups due today or overdue across patients, a badge count, mark done and open patient."""

from __future__ import annotations

import datetime as dt

import pytest

from cdss.records.service import RecordsService


def wait_done(qtbot, handle) -> None:
    if not handle.is_done:
        with qtbot.waitSignal(handle.done, timeout=10_000):
            pass


@pytest.fixture()
def due_setup(qtbot, main_window):
    service = RecordsService(main_window.ctx.workspace)
    today = dt.date.today()
    li = service.patients.create("李四")
    li_case = service.cases.create(li.id, "2型糖尿病", opened_on=today - dt.timedelta(days=90))
    overdue = service.follow_ups.add(li_case.id, today - dt.timedelta(days=3), "复查 HbA1c")
    smith = service.patients.create("John Smith")
    smith_case = service.cases.create(smith.id, "Hypertension", opened_on=today - dt.timedelta(days=30))
    due_today = service.follow_ups.add(smith_case.id, today, "BP check")
    service.follow_ups.add(smith_case.id, today + dt.timedelta(days=7), "not yet")
    page = main_window.room_pages["records"]
    page.search()
    wait_done(qtbot, page.due.refresh())  # counted on the read pool
    return page, service, (li, li_case, overdue), (smith, smith_case, due_today)


def test_badge_counts_due_and_overdue_only(due_setup):
    page, *_ = due_setup
    assert page.due.count == 2
    assert page.due.text() == "Due (2)"


def test_list_shows_overdue_first_and_mark_done_updates_badge(qtbot, due_setup):
    page, service, (_li, _case, overdue), (_smith, _smith_case, due_today) = due_setup
    wait_done(qtbot, page.due.show_list())
    dialog = page.due.dialog
    assert dialog.isVisible() and dialog.list.count() == 2
    first = dialog.list.item(0).text()
    assert "李四" in first and "3 days overdue" in first and "复查 HbA1c" in first
    assert "due today" in dialog.list.item(1).text()
    dialog.list.setCurrentRow(0)
    with qtbot.waitSignal(dialog.mark_done_requested, timeout=2000) as signal:
        dialog.done_button.click()
    assert signal.args == [overdue.id]
    qtbot.waitUntil(lambda: page.due.count == 1, timeout=5000)
    assert page.due.text() == "Due (1)" and dialog.list.count() == 1
    assert [d.follow_up.id for d in service.follow_ups.due()] == [due_today.id]


def test_open_patient_from_due_list(qtbot, due_setup):
    page, _service, _li, (smith, smith_case, _due) = due_setup
    wait_done(qtbot, page.due.show_list())
    page.due.dialog.list.setCurrentRow(1)
    page.due.dialog.open_button.click()
    assert page.patient is not None and page.patient.id == smith.id
    assert page.case_combo.currentData() == smith_case.id


def test_nothing_due_shows_plain_button(qtbot, main_window):
    page = main_window.room_pages["records"]
    wait_done(qtbot, page.due.refresh())
    assert page.due.count == 0 and page.due.text() == "Due"
    wait_done(qtbot, page.due.show_list())
    assert page.due.dialog.list.count() == 0 and not page.due.dialog.done_button.isEnabled()
    assert "Nothing is due" in page.due.dialog.summary.text()
