"""One case (with its patient) → a FHIR R4 *document* Bundle.

Layout: Composition first, then Patient, Encounter, Conditions, MedicationStatements, AllergyIntolerances,
Observations, Procedures and DocumentReferences. Every reference is a ``urn:uuid`` fullUrl inside the bundle.
Fields FHIR has no element for (drug catalog id, entry kind, tags, notes) travel in CDSS extensions/code systems
named in :mod:`cdss.records.fhir_vocab`, so :func:`cdss.records.fhir_import.import_bundle` restores them exactly.
The Composition's "Timeline" section lists entries in timeline order; the importer uses it to keep that order.

Follow-ups go last, as one CarePlan (category ``follow-up`` in our code system). Database ids are not exported.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import uuid
from pathlib import Path
from typing import Any

from cdss.records.fhir_vocab import (
    DATA_ABSENT,
    EXT_ATTACHMENT_CAPTION,
    EXT_ATTACHMENT_SHA256,
    EXT_DRUG_ID,
    EXT_ENTRY_KIND,
    EXT_ENTRY_TEXT,
    EXT_ENTRY_TIME,
    EXT_PATIENT_NOTE,
    EXT_VALUE_TEXT,
    ICD10_SYSTEMS,
    IDENT_SOURCE_REF,
    LOINC,
    SYS_CARE_PLAN,
    SYS_CASE_TAG,
    SYS_ENTRY_KIND,
    SYS_PATIENT_TAG,
    VER_STATUS,
    identifier_system_to_fhir,
)
from cdss.records.types import Allergy, Case, Entry, EntryKind, LabResult, Medication, PatientRecord, Sex

_SUMMARY_LOINC = "11503-0"  # LOINC "Medical records": the generic document type, we claim nothing more specific
_ALLERGY_CLINICAL = "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical"


def _instant(value: dt.datetime) -> str:
    """FHIR dateTimes with a time need a UTC offset; naive values are the machine's local wall-clock time.

    The offset is attached without converting, so the wall-clock time the doctor wrote is what the file says.
    """
    if value.tzinfo is not None:
        return value.isoformat()
    try:
        offset = value.astimezone().utcoffset() or dt.timedelta(0)
    except (OverflowError, OSError, ValueError):  # dates outside the platform's time functions
        offset = dt.timedelta(0)
    return value.replace(tzinfo=dt.timezone(offset)).isoformat()


def _date(value: dt.date) -> str:
    return value.isoformat()


class _DocumentBuilder:
    def __init__(self, patient: PatientRecord, case: Case, now: dt.datetime) -> None:
        self.patient, self.case, self.now = patient, case, now
        self.entries: list[dict[str, Any]] = []
        self.patient_url = self._new_url()
        self.encounter_url = self._new_url()

    @staticmethod
    def _new_url() -> str:
        return f"urn:uuid:{uuid.uuid4()}"

    def add(self, resource: dict[str, Any], url: str | None = None) -> str:
        # No Resource.id: the urn:uuid fullUrl carries identity inside the bundle, and the importer reads a
        # Patient/Encounter id as its source_ref, which must stay empty when the record had none.
        url = url or self._new_url()
        self.entries.append({"fullUrl": url, "resource": resource})
        return url

    def refs(self) -> tuple[dict[str, str], dict[str, str]]:
        return {"reference": self.patient_url}, {"reference": self.encounter_url}

    # -- resources ----------------------------------------------------------------------------------------------
    def patient_resource(self) -> dict[str, Any]:
        p = self.patient
        res: dict[str, Any] = {"resourceType": "Patient", "name": [{"use": "official", "text": p.name}]}
        identifiers = [{"system": identifier_system_to_fhir(i.system), "value": i.value} for i in p.identifiers]
        if p.source_ref:
            identifiers.append({"system": IDENT_SOURCE_REF, "value": p.source_ref})
        if identifiers:
            res["identifier"] = identifiers
        telecom = []
        if p.phone:
            telecom.append({"system": "phone", "value": p.phone})
        if p.email:
            telecom.append({"system": "email", "value": p.email})
        if telecom:
            res["telecom"] = telecom
        res["gender"] = {Sex.MALE: "male", Sex.FEMALE: "female", Sex.OTHER: "other"}.get(p.sex, "unknown")
        if p.birth_date:
            precision = p.extra.get("birth_date_precision")
            iso = p.birth_date.isoformat()
            res["birthDate"] = iso[:4] if precision == "year" else iso[:7] if precision == "month" else iso
        if p.address:
            res["address"] = [{"text": p.address}]
        if p.notes:
            res["extension"] = [{"url": EXT_PATIENT_NOTE, "valueString": p.notes}]
        if p.tags:
            res["meta"] = {"tag": [{"system": SYS_PATIENT_TAG, "code": t} for t in p.tags]}
        return res

    def encounter_resource(self) -> dict[str, Any]:
        c = self.case
        period = {"start": _date(c.opened_on)}
        if c.closed_on:
            period["end"] = _date(c.closed_on)
        res: dict[str, Any] = {
            "resourceType": "Encounter",
            "status": "finished" if c.closed_on else "in-progress",
            # Encounter.class is mandatory but the app does not record inpatient vs. outpatient: say so, don't guess.
            "class": {"system": DATA_ABSENT, "code": "unknown", "display": "Unknown"},
            "subject": self.refs()[0],
            "period": period,
        }
        if c.title:
            res["type"] = [{"text": c.title}]
        if c.source_ref:
            res["identifier"] = [{"system": IDENT_SOURCE_REF, "value": c.source_ref}]
        if c.tags:
            res["meta"] = {"tag": [{"system": SYS_CASE_TAG, "code": t} for t in c.tags]}
        return res

    def condition(self, entry: Entry) -> dict[str, Any]:
        code: dict[str, Any] = {}
        if entry.icd10:
            code["coding"] = [{"system": ICD10_SYSTEMS[0], "code": entry.icd10}]
        if entry.text:
            code["text"] = entry.text
        subject, encounter = self.refs()
        res = {"resourceType": "Condition", "subject": subject, "encounter": encounter}
        if code:
            res["code"] = code
        res["recordedDate"] = _instant(entry.occurred_at)
        return res

    def procedure(self, entry: Entry) -> dict[str, Any]:
        subject, encounter = self.refs()
        res: dict[str, Any] = {
            "resourceType": "Procedure",
            "status": "completed",
            "subject": subject,
            "encounter": encounter,
            "performedDateTime": _instant(entry.occurred_at),
        }
        if entry.text:
            res["code"] = {"text": entry.text}
        return res

    def document(self, entry: Entry) -> dict[str, Any]:
        subject, encounter = self.refs()
        contents: list[dict[str, Any]] = []
        if entry.text:
            data = base64.b64encode(entry.text.encode("utf-8")).decode("ascii")
            contents.append({"attachment": {"contentType": "text/plain; charset=utf-8", "data": data}})
        if entry.attachment is not None:
            att = entry.attachment
            exts = [{"url": EXT_ATTACHMENT_SHA256, "valueString": att.sha256}]
            if att.caption is not None:
                exts.append({"url": EXT_ATTACHMENT_CAPTION, "valueString": att.caption})
            contents.append(
                {
                    "attachment": {
                        "extension": exts,
                        "contentType": att.media_type,
                        "title": att.filename,
                        "size": att.size,
                    }
                }
            )
        if not contents:  # DocumentReference.content is 1..*; an empty note is still an entry on the timeline
            contents.append({"attachment": {"contentType": "text/plain; charset=utf-8"}})
        return {
            "resourceType": "DocumentReference",
            "status": "current",
            "type": {"coding": [{"system": SYS_ENTRY_KIND, "code": entry.kind.value}], "text": entry.kind.value},
            "subject": subject,
            "date": _instant(entry.occurred_at),
            "content": contents,
            "context": {"encounter": [encounter]},
        }

    def observation(self, lab: LabResult, in_case: bool, entry: Entry | None = None) -> dict[str, Any]:
        code: dict[str, Any] = {"text": lab.name}
        if lab.loinc:
            code["coding"] = [{"system": LOINC, "code": lab.loinc}]
        subject, encounter = self.refs()
        res: dict[str, Any] = {"resourceType": "Observation", "status": "final", "code": code, "subject": subject}
        if in_case:
            res["encounter"] = encounter
        res["effectiveDateTime"] = _instant(lab.taken_at)
        extensions = []
        if lab.value is not None or lab.unit is not None:
            quantity: dict[str, Any] = {}
            if lab.value is not None:
                quantity["value"] = lab.value
            if lab.unit is not None:
                quantity["unit"] = lab.unit
            res["valueQuantity"] = quantity
            if lab.value_text is not None:
                extensions.append({"url": EXT_VALUE_TEXT, "valueString": lab.value_text})
        elif lab.value_text is not None:
            res["valueString"] = lab.value_text
        if lab.ref_low is not None or lab.ref_high is not None:
            ref: dict[str, Any] = {}
            if lab.ref_low is not None:
                ref["low"] = {"value": lab.ref_low}
            if lab.ref_high is not None:
                ref["high"] = {"value": lab.ref_high}
            res["referenceRange"] = [ref]
        if entry is not None:
            extensions.append({"url": EXT_ENTRY_KIND, "valueCode": entry.kind.value})
            extensions.append({"url": EXT_ENTRY_TEXT, "valueString": entry.text})
            extensions.append({"url": EXT_ENTRY_TIME, "valueDateTime": _instant(entry.occurred_at)})
        if extensions:
            res["extension"] = extensions
        return res

    def medication(self, med: Medication) -> dict[str, Any]:
        concept: dict[str, Any] = {"text": med.name}
        if med.code:
            coding = {"code": med.code}
            if med.code_system:
                coding["system"] = med.code_system
            concept["coding"] = [coding]
        res: dict[str, Any] = {
            "resourceType": "MedicationStatement",
            "status": "active" if med.active else "completed",
            "medicationCodeableConcept": concept,
            "subject": self.refs()[0],
        }
        if med.start or med.end:
            period = {}
            if med.start:
                period["start"] = _date(med.start)
            if med.end:
                period["end"] = _date(med.end)
            res["effectivePeriod"] = period
        dosage: dict[str, Any] = {}
        if med.dose is not None:
            dosage["text"] = med.dose
        if med.route is not None:
            dosage["route"] = {"text": med.route}
        if dosage:
            res["dosage"] = [dosage]
        if med.drug_id is not None:
            res["extension"] = [{"url": EXT_DRUG_ID, "valueString": med.drug_id}]
        return res

    def care_plan(self) -> dict[str, Any]:
        """Case follow-ups as one CarePlan whose activities carry the due date, the note and done/scheduled."""
        activities = []
        for follow_up in self.case.follow_ups:
            detail: dict[str, Any] = {
                "status": "completed" if follow_up.done else "scheduled",
                "scheduledPeriod": {"start": _date(follow_up.due)},
            }
            if follow_up.note:
                detail["description"] = follow_up.note
            activities.append({"detail": detail})
        subject, encounter = self.refs()
        return {
            "resourceType": "CarePlan",
            "status": "active",
            "intent": "plan",
            "category": [{"coding": [{"system": SYS_CARE_PLAN, "code": "follow-up"}], "text": "Follow-up"}],
            "subject": subject,
            "encounter": encounter,
            "activity": activities,
        }

    def allergy(self, allergy: Allergy) -> dict[str, Any]:
        res: dict[str, Any] = {
            "resourceType": "AllergyIntolerance",
            "clinicalStatus": {"coding": [{"system": _ALLERGY_CLINICAL, "code": "active"}]},
            "verificationStatus": {
                "coding": [{"system": VER_STATUS, "code": "confirmed" if allergy.verified else "unconfirmed"}]
            },
            "code": {"text": allergy.substance},
            "patient": self.refs()[0],
        }
        if allergy.recorded_on:
            res["recordedDate"] = _date(allergy.recorded_on)
        if allergy.reaction is not None or allergy.severity is not None:
            # manifestation is 1..*; a severity recorded without a reaction says the reaction is unknown.
            manifestation = (
                {"text": allergy.reaction}
                if allergy.reaction is not None
                else {"coding": [{"system": DATA_ABSENT, "code": "unknown"}]}
            )
            reaction: dict[str, Any] = {"manifestation": [manifestation]}
            if allergy.severity is not None:
                reaction["severity"] = allergy.severity
            res["reaction"] = [reaction]
        return res

    # -- assembly -----------------------------------------------------------------------------------------------
    def build(self) -> dict[str, Any]:
        composition_url = self._new_url()
        self.add(self.patient_resource(), self.patient_url)
        self.add(self.encounter_resource(), self.encounter_url)
        entry_urls: dict[int, str] = {}
        by_kind: dict[str, list[tuple[int, Entry]]] = {"cond": [], "proc": [], "doc": [], "obs": []}
        for pos, entry in enumerate(self.case.entries):
            if entry.lab is not None:
                by_kind["obs"].append((pos, entry))
            elif entry.kind is EntryKind.DIAGNOSIS:
                by_kind["cond"].append((pos, entry))
            elif entry.kind is EntryKind.TREATMENT:
                by_kind["proc"].append((pos, entry))
            else:
                by_kind["doc"].append((pos, entry))
        for pos, entry in by_kind["cond"]:
            entry_urls[pos] = self.add(self.condition(entry))
        med_refs = [{"reference": self.add(self.medication(m))} for m in self.patient.medications]
        allergy_refs = [{"reference": self.add(self.allergy(a))} for a in self.patient.allergies]
        for pos, entry in by_kind["obs"]:
            assert entry.lab is not None
            entry_urls[pos] = self.add(self.observation(entry.lab, True, entry))
        lab_refs = [{"reference": self.add(self.observation(lab, True))} for lab in self.case.labs]
        lab_refs += [{"reference": self.add(self.observation(lab, False))} for lab in self.patient.labs]
        for pos, entry in by_kind["proc"]:
            entry_urls[pos] = self.add(self.procedure(entry))
        for pos, entry in by_kind["doc"]:
            entry_urls[pos] = self.add(self.document(entry))
        follow_up_refs = [{"reference": self.add(self.care_plan())}] if self.case.follow_ups else []
        sections = [
            ("Timeline", [{"reference": entry_urls[pos]} for pos in range(len(self.case.entries))]),
            ("Results", lab_refs),
            ("Medications", med_refs),
            ("Allergies and intolerances", allergy_refs),
            ("Follow-up", follow_up_refs),
        ]
        composition = {
            "resourceType": "Composition",
            "status": "final",
            "type": {"coding": [{"system": LOINC, "code": _SUMMARY_LOINC, "display": "Medical records"}]},
            "subject": {"reference": self.patient_url},
            "encounter": {"reference": self.encounter_url},
            "date": _instant(self.now),
            # author is 1..*; the exporting doctor is not modelled, so the software is named as the author's display.
            "author": [{"display": "CDSS Desk"}],
            "title": self.case.title or "Case",
            "section": [
                {"title": title, "entry": refs} if refs else {"title": title, "emptyReason": _EMPTY}
                for title, refs in sections
            ],
        }
        self.entries.insert(0, {"fullUrl": composition_url, "resource": composition})
        return {
            "resourceType": "Bundle",
            "identifier": {"system": "urn:ietf:rfc:3986", "value": f"urn:uuid:{uuid.uuid4()}"},
            "type": "document",
            "timestamp": _instant(self.now),
            "entry": self.entries,
        }


_EMPTY = {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/list-empty-reason", "code": "nilknown"}]}


def export_case_bundle(patient: PatientRecord, case: Case, *, now: dt.datetime | None = None) -> dict[str, Any]:
    """The FHIR R4 document Bundle (a JSON-ready dict) for ``case`` of ``patient``.

    The patient's allergies, medications and case-less labs travel with the case: a receiving doctor needs them.
    """
    return _DocumentBuilder(patient, case, now or dt.datetime.now().astimezone()).build()


def export_case_json(patient: PatientRecord, case: Case, *, now: dt.datetime | None = None) -> str:
    return json.dumps(export_case_bundle(patient, case, now=now), ensure_ascii=False, indent=1)


def write_case_bundle(path: Path | str, patient: PatientRecord, case: Case, *, now: dt.datetime | None = None) -> Path:
    """Write the document bundle as UTF-8 JSON; writes a temporary file first so a failure leaves no half file."""
    path = Path(path)
    tmp = path.with_name(path.name + ".part")
    tmp.write_text(export_case_json(patient, case, now=now), encoding="utf-8")
    tmp.replace(path)
    return path
