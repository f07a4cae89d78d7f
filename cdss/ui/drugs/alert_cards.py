"""Alert cards: one per checker alert, most severe first, collapsed to a line and expandable to the full detail.

Interruptive alerts (contraindicated, or an ONC high-priority class) get a red frame and a badge; every other alert
stays inline and quiet, because alert fatigue makes clinicians ignore systems that shout about everything.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QScrollArea, QToolButton, QVBoxLayout, QWidget

from cdss.i18n import pick
from cdss.ui import palette
from cdss.ui.drugs.labels import evidence_label, kind_label, severity_label, severity_rank
from cdss.ui.drugs.messages_text import alert_title, clinical_text
from cdss.ui.i18n import shown_language

Alert = Mapping[str, Any]


class AlertCard(QFrame):
    def __init__(self, alert: Alert, drug_names: Mapping[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.alert = alert
        self._drug_names = drug_names
        severity = alert.get("severity", "minor")
        self.setObjectName("alertCard")
        # app.qss draws the frame from these: the severity's stripe and badge, a red frame when interruptive
        self.setProperty("interruptive", bool(alert.get("interruptive")))
        self.setProperty("severity", severity)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 8, 6)
        header = QHBoxLayout()
        self.badge = QLabel(self)
        self.badge.setObjectName("alertSeverity")
        self.title = QLabel(self)
        self.title.setObjectName("alertTitle")
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.toggle = QToolButton(self)
        self.toggle.setObjectName("alertToggle")
        self.toggle.setCheckable(True)
        self.toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.toggle.toggled.connect(self.set_expanded)
        header.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignTop)
        header.addWidget(self.title, 1)
        header.addWidget(self.toggle, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(header)
        self.override_label = QLabel(self)
        self.override_label.setObjectName("alertOverride")
        self.override_label.setWordWrap(True)
        self.override_label.setVisible(False)
        layout.addWidget(self.override_label)
        self.details = QLabel(self)
        self.details.setObjectName("alertDetails")
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setVisible(False)
        layout.addWidget(self.details)
        self.retranslate_ui()

    def set_expanded(self, expanded: bool) -> None:
        self.details.setVisible(expanded)
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if expanded else Qt.ArrowType.RightArrow)
        if self.toggle.isChecked() != expanded:
            self.toggle.setChecked(expanded)

    def retranslate_ui(self) -> None:
        alert = self.alert
        badge = severity_label(alert.get("severity", ""))
        if alert.get("interruptive"):
            badge = self.tr("{severity} · interruptive").format(severity=badge)
        elif alert.get("override"):
            badge = self.tr("{severity} · overridden").format(severity=badge)
        self.badge.setText(badge)
        if alert.get("override"):
            from cdss.ui.records.cds_texts import override_text

            self.override_label.setText(override_text(alert["override"]))
        self.override_label.setVisible(bool(alert.get("override")))
        names = [self._drug_names.get(d, d) for d in alert.get("drugs", [])]
        # Older stored alerts (e.g. saved by the records room before titles were coded) carry only the English title.
        title = alert_title(alert)
        # the drugs in brackets only when the title does not already name them all
        suffix = f"  ({' + '.join(names)})" if names and not all(n in title for n in names) else ""
        self.title.setText(f"{kind_label(alert.get('kind', ''))}: {title}{suffix}")
        self.details.setText(self._details_html())

    def _details_html(self) -> str:
        alert = self.alert
        rows = []
        for key, label in (("mechanism", self.tr("Mechanism")), ("effect", self.tr("Clinical effect")),
                           ("management", self.tr("Management")), ("evidence", self.tr("Evidence"))):
            value = clinical_text(alert, key) if key != "evidence" else evidence_label(str(alert.get(key) or ""))
            unavailable = self.tr("not available")
            known = bool(value) and value != "not available"  # the checker's English placeholder
            text = html.escape(str(value)) if known else f"<i>{html.escape(unavailable)}</i>"
            rows.append(f"<p><b>{html.escape(label)}:</b> {text}</p>")
        related = alert.get("related_effects") or []
        if related:
            also = self.tr("Also")
            language = shown_language()
            items = "".join(f"<li>{html.escape(severity_label(str(r.get('severity', ''))))}: "
                            f"{html.escape(str(pick(r, 'effect', language)))}</li>" for r in related)
            rows.append(f"<p><b>{html.escape(also)}:</b></p><ul>{items}</ul>")
        sources = alert.get("sources") or []
        source_text = "; ".join(html.escape(str(s)) for s in sources) or html.escape(self.tr("not stated"))
        sources_label = self.tr("Sources")
        rows.append(f"<p><b>{html.escape(sources_label)}:</b> {source_text}</p>")
        ratings: Sequence[Mapping[str, Any]] = alert.get("ratings") or []
        if len(ratings) > 1:
            cells = "".join(
                f"<tr><td>{html.escape(str(r.get('source', '')))}</td>"
                f"<td>{html.escape(severity_label(str(r.get('severity', ''))))}</td></tr>" for r in ratings)
            disagree = self.tr("Sources disagree on severity.")
            by_source = self.tr("Ratings by source")
            warning = (f"<p style='color:{palette.current().danger}'><b>{html.escape(disagree)}</b></p>"
                       if alert.get("disagreement") else "")
            rows.append(f"<p><b>{html.escape(by_source)}:</b></p>"
                        f"<table cellpadding='3'>{cells}</table>{warning}")
        return "".join(rows)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


#: More minor alerts than this are folded behind one "Show N minor alerts" line. An imported source such as DDInter
#: rates most pairs of a long regimen, and dozens of minor cards would bury the few that matter.
MINOR_FOLD_AFTER = 3


class AlertList(QScrollArea):
    """Shows alerts as cards, sorted most severe first (the checker sorts too; sorting again keeps the UI honest).

    When there are many minor alerts they stay listed, but folded: one line says how many, and a click shows them.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("alertList")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self._container = QWidget(self)
        self._layout = QVBoxLayout(self._container)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(6)
        self._layout.addStretch(1)
        self.setWidget(self._container)
        self.cards: list[AlertCard] = []
        self.minor_toggle: QToolButton | None = None  # present while minor alerts are folded
        self._minor_cards: list[AlertCard] = []

    def set_alerts(self, alerts: Sequence[Alert], drug_names: Mapping[str, str], hide_minor: bool = False) -> None:
        for widget in (*self.cards, *([self.minor_toggle] if self.minor_toggle is not None else [])):
            widget.setParent(None)
            widget.deleteLater()
        self.cards, self._minor_cards, self.minor_toggle = [], [], None
        shown = [a for a in alerts if not (hide_minor and a.get("severity") == "minor")]
        ordered = sorted(shown, key=lambda a: (severity_rank(a.get("severity", "")), not a.get("interruptive")))
        fold = sum(1 for a in ordered if a.get("severity") == "minor") > MINOR_FOLD_AFTER
        for alert in ordered:
            minor = alert.get("severity") == "minor"
            if fold and minor and self.minor_toggle is None:
                self.minor_toggle = QToolButton(self._container)
                self.minor_toggle.setObjectName("minorAlertsToggle")
                self.minor_toggle.setCheckable(True)
                self.minor_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
                self.minor_toggle.setArrowType(Qt.ArrowType.RightArrow)
                self.minor_toggle.toggled.connect(self._show_minor)
                self._layout.insertWidget(self._layout.count() - 1, self.minor_toggle)
            card = AlertCard(alert, drug_names, self._container)
            self._layout.insertWidget(self._layout.count() - 1, card)
            self.cards.append(card)
            if fold and minor:
                card.setVisible(False)
                self._minor_cards.append(card)
        self.retranslate_ui()

    def _show_minor(self, shown: bool) -> None:
        for card in self._minor_cards:
            card.setVisible(shown)
        if self.minor_toggle is not None:
            self.minor_toggle.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)

    def retranslate_ui(self) -> None:
        if self.minor_toggle is not None:
            self.minor_toggle.setText(self.tr("{count} minor alerts").format(count=len(self._minor_cards)))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
