"""The planted corpus (``deid_planted.py``) through the real de-identification and the share payload builder.

Each planted identifier is counted per category; the tests fail on any leak and on any clinical word lost. Run this
file as a script to print the per-category table (``python tests/unit/records/test_deid_planted.py``); put another
checkout first on ``PYTHONPATH`` to measure that version of the scrubber instead.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import importlib.util
import io
import json
import re
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

import pytest

from cdss.records.deidentify import date_offset_days, deidentify
from cdss.records.types import (
    Allergy,
    Attachment,
    Case,
    Entry,
    EntryKind,
    FollowUp,
    LabResult,
    Medication,
    PatientRecord,
)

_spec = importlib.util.spec_from_file_location("deid_planted", Path(__file__).with_name("deid_planted.py"))
assert _spec is not None and _spec.loader is not None
corpus = importlib.util.module_from_spec(_spec)
sys.modules["deid_planted"] = corpus  # dataclasses look their module up by name
_spec.loader.exec_module(corpus)

SECRET = b"planted-corpus-secret-0123456789"
TODAY = dt.date(2026, 12, 2)
OPENED = dt.date(2023, 4, 20)
AT = dt.datetime(2023, 4, 20, 9, 30)
CJK = re.compile(r"[\u3400-\u9fff]")
_ISO_DATE = re.compile(r"\d{4}-\d\d-\d\d(?:[ T]\d\d:\d\d(?::\d\d)?)?")
# Fields the share payload carries (patient notes, patient tags, extra and loose labs stay on the machine; a stored
# ICD-10 code and an allergy's severity are checked on the way in, so free text cannot reach the payload through them).
SHARED_FIELDS = {
    "history", "complaint", "progress", "diagnosis", "lab_unit", "lab_comment", "lab_name", "med_name",
    "med_dose", "med_route", "caption", "case_title", "follow_up", "allergy_reaction", "allergy_substance", "case_tag",
}  # fmt: skip
_ENTRY_KINDS = {"history": EntryKind.HISTORY, "complaint": EntryKind.COMPLAINT, "progress": EntryKind.PROGRESS,
                "diagnosis": EntryKind.DIAGNOSIS}  # fmt: skip


def _tiny_png() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (4, 4), (10, 20, 30)).save(out, format="PNG")
    return out.getvalue()


def texts_of(plant, index: int) -> dict[str, str]:
    texts = {corpus.assigned_field(index): plant.text}
    for name, text in plant.also.items():
        texts[name] = f"{texts[name]} {text}" if name in texts else text
    return texts


def build_record(plant, index: int, attachment: Attachment | None = None) -> PatientRecord:
    """A minimal record with the plant's text in its field(s); every other field holds neutral clinical text."""
    t = texts_of(plant, index)
    chinese = CJK.search(plant.text) is not None
    name = plant.patient or ("赵敏" if chinese else "Robert Miller")
    entries = [Entry(kind, AT + dt.timedelta(hours=i), t.get(key, "查体无特殊" if chinese else "Exam unremarkable"))
               for i, (key, kind) in enumerate(_ENTRY_KINDS.items())]
    entries.append(Entry(EntryKind.DIAGNOSIS, AT + dt.timedelta(hours=5), "2型糖尿病", icd10=t.get("icd10", "E11.9")))
    photo = attachment or Attachment("a" * 64, "photo.png", "image/png", 10)
    entries.append(Entry(EntryKind.ATTACHMENT, AT + dt.timedelta(hours=6),
                         attachment=dataclasses.replace(photo, caption=t.get("caption", "伤口照片"))))
    lab = LabResult(t.get("lab_name", "肌酐"), AT, 88.0, value_text=t.get("lab_comment", "88"),
                    unit=t.get("lab_unit", "μmol/L"), ref_low=57, ref_high=97, loinc="2160-0")
    case = Case(
        t.get("case_title", "胸痛待查"), OPENED, entries=tuple(entries),
        follow_ups=(FollowUp(OPENED + dt.timedelta(days=14), t.get("follow_up", "复查血脂")),),
        labs=(lab,), tags=(t.get("case_tag", "cardiology"),),
    )
    return PatientRecord(
        name=name,
        allergies=(Allergy(t.get("allergy_substance", "青霉素"), t.get("allergy_reaction", "皮疹"),
                           severity=t.get("allergy_severity", "moderate")),),
        medications=(Medication(t.get("med_name", "metformin"), t.get("med_dose", "500 mg bid"),
                                route=t.get("med_route", "po")),),
        cases=(case,),
        tags=(t.get("patient_tag", "DM"),),
        notes=t.get("notes", ""),
        extra={"备注": t["extra"]} if "extra" in t else {},
        labs=(LabResult("HbA1c", AT, 7.2, unit=t.get("loose_lab_unit", "%")),),
    )


