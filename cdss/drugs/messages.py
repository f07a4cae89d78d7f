"""Coded texts of the safety checker: alert titles and check notes as a code plus parameters.

The checker used to build these as English sentences, which the UI could not translate. A :class:`Message` keeps
the code and the raw parameters; :attr:`Message.text` renders the English that the CLI and the JSON output have
always shown. :data:`TEMPLATES` is the one copy of each English template: it is marked for Qt Linguist (context
``DrugMessages``), so ``tools/translations.py update`` extracts it from here and the UI translates it at display time
(cdss/ui/drugs/messages_text.py).

Parameter conventions (so a renderer needs no knowledge of each code):
- a parameter ``x_<language>`` (``x_zh``) is the value of parameter ``x`` in that language (drug names, rule effects);
  a renderer uses it when it is present and not empty (:func:`cdss.i18n.pick`), else ``x``;
- parameters named in :data:`TOKEN_PARAMS` hold a vocabulary token (``reduce_dose``, ``pregnancy``,
  ``penicillin``, ``high``) that each renderer turns into words of its own language.
"""

from __future__ import annotations

import string
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from cdss.i18n import ENGLISH, QT_TRANSLATE_NOOP, pick

#: English templates, by code, marked for Qt Linguist: the UI looks up their translations by these exact strings.
TEMPLATES: dict[str, str] = {
    "interaction": QT_TRANSLATE_NOOP("DrugMessages", "{a} + {b}: {effect}"),
    "interaction_reported": QT_TRANSLATE_NOOP("DrugMessages", "{a} + {b}: interaction reported"),
    "renal_threshold": QT_TRANSLATE_NOOP(
        "DrugMessages", "{drug}: {action} at {measure} < {below:g} ({used} {value:.0f})"),
    "clinical_note": QT_TRANSLATE_NOOP("DrugMessages", "{drug}: {action} in {kind}"),
    "duplicate_ingredient": QT_TRANSLATE_NOOP("DrugMessages", "Same ingredient entered more than once: {drug}"),
    "duplicate_atc": QT_TRANSLATE_NOOP("DrugMessages", "Duplicate therapy: {a} and {b} (ATC group {group})"),
    "duplicate_class": QT_TRANSLATE_NOOP("DrugMessages", "Duplicate therapy: {a} and {b} (class '{group}')"),
    "burden_qt": QT_TRANSLATE_NOOP(
        "DrugMessages", "QT prolongation risk: {known} known-risk and {other} possible/conditional drug(s); "
        "Tisdale score ≥{score} ({band})"),
    "burden_serotonergic": QT_TRANSLATE_NOOP("DrugMessages", "Serotonergic load: {count} drugs ({names})"),
    "burden_bleeding": QT_TRANSLATE_NOOP("DrugMessages", "Bleeding-risk load: {count} drugs ({names})"),
    "burden_cns_depression": QT_TRANSLATE_NOOP("DrugMessages", "CNS depressant load: {count} drugs ({names})"),
    "burden_hyperkalemia": QT_TRANSLATE_NOOP(
        "DrugMessages", "Hyperkalaemia risk: {count} potassium-raising drug(s) ({names})"),
    "burden_anticholinergic": QT_TRANSLATE_NOOP("DrugMessages", "Anticholinergic burden: ACB total {total} ({names})"),
    "allergy_same_ingredient": QT_TRANSLATE_NOOP("DrugMessages", "Recorded allergy to {drug} ({label})"),
    "allergy_class": QT_TRANSLATE_NOOP("DrugMessages", "{drug}: {group} allergy recorded ({label})"),
    "allergy_r1_side_chain": QT_TRANSLATE_NOOP(
        "DrugMessages", "{drug}: shares the R1 side chain of a recorded beta-lactam allergen ({label})"),
    "allergy_cross_class": QT_TRANSLATE_NOOP(
        "DrugMessages", "{drug}: different beta-lactam class from the recorded allergy ({label})"),
    "note_egfr_computed": QT_TRANSLATE_NOOP(
        "DrugMessages", "eGFR {egfr:.0f} mL/min/1.73 m² computed by CKD-EPI 2021 (race-free)."),
    "note_crcl_computed": QT_TRANSLATE_NOOP(
        "DrugMessages", "CrCl {crcl:.0f} mL/min computed by Cockcroft-Gault with actual body weight."),
    "note_allergy_unrecognised": QT_TRANSLATE_NOOP("DrugMessages", "Allergy '{name}' not recognised: not checked."),
    "dose_single_above_max": QT_TRANSLATE_NOOP(
        "DrugMessages", "{drug}: single dose {dose} is above the adult maximum {max}"),
    "dose_daily_above_max": QT_TRANSLATE_NOOP(
        "DrugMessages", "{drug}: daily dose {dose} is above the adult maximum {max}"),
    "dose_weekly_above_max": QT_TRANSLATE_NOOP(
        "DrugMessages", "{drug}: weekly dose {dose} is above the adult maximum {max}"),
    "dose_implausible": QT_TRANSLATE_NOOP(
        "DrugMessages", "{drug}: {dose} is {factor}× the adult maximum {max}: check the unit (g or mg?)"),
    "dose_weekly_drug_daily": QT_TRANSLATE_NOOP(
        "DrugMessages", "{drug} is dosed weekly, but '{dose}' gives it every day"),
    "dose_renal_above_max": QT_TRANSLATE_NOOP(
        "DrugMessages", "{drug}: {dose} is above the maximum {max} at {measure} < {below:g} ({measure} {value:.0f})"),
    "dose_hepatic_above_max": QT_TRANSLATE_NOOP(
        "DrugMessages", "{drug}: daily dose {dose} is above the maximum {max} in hepatic impairment"),
    "dose_unit_mismatch": QT_TRANSLATE_NOOP(
        "DrugMessages", "{drug}: '{dose}' is not in {unit}, the unit this drug is dosed in"),
    "note_dose_no_limit": QT_TRANSLATE_NOOP(
        "DrugMessages", "{drug}: no adult maximum dose in the knowledge pack: dose not checked."),
    "note_dose_unread": QT_TRANSLATE_NOOP(
        "DrugMessages", "{drug}: dose '{text}' not read (amount and unit, e.g. 500 mg): dose not checked."),
    "note_dose_needs_weight": QT_TRANSLATE_NOOP(
        "DrugMessages", "{drug}: maximum is per kg and no weight is recorded: dose not checked."),
    "note_dose_no_frequency": QT_TRANSLATE_NOOP(
        "DrugMessages", "{drug}: no frequency given (e.g. bid): only the single dose was checked."),
}

