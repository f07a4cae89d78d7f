"""A room page's empty state: what the room is for and what will appear here, instead of a blank area."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget


class EmptyStatePage(QWidget):
    """Shows a heading and a short explanation; both are re-read from ``texts`` when the language changes."""

    def __init__(self, object_name: str, texts: Callable[[], tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self._texts = texts
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        self.heading = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.heading.setObjectName("emptyStateHeading")
        self.body = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.body.setObjectName("emptyStateBody")
        self.body.setWordWrap(True)
        self.body.setFixedWidth(560)  # a fixed width lets a word-wrapped label report its true height
        layout.addWidget(self.heading)
        # Centred through stretches, not an alignment flag: an aligned widget gets its one-line sizeHint height,
        # which clips wrapped text.
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.body)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        heading, body = self._texts()
        self.heading.setText(heading)
        self.body.setText(body)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
