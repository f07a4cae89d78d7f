"""The open patient's lab results: a table (out-of-range values marked) and a trend chart of one chosen measure.

QtCharts is imported only when the panel is first shown: it is a large module and most sessions never open the Labs
tab, so start-up stays fast. Blood pressure is charted as two series (systolic and diastolic) on one chart because
clinicians read the two together.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cdss.records.charts import TrendSeries, trend_series
from cdss.records.targets import TargetRange, target_for
from cdss.records.types import LabResult
from cdss.ui import palette

LAB_ID_ROLE = Qt.ItemDataRole.UserRole + 1
# Measures drawn together on one chart: a chart choice named by the first, holding every listed measure.
PAIRED_MEASURES = (("systolic", "diastolic"), ("收缩压", "舒张压"))


def is_out_of_range(lab: LabResult) -> bool:
    if lab.value is None:
        return False
    return (lab.ref_low is not None and lab.value < lab.ref_low) or (
        lab.ref_high is not None and lab.value > lab.ref_high)


def reference_text(lab: LabResult) -> str:
    def fmt(value: float) -> str:
        return f"{value:g}"

    if lab.ref_low is not None and lab.ref_high is not None:
        return f"{fmt(lab.ref_low)}–{fmt(lab.ref_high)}"
    if lab.ref_low is not None:
        return f"≥ {fmt(lab.ref_low)}"
    if lab.ref_high is not None:
        return f"≤ {fmt(lab.ref_high)}"
    return ""


def chart_choices(labs: list[LabResult], targets: Mapping[str, TargetRange] | None = None
                  ) -> list[tuple[str, list[TrendSeries]]]:
    """(label, series) pairs: every measure with a numeric value; blood-pressure halves merged into one choice."""
    series = trend_series(labs, min_points=1, targets=targets)
    used: set[int] = set()
    choices: list[tuple[str, list[TrendSeries]]] = []
    for first, second in PAIRED_MEASURES:
        a = [i for i, s in enumerate(series) if first in s.name.lower()]
        b = [i for i, s in enumerate(series) if second in s.name.lower()]
        if a and b:
            group = [series[a[0]], series[b[0]]]
            used.update((a[0], b[0]))
            choices.append((f"{group[0].name} / {group[1].name}", group))
    choices.extend((s.name + (f" ({s.unit})" if s.unit else ""), [s]) for i, s in enumerate(series) if i not in used)
    return choices


class LabsPanel(QWidget):
    COLUMNS = 7
    # The panel only shows labs; the Records page does the writing (cdss.ui.records.record_actions).
    add_requested = Signal()
    edit_requested = Signal(int)  # lab id
    delete_requested = Signal(int)  # lab id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("labsPanel")
        self.labs: list[LabResult] = []
        self.targets: dict[str, TargetRange] = {}  # the patient's therapeutic targets (INR on warfarin …)
        self.choices: list[tuple[str, list[TrendSeries]]] = []
        self.chart_view = None  # created on first show (lazy QtCharts import)
        self.table = QTableWidget(0, self.COLUMNS, self)
        self.table.setObjectName("labsTable")
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemDoubleClicked.connect(lambda _item: self._request(self.edit_requested))
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.add_button = QPushButton(self)
        self.add_button.setObjectName("labAdd")
        self.add_button.clicked.connect(self.add_requested.emit)
        self.edit_button = QPushButton(self)
        self.edit_button.setObjectName("labEdit")
        self.edit_button.clicked.connect(lambda: self._request(self.edit_requested))
        self.delete_button = QPushButton(self)
        self.delete_button.setObjectName("labDelete")
        self.delete_button.clicked.connect(lambda: self._request(self.delete_requested))
        self.editable = False
        self.measure_label = QLabel(self)
        self.measure_combo = QComboBox(self)
        self.measure_combo.setObjectName("labMeasureCombo")
        self.measure_combo.currentIndexChanged.connect(lambda _i: self._draw_chart())
        self.empty_label = QLabel(self)
        self.empty_label.setObjectName("labsEmpty")
        palette.set_tone(self.empty_label, "muted")
        top = QHBoxLayout()
        top.addWidget(self.measure_label)
        top.addWidget(self.measure_combo, 1)
        top.addSpacing(12)
        top.addWidget(self.add_button)
        top.addWidget(self.edit_button)
        top.addWidget(self.delete_button)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(self.table)
        self.chart_host = QWidget(self.splitter)
        self.chart_layout = QVBoxLayout(self.chart_host)
        self.chart_layout.setContentsMargins(0, 0, 0, 0)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)  # the trend is what the tab is opened for: give it the larger share
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.splitter, 1)
        self.retranslate_ui()
        self.set_editable(False)

    # -- editing (requests only) ---------------------------------------------------------------------------------
    def set_editable(self, editable: bool) -> None:
        self.editable = editable
        self.add_button.setEnabled(editable)
        self._update_buttons()

    def selected_lab_id(self) -> int | None:
        row = self.table.currentRow()
        item = self.table.item(row, 0) if row >= 0 else None
        return item.data(LAB_ID_ROLE) if item is not None else None

    def select_lab(self, lab_id: int) -> bool:
        for row in range(self.table.rowCount()):
            if self.table.item(row, 0).data(LAB_ID_ROLE) == lab_id:
                self.table.selectRow(row)
                return True
        return False

    def _request(self, signal) -> None:
        lab_id = self.selected_lab_id()
        if self.editable and lab_id is not None:
            signal.emit(lab_id)

    def _update_buttons(self) -> None:
        has = self.editable and self.selected_lab_id() is not None
        self.edit_button.setEnabled(has)
        self.delete_button.setEnabled(has)

    # -- data ----------------------------------------------------------------------------------------------------
    def set_labs(self, labs: list[LabResult], targets: Mapping[str, TargetRange] | None = None) -> None:
        self.labs = sorted(labs, key=lambda lab: (lab.taken_at, lab.name), reverse=True)
        self.targets = dict(targets or {})
        self._fill_table()
        current = self.measure_combo.currentText()
        self.choices = chart_choices(labs, self.targets)
        self.measure_combo.blockSignals(True)
        self.measure_combo.clear()
        for label, _series in self.choices:
            self.measure_combo.addItem(label)
        self.measure_combo.setCurrentIndex(max(0, self.measure_combo.findText(current)))
        self.measure_combo.blockSignals(False)
        self.empty_label.setVisible(not labs)
        self._draw_chart()

    def _fill_table(self) -> None:
        self.table.setRowCount(len(self.labs))
        red = QBrush(QColor(palette.current().danger))
        for row, lab in enumerate(self.labs):
            value = lab.value_text or (f"{lab.value:g}" if lab.value is not None else "")
            target = target_for(lab, self.targets)
            if target is not None:  # the patient's target decides, not the laboratory's range
                position = target.position(lab.value)
                flagged = position in ("below", "above")
                arrow = {"below": "↓", "above": "↑"}.get(position or "", "")
                flag = {"below": self.tr("Below target"), "above": self.tr("Above target"),
                        "within": self.tr("In target")}.get(position or "", "")
                why = target.drug if target.basis == "treatment" and target.drug else self.tr("as recorded")
                target_text = self.tr("{range} ({why})").format(range=target.text(), why=why)
            else:
                flagged = is_out_of_range(lab)
                arrow = ("↑" if lab.ref_high is not None and lab.value > lab.ref_high else "↓") if flagged else ""
                flag = self.tr("Out of range") if flagged else ""
                target_text = ""
            if arrow:
                value = f"{value} {arrow}"
            # A result recorded with a date only is stored at midnight; showing "00:00" would invent a time.
            when = lab.taken_at.strftime("%Y-%m-%d" if lab.taken_at.time() == dt.time() else "%Y-%m-%d %H:%M")
            cells = (when, lab.name, value, lab.unit or "", reference_text(lab), flag, target_text)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if flagged and column in (2, 5):
                    item.setForeground(red)
                if column == 0:
                    item.setData(LAB_ID_ROLE, lab.id)
                self.table.setItem(row, column, item)
        self._update_buttons()

    def selected_series(self) -> list[TrendSeries]:
        index = self.measure_combo.currentIndex()
        return self.choices[index][1] if 0 <= index < len(self.choices) else []

    # -- chart (lazy) --------------------------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self.chart_view is None:
            self._create_chart_view()
            self._draw_chart()

    def _create_chart_view(self) -> None:
        from PySide6.QtCharts import QChartView
        from PySide6.QtGui import QPainter

        self.chart_view = QChartView(self.chart_host)
        self.chart_view.setObjectName("labsChart")
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart_view.setMinimumHeight(220)
        self.chart_layout.addWidget(self.chart_view)

    def _draw_chart(self) -> None:
        if self.chart_view is None:
            return
        from cdss.ui.records.lab_chart import build_trend_chart

        previous = self.chart_view.chart()
        self.chart_view.setChart(build_trend_chart(self.selected_series(), self.tr("Reference range"),
                                                   self.tr("Target")))
        if previous is not None:  # the view releases, but does not delete, the chart it showed before
            previous.deleteLater()

    # -- text ----------------------------------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.table.setHorizontalHeaderLabels([self.tr("Date"), self.tr("Test"), self.tr("Value"), self.tr("Unit"),
                                              self.tr("Reference range"), self.tr("Flag"), self.tr("Target")])
        self.measure_label.setText(self.tr("Trend of:"))
        self.add_button.setText(self.tr("Add…"))
        self.edit_button.setText(self.tr("Edit…"))
        self.delete_button.setText(self.tr("Delete"))
        self.empty_label.setText(self.tr("No lab results for this patient yet."))
        if self.labs:
            self._fill_table()
            self._draw_chart()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
