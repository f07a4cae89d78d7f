"""Bedside dose calculators: weight-based, BSA, renal band, infusion rate, children's paracetamol and ibuprofen.

One tab per calculator; every tab recomputes as the doctor types and shows the answer, the formula with the numbers
substituted, the inputs used and any cap (with its source), or — for an implausible or missing input — why not, in
words, in place of the answer. Opened from a case it is prefilled with the patient's weight, height, age, sex and
creatinine. The arithmetic is :mod:`cdss.drugs.calc`; this module only reads fields and renders results.
"""

from __future__ import annotations

from typing import Any, TypeVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from cdss.drugs import calc
from cdss.drugs.calc.common import sex_code, unit_label, within
from cdss.drugs.catalog import Catalog
from cdss.errors import UserError
from cdss.ui.drugs.hit_text import display_name
from cdss.ui.drugs.messages_text import is_chinese
from cdss.ui.error_texts import user_error_text

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


def _t(text: object) -> str:
    """A text marked with QT_TRANSLATE_NOOP("Calculators", …), translated now (the stubs type the mark as object)."""
    return QCoreApplication.translate(_CTX, str(text))


def field_name(key: str | None) -> str:
    return _t(FIELDS[key]) if key in FIELDS else (key or "")


def error_text(error: UserError) -> str:
    """A refusal in words, naming the field in the interface language."""
    template = ERRORS.get(error.code)
    if template is None:
        return user_error_text(error)
    params = {**error.params, "field": field_name(error.params.get("field"))}
    if params.get("unit") in UNIT_WORDS:
        params["unit"] = _t(UNIT_WORDS[params["unit"]])
    try:
        return _t(template).format(**params)
    except (KeyError, IndexError, ValueError):
        return str(error)


def _optional(edit: QLineEdit, key: str) -> float | None:
    """The field's number (a Chinese or European comma taken as the decimal point); None when empty."""
    text = edit.text().strip().replace("，", ".").replace(",", ".")
    if not text:
        return None
    try:
        return float(text)
    except ValueError:
        raise UserError("calc_not_a_number", f"{key} must be a number.", field=key) from None


def _number(edit: QLineEdit, key: str) -> float:
    """A field that must be filled: its number, or a refusal naming it."""
    value = _optional(edit, key)
    if value is None:
        raise UserError("calc_missing", f"{key}: enter a value.", field=key)
    return value


