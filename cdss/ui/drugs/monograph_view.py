"""A drug's monograph as a page: summary card, collapsible sections with their source, generated interactions,
and a find box that highlights every match.

Rendered as HTML in a QTextBrowser (selectable, printable, fast for a page of text); a section heading is a link
that folds or unfolds its section. Which sections are folded is kept while the doctor moves from drug to drug, so
someone who never reads "Dosage forms" folds it once.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QTextBrowser, QTextEdit, QVBoxLayout, QWidget

from cdss.ui import palette
from cdss.ui.drugs.backend import MonographView
from cdss.ui.drugs.labels import severity_label

INTERACTIONS_SHOWN = 12  # rules listed before "N more"; the rest appear when the section is unfolded in full


class MonographPane(QWidget):
    #: the doctor followed a link that is not a fold toggle (reserved for cross-references)
    link_activated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.find_box = QLineEdit(self)
        self.find_box.setObjectName("monographFind")
        self.find_box.setClearButtonEnabled(True)
        self.find_box.textChanged.connect(self._highlight)
        self.find_box.returnPressed.connect(self.find_next)
        self.find_status = QLabel(self)
        self.find_status.setObjectName("monographFindStatus")
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("monograph")
        self.browser.setOpenLinks(False)
        self.browser.setOpenExternalLinks(False)
        self.browser.anchorClicked.connect(self._anchor)
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.find_box, 1)
        bar.addWidget(self.find_status)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.browser, 1)
        self.folded: set[str] = set()
        self.all_interactions = False
        self.view: MonographView | None = None
        self.retranslate_ui()

    # -- content ---------------------------------------------------------------------------------------------------
    def show_view(self, view: MonographView) -> None:
        if self.view is None or view.drug_id != self.view.drug_id:
            self.all_interactions = False
        self.view = view
        self._render()

    def show_hint(self, text: str) -> None:
        self.view = None
        self.browser.setHtml(f"<p style='color:{palette.current().text_muted}'>{html.escape(text)}</p>")
        self._highlight(self.find_box.text())

    def toPlainText(self) -> str:  # noqa: N802 - mirrors QTextBrowser for callers and tests
        return self.browser.toPlainText()

    def toHtml(self) -> str:  # noqa: N802
        return self.browser.toHtml()

    def _render(self) -> None:
        view = self.view
        if view is None:
            return
        bar = self.browser.verticalScrollBar().value()
        self.browser.setHtml(self._html(view))
        self.browser.verticalScrollBar().setValue(bar)
        self._highlight(self.find_box.text())

    def _html(self, view: MonographView) -> str:
        esc = html.escape
        colours = palette.current()
        parts = [f"<h2>{esc(view.title)}</h2>"]
        if view.subtitle:
            parts.append(f"<p style='color:{colours.text_secondary}'>{esc(view.subtitle)}</p>")
        parts.append(self._card(view))
        for section in view.sections:
            parts.append(self._heading(section.key, section.heading))
            if section.key in self.folded:
                continue
            if section.state == "text":
                parts.append(f"<p>{esc(section.text)}</p>")
            elif section.state == "reason":
                reason = self.tr("Not available: {reason}").format(reason=section.text)
                parts.append(f"<p style='color:{colours.text_muted}'><i>{esc(reason)}</i></p>")
            else:
                missing = self.tr("Not written yet.")
                parts.append(f"<p style='color:{colours.text_subtle}'><i>{esc(missing)}</i></p>")
            if section.source and section.state != "missing":
                credit = self.tr("Source: {source}").format(source=section.source)
                parts.append(f"<p style='color:{colours.text_muted}; font-size:small'>{esc(credit)}</p>")
        parts.append(self._interactions(view))
        return "".join(parts)

    def _card(self, view: MonographView) -> str:
        esc = html.escape
        badges = []
        if view.nrdl == "A":
            badges.append(self.tr("NRDL category A"))
        elif view.nrdl == "B":
            badges.append(self.tr("NRDL category B"))
        elif view.nrdl == "none":
            badges.append(self.tr("Not in the NRDL"))
        if view.essential_cn:
            badges.append(self.tr("National essential medicine"))
        summary = view.summary or self.tr("No summary written yet: read the sections below.")
        colours = palette.current()
        badge_html = "".join(f"<span style='background:{colours.badge_bg}; color:{colours.heading}'>&nbsp;{esc(b)}"
                             "&nbsp;</span> "
                             for b in badges)
        worst = next((i for i in view.interactions if i.severity == "contraindicated"), None)
        warn = ""
        if worst is not None:
            count = sum(1 for i in view.interactions if i.severity == "contraindicated")
            text = self.tr("{count} contraindicated combinations — see Main interactions.").format(count=count)
            warn = f"<p style='color:{colours.severity_contraindicated}'>{esc(text)}</p>"
        box = f"background:{colours.panel_bg}; border:1px solid {colours.panel_border}"
        return (f"<table width='100%' cellpadding='8' style='{box}'><tr><td>"
                f"<p>{esc(summary)}</p>{warn}<p>{badge_html}</p></td></tr></table>")

    def _heading(self, key: str, heading: str) -> str:
        marker = "▸" if key in self.folded else "▾"
        return (f"<h4><a href='fold:{key}' style='color:{palette.current().heading}; text-decoration:none'>{marker} "
                f"{html.escape(heading)}</a></h4>")

    def _interactions(self, view: MonographView) -> str:
        esc = html.escape
        colours = palette.current()
        parts = [self._heading("interactions", self.tr("Main interactions"))]
        if "interactions" in self.folded:
            return "".join(parts)
        if not view.interactions:
            none = self.tr("No interaction rule names this drug.")
            parts.append(f"<p style='color:{colours.text_muted}'>{esc(none)}</p>")
            return "".join(parts)
        shown = view.interactions if self.all_interactions else view.interactions[:INTERACTIONS_SHOWN]
        for item in shown:
            names = ", ".join(item.partners)
            if item.partner_count > len(item.partners):
                names = self.tr("{names} and {count} more").format(names=names,
                                                                   count=item.partner_count - len(item.partners))
            colour = colours.severity(item.severity)
            parts.append(f"<p><b style='color:{colour}'>{esc(severity_label(item.severity))}</b> · {esc(names)}<br>"
                         f"{esc(item.effect)} <span style='color:{colours.text_secondary}'>{esc(item.management)}"
                         "</span></p>")
        rest = len(view.interactions) - len(shown)
        if rest > 0:
            more = self.tr("Show {count} more interactions").format(count=rest)
            parts.append(f"<p><a href='more:interactions'>{esc(more)}</a></p>")
        note = self.tr("Generated from the checker's rules: put the drugs in the regimen to see the alert in full.")
        parts.append(f"<p style='color:{colours.text_muted}; font-size:small'>{esc(note)}</p>")
        return "".join(parts)

    def _anchor(self, url: QUrl) -> None:
        target = url.toString()
        if target.startswith("fold:"):
            key = target[5:]
            self.folded.symmetric_difference_update({key})
            self._render()
        elif target == "more:interactions":
            self.all_interactions = True
            self._render()
        else:
            self.link_activated.emit(target)

    # -- find ------------------------------------------------------------------------------------------------------
    def _highlight(self, text: str) -> None:
        """Mark every match of ``text`` (case-insensitive) and count them."""
        selections: list[QTextEdit.ExtraSelection] = []
        if text:
            document = self.browser.document()
            fmt = QTextCharFormat()
            fmt.setBackground(QColor(palette.current().find_highlight_bg))
            cursor = document.find(text, 0)
            while not cursor.isNull() and len(selections) < 1000:
                selection = QTextEdit.ExtraSelection()
                selection.cursor = cursor
                selection.format = fmt
                selections.append(selection)
                cursor = document.find(text, cursor)
        self.browser.setExtraSelections(selections)
        if not text:
            self.find_status.setText("")
        elif selections:
            self.find_status.setText(self.tr("{count} found").format(count=len(selections)))
        else:
            self.find_status.setText(self.tr("not found"))

    def find_next(self) -> bool:
        """Move to the next match (wrapping to the top); False when there is none."""
        text = self.find_box.text()
        if not text:
            return False
        if self.browser.find(text):
            return True
        self.browser.moveCursor(QTextCursor.MoveOperation.Start)
        return self.browser.find(text, QTextDocument.FindFlag(0))

    def retranslate_ui(self) -> None:
        self.find_box.setPlaceholderText(self.tr("Find in this monograph"))
        self._render()
