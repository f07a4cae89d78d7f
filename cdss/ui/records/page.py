"""The Records room page: patient cards with instant search on the left, the chosen patient's case on the right.

The list is a paged model over the records service, so ten thousand patients cost one page to open. Writes go
through the task runner's single writer; the quick-capture text is saved as a draft while typing, so closing the
window or a crash never loses it.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QComboBox,
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
from cdss.records.types import PatientRecord, age_on, stored_id
from cdss.ui import palette
from cdss.ui.changes import PATIENTS, RecordChange
from cdss.ui.context import AppContext
from cdss.ui.models.lazy_table_model import ROW_ROLE, Column, LazyTableModel
from cdss.ui.records.attachment_drop import AttachmentDropHandler
from cdss.ui.records.case_alerts import CaseAlertsBanner
from cdss.ui.records.due_button import DueButton
from cdss.ui.records.entry_editor import TimelineEditor
from cdss.ui.records.evidence_panel import EvidencePanel
from cdss.ui.records.export_bar import CaseExportBar
from cdss.ui.records.labs_panel import LabsPanel
from cdss.ui.records.medications_panel import MedicationsPanel
from cdss.ui.records.patient_card_delegate import PatientCardDelegate
from cdss.ui.records.quick_capture import QuickCapture
from cdss.ui.records.record_actions import RecordActions
from cdss.ui.records.selection import RecordSelection
from cdss.ui.records.timeline_html import TimelineBrowser, case_timeline_html
from cdss.ui.tasks import while_alive

PAGE_SIZE = 100


class RecordsPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page_records")
        self.ctx = ctx
        from cdss.records.service import RecordsService

        self.service = RecordsService(ctx.workspace)
        self.selection = RecordSelection(self)  # the patient and case on screen, for this page's helpers
        self._open_request = 0  # the newest patient asked for (an older read arriving later is dropped)

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
        self.case_combo.currentIndexChanged.connect(
            lambda _i: self.selection.select_case(self.case_combo.currentData()))
        self.export = CaseExportBar(ctx, self.selection, right)
        case_row = QHBoxLayout()
        case_row.addWidget(self.case_combo, 1)
        case_row.addWidget(self.export)
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
        self.capture = QuickCapture(ctx, self.service, self.selection, self.show_again, right)
        right_layout.addWidget(self.header)
        right_layout.addWidget(self.case_alerts)
        right_layout.addLayout(case_row)
        right_layout.addWidget(self.tabs, 1)
        right_layout.addWidget(self.capture)
        splitter.setSizes([340, 760])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(splitter)
        # Edit/delete with undo, labs/follow-ups/allergies and dropped or pasted files live in their own modules;
        # the page only places their widgets.
        self.editor = TimelineEditor(ctx, self.service, self.selection, self.timeline, self.show_again, self)
        self.timeline.thumbnails = self.editor.thumbnail_bytes
        self.attachment_drop = AttachmentDropHandler(ctx, self.service, self.selection, self.editor, self,
                                                     self.timeline, self.capture.text)
        self.record_actions = RecordActions(self.service, self.selection, self.editor, self.labs_panel,
                                            self.attachment_drop.attach_paths, self.recheck_after_lab, self)
        self.selection.changed.connect(self._show_case)
        ctx.changes.changed.connect(self._on_record_change)
        right_layout.insertWidget(right_layout.indexOf(self.tabs) + 1, self.editor.bar)
        right_layout.addWidget(self.record_actions.bar)
        self.medications_panel.on_stopped = self._after_stop  # a stop is undone through the page's undo bar
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

    def show_again(self, patient_id: int, case_id: int | None):
        """Show a patient again after a change (the timeline, labs and header all change), on the same case and
        tab; returns the read's handle."""
        showing = self.selection.case
        if case_id is None and showing is not None and self.patient is not None and self.patient.id == patient_id:
            case_id = showing.id  # a change to the patient (an allergy) keeps the case in view
        return self.open_patient(patient_id, case_id, self.tabs.currentIndex())

    # -- detail --------------------------------------------------------------------------------------------------
    @property
    def patient(self) -> PatientRecord | None:
        """The patient on screen, as last read."""
        return self.selection.patient

    def _show_patient(self, patient: PatientRecord | None, labs: list) -> None:
        if patient is None or self.patient is None or patient.id != self.patient.id:
            self.editor.bar.dismiss()  # another patient: the last change spoken of is not on screen any more
        enabled = patient is not None
        self.case_combo.setEnabled(enabled)
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
        self.selection.show(patient, labs, self.case_combo.currentData())  # draws the case (_show_case)

    def _show_case(self) -> None:
        case = self.selection.case
        self.medications_panel.set_case(case.id if case is not None else None)
        if self.patient is None:
            hint = self.tr("Choose a patient on the left.")
            self.timeline.setHtml(f"<p style='color:{palette.current().text_muted}'>{hint}</p>")
        elif case is None:
            hint = self.tr("This patient has no cases yet.")
            self.timeline.setHtml(f"<p style='color:{palette.current().text_muted}'>{hint}</p>")
        else:
            self.timeline.setHtml(case_timeline_html(self.patient, case, editable=True,
                                                     thumbnail=self.editor.thumbnail))
        self._refresh_evidence()

    def _refresh_evidence(self) -> None:
        if self.tabs.currentWidget() is not self.evidence_panel:
            return
        case = self.selection.case
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
        case = self.selection.case
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
        case = self.selection.case
        self.open_patient(patient_id, case.id if case is not None else None)

    def recheck_after_lab(self, patient_id: int, lab_id: int | None):
        """A new lab value can cross a dose threshold of an active medication (a creatinine rise, a potassium): the
        medications are re-checked (cdss.cds.recheck). The alert banner runs it and shows what it raised when it is
        showing that patient. Returns the task handle."""
        if self.case_alerts.patient_id == patient_id:
            return self.case_alerts.recheck_after_lab(lab_id)
        from cdss.cds import recheck

        workspace = self.ctx.workspace
        return self.ctx.tasks.run_write(lambda: recheck.after_new_lab(workspace, patient_id, lab_id),
                                        name="cds-recheck")

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
            self.show_again(shown, change.case_id)

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

    # -- text ----------------------------------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.search_box.setPlaceholderText(self.tr("Search name, pinyin initials, ID, diagnosis, tag or any text"))
        self.new_button.setText(self.tr("New patient"))
        self.import_button.setText(self.tr("Import…"))
        self.due.retranslate_ui()
        self.tabs.setTabText(0, self.tr("Timeline"))
        self.tabs.setTabText(1, self.tr("Labs"))
        self.tabs.setTabText(self.tabs.indexOf(self.medications_panel), self.tr("Medications"))
        self.tabs.setTabText(self.tabs.indexOf(self.evidence_panel), self.tr("Evidence"))
        self.model.retranslate()
        self._update_count()
        if self.patient is not None:
            self.header.setText(self._header_html(self.patient))
            self._show_case()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