def _edit(name: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setAlignment(Qt.AlignmentFlag.AlignRight)
    return edit


def _combo(name: str, items: list[tuple[str, Any]]) -> QComboBox:
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
        self.error.setStyleSheet("color: #b00020;")
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
        unit = "" if item.unit == "/d" else _t(UNIT_WORDS[item.unit]) if item.unit in UNIT_WORDS else item.unit
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


class _Tab(QWidget):
    """A form above a result panel; ``compute`` reads the form and fills the panel, or shows the refusal."""

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
            label.setText(_t(text))

    def compute(self, *_args: object) -> None:
        try:
            self.run()
        except UserError as err:
            self.result.refuse(error_text(err))

    def run(self) -> None:
        raise NotImplementedError

    def drug_row(self) -> tuple[QLineEdit, QComboBox]:
        drug = self.row(
            QT_TRANSLATE_NOOP("Calculators", "Drug (for its maximum dose)"), _edit(f"{self.objectName()}Drug")
        )
        drug.setCompleter(self.dialog.completer())
        route = self.row(
            QT_TRANSLATE_NOOP("Calculators", "Route"), _combo(f"{self.objectName()}Route", [("", r) for r in ROUTES])
        )
        return drug, route

    def limit(self, drug: QLineEdit, route: QComboBox):
        drug_id = self.dialog.drug_id_of(drug.text())
        return None if drug_id is None else calc.find_limit(self.dialog.catalog, drug_id, route.currentData())


def _dose_answer(result: calc.DoseResult) -> str:
    u = unit_label(result.unit)
    text = translate("Calculators", "{dose} {unit} per dose").format(dose=calc.fmt(result.dose), unit=u)
    if result.daily is not None:
        text += " · " + translate("Calculators", "{daily} {unit} a day").format(daily=calc.fmt(result.daily), unit=u)
    if result.capped:
        text += " · " + translate("Calculators", "capped at the maximum")
    return text


def _dose_details(result: calc.DoseResult) -> list[str]:
    return [inputs_text(result.inputs), *caps_text(result.caps), *(_t(NOTES[n]) for n in result.notes if n in NOTES)]


class WeightTab(_Tab):
    def __init__(self, dialog: CalculatorDialog) -> None:
        super().__init__("calcWeight", dialog)
        self.drug, self.route = self.drug_row()
        self.weight = self.row(QT_TRANSLATE_NOOP("Calculators", "Weight (kg)"), _edit("calcWeightKg"))
        self.amount = self.row(QT_TRANSLATE_NOOP("Calculators", "Dose"), _edit("calcWeightAmount"))
        self.unit = self.row(
            QT_TRANSLATE_NOOP("Calculators", "Unit"),
            _combo("calcWeightUnit", [(unit_label(u), u) for u in ("mg", "ug", "IU", "mmol")]),
        )
        self.basis = self.row(
            QT_TRANSLATE_NOOP("Calculators", "Basis"), _combo("calcWeightBasis", [("", "dose"), ("", "day")])
        )
        self.frequency = self.row(
            QT_TRANSLATE_NOOP("Calculators", "Doses a day"),
            _combo("calcWeightFrequency", [("", None)] + [("", n) for n, _ in FREQUENCIES]),
        )
        self.max_dose = self.row(
            QT_TRANSLATE_NOOP("Calculators", "Maximum per dose (optional)"), _edit("calcWeightMaxDose")
        )
        self.max_daily = self.row(
            QT_TRANSLATE_NOOP("Calculators", "Maximum per day (optional)"), _edit("calcWeightMaxDaily")
        )

    def retranslate(self) -> None:
        super().retranslate()
        self.basis.setItemText(0, translate("Calculators", "per kg per dose"))
        self.basis.setItemText(1, translate("Calculators", "per kg per day, divided"))
        self.frequency.setItemText(0, "—")
        for i, (_, text) in enumerate(FREQUENCIES, start=1):
            self.frequency.setItemText(i, _t(text))
        for i, route in enumerate(ROUTES):
            self.route.setItemText(i, _t(ROUTE_NAMES[route]))

    def run(self) -> None:
        result = calc.weight_based(
            _number(self.weight, "weight_kg"),
            _number(self.amount, "dose_per_kg"),
            per=self.basis.currentData(),
            doses_per_day=self.frequency.currentData(),
            unit=self.unit.currentData(),
            limit=self.limit(self.drug, self.route),
            max_dose=_optional(self.max_dose, "max_dose"),
            max_daily=_optional(self.max_daily, "max_daily"),
        )
        self.result.present(_dose_answer(result), result.formula, _dose_details(result))


class BsaTab(_Tab):
    def __init__(self, dialog: CalculatorDialog) -> None:
        super().__init__("calcBsa", dialog)
        self.drug, self.route = self.drug_row()
        self.weight = self.row(QT_TRANSLATE_NOOP("Calculators", "Weight (kg)"), _edit("calcBsaWeight"))
        self.height_cm = self.row(QT_TRANSLATE_NOOP("Calculators", "Height (cm)"), _edit("calcBsaHeight"))
        self.method = self.row(
            QT_TRANSLATE_NOOP("Calculators", "BSA formula"),
            _combo("calcBsaMethod", [("Mosteller", "mosteller"), ("Du Bois", "dubois")]),
        )
        self.amount = self.row(QT_TRANSLATE_NOOP("Calculators", "Dose per m²"), _edit("calcBsaAmount"))
        self.unit = self.row(
            QT_TRANSLATE_NOOP("Calculators", "Unit"),
            _combo("calcBsaUnit", [(unit_label(u), u) for u in ("mg", "ug", "IU")]),
        )
        self.max_dose = self.row(
            QT_TRANSLATE_NOOP("Calculators", "Maximum per dose (optional)"), _edit("calcBsaMaxDose")
        )

    def retranslate(self) -> None:
        super().retranslate()
        for i, route in enumerate(ROUTES):
            self.route.setItemText(i, _t(ROUTE_NAMES[route]))

    def run(self) -> None:
        result = calc.bsa_dose(
            _number(self.weight, "weight_kg"),
            _number(self.height_cm, "height_cm"),
            _number(self.amount, "dose_per_m2"),
            method=self.method.currentData(),
            unit=self.unit.currentData(),
            limit=self.limit(self.drug, self.route),
            max_dose=_optional(self.max_dose, "max_dose"),
        )
        answer = translate("Calculators", "BSA {bsa} m² · {dose}").format(
            bsa=f"{result.bsa_m2:.2f}", dose=_dose_answer(result)
        )
        self.result.present(answer, result.formula, _dose_details(result))


class RenalTab(_Tab):
    def __init__(self, dialog: CalculatorDialog) -> None:
        super().__init__("calcRenal", dialog)
        self.drug, self.route = self.drug_row()
        self.age = self.row(QT_TRANSLATE_NOOP("Calculators", "Age (years)"), _edit("calcRenalAge"))
        self.sex = self.row(
            QT_TRANSLATE_NOOP("Calculators", "Sex"), _combo("calcRenalSex", [("—", None), ("", "M"), ("", "F")])
        )
        self.weight = self.row(QT_TRANSLATE_NOOP("Calculators", "Weight (kg)"), _edit("calcRenalWeight"))
        self.scr = self.row(QT_TRANSLATE_NOOP("Calculators", "Serum creatinine"), _edit("calcRenalScr"))
        self.scr_unit = self.row(
            QT_TRANSLATE_NOOP("Calculators", "Creatinine unit"),
            _combo("calcRenalScrUnit", [("µmol/L", "umol/L"), ("mg/dL", "mg/dL")]),
        )
        self.crcl = self.row(QT_TRANSLATE_NOOP("Calculators", "Or CrCl (mL/min)"), _edit("calcRenalCrcl"))
        self.egfr = self.row(QT_TRANSLATE_NOOP("Calculators", "Or eGFR (mL/min/1.73 m²)"), _edit("calcRenalEgfr"))

    def retranslate(self) -> None:
        super().retranslate()
        self.sex.setItemText(1, translate("Calculators", "Male"))
        self.sex.setItemText(2, translate("Calculators", "Female"))
        for i, route in enumerate(ROUTES):
            self.route.setItemText(i, _t(ROUTE_NAMES[route]))

    def run(self) -> None:
        drug_id = self.dialog.drug_id_of(self.drug.text())
        if drug_id is None:
            raise UserError("calc_missing", "drug: enter a value.", field="drug")
        crcl, egfr = _optional(self.crcl, "crcl"), _optional(self.egfr, "egfr")
        formula: tuple[str, ...] = ()
        inputs: tuple[calc.Input, ...] = ()
        if crcl is None and egfr is None:
            crcl, egfr, formula, inputs = calc.renal_function(
                _number(self.age, "age_years"),
                self.sex.currentData() or "",
                _number(self.weight, "weight_kg"),
                _number(self.scr, "creatinine"),
                self.scr_unit.currentData(),
            )
        catalog = self.dialog.catalog
        band = calc.renal_band(
            catalog[drug_id],
            calc.find_limit(catalog, drug_id, self.route.currentData()),
            crcl=crcl,
            egfr=egfr,
            formula=formula,
            inputs=inputs,
        )
        measures = [
            f"CrCl {calc.fmt(band.crcl, 0)} mL/min" if band.crcl is not None else "",
            f"eGFR {calc.fmt(band.egfr, 0)} mL/min/1.73 m²" if band.egfr is not None else "",
        ]
        verdict = (
            _t(ACTIONS[band.action])
            if band.action in ACTIONS
            else translate("Calculators", "No renal restriction in the pack")
        )
        details = [inputs_text(band.inputs)]
        for t in band.thresholds:
            text = t.text_zh if is_chinese() and t.text_zh else t.text_en
            details.append(f"{_t(ACTIONS.get(t.action, t.action))}: {text} ({t.source})")
        if band.cap is not None and band.limit is not None:
            u = unit_label(band.limit.unit) + ("/kg" if band.limit.per_kg else "")
            parts = [
                translate("Calculators", "{value} {unit} per dose").format(value=calc.fmt(band.cap.max_single), unit=u)
                if band.cap.max_single is not None
                else "",
                translate("Calculators", "{value} {unit} a day").format(value=calc.fmt(band.cap.max_daily), unit=u)
                if band.cap.max_daily is not None
                else "",
            ]
            details.append(
                translate("Calculators", "Maximum in this band: {caps} ({source})").format(
                    caps=", ".join(p for p in parts if p), source=band.limit.source
                )
            )
        for measure in band.not_assessed:
            details.append(
                translate(
                    "Calculators", "Not assessed: the pack has a threshold on {measure}, which is not known."
                ).format(measure="CrCl" if measure == "crcl" else "eGFR")
            )
        self.result.present(" · ".join([verdict, *(m for m in measures if m)]), band.formula, details)


class InfusionTab(_Tab):
    def __init__(self, dialog: CalculatorDialog) -> None:
        super().__init__("calcInfusion", dialog)
        self.direction = self.row(
            QT_TRANSLATE_NOOP("Calculators", "Calculate"), _combo("calcInfusionDirection", [("", "rate"), ("", "dose")])
        )
        self.dose = self.row(QT_TRANSLATE_NOOP("Calculators", "Dose rate"), _edit("calcInfusionDose"))
        self.dose_unit = self.row(
            QT_TRANSLATE_NOOP("Calculators", "Dose-rate unit"),
            _combo("calcInfusionDoseUnit", [(u.replace("ug", "µg"), u) for u in calc.RATE_UNITS]),
        )
        self.rate = self.row(QT_TRANSLATE_NOOP("Calculators", "Pump rate (mL/h)"), _edit("calcInfusionRate"))
        self.weight = self.row(QT_TRANSLATE_NOOP("Calculators", "Weight (kg)"), _edit("calcInfusionWeight"))
        self.bag_amount = self.row(
            QT_TRANSLATE_NOOP("Calculators", "Amount in the bag"), _edit("calcInfusionBagAmount")
        )
        self.bag_unit = self.row(
            QT_TRANSLATE_NOOP("Calculators", "Amount unit"),
            _combo("calcInfusionBagUnit", [(unit_label(u), u) for u in calc.CONCENTRATION_UNITS]),
        )
        self.bag_volume = self.row(QT_TRANSLATE_NOOP("Calculators", "Bag volume (mL)"), _edit("calcInfusionBagVolume"))

    def retranslate(self) -> None:
        super().retranslate()
        self.direction.setItemText(0, translate("Calculators", "pump rate (mL/h) from a dose rate"))
        self.direction.setItemText(1, translate("Calculators", "dose rate from a pump rate (mL/h)"))

    def run(self) -> None:
        to_rate = self.direction.currentData() == "rate"
        self.dose.setEnabled(to_rate)
        self.rate.setEnabled(not to_rate)
        unit = self.dose_unit.currentData()
        weight = _number(self.weight, "weight_kg") if "/kg/" in unit else _optional(self.weight, "weight_kg")
        bag = (
            _number(self.bag_amount, "bag_amount"),
            self.bag_unit.currentData(),
            _number(self.bag_volume, "bag_volume_ml"),
        )
        if to_rate:
            result = calc.rate_from_dose(_number(self.dose, "dose_rate"), unit, *bag, weight_kg=weight)
            answer = translate("Calculators", "{rate} mL/h").format(rate=calc.fmt(result.rate_ml_h, 1))
        else:
            result = calc.dose_from_rate(_number(self.rate, "rate_ml_h"), unit, *bag, weight_kg=weight)
            answer = f"{calc.fmt(result.dose_rate)} {unit.replace('ug', 'µg')}"
        self.result.present(answer, result.formula, [inputs_text(result.inputs)])


class ChildTab(_Tab):
    def __init__(self, dialog: CalculatorDialog) -> None:
        super().__init__("calcChild", dialog)
        self.drug = self.row(
            QT_TRANSLATE_NOOP("Calculators", "Medicine"),
            _combo("calcChildDrug", [("", "paracetamol"), ("", "ibuprofen")]),
        )
        self.weight = self.row(QT_TRANSLATE_NOOP("Calculators", "Weight (kg)"), _edit("calcChildWeight"))
        self.age = self.row(QT_TRANSLATE_NOOP("Calculators", "Age (years)"), _edit("calcChildAge"))
        self.per_kg = self.row(QT_TRANSLATE_NOOP("Calculators", "Dose (mg/kg)"), _edit("calcChildPerKg"))
        self.frequency = self.row(
            QT_TRANSLATE_NOOP("Calculators", "Doses a day"),
            _combo("calcChildFrequency", [("", n) for n in (4, 3, 2, 1)]),
        )
        self.liquid = self.row(QT_TRANSLATE_NOOP("Calculators", "Liquid"), _combo("calcChildLiquid", []))
        self.strength = self.row(QT_TRANSLATE_NOOP("Calculators", "Strength (mg/mL)"), _edit("calcChildStrength"))
        self.drug.currentIndexChanged.connect(self._fill_liquids)
        self.liquid.currentIndexChanged.connect(self._liquid_chosen)
        self.strength.textEdited.connect(self._strength_typed)

    def retranslate(self) -> None:
        super().retranslate()
        self.drug.setItemText(0, translate("Calculators", "Paracetamol"))
        self.drug.setItemText(1, translate("Calculators", "Ibuprofen"))
        for i in range(self.frequency.count()):
            self.frequency.setItemText(i, str(self.frequency.itemData(i)))
        self._fill_liquids()

    def _fill_liquids(self, *_args: object) -> None:
        drug = self.drug.currentData()
        self.per_kg.setPlaceholderText("15" if drug == "paracetamol" else "10")  # the default when left empty
        self.liquid.blockSignals(True)
        self.liquid.clear()
        self.liquid.addItem(translate("Calculators", "Other strength (type it)"), None)
        for liquid in calc.LIQUIDS:
            if liquid.drug == drug:
                self.liquid.addItem(
                    _t(LIQUID_FORMS[liquid.form]).format(mg=calc.fmt(liquid.mg_per_ml)), liquid.mg_per_ml
                )
        self.liquid.setCurrentIndex(1 if self.liquid.count() > 1 else 0)
        self.liquid.blockSignals(False)
        self._liquid_chosen()

    def _strength_typed(self, text: str) -> None:
        """A typed strength that is not the chosen liquid's makes the choice "other", so the two never disagree."""
        if self.liquid.currentData() is not None and text.strip() != calc.fmt(self.liquid.currentData()):
            self.liquid.blockSignals(True)
            self.liquid.setCurrentIndex(0)
            self.liquid.blockSignals(False)

    def _liquid_chosen(self, *_args: object) -> None:
        strength = self.liquid.currentData()
        if strength is not None:
            self.strength.setText(calc.fmt(strength))

    def run(self) -> None:
        drug = self.drug.currentData()
        years = _optional(self.age, "age_years")
        if years is not None:
            years = within(years, "age_years", 0, 18, "y")  # children's doses: an adult uses the weight-based tab
        per_kg = _optional(self.per_kg, "dose_per_kg")
        kwargs: dict[str, Any] = {
            "age_months": None if years is None else years * 12,
            "doses_per_day": self.frequency.currentData(),
            "strength_mg_ml": _optional(self.strength, "strength_mg_ml"),
            "limit": calc.find_limit(self.dialog.catalog, drug) if drug in self.dialog.catalog else None,
        }
        if per_kg is not None:
            kwargs["mg_per_kg"] = per_kg
        fn = calc.paracetamol_child if drug == "paracetamol" else calc.ibuprofen_child
        result = fn(_number(self.weight, "weight_kg"), **kwargs)
        answer = translate("Calculators", "{dose} mg").format(dose=calc.fmt(result.dose))
        if result.volume_ml is not None:
            answer += " = " + translate("Calculators", "{ml} mL").format(ml=calc.fmt(result.volume_ml, 1))
        low, high = result.interval_hours or (0, 0)
        # a child's dose always comes with its number of doses a day, hence with a daily total
        doses, daily = result.doses_per_day or 0, result.daily or 0
        answer += " · " + translate(
            "Calculators", "every {low}–{high} h, at most {n} doses in 24 h ({daily} mg a day)"
        ).format(low=calc.fmt(low), high=calc.fmt(high), n=calc.fmt(doses), daily=calc.fmt(daily))
        details = [*_dose_details(result), translate("Calculators", "Reference: {ref}").format(ref=result.reference)]
        self.result.present(answer, result.formula, details)


class CalculatorDialog(QDialog):
    """``patient``: {weight_kg, height_cm, age_years, sex, creatinine_umol_l}, any of them; ``drug_id`` preselects
    the drug whose maxima and renal bands are used."""

    def __init__(
        self, parent: QWidget | None, catalog: Catalog, patient: dict[str, Any] | None = None,
        drug_id: str | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("calculatorDialog")
        self.catalog = catalog
        self._completer: QCompleter | None = None
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("calcTabs")
        self.weight_tab, self.bsa_tab, self.renal_tab = WeightTab(self), BsaTab(self), RenalTab(self)
        self.infusion_tab, self.child_tab = InfusionTab(self), ChildTab(self)
        for tab in self.all_tabs():
            self.tabs.addTab(tab, "")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        self.retranslate_ui()
        self.prefill(patient or {}, drug_id)
        self.resize(620, 640)

    def all_tabs(self) -> tuple[_Tab, ...]:
        return (self.weight_tab, self.bsa_tab, self.renal_tab, self.infusion_tab, self.child_tab)

    def completer(self) -> QCompleter:
        if self._completer is None:
            names = sorted({display_name(d.name_en, d.name_zh) for d in self.catalog})
            self._completer = QCompleter(names, self)
            self._completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            self._completer.setFilterMode(Qt.MatchFlag.MatchContains)
        return self._completer

    def drug_id_of(self, text: str) -> str | None:
        """The catalog id of a typed drug name; None when the field is empty."""
        text = text.strip()
        if not text:
            return None
        drug_id = self.catalog.resolve_name(text)
        if drug_id is None:
            raise UserError("calc_unknown_drug", f"No drug named '{text}'.", field="drug", drug=text)
        return drug_id

    def prefill(self, patient: dict[str, Any], drug_id: str | None) -> None:
        def put(edit: QLineEdit, key: str) -> None:
            value = patient.get(key)
            if value is not None and not isinstance(value, bool) and isinstance(value, int | float) and value > 0:
                edit.setText(calc.fmt(float(value), 2 if key == "weight_kg" else 1))

        for edit in (
            self.weight_tab.weight,
            self.bsa_tab.weight,
            self.renal_tab.weight,
            self.infusion_tab.weight,
            self.child_tab.weight,
        ):
            put(edit, "weight_kg")
        put(self.bsa_tab.height_cm, "height_cm")
        put(self.renal_tab.age, "age_years")
        put(self.child_tab.age, "age_years")
        put(self.renal_tab.scr, "creatinine_umol_l")
        try:
            self.renal_tab.sex.setCurrentIndex(self.renal_tab.sex.findData(sex_code(patient.get("sex"))))
        except UserError:
            pass  # not recorded (or not M/F): the doctor chooses
        drug = self.catalog.get(drug_id) if drug_id else None
        if drug is not None:
            name = display_name(drug.name_en, drug.name_zh)
            for tab in (self.weight_tab, self.bsa_tab, self.renal_tab):
                tab.drug.setText(name)
            if drug.id in ("paracetamol", "ibuprofen"):
                self.child_tab.drug.setCurrentIndex(self.child_tab.drug.findData(drug.id))
                age = patient.get("age_years")
                if isinstance(age, int | float) and not isinstance(age, bool) and age < 18:
                    self.tabs.setCurrentWidget(self.child_tab)
        for each in self.all_tabs():
            each.compute()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Dose calculators"))
        titles = (
            self.tr("Weight-based"),
            self.tr("Body surface area"),
            self.tr("Renal band"),
            self.tr("Infusion rate"),
            self.tr("Children's paracetamol / ibuprofen"),
        )
        for i, (tab, title) in enumerate(zip(self.all_tabs(), titles, strict=True)):
            self.tabs.setTabText(i, title)
            tab.retranslate()
            tab.result.setTitle(translate("Calculators", "Result"))
            tab.compute()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