#: Parameters holding a vocabulary token rather than display text.
TOKEN_PARAMS = frozenset({"action", "kind", "group", "band"})

#: English words for tokens where replacing "_" by a space is not enough.
_ENGLISH_TOKENS = {"band": {"high": "high (≥11)", "moderate": "moderate (7-10)", "low": "low (≤6)"}}


#: Token parameters each template uses, worked out once.
_TOKENS_IN: dict[str, tuple[str, ...]] = {
    code: tuple(name for _text, name, _spec, _conv in string.Formatter().parse(template) if name in TOKEN_PARAMS)
    for code, template in TEMPLATES.items()
}


def english_token(param: str, token: str) -> str:
    return _ENGLISH_TOKENS.get(param, {}).get(token, token.replace("_", " "))


@dataclass(frozen=True)
class Message:
    code: str
    params: tuple[tuple[str, Any], ...] = ()

    @property
    def param_dict(self) -> dict[str, Any]:
        return dict(self.params)

    @property
    def text(self) -> str:
        """The English rendering (what the CLI prints and the JSON ``title``/``notes`` carry)."""
        # The checker renders every alert title: a direct format (extra ``*_zh`` keys are ignored by str.format)
        # keeps this off the 20-drug check budget; :func:`render` is the general path.
        values = dict(self.params)
        for key in _TOKENS_IN[self.code]:
            if isinstance(values.get(key), str):
                values[key] = english_token(key, values[key])
        return TEMPLATES[self.code].format(**values)

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "params": self.param_dict, "text": self.text}


def message(code: str, **params: Any) -> Message:
    if code not in TEMPLATES:
        raise KeyError(f"unknown message code {code!r}")
    return Message(code, tuple(params.items()))


def render(template: str, params: Mapping[str, Any], token_text: Callable[[str, str], str],
           language: str = ENGLISH) -> str:
    """Fill ``template`` with ``params``: tokens through ``token_text(param, token)``, the others in ``language``
    (``x_<language>`` when the parameter has it, see :func:`cdss.i18n.pick`)."""
    values: dict[str, Any] = {}
    for key, value in params.items():
        if key in TOKEN_PARAMS and isinstance(value, str):
            values[key] = token_text(key, value)
        else:
            values[key] = pick(params, key, language)
    return template.format(**values)
