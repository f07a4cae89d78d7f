"""Readers for the parts of FHIR resources that the importer turns into record fields: human names, addresses,
coded diagnosis text, inline document text, encounter references and observation values.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
from collections.abc import Callable
from typing import Any

from cdss.records.fhir_vocab import SNOMED, as_number, as_str, code_in, first_item, reject, text_of
from cdss.records.types import EntryKind, LabResult


def encounter_ref(res: dict[str, Any]) -> Any:
    """Where a resource names its encounter: ``encounter``, MedicationStatement ``context``, or (DocumentReference)
    ``context.encounter[0]``."""
    context = res.get("context")
    if isinstance(context, dict) and isinstance(context.get("encounter"), list):
        return first_item(context["encounter"])
    return res.get("encounter") or context


def human_name(names: Any) -> str | None:
    if not isinstance(names, list):
        return None
    candidates = [n for n in names if isinstance(n, dict)]
    official = next((n for n in candidates if n.get("use") == "official"), first_item(candidates))
    if not official:
        return None
    if isinstance(official.get("text"), str) and official["text"]:
        return official["text"]
    parts = [g for g in official.get("given") or [] if isinstance(g, str)]
    if isinstance(official.get("family"), str):
        parts.append(official["family"])
    return " ".join(parts) or None


def address_text(addresses: Any) -> str | None:
    address = first_item(addresses)
    if not isinstance(address, dict):
        return None
    if isinstance(address.get("text"), str) and address["text"]:
        return address["text"]
    parts = [
        *(address.get("line") or []),
        address.get("city"),
        address.get("state"),
        address.get("postalCode"),
        address.get("country"),
    ]
    return ", ".join(str(p) for p in parts if p) or None


def coded_text(concept: Any) -> str:
    """Text of a diagnosis/procedure; a SNOMED CT code has no home in Entry, so it travels in the text."""
    text = text_of(concept) or ""
    snomed = code_in(concept, SNOMED)
    if snomed and snomed not in text:
        text = f"{text} (SNOMED CT {snomed})" if text else f"SNOMED CT {snomed}"
    return text


def entry_kind_of(code: Any, where: str) -> EntryKind:
    try:
        return EntryKind(code)
    except ValueError as exc:
        raise reject("fhir_bad_entry_kind", f"{where}: unknown CDSS entry kind {code!r}.", where=where,
                     kind=str(code)) from exc


def decode_inline_text(data: Any, content_type: str, where: str) -> str:
    charset = "utf-8"
    if "charset=" in content_type:
        charset = content_type.split("charset=", 1)[1].split(";")[0].strip() or "utf-8"
    try:
        return base64.b64decode(str(data), validate=True).decode(charset)
    except (binascii.Error, UnicodeDecodeError, LookupError) as exc:
        raise reject("fhir_bad_attachment", f"{where}: the inline document text cannot be decoded.",
                     where=where) from exc


def has_value(res: dict[str, Any]) -> bool:
    return any(k.startswith("value") for k in res)


_VALUE_RENDERERS: dict[str, Callable[[Any], str | None]] = {
    "valueString": lambda v: v if isinstance(v, str) else None,
    "valueCodeableConcept": text_of,
    "valueBoolean": lambda v: "true" if v is True else "false" if v is False else None,
    "valueDateTime": lambda v: str(v),
    "valueTime": lambda v: str(v),
}


def lab_from(
    name: str, taken: dt.datetime, holder: dict[str, Any], loinc: str | None, value_text: str | None
) -> LabResult:
    value = unit = None
    quantity = holder.get("valueQuantity")
    if isinstance(quantity, dict):
        value = as_number(quantity.get("value"))
        unit = as_str(quantity.get("unit")) or as_str(quantity.get("code"))
    elif "valueInteger" in holder:
        value = as_number(holder["valueInteger"])
    else:
        for key, render in _VALUE_RENDERERS.items():
            if key in holder:
                value_text = value_text if value_text is not None else render(holder[key])
    ref = first_item(holder.get("referenceRange")) or {}
    low = ref.get("low") if isinstance(ref.get("low"), dict) else {}
    high = ref.get("high") if isinstance(ref.get("high"), dict) else {}
    return LabResult(
        name=name,
        taken_at=taken,
        value=value,
        value_text=value_text,
        unit=unit,
        ref_low=as_number(low.get("value")),
        ref_high=as_number(high.get("value")),
        loinc=loinc,
    )
