"""The case's Evidence panel on a real workspace: suggestions for a diagnosis, linking to case and entry, unlinking."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QUrl

from cdss.literature.library import LiteratureLibrary
from cdss.literature.reference import Reference
from cdss.records.service import RecordsService
from cdss.records.types import EntryKind, Medication
from cdss.ui.records.evidence_panel import EvidencePanel
from tests.ui.conftest import settle

PAPERS = [
    Reference(title="Anticoagulation with warfarin for stroke prevention in atrial fibrillation", year=2007,
              journal="Ann Intern Med", abstract="Warfarin reduced stroke in patients with atrial fibrillation."),
    Reference(title="Lumbar spinal fusion outcomes", year=2019, journal="Spine",
              abstract="Posterior spinal fusion restored stability."),
]


@pytest.fixture()
def panel_setup(qtbot, main_window):
    ctx = main_window.ctx
    records = RecordsService(ctx.workspace)
    patient = records.patients.create("李四")
    case = records.cases.create(patient.id, "房颤随访")
    diagnosis = records.cases.add_entry(case.id, EntryKind.DIAGNOSIS, "Atrial fibrillation", icd10="I48.9")
    records.medications.add(patient.id, Medication("华法林", "3 mg qd"))
    library = LiteratureLibrary.shared(ctx.workspace)
    ids = library.add(PAPERS)
    panel = EvidencePanel(ctx)
    qtbot.addWidget(panel)
    panel.show()
    return panel, library, case, diagnosis, ids


def wait_loaded(qtbot, panel, handle):
    assert handle is not None
    with qtbot.waitSignal(handle.done, timeout=20000):
        pass
    assert handle.error is None, handle.error


def test_suggests_links_and_unlinks(qtbot, panel_setup):
    panel, library, case, diagnosis, ids = panel_setup
    wait_loaded(qtbot, panel, panel.show_case(case.id))
    hits = panel.evidence.hits
    assert [hit.id for hit in hits] == [ids[0]]  # the spine paper matches nothing of this case
    assert {t.kind for t in hits[0].matched} == {"diagnosis", "drug"}  # 华法林 found "warfarin" via the catalog
    shown = panel.browser.toPlainText()
    assert "Anticoagulation with warfarin" in shown and "Link to case" in shown and "Matches" in shown

    panel._anchor_clicked(QUrl(f"link:{ids[0]}"))  # the one-click action
    qtbot.waitUntil(lambda: panel.evidence is not None and len(panel.evidence.linked) == 1, timeout=20000)
    assert panel.evidence.hits == ()  # a linked paper is listed first, not suggested again
    assert "Unlink" in panel.browser.toPlainText()

    assert panel.entry_choices()[0][0] == diagnosis.id
    wait_loaded(qtbot, panel, panel.link_paper(ids[0], diagnosis.id))
    qtbot.waitUntil(lambda: len(panel.evidence.linked) == 2, timeout=20000)
    assert [link.entry_id for link in library.links.for_reference(ids[0])] == [None, diagnosis.id]

    for link in panel.evidence.linked:
        wait_loaded(qtbot, panel, panel.unlink(link.id))
    qtbot.waitUntil(lambda: panel.evidence is not None and not panel.evidence.linked, timeout=20000)
    assert [hit.id for hit in panel.evidence.hits] == [ids[0]]
    assert not panel.ctx.errors.dialogs


def test_empty_case_and_clearing(qtbot, main_window):
    ctx = main_window.ctx
    records = RecordsService(ctx.workspace)
    case = records.cases.create(records.patients.create("赵六").id, "Check-up")
    panel = EvidencePanel(ctx)
    qtbot.addWidget(panel)
    wait_loaded(qtbot, panel, panel.show_case(case.id))
    assert "no diagnoses" in panel.summary.text()
    assert "library is empty" in panel.browser.toPlainText()
    assert panel.show_case(None) is None and panel.browser.toPlainText() == ""


def test_records_page_searches_evidence_only_when_the_tab_is_shown_and_opens_papers(qtbot, main_window):
    ctx = main_window.ctx
    records = RecordsService(ctx.workspace)
    patient = records.patients.create("王五")
    case = records.cases.create(patient.id, "Atrial fibrillation follow-up")
    records.cases.add_entry(case.id, EntryKind.DIAGNOSIS, "Atrial fibrillation", icd10="I48.9")
    ids = LiteratureLibrary.shared(ctx.workspace).add(PAPERS)
    page = main_window.room_pages["records"]
    page.open_patient(patient.id)
    settle(qtbot, page.ctx.tasks)
    panel = page.evidence_panel
    assert panel.case_id is None  # the Timeline tab is in view: no search yet

    page.tabs.setCurrentWidget(panel)
    assert panel.case_id == case.id
    qtbot.waitUntil(lambda: panel.evidence is not None, timeout=20000)
    assert [hit.id for hit in panel.evidence.hits] == [ids[0]]
    assert page.tabs.tabText(page.tabs.indexOf(panel)) == "Evidence"

    panel.paper_requested.emit(ids[0])  # "open" on a suggestion shows it in the Literature room
    assert main_window.current_room() == "literature"


def test_share_button_opens_the_de_identified_preview_for_the_current_case(qtbot, main_window):
    records = RecordsService(main_window.ctx.workspace)
    patient = records.patients.create("Share Test Patient")
    case = records.cases.create(patient.id, "Chest pain")
    page = main_window.room_pages["records"]
    page.open_patient(patient.id)
    settle(qtbot, page.ctx.tasks)
    assert page.export.share_button.isEnabled()
    dialog = page.export.ask_share()
    qtbot.addWidget(dialog)
    assert dialog.case_id == case.id and dialog.isVisible()
    dialog.reject()
