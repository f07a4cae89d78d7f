"""The Drugs room's link to a Records patient: choose a patient, load their active medications and context into the
regimen, and hand drugs added here back to the patient's record as prescriptions.

Loading reads the same case context the record's decision support uses (latest weight, creatinine, K⁺ and QTc from
every lab of the record, allergies, pregnancy/breastfeeding flags), so the Drugs room checks what the record would.
Handing back never writes here: it opens the patient's Medications tab and runs each new drug through the
record's own prescribing check, one after the other, where interruptive alerts ask for a reason as usual.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from cdss.ui.context import AppContext
from cdss.ui.tasks import TaskHandle, while_alive

if TYPE_CHECKING:  # the catalog loads on the worker that reads the patient
    from cdss.drugs.models import Drug

PICKER_LIMIT = 50


@dataclass(frozen=True)
class LoadedPatient:
    """What the Drugs room takes from a record: plain values, ready for the context panel and the regimen."""

    patient_id: int
    name: str
    context: dict[str, Any]
    medications: tuple[Drug, ...]  # the catalog entries of the active medications the dictionary resolves
    unresolved: tuple[str, ...]  # active medications the dictionary does not know (not checked)


def load_patient(workspace, patient_id: int) -> LoadedPatient:
    """Read on a worker thread: the patient's case context as Drugs-room values."""
    from cdss.cds.service import DecisionSupportService

    service = DecisionSupportService(workspace)
    case_context = service.context(patient_id)
    record = service.records.patients.get(patient_id)
    ctx = case_context.context
    values: dict[str, Any] = {}
    for key, value in (("age", ctx.age), ("sex", ctx.sex), ("weight_kg", ctx.weight_kg),
                       ("height_cm", ctx.height_cm), ("qtc_ms", ctx.qtc_ms), ("potassium_mmol", ctx.potassium_mmol)):
        if value is not None:
            values[key] = value
    if ctx.scr is not None:
        values["scr"], values["scr_unit"] = ctx.scr, ctx.scr_unit
    if ctx.pregnant:
        values["pregnant"] = True
    if ctx.lactating:
        values["lactating"] = True
    if ctx.allergies:
        values["allergies"] = list(ctx.allergies)
    catalog = service.knowledge.catalog
    medications = []
    for drug_id in case_context.active_drug_ids:
        drug = catalog.get(drug_id)
        if drug is not None:
            medications.append(drug)
    unresolved = tuple(m.name for m in case_context.unresolved_medications)
    return LoadedPatient(patient_id, record.name, values, tuple(medications), unresolved)


class PatientPicker(QDialog):
    """Find a patient by name (the records search), as in the Records room's list."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("patientPicker")
        self.ctx = ctx
        self.search = QLineEdit(self)
        self.search.setObjectName("patientPickerSearch")
        self.search.setClearButtonEnabled(True)
        self.results = QListWidget(self)
        self.results.setObjectName("patientPickerResults")
        self.results.itemActivated.connect(lambda _item: self.accept())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.results, 1)
        layout.addWidget(buttons)
        # search after a short pause in typing, on a worker: 10,000 patients are not listed on the GUI thread
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self.run_search)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.search.returnPressed.connect(self._enter)
        self.last_search: TaskHandle | None = None
        self.setWindowTitle(self.tr("Load a patient into the regimen"))
        self.search.setPlaceholderText(self.tr("Patient name"))
        self.resize(420, 460)
        self.run_search()

    def run_search(self) -> TaskHandle:
        from cdss.records.service import RecordsService

        text = self.search.text().strip() or None
        service = RecordsService(self.ctx.workspace)
        handle = self.ctx.tasks.run(service.patients.page, 0, PICKER_LIMIT, text, name="drugs-pick-patient")
        handle.finished.connect(while_alive(self, self._show))
        self.last_search = handle
        return handle

    def _show(self, summaries) -> None:
        self.results.clear()
        for summary in summaries:
            parts = [summary.name]
            if summary.age is not None:
                parts.append(self.tr("{age} y").format(age=summary.age))
            if summary.latest_diagnosis:
                parts.append(summary.latest_diagnosis)
            item = QListWidgetItem(" · ".join(parts))
            item.setData(Qt.ItemDataRole.UserRole, (summary.id, summary.name))
            self.results.addItem(item)
        if self.results.count():
            self.results.setCurrentRow(0)

    def _enter(self) -> None:
        if self.results.currentItem() is not None:
            self.accept()

    def chosen(self) -> tuple[int, str] | None:
        item = self.results.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None
