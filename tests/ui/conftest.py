"""Qt test fixtures: a real main window on a temporary workspace, with compiled translations."""

from __future__ import annotations

import subprocess
import sys

import pytest

from cdss.paths import resource_path


@pytest.fixture(scope="session", autouse=True)
def compiled_translations():
    """`make test` compiles the .qm files; a bare `pytest` run compiles them here so language tests still mean it."""
    for ts in resource_path("translations").glob("*.ts"):
        qm = ts.with_suffix(".qm")
        if not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
            subprocess.run([sys.executable, "tools/translations.py", "release"], cwd=resource_path().parent,
                           check=True)
            break


@pytest.fixture()
def main_window(qtbot, tmp_path):
    from cdss.app import build_main_window

    _app, window = build_main_window(tmp_path / "ws", language="en")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.ctx.tasks.wait_all()
    window.ctx.workspace.close()
    window.ctx.languages.apply("en")


def open_medications_tab(qtbot, main_window, patient_id: int, case_id: int):
    """Open the patient's case on the Records page at the Medications tab, as a doctor would, and wait until its
    context and drug search have loaded; returns the panel."""
    page = main_window.room_pages["records"]
    page.open_patient(patient_id)
    page._select_case(case_id)
    panel = page.medications_panel
    page.tabs.setCurrentWidget(panel)
    qtbot.waitUntil(lambda: panel.case_context is not None and panel.search_index is not None, timeout=15000)
    return panel


def settle(qtbot, runner, timeout: int = 15_000) -> None:
    """Wait until the task runner is idle: a write reloads the patient on the read pool (and a change notice recounts
    what is due), so what a doctor would see is on screen only once every task set off has finished. A task started
    by a finished task's slot is registered before that one is closed, so idle really means done."""
    qtbot.waitUntil(lambda: runner.pending == 0, timeout=timeout)
