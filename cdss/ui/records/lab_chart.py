"""Build the QtCharts line chart of one or two lab measures over time, the reference range shaded behind.

Imported only by the Labs panel on first show: importing QtCharts costs start-up time the app does not spend until
someone opens the tab.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCharts import QAbstractAxis, QAreaSeries, QChart, QDateTimeAxis, QLineSeries, QScatterSeries, QValueAxis
from PySide6.QtCore import QDateTime, Qt
from PySide6.QtGui import QBrush, QColor, QPen

from cdss.records.charts import TrendSeries
from cdss.ui import palette
from cdss.ui.palette import Palette


def _ms(when) -> float:
    return float(QDateTime(when).toMSecsSinceEpoch())


def build_trend_chart(series_list: Sequence[TrendSeries], range_label: str, target_label: str = "Target") -> QChart:
    colours = palette.current()
    line_colours = (colours.chart_line_1, colours.chart_line_2)
    range_colours = (colours.chart_range_1, colours.chart_range_2)
    chart = QChart()
    chart.setBackgroundBrush(QBrush(QColor(colours.chart_bg)))
    chart.legend().setLabelColor(QColor(colours.chart_text))
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    chart.setMargins(chart.margins())
    if not series_list:
        chart.legend().hide()
        return chart
    times = [_ms(when) for s in series_list for when, _ in s.points]
    values = [v for s in series_list for _, v in s.points]
    values += [r for s in series_list for r in (s.ref_low, s.ref_high, s.target_low, s.target_high) if r is not None]
    t0, t1 = min(times), max(times)
    if t0 == t1:  # one date: widen a day each side so the point sits mid-chart
        t0, t1 = t0 - 86_400_000, t1 + 86_400_000
    edge = (t1 - t0) * 0.03  # a little room so the first and last markers are not cut in half by the plot edge
    t0, t1 = t0 - edge, t1 + edge
    y_min, y_max = min(values), max(values)
    pad = (y_max - y_min) * 0.12 or abs(y_max) * 0.1 or 1.0
    y_min, y_max = y_min - pad, y_max + pad
    if min(values) >= 0:
        y_min = max(0.0, y_min)

    axis_x = QDateTimeAxis()
    axis_x.setFormat("yyyy-MM-dd")
    axis_x.setTickCount(min(6, max(2, len(set(times)))))
    axis_x.setRange(QDateTime.fromMSecsSinceEpoch(int(t0)), QDateTime.fromMSecsSinceEpoch(int(t1)))
    axis_y = QValueAxis()
    axis_y.setRange(y_min, y_max)
    axis_y.applyNiceNumbers()  # round tick values (100, 120, …) rather than 93.3, 115.0
    axis_y.setLabelFormat("%g")
    unit = series_list[0].unit
    if unit:
        axis_y.setTitleText(unit)
    for axis in (axis_x, axis_y):
        _colour_axis(axis, colours)
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)

    for index, trend in enumerate(series_list):
        colour = line_colours[index % len(line_colours)]
        if trend.ref_low is not None or trend.ref_high is not None:
            low = trend.ref_low if trend.ref_low is not None else y_min
            high = trend.ref_high if trend.ref_high is not None else y_max
            upper, lower = QLineSeries(), QLineSeries()
            for t in (t0, t1):
                upper.append(t, high)
                lower.append(t, low)
            band = QAreaSeries(upper, lower)
            # QAreaSeries does not own its boundary lines; parent them so Python does not free them under it.
            upper.setParent(band)
            lower.setParent(band)
            band.setName(f"{trend.name}: {range_label}")
            band_colour = QColor(range_colours[index % len(range_colours)])
            band.setColor(band_colour)
            # the band's edge a shade off its fill: darker on a light chart, lighter on a dark one
            band.setBorderColor(band_colour.lighter(130) if colours.is_dark else band_colour.darker(115))
            _attach(chart, band, axis_x, axis_y)
        if trend.target_low is not None and trend.target_high is not None:
            upper, lower = QLineSeries(), QLineSeries()
            for t in (t0, t1):
                upper.append(t, trend.target_high)
                lower.append(t, trend.target_low)
            band = QAreaSeries(upper, lower)
            upper.setParent(band)
            lower.setParent(band)
            band.setName(f"{trend.name}: {target_label} {trend.target_low:g}–{trend.target_high:g}")
            band.setColor(QColor(colours.chart_target))
            pen = QPen(QColor(colours.chart_line_1), 1, Qt.PenStyle.DashLine)
            band.setPen(pen)
            _attach(chart, band, axis_x, axis_y)
        line = QLineSeries()
        line.setName(trend.name)
        line.setPen(QPen(QColor(colour), 2))
        flagged = QScatterSeries()
        flagged.setMarkerSize(9)
        flagged.setColor(QColor(colours.chart_out_of_range))
        flagged.setBorderColor(QColor(colours.chart_out_of_range))
        normal = QScatterSeries()
        normal.setMarkerSize(7)
        normal.setColor(QColor(colour))
        normal.setBorderColor(QColor(colour))
        for when, value in trend.points:
            line.append(_ms(when), value)
            (flagged if trend.outside(value) else normal).append(_ms(when), value)
        _attach(chart, line, axis_x, axis_y)
        for markers in (normal, flagged):
            _attach(chart, markers, axis_x, axis_y)
            chart.legend().markers(markers)[0].setVisible(False)
    return chart


def _colour_axis(axis: QAbstractAxis, colours: Palette) -> None:
    axis.setLabelsColor(QColor(colours.chart_text))
    axis.setTitleBrush(QBrush(QColor(colours.chart_text)))
    axis.setGridLineColor(QColor(colours.chart_grid))
    axis.setLinePenColor(QColor(colours.chart_axis))


def _attach(chart: QChart, series, axis_x, axis_y) -> None:
    chart.addSeries(series)
    series.attachAxis(axis_x)
    series.attachAxis(axis_y)
