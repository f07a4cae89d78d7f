"""One active medication on the Medications tab: its name (a link to the drug's monograph in the Drugs room when the
name resolves to the drug catalog), its alerts collapsed behind a count so the list stays readable, and "Stop"."""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from cdss.ui import palette
from cdss.ui.drugs.alert_cards import AlertCard
from cdss.ui.drugs.labels import severity_label, severity_rank

if TYPE_CHECKING:
    from cdss.cds.context import ActiveMedication
    from cdss.drugs.alerts import Alert

def _link(drug_id: str, text: str) -> str:
    style = f"color:{palette.current().drug_link}; text-decoration:none"
    return f"<a href='{html.escape(drug_id, quote=True)}' style='{style}'>{html.escape(text)}</a>"


def _with_override(alert: dict, override: dict | None) -> dict:
    if override is None:
        return alert
    return {**alert, "interruptive": False, "override": override}


class MedicationItem(QFrame):
    #: the doctor asked to stop this medication (its record id)
    stop_requested = Signal(int)
    #: the doctor clicked the drug's name: open its monograph (catalog id)
    drug_requested = Signal(str)

    def __init__(self, medication: ActiveMedication, alerts: Sequence[Alert], drug_names: Mapping[str, str],
                 parent: QWidget | None = None, *, overrides: Mapping[int, dict] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("medItem")
        self.medication = medication
        self.alerts = list(alerts)
        self.drug_names = dict(drug_names)
        top = min((a.severity for a in alerts), key=severity_rank, default=None)
        self.setProperty("severity", top or "")  # app.qss colours the stripe by the most severe alert
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 6, 4)
        row = QHBoxLayout()
        self.name = QLabel(self)
        self.name.setObjectName("medName")
        self.name.setTextFormat(Qt.TextFormat.RichText)
        self.name.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                          | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        self.name.linkActivated.connect(self.drug_requested.emit)
        self.toggle = QToolButton(self)
        self.toggle.setObjectName("medAlertsToggle")
        self.toggle.setCheckable(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.toggle.toggled.connect(self.set_expanded)
        self.toggle.setVisible(bool(alerts))
        self.stop_button = QToolButton(self)
        self.stop_button.setObjectName("medStop")
        self.stop_button.setVisible(medication.medication_id is not None)
        self.stop_button.clicked.connect(self._stop_clicked)
        row.addWidget(self.name, 1)
        row.addWidget(self.toggle)
        row.addWidget(self.stop_button)
        layout.addLayout(row)
        self.cards_host = QWidget(self)
        cards = QVBoxLayout(self.cards_host)
        cards.setContentsMargins(0, 0, 0, 0)
        overrides = overrides or {}
        # an alert overridden before shows who overrode it, when and why, instead of its interrupt badge
        self.cards = [AlertCard(_with_override(a.to_dict(), overrides.get(i)), drug_names, self.cards_host)
                      for i, a in enumerate(alerts)]
        for card in self.cards:
            cards.addWidget(card)
        self.cards_host.setVisible(False)
        layout.addWidget(self.cards_host)
        self.retranslate_ui()

    def _stop_clicked(self) -> None:
        if self.medication.medication_id is not None:
            self.stop_button.setEnabled(False)  # one click, one stop: the list reloads when it is stored
            self.stop_requested.emit(self.medication.medication_id)

    def set_expanded(self, expanded: bool) -> None:
        self.cards_host.setVisible(expanded)
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if expanded else Qt.ArrowType.RightArrow)
        if self.toggle.isChecked() != expanded:
            self.toggle.setChecked(expanded)

    def name_html(self) -> str:
        med = self.medication
        ids = med.drug_ids
        if len(ids) == 1:
            name = f"<b>{_link(ids[0], med.name)}</b>"
        else:
            name = f"<b>{html.escape(med.name)}</b>"
        bits = [name]
        if med.dose:
            bits.append(html.escape(med.dose))
        if len(ids) > 1:  # a combination: each component opens its own monograph
            bits.append(", ".join(_link(d, self.drug_names.get(d, d)) for d in ids))
        if not ids:
            bits.append(f"<span style='color:{palette.current().text_subtle}'>"
                        + html.escape(self.tr("not in the drug dictionary: not checked")) + "</span>")
        return " · ".join(bits)

    def retranslate_ui(self) -> None:
        self.name.setText(self.name_html())
        self.name.setToolTip(self.tr("Click the name to read the drug's monograph in the Drugs room")
                             if self.medication.drug_ids else "")
        self.stop_button.setText(self.tr("Stop"))
        self.stop_button.setToolTip(self.tr("Stop this medication today (written to the case timeline)"))
        if self.alerts:
            top = min((a.severity for a in self.alerts), key=severity_rank)
            # English needs a singular; the count chooses the source text (both translate alike into Chinese)
            text = self.tr("1 alert · {severity}") if len(self.alerts) == 1 else self.tr("{count} alerts · {severity}")
            self.toggle.setText(text.format(count=len(self.alerts), severity=severity_label(top)))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
