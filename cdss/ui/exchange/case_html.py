"""HTML for a shared case and its comment thread in the Exchange room (read-only, escaped, translated labels)."""

from __future__ import annotations

import json
from collections.abc import Callable
from html import escape
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl

from cdss.exchange.client.outbox import OutboxItem
from cdss.exchange.schemas import CaseOut, CommentOut
from cdss.ui import palette
from cdss.ui.exchange.specialty_labels import specialty_label

translate = QCoreApplication.translate


def _muted() -> str:
    return f"color:{palette.current().text_muted}"


def _alert() -> str:
    return f"color:{palette.current().danger}"


def case_meta_line(case: CaseOut) -> str:
    parts = [specialty_label(case.specialty), case.author,
             translate("ExchangeRoom", "revision {n}").format(n=case.revision)]
    if case.age_band:
        parts.append(translate("ExchangeRoom", "age {band}").format(band=case.age_band))
    if case.sex != "unknown":
        parts.append(case.sex)
    return " · ".join(parts)


ImageLookup = Callable[[str], Path | None]  # sha256 -> the downloaded file, or None while not downloaded
THUMB_WIDTH = 180


def image_tag(path: Path, width: int = THUMB_WIDTH) -> str:
    """An <img> a QTextBrowser can load from disk (scaled by width only, so the aspect ratio stays)."""
    return f"<img src='{escape(QUrl.fromLocalFile(str(path)).toString())}' width='{width}'>"


def images_html(case: CaseOut, local_file: ImageLookup | None) -> str:
    """The case's pictures: thumbnails of those downloaded, a note for those not downloaded yet."""
    if not case.images:
        return ""
    cells = []
    waiting = escape(translate("ExchangeRoom", "not downloaded yet (sync to fetch)"))
    for ref in case.images:
        path = local_file(ref.sha256) if local_file is not None else None
        picture = image_tag(path) if path is not None else f"<span style='{_muted()}'>{waiting}</span>"
        cells.append(f"<td valign='top'>{picture}<br>{escape(ref.caption)}</td>")
    rows = "".join("<tr>" + "".join(cells[i:i + 3]) + "</tr>" for i in range(0, len(cells), 3))
    return _heading(translate("ExchangeRoom", "Pictures")) + f"<table cellpadding='4'>{rows}</table>"


def case_html(case: CaseOut, local_file: ImageLookup | None = None) -> str:
    tag_bg = palette.current().tag_bg
    tags = " ".join(f"<span style='background:{tag_bg}'>&nbsp;{escape(t)}&nbsp;</span>" for t in case.tags)
    html = [f"<h2>{escape(case.title)}</h2>", f"<p style='{_muted()}'>{escape(case_meta_line(case))}</p>"]
    if tags:
        html.append(f"<p>{tags}</p>")
    if case.status == "withdrawn":
        withdrawn = translate("ExchangeRoom", "Withdrawn by its author.")
        html.append(f"<p style='{_alert()}'>{escape(withdrawn)}</p>")
    if case.hidden:
        hidden = translate("ExchangeRoom", "Hidden by a moderator.")
        html.append(f"<p style='{_alert()}'>{escape(hidden)} {escape(case.hidden_reason or '')}</p>")
    html.append(f"<p>{escape(case.summary)}</p>")
    content = _structured(case.body)
    if content is not None:
        html.append(_content_html(content))
    elif case.body.strip():
        html.append(f"<pre style='white-space:pre-wrap'>{escape(case.body)}</pre>")
    html.append(images_html(case, local_file))
    return "".join(html)


def _structured(body: str) -> dict | None:
    try:
        content = json.loads(body)
    except (ValueError, TypeError):
        return None
    return content if isinstance(content, dict) and isinstance(content.get("case"), dict) else None


def _heading(text: str) -> str:
    return f"<h3>{escape(text)}</h3>"


