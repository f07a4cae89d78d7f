"""Bedside dose calculators: pure functions over numbers (and the knowledge pack's dose limits and renal thresholds)
returning frozen results that show their formula, inputs and caps. See :mod:`.common` for the shared shapes."""

from cdss.drugs.calc.common import RANGES, Cap, Input, fmt
from cdss.drugs.calc.dose import BSA_METHODS, DoseResult, bsa, bsa_dose, find_limit, weight_based
from cdss.drugs.calc.infusion import CONCENTRATION_UNITS, RATE_UNITS, InfusionResult, dose_from_rate, rate_from_dose
from cdss.drugs.calc.paediatric import LIQUIDS, Liquid, ibuprofen_child, paracetamol_child
from cdss.drugs.calc.renal import RenalBand, renal_band, renal_function

__all__ = [
    "BSA_METHODS", "CONCENTRATION_UNITS", "LIQUIDS", "RANGES", "RATE_UNITS", "Cap", "DoseResult", "InfusionResult",
    "Input", "Liquid", "RenalBand", "bsa", "bsa_dose", "dose_from_rate", "find_limit", "fmt", "ibuprofen_child",
    "paracetamol_child", "rate_from_dose", "renal_band", "renal_function", "weight_based",
]
