"""Paints a patient as a card: name, sex and age, latest diagnosis, tags, a badge for follow-ups due and a red mark
for open (unreviewed) re-check alerts.

The alert count comes from a lookup the page passes in (patient id → count), so the records list stays free of any
decision-support import; the page fills it with one query per page of patients.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QHelpEvent, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolTip,
    QWidget,
)

from cdss.ui import palette
from cdss.ui.models.lazy_table_model import ROW_ROLE

CARD_HEIGHT = 74
_SEX_SYMBOL = {"male": "♂", "female": "♀"}


translate = QCoreApplication.translate


class PatientCardDelegate(QStyledItemDelegate):
    def __init__(self, parent: QWidget | None = None, *, alert_count: Callable[[int], int] | None = None) -> None:
        super().__init__(parent)
        self.alert_count = alert_count or (lambda _patient_id: 0)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:  # noqa: N802
        return QSize(option.rect.width(), CARD_HEIGHT)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        patient = index.data(ROW_ROLE)
        if patient is None:
            return
        painter.save()
        card = option.rect.adjusted(6, 3, -6, -3)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        colours = palette.current()  # read at each paint, so a switch of scheme repaints in the new colours
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor(colours.accent if selected else colours.card_border), 1.5 if selected else 1))
        painter.setBrush(QColor(colours.card_selected_bg if selected else colours.card_bg))
        painter.drawRoundedRect(card, 8, 8)

        inner = card.adjusted(12, 8, -12, -8)
        name_font = QFont(option.font)
        name_font.setPointSizeF(option.font.pointSizeF() * 1.15)
        name_font.setBold(True)
        painter.setFont(name_font)
        painter.setPen(QColor(colours.text_strong))
        name_rect = QRect(inner.left(), inner.top(), inner.width() - 90, 22)
        painter.drawText(name_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, patient.name)

        painter.setFont(option.font)
        painter.setPen(QColor(colours.text_secondary))
        details = [_SEX_SYMBOL.get(str(patient.sex), "")]
        if patient.age is not None:
            details.append(translate("PatientCard", "{age} y").format(age=patient.age))
        painter.drawText(QRect(inner.right() - 150, inner.top(), 150, 22),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, " ".join(d for d in details if d))

        # Badges first (right to left), so the diagnosis line is elided before the leftmost one.
        right = inner.right()
        if patient.follow_ups_due:
            badge = translate("PatientCard", "{count} due").format(count=patient.follow_ups_due)
            right = self._badge(painter, badge, right, inner.top() + 28, colours.due_badge) - 4
        alerts = self.alert_count(patient.id)
        if alerts:
            right = self._badge(painter, translate("PatientCard", "⚠ {count}").format(count=alerts), right,
                                inner.top() + 28, colours.danger) - 4
        painter.setPen(QColor(colours.text_secondary))
        diagnosis = patient.latest_diagnosis or translate("PatientCard", "no diagnosis recorded")
        tags = "  ".join(f"#{t}" for t in patient.tags)
        line = f"{diagnosis}    {tags}" if tags else diagnosis
        width = min(inner.width() - 80, right - inner.left() - 4)
        painter.drawText(QRect(inner.left(), inner.top() + 26, width, 22),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         painter.fontMetrics().elidedText(line, Qt.TextElideMode.ElideRight, width))
        painter.restore()

    def helpEvent(self, event: QHelpEvent, view: QAbstractItemView, option: QStyleOptionViewItem,  # noqa: N802
                  index: QModelIndex | QPersistentModelIndex) -> bool:
        patient = index.data(ROW_ROLE)
        count = self.alert_count(patient.id) if patient is not None else 0
        if event.type() == QEvent.Type.ToolTip and count:
            text = (translate("PatientCard", "1 new alert after lab results, not yet reviewed") if count == 1 else
                    translate("PatientCard", "{count} new alerts after lab results, not yet reviewed"))
            QToolTip.showText(event.globalPos(), text.format(count=count), view)
            return True
        return super().helpEvent(event, view, option, index)

    @staticmethod
    def _badge(painter: QPainter, text: str, right: int, top: int, colour: str) -> int:
        """A rounded badge ending at ``right``; returns its left edge."""
        width = painter.fontMetrics().horizontalAdvance(text) + 14
        rect = QRect(right - width, top, width, 20)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(colour))
        painter.drawRoundedRect(rect, 10, 10)
        painter.setPen(QColor(palette.current().on_severity))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        return rect.left()
