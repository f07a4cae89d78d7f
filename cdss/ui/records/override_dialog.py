"""The interruptive alert dialog: a contraindicated or ONC high-priority alert stops the prescription until the doctor
either cancels it or gives a reason to go ahead.

One reason is chosen per alert, from a short list or free text. "Will monitor" asks what will be monitored and when,
because it creates a follow-up in the case. The prescribe button stays disabled until every alert has a complete
reason; Cancel (the default button) means the alert was heeded.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from PySide6.QtCore import QDate, QEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from cdss.cds.events import alert_key
from cdss.cds.service import MONITORING_REASONS, REASON_CODES, OverrideDecision
from cdss.drugs.alerts import Alert
from cdss.ui.drugs.alert_cards import AlertCard

DEFAULT_MONITOR_DAYS = 3


class AlertReasonBox(QGroupBox):
    """One interruptive alert: its card (expanded) and the reason choices."""

    def __init__(self, alert: Alert, drug_names: Mapping[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.alert = alert
        self.setObjectName("overrideAlert")
        layout = QVBoxLayout(self)
        self.card = AlertCard(alert.to_dict(), drug_names, self)
        self.card.set_expanded(True)
        layout.addWidget(self.card)
        self.reason_label = QLabel(self)
        layout.addWidget(self.reason_label)
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        for code in REASON_CODES:
            button = QRadioButton(self)
            button.setObjectName(f"reason_{code}")
            self.group.addButton(button)
            self.buttons[code] = button
            layout.addWidget(button)
        self.detail = QLineEdit(self)
        self.detail.setObjectName("reasonDetail")
        self.monitor_row = QWidget(self)
        monitor = QHBoxLayout(self.monitor_row)
        monitor.setContentsMargins(20, 0, 0, 0)
        self.due_label = QLabel(self.monitor_row)
        self.due = QDateEdit(self.monitor_row)
        self.due.setObjectName("followUpDue")
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("yyyy-MM-dd")
        self.due.setMinimumDate(QDate.currentDate())
        self.due.setDate(QDate.currentDate().addDays(DEFAULT_MONITOR_DAYS))
        monitor.addWidget(self.due_label)
        monitor.addWidget(self.due)
        monitor.addStretch(1)
        layout.addWidget(self.detail)
        layout.addWidget(self.monitor_row)
        self.group.buttonToggled.connect(lambda *_a: self._update())
        self.retranslate_ui()
        self._update()

    def reason_code(self) -> str | None:
        return next((code for code, b in self.buttons.items() if b.isChecked()), None)

    def choose(self, code: str, detail: str = "", due: dt.date | None = None) -> None:
        self.buttons[code].setChecked(True)
        self.detail.setText(detail)
        if due is not None:
            self.due.setDate(QDate(due.year, due.month, due.day))

    def is_complete(self) -> bool:
        code = self.reason_code()
        if code is None:
            return False
        if code in ("other", *MONITORING_REASONS):
            return bool(self.detail.text().strip())
        return True

    def decision(self) -> OverrideDecision:
        code = self.reason_code() or "other"
        due = self.due.date().toPython() if code in MONITORING_REASONS else None
        return OverrideDecision(code, self.detail.text().strip(), due)

    def _update(self) -> None:
        code = self.reason_code()
        monitoring = code in MONITORING_REASONS
        self.detail.setVisible(code is not None)
        self.monitor_row.setVisible(monitoring)
        if monitoring:
            self.detail.setPlaceholderText(self.tr("What will be monitored, e.g. INR, K⁺, QTc, renal function"))
        elif code == "other":
            self.detail.setPlaceholderText(self.tr("Reason (required)"))
        else:
            self.detail.setPlaceholderText(self.tr("Comment (optional)"))

    def retranslate_ui(self) -> None:
        self.reason_label.setText(self.tr("Reason to go ahead:"))
        texts = {
            "benefit_outweighs_risk": self.tr("Benefit outweighs risk"),
            "will_monitor": self.tr("Will monitor (INR / K⁺ / QTc / renal function …)"),
            "already_tolerated": self.tr("Patient already tolerates this combination"),
            "short_course": self.tr("Short course only"),
            "other": self.tr("Other (free text)"),
        }  # fuller than cds_texts.REASONS, which names a reason already given
        for code, button in self.buttons.items():
            button.setText(texts[code])
        self.due_label.setText(self.tr("Follow-up on:"))
        self._update()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


class OverrideDialog(QDialog):
    def __init__(self, drug_name: str, alerts: Sequence[Alert], drug_names: Mapping[str, str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("overrideDialog")
        self.setModal(True)
        self.drug_name = drug_name
        layout = QVBoxLayout(self)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.intro.setObjectName("overrideIntro")
        layout.addWidget(self.intro)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        body = QWidget(scroll)
        body_layout = QVBoxLayout(body)
        self.boxes = [AlertReasonBox(alert, drug_names, body) for alert in alerts]
        for box in self.boxes:
            body_layout.addWidget(box)
            box.group.buttonToggled.connect(lambda *_a: self._update_buttons())
            box.detail.textChanged.connect(lambda _t: self._update_buttons())
        body_layout.addStretch(1)
        scroll.setWidget(body)
        layout.addWidget(scroll, 1)
        self.buttons = QDialogButtonBox(self)
        self.prescribe_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.prescribe_button.setObjectName("overridePrescribe")
        self.cancel_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.cancel_button.setObjectName("overrideCancel")
        self.cancel_button.setDefault(True)  # Enter must never override a contraindication by accident
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(640, 560)
        self.retranslate_ui()
        self._update_buttons()

    def decisions(self) -> dict[str, OverrideDecision]:
        return {alert_key(box.alert): box.decision() for box in self.boxes}

    def accept(self) -> None:
        if all(box.is_complete() for box in self.boxes):
            super().accept()

    def _update_buttons(self) -> None:
        self.prescribe_button.setEnabled(all(box.is_complete() for box in self.boxes))

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Safety alert"))
        self.intro.setText(self.tr("Prescribing {drug} raises {count} alert(s) that need a decision. Cancel to stop, "
                                   "or give a reason for each alert to go ahead.").format(
            drug=self.drug_name, count=len(self.boxes)))
        self.prescribe_button.setText(self.tr("Override and prescribe"))
        self.cancel_button.setText(self.tr("Cancel prescription"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
