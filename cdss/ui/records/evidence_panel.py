"""The "Evidence" tab of a case: papers linked to the case first, then library papers matching its diagnoses, drugs and
key timeline terms, each with one click to link it to the case or to one timeline entry.

Evidence is gathered on the task runner's read pool (the library index may have to open first); linking and
unlinking go through the single writer, after which the panel reloads. Only the answer for the case shown last is
displayed, so switching cases quickly never shows another patient's suggestions.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QPoint, QUrl, Signal
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMenu, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from cdss.ui import palette
from cdss.ui.context import AppContext
from cdss.ui.records.timeline_html import kind_text
from cdss.ui.tasks import TaskHandle, while_alive

SUGGESTION_LIMIT = 20
ENTRY_MENU_TEXT_CHARS = 50


class EvidencePanel(QWidget):
    #: A paper's id, when the doctor asks to open it (the window may switch to the Literature room).
    paper_requested = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("evidencePanel")
        self.ctx = ctx
        self.case_id: int | None = None
        self.evidence = None  # cdss.literature.evidence.CaseEvidence of the case shown
        self.entries: tuple = ()  # the case's timeline entries, for "Link to entry…"
        self._serial = 0

        self.summary = QLabel(self)
        self.summary.setObjectName("evidenceSummary")
        self.summary.setWordWrap(True)
        self.refresh_button = QPushButton(self)
        self.refresh_button.setObjectName("evidenceRefresh")
        self.refresh_button.clicked.connect(self.reload)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.refresh_button)
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("evidenceResults")
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self._anchor_clicked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.browser, 1)
        self.retranslate_ui()

    # -- loading -------------------------------------------------------------------------------------------------
    def show_case(self, case_id: int | None) -> TaskHandle | None:
        """Show the evidence for a case (None clears the panel). Returns the background task's handle."""
        self.case_id = case_id
        self.evidence = None
        self.entries = ()
        return self.reload()

    def reload(self) -> TaskHandle | None:
        self._serial += 1
        serial, case_id = self._serial, self.case_id
        if case_id is None:
            self.summary.setText("")
            self.browser.clear()
            return None
        self.summary.setText(self.tr("Looking for papers on this case…"))
        workspace = self.ctx.workspace

        def work():
            from cdss.literature.evidence import find_evidence
            from cdss.literature.library import LiteratureLibrary
            from cdss.records.service import RecordsService

            records = RecordsService(workspace)
            evidence = find_evidence(LiteratureLibrary.shared(workspace), records, case_id, limit=SUGGESTION_LIMIT)
            return evidence, records.cases.get(case_id).entries

        handle = self.ctx.tasks.run(work, name="case-evidence",
                                    on_error=while_alive(self, lambda exc: self._failed(serial, exc)))
        handle.finished.connect(while_alive(self, lambda result: self._loaded(serial, result)))
        return handle

    def _failed(self, serial: int, error: BaseException) -> None:
        from cdss.errors import Cancelled, UserError

        if isinstance(error, Cancelled):
            return
        if not isinstance(error, UserError):
            self.ctx.errors.report(error)
        if serial == self._serial:
            from cdss.ui.error_texts import user_error_text

            self.summary.setText(user_error_text(error) if isinstance(error, UserError)
                                 else self.tr("The evidence for this case could not be loaded."))

    def _loaded(self, serial: int, result) -> None:
        if serial != self._serial:
            return  # an answer for a case no longer shown
        self.evidence, self.entries = result
        self._render()

    # -- linking -------------------------------------------------------------------------------------------------
    def link_paper(self, ref_id: int, entry_id: int | None = None) -> TaskHandle | None:
        """Link a paper to the shown case (or one of its entries) through the writer, then reload."""
        if self.case_id is None:
            return None
        case_id, workspace = self.case_id, self.ctx.workspace

        def work():
            from cdss.literature.library import LiteratureLibrary

            return LiteratureLibrary.shared(workspace).links.link(ref_id, case_id, entry_id)

        handle = self.ctx.tasks.run_write(work, name="link-paper")
        handle.finished.connect(while_alive(self, lambda _link: self.reload()))
        return handle

    def unlink(self, link_id: int) -> TaskHandle:
        workspace = self.ctx.workspace

        def work():
            from cdss.literature.library import LiteratureLibrary

            LiteratureLibrary.shared(workspace).links.unlink(link_id)

        handle = self.ctx.tasks.run_write(work, name="unlink-paper")
        handle.finished.connect(while_alive(self, lambda _none: self.reload()))
        return handle

    def entry_choices(self) -> list[tuple[int, str]]:
        """(entry id, label) for the "Link to entry…" menu: diagnoses first, then the timeline in order."""
        def label(entry) -> str:
            text = " ".join(entry.text.split())
            if len(text) > ENTRY_MENU_TEXT_CHARS:
                text = text[:ENTRY_MENU_TEXT_CHARS - 1] + "…"
            return f"{kind_text(entry.kind)} · {entry.occurred_at:%Y-%m-%d} · {text}"

        ordered = sorted(self.entries, key=lambda e: (e.kind != "diagnosis", e.occurred_at, e.id or 0))
        return [(entry.id, label(entry)) for entry in ordered if entry.id is not None]

    def _ask_entry(self, ref_id: int, at: QPoint) -> None:
        choices = self.entry_choices()
        if not choices:
            return
        menu = QMenu(self)
        for entry_id, text in choices:
            menu.addAction(text).setData(entry_id)
        chosen = menu.exec(at)
        if chosen is not None:
            self.link_paper(ref_id, int(chosen.data()))

    def _anchor_clicked(self, url: QUrl) -> None:
        action, _, value = url.toString().partition(":")
        if not value.isdigit():
            return
        number = int(value)
        if action == "link":
            self.link_paper(number)
        elif action == "linkentry":
            self._ask_entry(number, QCursor.pos())
        elif action == "unlink":
            self.unlink(number)
        elif action == "ref":
            self.paper_requested.emit(number)

    # -- rendering -----------------------------------------------------------------------------------------------
    def _render(self) -> None:
        evidence = self.evidence
        if evidence is None:
            return
        kinds = {"diagnosis": self.tr("diagnosis"), "drug": self.tr("drug"), "term": self.tr("term")}
        if evidence.terms:
            concepts = "; ".join(f"{kinds[t.kind]}: {t.text}" for t in evidence.terms)
            self.summary.setText(self.tr("Searched the library for {concepts}").format(concepts=concepts))
        else:
            self.summary.setText(self.tr("This case has no diagnoses, active drugs or key terms to search for yet."))
        linked_title, suggested_title = self.tr("Linked to this case"), self.tr("Suggested from your library")
        parts = [f"<h4>{html.escape(linked_title)}</h4>"]
        if evidence.linked:
            parts.extend(self._link_html(link) for link in evidence.linked)
        else:
            parts.append(self._muted(self.tr("No papers linked yet.")))
        parts.append(f"<h4>{html.escape(suggested_title)}</h4>")
        if evidence.library_size == 0:
            parts.append(self._muted(self.tr("Your library is empty: import papers in the Literature room.")))
        elif not evidence.hits:
            parts.append(self._muted(self.tr("No papers in your library match this case.")))
        parts.extend(self._hit_html(hit, kinds) for hit in evidence.hits)
        self.browser.setHtml("".join(parts))

    @staticmethod
    def _muted(text: str) -> str:
        return f"<p style='color:{palette.current().text_muted}'>{html.escape(text)}</p>"

    def _link_html(self, link) -> str:
        where = (self.tr("entry: {entry}").format(entry=link.entry_label) if link.entry_id is not None
                 else self.tr("whole case"))
        year = f" ({link.paper_year})" if link.paper_year else ""
        unlink = self.tr("Unlink")
        colours = palette.current()
        return (f"<p><a href='ref:{link.reference_id}' style='font-weight:600; color:{colours.title}'>"
                f"{html.escape(link.paper_title)}</a>{year}<br>"
                f"<span style='color:{colours.text_muted}'>{html.escape(where)}</span> · "
                f"<a href='unlink:{link.id}'>{html.escape(unlink)}</a></p>")

    def _hit_html(self, hit, kinds: dict[str, str]) -> str:
        meta = " · ".join(part for part in (hit.journal, str(hit.year or "")) if part)
        reasons = "; ".join(f"{kinds[t.kind]}: {t.text}" for t in hit.matched)
        why = self.tr("Matches {reasons}").format(reasons=reasons) if reasons else ""
        link_case, link_entry = self.tr("Link to case"), self.tr("Link to entry…")
        colours = palette.current()
        return (f"<p style='margin-bottom:2px'><a href='ref:{hit.id}' style='font-weight:600; color:{colours.title}'>"
                f"{html.escape(hit.title)}</a></p>"
                f"<p style='color:{colours.text_muted}; margin:0'>{html.escape(meta)}</p>"
                f"<p style='color:{colours.ok}; margin:0'>{html.escape(why)}</p>"
                f"<p style='margin-top:2px; margin-bottom:2px'>{hit.snippet}</p>"
                f"<p style='margin-top:0'><a href='link:{hit.id}'>{html.escape(link_case)}</a> · "
                f"<a href='linkentry:{hit.id}'>{html.escape(link_entry)}</a></p>")

    # -- text ----------------------------------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.refresh_button.setText(self.tr("Refresh"))
        self._render()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
