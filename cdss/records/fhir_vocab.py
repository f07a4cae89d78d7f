"""The FHIR vocabulary CDSS Desk reads and writes: our extension and code-system URLs, identifier systems, and
small readers for FHIR datatypes (dates, codings, extensions), shared by fhir_import and fhir_export.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from cdss.errors import ImportRejected

# -- Vocabulary shared with fhir_export: CDSS Desk's own extension and code-system URLs ----------------------------
# `.invalid` is reserved (RFC 2606): these URLs name our fields; they are never fetched.
CDSS_NS = "https://cdss-desk.invalid/fhir"
EXT_DRUG_ID = f"{CDSS_NS}/StructureDefinition/drug-id"
EXT_ENTRY_KIND = f"{CDSS_NS}/StructureDefinition/entry-kind"
EXT_ENTRY_TEXT = f"{CDSS_NS}/StructureDefinition/entry-text"
EXT_ENTRY_TIME = f"{CDSS_NS}/StructureDefinition/entry-time"
EXT_PATIENT_NOTE = f"{CDSS_NS}/StructureDefinition/patient-notes"
EXT_VALUE_TEXT = f"{CDSS_NS}/StructureDefinition/value-text"
EXT_ATTACHMENT_SHA256 = f"{CDSS_NS}/StructureDefinition/attachment-sha256"
EXT_ATTACHMENT_CAPTION = f"{CDSS_NS}/StructureDefinition/attachment-caption"
SYS_ENTRY_KIND = f"{CDSS_NS}/CodeSystem/entry-kind"
SYS_CASE_TAG = f"{CDSS_NS}/CodeSystem/case-tag"
SYS_CARE_PLAN = f"{CDSS_NS}/CodeSystem/care-plan"  # CarePlan category "follow-up": Case.follow_ups
SYS_PATIENT_TAG = f"{CDSS_NS}/CodeSystem/patient-tag"
IDENT_SOURCE_REF = f"{CDSS_NS}/source-ref"
IDENT_SYSTEM_PREFIX = f"{CDSS_NS}/identifier/"
LOINC = "http://loinc.org"
SNOMED = "http://snomed.info/sct"
ICD10_SYSTEMS = (
    "http://hl7.org/fhir/sid/icd-10",
    "http://hl7.org/fhir/sid/icd-10-cm",
    "http://hl7.org/fhir/sid/icd-10-cn",
)
DATA_ABSENT = "http://terminology.hl7.org/CodeSystem/data-absent-reason"
VER_STATUS = "http://terminology.hl7.org/CodeSystem/allergyintolerance-verification"
ACCEPTED_BUNDLE_TYPES = ("collection", "transaction", "document", "batch", "searchset")


def identifier_system_from_fhir(ident: dict[str, Any]) -> str:
    """Our short system names ("cn-resident-id", "mrn", …) travel under IDENT_SYSTEM_PREFIX; others stay as URIs."""
    system = ident.get("system")
    if isinstance(system, str) and system.startswith(IDENT_SYSTEM_PREFIX):
        return system[len(IDENT_SYSTEM_PREFIX) :]
    if isinstance(system, str) and system:
        return system
    return text_of(ident.get("type")) or "unknown"


def identifier_system_to_fhir(system: str) -> str:
    return system if ":" in system else IDENT_SYSTEM_PREFIX + system


MAX_FHIR_BYTES = 200 * 1024 * 1024  # far above any real patient bundle; stops a mistaken multi-GB export
CATCH_ALL_TITLE = "Imported records without an encounter"
SUPPORTED_TYPES = (
    "Patient",
    "Encounter",
    "Condition",
    "MedicationRequest",
    "MedicationStatement",
    "AllergyIntolerance",
    "Observation",
    "Procedure",
    "DocumentReference",
    "CarePlan (follow-ups)",
)


def reject(code: str, message: str, **params: Any) -> ImportRejected:
    return ImportRejected(code, message, **params)


# ---------------------------------------------------------------------------------------------------------------
# Small FHIR datatype readers
# ---------------------------------------------------------------------------------------------------------------


def parse_fhir_datetime(value: Any, where: str) -> dt.datetime:
    """A FHIR date/dateTime/instant as a naive wall-clock datetime (dates become midnight)."""
    if not isinstance(value, str) or not value:
        raise reject("fhir_bad_datetime", f"{where}: expected a date/time, found {value!r}.", where=where)
    text = value.strip()
    try:
        if len(text) == 4:
            return dt.datetime(int(text), 1, 1)
        if len(text) == 7:
            return dt.datetime(int(text[:4]), int(text[5:7]), 1)
        return dt.datetime.fromisoformat(text).replace(tzinfo=None)
    except ValueError as exc:
        raise reject("fhir_bad_datetime", f"{where}: {value!r} is not a valid FHIR date/time.", where=where) from exc


def parse_fhir_date(value: Any, where: str) -> dt.date:
    return parse_fhir_datetime(value, where).date()


def text_of(concept: Any) -> str | None:
    """The human text of a CodeableConcept: ``text``, else the first coding's display."""
    if not isinstance(concept, dict):
        return None
    if isinstance(concept.get("text"), str) and concept["text"]:
        return concept["text"]
    for coding in codings(concept):
        if isinstance(coding.get("display"), str) and coding["display"]:
            return coding["display"]
    return None


def codings(concept: Any) -> list[dict[str, Any]]:
    if not isinstance(concept, dict) or not isinstance(concept.get("coding"), list):
        return []
    return [c for c in concept["coding"] if isinstance(c, dict)]


def code_in(concept: Any, systems: tuple[str, ...] | str) -> str | None:
    systems = (systems,) if isinstance(systems, str) else systems
    for coding in codings(concept):
        if coding.get("system") in systems and isinstance(coding.get("code"), str):
            return coding["code"]
    return None


def first_item(items: Any) -> Any:
    return items[0] if isinstance(items, list) and items else None


def extension_value(resource: dict[str, Any], url: str) -> Any:
    for ext in resource.get("extension") or []:
        if isinstance(ext, dict) and ext.get("url") == url:
            for key, value in ext.items():
                if key.startswith("value"):
                    return value
    return None


def tags_of(resource: dict[str, Any], system: str) -> tuple[str, ...]:
    meta = resource.get("meta") if isinstance(resource.get("meta"), dict) else {}
    return tuple(t["code"] for t in meta.get("tag") or [] if isinstance(t, dict) and t.get("system") == system)


def as_str(value: Any) -> str | None:
    """A FHIR string element, or None when the JSON holds something else there (hostile or broken files)."""
    return value if isinstance(value, str) else None


def as_number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def source_ref_of(resource: dict[str, Any]) -> str | None:
    for ident in resource.get("identifier") or []:
        if isinstance(ident, dict) and ident.get("system") == IDENT_SOURCE_REF:
            return ident.get("value")
    return resource.get("id")
