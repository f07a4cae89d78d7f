"""Drive the Literature room: import sample files, search, narrow by a facet, open a paper."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QUrl

from cdss.errors import Cancelled


@pytest.fixture()
def lit_page(qtbot, main_window):
    main_window.show_room("literature")
    page = main_window.room_pages["literature"]
    qtbot.waitUntil(lambda: page.ready, timeout=20000)
    return page


def wait_results(qtbot, page, handle):
    assert handle is not None
    page._search_timer.stop()  # the typing debounce would start a newer search and make this answer stale
    with qtbot.waitSignal(handle.done, timeout=20000):
        pass
    assert not isinstance(handle.error, Cancelled)


def test_import_search_facet_and_detail(qtbot, lit_page, shared_data):
    samples = shared_data / "literature-formats"
    files = [samples / "pubmed_xml" / "sr_search_4_articles.xml", samples / "ris" / "example_full.ris",
             samples / "bibtex" / "bibtexparser_gbk_encoded_chinese.bib"]
    handle = lit_page.import_files(files)
    with qtbot.waitSignal(handle.done, timeout=60000):
        pass
    assert handle.error is None, handle.error
    assert handle.result.added >= 4
    assert "Added" in lit_page.last_import_message
    lit_page.search_box.setText("systematic review")
    wait_results(qtbot, lit_page, lit_page.run_search())
    results = lit_page.last_results
    assert results.total >= 1
    assert "<b>" in lit_page.results.toHtml() or "font-weight" in lit_page.results.toHtml()

    # Narrow by the first year facet, then clear it again.
    years = results.facets.get("year")
    assert years
    lit_page.filters["year"] = years[0][0]
    wait_results(qtbot, lit_page, lit_page.run_search())
    assert lit_page.last_results.total <= results.total
    assert all(str(h.year) == years[0][0] for h in lit_page.last_results.hits)

    wait_results(qtbot, lit_page, lit_page.show_reference(results.hits[0].id))
    assert results.hits[0].title[:20] in lit_page.detail.toPlainText()


def test_tags_notes_linked_cases_and_export(qtbot, lit_page, tmp_path):
    from cdss.literature.exporters import export_references
    from cdss.literature.reference import Reference
    from cdss.records.service import RecordsService

    refs = [Reference(title="Colchicine prophylaxis when starting allopurinol for gout", year=2010,
                      journal="Rheumatology", doi="10.1000/gout.1", abstract="Colchicine reduced gout flares."),
            Reference(title="Allopurinol dose escalation in chronic kidney disease", year=2015,
                      journal="Kidney Int", abstract="Allopurinol doses were raised in steps.")]
    ids = lit_page.library.add(refs)
    records = RecordsService(lit_page.ctx.workspace)
    case = records.cases.create(records.patients.create("王芳").id, "痛风")
    lit_page.library.links.link(ids[0], case.id)

    wait_results(qtbot, lit_page, lit_page.show_reference(ids[0]))
    panel = lit_page.paper_panel
    assert "王芳 · 痛风" in lit_page.detail.toPlainText()  # the paper shows the case it is linked to
    assert not panel.pdf_button.isEnabled()  # imported from metadata only: no PDF to open
    panel.tags_edit.setText("gout，to-read")
    panel.notes_edit.setPlainText("Use for the flare-prophylaxis question.")
    wait_results(qtbot, lit_page, panel.save())
    paper = lit_page.library.paper(ids[0])
    assert (paper.ref.tags, paper.notes) == (("gout", "to-read"), "Use for the flare-prophylaxis question.")

    lit_page.search_box.setText("allopurinol")
    wait_results(qtbot, lit_page, lit_page.run_search())
    assert set(dict(lit_page.last_results.facets["tags"])) >= {"gout", "to-read"}
    assert sorted(lit_page.export_ids()) == sorted(ids)  # nothing ticked: every result shown
    lit_page._link_clicked(QUrl(f"select:{ids[1]}"))
    assert lit_page.export_ids() == [ids[1]] and "☑" in lit_page.results.toPlainText()
    target = tmp_path / "picked.ris"
    wait_results(qtbot, lit_page, lit_page.export_to(target, "ris"))
    assert target.read_text(encoding="utf-8") == export_references([refs[1]], "ris")
    assert "Exported 1 papers" in lit_page.last_export_message


def test_half_typed_query_shows_a_message_not_a_dialog(qtbot, lit_page):
    lit_page.search_box.setText("title:")
    handle = lit_page.run_search()
    with qtbot.waitSignal(handle.done, timeout=20000):
        pass
    assert not lit_page.ctx.errors.dialogs


def test_imported_pdf_can_be_opened_from_the_detail(qtbot, lit_page, tmp_path, monkeypatch):
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    from cdss.ui.literature import paper_panel

    path = tmp_path / "paper.pdf"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setTitle("Febuxostat versus allopurinol in gout with chronic kidney disease")
    pdf.drawString(72, 800, "Febuxostat versus allopurinol in gout with chronic kidney disease")
    pdf.save()
    handle = lit_page.import_files([path])
    with qtbot.waitSignal(handle.done, timeout=60000):
        pass
    (ref_id,) = handle.result.added_ids
    wait_results(qtbot, lit_page, lit_page.show_reference(ref_id))
    panel = lit_page.paper_panel
    assert panel.pdf_button.isEnabled() and "PDF attached" in lit_page.detail.toPlainText()
    opened = []
    monkeypatch.setattr(paper_panel.QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    assert panel.open_pdf()
    assert opened and Path(opened[0]).read_bytes() == path.read_bytes()  # a .pdf-named copy of the stored file


def test_link_a_paper_to_a_case_from_the_paper_and_unlink_it(qtbot, lit_page):
    import datetime as dt

    from cdss.literature.reference import Reference
    from cdss.records.service import RecordsService
    from cdss.records.types import EntryKind

    (ref_id,) = lit_page.library.add([Reference(title="Febuxostat cardiovascular safety in gout", year=2018,
                                                journal="N Engl J Med", abstract="Febuxostat and allopurinol.")])
    records = RecordsService(lit_page.ctx.workspace)
    patient = records.patients.create("赵敏")
    records.cases.create(patient.id, "高血压")
    case = records.cases.create(patient.id, "痛风")
    entry = records.cases.add_entry(case.id, EntryKind.DIAGNOSIS, "痛风性关节炎",
                                    occurred_at=dt.datetime(2024, 5, 6, 9))
    records.patients.create("钱伟")

    wait_results(qtbot, lit_page, lit_page.show_reference(ref_id))
    assert "Not linked to any case yet" in lit_page.detail.toPlainText()
    dialog = lit_page.paper_panel.open_link_dialog()
    assert dialog is not None and dialog.isVisible()
    dialog.search_box.setText("赵敏")
    wait_results(qtbot, lit_page, dialog.search_patients())
    assert [dialog.patient_list.item(i).text().split(" ")[0] for i in range(dialog.patient_list.count())] == ["赵敏"]
    dialog.patient_list.setCurrentRow(0)
    qtbot.waitUntil(lambda: dialog.case_list.count() == 2, timeout=10000)
    row = next(i for i in range(dialog.case_list.count()) if "痛风" in dialog.case_list.item(i).text())
    dialog.case_list.setCurrentRow(row)
    entry_index = dialog.entry_combo.findData(entry.id)
    assert entry_index > 0 and "痛风性关节炎" in dialog.entry_combo.itemText(entry_index)
    dialog.entry_combo.setCurrentIndex(entry_index)
    with qtbot.waitSignal(dialog.links_changed, timeout=10000):
        wait_results(qtbot, lit_page, dialog.link_selected())
    (link,) = lit_page.library.links.for_reference(ref_id)
    assert (link.case_id, link.entry_id) == (case.id, entry.id)
    qtbot.waitUntil(lambda: "赵敏 · 痛风" in lit_page.detail.toPlainText(), timeout=10000)  # the detail reloaded
    qtbot.waitUntil(lambda: dialog.linked_list.count() == 1, timeout=10000)

    dialog.linked_list.setCurrentRow(0)
    with qtbot.waitSignal(dialog.links_changed, timeout=10000):
        wait_results(qtbot, lit_page, dialog.unlink_selected())
    assert lit_page.library.links.for_reference(ref_id) == []
    qtbot.waitUntil(lambda: "Not linked to any case yet" in lit_page.detail.toPlainText(), timeout=10000)
    qtbot.waitUntil(lambda: dialog.linked_list.count() == 0, timeout=10000)
    dialog.close()


def test_search_after_a_restore_from_settings_uses_the_restored_papers(qtbot, lit_page, main_window):
    from cdss.literature.reference import Reference
    from cdss.ui.settings_dialog import SettingsDialog

    lit_page.library.add([Reference(title="Colchicine for acute gout flares", year=2012)])
    dialog = SettingsDialog(main_window.ctx, main_window)
    qtbot.addWidget(dialog)
    dialog.back_up_now()
    qtbot.waitUntil(lambda: dialog.backup_list.count() == 1, timeout=10000)
    lit_page.library.add([Reference(title="Colchicine and cardiovascular events", year=2020)])
    lit_page.search_box.setText("colchicine")
    wait_results(qtbot, lit_page, lit_page.run_search())
    assert lit_page.last_results.total == 2

    dialog.backup_list.setCurrentRow(0)
    with qtbot.waitSignal(dialog.restored, timeout=10000):
        dialog.restore_selected()
    wait_results(qtbot, lit_page, lit_page.run_search())
    assert [hit.title for hit in lit_page.last_results.hits] == ["Colchicine for acute gout flares"]
