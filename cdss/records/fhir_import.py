"""FHIR R4 Bundle → :class:`PatientRecord` values (all-or-nothing per file).

Supported resources: Patient, Encounter (→ Case), Condition (→ diagnosis entry), MedicationRequest and
MedicationStatement (→ Medication), AllergyIntolerance, Observation (→ LabResult; panels such as blood pressure are
split into their components), Procedure (→ treatment entry), DocumentReference (→ note entry) and our own follow-up
CarePlan (→ Case.follow_ups). Other resource types (Claim, Immunization, other CarePlans, …) are counted as skipped.
Resources that reference an Encounter go into that case; diagnoses, procedures and notes without one go into a
catch-all case; labs without one go to ``PatientRecord.labs``; allergies and medications belong to the patient.

Timestamps keep the wall-clock time as written and drop the UTC offset: the app stores naive local times, and
converting Synthea's ``+00:00`` stamps to the doctor's zone would move dates across midnight.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from cdss.progress import Progress
from cdss.records.fhir_readers import (
    address_text,
    coded_text,
    decode_inline_text,
    encounter_ref,
    entry_kind_of,
    has_value,
    human_name,
    lab_from,
)
from cdss.records.fhir_vocab import (
    ACCEPTED_BUNDLE_TYPES,
    CATCH_ALL_TITLE,
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
    MAX_FHIR_BYTES,
    SUPPORTED_TYPES,
    SYS_CARE_PLAN,
    SYS_CASE_TAG,
    SYS_ENTRY_KIND,
    SYS_PATIENT_TAG,
    VER_STATUS,
    as_str,
    code_in,
    codings,
    extension_value,
    first_item,
    identifier_system_from_fhir,
    parse_fhir_date,
    parse_fhir_datetime,
    reject,
    source_ref_of,
    tags_of,
    text_of,
)
from cdss.records.types import (
    Allergy,
    Attachment,
    Case,
    Entry,
    EntryKind,
    FollowUp,
    Identifier,
    LabResult,
    Medication,
    PatientRecord,
    Sex,
)
from cdss.textsafe import NumberTooLong, bounded_int, without_lone_surrogates

# ---------------------------------------------------------------------------------------------------------------
# Bundle reading
# ---------------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FhirImportResult:
    """What one bundle gave: the patients, and how many resources of each type were read or skipped."""

    records: tuple[PatientRecord, ...]
    read_counts: dict[str, int] = field(default_factory=dict)
    skipped_counts: dict[str, int] = field(default_factory=dict)


def load_bundle_json(path: Path | str, *, max_bytes: int = MAX_FHIR_BYTES) -> dict[str, Any]:
    """Read and JSON-parse a bundle file, refusing oversized, non-UTF-8, truncated or non-JSON content."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise reject("file_unreadable", f"Cannot read {path.name}: {exc.strerror}.", path=str(path), name=path.name,
                     reason=str(exc.strerror or exc)) from exc
    if size > max_bytes:
        raise reject(
            "file_too_large",
            f"{path.name} is {size / 1e6:.0f} MB; FHIR files over {max_bytes / 1e6:.0f} MB are refused. "
            "Export one patient per file and retry.",
            size=size,
            limit=max_bytes,
            name=path.name,
            size_mb=round(size / 1e6),
            limit_mb=round(max_bytes / 1e6),
        )
    data = path.read_bytes()
    return parse_bundle_bytes(data, name=path.name)


def parse_bundle_bytes(data: bytes, *, name: str = "the file") -> dict[str, Any]:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise reject(
            "fhir_not_utf8",
            f"{name} is not UTF-8 text (byte {exc.start}); FHIR JSON must be UTF-8. Re-export it as UTF-8.",
            position=exc.start,
            name=name,
        ) from exc
    if not text.strip():
        raise reject("fhir_empty", f"{name} is empty.", name=name)
    try:
        bundle = without_lone_surrogates(json.loads(text, parse_int=bounded_int))
    except NumberTooLong as exc:
        raise reject("fhir_not_json", f"{name} holds {exc}; no FHIR value is that long.", name=name) from exc
    except json.JSONDecodeError as exc:
        at_end = exc.pos >= len(text.rstrip()) - 1
        unclosed_string = exc.msg.startswith("Unterminated string") and text.find('"', exc.pos + 1) == -1
        hint = (
            " The file looks truncated (cut off before its end); copy or download it again."
            if (at_end or unclosed_string)
            else ""
        )
        raise reject(
            "fhir_not_json",
            f"{name} is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg}).{hint}",
            line=exc.lineno,
            column=exc.colno,
            name=name,
            truncated=bool(hint),
        ) from exc
    except RecursionError as exc:  # hostile nesting
        raise reject("fhir_not_json", f"{name} nests JSON too deeply to be a FHIR bundle.", name=name,
                     too_deep=True) from exc
    return bundle


