"""The task runner: results, errors and progress come back on the GUI thread; writes run one at a time."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import QThread

from cdss.errors import Cancelled, UserError
from cdss.ui.tasks import TaskRunner


@pytest.fixture()
def runner(qapp):
    runner = TaskRunner(qapp)
    yield runner
    runner.wait_all()


def test_result_arrives_on_the_gui_thread(qtbot, runner):
    seen = {}

    def work(a, b):
        seen["worker_thread"] = threading.current_thread()
        return a + b

    def done(result):
        seen["result"] = result
        seen["callback_on_gui"] = QThread.currentThread() is qtbot_app_thread()

    handle = runner.run(work, 2, 3, on_done=done)
    with qtbot.waitSignal(handle.done, timeout=5000):
        pass
    assert seen["result"] == 5 and handle.result == 5
    assert seen["worker_thread"] is not threading.main_thread()
    assert seen["callback_on_gui"]
    assert runner.pending == 0


def qtbot_app_thread():
    from PySide6.QtWidgets import QApplication

    return QApplication.instance().thread()


def test_errors_go_to_the_handler_or_the_default(qtbot, runner):
    errors = []
    runner.default_error_handler = errors.append

    def fail():
        raise UserError("bad_input", "bad input")

    with qtbot.waitSignal(runner.run(fail).done, timeout=5000):
        pass
    assert [e.code for e in errors] == ["bad_input"]

    own = []
    with qtbot.waitSignal(runner.run(fail, on_error=own.append).done, timeout=5000):
        pass
    assert len(own) == 1 and len(errors) == 1  # handled by the caller, not reported twice


def test_writes_run_one_at_a_time_in_submission_order(qtbot, runner):
    order, active, overlap = [], [0], []
    lock = threading.Lock()

    def write(i):
        with lock:
            active[0] += 1
            overlap.append(active[0])
        time.sleep(0.01)
        order.append(i)
        with lock:
            active[0] -= 1

    handles = [runner.run_write(write, i) for i in range(8)]
    with qtbot.waitSignal(handles[-1].done, timeout=5000):
        pass
    qtbot.waitUntil(lambda: all(h.is_done for h in handles), timeout=5000)
    assert order == list(range(8))
    assert max(overlap) == 1


def test_progress_is_reported_and_cancel_stops_the_work(qtbot, runner):
    started = threading.Event()
    reports = []

    def long_job(progress):
        for i in range(1000):
            progress.update(i, 1000, "step")
            started.set()
            time.sleep(0.005)
        return "finished"

    handle = runner.run(long_job, on_error=lambda exc: None)
    handle.progressed.connect(lambda done, total, label: reports.append((done, total, label)))
    assert started.wait(5)
    qtbot.waitUntil(lambda: len(reports) > 0, timeout=5000)
    handle.cancel()
    with qtbot.waitSignal(handle.done, timeout=5000):
        pass
    assert isinstance(handle.error, Cancelled)
    assert handle.result is None
    assert reports[0][1:] == (1000, "step")
