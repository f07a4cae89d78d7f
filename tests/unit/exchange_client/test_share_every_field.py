"""Every string field of a record goes through the scrubber before a share: the test walks the record types the
share payload is built from, plants a different identifier in each string field (patient, case, entries, labs with
unit and comment, diagnoses with their code, medications with their code and display, allergies, attachment
captions, tags, extra …), builds the preview and looks for the identifiers in the payload. A field added to the
types later is planted automatically, so it cannot reach the exchange unscrubbed by accident.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import json
import re
import types
import typing
from enum import Enum

import pytest

from cdss.errors import UserError
from cdss.exchange.client.share import build_share_preview
from cdss.exchange.schemas import CasePublish
from cdss.records.attachments import AttachmentStore
from cdss.records.deidentify import deidentify
from cdss.records.service import RecordsService
from cdss.records.types import PatientRecord
from cdss.workspace import Workspace

TODAY = dt.date(2026, 12, 2)
# Fields that are not text: the content hash of a stored file (what the image upload is addressed by).
NOT_TEXT = {"sha256"}
# Fields the store checks against a closed list, so no free text can be stored in them; ``test_the_store_refuses_
# free_text_in_checked_fields`` keeps this exemption honest.
STORE_CHECKED = {"icd10": "E11.9", "severity": "moderate"}


class Planter:
    """Hands out a different mobile number for each string field, and remembers which field got which."""

    def __init__(self) -> None:
        self.planted: dict[str, str] = {}

    def __call__(self, path: str) -> str:
        value = f"139{len(self.planted) + 1:08d}"
        self.planted[path] = value
        return f"备注 {value}"


def _unwrap(hint: object) -> tuple[object, bool]:
    """``X | None`` → (X, True)."""
    args = typing.get_args(hint)
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        rest = [a for a in args if a is not type(None)]
        return (rest[0] if len(rest) == 1 else hint), type(None) in args
    return hint, False


def build(cls: type, path: str, plant: Planter, overrides: dict[str, object]) -> object:
    """An instance of the dataclass ``cls`` with every string field planted, walking nested records."""
    values: dict[str, object] = {}
    for f in dataclasses.fields(cls):
        hint, _optional = _unwrap(typing.get_type_hints(cls)[f.name])
        where = f"{path}.{f.name}" if path else f.name
        if f.name in overrides:
            values[f.name] = overrides[f.name]
        elif hint is str:
            values[f.name] = plant(where)
        elif typing.get_origin(hint) is tuple:
            item = typing.get_args(hint)[0]
            if item is str:
                values[f.name] = (plant(f"{where}[0]"),)
            else:
                values[f.name] = (build(item, f"{where}[0]", plant, overrides),)
        elif typing.get_origin(hint) is dict:
            values[f.name] = {"note": plant(f"{where}[note]")}
        elif dataclasses.is_dataclass(hint):
            values[f.name] = build(hint, where, plant, overrides)
        elif isinstance(hint, type) and issubclass(hint, Enum):
            values[f.name] = list(hint)[0]
        elif hint is dt.datetime:
            values[f.name] = dt.datetime(2024, 3, 5, 10, 30)
        elif hint is dt.date:
            values[f.name] = dt.date(2024, 3, 5)
        elif hint is float:
            values[f.name] = 1.5
        elif hint is bool:
            values[f.name] = True
        elif hint is int:
            values[f.name] = None if f.name == "id" else 10
        else:  # pragma: no cover - a new kind of field: teach the walker about it
            raise AssertionError(f"unknown field type {hint!r} at {where}")
    return cls(**values)


def strings_in(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in strings_in(v)]
    if isinstance(value, list | tuple):
        return [s for v in value for s in strings_in(v)]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return strings_in(dataclasses.asdict(value))
    return []


def surviving(planted: dict[str, str], strings: list[str]) -> list[str]:
    digits = [re.sub(r"\D", "", s) for s in strings]
    return [f"{path} = {value}" for path, value in planted.items() if any(value in d for d in digits)]


def _png() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (4, 4), (1, 2, 3)).save(out, format="PNG")
    return out.getvalue()


def test_the_walker_plants_every_string_field():
    plant = Planter()
    build(PatientRecord, "", plant, {})
    for expected in ("name", "phone", "notes", "extra[note]", "cases[0].title", "cases[0].entries[0].text",
                     "cases[0].entries[0].icd10", "cases[0].entries[0].lab.unit", "cases[0].labs[0].value_text",
                     "cases[0].entries[0].attachment.caption", "medications[0].name", "medications[0].code",
                     "allergies[0].severity", "cases[0].tags[0]", "labs[0].unit", "identifiers[0].value"):
        assert expected in plant.planted, expected


def test_deidentify_scrubs_every_string_field():
    plant = Planter()
    record = build(PatientRecord, "", plant, {})
    result = deidentify(record, b"s" * 32, case_key="every-field", today=TODAY)
    planted = {p: v for p, v in plant.planted.items() if p.rsplit(".", 1)[-1] not in NOT_TEXT}
    assert surviving(planted, strings_in(result.record)) == []


@pytest.mark.parametrize("field", sorted(STORE_CHECKED))
def test_the_store_refuses_free_text_in_checked_fields(workspace: Workspace, field: str):
    # Every other checked field holds a valid value, so the refusal is about this one's planted text.
    record = build(PatientRecord, "", Planter(), {k: v for k, v in STORE_CHECKED.items() if k != field})
    with pytest.raises(UserError):
        RecordsService(workspace, today=lambda: TODAY).patients.save_record(record)


def test_no_string_field_reaches_the_share_payload_unscrubbed(workspace: Workspace):
    photo = AttachmentStore(workspace.attachments_dir).put_bytes(_png(), "photo.png")
    plant = Planter()
    overrides: dict[str, object] = {**STORE_CHECKED, "sha256": photo.sha256, "media_type": photo.media_type,
                                    "size": photo.size}
    record = build(PatientRecord, "", plant, overrides)
    service = RecordsService(workspace, today=lambda: TODAY)
    case_id = service.patients.get(service.patients.save_record(record)).cases[0].id
    preview = build_share_preview(workspace, case_id, today=TODAY)

    payload = preview.payload.model_dump(mode="json")
    strings = strings_in(payload) + strings_in(json.loads(preview.payload.body))
    assert preview.images and preview.images[0].caption  # the caption really travels, so it really is checked
    assert surviving(plant.planted, strings) == []
    # Every string the payload schema can hold was looked at: nothing is left out of the walk above.
    assert {name for name, f in CasePublish.model_fields.items() if "str" in str(f.annotation)} <= set(payload)


def test_calendar_end_dates_in_every_field_do_not_crash_the_preview(workspace: Workspace):
    photo = AttachmentStore(workspace.attachments_dir).put_bytes(_png(), "photo.png")
    overrides: dict[str, object] = {**STORE_CHECKED, "sha256": photo.sha256, "media_type": photo.media_type,
                                    "size": photo.size, "birth_date": dt.date(1, 1, 1)}
    record = build(PatientRecord, "", Planter(), overrides)
    ends = dataclasses.replace(
        record.cases[0],
        opened_on=dt.date(1, 1, 1), closed_on=dt.date(9999, 12, 31),
        entries=tuple(dataclasses.replace(e, occurred_at=dt.datetime(9999, 12, 31, 23, 59), text="至 9999-12-31")
                      for e in record.cases[0].entries),
    )
    record = dataclasses.replace(record, cases=(ends,))
    service = RecordsService(workspace, today=lambda: TODAY)
    case_id = service.patients.get(service.patients.save_record(record)).cases[0].id
    preview = build_share_preview(workspace, case_id, today=TODAY)
    assert json.loads(preview.payload.body)["case"]["entries"]