def read_fhir_file(path: Path | str, progress: Progress | None = None) -> list[PatientRecord]:
    """Import every patient of a FHIR R4 Bundle file; raises :class:`ImportRejected` and returns nothing on error."""
    return list(import_bundle(load_bundle_json(path), progress=progress).records)


def import_bundle(bundle: Any, progress: Progress | None = None) -> FhirImportResult:
    if not isinstance(bundle, dict) or bundle.get("resourceType") != "Bundle":
        found = bundle.get("resourceType") if isinstance(bundle, dict) else type(bundle).__name__
        raise reject(
            "fhir_not_bundle",
            f"Expected a FHIR Bundle, found {found!r}. Export the patient as a Bundle (collection or transaction).",
            found=str(found),
        )
    if bundle.get("type") not in ACCEPTED_BUNDLE_TYPES:
        raise reject(
            "fhir_bundle_type",
            f"Bundle type {bundle.get('type')!r} cannot be imported; "
            f"expected one of {', '.join(ACCEPTED_BUNDLE_TYPES)}.",
            bundle_type=str(bundle.get("type")),
            accepted=", ".join(ACCEPTED_BUNDLE_TYPES),
        )
    entries = bundle.get("entry", [])
    if not isinstance(entries, list):
        raise reject("fhir_bad_bundle", "Bundle.entry must be a list.")
    reader = _BundleReader(entries, progress)
    try:
        return reader.run()
    except (AttributeError, TypeError, KeyError, IndexError, ValueError) as exc:
        # Hostile or badly generated JSON can put a string where an object belongs anywhere; whatever element the
        # mappers tripped on, the file as a whole is refused rather than half-read.
        where = reader.where(*reader.current) if reader.current else "the bundle"
        raise reject(
            "fhir_malformed_resource",
            f"{where} is not valid FHIR R4: an element has the wrong shape ({type(exc).__name__}: {exc}).",
            where=where,
        ) from exc


