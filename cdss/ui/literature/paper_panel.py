"""A paper's detail in the Literature room: metadata and abstract, the cases it is linked to, its tags and personal
notes (editable), similar papers, and its PDF when one was imported. "Link to a case…" opens a picker that links the
paper to a patient's case (or one timeline entry) and unlinks it again; the detail reloads after each change.

The detail is read on the task runner's read pool; saving tags and notes goes through the single writer (the index is
updated with the tags, so the tag facet follows at once). A PDF opens in the system's viewer.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from cdss.ui.context import AppContext
from cdss.ui.literature.results_html import linked_cases_html, reference_html
from cdss.ui.tasks import TaskHandle, while_alive


class PaperPanel(QWidget):
    #: Emitted with a link's target ("ref:<id>") clicked in the detail, for the page to follow.
    link_clicked = Signal(QUrl)
    #: Emitted after tags or notes were saved (the page re-runs its search so facets follow).
    saved = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.library = None
        self.ref_id: int | None = None
        self.paper = None
        self.links: list = []
        self._serial = 0

        self.detail = QTextBrowser(self)
        self.detail.setObjectName("literatureDetail")
        self.detail.setOpenLinks(False)
        self.detail.anchorClicked.connect(self.link_clicked.emit)
        self.tags_label = QLabel(self)
        self.tags_edit = QLineEdit(self)
        self.tags_edit.setObjectName("literatureTags")
        self.notes_label = QLabel(self)
        self.notes_edit = QPlainTextEdit(self)
        self.notes_edit.setObjectName("literatureNotes")
        self.notes_edit.setMaximumHeight(110)
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("literatureSavePaper")
        self.save_button.clicked.connect(self.save)
        self.pdf_button = QPushButton(self)
        self.pdf_button.setObjectName("literatureOpenPdf")
        self.pdf_button.clicked.connect(self.open_pdf)
        self.link_case_button = QPushButton(self)
        self.link_case_button.setObjectName("literatureLinkCase")
        self.link_case_button.clicked.connect(self.open_link_dialog)
        self.link_dialog = None  # the open "Link to a case" dialog, if any
        buttons = QHBoxLayout()
        buttons.addWidget(self.pdf_button)
        buttons.addWidget(self.link_case_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.detail, 1)
        layout.addWidget(self.tags_label)
        layout.addWidget(self.tags_edit)
        layout.addWidget(self.notes_label)
        layout.addWidget(self.notes_edit)
        layout.addLayout(buttons)
        self._set_editable(False)
        self.retranslate_ui()

    def _set_editable(self, enabled: bool) -> None:
        for widget in (self.tags_edit, self.notes_edit, self.save_button, self.link_case_button):
            widget.setEnabled(enabled)
        self.pdf_button.setEnabled(enabled and self.paper is not None and self.paper.pdf_sha256 is not None)

    # -- loading -------------------------------------------------------------------------------------------------
    def show_reference(self, ref_id: int) -> TaskHandle | None:
        if self.library is None:
            return None
        from cdss.literature.search import more_like_this

        self._serial += 1
        serial, library = self._serial, self.library

        def work():
            paper = library.paper(ref_id)
            similar = more_like_this(library.index(), ref_id, limit=5)
            return paper, similar, library.links.for_reference(ref_id)

        handle = self.ctx.tasks.run(work, name="literature-detail")
        handle.finished.connect(while_alive(self, lambda result: self._loaded(serial, result)))
        return handle

    def _loaded(self, serial: int, result) -> None:
        if serial != self._serial:
            return
        self.paper, similar, self.links = result
        self.ref_id = self.paper.id
        self.detail.setHtml(reference_html(self.paper.ref, similar, pdf=self.paper.pdf_sha256 is not None,
                                           after_header=linked_cases_html(self.links)))
        self.tags_edit.setText(", ".join(self.paper.ref.tags))
        self.notes_edit.setPlainText(self.paper.notes)
        self._set_editable(True)

    # -- editing -------------------------------------------------------------------------------------------------
    def save(self) -> TaskHandle | None:
        if self.library is None or self.ref_id is None:
            return None
        library, ref_id = self.library, self.ref_id
        tags = [t for t in self.tags_edit.text().replace("，", ",").split(",") if t.strip()]
        notes = self.notes_edit.toPlainText()

        def work():
            library.set_tags(ref_id, tags)
            return library.set_notes(ref_id, notes)

        handle = self.ctx.tasks.run_write(work, name="literature-save-paper")
        handle.finished.connect(while_alive(self, lambda paper: self._saved(paper)))
        return handle

    def _saved(self, paper) -> None:
        if paper.id == self.ref_id:
            self.paper = paper
            self.tags_edit.setText(", ".join(paper.ref.tags))
        self.saved.emit()

    def open_link_dialog(self):
        """Open the case picker for the shown paper (non-blocking); returns the dialog, or None with no paper."""
        if self.library is None or self.ref_id is None or self.paper is None:
            return None
        from cdss.ui.literature.link_case_dialog import LinkCaseDialog

        if self.link_dialog is not None:
            self.link_dialog.close()
        dialog = LinkCaseDialog(self.ctx, self.library, self.ref_id, self.paper.ref.title, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        ref_id = self.ref_id
        # Reload the detail only while it still shows the paper the dialog links.
        dialog.links_changed.connect(while_alive(self, lambda: self.ref_id == ref_id and self.show_reference(ref_id)))
        dialog.destroyed.connect(while_alive(self, lambda *_: setattr(self, "link_dialog", None)))
        self.link_dialog = dialog
        dialog.open()
        dialog.search_patients()
        dialog.load_links()
        return dialog

    def open_pdf(self) -> bool:
        """Open the paper's stored PDF with the system viewer; False when there is none to open."""
        if self.library is None or self.ref_id is None:
            return False
        from cdss.files import new_opened_copy_folder

        # The store names files by hash (sealed in an encrypted workspace); a plain copy with a .pdf name lets every
        # viewer open it. It lives in the app's private folder for opened copies, emptied at start and exit.
        target = self.library.export_pdf(self.ref_id, new_opened_copy_folder() / f"paper-{self.ref_id}.pdf")
        if target is None:
            return False
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(target)))

    # -- text ----------------------------------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.tags_label.setText(self.tr("Tags (separate with commas)"))
        self.notes_label.setText(self.tr("My notes"))
        self.save_button.setText(self.tr("Save tags and notes"))
        self.pdf_button.setText(self.tr("Open PDF"))
        self.link_case_button.setText(self.tr("Link to a case…"))
        self.tags_edit.setPlaceholderText(self.tr("e.g. to-read, CKD"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
            if self.paper is not None and self.ref_id is not None:
                self.show_reference(self.ref_id)
        super().changeEvent(event)
