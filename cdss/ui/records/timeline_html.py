"""Renders a case as an HTML timeline for a QTextBrowser: one dated block per entry, coloured by kind."""

from __future__ import annotations

import html

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from cdss.records.types import Case, EntryKind, PatientRecord

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

KIND_COLOURS = {
    EntryKind.COMPLAINT: "#1f6f78", EntryKind.HISTORY: "#44545a", EntryKind.EXAM: "#3a6ea5",
    EntryKind.TEST: "#6a4c93", EntryKind.DIAGNOSIS: "#b3261e", EntryKind.TREATMENT: "#2e7d32",
    EntryKind.MEDICATION: "#d3591c", EntryKind.PROGRESS: "#5b7083", EntryKind.ATTACHMENT: "#8a6d3b",
    EntryKind.FOLLOW_UP: "#00897b", EntryKind.NOTE: "#5b7083",
}


def kind_text(kind: EntryKind) -> str:
    return QCoreApplication.translate("Timeline", KIND_TEXTS.get(kind, str(kind)))


def _t(text: str) -> str:
    """Escape an already translated string for HTML."""
    return html.escape(text)


translate = QCoreApplication.translate


def case_timeline_html(patient: PatientRecord, case: Case) -> str:
    opened, closed = _t(translate("Timeline", "Opened")), _t(translate("Timeline", "Closed"))
    empty = _t(translate("Timeline", "No entries yet. Add one with the capture bar below."))
    follow_ups, done_text = _t(translate("Timeline", "Follow-ups")), _t(translate("Timeline", "done"))
    parts = [f"<h3 style='margin-bottom:2px'>{html.escape(case.title)}</h3>",
             f"<p style='color:#5b7083; margin-top:0'>{opened} {case.opened_on.isoformat()}"
             + (f" · {closed} {case.closed_on.isoformat()}" if case.closed_on else "") + "</p>"]
    if not case.entries:
        parts.append(f"<p style='color:#8a979c'><i>{empty}</i></p>")
    for entry in sorted(case.entries, key=lambda e: e.occurred_at):
        colour = KIND_COLOURS.get(entry.kind, "#5b7083")
        label = html.escape(kind_text(entry.kind))
        code = f" <b>{html.escape(entry.icd10)}</b>" if entry.icd10 else ""
        text = html.escape(entry.text).replace("\n", "<br>")
        when = entry.occurred_at.strftime("%Y-%m-%d %H:%M")
        parts.append(
            f"<table width='100%' cellspacing='0' cellpadding='4' style='margin-top:6px'><tr>"
            f"<td width='6' bgcolor='{colour}'></td>"
            f"<td><span style='color:{colour}; font-weight:600'>{label}</span>"
            f"<span style='color:#8a979c'> · {when}</span><br>{text}{code}</td></tr></table>")
    if case.follow_ups:
        parts.append(f"<h4>{follow_ups}</h4><ul>")
        for follow_up in sorted(case.follow_ups, key=lambda f: f.due):
            done = f" ✓ {done_text}" if follow_up.done else ""
            parts.append(f"<li>{follow_up.due.isoformat()} — {html.escape(follow_up.note)}{done}</li>")
        parts.append("</ul>")
    return "".join(parts)
