"""Alert statistics per rule (fired, overridden, accepted), opened from the Drugs room, so that noisy rules — those
that fire often and are nearly always overridden — can be found and reviewed."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cdss.i18n import pick
from cdss.ui.context import AppContext
from cdss.ui.drugs.labels import kind_label, severity_label
from cdss.ui.i18n import shown_language
from cdss.ui.tasks import while_alive

COLUMNS = 9


def pack_rules(rule_ids) -> dict[str, object]:
    """Rule id → the knowledge pack's rule (read off the GUI thread), whose ``effect`` fields say what it warns of;
    ids of rules no longer in the pack (or of imported sources) are left out and shown as they are."""
    from cdss.drugs.catalog import Catalog

    by_id = {rule.id: rule for rule in Catalog.default().rules.rules}
    return {rid: by_id[rid] for rid in rule_ids if rid in by_id}


def _rule_item(rule_id: str, pack_rule: object | None) -> QTableWidgetItem:
    if pack_rule is None:
        return QTableWidgetItem(rule_id)
    item = QTableWidgetItem(pick(pack_rule, "effect", shown_language()))
    item.setToolTip(rule_id)  # the id stays one hover away for whoever reviews the knowledge
    return item


class _NumberItem(QTableWidgetItem):
    """Sorts by number, not by text ("10" after "9")."""

    def __init__(self, value: float | None, text: str) -> None:
        super().__init__(text)
        self.value = -1.0 if value is None else float(value)
        self.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    def __lt__(self, other: QTableWidgetItem) -> bool:
        return self.value < getattr(other, "value", -1.0)


class AlertStatsDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("alertStatsDialog")
        self.ctx = ctx
        self.stats = []
        self.pack_rules: dict[str, object] = {}  # rule id → the pack's rule, for what it warns of
        self.summary = QLabel(self)
        self.summary.setObjectName("alertStatsSummary")
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, COLUMNS, self)
        self.table.setObjectName("alertStatsTable")
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.refresh_button = QPushButton(self)
        self.refresh_button.setObjectName("alertStatsRefresh")
        self.refresh_button.clicked.connect(self.refresh)
        self.close_button = QPushButton(self)
        self.close_button.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.refresh_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.resize(900, 480)
        self.retranslate_ui()

    def refresh(self):
        from cdss.cds.stats import rule_statistics

        workspace = self.ctx.workspace

        def load():
            stats = rule_statistics(workspace)
            return stats, pack_rules(r.rule_id for r in stats)

        handle = self.ctx.tasks.run(load, name="cds-rule-stats")
        handle.finished.connect(while_alive(self, lambda payload: self.set_stats(*payload)))
        return handle

    def set_stats(self, stats, pack_rules: dict[str, object] | None = None) -> None:
        self.stats = list(stats)
        if pack_rules is not None:
            self.pack_rules = pack_rules
        self.table.setSortingEnabled(False)
        self.table.setRowCount(len(self.stats))
        for row, rule in enumerate(self.stats):
            rate = rule.override_rate
            cells = [
                _rule_item(rule.rule_id, self.pack_rules.get(rule.rule_id)),
                QTableWidgetItem(kind_label(rule.kind)),
                QTableWidgetItem(severity_label(rule.top_severity)),
                _NumberItem(rule.fired, str(rule.fired)),
                _NumberItem(rule.overridden, str(rule.overridden)),
                _NumberItem(rule.accepted, str(rule.accepted)),
                _NumberItem(rule.shown_inline + rule.remembered + rule.raised,
                            str(rule.shown_inline + rule.remembered + rule.raised)),
                _NumberItem(rate, f"{rate:.0%}" if rate is not None else "—"),
                QTableWidgetItem(rule.example),
            ]
            for column, item in enumerate(cells):
                self.table.setItem(row, column, item)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(3, Qt.SortOrder.DescendingOrder)  # most fired first
        self._update_summary()

    def _update_summary(self) -> None:
        fired = sum(r.fired for r in self.stats)
        overridden = sum(r.overridden for r in self.stats)
        accepted = sum(r.accepted for r in self.stats)
        if not self.stats:
            self.summary.setText(self.tr("No alerts recorded yet. Alerts are counted when medications are added in "
                                         "a case (Records room, Medications tab)."))
        else:
            self.summary.setText(self.tr("{rules} rules fired {fired} times: {overridden} overridden, {accepted} "
                                         "accepted. Rules overridden nearly every time are candidates for review.")
                                 .format(rules=len(self.stats), fired=fired, overridden=overridden,
                                         accepted=accepted))

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Alert statistics"))
        self.table.setHorizontalHeaderLabels([
            self.tr("Rule"), self.tr("Kind"), self.tr("Severity"), self.tr("Fired"), self.tr("Overridden"),
            self.tr("Accepted"), self.tr("Inline / other"), self.tr("Override rate"), self.tr("Example")])
        self.refresh_button.setText(self.tr("Refresh"))
        self.close_button.setText(self.tr("Close"))
        if self.stats:
            self.set_stats(self.stats)
        else:
            self._update_summary()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
