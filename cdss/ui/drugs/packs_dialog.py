"""The "Knowledge packs" dialog: list imported interaction/ATC packs, import one more, delete one.

Imports run on the single writer with progress shown in the dialog and can be cancelled. Parsing finishes before
anything is written (cdss.drugs.importers.import_pack_into), so a bad or cancelled file leaves the packs as they were;
the dialog then says why in words. ``packs_changed`` tells the Drugs room to reload its backend.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cdss.drugs.packs import PackStore, PackSummary
from cdss.drugs.vocab import PACKS_SUBDIR
from cdss.errors import Cancelled, UserError
from cdss.ui import palette
from cdss.ui.context import AppContext
from cdss.ui.error_texts import user_error_text
from cdss.ui.tasks import TaskHandle, while_alive

#: (format token, label, file filter) for the format chooser and the file dialog.
FORMATS = (
    ("ddinter", QT_TRANSLATE_NOOP("DrugPacks", "DDInter interactions (CSV)"),
     QT_TRANSLATE_NOOP("DrugPacks", "DDInter CSV (*.csv);;All files (*)")),
    ("ansm", QT_TRANSLATE_NOOP("DrugPacks", "ANSM thesaurus (French JSON or English 2016 TSV)"),
     QT_TRANSLATE_NOOP("DrugPacks", "ANSM files (*.json *.tsv);;All files (*)")),
    ("atc", QT_TRANSLATE_NOOP("DrugPacks", "WHO ATC/DDD index (CSV)"),
     QT_TRANSLATE_NOOP("DrugPacks", "ATC CSV (*.csv);;All files (*)")),
)


class PacksDialog(QDialog):
    packs_changed = Signal()

    COLUMNS = 8

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("drugPacksDialog")
        self.ctx = ctx
        self.store = PackStore(ctx.workspace.subdir(PACKS_SUBDIR))
        self.summaries: list[PackSummary] = []
        self.import_handle: TaskHandle | None = None
        self.last_message = ""

        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.table = QTableWidget(0, self.COLUMNS, self)
        self.table.setObjectName("packsTable")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.COLUMNS - 1, QHeaderView.ResizeMode.Stretch)  # licence: long, elided
        self.table.verticalHeader().setVisible(False)
        self.table.itemSelectionChanged.connect(self._update_buttons)

        self.format_combo = QComboBox(self)
        self.format_combo.setObjectName("packFormat")
        self.import_button = QPushButton(self)
        self.import_button.setObjectName("packImport")
        self.import_button.clicked.connect(self._ask_import)
        self.delete_button = QPushButton(self)
        self.delete_button.setObjectName("packDelete")
        self.delete_button.clicked.connect(self._ask_delete)
        self.cancel_button = QPushButton(self)
        self.cancel_button.setObjectName("packCancel")
        self.cancel_button.clicked.connect(self.cancel_import)
        actions = QHBoxLayout()
        actions.addWidget(self.format_combo, 1)
        actions.addWidget(self.import_button)
        actions.addWidget(self.delete_button)

        self.progress = QProgressBar(self)
        self.progress.setObjectName("packProgress")
        self.status = QLabel(self)
        self.status.setObjectName("packStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.cancel_button)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addLayout(progress_row)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.resize(860, 420)
        self._set_running(False)
        self.retranslate_ui()
        self.refresh()

    # -- listing -------------------------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Re-read the pack list (only each file's first line: fast enough for the GUI thread)."""
        self.summaries = self.store.list()
        self.table.setRowCount(len(self.summaries))
        for row, s in enumerate(self.summaries):
            values = (s.name, s.format, s.version, f"{s.pairs:,}", f"{s.drugs:,}", f"{s.atc_codes:,}", s.imported_at,
                      s.licence)
            for column, value in enumerate(values):
                item = QTableWidgetItem(str(value))
                if 3 <= column <= 5:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                tip = [self.tr("Source: {source}").format(source=s.source),
                       self.tr("Licence: {licence}").format(licence=s.licence), *s.notes]
                item.setToolTip("\n".join(tip))
                self.table.setItem(row, column, item)
        self._update_buttons()

    def selected_name(self) -> str | None:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        return self.summaries[min(rows)].name if rows else None

    # -- importing -----------------------------------------------------------------------------------------------
    def _ask_import(self) -> None:
        fmt = self.format_combo.currentData()
        file_filter = next(f for token, _label, f in FORMATS if token == fmt)
        paths, _chosen = QFileDialog.getOpenFileNames(self, self.tr("Import a knowledge pack"), "",
                                                      QCoreApplication.translate("DrugPacks", file_filter))
        if paths:
            self.import_files(fmt, [Path(p) for p in paths])

    def import_files(self, format_name: str, paths: list[Path]) -> TaskHandle:
        from cdss.drugs.importers import import_pack_into

        self._set_running(True)
        self.progress.setRange(0, 0)
        self._show_status(self.tr("Importing {count} file(s)…").format(count=len(paths)))
        handle = self.ctx.tasks.run_write(import_pack_into, self.store, format_name, paths, name="drug-pack-import",
                                          on_error=while_alive(self, self._import_failed))
        handle.progressed.connect(while_alive(self, self._on_progress))
        handle.finished.connect(while_alive(self, self._import_done))
        self.import_handle = handle
        return handle

    def cancel_import(self) -> None:
        if self.import_handle is not None and not self.import_handle.is_done:
            self.import_handle.cancel()

    def _on_progress(self, done: int, total: int, label: str) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(min(done, total))
        if label:
            self.progress.setFormat(label)

    def _import_done(self, pack) -> None:
        self._set_running(False)
        self.refresh()
        summary = next((s for s in self.summaries if s.name == pack.name), None)
        pairs = summary.pairs if summary else 0
        self._show_status(self.tr("Imported {name} ({version}): {pairs} pairs. The Drugs room now uses it.").format(
            name=pack.name, version=pack.version, pairs=f"{pairs:,}"))
        self.packs_changed.emit()

    def _import_failed(self, error: BaseException) -> None:
        self._set_running(False)
        if isinstance(error, Cancelled):
            self._show_status(self.tr("Import cancelled; nothing was stored."))
        elif isinstance(error, UserError):
            reason = user_error_text(error)
            self._show_status(self.tr("Import refused; nothing was stored. {reason}").format(reason=reason),
                              problem=True)
        else:
            self._show_status(self.tr("Import failed; nothing was stored."), problem=True)
            self.ctx.errors.report(error)

    # -- deleting ------------------------------------------------------------------------------------------------
    def _ask_delete(self) -> None:
        name = self.selected_name()
        if name is None:
            return
        answer = QMessageBox.question(self, self.tr("Delete knowledge pack"), self.tr(
            "Delete the imported pack {name}? Its ratings no longer show next to alerts until it is imported "
            "again.").format(name=name))
        if answer == QMessageBox.StandardButton.Yes:
            self.delete_pack(name)

    def delete_pack(self, name: str) -> TaskHandle:
        self._set_running(True, deleting=True)
        handle = self.ctx.tasks.run_write(self.store.delete, name, name="drug-pack-delete")
        handle.finished.connect(while_alive(self, lambda _removed: self._deleted(name)))
        handle.done.connect(while_alive(self, lambda: self._set_running(False)))
        return handle

    def _deleted(self, name: str) -> None:
        self.refresh()
        self._show_status(self.tr("Deleted {name}.").format(name=name))
        self.packs_changed.emit()

    # -- state and text ------------------------------------------------------------------------------------------
    def _set_running(self, running: bool, deleting: bool = False) -> None:
        self.import_button.setEnabled(not running)
        self.format_combo.setEnabled(not running)
        self.progress.setVisible(running and not deleting)
        self.cancel_button.setVisible(running and not deleting)
        self._running = running
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.delete_button.setEnabled(not getattr(self, "_running", False) and self.selected_name() is not None)

    def _show_status(self, text: str, problem: bool = False) -> None:
        self.last_message = text
        palette.set_tone(self.status, "danger" if problem else "secondary")
        self.status.setText(text)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Knowledge packs"))
        self.intro.setText(self.tr(
            "Imported sources add their ratings next to the shipped rules (each source shown by name, disagreements "
            "marked). The shipped pack cannot be removed. Re-importing a source replaces its pack."))
        self.table.setHorizontalHeaderLabels([
            self.tr("Name"), self.tr("Format"), self.tr("Version"), self.tr("Pairs"), self.tr("Drugs"),
            self.tr("ATC codes"), self.tr("Imported"), self.tr("Licence")])
        current = self.format_combo.currentData()
        self.format_combo.clear()
        for token, label, _filter in FORMATS:
            self.format_combo.addItem(QCoreApplication.translate("DrugPacks", label), token)
        self.format_combo.setCurrentIndex(max(0, self.format_combo.findData(current)))
        self.import_button.setText(self.tr("Import files…"))
        self.delete_button.setText(self.tr("Delete"))
        self.cancel_button.setText(self.tr("Cancel import"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
