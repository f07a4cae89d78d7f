"""The Literature room page: one search box, facets to narrow, results with highlighted snippets, a paper's detail.

The library and its index open in the background when the room is built; searches run on the task runner's read
pool and only the answer to the latest query is shown, so typing never waits for Whoosh. Imports go through the
single writer with a progress dialog and end with a report of what was added, merged or refused.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QTimer, QUrl
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cdss.ui.context import AppContext
from cdss.ui.literature.results_html import reference_html, results_html
from cdss.ui.progress_dialog import run_with_progress
from cdss.ui.tasks import while_alive

SEARCH_DELAY_MS = 150
FACET_NAMES = ("year", "journal", "pubtype", "tags")


class LiteraturePage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page_literature")
        self.ctx = ctx
        self.library = None
        self.filters: dict[str, str] = {}
        self.last_results = None
        self._query_serial = 0

        bar = QHBoxLayout()
        self.search_box = QLineEdit(self)
        self.search_box.setObjectName("literatureSearch")
        self.search_box.setClearButtonEnabled(True)
        self.search_box.textChanged.connect(lambda _t: self._search_timer.start())
        self.sort_combo = QComboBox(self)
        self.sort_combo.setObjectName("literatureSort")
        self.sort_combo.currentIndexChanged.connect(lambda _i: self.run_search())
        self.import_button = QPushButton(self)
        self.import_button.setObjectName("literatureImport")
        self.import_button.clicked.connect(self._ask_import)
        bar.addWidget(self.search_box, 1)
        bar.addWidget(self.sort_combo)
        bar.addWidget(self.import_button)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.facets = QTreeWidget(splitter)
        self.facets.setObjectName("literatureFacets")
        self.facets.setHeaderHidden(True)
        self.facets.itemClicked.connect(self._facet_clicked)
        middle = QWidget(splitter)
        middle_layout = QVBoxLayout(middle)
        middle_layout.setContentsMargins(0, 0, 0, 0)
        self.count_label = QLabel(middle)
        self.count_label.setObjectName("literatureCount")
        self.results = QTextBrowser(middle)
        self.results.setObjectName("literatureResults")
        self.results.setOpenLinks(False)
        self.results.anchorClicked.connect(self._link_clicked)
        middle_layout.addWidget(self.count_label)
        middle_layout.addWidget(self.results, 1)
        self.detail = QTextBrowser(splitter)
        self.detail.setObjectName("literatureDetail")
        self.detail.setOpenLinks(False)
        self.detail.anchorClicked.connect(self._link_clicked)
        splitter.setSizes([200, 520, 420])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.run_search)
        self.retranslate_ui()
        self._open_library()

    # -- library -------------------------------------------------------------------------------------------------
    def _open_library(self) -> None:
        from cdss.literature.library import LiteratureLibrary

        def open_library():
            library = LiteratureLibrary.for_workspace(self.ctx.workspace)
            library.index()  # opens, or rebuilds a missing/corrupt index from the store
            return library

        self.search_box.setEnabled(False)
        handle = self.ctx.tasks.run_write(open_library, name="open-literature")
        handle.finished.connect(self._library_ready)

    def _library_ready(self, library) -> None:
        self.library = library
        self.search_box.setEnabled(True)
        self.retranslate_ui()
        self.run_search()

    @property
    def ready(self) -> bool:
        return self.library is not None

    # -- searching -----------------------------------------------------------------------------------------------
    def run_search(self):
        """Search in the background; a newer query makes older answers irrelevant. Returns the task handle."""
        if self.library is None:
            return None
        from cdss.literature.search import search

        self._query_serial += 1
        serial = self._query_serial
        text = self.search_box.text().strip()
        if not text:
            self.last_results = None
            self.facets.clear()
            self.count_label.setText(self.tr("{count} papers in the library").format(
                count=len(self.library.references())))
            hint = self.tr("Type words in Chinese or English to search titles, abstracts, authors, journals and MeSH "
                           "terms, or import PubMed, MEDLINE, RIS, BibTeX, CSL-JSON or PDF files.")
            self.results.setHtml(f"<p style='color:#5b7083'>{hint}</p>")
            return None
        sort = self.sort_combo.currentData() or "relevance"
        library, filters = self.library, dict(self.filters)

        def work():
            return search(library.index(), text, limit=50, sort=sort, filters=filters or None)

        # A half-typed query ("title:", unbalanced quotes) is normal while typing: say so in place, no dialog.
        handle = self.ctx.tasks.run(work, name="literature-search",
                                    on_error=while_alive(self, lambda exc: self._show_query_problem(serial, exc)))
        handle.finished.connect(while_alive(self, lambda results: self._show_results(serial, results)))
        return handle

    def _show_query_problem(self, serial: int, error: BaseException) -> None:
        from cdss.errors import UserError

        if not isinstance(error, UserError):
            self.ctx.errors.report(error)
            return
        if serial == self._query_serial:
            from html import escape

            from cdss.ui.error_texts import user_error_text

            self.results.setHtml(f"<p style='color:#b3261e'>{escape(user_error_text(error))}</p>")

    def _show_results(self, serial: int, results) -> None:
        if serial != self._query_serial:
            return  # an answer to a query the user has already changed
        self.last_results = results
        self.count_label.setText(self.tr("{count} papers").format(count=results.total))
        self.results.setHtml(results_html(results))
        self._show_facets(results.facets)

    def _show_facets(self, facets) -> None:
        self.facets.clear()
        titles = {"year": self.tr("Year"), "journal": self.tr("Journal"), "pubtype": self.tr("Publication type"),
                  "tags": self.tr("Tags")}
        for name in FACET_NAMES:
            values = facets.get(name) or []
            if not values:
                continue
            group = QTreeWidgetItem([titles[name]])
            group.setData(0, Qt.ItemDataRole.UserRole, None)
            for value, count in values[:15]:
                chosen = self.filters.get(name) == value
                item = QTreeWidgetItem([f"{'✓ ' if chosen else ''}{value}  ({count})"])
                item.setData(0, Qt.ItemDataRole.UserRole, (name, value))
                group.addChild(item)
            self.facets.addTopLevelItem(group)
            group.setExpanded(True)

    def _facet_clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        choice = item.data(0, Qt.ItemDataRole.UserRole)
        if choice is None:
            return
        name, value = choice
        if self.filters.get(name) == value:
            del self.filters[name]
        else:
            self.filters[name] = value
        self.run_search()

    def _link_clicked(self, url: QUrl) -> None:
        target = url.toString()
        if target.startswith("ref:"):
            self.show_reference(int(target[4:]))
        elif target.startswith("suggest:"):
            self.search_box.setText(target[len("suggest:"):])

    def show_reference(self, ref_id: int) -> None:
        from cdss.literature.search import more_like_this

        ref = self.library.get(ref_id)
        similar = more_like_this(self.library.index(), ref_id, limit=5)
        self.detail.setHtml(reference_html(ref, similar))

    # -- importing -----------------------------------------------------------------------------------------------
    def _ask_import(self) -> None:
        paths, _filter = QFileDialog.getOpenFileNames(self, self.tr("Import references"), "", self.tr(
            "References (*.xml *.nbib *.txt *.ris *.bib *.json *.pdf);;All files (*)"))
        if paths:
            self.import_files([Path(p) for p in paths])

    def import_files(self, paths: list[Path]):
        if self.library is None:
            return None
        handle = self.ctx.tasks.run_write(self.library.import_paths, paths, name="literature-import")
        run_with_progress(self, handle, self.tr("Importing references…"))
        handle.finished.connect(self._import_done)
        return handle

    def _import_done(self, summary) -> None:
        lines = [self.tr("Added {added}, merged as duplicates {dup}, refused {bad} files.").format(
            added=summary.added, dup=summary.duplicates, bad=len(summary.rejected))]
        lines.extend(f"{r.path.name}: {r.message}" for r in summary.rejected[:10])
        self.last_import_message = "\n".join(lines)
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Import finished"), self.last_import_message,
                          QMessageBox.StandardButton.Ok, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.run_search()

    # -- text ----------------------------------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.search_box.setPlaceholderText(
            self.tr("Search papers: words, \"phrases\", title:, author:, journal:, mesh:, year:2015-2020")
            if self.library is not None else self.tr("Opening the library…"))
        current = self.sort_combo.currentData()
        self.sort_combo.blockSignals(True)
        self.sort_combo.clear()
        self.sort_combo.addItem(self.tr("Relevance"), "relevance")
        self.sort_combo.addItem(self.tr("Newest first"), "date")
        self.sort_combo.setCurrentIndex(max(0, self.sort_combo.findData(current)))
        self.sort_combo.blockSignals(False)
        self.import_button.setText(self.tr("Import…"))
        if self.last_results is not None:
            self._show_results(self._query_serial, self.last_results)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
