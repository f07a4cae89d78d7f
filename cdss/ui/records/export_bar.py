"""Beside the case chooser: export the case on screen as PDF (optionally de-identified) or FHIR, or share it.

The exports run on the read pool (:mod:`cdss.ui.records.case_export`); sharing opens the Exchange's dialog with its
de-identified preview and consent.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QCheckBox, QDialog, QFileDialog, QHBoxLayout, QPushButton, QWidget

from cdss.ui.tasks import while_alive

if TYPE_CHECKING:
    from cdss.ui.context import AppContext
    from cdss.ui.records.selection import RecordSelection


class CaseExportBar(QWidget):
    def __init__(self, ctx: AppContext, selection: RecordSelection, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.selection = selection
        self.export_status = ""
        self.share_dialog: QDialog | None = None  # the Exchange share dialog, created on first use
        self.deidentify_check = QCheckBox(self)
        self.deidentify_check.setObjectName("exportDeidentified")
        # the doctor's last choice; de-identified (the safer one) until they make one
        self.deidentify_check.setChecked(bool(ctx.settings.get("records.export_deidentified")))
        self.deidentify_check.toggled.connect(
            lambda on: self.ctx.settings.set("records.export_deidentified", bool(on)))
        self.pdf_button = QPushButton(self)
        self.pdf_button.setObjectName("exportPdfButton")
        self.pdf_button.clicked.connect(self.ask_export_pdf)
        self.fhir_button = QPushButton(self)
        self.fhir_button.setObjectName("exportFhirButton")
        self.fhir_button.clicked.connect(self.ask_export_fhir)
        self.share_button = QPushButton(self)
        self.share_button.setObjectName("shareCaseButton")
        self.share_button.clicked.connect(self.ask_share)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.deidentify_check, self.pdf_button, self.fhir_button, self.share_button):
            layout.addWidget(widget)
        selection.changed.connect(self._selection_changed)
        self.retranslate_ui()
        self._selection_changed()

    def _selection_changed(self) -> None:
        patient_open = self.selection.patient is not None
        for widget in (self.deidentify_check, self.pdf_button, self.fhir_button):
            widget.setEnabled(patient_open)
        self.share_button.setEnabled(self.selection.case is not None)

    def _suggested_path(self, suffix: str) -> str:
        case = self.selection.case
        stem = f"case-{case.id}" if case is not None else "case"
        deid = "-deid" if self.deidentify_check.isChecked() and suffix == ".pdf" else ""
        return str(Path.home() / f"{stem}{deid}{suffix}")

    def ask_export_pdf(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Export PDF"), self._suggested_path(".pdf"),
                                                    self.tr("PDF files (*.pdf)"))
        if path:
            self.export_pdf(Path(path), deidentified=self.deidentify_check.isChecked())

    def ask_export_fhir(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Export FHIR"), self._suggested_path(".json"),
                                                    self.tr("FHIR JSON (*.json)"))
        if path:
            self.export_fhir(Path(path))

    def ask_share(self):
        """Open the Exchange share dialog (side-by-side de-identified preview and consent) for the case on screen."""
        from cdss.ui.exchange.share_dialog import open_share_dialog

        case = self.selection.case
        if case is None or case.id is None:
            return None
        self.share_dialog = open_share_dialog(self.ctx, case.id, self.window())
        return self.share_dialog

    def export_pdf(self, out_path: Path, *, deidentified: bool):
        """Write the case on screen as a PDF report on the read pool; returns the task handle (None: no case)."""
        from cdss.ui.progress_dialog import run_with_progress
        from cdss.ui.records.case_export import export_pdf_task

        patient, case = self.selection.patient, self.selection.case
        if patient is None or case is None:
            return None
        settings = self.ctx.settings
        handle = export_pdf_task(self.ctx.tasks, self.ctx.workspace, patient, case, out_path,
                                 deidentified=deidentified, labels_language=self.ctx.languages.content_language,
                                 clinic=settings.get("report.clinic"), doctor=settings.get("report.doctor"))
        handle.finished.connect(while_alive(self, self._export_done))
        run_with_progress(self.window(), handle, self.tr("Exporting PDF…"))
        return handle

    def export_fhir(self, out_path: Path):
        """Write the case on screen as a FHIR R4 bundle on the read pool; returns the task handle (None: no case)."""
        from cdss.ui.progress_dialog import run_with_progress
        from cdss.ui.records.case_export import export_fhir_task

        patient, case = self.selection.patient, self.selection.case
        if patient is None or case is None:
            return None
        handle = export_fhir_task(self.ctx.tasks, patient, case, out_path)
        handle.finished.connect(while_alive(self, self._export_done))
        run_with_progress(self.window(), handle, self.tr("Exporting FHIR bundle…"))
        return handle

    def _export_done(self, path) -> None:
        self.export_status = self.tr("Saved {path}").format(path=str(path))
        window = self.window()
        if hasattr(window, "statusBar"):
            window.statusBar().showMessage(self.export_status, 8000)

    def retranslate_ui(self) -> None:
        self.pdf_button.setText(self.tr("Export PDF…"))
        self.fhir_button.setText(self.tr("Export FHIR…"))
        self.deidentify_check.setText(self.tr("De-identified"))
        self.deidentify_check.setToolTip(self.tr("Remove names, identifiers and exact dates from the PDF"))
        self.share_button.setText(self.tr("Share…"))
        self.share_button.setToolTip(self.tr("Share this case, de-identified, on the case exchange"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
