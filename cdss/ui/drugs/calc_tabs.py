"""One tab per bedside calculator: weight-based dose, BSA dose, renal band, infusion rate, and children's paracetamol
and ibuprofen. Each reads its fields, calls :mod:`cdss.drugs.calc` and renders the result (see calc_form)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP

from cdss.drugs import calc
from cdss.drugs.calc.common import unit_label, within
from cdss.errors import UserError
from cdss.i18n import pick
from cdss.ui.drugs.calc_form import (
    ACTIONS,
    FREQUENCIES,
    LIQUID_FORMS,
    ROUTE_NAMES,
    ROUTES,
    FormTab,
    combo_box,
    dose_answer,
    dose_details,
    inputs_text,
    line_edit,
    optional_number,
    required_number,
    translate,
    translated,
)
from cdss.ui.i18n import shown_language

if TYPE_CHECKING:
    from cdss.ui.drugs.calculators import CalculatorDialog


class WeightTab(FormTab):
    def __init__(self, dialog: CalculatorDialog) -> None:
        super().__init__("calcWeight", dialog)
        self.drug, self.route = self.drug_row()
        self.weight = self.row(QT_TRANSLATE_NOOP("Calculators", "Weight (kg)"), line_edit("calcWeightKg"))
        self.amount = self.row(QT_TRANSLATE_NOOP("Calculators", "Dose"), line_edit("calcWeightAmount"))
        self.unit = self.row(
            QT_TRANSLATE_NOOP("Calculators", "Unit"),
            combo_box("calcWeightUnit", [(unit_label(u), u) for u in ("mg", "ug", "IU", "mmol")]),
        )
        self.basis = self.row(
            QT_TRANSLATE_NOOP("Calculators", "Basis"), combo_box("calcWeightBasis", [("", "dose"), ("", "day")])
        )
        self.frequency = self.row(
            QT_TRANSLATE_NOOP("Calculators", "Doses a day"),
            combo_box("calcWeightFrequency", [("", None)] + [("", n) for n, _ in FREQUENCIES]),
        )
        self.max_dose = self.row(
            QT_TRANSLATE_NOOP("Calculators", "Maximum per dose (optional)"), line_edit("calcWeightMaxDose")
        )
        self.max_daily = self.row(
            QT_TRANSLATE_NOOP("Calculators", "Maximum per day (optional)"), line_edit("calcWeightMaxDaily")
        )

    def retranslate(self) -> None:
        super().retranslate()
        self.basis.setItemText(0, translate("Calculators", "per kg per dose"))
        self.basis.setItemText(1, translate("Calculators", "per kg per day, divided"))
        self.frequency.setItemText(0, "—")
        for i, (_, text) in enumerate(FREQUENCIES, start=1):
            self.frequency.setItemText(i, translated(text))
        for i, route in enumerate(ROUTES):
            self.route.setItemText(i, translated(ROUTE_NAMES[route]))

    def run(self) -> None:
        result = calc.weight_based(
            required_number(self.weight, "weight_kg"),
            required_number(self.amount, "dose_per_kg"),
            per=self.basis.currentData(),
            doses_per_day=self.frequency.currentData(),
            unit=self.unit.currentData(),
            limit=self.limit(self.drug, self.route),
            max_dose=optional_number(self.max_dose, "max_dose"),
            max_daily=optional_number(self.max_daily, "max_daily"),
        )
        self.result.present(dose_answer(result), result.formula, dose_details(result))


class BsaTab(FormTab):
    def __init__(self, dialog: CalculatorDialog) -> None:
        super().__init__("calcBsa", dialog)
        self.drug, self.route = self.drug_row()
        self.weight = self.row(QT_TRANSLATE_NOOP("Calculators", "Weight (kg)"), line_edit("calcBsaWeight"))
        self.height_cm = self.row(QT_TRANSLATE_NOOP("Calculators", "Height (cm)"), line_edit("calcBsaHeight"))
        self.method = self.row(
            QT_TRANSLATE_NOOP("Calculators", "BSA formula"),
            combo_box("calcBsaMethod", [("Mosteller", "mosteller"), ("Du Bois", "dubois")]),
        )
        self.amount = self.row(QT_TRANSLATE_NOOP("Calculators", "Dose per m²"), line_edit("calcBsaAmount"))
        self.unit = self.row(
            QT_TRANSLATE_NOOP("Calculators", "Unit"),
            combo_box("calcBsaUnit", [(unit_label(u), u) for u in ("mg", "ug", "IU")]),
        )
        self.max_dose = self.row(
            QT_TRANSLATE_NOOP("Calculators", "Maximum per dose (optional)"), line_edit("calcBsaMaxDose")
        )

    def retranslate(self) -> None:
        super().retranslate()
        for i, route in enumerate(ROUTES):
            self.route.setItemText(i, translated(ROUTE_NAMES[route]))

    def run(self) -> None:
        result = calc.bsa_dose(
            required_number(self.weight, "weight_kg"),
            required_number(self.height_cm, "height_cm"),
            required_number(self.amount, "dose_per_m2"),
            method=self.method.currentData(),
            unit=self.unit.currentData(),
            limit=self.limit(self.drug, self.route),
            max_dose=optional_number(self.max_dose, "max_dose"),
        )
        answer = translate("Calculators", "BSA {bsa} m² · {dose}").format(
            bsa=f"{result.bsa_m2:.2f}", dose=dose_answer(result)
        )
        self.result.present(answer, result.formula, dose_details(result))


class RenalTab(FormTab):
    def __init__(self, dialog: CalculatorDialog) -> None:
        super().__init__("calcRenal", dialog)
        self.drug, self.route = self.drug_row()
        self.age = self.row(QT_TRANSLATE_NOOP("Calculators", "Age (years)"), line_edit("calcRenalAge"))
        self.sex = self.row(
            QT_TRANSLATE_NOOP("Calculators", "Sex"), combo_box("calcRenalSex", [("—", None), ("", "M"), ("", "F")])
        )
        self.weight = self.row(QT_TRANSLATE_NOOP("Calculators", "Weight (kg)"), line_edit("calcRenalWeight"))
        self.scr = self.row(QT_TRANSLATE_NOOP("Calculators", "Serum creatinine"), line_edit("calcRenalScr"))
        self.scr_unit = self.row(
            QT_TRANSLATE_NOOP("Calculators", "Creatinine unit"),
            combo_box("calcRenalScrUnit", [("µmol/L", "umol/L"), ("mg/dL", "mg/dL")]),
        )
        self.crcl = self.row(QT_TRANSLATE_NOOP("Calculators", "Or CrCl (mL/min)"), line_edit("calcRenalCrcl"))
        self.egfr = self.row(QT_TRANSLATE_NOOP("Calculators", "Or eGFR (mL/min/1.73 m²)"), line_edit("calcRenalEgfr"))

    def retranslate(self) -> None:
        super().retranslate()
        self.sex.setItemText(1, translate("Calculators", "Male"))
        self.sex.setItemText(2, translate("Calculators", "Female"))
        for i, route in enumerate(ROUTES):
            self.route.setItemText(i, translated(ROUTE_NAMES[route]))

    def run(self) -> None:
        drug_id = self.dialog.drug_id_of(self.drug.text())
        if drug_id is None:
            raise UserError("calc_missing", "drug: enter a value.", field="drug")
        crcl, egfr = optional_number(self.crcl, "crcl"), optional_number(self.egfr, "egfr")
        formula: tuple[str, ...] = ()
        inputs: tuple[calc.Input, ...] = ()
        if crcl is None and egfr is None:
            crcl, egfr, formula, inputs = calc.renal_function(
                required_number(self.age, "age_years"),
                self.sex.currentData() or "",
                required_number(self.weight, "weight_kg"),
                required_number(self.scr, "creatinine"),
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
            translated(ACTIONS[band.action])
            if band.action in ACTIONS
            else translate("Calculators", "No renal restriction in the pack")
        )
        details = [inputs_text(band.inputs)]
        for t in band.thresholds:
            text = pick(t, "text", shown_language())
            details.append(f"{translated(ACTIONS.get(t.action, t.action))}: {text} ({t.source})")
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


class InfusionTab(FormTab):
    def __init__(self, dialog: CalculatorDialog) -> None:
        super().__init__("calcInfusion", dialog)
        self.direction = self.row(
            QT_TRANSLATE_NOOP("Calculators", "Calculate"),
            combo_box("calcInfusionDirection", [("", "rate"), ("", "dose")]),
        )
        self.dose = self.row(QT_TRANSLATE_NOOP("Calculators", "Dose rate"), line_edit("calcInfusionDose"))
        self.dose_unit = self.row(
            QT_TRANSLATE_NOOP("Calculators", "Dose-rate unit"),
            combo_box("calcInfusionDoseUnit", [(u.replace("ug", "µg"), u) for u in calc.RATE_UNITS]),
        )
        self.rate = self.row(QT_TRANSLATE_NOOP("Calculators", "Pump rate (mL/h)"), line_edit("calcInfusionRate"))
        self.weight = self.row(QT_TRANSLATE_NOOP("Calculators", "Weight (kg)"), line_edit("calcInfusionWeight"))
        self.bag_amount = self.row(
            QT_TRANSLATE_NOOP("Calculators", "Amount in the bag"), line_edit("calcInfusionBagAmount")
        )
        self.bag_unit = self.row(
            QT_TRANSLATE_NOOP("Calculators", "Amount unit"),
            combo_box("calcInfusionBagUnit", [(unit_label(u), u) for u in calc.CONCENTRATION_UNITS]),
        )
        self.bag_volume = self.row(QT_TRANSLATE_NOOP("Calculators", "Bag volume (mL)"),
                                   line_edit("calcInfusionBagVolume"))

    def retranslate(self) -> None:
        super().retranslate()
        self.direction.setItemText(0, translate("Calculators", "pump rate (mL/h) from a dose rate"))
        self.direction.setItemText(1, translate("Calculators", "dose rate from a pump rate (mL/h)"))

    def run(self) -> None:
        to_rate = self.direction.currentData() == "rate"
        self.dose.setEnabled(to_rate)
        self.rate.setEnabled(not to_rate)
        unit = self.dose_unit.currentData()
        weight = (required_number(self.weight, "weight_kg") if "/kg/" in unit
                  else optional_number(self.weight, "weight_kg"))
        bag = (
            required_number(self.bag_amount, "bag_amount"),
            self.bag_unit.currentData(),
            required_number(self.bag_volume, "bag_volume_ml"),
        )
        if to_rate:
            result = calc.rate_from_dose(required_number(self.dose, "dose_rate"), unit, *bag, weight_kg=weight)
            answer = translate("Calculators", "{rate} mL/h").format(rate=calc.fmt(result.rate_ml_h, 1))
        else:
            result = calc.dose_from_rate(required_number(self.rate, "rate_ml_h"), unit, *bag, weight_kg=weight)
            answer = f"{calc.fmt(result.dose_rate)} {unit.replace('ug', 'µg')}"
        self.result.present(answer, result.formula, [inputs_text(result.inputs)])


class ChildTab(FormTab):
    def __init__(self, dialog: CalculatorDialog) -> None:
        super().__init__("calcChild", dialog)
        self.drug = self.row(
            QT_TRANSLATE_NOOP("Calculators", "Medicine"),
            combo_box("calcChildDrug", [("", "paracetamol"), ("", "ibuprofen")]),
        )
        self.weight = self.row(QT_TRANSLATE_NOOP("Calculators", "Weight (kg)"), line_edit("calcChildWeight"))
        self.age = self.row(QT_TRANSLATE_NOOP("Calculators", "Age (years)"), line_edit("calcChildAge"))
        self.per_kg = self.row(QT_TRANSLATE_NOOP("Calculators", "Dose (mg/kg)"), line_edit("calcChildPerKg"))
        self.frequency = self.row(
            QT_TRANSLATE_NOOP("Calculators", "Doses a day"),
            combo_box("calcChildFrequency", [("", n) for n in (4, 3, 2, 1)]),
        )
        self.liquid = self.row(QT_TRANSLATE_NOOP("Calculators", "Liquid"), combo_box("calcChildLiquid", []))
        self.strength = self.row(QT_TRANSLATE_NOOP("Calculators", "Strength (mg/mL)"), line_edit("calcChildStrength"))
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
                    translated(LIQUID_FORMS[liquid.form]).format(mg=calc.fmt(liquid.mg_per_ml)), liquid.mg_per_ml
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
        years = optional_number(self.age, "age_years")
        if years is not None:
            years = within(years, "age_years", 0, 18, "y")  # children's doses: an adult uses the weight-based tab
        per_kg = optional_number(self.per_kg, "dose_per_kg")
        kwargs: dict[str, Any] = {
            "age_months": None if years is None else years * 12,
            "doses_per_day": self.frequency.currentData(),
            "strength_mg_ml": optional_number(self.strength, "strength_mg_ml"),
            "limit": calc.find_limit(self.dialog.catalog, drug) if drug in self.dialog.catalog else None,
        }
        if per_kg is not None:
            kwargs["mg_per_kg"] = per_kg
        fn = calc.paracetamol_child if drug == "paracetamol" else calc.ibuprofen_child
        result = fn(required_number(self.weight, "weight_kg"), **kwargs)
        answer = translate("Calculators", "{dose} mg").format(dose=calc.fmt(result.dose))
        if result.volume_ml is not None:
            answer += " = " + translate("Calculators", "{ml} mL").format(ml=calc.fmt(result.volume_ml, 1))
        low, high = result.interval_hours or (0, 0)
        # a child's dose always comes with its number of doses a day, hence with a daily total
        doses, daily = result.doses_per_day or 0, result.daily or 0
        answer += " · " + translate(
            "Calculators", "every {low}–{high} h, at most {n} doses in 24 h ({daily} mg a day)"
        ).format(low=calc.fmt(low), high=calc.fmt(high), n=calc.fmt(doses), daily=calc.fmt(daily))
        details = [*dose_details(result), translate("Calculators", "Reference: {ref}").format(ref=result.reference)]
        self.result.present(answer, result.formula, details)