def case_key_for(index: int) -> str:
    """A case key whose date shift is over 40 days, so a month-only date cannot stay in its month by chance."""
    n = 0
    while abs(date_offset_days(SECRET, f"plant-{index}-{n}")) < 40:
        n += 1
    return f"plant-{index}-{n}"


def strings_in(value: object) -> list[str]:
    found: list[str] = []

    def walk(v: object) -> None:
        if isinstance(v, str):
            found.append(v)
        elif isinstance(v, dict):
            for item in v.values():
                walk(item)
        elif isinstance(v, list | tuple):
            for item in v:
                walk(item)
        elif dataclasses.is_dataclass(v) and not isinstance(v, type):
            walk(dataclasses.asdict(v))

    walk(value)
    return found


def survives(identifier: str, strings: Iterable[str]) -> bool:
    strings = list(strings)
    if CJK.search(identifier):
        found = any(identifier in s for s in strings)
    else:
        pattern = re.compile(rf"(?<![A-Za-z0-9]){re.escape(identifier)}(?![A-Za-z0-9])", re.IGNORECASE)
        found = any(pattern.search(s) for s in strings)
    digits = re.sub(r"\D", "", identifier)
    if len(digits) >= 7:
        found = found or any(digits in re.sub(r"\D", "", s) for s in strings)
    return found


def leak_table(scrub: Callable[[object, int], list[str]]) -> tuple[dict[str, list[int]], list[str]]:
    """``{category: [leaked, planted]}`` and a line per leak, for ``scrub(plant, index) -> output strings``."""
    table: dict[str, list[int]] = {}
    leaks: list[str] = []
    for index, plant in enumerate(corpus.PLANTS):
        out = scrub(plant, index)
        row = table.setdefault(plant.category, [0, 0])
        for identifier in plant.ids:
            row[1] += 1
            if survives(identifier, out):
                row[0] += 1
                leaks.append(f"{plant.category}: {identifier!r} in {corpus.assigned_field(index)} ← {plant.text!r}")
    return table, leaks


def scrub_record(plant, index: int) -> list[str]:
    result = deidentify(build_record(plant, index), SECRET, case_key=case_key_for(index), today=TODAY)
    return strings_in(result.record)


def format_table(table: dict[str, list[int]]) -> str:
    lines = [f"{'category':<14} leaked/planted"]
    lines += [f"{cat:<14} {leaked:>3}/{planted:<3}" for cat, (leaked, planted) in table.items()]
    total = [sum(v[0] for v in table.values()), sum(v[1] for v in table.values())]
    return "\n".join([*lines, f"{'total':<14} {total[0]:>3}/{total[1]:<3}"])


# -- tests ----------------------------------------------------------------------------------------------------------
def test_corpus_is_large_and_covers_every_field_and_category():
    planted = sum(len(p.ids) for p in corpus.PLANTS)
    assert planted >= 300
    categories = {p.category for p in corpus.PLANTS}
    assert {"patient_name", "relative", "clinician", "hospital", "employer", "school", "phone", "email",
            "id_number", "address", "url_ip", "vehicle", "bank_card", "date", "age_over_89", "device"} <= categories
    used = {corpus.assigned_field(i) for i in range(len(corpus.PLANTS))}
    assert used == set(corpus.FIELDS)


