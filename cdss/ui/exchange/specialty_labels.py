"""Translated names for the exchange's specialty values (the wire format keeps the English enum values).

The table lists every :class:`cdss.exchange.schemas.Specialty` value with a QT_TRANSLATE_NOOP label so lupdate
collects them; a value the table does not know yet (a newer server) is shown as its readable English value.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from cdss.exchange.schemas import Specialty

CONTEXT = "ExchangeSpecialty"

SPECIALTY_LABELS: dict[str, str] = {
    "cardiology": QT_TRANSLATE_NOOP("ExchangeSpecialty", "Cardiology"),
    "dermatology": QT_TRANSLATE_NOOP("ExchangeSpecialty", "Dermatology"),
    "emergency": QT_TRANSLATE_NOOP("ExchangeSpecialty", "Emergency medicine"),
    "endocrinology": QT_TRANSLATE_NOOP("ExchangeSpecialty", "Endocrinology"),
    "gastroenterology": QT_TRANSLATE_NOOP("ExchangeSpecialty", "Gastroenterology"),
    "general": QT_TRANSLATE_NOOP("ExchangeSpecialty", "General practice"),
    "geriatrics": QT_TRANSLATE_NOOP("ExchangeSpecialty", "Geriatrics"),
    "hematology": QT_TRANSLATE_NOOP("ExchangeSpecialty", "Hematology"),
    "infectious_disease": QT_TRANSLATE_NOOP("ExchangeSpecialty", "Infectious diseases"),
    "nephrology": QT_TRANSLATE_NOOP("ExchangeSpecialty", "Nephrology"),
    "neurology": QT_TRANSLATE_NOOP("ExchangeSpecialty", "Neurology"),
    "obstetrics_gynecology": QT_TRANSLATE_NOOP("ExchangeSpecialty", "Obstetrics and gynecology"),
    "oncology": QT_TRANSLATE_NOOP("ExchangeSpecialty", "Oncology"),
    "ophthalmology": QT_TRANSLATE_NOOP("ExchangeSpecialty", "Ophthalmology"),
    "orthopedics": QT_TRANSLATE_NOOP("ExchangeSpecialty", "Orthopedics"),
    "pediatrics": QT_TRANSLATE_NOOP("ExchangeSpecialty", "Pediatrics"),
    "psychiatry": QT_TRANSLATE_NOOP("ExchangeSpecialty", "Psychiatry"),
    "pulmonology": QT_TRANSLATE_NOOP("ExchangeSpecialty", "Pulmonology"),
    "rheumatology": QT_TRANSLATE_NOOP("ExchangeSpecialty", "Rheumatology"),
    "surgery": QT_TRANSLATE_NOOP("ExchangeSpecialty", "Surgery"),
    "urology": QT_TRANSLATE_NOOP("ExchangeSpecialty", "Urology"),
    "other": QT_TRANSLATE_NOOP("ExchangeSpecialty", "Other"),
}


def specialty_label(specialty: Specialty | str) -> str:
    """The specialty's name in the interface language."""
    value = specialty.value if isinstance(specialty, Specialty) else str(specialty)
    source = SPECIALTY_LABELS.get(value)
    if source is None:
        return value.replace("_", " ")
    return QCoreApplication.translate(CONTEXT, source)