class _BundleReader:
    """Resolves references inside one bundle and assembles one PatientRecord per Patient."""

    def __init__(self, entries: list[Any], progress: Progress | None) -> None:
        self.progress = progress
        self.resources: list[tuple[int, dict[str, Any]]] = []
        self.by_ref: dict[str, dict[str, Any]] = {}
        for index, entry in enumerate(entries):
            resource = entry.get("resource") if isinstance(entry, dict) else None
            if not isinstance(resource, dict) or not isinstance(resource.get("resourceType"), str):
                raise reject(
                    "fhir_bad_entry", f"Bundle entry {index + 1} has no resource with a resourceType.", entry=index + 1
                )
            self.resources.append((index, resource))
            rtype, rid = resource["resourceType"], resource.get("id")
            if isinstance(entry.get("fullUrl"), str):
                self.by_ref[entry["fullUrl"]] = resource
            if isinstance(rid, str):
                self.by_ref[f"{rtype}/{rid}"] = resource
        self.read_counts: dict[str, int] = {}
        self.skipped_counts: dict[str, int] = {}
        self.current: tuple[int, dict[str, Any]] | None = None  # the resource being mapped, for error messages

    # -- reference helpers ------------------------------------------------------------------------------------
    def resolve(self, ref: Any) -> dict[str, Any] | None:
        if not isinstance(ref, dict) or not isinstance(ref.get("reference"), str):
            return None
        target = ref["reference"]
        if target in self.by_ref:
            return self.by_ref[target]
        parts = target.rstrip("/").split("/")
        if len(parts) >= 2 and "/".join(parts[-2:]) in self.by_ref:  # absolute URL ending in Type/id
            return self.by_ref["/".join(parts[-2:])]
        return None

    def where(self, index: int, resource: dict[str, Any]) -> str:
        return f"entry {index + 1} ({resource['resourceType']}/{resource.get('id', '?')})"

    # -- main loop --------------------------------------------------------------------------------------------
    def run(self) -> FhirImportResult:
        patients = [r for _, r in self.resources if r["resourceType"] == "Patient"]
        if not patients:
            raise reject("fhir_no_patient", "The bundle contains no Patient resource, so there is nothing to import.")
        builders: dict[int, _PatientBuilder] = {}
        for index, res in self.resources:
            if res["resourceType"] == "Patient":
                self.current = (index, res)
                builders[id(res)] = _PatientBuilder(self._patient(index, res))
        encounter_cases: dict[int, tuple[_PatientBuilder, dict[str, Any]]] = {}
        for index, res in self.resources:
            self.current = (index, res)
            if res["resourceType"] == "Encounter":
                builder = self._owner(index, res, builders, "subject")
                encounter_cases[id(res)] = (builder, self._encounter(index, res))
                builder.case_order.append(id(res))
        total = len(self.resources)
        for done, (index, res) in enumerate(self.resources):
            self.current = (index, res)
            if self.progress is not None and done % 250 == 0:
                self.progress.update(done, total, "Reading FHIR resources")
            rtype = res["resourceType"]
            if rtype == "CarePlan" and any(code_in(c, SYS_CARE_PLAN) for c in res.get("category") or []):
                rtype = "CarePlan (follow-ups)"  # only our own follow-up plans; other care plans are skipped
            if rtype not in SUPPORTED_TYPES:
                self.skipped_counts[rtype] = self.skipped_counts.get(rtype, 0) + 1
                continue
            self.read_counts[rtype] = self.read_counts.get(rtype, 0) + 1
            if rtype in ("Patient", "Encounter"):
                continue
            subject_key = "patient" if rtype == "AllergyIntolerance" else "subject"
            builder = self._owner(index, res, builders, subject_key)
            encounter = self.resolve(encounter_ref(res))
            case_key = id(encounter) if encounter is not None and id(encounter) in encounter_cases else None
            enc_start = encounter_cases[case_key][1]["opened"] if case_key is not None else None
            if rtype == "Condition":
                builder.add_entry(case_key, self._condition(index, res, enc_start), index)
            elif rtype == "Procedure":
                builder.add_entry(case_key, self._procedure(index, res, enc_start), index)
            elif rtype == "DocumentReference":
                builder.add_entry(case_key, self._document(index, res, enc_start), index)
            elif rtype in ("MedicationRequest", "MedicationStatement"):
                builder.medications.append(self._medication(index, res))
            elif rtype == "AllergyIntolerance":
                builder.allergies.append(self._allergy(index, res))
            elif rtype == "CarePlan (follow-ups)":
                builder.follow_ups.setdefault(case_key, []).extend(self._follow_ups(index, res))
            elif rtype == "Observation":
                entry_kind = extension_value(res, EXT_ENTRY_KIND)
                labs = self._observation(index, res, enc_start)
                if entry_kind is not None:  # a lab captured on the timeline by CDSS Desk's own export
                    kind = entry_kind_of(entry_kind, self.where(index, res))
                    text = as_str(extension_value(res, EXT_ENTRY_TEXT)) or ""
                    entry_time = extension_value(res, EXT_ENTRY_TIME)
                    when = parse_fhir_datetime(entry_time, self.where(index, res)) if entry_time else labs[0].taken_at
                    builder.add_entry(case_key, Entry(kind=kind, occurred_at=when, text=text, lab=labs[0]), index)
                else:
                    builder.add_labs(case_key, labs, index)
        order = self._composition_order()
        records = tuple(
            b.build({k: v for k, v in encounter_cases.items() if v[0] is b}, order) for b in builders.values()
        )
        if self.progress is not None:
            self.progress.update(total, total, "Reading FHIR resources")
        return FhirImportResult(records, dict(self.read_counts), dict(self.skipped_counts))

    def _owner(
        self, index: int, res: dict[str, Any], builders: dict[int, _PatientBuilder], key: str
    ) -> _PatientBuilder:
        target = self.resolve(res.get(key))
        if target is not None and id(target) in builders:
            return builders[id(target)]
        if len(builders) == 1 and not isinstance((res.get(key) or {}).get("reference"), str):
            return next(iter(builders.values()))  # a single-patient bundle may leave the subject implicit
        if len(builders) == 1 and target is None:
            return next(iter(builders.values()))
        raise reject(
            "fhir_unresolved_patient",
            f"{self.where(index, res)}: its {key} does not point to a Patient in this bundle.",
            where=self.where(index, res),
        )

    def _composition_order(self) -> dict[int, int]:
        """Bundle index → timeline position from a Composition section (our own exports), so equal timestamps
        keep the order the doctor gave them."""
        index_of = {id(res): index for index, res in self.resources}
        order: dict[int, int] = {}
        for _, res in self.resources:
            if res["resourceType"] != "Composition":
                continue
            for section in res.get("section") or []:
                for ref in section.get("entry") or [] if isinstance(section, dict) else []:
                    target = self.resolve(ref)
                    if target is not None and index_of[id(target)] not in order:
                        order[index_of[id(target)]] = len(order)
        return order

    # -- resource mappers -------------------------------------------------------------------------------------
    def _patient(self, index: int, res: dict[str, Any]) -> PatientRecord:
        name = human_name(res.get("name"))
        if not name:
            raise reject("fhir_patient_without_name", f"{self.where(index, res)}: the Patient has no name.",
                         where=self.where(index, res))
        extra: dict[str, str] = {}
        birth_date = None
        if res.get("birthDate") is not None:
            raw = res["birthDate"]
            birth_date = parse_fhir_date(raw, f"{self.where(index, res)} birthDate")
            if isinstance(raw, str) and len(raw) in (4, 7):  # keep precision: never invent a day or month
                extra["birth_date_precision"] = "year" if len(raw) == 4 else "month"
        identifiers = tuple(
            Identifier(identifier_system_from_fhir(i), str(i["value"]))
            for i in res.get("identifier") or []
            if isinstance(i, dict) and i.get("value") is not None and i.get("system") != IDENT_SOURCE_REF
        )
        telecom = [t for t in res.get("telecom") or [] if isinstance(t, dict)]
        phone = next((as_str(t.get("value")) for t in telecom if t.get("system") in ("phone", "sms")), None)
        email = next((as_str(t.get("value")) for t in telecom if t.get("system") == "email"), None)
        gender = res.get("gender")
        sex = {"male": Sex.MALE, "female": Sex.FEMALE, "other": Sex.OTHER}.get(gender, Sex.UNKNOWN)
        return PatientRecord(
            name=name,
            sex=sex,
            birth_date=birth_date,
            identifiers=identifiers,
            phone=phone,
            address=address_text(res.get("address")),
            email=email,
            tags=tags_of(res, SYS_PATIENT_TAG),
            notes=as_str(extension_value(res, EXT_PATIENT_NOTE)) or "",
            source_ref=source_ref_of(res),
            extra=extra,
        )

    def _encounter(self, index: int, res: dict[str, Any]) -> dict[str, Any]:
        period = res.get("period") if isinstance(res.get("period"), dict) else {}
        if not period.get("start"):
            raise reject(
                "fhir_encounter_without_start",
                f"{self.where(index, res)}: the Encounter has no period.start, so the case cannot be dated.",
                where=self.where(index, res),
            )
        opened = parse_fhir_datetime(period["start"], f"{self.where(index, res)} period.start")
        closed = parse_fhir_date(period["end"], f"{self.where(index, res)} period.end") if period.get("end") else None
        klass = res.get("class") if isinstance(res.get("class"), dict) else {}
        title = (
            text_of(first_item(res.get("type")))
            or as_str(klass.get("display"))
            or f"Encounter {opened.date().isoformat()}"
        )
        return {
            "opened": opened,
            "case": Case(
                title=title,
                opened_on=opened.date(),
                closed_on=closed,
                tags=tags_of(res, SYS_CASE_TAG),
                source_ref=source_ref_of(res),
            ),
        }

    def _when(
        self, index: int, res: dict[str, Any], keys: tuple[str, ...], fallback: dt.datetime | None
    ) -> dt.datetime:
        for key in keys:
            value = res.get(key)
            if isinstance(value, dict):  # a Period
                value = value.get("start")
            if value:
                return parse_fhir_datetime(value, f"{self.where(index, res)} {key}")
        if fallback is not None:
            return fallback
        raise reject(
            "fhir_resource_without_date",
            f"{self.where(index, res)} has no date ({' / '.join(keys)}) and no dated Encounter.",
            where=self.where(index, res),
            keys=" / ".join(keys),
        )

    def _condition(self, index: int, res: dict[str, Any], enc_start: dt.datetime | None) -> Entry:
        when = self._when(index, res, ("recordedDate", "onsetDateTime", "onsetPeriod"), enc_start)
        return Entry(
            EntryKind.DIAGNOSIS, when, coded_text(res.get("code")), icd10=code_in(res.get("code"), ICD10_SYSTEMS)
        )

    def _procedure(self, index: int, res: dict[str, Any], enc_start: dt.datetime | None) -> Entry:
        when = self._when(index, res, ("performedDateTime", "performedPeriod"), enc_start)
        return Entry(EntryKind.TREATMENT, when, coded_text(res.get("code")))

    def _document(self, index: int, res: dict[str, Any], enc_start: dt.datetime | None) -> Entry:
        when = self._when(index, res, ("date",), enc_start)
        kind_code = code_in(res.get("type"), SYS_ENTRY_KIND)
        kind = entry_kind_of(kind_code, self.where(index, res)) if kind_code else EntryKind.NOTE
        text_parts: list[str] = []
        attachment: Attachment | None = None
        for content in res.get("content") or []:
            att = content.get("attachment") if isinstance(content, dict) else None
            if not isinstance(att, dict):
                continue
            ctype = str(att.get("contentType") or "")
            sha = extension_value(att, EXT_ATTACHMENT_SHA256)
            if sha:
                attachment = Attachment(
                    sha256=sha,
                    filename=att.get("title") or "",
                    media_type=ctype,
                    size=int(att.get("size") or 0),
                    caption=extension_value(att, EXT_ATTACHMENT_CAPTION),
                )
            elif att.get("data") is not None and (ctype.startswith("text/") or not ctype):
                text_parts.append(decode_inline_text(att["data"], ctype, self.where(index, res)))
            elif att.get("url"):
                text_parts.append(f"{att.get('title') or res.get('description') or 'Document'}: {att['url']}")
        if not text_parts and not attachment and res.get("description"):
            text_parts.append(res["description"])
        return Entry(kind, when, "\n\n".join(text_parts), attachment=attachment)

    def _medication(self, index: int, res: dict[str, Any]) -> Medication:
        concept = res.get("medicationCodeableConcept")
        if concept is None and isinstance(res.get("medicationReference"), dict):
            med = self.resolve(res["medicationReference"])
            concept = med.get("code") if med else {"text": res["medicationReference"].get("display")}
        name = text_of(concept)
        if not name:
            raise reject(
                "fhir_medication_without_name",
                f"{self.where(index, res)}: the medication has no name or code display.",
                where=self.where(index, res),
            )
        coding = first_item(codings(concept)) or {}
        dosage = first_item(res.get("dosageInstruction") or res.get("dosage")) or {}
        period = res.get("effectivePeriod") if isinstance(res.get("effectivePeriod"), dict) else {}
        start_raw = period.get("start") or res.get("effectiveDateTime") or res.get("authoredOn")
        where = self.where(index, res)
        return Medication(
            name=name,
            dose=as_str(dosage.get("text")) if isinstance(dosage, dict) else None,
            route=text_of(dosage.get("route")) if isinstance(dosage, dict) else None,
            start=parse_fhir_date(start_raw, f"{where} start") if start_raw else None,
            end=parse_fhir_date(period["end"], f"{where} end") if period.get("end") else None,
            active=res.get("status") == "active",
            drug_id=as_str(extension_value(res, EXT_DRUG_ID)),
            code=as_str(coding.get("code")),
            code_system=as_str(coding.get("system")),
        )

    def _follow_ups(self, index: int, res: dict[str, Any]) -> list[FollowUp]:
        follow_ups = []
        for activity in res.get("activity") or []:
            detail = activity.get("detail") if isinstance(activity, dict) else None
            if not isinstance(detail, dict):
                continue
            period = detail.get("scheduledPeriod") if isinstance(detail.get("scheduledPeriod"), dict) else {}
            if not period.get("start"):
                raise reject("fhir_follow_up_without_date", f"{self.where(index, res)}: a follow-up has no date.",
                             where=self.where(index, res))
            due = parse_fhir_date(period["start"], f"{self.where(index, res)} scheduledPeriod.start")
            note = as_str(detail.get("description")) or ""
            follow_ups.append(FollowUp(due=due, note=note, done=detail.get("status") == "completed"))
        return follow_ups

    def _allergy(self, index: int, res: dict[str, Any]) -> Allergy:
        substance = text_of(res.get("code"))
        if not substance:
            raise reject(
                "fhir_allergy_without_substance",
                f"{self.where(index, res)}: the AllergyIntolerance does not name a substance.",
                where=self.where(index, res),
            )
        reaction = first_item(res.get("reaction")) or {}
        manifestation = first_item(reaction.get("manifestation"))
        reaction_text = None if code_in(manifestation, DATA_ABSENT) else text_of(manifestation)
        recorded = res.get("recordedDate")
        return Allergy(
            substance=substance,
            reaction=reaction_text,
            severity=as_str(reaction.get("severity")),
            verified=code_in(res.get("verificationStatus"), VER_STATUS) == "confirmed",
            recorded_on=parse_fhir_date(recorded, f"{self.where(index, res)} recordedDate") if recorded else None,
        )

    def _observation(self, index: int, res: dict[str, Any], enc_start: dt.datetime | None) -> list[LabResult]:
        name = text_of(res.get("code"))
        if not name:
            raise reject("fhir_observation_without_code", f"{self.where(index, res)}: the Observation has no code.",
                         where=self.where(index, res))
        taken = self._when(
            index, res, ("effectiveDateTime", "effectivePeriod", "effectiveInstant", "issued"), enc_start
        )
        value_text = as_str(extension_value(res, EXT_VALUE_TEXT))
        main = lab_from(name, taken, res, code_in(res.get("code"), LOINC), value_text)
        components = [c for c in res.get("component") or [] if isinstance(c, dict) and text_of(c.get("code"))]
        labs = [
            lab_from(text_of(c.get("code")) or "", taken, c, code_in(c.get("code"), LOINC), None) for c in components
        ]
        # A panel (blood pressure) carries its values in components only; keep the parent when it has its own value.
        if not components or has_value(res):
            labs.insert(0, main)
        return labs


