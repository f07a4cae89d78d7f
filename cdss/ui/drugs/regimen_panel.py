"""The regimen being checked, as removable chips."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QGroupBox, QLabel, QToolButton, QVBoxLayout, QWidget

from cdss.ui.widgets.flow_layout import FlowLayout


@dataclass(frozen=True)
class RegimenDrug:
    id: str
    #: where the drug's names come from: a search hit or a catalog drug, whatever ``name_<language>`` fields it has
    named: object = field(compare=False)

    def label(self) -> str:
        from cdss.ui.drugs.hit_text import display_name

        return display_name(self.named)


class RegimenPanel(QGroupBox):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("regimenPanel")
        self.drugs: list[RegimenDrug] = []
        layout = QVBoxLayout(self)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.hint.setObjectName("regimenHint")
        layout.addWidget(self.hint)
        self._chip_area = QWidget(self)
        self._chips = FlowLayout(self._chip_area)
        layout.addWidget(self._chip_area)
        self.chip_buttons: dict[str, QToolButton] = {}
        self.retranslate_ui()

    def add(self, drug: RegimenDrug) -> bool:
        """Add a drug once; returns False when it is already in the regimen."""
        if any(d.id == drug.id for d in self.drugs):
            return False
        self.drugs.append(drug)
        chip = QToolButton(self._chip_area)
        chip.setObjectName(f"chip_{drug.id}")
        chip.setText(f"{drug.label()}  ✕")
        chip.setProperty("chip", True)  # drawn as a chip by app.qss
        chip.clicked.connect(lambda _checked=False, drug_id=drug.id: self.remove(drug_id))
        self._chips.addWidget(chip)
        self.chip_buttons[drug.id] = chip
        self._update_hint()
        self.changed.emit()
        return True

    def remove(self, drug_id: str) -> None:
        self.drugs = [d for d in self.drugs if d.id != drug_id]
        chip = self.chip_buttons.pop(drug_id, None)
        if chip is not None:
            self._chips.removeWidget(chip)
            chip.deleteLater()
        self._update_hint()
        self.changed.emit()

    def clear(self) -> None:
        for drug_id in list(self.chip_buttons):
            self.remove(drug_id)

    def ids(self) -> list[str]:
        return [d.id for d in self.drugs]

    def _update_hint(self) -> None:
        self.hint.setVisible(not self.drugs)
        self._chip_area.setVisible(bool(self.drugs))
        self._chip_area.updateGeometry()

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Regimen"))
        self.hint.setText(self.tr("Add drugs from the search results (double-click or Enter) to check them together."))
        self.setToolTip(self.tr("Click a drug to remove it"))
        self._update_hint()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
