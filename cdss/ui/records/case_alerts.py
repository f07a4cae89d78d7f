"""Alerts a re-check raised on the patient's case after a new lab value (e.g. a renal threshold crossed by a creatinine
rise), shown under the case header until the doctor marks each one reviewed."""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from cdss.ui import palette
from cdss.ui.context import AppContext
from cdss.ui.drugs.labels import kind_label, severity_label
from cdss.ui.drugs.messages_text import alert_title, clinical_text
from cdss.ui.tasks import while_alive
from cdss.workspace import Workspace


class CaseAlertsBanner(QFrame):
    #: a re-check ran and stored new alerts (the medication list should reload with the new context)
    rechecked = Signal()
    #: (patient id, open alerts shown) after every load: the patient card's badge follows the banner
    count_changed = Signal(int, int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("caseAlertsBanner")  # framed in app.qss
        self.ctx = ctx
        self.patient_id: int | None = None
        self._shown_for: int | None = None
        self.alerts = []  # OpenAlert values shown
        self.rows: list[QWidget] = []
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(8, 4, 8, 4)
        self.heading = QLabel(self)
        self.heading.setObjectName("caseAlertsHeading")
        self._layout.addWidget(self.heading)
        self.setVisible(False)
        self.retranslate_ui()

    def set_patient(self, patient_id: int | None):
        """Re-check labs stored since the last look, then show the open alerts; returns the task handle."""
        self.patient_id = patient_id
        if patient_id is None:
            self._show([])
            return None
        return self._run_then_show(lambda recheck, workspace: recheck.recheck_pending(workspace, patient_id),
                                   "cds-open-alerts")

    def recheck_after_lab(self, lab_id: int | None = None):
        """Run the re-check for a lab just stored (``None``: the patient's newest lab) and show the result."""
        if self.patient_id is None:
            return None
        patient_id = self.patient_id
        return self._run_then_show(lambda recheck, workspace: recheck.after_new_lab(workspace, patient_id, lab_id),
                                   "cds-recheck")

    def _run_then_show(self, action: Callable[[Any, Workspace], object], name: str):
        """Run ``action(recheck module, workspace)`` on the writer, then show the patient's open alerts."""
        workspace, patient_id = self.ctx.workspace, self.patient_id

        def run():
            from cdss.cds import recheck  # the checker loads on first use, not when the room opens

            action(recheck, workspace)
            return patient_id, recheck.open_alerts(workspace, patient_id)

        handle = self.ctx.tasks.run_write(run, name=name)
        handle.finished.connect(while_alive(self, self._loaded))
        return handle

    def _loaded(self, payload) -> None:
        patient_id, alerts = payload
        if patient_id == self.patient_id:
            known = {a.id for a in self.alerts} if self._shown_for == patient_id else None
            self._shown_for = patient_id
            self._show(alerts)
            self.count_changed.emit(patient_id, len(self.alerts))
            if known is not None and any(a.id not in known for a in alerts):
                self.rechecked.emit()

    def _show(self, alerts) -> None:
        for row in self.rows:
            row.setParent(None)
            row.deleteLater()
        self.rows = []
        hide_minor = bool(self.ctx.settings.get("drugs.hide_minor_alerts"))
        self.alerts = [a for a in alerts if not (hide_minor and a.alert.severity == "minor")]
        for open_alert in self.alerts:
            row = QWidget(self)
            row.setObjectName("caseAlertRow")
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            label = QLabel(row)
            label.setObjectName("caseAlertText")
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
            button = QPushButton(self.tr("Reviewed"), row)
            button.setObjectName("caseAlertReviewed")
            button.clicked.connect(lambda _c=False, alert_id=open_alert.id: self.mark_reviewed(alert_id))
            line.addWidget(label, 1)
            line.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
            self._layout.addWidget(row)
            self.rows.append(row)
        self.setVisible(bool(self.alerts))
        self.retranslate_ui()

    def mark_reviewed(self, open_alert_id: int):
        return self._run_then_show(lambda recheck, workspace: recheck.mark_reviewed(workspace, open_alert_id),
                                   "cds-review")

    @staticmethod
    def _alert_html(open_alert) -> str:
        """The severity as a coloured badge, the alert's kind and title, and the management advice below."""
        alert = open_alert.alert
        colours = palette.current()
        title = alert_title(open_alert.data) or alert.title
        management = str(clinical_text(open_alert.data, "management") or alert.management)
        return (f"<span style='color:{colours.on_severity}; background:{colours.severity(alert.severity)}'>"
                f"&nbsp;{html.escape(severity_label(alert.severity))}&nbsp;</span> "
                f"<b>{html.escape(kind_label(alert.kind))}</b>: {html.escape(title)}"
                f"<br><span style='color:{colours.text_secondary}'>{html.escape(management)}</span>")

    def retranslate_ui(self) -> None:
        self.heading.setText(self.tr("New alerts after lab results ({count}) — review the current medications").format(
            count=len(self.alerts)))
        # rebuilt here, not only when shown: a language or colour-scheme switch renders them again
        for row, open_alert in zip(self.rows, self.alerts, strict=True):
            text = row.findChild(QLabel, "caseAlertText")
            if text is not None:
                text.setText(self._alert_html(open_alert))
            row.findChild(QPushButton, "caseAlertReviewed").setText(self.tr("Reviewed"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
