"""Renders a case as an HTML timeline for a QTextBrowser: one dated block per entry, coloured by kind.

With ``editable=True`` each entry and follow-up carries small action links (``entry-edit:ID``, ``entry-delete:ID``,
``attachment-open:ID``, ``follow-up-edit:ID``, ``follow-up-done:ID``, ``follow-up-delete:ID``) that the page routes to
:class:`cdss.ui.records.entry_editor.TimelineEditor`; photos show as thumbnails when ``thumbnail`` gives an image
address (``cdss-thumb:<sha256>``, which :class:`TimelineBrowser` resolves from memory: no decrypted file is written).
"""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QUrl
from PySide6.QtGui import QImage, QTextDocument
from PySide6.QtWidgets import QTextBrowser, QWidget

from cdss.records.types import Attachment, Case, Entry, EntryKind, LabResult, PatientRecord
from cdss.ui import palette

KIND_TEXTS = {
    EntryKind.COMPLAINT: QT_TRANSLATE_NOOP("Timeline", "Chief complaint"),
    EntryKind.HISTORY: QT_TRANSLATE_NOOP("Timeline", "History"),
    EntryKind.EXAM: QT_TRANSLATE_NOOP("Timeline", "Examination"),
    EntryKind.TEST: QT_TRANSLATE_NOOP("Timeline", "Tests"),
    EntryKind.DIAGNOSIS: QT_TRANSLATE_NOOP("Timeline", "Diagnosis"),
    EntryKind.TREATMENT: QT_TRANSLATE_NOOP("Timeline", "Treatment"),
    EntryKind.MEDICATION: QT_TRANSLATE_NOOP("Timeline", "Medication"),
    EntryKind.PROGRESS: QT_TRANSLATE_NOOP("Timeline", "Progress note"),
    EntryKind.ATTACHMENT: QT_TRANSLATE_NOOP("Timeline", "Photo or file"),
    EntryKind.FOLLOW_UP: QT_TRANSLATE_NOOP("Timeline", "Follow-up"),
    EntryKind.NOTE: QT_TRANSLATE_NOOP("Timeline", "Note"),
}

#: The palette role that colours each kind's label and stripe.
KIND_ROLES = {
    EntryKind.COMPLAINT: "kind_complaint", EntryKind.HISTORY: "kind_history", EntryKind.EXAM: "kind_exam",
    EntryKind.TEST: "kind_test", EntryKind.DIAGNOSIS: "kind_diagnosis", EntryKind.TREATMENT: "kind_treatment",
    EntryKind.MEDICATION: "kind_medication", EntryKind.PROGRESS: "kind_progress",
    EntryKind.ATTACHMENT: "kind_attachment", EntryKind.FOLLOW_UP: "kind_follow_up", EntryKind.NOTE: "kind_note",
}


def kind_colour(kind: EntryKind) -> str:
    """The kind's colour in the palette in use."""
    return palette.current()[KIND_ROLES.get(kind, "kind_note")]


def kind_text(kind: EntryKind) -> str:
    return QCoreApplication.translate("Timeline", KIND_TEXTS.get(kind, str(kind)))


def _t(text: str) -> str:
    """Escape an already translated string for HTML."""
    return html.escape(text)


translate = QCoreApplication.translate


def _link(href: str, text: str) -> str:
    return f"<a href='{href}' style='color:{palette.current().link}; text-decoration:none'>{_t(text)}</a>"


def lab_text(lab: LabResult) -> str:
    """"Creatinine 132 µmol/L (ref 59–104)": the value as written, with unit and reference range when known."""
    value = lab.value_text or (f"{lab.value:g}" if lab.value is not None else "")
    parts = [f"{lab.name} {value}".strip()]
    if lab.unit:
        parts.append(lab.unit)
    if lab.ref_low is not None or lab.ref_high is not None:
        low = f"{lab.ref_low:g}" if lab.ref_low is not None else ""
        high = f"{lab.ref_high:g}" if lab.ref_high is not None else ""
        reference = translate("Timeline", "ref {range}").format(range=f"{low}–{high}")
        parts.append(f"({reference})")
    return " ".join(parts)


def _attachment_html(entry: Entry, attachment: Attachment, thumbnail: Callable[[Attachment], str | None] | None,
                     editable: bool) -> str:
    thumb = thumbnail(attachment) if thumbnail is not None else None
    name = _t(attachment.filename)
    if thumb is not None:
        body = f"<img src='{html.escape(thumb)}' height='120'><br>{name}"
    else:
        body = f"📄 {name}"
    if editable and entry.id is not None:
        body = f"<a href='attachment-open:{entry.id}'>{body}</a>"
    return f"<br>{body}"


