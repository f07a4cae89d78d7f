"""The calculators' building blocks: field names and messages in both languages, number fields, the result panel
and the form tab every calculator is built on (cdss/ui/drugs/calc_tabs.py holds the calculators themselves)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from cdss.drugs import calc
from cdss.drugs.calc.common import unit_label
from cdss.errors import UserError
from cdss.ui import palette
from cdss.ui.error_texts import user_error_text

if TYPE_CHECKING:
    from cdss.ui.drugs.calculators import CalculatorDialog


W = TypeVar("W", bound=QWidget)  # a form row returns the widget it was given, with its own type
_CTX = "Calculators"

FIELDS = {
    "weight_kg": QT_TRANSLATE_NOOP("Calculators", "Weight"),
    "height_cm": QT_TRANSLATE_NOOP("Calculators", "Height"),
    "age_years": QT_TRANSLATE_NOOP("Calculators", "Age"),
    "age_months": QT_TRANSLATE_NOOP("Calculators", "Age"),
    "sex": QT_TRANSLATE_NOOP("Calculators", "Sex"),
    "creatinine_umol_l": QT_TRANSLATE_NOOP("Calculators", "Serum creatinine"),
    "creatinine": QT_TRANSLATE_NOOP("Calculators", "Serum creatinine"),
    "crcl": QT_TRANSLATE_NOOP("Calculators", "CrCl"),
    "egfr": QT_TRANSLATE_NOOP("Calculators", "eGFR"),
    "dose_per_kg": QT_TRANSLATE_NOOP("Calculators", "Dose per kg"),
    "dose_per_m2": QT_TRANSLATE_NOOP("Calculators", "Dose per m²"),
    "doses_per_day": QT_TRANSLATE_NOOP("Calculators", "Doses a day"),
    "bsa_method": QT_TRANSLATE_NOOP("Calculators", "BSA formula"),
    "dose_rate": QT_TRANSLATE_NOOP("Calculators", "Dose rate"),
    "rate_ml_h": QT_TRANSLATE_NOOP("Calculators", "Pump rate"),
    "bag_amount": QT_TRANSLATE_NOOP("Calculators", "Amount in the bag"),
    "bag_volume_ml": QT_TRANSLATE_NOOP("Calculators", "Bag volume"),
    "strength_mg_ml": QT_TRANSLATE_NOOP("Calculators", "Strength"),
    "max_dose": QT_TRANSLATE_NOOP("Calculators", "Maximum per dose"),
    "max_daily": QT_TRANSLATE_NOOP("Calculators", "Maximum per day"),
    "drug": QT_TRANSLATE_NOOP("Calculators", "Drug"),
    "unit": QT_TRANSLATE_NOOP("Calculators", "Unit"),
    "dose_unit": QT_TRANSLATE_NOOP("Calculators", "Dose-rate unit"),
    "method": QT_TRANSLATE_NOOP("Calculators", "BSA formula"),
}

ERRORS = {
    "calc_out_of_range": QT_TRANSLATE_NOOP(
        "Calculators", "{field}: {value} {unit} is not plausible. Enter a value between {low} and {high} {unit}."
    ),
    "calc_not_a_number": QT_TRANSLATE_NOOP("Calculators", "{field}: enter a number."),
    "calc_not_positive": QT_TRANSLATE_NOOP("Calculators", "{field} must be greater than 0."),
    "calc_missing": QT_TRANSLATE_NOOP("Calculators", "{field}: enter a value."),
    "calc_bad_unit": QT_TRANSLATE_NOOP("Calculators", "{field}: unknown unit."),
    "calc_bad_sex": QT_TRANSLATE_NOOP("Calculators", "Choose the sex."),
    "calc_bad_method": QT_TRANSLATE_NOOP("Calculators", "Unknown BSA formula."),
    "calc_needs_frequency": QT_TRANSLATE_NOOP("Calculators", "A dose per day needs the number of doses a day."),
    "calc_unknown_drug": QT_TRANSLATE_NOOP("Calculators", "No drug named \u201c{drug}\u201d in the knowledge pack."),
    "calc_adults_only": QT_TRANSLATE_NOOP(
        "Calculators",
        "Cockcroft-Gault and CKD-EPI are for adults (18 years and over). For a child use a paediatric "
        "equation such as bedside Schwartz, and enter the result as eGFR.",
    ),
    "calc_needs_renal": QT_TRANSLATE_NOOP("Calculators", "Enter a CrCl or eGFR, or age, sex, weight and creatinine."),
    "calc_unit_mismatch": QT_TRANSLATE_NOOP(
        "Calculators", "The dose is in {dose_unit} but the bag is in {bag_unit}: these do not convert."
    ),
    "calc_needs_weight": QT_TRANSLATE_NOOP("Calculators", "A dose per kg needs the weight."),
    "calc_rate_implausible": QT_TRANSLATE_NOOP(
        "Calculators",
        "{value} mL/h is more than a pump delivers (at most {high} mL/h). Check the dose unit and the bag.",
    ),
    "calc_ibuprofen_too_young": QT_TRANSLATE_NOOP("Calculators", "Ibuprofen is not given to infants under 3 months."),
    "calc_ibuprofen_too_light": QT_TRANSLATE_NOOP("Calculators", "Ibuprofen is not given to children under 5 kg."),
}

NOTES = {
    "no_cap": QT_TRANSLATE_NOOP("Calculators", "No maximum compared: choose a drug or enter a maximum."),
    "cap_unit_mismatch": QT_TRANSLATE_NOOP(
        "Calculators", "The drug's maximum is in another unit and was not compared; choose the label's unit."
    ),
    "cap_needs_weight": QT_TRANSLATE_NOOP("Calculators", "The drug's maximum is per kg and needs the weight."),
    "age_not_given": QT_TRANSLATE_NOOP(
        "Calculators", "Age not given: the neonatal and infant limits were not checked."
    ),
    "paracetamol_neonate": QT_TRANSLATE_NOOP(
        "Calculators", "Neonate: 10 mg/kg every 6–8 hours, at most 4 doses a day."
    ),
    "paracetamol_under_3_months": QT_TRANSLATE_NOOP("Calculators", "Under 3 months: only on a doctor's advice."),
    "ibuprofen_3_to_6_months": QT_TRANSLATE_NOOP(
        "Calculators",
        "3–6 months: the US label starts at 6 months; the UK label allows it above 5 kg for up to 24 hours.",
    ),
    "ibuprofen_adult_weight": QT_TRANSLATE_NOOP(
        "Calculators", "Over 40 kg: adult doses apply (at most 400 mg a dose here)."
    ),
}

ACTIONS = {
    "contraindicated": QT_TRANSLATE_NOOP("Calculators", "Contraindicated"),
    "avoid": QT_TRANSLATE_NOOP("Calculators", "Avoid"),
    "do_not_start": QT_TRANSLATE_NOOP("Calculators", "Do not start"),
    "reduce_dose": QT_TRANSLATE_NOOP("Calculators", "Reduce the dose"),
    "caution": QT_TRANSLATE_NOOP("Calculators", "Caution"),
}

UNIT_WORDS = {
    "y": QT_TRANSLATE_NOOP("Calculators", "years"),
    "mo": QT_TRANSLATE_NOOP("Calculators", "months"),
    "/d": QT_TRANSLATE_NOOP("Calculators", "per day"),
}

ROUTES = (None, "oral", "iv", "im", "sc", "rectal")
ROUTE_NAMES = {
    None: QT_TRANSLATE_NOOP("Calculators", "Usual route"),
    "oral": QT_TRANSLATE_NOOP("Calculators", "Oral"),
    "iv": QT_TRANSLATE_NOOP("Calculators", "IV"),
    "im": QT_TRANSLATE_NOOP("Calculators", "IM"),
    "sc": QT_TRANSLATE_NOOP("Calculators", "SC"),
    "rectal": QT_TRANSLATE_NOOP("Calculators", "Rectal"),
}
FREQUENCIES = (
    (1, QT_TRANSLATE_NOOP("Calculators", "once a day (q24h)")),
    (2, QT_TRANSLATE_NOOP("Calculators", "twice a day (q12h)")),
    (3, QT_TRANSLATE_NOOP("Calculators", "3 times a day (q8h)")),
    (4, QT_TRANSLATE_NOOP("Calculators", "4 times a day (q6h)")),
    (6, QT_TRANSLATE_NOOP("Calculators", "6 times a day (q4h)")),
)

LIQUID_FORMS = {
    "oral_liquid": QT_TRANSLATE_NOOP("Calculators", "{mg} mg/mL oral liquid (3.2%)"),
    "drops": QT_TRANSLATE_NOOP("Calculators", "{mg} mg/mL drops"),
    "suspension": QT_TRANSLATE_NOOP("Calculators", "{mg} mg/mL suspension"),
}


translate = QCoreApplication.translate


def translated(text: object) -> str:
    """A text marked with QT_TRANSLATE_NOOP("Calculators", …), translated now (the stubs type the mark as object)."""
    return QCoreApplication.translate(_CTX, str(text))


def field_name(key: str | None) -> str:
    return translated(FIELDS[key]) if key in FIELDS else (key or "")


def error_text(error: UserError) -> str:
    """A refusal in words, naming the field in the interface language."""
    template = ERRORS.get(error.code)
    if template is None:
        return user_error_text(error)
    params = {**error.params, "field": field_name(error.params.get("field"))}
    if params.get("unit") in UNIT_WORDS:
        params["unit"] = translated(UNIT_WORDS[params["unit"]])
    try:
        return translated(template).format(**params)
    except (KeyError, IndexError, ValueError):
        return str(error)


def optional_number(edit: QLineEdit, key: str) -> float | None:
    """The field's number (a Chinese or European comma taken as the decimal point); None when empty."""
    text = edit.text().strip().replace("，", ".").replace(",", ".")
    if not text:
        return None
    try:
        return float(text)
    except ValueError:
        raise UserError("calc_not_a_number", f"{key} must be a number.", field=key) from None


