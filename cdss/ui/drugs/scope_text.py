"""The translated account of what a check covered ("Drugs checked: 3 · interaction rules: 196 · patient context:
age, renal function …"), shown next to the alerts and, above all, where there are none: silence is only worth what
was looked at."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "CheckScope"
_CONTEXT_WORDS = {
    "age": QT_TRANSLATE_NOOP("CheckScope", "age"),
    "renal": QT_TRANSLATE_NOOP("CheckScope", "renal function"),
    "allergies": QT_TRANSLATE_NOOP("CheckScope", "allergies"),
    "pregnancy": QT_TRANSLATE_NOOP("CheckScope", "pregnancy"),
    "lactation": QT_TRANSLATE_NOOP("CheckScope", "breastfeeding"),
    "hepatic": QT_TRANSLATE_NOOP("CheckScope", "hepatic impairment"),
    "potassium": QT_TRANSLATE_NOOP("CheckScope", "potassium"),
    "qtc": QT_TRANSLATE_NOOP("CheckScope", "QTc"),
    "weight": QT_TRANSLATE_NOOP("CheckScope", "weight"),
}


_TEXTS = {
    "drugs": QT_TRANSLATE_NOOP("CheckScope", "Drugs checked: {count}"),
    "rules": QT_TRANSLATE_NOOP("CheckScope", "interaction rules: {count}"),
    "rated": QT_TRANSLATE_NOOP("CheckScope", "pairs rated by imported sources: {count}"),
    "dose": QT_TRANSLATE_NOOP("CheckScope", "doses compared with maxima: {count}"),
    "context": QT_TRANSLATE_NOOP("CheckScope", "patient context: {items}"),
    "no_context": QT_TRANSLATE_NOOP("CheckScope", "no patient context"),
    "unknown": QT_TRANSLATE_NOOP("CheckScope", "not in the dictionary, not checked: {names}"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def scope_text(scope: Mapping[str, Any] | None) -> str:
    if not scope:
        return ""
    parts = [_tr(_TEXTS["drugs"]).format(count=scope.get("drugs", 0)),
             _tr(_TEXTS["rules"]).format(count=scope.get("rules", 0))]
    if scope.get("rated_pairs"):
        parts.append(_tr(_TEXTS["rated"]).format(count=scope["rated_pairs"]))
    if scope.get("dose_checked"):
        parts.append(_tr(_TEXTS["dose"]).format(count=scope["dose_checked"]))
    used = [_tr(_CONTEXT_WORDS[t]) for t in scope.get("context", ()) if t in _CONTEXT_WORDS]
    separator = QCoreApplication.translate("CheckScope", ", ", "between the items of the patient context list")
    parts.append(_tr(_TEXTS["context"]).format(items=separator.join(used)) if used else _tr(_TEXTS["no_context"]))
    unknown = scope.get("unknown_names") or ()
    if unknown:
        parts.append(_tr(_TEXTS["unknown"]).format(names=", ".join(unknown)))
    return " · ".join(parts)