def case_timeline_html(patient: PatientRecord, case: Case, *, editable: bool = False,
                       thumbnail: Callable[[Attachment], str | None] | None = None) -> str:
    opened, closed = _t(translate("Timeline", "Opened")), _t(translate("Timeline", "Closed"))
    edit, delete = translate("Timeline", "Edit"), translate("Timeline", "Delete")
    empty = _t(translate("Timeline", "No entries yet. Add one with the capture bar below."))
    follow_ups, done_text = _t(translate("Timeline", "Follow-ups")), _t(translate("Timeline", "done"))
    colours = palette.current()
    parts = [f"<h3 style='margin-bottom:2px'>{html.escape(case.title)}</h3>",
             f"<p style='color:{colours.text_muted}; margin-top:0'>{opened} {case.opened_on.isoformat()}"
             + (f" · {closed} {case.closed_on.isoformat()}" if case.closed_on else "") + "</p>"]
    if not case.entries:
        parts.append(f"<p style='color:{colours.text_subtle}'><i>{empty}</i></p>")
    for entry in sorted(case.entries, key=lambda e: e.occurred_at):
        colour = kind_colour(entry.kind)
        label = html.escape(kind_text(entry.kind))
        code = f" <b>{html.escape(entry.icd10)}</b>" if entry.icd10 else ""
        text = html.escape(entry.text).replace("\n", "<br>")
        if entry.lab is not None:
            text = (text + "<br>" if text else "") + f"<b>{html.escape(lab_text(entry.lab))}</b>"
        if entry.attachment is not None:
            text += _attachment_html(entry, entry.attachment, thumbnail, editable)
        when = entry.occurred_at.strftime("%Y-%m-%d %H:%M")
        actions = ""
        if editable and entry.id is not None:
            actions = (f"<span style='color:{colours.text_subtle}'> · </span>{_link(f'entry-edit:{entry.id}', edit)}"
                       f"<span style='color:{colours.text_subtle}'> · </span>"
                       f"{_link(f'entry-delete:{entry.id}', delete)}")
        parts.append(
            f"<table width='100%' cellspacing='0' cellpadding='4' style='margin-top:6px'><tr>"
            f"<td width='6' bgcolor='{colour}'></td>"
            f"<td><span style='color:{colour}; font-weight:600'>{label}</span>"
            f"<span style='color:{colours.text_subtle}'> · {when}</span>{actions}<br>{text}{code}</td></tr></table>")
    if case.follow_ups:
        parts.append(f"<h4>{follow_ups}</h4><ul>")
        for follow_up in sorted(case.follow_ups, key=lambda f: f.due):
            done = f" ✓ {done_text}" if follow_up.done else ""
            actions = ""
            if editable and follow_up.id is not None:
                mark = translate("Timeline", "Not done") if follow_up.done else translate("Timeline", "Mark done")
                actions = " · ".join([
                    "", _link(f"follow-up-edit:{follow_up.id}", edit), _link(f"follow-up-done:{follow_up.id}", mark),
                    _link(f"follow-up-delete:{follow_up.id}", delete)])
            parts.append(f"<li>{follow_up.due.isoformat()} — {html.escape(follow_up.note)}{done}{actions}</li>")
        parts.append("</ul>")
    return "".join(parts)


THUMB_SCHEME = "cdss-thumb"


def thumbnail_address(sha256: str) -> str:
    return f"{THUMB_SCHEME}:{sha256}"


class TimelineBrowser(QTextBrowser):
    """The timeline view: HTML whose photo thumbnails come from ``thumbnails(sha256) -> PNG bytes | None``.

    In an encrypted workspace the thumbnails are sealed on disk, so the page cannot point at a file; the document
    asks for each ``cdss-thumb:`` address here instead.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.thumbnails: Callable[[str], bytes | None] | None = None

    def loadResource(self, kind: int, name: QUrl | str) -> object:  # noqa: N802 - Qt's name
        url = QUrl(name) if isinstance(name, str) else name
        if kind == QTextDocument.ResourceType.ImageResource and url.scheme() == THUMB_SCHEME:
            data = self.thumbnails(url.path()) if self.thumbnails is not None else None
            return QImage.fromData(data) if data else QImage()
        return super().loadResource(kind, name)
