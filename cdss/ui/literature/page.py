"""The Literature room page: one search box, facets to narrow, results with highlighted snippets, a paper's detail.

The library and its index open in the background when the room is built; searches run on the task runner's read
pool and only the answer to the latest query is shown, so typing never waits for Whoosh. Imports go through the
single writer with a progress dialog and end with a report of what was added, merged or refused. Results can be
ticked and exported (the ticked ones, or every result shown when none is ticked) to RIS, BibTeX or CSL-JSON; a paper's
detail (tags, notes, linked cases, PDF) lives in :mod:`cdss.ui.literature.paper_panel`.
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
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cdss.ui import palette
from cdss.ui.context import AppContext
from cdss.ui.literature.paper_panel import PaperPanel
from cdss.ui.literature.results_html import results_html
from cdss.ui.progress_dialog import run_with_progress
from cdss.ui.tasks import while_alive

SEARCH_DELAY_MS = 150
FACET_NAMES = ("year", "journal", "pubtype", "tags")
EXPORT_FORMATS = (("ris", "RIS (*.ris)", ".ris"), ("bibtex", "BibTeX (*.bib)", ".bib"),
                  ("csl-json", "CSL-JSON (*.json)", ".json"))


class LiteraturePage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page_literature")
        self.ctx = ctx
        self.library = None
        self.filters: dict[str, str] = {}
        self.last_results = None
        self._query_serial = 0
        self.selected: set[int] = set()
        self.last_export_message = ""

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
        self.export_button = QPushButton(self)
        self.export_button.setObjectName("literatureExport")
        self.export_menu = QMenu(self.export_button)
        for fmt, file_filter, _suffix in EXPORT_FORMATS:
            self.export_menu.addAction(file_filter.split(" (")[0]).setData(fmt)  # "RIS", "BibTeX", "CSL-JSON"
        self.export_menu.triggered.connect(lambda action: self._ask_export(action.data()))
        self.export_button.setMenu(self.export_menu)
        bar.addWidget(self.search_box, 1)
        bar.addWidget(self.sort_combo)
        bar.addWidget(self.import_button)
        bar.addWidget(self.export_button)

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
        self.paper_panel = PaperPanel(ctx, splitter)
        self.paper_panel.link_clicked.connect(self._link_clicked)
        self.paper_panel.saved.connect(self.run_search)
        self.detail = self.paper_panel.detail
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

        workspace = self.ctx.workspace

        def open_library():
            library = LiteratureLibrary.shared(workspace)
            library.index()  # moves an old JSON-lines store into SQLite, opens or rebuilds the index
            return library

        self.search_box.setEnabled(False)
        handle = self.ctx.tasks.run_write(open_library, name="open-literature")
        handle.finished.connect(self._library_ready)

    def _library_ready(self, library) -> None:
        self.library = library
        self.paper_panel.library = library
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
            self.count_label.setText(self.tr("{count} papers in the library").format(count=self.library.count()))
            hint = self.tr("Type words in Chinese or English to search titles, abstracts, authors, journals and MeSH "
                           "terms, or import PubMed, MEDLINE, RIS, BibTeX, CSL-JSON or PDF files.")
            self.results.setHtml(f"<p style='color:{palette.current().text_muted}'>{hint}</p>")
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

            self.results.setHtml(f"<p style='color:{palette.current().danger}'>{escape(user_error_text(error))}</p>")

    def _show_results(self, serial: int, results) -> None:
        if serial != self._query_serial:
            return  # an answer to a query the user has already changed
        self.last_results = results
        self.count_label.setText(self.tr("{count} papers").format(count=results.total))
        self.results.setHtml(results_html(results, self.selected))
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
        elif target.startswith("select:"):
            self.toggle_selected(int(target[len("select:"):]))
        elif target.startswith("suggest:"):
            self.search_box.setText(target[len("suggest:"):])

    def show_reference(self, ref_id: int):
        """Show a paper's detail (loaded in the background); returns the task handle."""
        return self.paper_panel.show_reference(ref_id)

    def toggle_selected(self, ref_id: int) -> None:
        self.selected.symmetric_difference_update({ref_id})
        if self.last_results is not None:
            scroll = self.results.verticalScrollBar()
            position = scroll.value()  # ticking a box must not jump back to the top of a long list
            self.results.setHtml(results_html(self.last_results, self.selected))
            scroll.setValue(position)

    # -- exporting -----------------------------------------------------------------------------------------------
    def export_ids(self) -> list[int]:
        """The ticked papers, or every result shown when none is ticked."""
        if self.selected:
            return sorted(self.selected)
        return [hit.id for hit in self.last_results.hits] if self.last_results is not None else []

    def _ask_export(self, fmt: str) -> None:
        ids = self.export_ids()
        if not ids or self.library is None:
            self._tell(self.tr("Export"), self.tr("Search first, or tick the papers to export."))
            return
        _fmt, file_filter, suffix = next(f for f in EXPORT_FORMATS if f[0] == fmt)
        path, _chosen = QFileDialog.getSaveFileName(self, self.tr("Export references"), f"references{suffix}",
                                                    file_filter)
        if path:
            self.export_to(Path(path), fmt, ids)

    def export_to(self, path: Path, fmt: str, ids: list[int] | None = None):
        """Write the papers (default: :meth:`export_ids`) to ``path`` in the background; returns the task handle."""
        from cdss.literature.exporters import export_references

        library, wanted = self.library, ids if ids is not None else self.export_ids()

        def work():
            refs = library.references(wanted)
            text = export_references([refs[i] for i in wanted if i in refs], fmt)
            path.write_text(text, encoding="utf-8")
            return len(refs)

        handle = self.ctx.tasks.run(work, name="literature-export")
        handle.finished.connect(while_alive(self, lambda count: self._exported(path, count)))
        return handle

    def _exported(self, path: Path, count: int) -> None:
        self.last_export_message = self.tr("Exported {count} papers to {file}.").format(count=count, file=path.name)
        self._tell(self.tr("Export finished"), self.last_export_message)

    def _tell(self, title: str, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok, self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

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
        attached = sum(f.attached_pdfs for f in summary.files)
        if attached:
            lines.append(self.tr("{count} PDFs were attached to papers already in the library.").format(
                count=attached))
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
        self.export_button.setText(self.tr("Export"))
        self.export_button.setToolTip(self.tr("Export the ticked papers, or all results shown when none is ticked"))
        if self.last_results is not None:
            self._show_results(self._query_serial, self.last_results)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