def test_no_planted_identifier_survives_deidentification():
    table, leaks = leak_table(scrub_record)
    print("\n" + format_table(table))
    assert leaks == [], "\n".join(leaks)


def test_clinical_content_next_to_identifiers_survives():
    lost = []
    for index, plant in enumerate(corpus.PLANTS):
        out = " ".join(scrub_record(plant, index))
        lost += [f"{word!r} ← {plant.text!r}" for word in plant.keep if word not in out]
    assert lost == [], "\n".join(lost)


@pytest.mark.parametrize("text", corpus.FALSE_POSITIVES)
def test_clinical_text_is_not_taken_for_an_identifier(text):
    entry = Entry(EntryKind.HISTORY, AT, text)
    med = Medication(text, "10 g")
    record = PatientRecord(name="赵敏", notes=text, medications=(med,),
                           cases=(Case("x", OPENED, entries=(entry,), labs=(LabResult("x", AT, 1.0, unit=text),)),))
    out = deidentify(record, SECRET, case_key="fp", today=TODAY).record
    assert out.notes == text
    assert out.cases[0].entries[0].text == text
    assert out.medications[0].name == text
    assert out.cases[0].labs[0].unit == text


@pytest.mark.parametrize("text", ["Aa " * 20000, "Dr " * 20000, "works at " + "Aa " * 20000, "医院" * 25000,
                                  "买买·" * 15000, "）" * 50000 + "有限公司", "主任" * 25000, "九" * 50000 + "岁"])
def test_hostile_text_for_the_institution_and_clinician_rules_is_handled(text):
    # Unbounded repetitions over runs of capitalised words once made these take minutes.
    out = deidentify(PatientRecord(name="张三", notes=text), SECRET, case_key="k", today=TODAY).record.notes
    assert isinstance(out, str)


def test_no_planted_identifier_survives_the_share_payload(workspace):
    import uuid

    from cdss.exchange.client.share import build_share_preview, workspace_secret
    from cdss.exchange.models import ExchangeCaseLinkRow
    from cdss.records.attachments import AttachmentStore
    from cdss.records.service import RecordsService

    service = RecordsService(workspace, today=lambda: TODAY)
    photo = AttachmentStore(workspace.attachments_dir).put_bytes(_tiny_png(), "photo.png")
    secret = workspace_secret(workspace)

    def link_with_a_large_shift(case_id: int) -> None:
        """The case uuid is the date-shift key: pick one that moves dates by over 40 days, as ``case_key_for`` does."""
        key = str(uuid.uuid4())
        while abs(date_offset_days(secret, key)) < 40:
            key = str(uuid.uuid4())
        with workspace.unit_of_work() as session:
            session.add(ExchangeCaseLinkRow(case_id=case_id, case_uuid=key))

    def scrub_payload(plant, index: int) -> list[str]:
        if corpus.assigned_field(index) not in SHARED_FIELDS:
            return []
        patient_id = service.patients.save_record(build_record(plant, index, photo))
        case_id = service.patients.get(patient_id).cases[0].id
        link_with_a_large_shift(case_id)
        preview = build_share_preview(workspace, case_id, today=TODAY)
        strings = strings_in(preview.payload.model_dump(mode="json")) + strings_in(json.loads(preview.payload.body))
        # The structured dates are shifted dates written as text; one may happen to start like a planted month.
        return [s for s in strings if not _ISO_DATE.fullmatch(s)]

    table, leaks = leak_table(scrub_payload)
    assert leaks == [], "\n".join(leaks)


if __name__ == "__main__":
    found, lines = leak_table(scrub_record)
    print(format_table(found))
    if "-v" in sys.argv:
        print("\n".join(lines))
