"""The interruptive alert dialog: a contraindicated or ONC high-priority alert stops the prescription until the doctor
either cancels it or gives a reason to go ahead.

One reason is chosen per alert, from a short list or free text. "Will monitor" asks what will be monitored and when,
because it creates a follow-up in the case. The prescribe button stays disabled until every alert has a complete
reason; Cancel (the default button) means the alert was heeded.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QEvent, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from cdss.cds.alternatives import Alternative
from cdss.cds.events import alert_key
from cdss.cds.service import MONITORING_REASONS, OverrideDecision, reasons_for
from cdss.drugs.alerts import Alert
from cdss.ui.drugs.alert_cards import AlertCard
from cdss.ui.drugs.hit_text import display_name

DEFAULT_MONITOR_DAYS = 3
#: What to monitor, read from the alert's own management and effect text (English, as the knowledge is written).
_MONITORING_WORDS = (
    ("inr", QT_TRANSLATE_NOOP("MonitoringHint", "INR")), ("qt", QT_TRANSLATE_NOOP("MonitoringHint", "QTc / ECG")),
    ("potassium", QT_TRANSLATE_NOOP("MonitoringHint", "K⁺")), ("hyperkal", QT_TRANSLATE_NOOP("MonitoringHint", "K⁺")),
    ("creatinine", QT_TRANSLATE_NOOP("MonitoringHint", "renal function")),
    ("renal", QT_TRANSLATE_NOOP("MonitoringHint", "renal function")),
    ("ck ", QT_TRANSLATE_NOOP("MonitoringHint", "CK")),
    ("myopathy", QT_TRANSLATE_NOOP("MonitoringHint", "CK, muscle symptoms")),
    ("glucose", QT_TRANSLATE_NOOP("MonitoringHint", "blood glucose")),
    ("hypoglyc", QT_TRANSLATE_NOOP("MonitoringHint", "blood glucose")),
    ("level", QT_TRANSLATE_NOOP("MonitoringHint", "drug levels")),
    ("concentration", QT_TRANSLATE_NOOP("MonitoringHint", "drug levels")),
    ("blood pressure", QT_TRANSLATE_NOOP("MonitoringHint", "blood pressure")),
    ("bleeding", QT_TRANSLATE_NOOP("MonitoringHint", "signs of bleeding, Hb")),
    ("serotonin", QT_TRANSLATE_NOOP("MonitoringHint", "serotonin toxicity signs")),
)


def monitoring_hint(alert: Alert) -> str:
    """The monitoring an alert's advice names (e.g. 'INR' for warfarin + metronidazole), '' when it names none."""
    text = f" {alert.management} {alert.effect} ".casefold()
    found = dict.fromkeys(QCoreApplication.translate("MonitoringHint", label)
                          for word, label in _MONITORING_WORDS if word in text)
    return ", ".join(list(found)[:3])


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
        for code in reasons_for(alert.kind):  # only the reasons that fit this kind of alert
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
            self.detail.setPlaceholderText(self.tr("What will be monitored, e.g. {what}").format(
                what=monitoring_hint(self.alert) or self.tr("INR, K⁺, QTc, renal function")))
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
            "intended_dose": self.tr("This dose is intended (e.g. a loading dose) and was checked"),
            "other": self.tr("Other (free text)"),
        }  # fuller than cds_texts.REASONS, which names a reason already given
        if self.alert.kind == "renal":
            texts["will_monitor"] = self.tr("Will monitor renal function")
        for code, button in self.buttons.items():
            button.setText(texts[code])
        self.due_label.setText(self.tr("Follow-up on:"))
        self._update()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


class OverrideDialog(QDialog):
    """Besides cancelling or overriding with a reason, offers what the alerts' advice names, as actions that change
    the record: stop the interacting medication and go ahead, take a same-class alternative without this alert,
    or change the dose."""

    #: take this catalog drug instead (id, name to show)
    alternative_chosen = Signal(str, str)
    #: stop this active medication (record id), then prescribe
    stop_chosen = Signal(int)
    #: go back and change the dose
    change_dose_chosen = Signal()

    def __init__(self, drug_name: str, alerts: Sequence[Alert], drug_names: Mapping[str, str],
                 parent: QWidget | None = None, *, alternatives: Sequence[Alternative] = (),
                 stoppable: Sequence[tuple[int, str]] = ()) -> None:
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
        self.actions_label = QLabel(self)
        self.actions_label.setObjectName("overrideActionsLabel")
        layout.addWidget(self.actions_label)
        actions = QHBoxLayout()
        self.action_buttons: list[QPushButton] = []
        self._action_texts: list[tuple[QPushButton, str, dict[str, str]]] = []
        for medication_id, name in stoppable:
            button = self._action(actions, "stop", self.tr("Stop {name}, then prescribe"), name=name)
            button.clicked.connect(lambda _c=False, m=medication_id: self._chosen(lambda: self.stop_chosen.emit(m)))
        for alternative in alternatives:
            shown = display_name(alternative)
            button = self._action(actions, "alternative", self.tr("Choose {name} instead"), name=shown)
            button.clicked.connect(lambda _c=False, a=alternative, n=shown: self._chosen(
                lambda: self.alternative_chosen.emit(a.drug_id, n)))
        if any(alert.kind == "dose" for alert in alerts):
            button = self._action(actions, "dose", self.tr("Change the dose"))
            button.clicked.connect(lambda _c=False: self._chosen(self.change_dose_chosen.emit))
        actions.addStretch(1)
        layout.addLayout(actions)
        self.actions_label.setVisible(bool(self.action_buttons))
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

    def _action(self, layout: QHBoxLayout, action: str, text: str, **params: str) -> QPushButton:
        button = QPushButton(self)
        button.setObjectName(f"overrideAction_{action}")
        button.setAutoDefault(False)
        layout.addWidget(button)
        self.action_buttons.append(button)
        self._action_texts.append((button, text, params))
        return button

    def _chosen(self, then) -> None:
        """An action instead of the prescription: the alerts were heeded (as Cancel records it), then the action."""
        self.reject()
        then()

    def decisions(self) -> dict[str, OverrideDecision]:
        return {alert_key(box.alert): box.decision() for box in self.boxes}

    def accept(self) -> None:
        if all(box.is_complete() for box in self.boxes):
            super().accept()

    def _update_buttons(self) -> None:
        self.prescribe_button.setEnabled(all(box.is_complete() for box in self.boxes))

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Safety alert"))
        intro = (self.tr("Prescribing {drug} raises an alert that needs a decision. Cancel to stop, or give a "
                         "reason to go ahead.") if len(self.boxes) == 1 else
                 self.tr("Prescribing {drug} raises {count} alerts that need a decision. Cancel to stop, or give a "
                         "reason for each alert to go ahead."))
        self.intro.setText(intro.format(
            drug=self.drug_name, count=len(self.boxes)))
        self.prescribe_button.setText(self.tr("Override and prescribe"))
        self.cancel_button.setText(self.tr("Cancel prescription"))
        self.actions_label.setText(self.tr("Or act on the advice:"))
        for button, text, params in self._action_texts:
            button.setText(text.format(**params))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
