"""The Medications tab of a case: the patient's active medications with their alerts inline (collapsed), the
context the checker used (taken from the record), and an add box that checks a new drug before it is stored.

Checking runs on the read pool and storing on the writer. An interruptive alert (contraindicated or ONC high-priority)
opens :class:`~cdss.ui.records.override_dialog.OverrideDialog`; everything else is stored with the medication and
shown inline. Strings the domain returns as codes (context notes) are translated here.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from cdss.i18n import pick
from cdss.records.types import Medication
from cdss.ui import palette
from cdss.ui.context import AppContext
from cdss.ui.drugs.hit_text import display_name, hit_label
from cdss.ui.drugs.messages_text import alert_title, check_notes, coded_text
from cdss.ui.drugs.scope_text import scope_text
from cdss.ui.records.cds_texts import note_text, route_text
from cdss.ui.records.medication_item import MedicationItem
from cdss.ui.tasks import while_alive

if TYPE_CHECKING:  # the checker stack loads with the first check, not when the Records room opens
    from cdss.cds.context import CaseContext
    from cdss.cds.stopping import StopOutcome
    from cdss.drugs.alerts import Alert

SEARCH_LIMIT = 12


def _date(reading) -> str:
    return f"{reading.taken_at:%Y-%m-%d}"


class MedicationsPanel(QWidget):
    #: emitted with the patient id after a prescription was stored (the page reloads the timeline)
    prescribed = Signal(int)
    #: the doctor clicked a resolved medication's name: show this catalog drug in the Drugs room
    drug_requested = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("medicationsPanel")
        self.ctx = ctx
        self.service = None  # DecisionSupportService, created on first use (imports the drug catalog)
        self.search_index = None  # DrugSearch, built in the background with the first load
        self.patient_id: int | None = None
        self.case_id: int | None = None
        self.case_context: CaseContext | None = None
        self.regimen_alerts: list[Alert] = []
        self.overridden: dict[int, dict[str, str | None]] = {}  # regimen alert index → its earlier override
        self.items: list[MedicationItem] = []
        self.last_check = None
        self._queue: list[tuple[str, str | None]] = []  # drugs from the Drugs room still to prescribe, in order
        self.override_dialog = None
        self.last_store = None
        self.last_stop = None  # the task handle of the last stop
        #: called with the StopOutcome after a stop is stored (the Records page offers Undo and reloads the case)
        self.on_stopped: Callable[[StopOutcome], None] | None = None
        self._checker_result: dict[str, Any] = {}
        self.status_text = ""

        self.context_label = QLabel(self)
        self.context_label.setObjectName("cdsContext")
        self.context_label.setWordWrap(True)
        self.context_label.setTextFormat(Qt.TextFormat.RichText)
        flags = QHBoxLayout()
        self.flag_boxes: dict[str, QCheckBox] = {}
        for flag in ("pregnant", "lactating", "hepatic_impairment"):
            box = QCheckBox(self)
            box.setObjectName(f"flag_{flag}")
            box.toggled.connect(lambda checked, f=flag: self._flag_toggled(f, checked))
            flags.addWidget(box)
            self.flag_boxes[flag] = box
        flags.addStretch(1)
        add = QHBoxLayout()
        self.search_box = QLineEdit(self)
        self.search_box.setObjectName("medSearch")
        self.search_box.setClearButtonEnabled(True)
        self.search_box.textChanged.connect(self.run_search)
        self.search_box.returnPressed.connect(self.prescribe_from_keyboard)
        self.dose_box = QLineEdit(self)
        self.dose_box.setObjectName("medDose")
        self.dose_box.returnPressed.connect(self.prescribe_from_keyboard)
        self.dose_box.textChanged.connect(self._show_dose_reading)
        # how the dose is read (amount, unit, frequency, daily total, route): what the dose check will compare
        self.dose_reading = QLabel(self)
        self.dose_reading.setObjectName("doseReading")
        palette.set_tone(self.dose_reading, "muted")
        self.dose_reading.setVisible(False)
        self.prescribe_button = QPushButton(self)
        self.prescribe_button.setObjectName("medPrescribe")
        self.prescribe_button.clicked.connect(self.prescribe_current)
        add.addWidget(self.search_box, 3)
        add.addWidget(self.dose_box, 1)
        add.addWidget(self.prescribe_button)
        self.results = QListWidget(self)
        self.results.setObjectName("medResults")
        self.results.setMaximumHeight(130)
        self.results.setVisible(False)
        self.results.itemActivated.connect(lambda _item: self.prescribe_current())
        self.status = QLabel(self)
        self.status.setObjectName("medStatus")
        self.status.setWordWrap(True)
        self.notes_label = QLabel(self)
        self.notes_label.setObjectName("cdsNotes")
        self.notes_label.setWordWrap(True)
        palette.set_tone(self.notes_label, "muted")
        self.list_area = QScrollArea(self)
        self.list_area.setWidgetResizable(True)
        self.list_area.setFrameShape(QFrame.Shape.NoFrame)
        self._list_host = QWidget(self.list_area)
        self._list_layout = QVBoxLayout(self._list_host)
        self._list_layout.setContentsMargins(0, 0, 0, 0)
        self._list_layout.addStretch(1)
        self.list_area.setWidget(self._list_host)
        self.empty_label = QLabel(self)
        self.empty_label.setObjectName("medEmpty")
        palette.set_tone(self.empty_label, "muted")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.context_label)
        layout.addLayout(flags)
        layout.addLayout(add)
        layout.addWidget(self.dose_reading)
        layout.addWidget(self.results)
        layout.addWidget(self.status)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.list_area, 1)
        layout.addWidget(self.notes_label)
        self.retranslate_ui()
        self._set_enabled(False)

    # -- loading -------------------------------------------------------------------------------------------------
    def _service(self):
        if self.service is None:
            from cdss.cds.service import DecisionSupportService

            self.service = DecisionSupportService(self.ctx.workspace)
        return self.service

    def _hide_minor(self) -> bool:
        return bool(self.ctx.settings.get("drugs.hide_minor_alerts"))

    def set_patient(self, patient_id: int | None, case_id: int | None = None):
        """Show ``patient_id``'s medications; returns the loading task handle (None when no patient)."""
        if patient_id != self.patient_id:  # a reload of the same patient keeps the last status line
            self.status_text = ""
            self.status.clear()
            self._queue = []  # drugs queued for another patient are never prescribed to this one
        self.patient_id, self.case_id = patient_id, case_id
        if patient_id is None:
            self.case_context, self.regimen_alerts = None, []
            self._fill()
            self._set_enabled(False)
            return None
        return self.refresh()

    def set_case(self, case_id: int | None) -> None:
        self.case_id = case_id

    def refresh(self):
        if self.patient_id is None:
            return None
        service, patient_id = self._service(), self.patient_id
        need_search = self.search_index is None

        def load():
            context, result = service.check_regimen(patient_id)
            overridden = service.overridden(patient_id, result.alerts)
            flags = service.flags(patient_id)
            search = None
            if need_search:
                from cdss.drugs.search import DrugSearch

                search = DrugSearch(service.knowledge.catalog)
                search.prepare_typo_index()  # on the loader thread, not on the first misspelt keystroke
            return patient_id, context, result, flags, search, overridden

        handle = self.ctx.tasks.run(load, name="cds-load-regimen")
        handle.finished.connect(while_alive(self, self._loaded))
        return handle

    def _loaded(self, payload: tuple[Any, ...]) -> None:
        patient_id, context, result, flags, search, overridden = payload
        if search is not None and self.search_index is None:
            self.search_index = search
        if patient_id != self.patient_id:
            return  # the doctor moved to another patient while this one loaded
        self.case_context = context
        self.regimen_alerts = list(result.alerts)
        self.overridden = overridden
        self._checker_result = result.to_dict()
        for flag, box in self.flag_boxes.items():
            box.blockSignals(True)
            box.setChecked(bool(flags.get(flag)))
            box.blockSignals(False)
        for flag in ("pregnant", "lactating"):  # offered unless the record says the patient is male
            self.flag_boxes[flag].setVisible(context.sex != "M" or bool(flags.get(flag)))
        self._set_enabled(True)
        self._fill()
        self.run_search(self.search_box.text())

    def _set_enabled(self, enabled: bool) -> None:
        for widget in (self.search_box, self.dose_box, self.prescribe_button, *self.flag_boxes.values()):
            widget.setEnabled(enabled)

    def drug_names(self) -> dict[str, str]:
        if self.service is None or (self.case_context is None and self.last_check is None):
            return {}  # nothing checked yet, so the catalog is not loaded: do not load it on the GUI thread
        catalog = self.service.knowledge.catalog
        ids = {d for a in self.regimen_alerts for d in a.drugs}
        if self.case_context is not None:  # combination products list their components by name
            ids |= {d for m in self.case_context.medications for d in m.drug_ids}
        if self.last_check is not None:
            ids |= {d for a in self.last_check.alerts for d in a.drugs}
        return {d: display_name(catalog[d]) for d in ids if d in catalog}

    # -- showing -------------------------------------------------------------------------------------------------
    def _fill(self) -> None:
        for item in self.items:
            item.setParent(None)
            item.deleteLater()
        self.items = []
        context = self.case_context
        self.context_label.setText(self._context_html(context))
        hide_minor = self._hide_minor()
        names = self.drug_names()
        medications = context.medications if context is not None else ()
        # One alert per pair (or per burden): under the last medication of the list that it concerns, which is
        # the newest one, rather than once under each of its drugs.
        owner: dict[int, int] = {}
        for index, alert in enumerate(self.regimen_alerts):
            for position, med in enumerate(medications):
                if set(alert.drugs) & set(med.drug_ids):
                    owner[index] = position
        for position, med in enumerate(medications):
            shown = [i for i, a in enumerate(self.regimen_alerts)
                     if owner.get(i) == position and not (hide_minor and a.severity == "minor")]
            alerts = [self.regimen_alerts[i] for i in shown]
            overrides = {k: self.overridden[i] for k, i in enumerate(shown) if i in self.overridden}
            item = MedicationItem(med, alerts, names, self._list_host, overrides=overrides)
            item.stop_requested.connect(self.stop_medication)
            item.drug_requested.connect(self.drug_requested.emit)
            self._list_layout.insertWidget(self._list_layout.count() - 1, item)
            self.items.append(item)
        self.empty_label.setVisible(context is not None and not medications)
        notes = [note_text(n) for n in context.notes] if context is not None else []
        notes += check_notes(self._checker_result) if context is not None else []
        self.notes_label.setText("\n".join(f"• {n}" for n in notes))
        self.notes_label.setVisible(bool(notes))

    def _context_html(self, context: CaseContext | None) -> str:
        if context is None:
            return ""
        parts = []
        if context.age is not None:
            parts.append(self.tr("{age} years").format(age=context.age))
        if context.sex:
            parts.append(self.tr("male") if context.sex == "M" else self.tr("female"))
        if context.weight is not None:
            parts.append(self.tr("weight {value:.1f} kg ({date})").format(value=context.weight.value,
                                                                          date=_date(context.weight)))
        if context.creatinine is not None:
            unit = "µmol/L" if context.creatinine.unit == "umol/L" else context.creatinine.unit
            text = self.tr("creatinine {value:g} {unit} ({date})").format(
                value=context.creatinine.value, unit=unit, date=_date(context.creatinine))
            renal = []
            if context.egfr is not None:
                renal.append(self.tr("eGFR {value:.0f}").format(value=context.egfr))
            if context.crcl is not None:
                renal.append(self.tr("CrCl {value:.0f} mL/min").format(value=context.crcl))
            parts.append(text + (" → " + ", ".join(renal) if renal else ""))
        else:
            parts.append(self.tr("no creatinine recorded"))
        if context.potassium is not None:
            parts.append(self.tr("K⁺ {value:g} mmol/L ({date})").format(value=context.potassium.value,
                                                                      date=_date(context.potassium)))
        if context.qtc is not None:
            parts.append(self.tr("QTc {value:.0f} ms ({date})").format(value=context.qtc.value,
                                                                       date=_date(context.qtc)))
        if context.allergies:
            parts.append(self.tr("allergies: {names}").format(names=", ".join(context.allergies)))
        heading = html.escape(self.tr("Checked with:"))
        colour = palette.current().text_secondary
        return f"<span style='color:{colour}'><b>{heading}</b> " + html.escape(" · ".join(parts)) + "</span>"

    # -- search and prescribing ----------------------------------------------------------------------------------
    def run_search(self, text: str) -> None:
        self.results.clear()
        if self.search_index is None or not text.strip():
            self.results.setVisible(False)
            return
        hits = self.search_index.search(text, SEARCH_LIMIT)
        for hit in hits:
            item = QListWidgetItem(hit_label(hit))
            item.setData(Qt.ItemDataRole.UserRole, hit)
            self.results.addItem(item)
        self.results.setVisible(self.results.count() > 0)
        # Enter prescribes the highlighted hit: only an exact or prefix match is highlighted for the doctor. A
        # substring or typo match waits for an explicit choice (arrow keys or a click), never Enter alone.
        if hits and hits[0].confident:
            self.results.setCurrentRow(0)

    def _chosen(self) -> tuple[str, str | None]:
        """(name to store, catalog id or None): the highlighted search hit, else the text as typed."""
        item = self.results.currentItem() if self.results.isVisible() else None
        if item is not None:
            hit = item.data(Qt.ItemDataRole.UserRole)
            return pick(hit, "name", self.ctx.languages.content_language), hit.id
        return self.search_box.text().strip(), None

    def _show_dose_reading(self, text: str) -> None:
        from cdss.drugs.dose_check import parse_dose

        dose = parse_dose(text)
        parts = []
        if dose.amount is not None and dose.unit is not None:
            parts.append(f"{dose.amount:g} {'µg' if dose.unit == 'ug' else dose.unit}")
        if dose.per_day is not None:
            if dose.per_day >= 1:
                parts.append(self.tr("{n:g}× a day").format(n=dose.per_day))
            else:
                parts.append(self.tr("every {days:g} days").format(days=round(1 / dose.per_day, 1)))
        if dose.daily is not None and dose.per_day and dose.per_day >= 1:
            parts.append(self.tr("{total:g} {unit}/day").format(
                total=dose.daily, unit="µg" if dose.unit == "ug" else dose.unit))
        if dose.route:
            parts.append(route_text(dose.route))
        shown = bool(text.strip())
        self.dose_reading.setText(self.tr("Read as: {parts}").format(parts=" · ".join(parts)) if parts
                                  else self.tr("Dose not read: write amount and unit, e.g. 500 mg bid"))
        self.dose_reading.setVisible(shown)

    def prescribe_from_keyboard(self):
        """Enter in the name or dose box: prescribes the highlighted hit, or a name typed exactly; when the list
        offers only near matches (none highlighted), asks the doctor to choose instead of guessing."""
        if self.results.isVisible() and self.results.currentItem() is None:
            self._show_status(self.tr("No exact match for “{text}”: choose the drug in the list (↓ or a click), "
                                      "or click Check and add to record the name as typed, unchecked.")
                              .format(text=self.search_box.text().strip()))
            return None
        return self.prescribe_current()

    def prescribe_current(self):
        """Check the chosen drug against the record; returns the check's task handle (None: nothing to check)."""
        name, drug_id = self._chosen()
        if self.patient_id is None or not name:
            return None
        return self.check_and_prescribe(name, drug_id, self.dose_box.text().strip() or None)

    def prescribe_queue(self, drugs: list[tuple[str, str | None]]):
        """Prescribe ``(name, drug id)`` one after the other: the next starts when the previous is stored or
        cancelled, so override dialogs never stack. Returns the first check's task handle."""
        self._queue = list(drugs)
        return self._next_in_queue()

    def _next_in_queue(self):
        if not self._queue or self.patient_id is None:
            self._queue = []
            return None
        name, drug_id = self._queue.pop(0)
        return self.check_and_prescribe(name, drug_id, None)

    def check_and_prescribe(self, name: str, drug_id: str | None, dose: str | None):
        service, patient_id, hide_minor = self._service(), self.patient_id, self._hide_minor()
        self._show_status(self.tr("Checking {name}…").format(name=name))
        handle = self.ctx.tasks.run(service.check_new_medication, patient_id, name, drug_id, dose=dose,
                                    hide_minor=hide_minor, name="cds-check-new")
        handle.finished.connect(while_alive(self, lambda check: self._checked(check, dose)))
        return handle

    def _checked(self, check, dose: str | None) -> None:
        self.last_check = check
        if check.patient_id != self.patient_id:
            return
        if check.interrupting:
            from cdss.ui.records.override_dialog import OverrideDialog

            dialog = OverrideDialog(check.name, check.interrupting, self.drug_names(), self,
                                    alternatives=check.alternatives, stoppable=self._stoppable(check))
            dialog.accepted.connect(lambda: self._store(check, dose, dialog.decisions()))
            dialog.rejected.connect(lambda: self._cancelled(check))
            dialog.stop_chosen.connect(lambda medication_id: self._stop_then_prescribe(medication_id, check, dose))
            dialog.alternative_chosen.connect(self._take_alternative)
            dialog.change_dose_chosen.connect(self._change_dose)
            dialog.finished.connect(lambda _r: dialog.deleteLater())
            self.override_dialog = dialog
            dialog.open()
        else:
            self._store(check, dose, {})

    def _stoppable(self, check) -> list[tuple[int, str]]:
        """Active medications that an interrupting interaction names besides the new drug: stopping one of them is
        an action the alert's advice allows ("stop or hold the drug")."""
        others = {d for a in check.interrupting if a.kind == "interaction" for d in a.drugs} - set(check.drug_ids)
        return [(m.medication_id, m.name) for m in check.context.medications
                if m.medication_id is not None and set(m.drug_ids) & others]

    def _stop_then_prescribe(self, medication_id: int, check, dose: str | None) -> None:
        handle = self.stop_medication(medication_id)
        if handle is not None:
            drug_id = check.drug_ids[0] if len(check.drug_ids) == 1 else None
            handle.finished.connect(while_alive(self, lambda _outcome: self.check_and_prescribe(
                check.name, drug_id, dose)))

    def _take_alternative(self, drug_id: str, name: str) -> None:
        """The alternative goes into the form, highlighted, with the dose kept for the doctor to adjust: a dose
        written for one drug is not assumed right for another."""
        self.search_box.setText(name)
        for row in range(self.results.count()):
            if self.results.item(row).data(Qt.ItemDataRole.UserRole).id == drug_id:
                self.results.setCurrentRow(row)
                break
        self.dose_box.setFocus()
        self.dose_box.selectAll()
        self._show_status(self.tr("{name} chosen instead: check the dose, then press Enter.").format(name=name))

    def _change_dose(self) -> None:
        self.dose_box.setFocus()
        self.dose_box.selectAll()
        self._show_status(self.tr("Change the dose, then press Enter to check again."))

    def _store(self, check, dose: str | None, decisions):
        language = self.ctx.languages.content_language  # the timeline entry is written in the doctor's language
        drug_id = check.drug_ids[0] if len(check.drug_ids) == 1 else None
        # the route read from the dose text is kept as the record's structured route ("500 mg bid po" → oral)
        from cdss.drugs.dose_check import parse_dose

        medication = Medication(check.name, dose, route=parse_dose(dose).route if dose else None, drug_id=drug_id)
        from cdss.cds.events import alert_key

        titles = {alert_key(a): alert_title(a.to_dict()) for a in check.interrupting}  # as the doctor read them
        handle = self.ctx.tasks.run_write(self._service().prescribe, check, self.case_id, medication, decisions,
                                          language=language, titles=titles, name="cds-prescribe")
        handle.finished.connect(while_alive(self, lambda outcome: self._stored(check, outcome)))
        self.last_store = handle
        return handle

    def _stored(self, check, outcome) -> None:
        self.search_box.clear()
        self.dose_box.clear()
        overrides = len(check.interrupting)
        inline = len(check.inline) + len(check.remembered)
        if not check.checked:
            text = self.tr("{name} added; it is not in the drug dictionary, so it was not checked.")
        elif overrides:
            text = self.tr("{name} prescribed; alerts overridden: {overrides}, shown inline: {inline}.")
        elif inline:
            text = (self.tr("{name} prescribed; 1 alert shown on the medication list.") if inline == 1 else
                    self.tr("{name} prescribed; {inline} alerts shown on the medication list."))
        else:
            text = self.tr("{name} prescribed; no alerts.")
        text = text.format(name=check.name, overrides=overrides, inline=inline)
        dose_notes = [coded_text(n.code, n.param_dict, n.text) for n in check.dose_notes]
        scope = scope_text(check.scope.to_dict()) if check.scope is not None else ""
        self._show_status("\n".join(part for part in (" ".join([text, *dose_notes]), scope) if part))
        self.refresh()
        self.prescribed.emit(check.patient_id)
        self._next_in_queue()

    def stop_medication(self, medication_id: int):
        """Stop a medication today, on the writer; returns the task handle (None when no patient is shown)."""
        if self.patient_id is None:
            return None
        med = next((m for m in self.case_context.medications if m.medication_id == medication_id), None) \
            if self.case_context is not None else None
        name = med.name if med is not None else ""
        language = self.ctx.languages.content_language
        handle = self.ctx.tasks.run_write(self._service().stop_medication, medication_id, self.case_id,
                                          language=language, name="cds-stop")
        handle.finished.connect(while_alive(self, lambda outcome: self._stopped(name, outcome)))
        handle.failed.connect(while_alive(self, lambda _error: self.refresh()))  # re-enable the Stop button
        self.last_stop = handle
        return handle

    def _stopped(self, name: str, outcome: StopOutcome) -> None:
        self._show_status(self.tr("{name} stopped.").format(name=name or outcome.name))
        if self.on_stopped is not None:
            self.on_stopped(outcome)  # the page reloads the patient, which refreshes this list
        else:
            self.refresh()

    def undo_step(self, outcome: StopOutcome, case_id: int | None):
        """The step that undoes a stop, for the Records page's undo stack (runs on the writer)."""
        from cdss.ui.records.entry_editor import UndoStep

        service = self._service()
        return UndoStep(self.tr("{name} is active again.").format(name=outcome.name),
                        lambda: service.undo_stop(outcome), outcome.patient_id, case_id)

    def _cancelled(self, check) -> None:
        self.ctx.tasks.run_write(self._service().cancel_prescription, check, self.case_id, name="cds-cancel")
        self._show_status(self.tr("{name} was not prescribed.").format(name=check.name))
        self._next_in_queue()

    def _show_status(self, text: str) -> None:
        self.status_text = text
        self.status.setText(text)

    def _flag_toggled(self, flag: str, checked: bool) -> None:
        if self.patient_id is None:
            return
        handle = self.ctx.tasks.run_write(self._service().set_flag, self.patient_id, flag, checked, name="cds-flag")
        handle.finished.connect(while_alive(self, lambda _flags: self.refresh()))

    # -- text ----------------------------------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.flag_boxes["pregnant"].setText(self.tr("Pregnant"))
        self.flag_boxes["lactating"].setText(self.tr("Breastfeeding"))
        self.flag_boxes["hepatic_impairment"].setText(self.tr("Hepatic impairment"))
        self.search_box.setPlaceholderText(self.tr("Add a medication: 华法林, huafalin, warfarin…"))
        self.dose_box.setPlaceholderText(self.tr("Dose, e.g. 5 mg qd"))
        self.prescribe_button.setText(self.tr("Check and add"))
        self.empty_label.setText(self.tr("No active medications recorded."))
        self._fill()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
