"""Import patients from files: FHIR bundles go straight in; CSV/Excel tables get a column mapping and a dry run first.

Every file is all-or-nothing: a table is imported only after a validation run with the exact mapping shown reported
no problem, and the load + save run as one task on the single writer, so a bad row never leaves half a file stored.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cdss.errors import UserError
from cdss.records.tabular_fields import FIELDS, IGNORE
from cdss.records.tabular_import import ValidationReport
from cdss.ui.context import AppContext
from cdss.ui.records.import_texts import FIELD_LABELS, field_label, import_error_text, row_problem_text
from cdss.ui.tasks import while_alive

__all__ = ["FIELD_LABELS", "ImportDialog", "field_label"]  # the labels moved to import_texts


class ImportDialog(QDialog):
    imported = Signal()  # after any file was stored: the page refreshes its list

    def __init__(self, ctx: AppContext, service, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recordsImportDialog")
        self.resize(760, 560)
        self.ctx = ctx
        self.service = service
        self.table_path: Path | None = None
        self.columns: tuple[str, ...] = ()
        self.report: ValidationReport | None = None
        self._validated_mapping: dict[str, str] | None = None
        self._generation = 0  # ignore dry runs that finish after the mapping changed again
        self.last_handle = None

        self.choose_button = QPushButton(self)
        self.choose_button.setObjectName("importChooseFiles")
        self.choose_button.clicked.connect(self.ask_files)
        self.file_label = QLabel(self)
        self.file_label.setObjectName("importTableFile")
        self.mapping_table = QTableWidget(0, 2, self)
        self.mapping_table.setObjectName("importMapping")
        self.mapping_table.verticalHeader().setVisible(False)
        self.mapping_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.report_view = QPlainTextEdit(self)
        self.report_view.setObjectName("importReport")
        self.report_view.setReadOnly(True)
        self.log_view = QPlainTextEdit(self)
        self.log_view.setObjectName("importLog")
        self.log_view.setReadOnly(True)
        self.log_view.setMaximumHeight(110)
        self.import_button = QPushButton(self)
        self.import_button.setObjectName("importTableButton")
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.import_table)
        self.mapping_label = QLabel(self)
        self.report_label = QLabel(self)
        self.log_label = QLabel(self)
        top = QHBoxLayout()
        top.addWidget(self.choose_button)
        top.addWidget(self.file_label, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.import_button)
        bottom.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.close)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.mapping_label)
        layout.addWidget(self.mapping_table, 2)
        layout.addWidget(self.report_label)
        layout.addWidget(self.report_view, 1)
        layout.addWidget(self.log_label)
        layout.addWidget(self.log_view)
        layout.addLayout(bottom)
        self.retranslate_ui()

    # -- choosing files ------------------------------------------------------------------------------------------
    def ask_files(self) -> None:
        paths, _filter = QFileDialog.getOpenFileNames(
            self, self.tr("Import patients"), str(Path.home()),
            self.tr("Patient files (*.json *.ndjson *.csv *.txt *.xlsx);;All files (*)"))
        self.add_files([Path(p) for p in paths])

    def add_files(self, paths: list[Path]) -> None:
        """FHIR files are imported at once; the first table is opened for mapping (others are listed to do next)."""
        from cdss.records.importers import detect_format

        tables = []
        for path in paths:
            try:
                kind = detect_format(path)
            except UserError as error:
                self._log(self.tr("{name}: {message}").format(name=path.name, message=import_error_text(error)))
                continue
            if kind == "fhir":
                self.import_fhir(path)
            else:
                tables.append(path)
        if tables:
            self.open_table(tables[0])
            for later in tables[1:]:
                self._log(self.tr("{name}: a table — choose it again after this one to map its columns.")
                          .format(name=later.name))

    # -- FHIR ----------------------------------------------------------------------------------------------------
    def import_fhir(self, path: Path):
        from cdss.records.importers import read_records

        def work(progress=None):
            records = read_records(path, progress=progress)
            return self.service.patients.save_records(records)

        handle = self.ctx.tasks.run_write(work, name="import-fhir",
                                          on_error=while_alive(self, lambda e: self._failed(path, e)))
        handle.finished.connect(while_alive(self, lambda outcome: self._stored(path, outcome)))
        self._with_progress(handle)
        self.last_handle = handle
        return handle

    # -- tables --------------------------------------------------------------------------------------------------
    def open_table(self, path: Path):
        """Dry-run the table with the suggested mapping; the report fills in the columns and their fields."""
        self.table_path = path
        self.columns = ()
        self.mapping_table.setRowCount(0)
        self.file_label.setText(path.name)
        return self.revalidate(None)

    def current_mapping(self) -> dict[str, str]:
        mapping = {}
        for row, column in enumerate(self.columns):
            combo: QComboBox = self.mapping_table.cellWidget(row, 1)
            mapping[column] = combo.currentData()
        return mapping

    def revalidate(self, mapping: dict[str, str] | None = None):
        from cdss.records.tabular_import import validate

        if self.table_path is None:
            return None
        self._generation += 1
        generation = self._generation
        self.import_button.setEnabled(False)
        self.report = None
        self.report_view.setPlainText(self.tr("Checking every row…"))
        path = self.table_path

        def on_error(error: BaseException) -> None:
            if generation != self._generation:
                return
            if isinstance(error, UserError):
                self.report_view.setPlainText(import_error_text(error))
            else:
                raise error

        handle = self.ctx.tasks.run(validate, path, mapping, name="validate-table", on_error=on_error)
        handle.finished.connect(while_alive(self, lambda report: self._show_report(generation, report)))
        self._with_progress(handle)
        self.last_handle = handle
        return handle

    def _show_report(self, generation: int, report: ValidationReport) -> None:
        if generation != self._generation:
            return
        if not self.columns:
            self._fill_mapping(report.columns, report.mapping)
        self.report = report
        self._validated_mapping = self.current_mapping()
        lines = [self.tr("{ok} of {total} rows OK ({patients} patients); {bad} rows with problems.").format(
            ok=report.rows_ok, total=report.rows_total, patients=report.patients, bad=report.rows_with_problems)]
        lines += [row_problem_text(problem) for problem in report.problems[:50]]
        if len(report.problems) > 50:
            lines.append(self.tr("… and {count} more.").format(count=len(report.problems) - 50))
        if report.ok:
            lines.append(self.tr("Ready to import."))
        self.report_view.setPlainText("\n".join(lines))
        self.import_button.setEnabled(report.ok)

    def _fill_mapping(self, columns: tuple[str, ...], mapping: dict[str, str]) -> None:
        self.columns = tuple(columns)
        self.mapping_table.setRowCount(len(columns))
        for row, column in enumerate(columns):
            item = QTableWidgetItem(column)
            self.mapping_table.setItem(row, 0, item)
            combo = QComboBox(self.mapping_table)
            combo.addItem(self.tr("(ignore)"), IGNORE)
            for field_name in FIELDS:
                combo.addItem(field_label(field_name), field_name)
            combo.setCurrentIndex(max(0, combo.findData(mapping.get(column, IGNORE))))
            combo.currentIndexChanged.connect(lambda _i: self.revalidate(self.current_mapping()))
            self.mapping_table.setCellWidget(row, 1, combo)

    def import_table(self):
        from cdss.records.tabular_import import load

        mapping = self.current_mapping()
        if self.table_path is None or self.report is None or not self.report.ok or mapping != self._validated_mapping:
            return None
        path = self.table_path

        def work(progress=None):
            records = load(path, mapping, progress=progress)
            return self.service.patients.save_records(records)

        self.import_button.setEnabled(False)
        handle = self.ctx.tasks.run_write(work, name="import-table",
                                          on_error=while_alive(self, lambda e: self._failed(path, e)))
        handle.finished.connect(while_alive(self, lambda outcome: self._stored(path, outcome)))
        self._with_progress(handle)
        self.last_handle = handle
        return handle

    # -- outcome -------------------------------------------------------------------------------------------------
    def _stored(self, path: Path, outcome) -> None:
        text = (self.tr("{name}: patients imported: {added}; skipped (already present): {skipped}.")
                .format(name=path.name, added=len(outcome.added), skipped=len(outcome.skipped)))
        self._log(text)
        self.imported.emit()

    def _failed(self, path: Path, error: BaseException) -> None:
        if isinstance(error, UserError):
            self._log(self.tr("{name}: nothing imported. {message}").format(name=path.name,
                                                                             message=import_error_text(error)))
        elif self.ctx.tasks.default_error_handler is not None:
            self.ctx.tasks.default_error_handler(error)

    def _log(self, text: str) -> None:
        self.log_view.appendPlainText(text)

    def _with_progress(self, handle) -> None:
        from cdss.ui.progress_dialog import run_with_progress

        run_with_progress(self, handle, self.tr("Importing…"))

    # -- text ----------------------------------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Import patients"))
        self.choose_button.setText(self.tr("Choose files…"))
        if self.table_path is None:
            self.file_label.setText(self.tr("FHIR files are imported at once; CSV and Excel tables are checked first."))
        self.mapping_table.setHorizontalHeaderLabels([self.tr("Column in the file"), self.tr("Field")])
        self.mapping_label.setText(self.tr("Column mapping"))
        self.report_label.setText(self.tr("Check (nothing is stored yet)"))
        self.log_label.setText(self.tr("Imported"))
        self.import_button.setText(self.tr("Import"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
