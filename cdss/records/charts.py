"""Lab trend charts for the PDF report, drawn with reportlab.graphics (vector, no Qt, no image files)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from cdss.records.targets import TargetRange, target_for
from cdss.records.types import LabResult


@dataclass(frozen=True)
class TrendSeries:
    """The numeric values of one measure (same name and unit), oldest first."""

    name: str
    unit: str | None
    points: tuple[tuple[dt.datetime, float], ...]
    ref_low: float | None = None
    ref_high: float | None = None
    # the patient's therapeutic target (e.g. INR 2.0–3.0 on warfarin), drawn apart from the reference range
    target_low: float | None = None
    target_high: float | None = None

    def outside(self, value: float) -> bool:
        """Flagged against the target when the patient has one, else against the laboratory's range."""
        low, high = ((self.target_low, self.target_high) if self.target_low is not None
                     else (self.ref_low, self.ref_high))
        return (low is not None and value < low) or (high is not None and value > high)


def trend_series(labs: Sequence[LabResult], min_points: int = 2,
                 targets: Mapping[str, TargetRange] | None = None) -> list[TrendSeries]:
    """Group numeric lab values by (name, unit); only measures with at least ``min_points`` values get a chart."""
    groups: dict[tuple[str, str | None], list[LabResult]] = {}
    for lab in labs:
        if lab.value is not None:
            groups.setdefault((lab.name.strip(), lab.unit), []).append(lab)
    series = []
    for (name, unit), values in groups.items():
        if len(values) < min_points:
            continue
        values.sort(key=lambda lab: lab.taken_at)
        low = next((v.ref_low for v in values if v.ref_low is not None), None)
        high = next((v.ref_high for v in values if v.ref_high is not None), None)
        points = tuple((v.taken_at, float(v.value)) for v in values if v.value is not None)
        target = target_for(values[0], targets) if targets else None
        series.append(TrendSeries(name, unit, points, low, high, target.low if target else None,
                                  target.high if target else None))
    return sorted(series, key=lambda s: s.name.lower())


def _nice_range(low: float, high: float) -> tuple[float, float]:
    if high == low:
        pad = abs(high) * 0.1 or 1.0
        return low - pad, high + pad
    pad = (high - low) * 0.12
    return low - pad, high + pad


def _fmt(value: float) -> str:
    return f"{value:.0f}" if abs(value) >= 100 else f"{value:.3g}"


def trend_drawing(series: TrendSeries, font_name: str, width: float = 240, height: float = 130):  # -> Drawing
    """A small line chart: values over time, the reference range shaded, first/last dates and min/max labelled."""
    from reportlab.graphics.shapes import Circle, Drawing, Line, PolyLine, Rect, String
    from reportlab.lib import colors

    drawing = Drawing(width, height)
    left, right, bottom, top = 34.0, width - 8.0, 20.0, height - 18.0
    title = series.name + (f" ({series.unit})" if series.unit else "")
    drawing.add(
        String(left, height - 12, title, fontName=font_name, fontSize=8.5, fillColor=colors.HexColor("#222222"))
    )

    values = [v for _, v in series.points]
    candidates = [*values, *(r for r in (series.ref_low, series.ref_high, series.target_low, series.target_high)
                             if r is not None)]
    y_min, y_max = _nice_range(min(candidates), max(candidates))
    if min(candidates) >= 0:
        y_min = max(y_min, 0.0)  # most measures cannot be negative: no axis running below zero
    t0 = series.points[0][0].timestamp()
    t1 = series.points[-1][0].timestamp()
    span = (t1 - t0) or 1.0

    def x_of(when: dt.datetime) -> float:
        return left + (when.timestamp() - t0) / span * (right - left) if t1 != t0 else (left + right) / 2

    def y_of(value: float) -> float:
        return bottom + (value - y_min) / (y_max - y_min) * (top - bottom)

    if series.ref_low is not None or series.ref_high is not None:
        lo = y_of(series.ref_low if series.ref_low is not None else y_min)
        hi = y_of(series.ref_high if series.ref_high is not None else y_max)
        drawing.add(Rect(left, lo, right - left, hi - lo, fillColor=colors.HexColor("#E6F2E6"), strokeColor=None))
    if series.target_low is not None and series.target_high is not None:
        lo, hi = y_of(series.target_low), y_of(series.target_high)
        drawing.add(Rect(left, lo, right - left, hi - lo, fillColor=colors.HexColor("#DCE9F7"),
                         strokeColor=colors.HexColor("#1F5FA8"), strokeWidth=0.5, strokeDashArray=[2, 2]))
    axis = colors.HexColor("#888888")
    drawing.add(Line(left, bottom, right, bottom, strokeColor=axis, strokeWidth=0.6))
    drawing.add(Line(left, bottom, left, top, strokeColor=axis, strokeWidth=0.6))
    for value in (y_min + (y_max - y_min) * f for f in (0.0, 0.5, 1.0)):
        y = y_of(value)
        drawing.add(Line(left - 2, y, left, y, strokeColor=axis, strokeWidth=0.6))
        drawing.add(String(left - 4, y - 2.5, _fmt(value), fontName=font_name, fontSize=6.5, textAnchor="end"))
    coords = [c for when, value in series.points for c in (x_of(when), y_of(value))]
    line_colour = colors.HexColor("#1F5FA8")
    drawing.add(PolyLine(coords, strokeColor=line_colour, strokeWidth=1.2))
    for when, value in series.points:
        out_of_range = series.outside(value)
        fill = colors.HexColor("#C62828") if out_of_range else line_colour
        drawing.add(Circle(x_of(when), y_of(value), 2.2, fillColor=fill, strokeColor=None))
    first, last = series.points[0][0], series.points[-1][0]
    drawing.add(String(left, 8, first.strftime("%Y-%m-%d"), fontName=font_name, fontSize=6.5))
    if last.date() != first.date():
        drawing.add(String(right, 8, last.strftime("%Y-%m-%d"), fontName=font_name, fontSize=6.5, textAnchor="end"))
    return drawing
