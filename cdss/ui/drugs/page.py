"""The Drugs room page: search as you type, read a monograph, build a regimen and see its alerts.

The drug catalog loads in the background the first time the room is built, so opening the app stays fast; until
then the search box says it is loading. Search runs on the GUI thread because it answers in a few milliseconds;
the check runs there too for the same reason (both are measured in bench/drugs.py).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from cdss.i18n import pick
from cdss.ui import palette
from cdss.ui.context import AppContext
from cdss.ui.drugs.alert_cards import AlertList
from cdss.ui.drugs.backend import DrugsBackend
from cdss.ui.drugs.context_panel import ContextPanel
from cdss.ui.drugs.hit_text import hit_label
from cdss.ui.drugs.messages_text import check_notes
from cdss.ui.drugs.monograph_view import MonographPane
from cdss.ui.drugs.patient_link import LoadedPatient, PatientPicker, load_patient
from cdss.ui.drugs.regimen_panel import RegimenDrug, RegimenPanel
from cdss.ui.drugs.scope_text import scope_text
from cdss.ui.tasks import while_alive

SEARCH_LIMIT = 30


class DrugsPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page_drugs")
        self.ctx = ctx
        self.backend: DrugsBackend | None = None

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        left = QWidget(splitter)
        left_layout = QVBoxLayout(left)
        self.search_box = QLineEdit(left)
        self.search_box.setObjectName("drugSearch")
        self.search_box.setClearButtonEnabled(True)
        self.search_box.textChanged.connect(self.run_search)
        self.search_box.returnPressed.connect(self._add_current)
        self.results = QListWidget(left)
        self.results.setObjectName("drugResults")
        self.results.currentItemChanged.connect(lambda item, _prev: self.show_monograph(item))
        self.results.itemActivated.connect(lambda _item: self._add_current())
        left_layout.addWidget(self.search_box)
        left_layout.addWidget(self.results)
        self.packs_button = QPushButton(left)  # imported knowledge packs (DDInter, ANSM, WHO ATC)
        self.packs_button.setObjectName("drugPacksButton")
        self.packs_button.clicked.connect(self.open_packs_dialog)
        left_layout.addWidget(self.packs_button)
        self.packs_dialog = None

        self.stats_button = QPushButton(left)  # alert statistics per rule (decision support in cases)
        self.stats_button.setObjectName("alertStatsButton")
        self.stats_button.clicked.connect(self.open_alert_stats)
        left_layout.addWidget(self.stats_button)
        self.stats_dialog = None

        self.monograph_pane = MonographPane(splitter)
        self.monograph = self.monograph_pane.browser

        right = QWidget(splitter)
        right_layout = QVBoxLayout(right)
        # the regimen's link to a Records patient, and the bedside calculators
        self.from_patient_button = QPushButton(right)
        self.from_patient_button.setObjectName("regimenFromPatient")
        self.from_patient_button.clicked.connect(self.choose_patient)
        self.to_record_button = QPushButton(right)
        self.to_record_button.setObjectName("regimenToRecord")
        self.to_record_button.clicked.connect(self.send_to_record)
        self.calculators_button = QPushButton(right)
        self.calculators_button.setObjectName("calculatorsButton")
        self.calculators_button.clicked.connect(self.open_calculators)
        link_row = QHBoxLayout()
        link_row.addWidget(self.from_patient_button)
        link_row.addWidget(self.to_record_button)
        link_row.addStretch(1)
        link_row.addWidget(self.calculators_button)
        self.linked_label = QLabel(right)
        self.linked_label.setObjectName("linkedPatient")
        self.linked_label.setWordWrap(True)
        right_layout.addLayout(link_row)
        right_layout.addWidget(self.linked_label)
        self.regimen = RegimenPanel(right)
        self.regimen.changed.connect(self.run_check)
        self.regimen.changed.connect(self._show_linked)
        self.context_panel = ContextPanel(self._renal, right)
        self.context_panel.changed.connect(self.run_check)
        self.alerts_heading = QLabel(right)
        self.alerts_heading.setObjectName("alertsHeading")
        self.alerts = AlertList(right)
        # What the checker assumed or could not check (e.g. an allergy name it does not know) must be visible:
        # an unchecked allergy that looks checked is worse than no checker.
        self.check_notes = QLabel(right)
        self.check_notes.setObjectName("checkNotes")
        self.check_notes.setWordWrap(True)
        palette.set_tone(self.check_notes, "muted")
        right_layout.addWidget(self.regimen)
        right_layout.addWidget(self.context_panel)
        right_layout.addWidget(self.alerts_heading)
        right_layout.addWidget(self.check_notes)
        right_layout.addWidget(self.alerts, 1)
        splitter.setSizes([260, 420, 420])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(splitter)
        self._last_alerts: list[dict[str, Any]] = []
        self._last_result: dict[str, Any] = {}
        self.shown_drug_id: str | None = None  # a drug opened from elsewhere (a case's medication), not from search
        self.linked: LoadedPatient | None = None  # the Records patient whose regimen and context are loaded
        self.patient_picker = None
        self.calculator_dialog = None
        self.retranslate_ui()
        self._load_backend()

    # -- loading -------------------------------------------------------------------------------------------------
    def _load_backend(self) -> None:
        self.search_box.setEnabled(False)
        handle = self.ctx.tasks.run(DrugsBackend.load, self.ctx.workspace, name="load-drug-catalog")
        handle.finished.connect(self._backend_ready)

    def _backend_ready(self, backend: DrugsBackend) -> None:
        self.backend = backend
        self.search_box.setEnabled(True)
        self.retranslate_ui()
        self.run_search(self.search_box.text())
        if self.shown_drug_id is not None:  # asked for before the catalog had loaded
            self.show_drug(self.shown_drug_id)
        if self.regimen.drugs:  # a reload after a pack change: the same regimen, checked with the new packs
            self.run_check()

    @property
    def ready(self) -> bool:
        return self.backend is not None

    # -- search and monograph ------------------------------------------------------------------------------------
    def run_search(self, text: str) -> None:
        self.results.clear()
        if self.backend is None or not text.strip():
            return
        for hit in self.backend.search(text, SEARCH_LIMIT):
            item = QListWidgetItem(hit_label(hit))
            item.setData(Qt.ItemDataRole.UserRole, RegimenDrug(hit.id, hit))
            if hit.matched_text and hit.matched_text.lower() not in (hit.name_en.lower(), hit.name_zh):
                item.setToolTip(self.tr("matched: {text}").format(text=hit.matched_text))
            self.results.addItem(item)
        if self.results.count():
            self.results.setCurrentRow(0)

    def show_drug(self, drug_id: str) -> None:
        """Show the monograph of catalog drug ``drug_id`` (e.g. a case's medication); waits for the catalog."""
        self.shown_drug_id = drug_id
        if self.backend is None:
            return  # _backend_ready shows it once the catalog has loaded
        self.results.blockSignals(True)
        self.results.setCurrentItem(None)
        self.results.blockSignals(False)
        self.monograph_pane.show_view(self.backend.monograph(drug_id))

    def show_monograph(self, item: QListWidgetItem | None) -> None:
        if item is None or self.backend is None:
            return
        drug: RegimenDrug = item.data(Qt.ItemDataRole.UserRole)
        self.shown_drug_id = None
        self.monograph_pane.show_view(self.backend.monograph(drug.id))

    def _add_current(self) -> None:
        item = self.results.currentItem()
        if item is not None:
            self.regimen.add(item.data(Qt.ItemDataRole.UserRole))

    # -- checking ------------------------------------------------------------------------------------------------
    def _renal(self, context: dict[str, Any]) -> tuple[float | None, float | None]:
        return self.backend.renal(context) if self.backend is not None else (None, None)

    def run_check(self) -> None:
        if self.backend is None:
            return
        ids = self.regimen.ids()
        result = self.backend.check(ids, self.context_panel.values()) if ids else {"alerts": []}
        self._last_alerts = list(result["alerts"])
        self._last_result = result
        self._show_check_notes()
        names = {d.id: d.label() for d in self.regimen.drugs}
        hide_minor = bool(self.ctx.settings.get("drugs.hide_minor_alerts"))
        self.alerts.set_alerts(self._last_alerts, names, hide_minor=hide_minor)
        self._update_alerts_heading()

    def settings_changed(self) -> None:
        """After the settings dialog: show the regimen's alerts again (the hide-minor choice may have changed)."""
        if self.regimen.drugs:
            self.run_check()

    def _update_alerts_heading(self) -> None:
        if not self.regimen.drugs:
            self.alerts_heading.setText(self.tr("Alerts appear here when the regimen has drugs."))
        elif not self.alerts.cards:
            self.alerts_heading.setText(self.tr("No alerts for this regimen and context."))
        elif len(self.alerts.cards) == 1:
            self.alerts_heading.setText(self.tr("1 alert"))
        else:
            self.alerts_heading.setText(self.tr("{count} alerts, most severe first").format(
                count=len(self.alerts.cards)))

    def _show_check_notes(self) -> None:
        notes = check_notes(self._last_result)
        scope = scope_text(self._last_result.get("scope")) if self.regimen.drugs else ""
        lines = [f"• {note}" for note in notes] + ([scope] if scope else [])
        self.check_notes.setText("\n".join(lines))
        self.check_notes.setVisible(bool(lines))

    # -- a Records patient -------------------------------------------------------------------------------------------
    def choose_patient(self):
        picker = PatientPicker(self.ctx, self)
        picker.accepted.connect(lambda: self._picked(picker.chosen()))
        picker.finished.connect(lambda _r: picker.deleteLater())
        self.patient_picker = picker
        picker.open()
        return picker

    def _picked(self, chosen: tuple[int, str] | None) -> None:
        if chosen is not None:
            self.load_patient(chosen[0])

    def load_patient(self, patient_id: int):
        """Replace the regimen and context by the patient's active medications and latest values."""
        handle = self.ctx.tasks.run(load_patient, self.ctx.workspace, patient_id, name="drugs-load-patient")
        handle.finished.connect(while_alive(self, self._patient_loaded))
        return handle

    def _patient_loaded(self, loaded: LoadedPatient) -> None:
        self.linked = loaded
        self.regimen.blockSignals(True)
        self.regimen.clear()
        for drug in loaded.medications:
            self.regimen.add(RegimenDrug(drug.id, drug))
        self.regimen.blockSignals(False)
        self.context_panel.set_values(loaded.context)  # checks the regimen once
        self._show_linked()

    def unlink_patient(self) -> None:
        self.linked = None
        self._show_linked()

    def new_for_record(self) -> list[RegimenDrug]:
        """Drugs of the regimen that the linked patient does not take yet."""
        if self.linked is None:
            return []
        taken = {drug.id for drug in self.linked.medications}
        return [drug for drug in self.regimen.drugs if drug.id not in taken]

    def send_to_record(self):
        """Open the patient's Medications tab and prescribe each new drug there, through the record's own check."""
        drugs = self.new_for_record()
        if self.linked is None or not drugs or self.ctx.open_room is None:
            return None
        records = self.ctx.open_room("records")
        language = self.ctx.languages.content_language  # the name is written into the record in this language
        return records.prescribe_from_drugs_room(self.linked.patient_id, [
            (pick(drug.named, "name", language), drug.id) for drug in drugs])

    def _show_linked(self) -> None:
        self.to_record_button.setEnabled(bool(self.new_for_record()) and self.ctx.open_room is not None)
        if self.linked is None:
            self.linked_label.setText("")
            self.linked_label.setVisible(False)
            return
        text = self.tr("Loaded from the record of {name}: {count} active medications.").format(
            name=self.linked.name, count=len(self.linked.medications))
        if self.linked.unresolved:
            text += " " + self.tr("Not in the dictionary, not checked: {names}.").format(
                names=", ".join(self.linked.unresolved))
        self.linked_label.setText(text)
        self.linked_label.setVisible(True)

    # -- calculators ---------------------------------------------------------------------------------------------
    def open_calculators(self):
        from cdss.ui.drugs.calculators import CalculatorDialog

        if self.backend is None:
            return None
        values = self.context_panel.values()
        patient = {key: values[source] for key, source in (("weight_kg", "weight_kg"), ("height_cm", "height_cm"),
                                                            ("age_years", "age"), ("sex", "sex")) if source in values}
        if "scr" in values:
            umol = values["scr"] if values["scr_unit"] == "umol/L" else values["scr"] * 88.42
            patient["creatinine_umol_l"] = umol
        current = self.results.currentItem()
        drug_id = self.shown_drug_id or (current.data(Qt.ItemDataRole.UserRole).id if current is not None else None)
        dialog = CalculatorDialog(self, self.backend.catalog, patient, drug_id)
        dialog.finished.connect(lambda _r: dialog.deleteLater())
        self.calculator_dialog = dialog
        dialog.open()
        return dialog

    # -- knowledge packs -------------------------------------------------------------------------------------------
    def open_packs_dialog(self):
        from cdss.ui.drugs.packs_dialog import PacksDialog

        if self.packs_dialog is None:
            self.packs_dialog = PacksDialog(self.ctx, self)
            self.packs_dialog.packs_changed.connect(self._load_backend)
        self.packs_dialog.refresh()
        self.packs_dialog.show()
        self.packs_dialog.raise_()
        return self.packs_dialog

    def open_alert_stats(self):
        from cdss.ui.drugs.alert_stats import AlertStatsDialog

        if self.stats_dialog is None:
            self.stats_dialog = AlertStatsDialog(self.ctx, self)
        self.stats_dialog.refresh()
        self.stats_dialog.show()
        self.stats_dialog.raise_()
        return self.stats_dialog

    # -- text ----------------------------------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.stats_button.setText(self.tr("Alert statistics…"))
        self.from_patient_button.setText(self.tr("From a patient…"))
        self.from_patient_button.setToolTip(self.tr("Load a Records patient's active medications, latest labs, "
                                                    "allergies and pregnancy status"))
        self.to_record_button.setText(self.tr("Prescribe in the record…"))
        self.to_record_button.setToolTip(self.tr("Open the patient's Medications tab and prescribe the drugs added "
                                                 "here, each through the record's own check"))
        self.calculators_button.setText(self.tr("Calculators…"))
        self._show_linked()
        self.packs_button.setText(self.tr("Knowledge packs…"))
        self._show_check_notes()
        if self.backend is None:
            self.search_box.setPlaceholderText(self.tr("Loading the drug dictionary…"))
        else:
            self.search_box.setPlaceholderText(self.tr("Search: 华法林, huafalin, hfl, warfarin, Plavix…"))
        self._update_alerts_heading()
        if self.results.currentItem() is not None:
            self.show_monograph(self.results.currentItem())
        elif self.shown_drug_id is not None and self.backend is not None:
            self.show_drug(self.shown_drug_id)
        elif self.backend is not None:
            hint = self.tr("Choose a drug to read its monograph. Every section names its source; a section that is "
                           "not known is marked as not available.")
            self.monograph_pane.show_hint(hint)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