class _PatientBuilder:
    def __init__(self, patient: PatientRecord) -> None:
        self.patient = patient
        self.case_order: list[int] = []
        self.entries: dict[int | None, list[tuple[int, Entry]]] = {}
        self.labs: dict[int | None, list[LabResult]] = {}
        self.medications: list[Medication] = []
        self.allergies: list[Allergy] = []
        self.follow_ups: dict[int | None, list[FollowUp]] = {}

    def add_entry(self, case_key: int | None, entry: Entry, index: int) -> None:
        self.entries.setdefault(case_key, []).append((index, entry))

    def add_labs(self, case_key: int | None, labs: list[LabResult], index: int) -> None:
        self.labs.setdefault(case_key, []).extend(labs)

    def build(self, encounters: dict[int, tuple[Any, dict[str, Any]]], order: dict[int, int]) -> PatientRecord:
        def sorted_entries(key: int | None) -> tuple[Entry, ...]:
            items = self.entries.get(key, [])
            if order and all(index in order for index, _ in items):  # our own document: Composition order
                return tuple(e for _, e in sorted(items, key=lambda pair: order[pair[0]]))
            return tuple(e for _, e in sorted(items, key=lambda pair: (pair[1].occurred_at, pair[0])))

        cases = [
            replace(
                encounters[key][1]["case"],
                entries=sorted_entries(key),
                labs=tuple(self.labs.get(key, ())),
                follow_ups=tuple(self.follow_ups.get(key, ())),
            )
            for key in self.case_order
        ]
        loose, loose_follow_ups = sorted_entries(None), tuple(self.follow_ups.get(None, ()))
        if loose or loose_follow_ups:
            dates = [e.occurred_at.date() for e in loose] + [f.due for f in loose_follow_ups]
            cases.append(Case(CATCH_ALL_TITLE, opened_on=min(dates), entries=loose, follow_ups=loose_follow_ups))
        return replace(
            self.patient,
            cases=tuple(cases),
            medications=tuple(self.medications),
            allergies=tuple(self.allergies),
            labs=tuple(self.labs.get(None, ())),
        )
