""""Link to a case…" from a paper's detail: find a patient, pick one of their cases (and optionally one timeline
entry), link the paper; the paper's current links are listed with an unlink button.

Patient search is the records service's full-text search, run on the read pool after a short typing pause; the
chosen patient's cases are read the same way. Linking and unlinking go through the single writer; ``links_changed``
tells the paper panel to reload its detail. Only the answer to the latest search or patient choice is shown.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from cdss.ui.context import AppContext
from cdss.ui.records.timeline_html import kind_text
from cdss.ui.tasks import TaskHandle, while_alive

PATIENT_LIMIT = 30
SEARCH_DELAY_MS = 250
ENTRY_TEXT_CHARS = 50
ROLE = Qt.ItemDataRole.UserRole


class LinkCaseDialog(QDialog):
    #: A link was made or removed (the paper panel reloads the paper's linked cases).
    links_changed = Signal()

    def __init__(self, ctx: AppContext, library, ref_id: int, paper_title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("linkCaseDialog")
        self.ctx, self.library, self.ref_id, self.paper_title = ctx, library, ref_id, paper_title
        self.cases: list = []  # cdss.records.types.Case of the chosen patient
        self.links: list = []  # the paper's current links (cdss.literature.links.CaseLink)
        self._search_serial = self._cases_serial = 0

        self.paper_label = QLabel(self)
        self.paper_label.setWordWrap(True)
        self.search_label = QLabel(self)
        self.search_box = QLineEdit(self)
        self.search_box.setObjectName("linkCaseSearch")
        self.search_box.setClearButtonEnabled(True)
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.search_patients)
        self.search_box.textChanged.connect(self._search_timer.start)
        self.patients_label, self.cases_label, self.entry_label = QLabel(self), QLabel(self), QLabel(self)
        self.patient_list = QListWidget(self)
        self.patient_list.setObjectName("linkCasePatients")
        self.patient_list.currentItemChanged.connect(self._patient_chosen)
        self.case_list = QListWidget(self)
        self.case_list.setObjectName("linkCaseCases")
        self.case_list.currentItemChanged.connect(self._case_chosen)
        self.entry_combo = QComboBox(self)
        self.entry_combo.setObjectName("linkCaseEntry")
        self.link_button = QPushButton(self)
        self.link_button.setObjectName("linkCaseLink")
        self.link_button.clicked.connect(self.link_selected)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.linked_label = QLabel(self)
        self.linked_list = QListWidget(self)
        self.linked_list.setObjectName("linkCaseLinked")
        self.linked_list.currentItemChanged.connect(self._update_buttons)
        self.unlink_button = QPushButton(self)
        self.unlink_button.setObjectName("linkCaseUnlink")
        self.unlink_button.clicked.connect(self.unlink_selected)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)

        grid = QGridLayout(self)
        grid.addWidget(self.paper_label, 0, 0, 1, 2)
        grid.addWidget(self.search_label, 1, 0, 1, 2)
        grid.addWidget(self.search_box, 2, 0, 1, 2)
        grid.addWidget(self.patients_label, 3, 0)
        grid.addWidget(self.cases_label, 3, 1)
        grid.addWidget(self.patient_list, 4, 0)
        grid.addWidget(self.case_list, 4, 1)
        grid.addWidget(self.entry_label, 5, 0, 1, 2)
        grid.addWidget(self.entry_combo, 6, 0, 1, 2)
        grid.addWidget(self.link_button, 7, 1, Qt.AlignmentFlag.AlignRight)
        grid.addWidget(self.status, 7, 0)
        grid.addWidget(self.linked_label, 8, 0, 1, 2)
        grid.addWidget(self.linked_list, 9, 0, 1, 2)
        grid.addWidget(self.unlink_button, 10, 1, Qt.AlignmentFlag.AlignRight)
        grid.addWidget(buttons, 11, 0, 1, 2)
        self.resize(640, 560)
        self._fill_entries(None)
        self.retranslate_ui()
        self._update_buttons()

    # -- finding a case ------------------------------------------------------------------------------------------
    def search_patients(self) -> TaskHandle:
        """List the patients matching the search box (the most recently changed ones when it is empty)."""
        self._search_timer.stop()
        self._search_serial += 1
        serial, text, workspace = self._search_serial, self.search_box.text().strip(), self.ctx.workspace

        def work():
            from cdss.records.service import RecordsService

            return RecordsService(workspace).patients.page(limit=PATIENT_LIMIT, search=text or None)

        handle = self.ctx.tasks.run(work, name="link-case-patients")
        handle.finished.connect(while_alive(self, lambda patients: self._patients_loaded(serial, patients)))
        return handle

    def _patients_loaded(self, serial: int, patients) -> None:
        if serial != self._search_serial:
            return
        self.patient_list.clear()
        for patient in patients:
            cases = self.tr("cases: {count}").format(count=len(patient.case_ids))
            details = ", ".join(part for part in (patient.latest_diagnosis or "", cases) if part)
            item = QListWidgetItem(f"{patient.name} ({details})")
            item.setData(ROLE, patient)
            self.patient_list.addItem(item)
        if not patients:
            self.status.setText(self.tr("No patient matches."))
        else:
            self.status.clear()

    def _patient_chosen(self, item: QListWidgetItem | None) -> TaskHandle | None:
        self._cases_serial += 1
        self.cases = []
        self.case_list.clear()
        self._fill_entries(None)
        if item is None:
            return None
        serial, patient, workspace = self._cases_serial, item.data(ROLE), self.ctx.workspace

        def work():
            from cdss.records.service import RecordsService

            records = RecordsService(workspace)
            return [records.cases.get(case_id) for case_id in patient.case_ids]

        handle = self.ctx.tasks.run(work, name="link-case-cases")
        handle.finished.connect(while_alive(self, lambda cases: self._cases_loaded(serial, cases)))
        return handle

    def _cases_loaded(self, serial: int, cases) -> None:
        if serial != self._cases_serial:
            return
        self.cases = sorted(cases, key=lambda case: (case.opened_on, case.id or 0), reverse=True)
        for case in self.cases:
            item = QListWidgetItem(f"{case.opened_on:%Y-%m-%d} · {case.title}")
            item.setData(ROLE, case.id)
            self.case_list.addItem(item)
        if self.cases:
            self.case_list.setCurrentRow(0)
        else:
            self.status.setText(self.tr("This patient has no cases yet."))

    def _case_chosen(self, item: QListWidgetItem | None) -> None:
        case_id = item.data(ROLE) if item is not None else None
        self._fill_entries(next((case for case in self.cases if case.id == case_id), None))

    def _fill_entries(self, case) -> None:
        self.entry_combo.clear()
        self.entry_combo.addItem(self.tr("The whole case"), None)
        if case is not None:
            ordered = sorted(case.entries, key=lambda e: (e.kind != "diagnosis", e.occurred_at, e.id or 0))
            for entry in ordered:
                text = " ".join(entry.text.split())
                if len(text) > ENTRY_TEXT_CHARS:
                    text = text[:ENTRY_TEXT_CHARS - 1] + "…"
                self.entry_combo.addItem(f"{kind_text(entry.kind)} · {entry.occurred_at:%Y-%m-%d} · {text}", entry.id)
        self._update_buttons()

    def selected_case_id(self) -> int | None:
        item = self.case_list.currentItem()
        return item.data(ROLE) if item is not None else None

    # -- linking -------------------------------------------------------------------------------------------------
    def link_selected(self) -> TaskHandle | None:
        case_id = self.selected_case_id()
        if case_id is None:
            return None
        entry_id = self.entry_combo.currentData()
        library, ref_id = self.library, self.ref_id
        handle = self.ctx.tasks.run_write(lambda: library.links.link(ref_id, case_id, entry_id), name="link-paper")
        handle.finished.connect(while_alive(self, self._linked))
        return handle

    def _linked(self, link) -> None:
        self.status.setText(self.tr("Linked to {patient} · {case}.").format(patient=link.patient_name,
                                                                           case=link.case_title))
        self.links_changed.emit()
        self.load_links()

    def unlink_selected(self) -> TaskHandle | None:
        item = self.linked_list.currentItem()
        if item is None:
            return None
        library, link_id = self.library, item.data(ROLE)
        handle = self.ctx.tasks.run_write(lambda: library.links.unlink(link_id), name="unlink-paper")
        handle.finished.connect(while_alive(self, lambda _none: (self.links_changed.emit(), self.load_links())))
        return handle

    def load_links(self) -> TaskHandle:
        library, ref_id = self.library, self.ref_id
        handle = self.ctx.tasks.run(lambda: library.links.for_reference(ref_id), name="link-case-links")
        handle.finished.connect(while_alive(self, self._links_loaded))
        return handle

    def _links_loaded(self, links) -> None:
        self.links = list(links)
        self.linked_list.clear()
        for link in self.links:
            where = link.entry_label if link.entry_id is not None else self.tr("whole case")
            item = QListWidgetItem(f"{link.patient_name} · {link.case_title} ({where})")
            item.setData(ROLE, link.id)
            self.linked_list.addItem(item)
        self._update_buttons()

    def _update_buttons(self, *_args) -> None:
        self.link_button.setEnabled(self.case_list.currentItem() is not None)
        self.unlink_button.setEnabled(self.linked_list.currentItem() is not None)

    # -- text ----------------------------------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Link to a case"))
        self.paper_label.setText(self.tr("Paper: {title}").format(title=self.paper_title))
        self.search_label.setText(self.tr("Find the patient (name, ID, phone or diagnosis)"))
        self.search_box.setPlaceholderText(self.tr("e.g. 王芳 or 痛风"))
        self.patients_label.setText(self.tr("Patients"))
        self.cases_label.setText(self.tr("Cases"))
        self.entry_label.setText(self.tr("Link to"))
        if self.entry_combo.count():
            self.entry_combo.setItemText(0, self.tr("The whole case"))
        self.link_button.setText(self.tr("Link"))
        self.linked_label.setText(self.tr("Already linked to"))
        self.unlink_button.setText(self.tr("Unlink selected"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
