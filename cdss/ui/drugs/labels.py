"""Translated names for the checker's severities and alert kinds (their colours: ``cdss.ui.palette``)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

SEVERITY_ORDER = ("contraindicated", "major", "moderate", "minor")

_SEVERITY = {
    "contraindicated": QT_TRANSLATE_NOOP("DrugLabels", "Contraindicated"),
    "major": QT_TRANSLATE_NOOP("DrugLabels", "Major"),
    "moderate": QT_TRANSLATE_NOOP("DrugLabels", "Moderate"),
    "minor": QT_TRANSLATE_NOOP("DrugLabels", "Minor"),
    "unknown": QT_TRANSLATE_NOOP("DrugLabels", "Unrated"),
}

_KIND = {
    "interaction": QT_TRANSLATE_NOOP("DrugLabels", "Interaction"),
    "allergy": QT_TRANSLATE_NOOP("DrugLabels", "Allergy"),
    "duplicate": QT_TRANSLATE_NOOP("DrugLabels", "Duplicate therapy"),
    "renal": QT_TRANSLATE_NOOP("DrugLabels", "Renal dosing"),
    "hepatic": QT_TRANSLATE_NOOP("DrugLabels", "Hepatic"),
    "pregnancy": QT_TRANSLATE_NOOP("DrugLabels", "Pregnancy"),
    "lactation": QT_TRANSLATE_NOOP("DrugLabels", "Lactation"),
    "qt": QT_TRANSLATE_NOOP("DrugLabels", "QT prolongation"),
    "serotonergic": QT_TRANSLATE_NOOP("DrugLabels", "Serotonergic load"),
    "bleeding": QT_TRANSLATE_NOOP("DrugLabels", "Bleeding risk"),
    "cns_depression": QT_TRANSLATE_NOOP("DrugLabels", "CNS depression"),
    "hyperkalemia": QT_TRANSLATE_NOOP("DrugLabels", "Hyperkalaemia"),
    "anticholinergic": QT_TRANSLATE_NOOP("DrugLabels", "Anticholinergic burden"),
    "dose": QT_TRANSLATE_NOOP("DrugLabels", "Dose"),
}

_EVIDENCE = {
    "established": QT_TRANSLATE_NOOP("DrugLabels", "established"),
    "probable": QT_TRANSLATE_NOOP("DrugLabels", "probable"),
    "theoretical": QT_TRANSLATE_NOOP("DrugLabels", "theoretical"),
}


def severity_label(severity: str) -> str:
    return QCoreApplication.translate("DrugLabels", _SEVERITY.get(severity, severity))


def kind_label(kind: str) -> str:
    return QCoreApplication.translate("DrugLabels", _KIND.get(kind, kind))


def evidence_label(evidence: str) -> str:
    """Our evidence levels translated; an imported source's own wording is shown as the source wrote it."""
    source = _EVIDENCE.get(evidence)
    return QCoreApplication.translate("DrugLabels", source) if source else evidence


def severity_rank(severity: str) -> int:
    return SEVERITY_ORDER.index(severity) if severity in SEVERITY_ORDER else len(SEVERITY_ORDER)
