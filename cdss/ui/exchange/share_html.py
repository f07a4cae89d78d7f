"""The share preview as HTML: every field of the case, original beside what will be shared, changes highlighted.

The left column is the record as stored (only the case being shared), with each removed or changed identifier struck
through in red; the right column is the de-identified value that leaves the machine, replacements in green, or "not
shared" for fields the payload never carries (name, identifiers, contact details, notes, files). Below it comes the
exact JSON payload, so nothing is hidden behind the friendly view.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from html import escape

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from cdss.exchange.client.images import local_image
from cdss.exchange.client.share import SharePreview
from cdss.records.deidentify import Change
from cdss.records.types import Case, PatientRecord
from cdss.ui import palette

translate = QCoreApplication.translate


def removed_style() -> str:
    """An identifier that does not leave the machine: struck through, in red."""
    colours = palette.current()
    return f"background:{colours.removed_bg};color:{colours.removed_text};text-decoration:line-through"


def added_style() -> str:
    """What replaces it in the shared case: in green."""
    colours = palette.current()
    return f"background:{colours.added_bg};color:{colours.added_text}"


def not_shared_style() -> str:
    return f"color:{palette.current().text_subtle};font-style:italic"

_LABELS = {
    "name": QT_TRANSLATE_NOOP("ShareDialog", "Name"), "sex": QT_TRANSLATE_NOOP("ShareDialog", "Sex"),
    "birth_date": QT_TRANSLATE_NOOP("ShareDialog", "Birth date"),
    "identifiers": QT_TRANSLATE_NOOP("ShareDialog", "Identifier"), "phone": QT_TRANSLATE_NOOP("ShareDialog", "Phone"),
    "email": QT_TRANSLATE_NOOP("ShareDialog", "E-mail"), "address": QT_TRANSLATE_NOOP("ShareDialog", "Address"),
    "notes": QT_TRANSLATE_NOOP("ShareDialog", "Notes"), "tags": QT_TRANSLATE_NOOP("ShareDialog", "Tag"),
    "allergies": QT_TRANSLATE_NOOP("ShareDialog", "Allergy"),
    "medications": QT_TRANSLATE_NOOP("ShareDialog", "Medication"),
    "title": QT_TRANSLATE_NOOP("ShareDialog", "Case title"), "opened_on": QT_TRANSLATE_NOOP("ShareDialog", "Opened"),
    "closed_on": QT_TRANSLATE_NOOP("ShareDialog", "Closed"), "entries": QT_TRANSLATE_NOOP("ShareDialog", "Entry"),
    "labs": QT_TRANSLATE_NOOP("ShareDialog", "Lab"), "follow_ups": QT_TRANSLATE_NOOP("ShareDialog", "Follow-up"),
    "attachment": QT_TRANSLATE_NOOP("ShareDialog", "File"),
}
# Sub-fields, named by the list they belong to: a medication's "name" is its drug, not the patient's name.
_FIELDS = {
    ("allergies", "substance"): QT_TRANSLATE_NOOP("ShareDialog", "substance"),
    ("allergies", "reaction"): QT_TRANSLATE_NOOP("ShareDialog", "reaction"),
    ("medications", "name"): QT_TRANSLATE_NOOP("ShareDialog", "drug"),
    ("medications", "dose"): QT_TRANSLATE_NOOP("ShareDialog", "dose"),
    ("medications", "route"): QT_TRANSLATE_NOOP("ShareDialog", "route"),
    ("medications", "start"): QT_TRANSLATE_NOOP("ShareDialog", "start"),
    ("medications", "end"): QT_TRANSLATE_NOOP("ShareDialog", "end"),
    ("entries", "occurred_at"): QT_TRANSLATE_NOOP("ShareDialog", "time"),
    ("entries", "text"): QT_TRANSLATE_NOOP("ShareDialog", "text"),
    ("attachment", "filename"): QT_TRANSLATE_NOOP("ShareDialog", "file name"),
    ("labs", "name"): QT_TRANSLATE_NOOP("ShareDialog", "test"),
    ("labs", "taken_at"): QT_TRANSLATE_NOOP("ShareDialog", "time"),
    ("follow_ups", "due"): QT_TRANSLATE_NOOP("ShareDialog", "due"),
    ("follow_ups", "note"): QT_TRANSLATE_NOOP("ShareDialog", "note"),
}
# Fields of the record the payload carries (see cdss.exchange.client.share._structured_content); the rest stay here.
_SHARED = re.compile(r"^(sex|birth_date|allergies\[|medications\[|"
                     r"cases\[0\]\.(?!source_ref|entries\[\d+\]\.attachment))")

Row = tuple[str, str | None, str | None]  # path, original value, de-identified value


def field_label(path: str) -> str:
    """``cases[0].entries[3].text`` → "Entry 4 · text" (translated where a name is known)."""
    parts = []
    parent = None
    for part in path.removeprefix("cases[0].").split("."):
        match = re.fullmatch(r"(\w+)\[(\d+)\]", part)
        name, index = (match.group(1), int(match.group(2)) + 1) if match else (part, None)
        if (parent, name) in _FIELDS:
            label = translate("ShareDialog", _FIELDS[(parent, name)])
        elif name in _LABELS:
            label = translate("ShareDialog", _LABELS[name])
        else:  # a field no label was written for: shown as its name rather than hidden
            label = name.replace("_", " ")
        parts.append(label if index is None else f"{label} {index}")
        parent = name
    return " · ".join(parts)


def record_rows(original: PatientRecord, clean: PatientRecord) -> Iterator[Row]:
    """Pairs of values at the same path; the de-identified record has the same shape, minus removed lists."""
    def val(value: object) -> str | None:
        if value is None or value == "":
            return None
        if isinstance(value, dt.datetime):
            return value.isoformat(sep=" ", timespec="minutes")
        return value.isoformat() if isinstance(value, dt.date) else str(value)

    yield "name", val(original.name), val(clean.name)
    yield "sex", val(original.sex.value), val(clean.sex.value)
    birth = clean.extra.get("age_group") or (str(clean.birth_date.year) if clean.birth_date else None)
    yield "birth_date", val(original.birth_date), birth
    for i, ident in enumerate(original.identifiers):
        yield f"identifiers[{i}]", f"{ident.system}: {ident.value}", None
    for key in ("phone", "email", "address", "notes"):
        yield key, val(getattr(original, key)), val(getattr(clean, key))
    for i, tag in enumerate(original.tags):
        yield f"tags[{i}]", tag, _at(clean.tags, i)
    for i, allergy in enumerate(original.allergies):
        other = _at(clean.allergies, i)
        yield f"allergies[{i}].substance", allergy.substance, other and other.substance
        yield f"allergies[{i}].reaction", val(allergy.reaction), other and val(other.reaction)
    for i, med in enumerate(original.medications):
        other = _at(clean.medications, i)
        for key in ("name", "dose", "route", "start", "end"):
            yield f"medications[{i}].{key}", val(getattr(med, key)), other and val(getattr(other, key))
    if original.cases and clean.cases:
        yield from _case_rows(original.cases[0], clean.cases[0], val)


def _case_rows(case: Case, clean: Case, val) -> Iterator[Row]:
    for key in ("title", "opened_on", "closed_on"):
        yield f"cases[0].{key}", val(getattr(case, key)), val(getattr(clean, key))
    for i, tag in enumerate(case.tags):
        yield f"cases[0].tags[{i}]", tag, _at(clean.tags, i)
    for i, entry in enumerate(case.entries):
        other = _at(clean.entries, i)
        path = f"cases[0].entries[{i}]"
        yield f"{path}.occurred_at", val(entry.occurred_at), other and val(other.occurred_at)
        yield f"{path}.text", val(entry.text), other and val(other.text)
        if entry.attachment is not None:
            yield f"{path}.attachment.filename", entry.attachment.filename, None
    for i, lab in enumerate(case.labs):
        other = _at(clean.labs, i)
        yield f"cases[0].labs[{i}].name", lab.name, other and other.name
        yield f"cases[0].labs[{i}].taken_at", val(lab.taken_at), other and val(other.taken_at)
    for i, follow_up in enumerate(case.follow_ups):
        other = _at(clean.follow_ups, i)
        yield f"cases[0].follow_ups[{i}].due", val(follow_up.due), other and val(other.due)
        yield f"cases[0].follow_ups[{i}].note", val(follow_up.note), other and val(other.note)


def _at(items: tuple, index: int):
    return items[index] if index < len(items) else None


def _marked_original(value: str, changes: list[Change]) -> str:
    spans = sorted((c.start, c.end) for c in changes if c.start is not None and c.end is not None)
    if not spans:
        return f"<span style='{removed_style()}'>{escape(value)}</span>" if changes else escape(value)
    out, cursor = [], 0
    for start, end in spans:
        if start < cursor:
            continue  # overlapping findings: the first already covers it
        out.append(escape(value[cursor:start]))
        out.append(f"<span style='{removed_style()}'>{escape(value[start:end])}</span>")
        cursor = end
    out.append(escape(value[cursor:]))
    return "".join(out)


def _marked_shared(value: str, changes: list[Change]) -> str:
    if changes and all(c.start is None for c in changes):
        return f"<span style='{added_style()}'>{escape(value)}</span>"  # the whole field was replaced (e.g. a date)
    replacements = sorted({c.replacement for c in changes if c.replacement}, key=len, reverse=True)
    if not replacements:
        return escape(value)
    pattern = re.compile("|".join(re.escape(r) for r in replacements))
    out, cursor = [], 0
    for match in pattern.finditer(value):
        out.append(escape(value[cursor:match.start()]))
        out.append(f"<span style='{added_style()}'>{escape(match.group())}</span>")
        cursor = match.end()
    out.append(escape(value[cursor:]))
    return "".join(out)


def images_html(preview: SharePreview, workspace=None) -> str:
    """The pictures that will be sent (their metadata-free copies, as thumbnails when given the workspace)."""
    from cdss.ui.exchange.case_html import image_tag

    out = []
    if preview.images:
        count = len(preview.images)
        title = translate("ShareDialog", "One picture will be sent (metadata removed: location, camera, dates)") \
            if count == 1 else translate("ShareDialog", "{count} pictures will be sent (metadata removed: location, "
                                                        "camera, dates)").format(count=count)
        cells = []
        for image in preview.images:
            path = local_image(workspace, image.sha256) if workspace is not None else None
            picture = image_tag(path, 140) + "<br>" if path is not None else ""
            size = translate("ShareDialog", "{size} KB").format(size=max(1, round(image.size / 1024)))
            cells.append(f"<td valign='top'>{picture}{escape(image.source_filename)} · {escape(size)}<br>"
                         f"{escape(image.caption)}</td>")
        rows = "".join("<tr>" + "".join(cells[i:i + 4]) + "</tr>" for i in range(0, len(cells), 4))
        look = translate("ShareDialog", "Metadata is removed, not what the picture shows: check that no face, name "
                                        "or ID number is visible.")
        out.append(f"<p><b>{escape(title)}</b></p><p style='color:{palette.current().warning}'>{escape(look)}</p>"
                   f"<table cellpadding='4'>{rows}</table>")
    if preview.skipped_attachments:
        skipped = translate("ShareDialog", "Not sent (only JPEG and PNG pictures are shared): {files}").format(
            files=", ".join(preview.skipped_attachments))
        out.append(f"<p style='{not_shared_style()}'>{escape(skipped)}</p>")
    return "".join(out)


def preview_html(preview: SharePreview, workspace=None) -> str:
    by_path: dict[str, list[Change]] = {}
    for change in preview.changes:
        by_path.setdefault(change.field_path, []).append(change)
    not_shared = escape(translate("ShareDialog", "not shared"))
    rows = []
    if preview.original is not None and preview.deidentified is not None:
        for path, original, clean in record_rows(preview.original, preview.deidentified):
            if original is None:
                continue
            changes = by_path.get(path, [])
            left = _marked_original(original, changes)
            if not _SHARED.match(path) or clean is None:
                right = f"<span style='{not_shared_style()}'>{not_shared}</span>"
            else:
                right = _marked_shared(clean, changes)
            mark = f" style='background:{palette.current().changed_bg}'" if changes else ""
            rows.append(f"<tr{mark}><td style='color:{palette.current().text_muted}'>{escape(field_label(path))}</td>"
                        f"<td>{left}</td>"
                        f"<td>{right}</td></tr>")
    head_field = escape(translate("ShareDialog", "Field"))
    head_original = escape(translate("ShareDialog", "Original (stays on this computer)"))
    head_shared = escape(translate("ShareDialog", "What will be shared"))
    summary = escape(translate("ShareDialog", "{count} identifiers removed or changed.").format(
        count=len(preview.changes)))
    exact = escape(translate("ShareDialog", "Exactly what will be sent:"))
    return (f"<p><b>{summary}</b></p>"
            f"<table border='1' cellspacing='0' cellpadding='4' width='100%'><tr><th>{head_field}</th>"
            f"<th>{head_original}</th><th>{head_shared}</th></tr>{''.join(rows)}</table>"
            f"{images_html(preview, workspace)}"
            f"<p><b>{exact}</b></p><pre style='white-space:pre-wrap'>{escape(preview.payload_json())}</pre>")
