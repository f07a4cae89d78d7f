"""Paints a patient as a card: name, sex and age, latest diagnosis, tags, and a badge for follow-ups due."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from cdss.ui.models.lazy_table_model import ROW_ROLE

CARD_HEIGHT = 74
_SEX_SYMBOL = {"male": "♂", "female": "♀"}


translate = QCoreApplication.translate


class PatientCardDelegate(QStyledItemDelegate):
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
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor("#3a8a94" if selected else "#d5dde0"), 1.5 if selected else 1))
        painter.setBrush(QColor("#e8f3f4" if selected else "#ffffff"))
        painter.drawRoundedRect(card, 8, 8)

        inner = card.adjusted(12, 8, -12, -8)
        name_font = QFont(option.font)
        name_font.setPointSizeF(option.font.pointSizeF() * 1.15)
        name_font.setBold(True)
        painter.setFont(name_font)
        painter.setPen(QColor("#1b2a2f"))
        name_rect = QRect(inner.left(), inner.top(), inner.width() - 90, 22)
        painter.drawText(name_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, patient.name)

        painter.setFont(option.font)
        painter.setPen(QColor("#44545a"))
        details = [_SEX_SYMBOL.get(str(patient.sex), "")]
        if patient.age is not None:
            details.append(translate("PatientCard", "{age} y").format(age=patient.age))
        painter.drawText(QRect(inner.right() - 150, inner.top(), 150, 22),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, " ".join(d for d in details if d))

        diagnosis = patient.latest_diagnosis or translate("PatientCard", "no diagnosis recorded")
        tags = "  ".join(f"#{t}" for t in patient.tags)
        line = f"{diagnosis}    {tags}" if tags else diagnosis
        metrics = painter.fontMetrics()
        painter.drawText(QRect(inner.left(), inner.top() + 26, inner.width() - 80, 22),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         metrics.elidedText(line, Qt.TextElideMode.ElideRight, inner.width() - 80))

        if patient.follow_ups_due:
            badge = translate("PatientCard", "{count} due").format(count=patient.follow_ups_due)
            width = metrics.horizontalAdvance(badge) + 14
            badge_rect = QRect(inner.right() - width, inner.top() + 28, width, 20)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor("#d3591c"))
            painter.drawRoundedRect(badge_rect, 10, 10)
            painter.setPen(QColor("#ffffff"))
            painter.drawText(badge_rect, Qt.AlignmentFlag.AlignCenter, badge)
        painter.restore()