def _content_html(content: dict) -> str:
    shared = content["case"]
    out: list[str] = []
    entries = [e for e in shared.get("entries") or () if isinstance(e, dict)]
    if entries:
        out.append(_heading(translate("ExchangeRoom", "Timeline")) + "<table cellpadding='3'>")
        for entry in entries:
            when = escape(str(entry.get("occurred_at") or "")[:16])
            code = f" [{escape(str(entry['icd10']))}]" if entry.get("icd10") else ""
            text = escape(str(entry.get("text") or "")).replace("\n", "<br>")
            kind = escape(str(entry.get("kind") or ""))
            out.append(f"<tr><td style='{_muted()}'>{when}</td><td><b>{kind}</b>{code}</td><td>{text}</td></tr>")
        out.append("</table>")
    labs = [lab for lab in shared.get("labs") or () if isinstance(lab, dict)]
    if labs:
        out.append(_heading(translate("ExchangeRoom", "Labs")) + "<table cellpadding='3'>")
        for lab in labs:
            value = lab.get("value_text") or lab.get("value")
            shown = f"{'' if value is None else value} {lab.get('unit') or ''}"
            out.append(f"<tr><td style='{_muted()}'>{escape(str(lab.get('taken_at') or '')[:16])}</td>"
                       f"<td>{escape(str(lab.get('name') or ''))}</td><td>{escape(shown)}</td></tr>")
        out.append("</table>")
    lists = ((translate("ExchangeRoom", "Medications"), "medications", ("name", "dose", "route")),
             (translate("ExchangeRoom", "Allergies"), "allergies", ("substance", "reaction", "severity")))
    for title, key, fields in lists:
        items = [i for i in content.get(key) or () if isinstance(i, dict)]
        if items:
            lines = "".join("<li>" + escape(" · ".join(str(i[f]) for f in fields if i.get(f))) + "</li>" for i in items)
            out.append(f"{_heading(title)}<ul>{lines}</ul>")
    if content.get("dates_note"):
        note = translate("ExchangeRoom", "Dates are shifted by an undisclosed offset; intervals between them are "
                                         "preserved.")
        out.append(f"<p style='{_muted()}'>{escape(note)}</p>")
    return "".join(out)


def comments_html(comments: tuple[CommentOut, ...], pending: tuple[OutboxItem, ...]) -> str:
    if not comments and not pending:
        empty = translate("ExchangeRoom", "No comments yet.")
        return f"<p style='{_muted()}'>{escape(empty)}</p>"
    known = {c.id for c in comments}
    children: dict[int | None, list[CommentOut]] = {}
    for comment in comments:
        # A reply whose parent is not visible to us still shows, at the top level.
        parent = comment.parent_id if comment.parent_id in known else None
        children.setdefault(parent, []).append(comment)
    hidden_text = translate("ExchangeRoom", "(hidden by a moderator)")
    deleted_text = translate("ExchangeRoom", "(deleted)")
    out: list[str] = []

    def walk(parent: int | None, depth: int) -> None:
        for comment in children.get(parent, ()):
            if comment.hidden:
                body = f"<i>{escape(hidden_text)}</i>"
            elif comment.deleted or comment.body is None:
                body = f"<i>{escape(deleted_text)}</i>"
            else:
                body = escape(comment.body).replace("\n", "<br>")
            out.append(f"<div style='margin-left:{depth * 18}px'><b>{escape(comment.author)}</b> "
                       f"<span style='{_muted()}'>{comment.created_at:%Y-%m-%d %H:%M}</span><br>{body}</div><br>")
            walk(comment.id, depth + 1)

    walk(None, 0)
    you = translate("ExchangeRoom", "You")
    for item in pending:
        if item.state == "pending":
            state = translate("ExchangeRoom", "waiting to be sent")
        else:
            state = translate("ExchangeRoom", "refused: {error}").format(error=item.last_error or "")
        warning = palette.current().warning
        out.append(f"<div><b>{escape(you)}</b> <span style='color:{warning}'>({escape(state)})</span><br>"
                   f"{escape(str(item.payload.get('body') or ''))}</div><br>")
    return "".join(out)


def conflict_html(mine: dict, server: CaseOut) -> str:
    """Two columns: the queued update and the server's current version, field by field, differences marked."""
    fields = (("title", translate("ExchangeRoom", "Title")), ("specialty", translate("ExchangeRoom", "Specialty")),
              ("tags", translate("ExchangeRoom", "Tags")), ("summary", translate("ExchangeRoom", "Summary")),
              ("body", translate("ExchangeRoom", "Content")))
    rows = []
    for field, label in fields:
        theirs = getattr(server, field)
        theirs = getattr(theirs, "value", theirs)
        ours = mine.get(field)
        ours_text = ", ".join(ours) if isinstance(ours, list) else str(ours or "")
        theirs_text = ", ".join(theirs) if isinstance(theirs, list) else str(theirs or "")
        style = f" style='background:{palette.current().conflict_bg}'" if ours_text != theirs_text else ""
        rows.append(f"<tr{style}><td><b>{escape(label)}</b></td>"
                    f"<td><pre style='white-space:pre-wrap'>{escape(ours_text[:4000])}</pre></td>"
                    f"<td><pre style='white-space:pre-wrap'>{escape(theirs_text[:4000])}</pre></td></tr>")
    mine_head = translate("ExchangeRoom", "Mine (queued)")
    server_head = translate("ExchangeRoom", "Server (revision {n}, by {author})").format(n=server.revision,
                                                                                       author=server.author)
    head = f"<tr><th></th><th>{escape(mine_head)}</th><th>{escape(server_head)}</th></tr>"
    return f"<table border='1' cellspacing='0' cellpadding='4' width='100%'>{head}{''.join(rows)}</table>"
