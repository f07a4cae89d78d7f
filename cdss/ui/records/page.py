"""The Records room page: patient cards with instant search on the left, the chosen patient's case on the right.

The list is a paged model over the records service, so ten thousand patients cost one page to open. Writes go
through the task runner's single writer; the quick-capture text is saved as a draft while typing, so closing the
window or a crash never loses it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from cdss.records.targets import target_ranges
from cdss.records.types import Entry, EntryKind, PatientRecord, age_on, stored_id
from cdss.ui import palette
from cdss.ui.changes import PATIENTS, RecordChange
from cdss.ui.context import AppContext
from cdss.ui.models.lazy_table_model import ROW_ROLE, Column, LazyTableModel
from cdss.ui.records.attachment_drop import AttachmentDropHandler
from cdss.ui.records.case_alerts import CaseAlertsBanner
from cdss.ui.records.due_button import DueButton
from cdss.ui.records.entry_editor import TimelineEditor
from cdss.ui.records.evidence_panel import EvidencePanel
from cdss.ui.records.labs_panel import LabsPanel
from cdss.ui.records.medications_panel import MedicationsPanel
from cdss.ui.records.patient_card_delegate import PatientCardDelegate
from cdss.ui.records.record_actions import RecordActions
from cdss.ui.records.timeline_html import TimelineBrowser, case_timeline_html, kind_text
from cdss.ui.tasks import while_alive

PAGE_SIZE = 100
DRAFT_DELAY_MS = 400
CAPTURE_KINDS = (EntryKind.NOTE, EntryKind.COMPLAINT, EntryKind.HISTORY, EntryKind.EXAM, EntryKind.TEST,
                 EntryKind.DIAGNOSIS, EntryKind.TREATMENT, EntryKind.PROGRESS)


class RecordsPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page_records")
        self.ctx = ctx
        from cdss.records.service import RecordsService

        self.service = RecordsService(ctx.workspace)
        self.patient: PatientRecord | None = None
        self._open_request = 0  # the newest patient asked for (an older read arriving later is dropped)
        self.export_status = ""

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        left = QWidget(splitter)
        left_layout = QVBoxLayout(left)
        self.search_box = QLineEdit(left)
        self.search_box.setObjectName("patientSearch")
        self.search_box.setClearButtonEnabled(True)
        self.search_box.textChanged.connect(self.search)
        self.new_button = QPushButton(left)
        self.new_button.setObjectName("newPatientButton")
        self.new_button.clicked.connect(self.ask_new_patient)
        self.import_button = QPushButton(left)
        self.import_button.setObjectName("importPatientsButton")
        self.import_button.clicked.connect(self.show_import)
        self.import_dialog = None  # created on first use
        self.due = DueButton(ctx, self.service, self.open_patient_case, left)
        self.count_label = QLabel(left)
        self.count_label.setWordWrap(True)
        self.count_label.setObjectName("patientCount")
        self.alert_counts: dict[int, int] = {}  # open re-check alerts per patient id, for the card badge
        self.model: LazyTableModel = LazyTableModel(
            [Column(lambda: self.tr("Patient"), lambda p: p.name)],
            self._patient_page,
            lambda: self.service.patients.count(search=self._query() or None),
            page_size=PAGE_SIZE, parent=self)
        self.patient_list = QListView(left)
        self.patient_list.setObjectName("patientList")
        self.patient_list.setModel(self.model)
        self.patient_list.setItemDelegate(PatientCardDelegate(
            self.patient_list, alert_count=lambda patient_id: self.alert_counts.get(patient_id, 0)))
        self.patient_list.setUniformItemSizes(True)
        self.patient_list.selectionModel().currentChanged.connect(lambda current, _prev: self._open_index(current))
        # Search gets a full row: squeezed beside three buttons its placeholder was cut to "Search n…".
        actions = QHBoxLayout()
        actions.addWidget(self.new_button)
        actions.addWidget(self.import_button)
        actions.addStretch(1)
        actions.addWidget(self.due)
        left_layout.addWidget(self.search_box)
        left_layout.addLayout(actions)
        left_layout.addWidget(self.count_label)
        left_layout.addWidget(self.patient_list, 1)

        right = QWidget(splitter)
        right_layout = QVBoxLayout(right)
        self.header = QLabel(right)
        self.header.setObjectName("patientHeader")
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.case_combo = QComboBox(right)
        self.case_combo.setObjectName("caseCombo")
        self.case_combo.currentIndexChanged.connect(lambda _i: self._show_case())
        self.export_pdf_button = QPushButton(right)
        self.export_pdf_button.setObjectName("exportPdfButton")
        self.export_pdf_button.clicked.connect(self.ask_export_pdf)
        self.deidentify_check = QCheckBox(right)
        self.deidentify_check.setObjectName("exportDeidentified")
        # the doctor's last choice; de-identified (the safer one) until they make one
        self.deidentify_check.setChecked(bool(ctx.settings.get("records.export_deidentified")))
        self.deidentify_check.toggled.connect(
            lambda on: self.ctx.settings.set("records.export_deidentified", bool(on)))
        self.export_fhir_button = QPushButton(right)
        self.export_fhir_button.setObjectName("exportFhirButton")
        self.export_fhir_button.clicked.connect(self.ask_export_fhir)
        self.share_button = QPushButton(right)
        self.share_button.setObjectName("shareCaseButton")
        self.share_button.clicked.connect(self.ask_share)
        self.share_dialog = None  # the Exchange share dialog, created on first use
        case_row = QHBoxLayout()
        case_row.addWidget(self.case_combo, 1)
        case_row.addWidget(self.deidentify_check)
        case_row.addWidget(self.export_pdf_button)
        case_row.addWidget(self.export_fhir_button)
        case_row.addWidget(self.share_button)
        self.timeline = TimelineBrowser(right)
        self.timeline.setObjectName("timeline")
        self.labs_panel = LabsPanel(right)
        self.tabs = QTabWidget(right)
        self.tabs.setObjectName("recordTabs")
        self.tabs.addTab(self.timeline, "")
        self.tabs.addTab(self.labs_panel, "")
        self.medications_panel = MedicationsPanel(ctx, right)  # decision support while prescribing
        self.medications_panel.prescribed.connect(self._after_prescription)
        self.medications_panel.drug_requested.connect(self._open_drug)
        self.tabs.addTab(self.medications_panel, "")
        self.case_alerts = CaseAlertsBanner(ctx, right)  # alerts raised by re-checks after new lab values
        self.case_alerts.rechecked.connect(self.medications_panel.refresh)
        self.case_alerts.count_changed.connect(self._alert_count_changed)
        # Papers from the library that match the case; searched only while the tab is in view.
        self.evidence_panel = EvidencePanel(ctx, right)
        self.evidence_panel.paper_requested.connect(self._open_paper)
        self.tabs.addTab(self.evidence_panel, "")
        self.tabs.currentChanged.connect(lambda _i: self._refresh_evidence())
        capture = QHBoxLayout()
        self.capture_kind = QComboBox(right)
        self.capture_kind.setObjectName("captureKind")
        self.capture_text = QLineEdit(right)
        self.capture_text.setObjectName("captureText")
        self.capture_text.returnPressed.connect(self.add_entry_from_capture)
        self.capture_text.textChanged.connect(lambda _t: self._draft_timer.start())
        self.capture_button = QPushButton(right)
        self.capture_button.setObjectName("captureAdd")
        self.capture_button.clicked.connect(self.add_entry_from_capture)
        capture.addWidget(self.capture_kind)
        capture.addWidget(self.capture_text, 1)
        capture.addWidget(self.capture_button)
        right_layout.addWidget(self.header)
        right_layout.addWidget(self.case_alerts)
        right_layout.addLayout(case_row)
        right_layout.addWidget(self.tabs, 1)
        right_layout.addLayout(capture)
        splitter.setSizes([340, 760])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(splitter)
        # Edit/delete with undo, labs/follow-ups/allergies and dropped or pasted files live in their own modules;
        # the page only places their widgets.
        self.editor = TimelineEditor(self)
        self.timeline.thumbnails = self.editor.thumbnail_bytes
        self.record_actions = RecordActions(self, self.editor)
        self.attachment_drop = AttachmentDropHandler(self, self.editor)
        ctx.changes.changed.connect(self._on_record_change)
        right_layout.insertWidget(right_layout.indexOf(self.tabs) + 1, self.editor.bar)
        right_layout.addWidget(self.record_actions.bar)
        self.medications_panel.on_stopped = self._after_stop  # a stop is undone through the page's undo bar

        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(DRAFT_DELAY_MS)
        self._draft_timer.timeout.connect(self._save_draft)
        self.retranslate_ui()
        self._show_patient(None, [])
        self.due.refresh()
        if self.model.rowCount():
            self.patient_list.setCurrentIndex(self.model.index(0, 0))

    # -- list ----------------------------------------------------------------------------------------------------
    def _query(self) -> str:
        return self.search_box.text().strip()

    def search(self, _text: str = "") -> None:
        self.model.reload()
        self._update_count()
        if self.model.rowCount():
            self.patient_list.setCurrentIndex(self.model.index(0, 0))

    def _update_count(self) -> None:
        if self.model.total:
            text = self.tr("1 patient") if self.model.total == 1 else self.tr("{count} patients")
            self.count_label.setText(text.format(count=self.model.total))
        elif self._query():
            self.count_label.setText(self.tr("No patient matches this search."))
        else:
            self.count_label.setText(self.tr("No patients yet. Add one with “New patient”, or import CSV, Excel or "
                                             "FHIR files with “cdss records import”."))

    def _patient_page(self, offset: int, limit: int):
        """A page of patient cards, with the open re-check alerts of those patients (one grouped query)."""
        from cdss.cds.alert_counts import open_alert_counts

        page = self.service.patients.page(offset, limit, search=self._query() or None)
        hide_minor = bool(self.ctx.settings.get("drugs.hide_minor_alerts"))
        counts = open_alert_counts(self.ctx.workspace, [p.id for p in page], hide_minor=hide_minor)
        self.alert_counts.update({p.id: counts.get(p.id, 0) for p in page})
        return page

    def settings_changed(self):
        """After the settings dialog: the hide-minor choice may have changed, so recount the loaded cards' badges
        and show the open patient's alerts and medications again with the current filter. Returns the recount task."""
        from cdss.cds.alert_counts import open_alert_counts

        if self.patient is not None:
            self.case_alerts.set_patient(self.patient.id)
            self.medications_panel.refresh()
        ids = list(self.alert_counts)
        if not ids:
            return None
        hide_minor = bool(self.ctx.settings.get("drugs.hide_minor_alerts"))
        handle = self.ctx.tasks.run(open_alert_counts, self.ctx.workspace, ids, hide_minor=hide_minor,
                                    name="cds-alert-counts")
        handle.finished.connect(while_alive(self, lambda counts: self._recounted(ids, counts)))
        return handle

    def _recounted(self, ids: list[int], counts: dict[int, int]) -> None:
        self.alert_counts.update({patient_id: counts.get(patient_id, 0) for patient_id in ids})
        self.patient_list.viewport().update()

    def _alert_count_changed(self, patient_id: int, count: int) -> None:
        if self.alert_counts.get(patient_id, 0) != count:
            self.alert_counts[patient_id] = count
            self.patient_list.viewport().update()

    # -- new patient ---------------------------------------------------------------------------------------------
    def ask_new_patient(self) -> None:
        from cdss.ui.records.new_patient_dialog import NewPatientDialog

        dialog = NewPatientDialog(self)
        dialog.accepted.connect(lambda: self.create_patient(dialog.value()))
        dialog.open()

    def create_patient(self, new):
        """Store a new patient with a first case, then show them; returns the task handle."""
        def write():
            patient = self.service.patients.create(new.name, sex=new.sex, birth_date=new.birth_date)
            self.service.cases.create(stored_id(patient), new.first_case_title)
            return patient.id

        handle = self.ctx.tasks.run_write(write, name="new-patient")
        handle.finished.connect(self._show_new_patient)
        return handle

    def _show_new_patient(self, patient_id: int) -> None:
        self.search_box.clear()
        self.search()
        for row in range(self.model.rowCount()):
            if self.model.row_at(row).id == patient_id:
                self.patient_list.setCurrentIndex(self.model.index(row, 0))
                return
        self.open_patient(patient_id)

    def _open_index(self, index) -> None:
        summary = index.data(ROW_ROLE) if index.isValid() else None
        self.open_patient(summary.id if summary is not None else None)

    def open_patient(self, patient_id: int | None, case_id: int | None = None, tab: int | None = None):
        """Show a patient (on ``case_id`` and tab ``tab`` when given). The record and its labs are read on the read
        pool, so a long record never freezes the window; the newest request wins. Returns the read's handle (None
        when clearing the page)."""
        self._open_request += 1
        request = self._open_request
        if patient_id is None:
            self._show_patient(None, [])
            return None
        service = self.service

        def read():
            return service.patients.get(patient_id), service.labs.for_patient(patient_id)

        handle = self.ctx.tasks.run(read, name="open-patient")
        handle.finished.connect(while_alive(self, lambda result: self._opened(request, result, case_id, tab)))
        return handle

    def _opened(self, request: int, result, case_id: int | None, tab: int | None) -> None:
        if request != self._open_request:
            return  # the doctor has since asked for another patient
        record, labs = result
        self._show_patient(record, labs)
        if case_id is not None:
            self._select_case(case_id)
        if tab is not None:
            self.tabs.setCurrentIndex(tab)

    # -- detail --------------------------------------------------------------------------------------------------
    def _show_patient(self, patient: PatientRecord | None, labs: list) -> None:
        if patient is None or self.patient is None or patient.id != self.patient.id:
            self.editor.bar.dismiss()  # another patient: the last change spoken of is not on screen any more
        self.patient = patient
        enabled = patient is not None
        for widget in (self.case_combo, self.capture_kind, self.capture_text, self.capture_button,
                       self.export_pdf_button, self.export_fhir_button, self.deidentify_check):
            widget.setEnabled(enabled)
        self.case_combo.blockSignals(True)
        self.case_combo.clear()
        if patient is not None:
            for case in sorted(patient.cases, key=lambda c: c.opened_on, reverse=True):
                self.case_combo.addItem(f"{case.opened_on.isoformat()}  {case.title}", case.id)
        self.case_combo.blockSignals(False)
        self.header.setText(self._header_html(patient))
        self.labs_panel.set_labs(labs, target_ranges(patient) if patient is not None else {})
        self.medications_panel.set_patient(patient.id if patient is not None else None)
        self.case_alerts.set_patient(patient.id if patient is not None else None)
        self._show_case()
        self._load_draft()

    def current_case(self):
        if self.patient is None:
            return None
        case_id = self.case_combo.currentData()
        return next((c for c in self.patient.cases if c.id == case_id), None)

    def _show_case(self) -> None:
        case = self.current_case()
        self.medications_panel.set_case(case.id if case is not None else None)
        self.record_actions.set_enabled(self.patient is not None, case is not None)
        if self.patient is None:
            hint = self.tr("Choose a patient on the left.")
            self.timeline.setHtml(f"<p style='color:{palette.current().text_muted}'>{hint}</p>")
        elif case is None:
            hint = self.tr("This patient has no cases yet.")
            self.timeline.setHtml(f"<p style='color:{palette.current().text_muted}'>{hint}</p>")
        else:
            self.timeline.setHtml(case_timeline_html(self.patient, case, editable=True,
                                                     thumbnail=self.editor.thumbnail))
        self.share_button.setEnabled(case is not None)
        self._refresh_evidence()

    def _refresh_evidence(self) -> None:
        if self.tabs.currentWidget() is not self.evidence_panel:
            return
        case = self.current_case()
        case_id = case.id if case is not None else None
        if case_id != self.evidence_panel.case_id:
            self.evidence_panel.show_case(case_id)

    def _open_paper(self, reference_id: int) -> None:
        """Show a suggested or linked paper in the Literature room."""
        if self.ctx.open_room is not None:
            self.ctx.open_room("literature").show_reference(reference_id)

    def _header_html(self, patient: PatientRecord | None) -> str:
        if patient is None:
            return ""
        from html import escape

        bits = [f"<span style='font-size:18px; font-weight:600'>{escape(patient.name)}</span>"]
        if patient.birth_date:
            age = age_on(patient.birth_date, dt.date.today())
            bits.append(escape(self.tr("{age} years").format(age=age)))
        if patient.allergies:
            names = ", ".join(a.substance for a in patient.allergies)
            allergies = self.tr("Allergies: {names}").format(names=names)
            bits.append(f"<span style='color:{palette.current().danger}'>{escape(allergies)}</span>")
        active = [m.name for m in patient.medications if m.active]
        if active:
            bits.append(escape(self.tr("Medications: {names}").format(names=", ".join(active))))
        return "<br>".join(bits)

    def _after_stop(self, outcome) -> None:
        """A stop changes the medications, the timeline and maybe the case alerts: offer Undo, show them again."""
        case = self.current_case()
        step = self.medications_panel.undo_step(outcome, case.id if case is not None else None)
        self.editor.push(step, self.tr("{name} stopped.").format(name=outcome.name))
        self.editor.reload(outcome.patient_id, step.case_id)

    def _open_drug(self, drug_id: str) -> None:
        """Show a medication's drug in the Drugs room (its monograph)."""
        if self.ctx.open_room is not None:
            self.ctx.open_room("drugs").show_drug(drug_id)

    def _after_prescription(self, patient_id: int) -> None:
        """A prescription adds a medication and a timeline entry: show both, staying on the same case. The undo
        bar spoke of an earlier change: it goes, so that its button is not read as undoing the prescription."""
        self.editor.bar.dismiss()
        case = self.current_case()
        self.open_patient(patient_id, case.id if case is not None else None)

    # -- quick capture -------------------------------------------------------------------------------------------
    def _draft_key(self) -> str | None:
        case = self.current_case()
        return f"capture:case:{case.id}" if case is not None else None

    def _save_draft(self) -> None:
        key = self._draft_key()
        if key is not None:
            self.ctx.tasks.run_write(self.service.drafts.save, key, self.capture_text.text(), name="save-draft")

    def _load_draft(self) -> None:
        key = self._draft_key()
        text = self.service.drafts.load(key) if key is not None else None
        self.capture_text.blockSignals(True)
        self.capture_text.setText(text or "")
        self.capture_text.blockSignals(False)

    def add_entry_from_capture(self):
        case = self.current_case()
        text = self.capture_text.text().strip()
        if case is None or not text:
            return None
        entry = Entry(kind=self.capture_kind.currentData(), occurred_at=dt.datetime.now().replace(microsecond=0),
                      text=text)
        patient_id = self.patient.id
        case_id = stored_id(case)
        key = f"capture:case:{case_id}"  # what _draft_key() says for this case

        def write():
            added = self.service.cases.add_entry(case_id, entry)
            self.service.drafts.clear(key)
            return added

        self._draft_timer.stop()
        handle = self.ctx.tasks.run_write(write, name="add-entry")
        handle.finished.connect(while_alive(self, lambda _added: (
            self.capture_text.clear(), self.open_patient(patient_id, case.id))))
        return handle

    def _select_case(self, case_id: int) -> None:
        index = self.case_combo.findData(case_id)
        if index >= 0:
            self.case_combo.setCurrentIndex(index)

    # -- import --------------------------------------------------------------------------------------------------
    def show_import(self):
        from cdss.ui.records.import_dialog import ImportDialog

        if self.import_dialog is None:
            self.import_dialog = ImportDialog(self.ctx, self.service, self)
            self.import_dialog.imported.connect(self._after_import)
        self.import_dialog.show()
        self.import_dialog.raise_()
        return self.import_dialog

    def _after_import(self) -> None:
        self.ctx.changes.publish(RecordChange(None, parts=frozenset({PATIENTS})))

    def _on_record_change(self, change: RecordChange) -> None:
        """Redraw what a write changed (cdss.ui.changes): the list when patients came or went, the due count, and
        the patient on screen when someone else changed it (this page's own writes have redrawn it already)."""
        if PATIENTS in change.parts:
            self.search()
        self.due.refresh()
        shown = self.patient.id if self.patient is not None else None
        if change.origin is not self and shown is not None and change.patient_id == shown:
            self.editor.show_again(shown, change.case_id)

    def prescribe_from_drugs_room(self, patient_id: int, drugs: list[tuple[str, str | None]]):
        """Drugs chosen in the Drugs room for this patient: prescribe each on the Medications tab (current case),
        through the same check, override dialog and timeline entry as one typed here."""
        handle = self.open_patient(patient_id, tab=self.tabs.indexOf(self.medications_panel))

        def start(_read) -> None:  # after the page shows this patient (connected after _opened, so it runs after it)
            if self.patient is not None and self.patient.id == patient_id:
                self.medications_panel.prescribe_queue(drugs)

        handle.finished.connect(while_alive(self, start))
        return handle

    def open_patient_case(self, patient_id: int, case_id: int):
        return self.open_patient(patient_id, case_id, self.tabs.indexOf(self.timeline))

    # -- export --------------------------------------------------------------------------------------------------
    def _export_name(self, suffix: str) -> str:
        case = self.current_case()
        stem = f"case-{case.id}" if case is not None else "case"
        return str(Path.home() / f"{stem}{'-deid' if self.deidentify_check.isChecked() and suffix == '.pdf' else ''}"
                                 f"{suffix}")

    def ask_export_pdf(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Export PDF"), self._export_name(".pdf"),
                                                    self.tr("PDF files (*.pdf)"))
        if path:
            self.export_pdf(Path(path), deidentified=self.deidentify_check.isChecked())

    def ask_share(self):
        """Open the Exchange share dialog (side-by-side de-identified preview and consent) for the current case."""
        from cdss.ui.exchange.share_dialog import open_share_dialog

        case = self.current_case()
        if case is None:
            return None
        self.share_dialog = open_share_dialog(self.ctx, case.id, self)
        return self.share_dialog

    def ask_export_fhir(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Export FHIR"), self._export_name(".json"),
                                                    self.tr("FHIR JSON (*.json)"))
        if path:
            self.export_fhir(Path(path))

    def export_pdf(self, out_path: Path, *, deidentified: bool):
        """Write the current case as a PDF report on the read pool; returns the task handle (None: no case)."""
        from cdss.ui.progress_dialog import run_with_progress
        from cdss.ui.records.case_export import export_pdf_task

        case = self.current_case()
        if case is None:
            return None
        language = self.ctx.languages.content_language
        settings = self.ctx.settings
        handle = export_pdf_task(self.ctx.tasks, self.ctx.workspace, self.patient, case, out_path,
                                 deidentified=deidentified, labels_language=language,
                                 clinic=settings.get("report.clinic"), doctor=settings.get("report.doctor"))
        handle.finished.connect(while_alive(self, lambda path: self._export_done(path)))
        run_with_progress(self, handle, self.tr("Exporting PDF…"))
        return handle

    def export_fhir(self, out_path: Path):
        """Write the current case as a FHIR R4 bundle on the read pool; returns the task handle (None: no case)."""
        from cdss.ui.progress_dialog import run_with_progress
        from cdss.ui.records.case_export import export_fhir_task

        case = self.current_case()
        if case is None:
            return None
        handle = export_fhir_task(self.ctx.tasks, self.patient, case, out_path)
        handle.finished.connect(while_alive(self, lambda path: self._export_done(path)))
        run_with_progress(self, handle, self.tr("Exporting FHIR bundle…"))
        return handle

    def _export_done(self, path) -> None:
        self.export_status = self.tr("Saved {path}").format(path=str(path))
        window = self.window()
        if hasattr(window, "statusBar"):
            window.statusBar().showMessage(self.export_status, 8000)

    # -- text ----------------------------------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.search_box.setPlaceholderText(self.tr("Search name, pinyin initials, ID, diagnosis, tag or any text"))
        current = self.capture_kind.currentData()
        self.capture_kind.clear()
        for kind in CAPTURE_KINDS:
            self.capture_kind.addItem(kind_text(kind), kind)
        self.capture_kind.setCurrentIndex(max(0, self.capture_kind.findData(current)))
        self.capture_text.setPlaceholderText(self.tr("Type a note and press Enter — it is saved as you type"))
        self.capture_button.setText(self.tr("Add"))
        self.new_button.setText(self.tr("New patient"))
        self.import_button.setText(self.tr("Import…"))
        self.export_pdf_button.setText(self.tr("Export PDF…"))
        self.export_fhir_button.setText(self.tr("Export FHIR…"))
        self.deidentify_check.setText(self.tr("De-identified"))
        self.deidentify_check.setToolTip(self.tr("Remove names, identifiers and exact dates from the PDF"))
        self.due.retranslate_ui()
        self.tabs.setTabText(0, self.tr("Timeline"))
        self.tabs.setTabText(1, self.tr("Labs"))
        self.tabs.setTabText(self.tabs.indexOf(self.medications_panel), self.tr("Medications"))
        self.tabs.setTabText(self.tabs.indexOf(self.evidence_panel), self.tr("Evidence"))
        self.share_button.setText(self.tr("Share…"))
        self.share_button.setToolTip(self.tr("Share this case, de-identified, on the case exchange"))
        self.model.retranslate()
        self._update_count()
        if self.patient is not None:
            self.header.setText(self._header_html(self.patient))
            self._show_case()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
