"""The Drugs room page: search as you type, read a monograph, build a regimen and see its alerts.

The drug catalog loads in the background the first time the room is built, so opening the app stays fast; until
then the search box says it is loading. Search runs on the GUI thread because it answers in a few milliseconds;
the check runs there too for the same reason (both are measured in bench/drugs.py).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from cdss.ui.context import AppContext
from cdss.ui.drugs.alert_cards import AlertList
from cdss.ui.drugs.backend import DrugsBackend
from cdss.ui.drugs.context_panel import ContextPanel
from cdss.ui.drugs.hit_text import hit_label
from cdss.ui.drugs.messages_text import check_notes
from cdss.ui.drugs.monograph_view import MonographPane
from cdss.ui.drugs.regimen_panel import RegimenDrug, RegimenPanel
from cdss.ui.drugs.scope_text import scope_text

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
        self.regimen = RegimenPanel(right)
        self.regimen.changed.connect(self.run_check)
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
        self.check_notes.setStyleSheet("color: #5b7083;")
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
            item.setData(Qt.ItemDataRole.UserRole, RegimenDrug(hit.id, hit.name_en, hit.name_zh))
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
        else:
            self.alerts_heading.setText(self.tr("{count} alerts, most severe first").format(
                count=len(self.alerts.cards)))

    def _show_check_notes(self) -> None:
        notes = check_notes(self._last_result)
        scope = scope_text(self._last_result.get("scope")) if self.regimen.drugs else ""
        lines = [f"• {note}" for note in notes] + ([scope] if scope else [])
        self.check_notes.setText("\n".join(lines))
        self.check_notes.setVisible(bool(lines))

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
