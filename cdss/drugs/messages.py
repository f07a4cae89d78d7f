"""Coded texts of the safety checker: alert titles and check notes as a code plus parameters.

The checker used to build these as English sentences, which the UI could not translate. A :class:`Message` keeps
the code and the raw parameters; :attr:`Message.text` renders the English that the CLI and the JSON output have
always shown, and the UI renders its own translation of the same template (cdss/ui/drugs/messages_text.py).

Parameter conventions (so a renderer needs no knowledge of each code):
- a parameter ``x_zh`` is the Chinese value of parameter ``x`` (drug names, rule effects); a renderer working in
  Chinese uses it when it is present and not empty;
- parameters named in :data:`TOKEN_PARAMS` hold a vocabulary token (``reduce_dose``, ``pregnancy``,
  ``penicillin``, ``high``) that each renderer turns into words of its own language.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

#: English templates, by code. The UI's translation table must use exactly these strings as source texts.
TEMPLATES: dict[str, str] = {
    "interaction": "{a} + {b}: {effect}",
    "interaction_reported": "{a} + {b}: interaction reported",
    "renal_threshold": "{drug}: {action} at {measure} < {below:g} ({used} {value:.0f})",
    "clinical_note": "{drug}: {action} in {kind}",
    "duplicate_ingredient": "Same ingredient entered more than once: {drug}",
    "duplicate_atc": "Duplicate therapy: {a} and {b} (ATC group {group})",
    "duplicate_class": "Duplicate therapy: {a} and {b} (class '{group}')",
    "burden_qt": "QT prolongation risk: {known} known-risk and {other} possible/conditional drug(s); Tisdale score "
                 "≥{score} ({band})",
    "burden_serotonergic": "Serotonergic load: {count} drugs ({names})",
    "burden_bleeding": "Bleeding-risk load: {count} drugs ({names})",
    "burden_cns_depression": "CNS depressant load: {count} drugs ({names})",
    "burden_hyperkalemia": "Hyperkalaemia risk: {count} potassium-raising drug(s) ({names})",
    "burden_anticholinergic": "Anticholinergic burden: ACB total {total} ({names})",
    "allergy_same_ingredient": "Recorded allergy to {drug} ({label})",
    "allergy_class": "{drug}: {group} allergy recorded ({label})",
    "allergy_r1_side_chain": "{drug}: shares the R1 side chain of a recorded beta-lactam allergen ({label})",
    "allergy_cross_class": "{drug}: different beta-lactam class from the recorded allergy ({label})",
    "note_egfr_computed": "eGFR {egfr:.0f} mL/min/1.73 m² computed by CKD-EPI 2021 (race-free).",
    "note_crcl_computed": "CrCl {crcl:.0f} mL/min computed by Cockcroft-Gault with actual body weight.",
    "note_allergy_unrecognised": "Allergy '{name}' not recognised: not checked.",
    "dose_single_above_max": "{drug}: single dose {dose} is above the adult maximum {max}",
    "dose_daily_above_max": "{drug}: daily dose {dose} is above the adult maximum {max}",
    "dose_weekly_above_max": "{drug}: weekly dose {dose} is above the adult maximum {max}",
    "dose_implausible": "{drug}: {dose} is {factor}× the adult maximum {max}: check the unit (g or mg?)",
    "dose_weekly_drug_daily": "{drug} is dosed weekly, but '{dose}' gives it every day",
    "dose_renal_above_max": "{drug}: {dose} is above the maximum {max} at {measure} < {below:g} "
                            "({measure} {value:.0f})",
    "dose_hepatic_above_max": "{drug}: daily dose {dose} is above the maximum {max} in hepatic impairment",
    "dose_unit_mismatch": "{drug}: '{dose}' is not in {unit}, the unit this drug is dosed in",
    "note_dose_no_limit": "{drug}: no adult maximum dose in the knowledge pack: dose not checked.",
    "note_dose_unread": "{drug}: dose '{text}' not read (amount and unit, e.g. 500 mg): dose not checked.",
    "note_dose_needs_weight": "{drug}: maximum is per kg and no weight is recorded: dose not checked.",
    "note_dose_no_frequency": "{drug}: no frequency given (e.g. bid): only the single dose was checked.",
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


def render(template: str, params: Mapping[str, Any], token_text, chinese: bool = False) -> str:
    """Fill ``template`` with ``params``: tokens through ``token_text(param, token)``, ``x_zh`` used when Chinese."""
    values: dict[str, Any] = {}
    for key, value in params.items():
        if key.endswith("_zh"):
            continue
        if chinese and params.get(f"{key}_zh"):
            value = params[f"{key}_zh"]
        elif key in TOKEN_PARAMS and isinstance(value, str):
            value = token_text(key, value)
        values[key] = value
    return template.format(**values)
