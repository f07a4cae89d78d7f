"""Translated rendering of the checker's coded texts (alert titles, check notes) and its bilingual clinical text.

The domain sends a code and parameters (cdss/drugs/messages.py) next to an English rendering. The domain's
``TEMPLATES`` are the Qt Linguist source texts (extracted from there), so here a code's template is translated at
display time and follows a live language switch. Knowledge in the parameters and the alert (drug names, effects)
is chosen by :func:`cdss.i18n.pick` in the language shown.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from cdss.drugs.messages import TEMPLATES, english_token, render
from cdss.i18n import pick
from cdss.ui.i18n import shown_language

CONTEXT = "DrugMessages"  # the context cdss.drugs.messages marks its TEMPLATES with

#: Words for the vocabulary tokens that appear as parameters (see cdss.drugs.messages.TOKEN_PARAMS).
TOKENS: dict[str, dict[str, str]] = {
    "action": {
        "contraindicated": QT_TRANSLATE_NOOP("DrugMessages", "contraindicated"),
        "avoid": QT_TRANSLATE_NOOP("DrugMessages", "avoid"),
        "do_not_start": QT_TRANSLATE_NOOP("DrugMessages", "do not start"),
        "reduce_dose": QT_TRANSLATE_NOOP("DrugMessages", "reduce dose"),
        "caution": QT_TRANSLATE_NOOP("DrugMessages", "caution"),
        "compatible": QT_TRANSLATE_NOOP("DrugMessages", "compatible"),
    },
    "kind": {
        "pregnancy": QT_TRANSLATE_NOOP("DrugMessages", "pregnancy"),
        "lactation": QT_TRANSLATE_NOOP("DrugMessages", "lactation"),
        "hepatic": QT_TRANSLATE_NOOP("DrugMessages", "hepatic impairment"),
    },
    "band": {
        "high": QT_TRANSLATE_NOOP("DrugMessages", "high (≥11)"),
        "moderate": QT_TRANSLATE_NOOP("DrugMessages", "moderate (7-10)"),
        "low": QT_TRANSLATE_NOOP("DrugMessages", "low (≤6)"),
    },
    "group": {
        "penicillin": QT_TRANSLATE_NOOP("DrugMessages", "penicillin"),
        "cephalosporin": QT_TRANSLATE_NOOP("DrugMessages", "cephalosporin"),
        "carbapenem": QT_TRANSLATE_NOOP("DrugMessages", "carbapenem"),
        "monobactam": QT_TRANSLATE_NOOP("DrugMessages", "monobactam"),
        "sulfonamide_antibiotic": QT_TRANSLATE_NOOP("DrugMessages", "sulfonamide antibiotic"),
        "sulfonamide_nonantibiotic": QT_TRANSLATE_NOOP("DrugMessages", "non-antibiotic sulfonamide"),
        "macrolide": QT_TRANSLATE_NOOP("DrugMessages", "macrolide"),
        "fluoroquinolone": QT_TRANSLATE_NOOP("DrugMessages", "fluoroquinolone"),
        "tetracycline": QT_TRANSLATE_NOOP("DrugMessages", "tetracycline"),
        "aminoglycoside": QT_TRANSLATE_NOOP("DrugMessages", "aminoglycoside"),
        "nsaid": QT_TRANSLATE_NOOP("DrugMessages", "NSAID"),
        "opioid": QT_TRANSLATE_NOOP("DrugMessages", "opioid"),
        "iodinated_contrast": QT_TRANSLATE_NOOP("DrugMessages", "iodinated contrast"),
        "glycopeptide": QT_TRANSLATE_NOOP("DrugMessages", "glycopeptide"),
        "lincosamide": QT_TRANSLATE_NOOP("DrugMessages", "lincosamide"),
    },
}


def _token_text(param: str, token: str) -> str:
    source = TOKENS.get(param, {}).get(token)
    if source is None:  # a token without a label here (e.g. an ATC group code or a class tag) is shown as is
        return english_token(param, token)
    return QCoreApplication.translate(CONTEXT, source)


def coded_text(code: str | None, params: Mapping[str, Any] | None, fallback: str) -> str:
    """The translated rendering of a coded text, or ``fallback`` (the English) for an unknown code or bad params."""
    template = TEMPLATES.get(code or "")
    if template is None:
        return fallback
    try:
        return render(QCoreApplication.translate(CONTEXT, template), params or {}, _token_text, shown_language())
    except (KeyError, IndexError, ValueError):
        return fallback


def alert_title(alert: Mapping[str, Any]) -> str:
    return coded_text(alert.get("title_code"), alert.get("title_params"), str(alert.get("title", "")))


def clinical_text(alert: Mapping[str, Any], key: str) -> Any:
    """``mechanism``/``effect``/``management`` in the language shown when the knowledge has it, else in English."""
    return pick(alert, key, shown_language())


def check_notes(result: Mapping[str, Any]) -> list[str]:
    """The check's notes, translated when they come coded (``note_codes``), else the English ``notes``."""
    coded = result.get("note_codes")
    if coded:
        return [coded_text(n.get("code"), n.get("params"), str(n.get("text", ""))) for n in coded]
    return [str(n) for n in result.get("notes") or []]