def required_number(edit: QLineEdit, key: str) -> float:
    """A field that must be filled: its number, or a refusal naming it."""
    value = optional_number(edit, key)
    if value is None:
        raise UserError("calc_missing", f"{key}: enter a value.", field=key)
    return value


def line_edit(name: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setAlignment(Qt.AlignmentFlag.AlignRight)
    return edit


def combo_box(name: str, items: list[tuple[str, Any]]) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName(name)
    for text, data in items:
        combo.addItem(text, data)
    return combo


class ResultPanel(QGroupBox):
    """The answer, its formula, the inputs used, the caps and notes — or the refusal, in red, instead."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        layout = QVBoxLayout(self)
        self.answer = QLabel()
        self.answer.setObjectName("calcAnswer")
        font = self.answer.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.answer.setFont(font)
        self.formula = QLabel()
        self.formula.setObjectName("calcFormula")
        self.formula.setFont(QFont("monospace"))
        self.details = QLabel()
        self.details.setObjectName("calcDetails")
        self.error = QLabel()
        self.error.setObjectName("calcError")
        palette.set_tone(self.error, "danger")
        for label in (self.answer, self.formula, self.details, self.error):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(label)
        layout.addStretch(1)
        self.setTitle(translate("Calculators", "Result"))

    def present(self, answer: str, formula: tuple[str, ...], details: list[str]) -> None:
        self.answer.setText(answer)
        self.formula.setText("\n".join(formula))
        self.details.setText("\n".join(d for d in details if d))
        self.error.clear()
        for label in (self.answer, self.formula, self.details):
            label.setVisible(True)
        self.error.setVisible(False)

    def refuse(self, message: str) -> None:
        for label in (self.answer, self.formula, self.details):
            label.clear()
            label.setVisible(False)
        self.error.setText(message)
        self.error.setVisible(True)


def inputs_text(inputs: tuple[calc.Input, ...]) -> str:
    parts = []
    for item in inputs:
        value = item.value if isinstance(item.value, str) else calc.fmt(item.value)
        if item.key == "sex":
            value = translate("Calculators", "Male") if value == "M" else translate("Calculators", "Female")
        unit = "" if item.unit == "/d" else translated(UNIT_WORDS[item.unit]) if item.unit in UNIT_WORDS else item.unit
        parts.append(f"{field_name(item.key)} {value} {unit}".strip())
    return translate("Calculators", "Inputs: {list}").format(list=" · ".join(parts))


def caps_text(caps: tuple[calc.Cap, ...]) -> list[str]:
    out = []
    seen: set[str] = set()
    for cap in caps:  # the lowest cap of each kind binds (they come sorted); the others would only repeat it
        if cap.what in seen:
            continue
        seen.add(cap.what)
        source = translate("Calculators", "entered by you") if cap.source == "entered" else cap.source
        what = translate("Calculators", "per dose") if cap.what == "dose" else translate("Calculators", "per day")
        line = translate("Calculators", "Maximum {what}: {limit} {unit} ({source})").format(
            what=what, limit=calc.fmt(cap.limit), unit=unit_label(cap.unit), source=source
        )
        out.append(line + (" — " + translate("Calculators", "applied") if cap.applied else ""))
    return out


class FormTab(QWidget):
    """A form above a result panel; ``compute`` reads the form and fills the panel, or shows the refusal."""

    #: each calculator's own reading of its form (a method of every subclass in calc_tabs)
    run: Callable[[], None]

    def __init__(self, name: str, dialog: CalculatorDialog) -> None:
        super().__init__()
        self.setObjectName(name)
        self.dialog = dialog
        self.form = QFormLayout()
        self.result = ResultPanel(f"{name}Result")
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.result, 1)
        self._labels: list[tuple[QLabel, str]] = []

    def row(self, text: object, widget: W) -> W:
        """Add a labelled field (``text`` marked with QT_TRANSLATE_NOOP) that recomputes the tab when it changes."""
        label = QLabel()
        self._labels.append((label, str(text)))
        self.form.addRow(label, widget)
        if isinstance(widget, QLineEdit):
            widget.textChanged.connect(self.compute)
        elif isinstance(widget, QComboBox):
            widget.currentIndexChanged.connect(self.compute)
        return widget

    def retranslate(self) -> None:
        for label, text in self._labels:
            label.setText(translated(text))

    def compute(self, *_args: object) -> None:
        try:
            self.run()
        except UserError as err:
            self.result.refuse(error_text(err))

    def drug_row(self) -> tuple[QLineEdit, QComboBox]:
        drug = self.row(
            QT_TRANSLATE_NOOP("Calculators", "Drug (for its maximum dose)"), line_edit(f"{self.objectName()}Drug")
        )
        drug.setCompleter(self.dialog.completer())
        route = self.row(
            QT_TRANSLATE_NOOP("Calculators", "Route"), combo_box(f"{self.objectName()}Route", [("", r) for r in ROUTES])
        )
        return drug, route

    def limit(self, drug: QLineEdit, route: QComboBox):
        drug_id = self.dialog.drug_id_of(drug.text())
        return None if drug_id is None else calc.find_limit(self.dialog.catalog, drug_id, route.currentData())


def dose_answer(result: calc.DoseResult) -> str:
    u = unit_label(result.unit)
    text = translate("Calculators", "{dose} {unit} per dose").format(dose=calc.fmt(result.dose), unit=u)
    if result.daily is not None:
        text += " · " + translate("Calculators", "{daily} {unit} a day").format(daily=calc.fmt(result.daily), unit=u)
    if result.capped:
        text += " · " + translate("Calculators", "capped at the maximum")
    return text


def dose_details(result: calc.DoseResult) -> list[str]:
    notes = (translated(NOTES[n]) for n in result.notes if n in NOTES)
    return [inputs_text(result.inputs), *caps_text(result.caps), *notes]
