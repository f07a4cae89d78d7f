"""Drive the Literature room: import sample files, search, narrow by a facet, open a paper."""

from __future__ import annotations

import pytest

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

    lit_page.show_reference(results.hits[0].id)
    assert results.hits[0].title[:20] in lit_page.detail.toPlainText()


def test_half_typed_query_shows_a_message_not_a_dialog(qtbot, lit_page):
    lit_page.search_box.setText("title:")
    handle = lit_page.run_search()
    with qtbot.waitSignal(handle.done, timeout=20000):
        pass
    assert not lit_page.ctx.errors.dialogs
