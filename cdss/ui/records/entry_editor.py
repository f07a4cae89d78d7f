"""Editing and deleting timeline entries and follow-ups, with undo.

The timeline is HTML in a QTextBrowser; its action links (see :mod:`cdss.ui.records.timeline_html`) come here.
Every change goes through the task runner's single writer and pushes the change that reverses it onto an undo stack:
a deleted entry is only soft-deleted (``restore_entry`` brings it back), an edit remembers the values it replaced.
The inline :class:`UndoBar` offers "Undo" for a while after each change, and Ctrl+Z on the Records page undoes the
latest change at any time in the session.
"""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from cdss.records.attachments import IMAGE_TYPES
from cdss.records.changes import KEEP, EntryChanges, FollowUpChanges
from cdss.records.types import Attachment, Entry, FollowUp, stored_id
from cdss.ui.changes import RecordChange
from cdss.ui.records.entry_edit_dialog import EntryEditDialog
from cdss.ui.tasks import while_alive

if TYPE_CHECKING:
    from cdss.records.service import RecordsService
    from cdss.ui.context import AppContext
    from cdss.ui.records.selection import RecordSelection
    from cdss.ui.records.timeline_html import TimelineBrowser
    from cdss.ui.tasks import TaskHandle

UNDO_VISIBLE_MS = 12_000  # long enough to notice a wrong click, short enough not to clutter the page
UNDO_DEPTH = 30
THUMBNAIL_PX = 240  # timeline thumbnails; made on the writer when a photo is attached, so drawing finds them cached
THUMBNAILS_KEPT = 96  # in memory: a long case's photos, without growing with the whole workspace


class UndoBar(QFrame):
    """"Entry deleted · Undo" under the timeline; hides itself after a while (Ctrl+Z still works after that)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("undoBar")  # coloured in app.qss
        self.message = QLabel(self)
        self.message.setObjectName("undoMessage")
        self.message.setWordWrap(True)
        self.undo_button = QPushButton(self)
        self.undo_button.setObjectName("undoButton")
        self.close_button = QPushButton("×", self)
        self.close_button.setFlat(True)
        self.close_button.setFixedWidth(28)
        self.close_button.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 2, 4, 2)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.undo_button)
        layout.addWidget(self.close_button)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.hide)
        self.retranslate_ui()
        self.hide()

    def show_message(self, text: str, *, can_undo: bool, undoes: str = "") -> None:
        """Show ``text``; with ``can_undo``, the button names the change it reverses (``undoes``)."""
        self.message.setText(text)
        self.undoes = undoes
        self.undo_button.setVisible(can_undo)
        self.retranslate_ui()
        self.show()
        self._timer.start(UNDO_VISIBLE_MS)

    def dismiss(self) -> None:
        """A later action replaced the one this bar speaks of: it goes (Ctrl+Z still undoes the stack)."""
        self._timer.stop()
        self.hide()

    def retranslate_ui(self) -> None:
        what = getattr(self, "undoes", "").rstrip("。.")
        self.undo_button.setText(self.tr("Undo: {what}").format(what=what) if what else self.tr("Undo"))
        self.undo_button.setToolTip(self.tr("Undo the last change (Ctrl+Z)"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


@dataclass(frozen=True)
class UndoStep:
    label: str  # translated, e.g. "Entry restored."
    reverse: Callable[[], Any]  # runs on the writer thread
    patient_id: int
    case_id: int | None
    what: str = ""  # the change it reverses, as the doctor was told of it ("Lab value added.")


class TimelineEditor(QObject):
    """Routes the timeline's links, runs edits and deletes, and keeps the undo stack of the Records page."""

    changed = Signal()  # after any change or undo, once the page shows the record again

    def __init__(self, ctx: AppContext, service: RecordsService, selection: RecordSelection,
                 timeline: TimelineBrowser, show_again: Callable[[int, int | None], TaskHandle | None],
                 view: QWidget) -> None:
        """``view`` is the page: the undo bar, the dialogs and Ctrl+Z belong to it, and it is the origin of the change
        notices published here (it has redrawn already). ``show_again(patient_id, case_id)`` shows a patient again
        after a write, on the same case and tab."""
        super().__init__(view)
        self.ctx = ctx
        self.service = service
        self.selection = selection
        self.view = view
        self._show_again = show_again
        self.undo_stack: list[UndoStep] = []
        self.bar = UndoBar(view)
        self.bar.undo_button.clicked.connect(self.undo)
        self.last_handle = None
        self.open_dialog: QDialog | None = None
        timeline.setOpenLinks(False)
        timeline.anchorClicked.connect(self.handle_link)
        # Page-wide so it works with the focus on the timeline or the lists; a focused text field keeps its own Ctrl+Z.
        self.shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Undo), view)
        self.shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.shortcut.activated.connect(self.undo)
        self._store = None
        self._thumbnails: OrderedDict[str, bytes | None] = OrderedDict()

    # -- links ---------------------------------------------------------------------------------------------------
    def handle_link(self, url: QUrl) -> None:
        scheme, _, number = url.toString().partition(":")
        if not number.isdigit():
            return
        target = int(number)
        actions = {
            "entry-edit": self.edit_entry, "entry-delete": self.delete_entry, "attachment-open": self.open_attachment,
            "follow-up-edit": self.edit_follow_up, "follow-up-done": self.toggle_follow_up,
            "follow-up-delete": self.delete_follow_up,
        }
        if scheme in actions:
            actions[scheme](target)

    # -- entries -------------------------------------------------------------------------------------------------
    def edit_entry(self, entry_id: int) -> EntryEditDialog | None:
        entry = self.selection.entry(entry_id)
        if entry is None:
            return None
        dialog = EntryEditDialog(entry, self.view)
        dialog.accepted.connect(lambda: self.save_entry_changes(entry, dialog.changes()))
        dialog.finished.connect(lambda _r: dialog.deleteLater())
        self.open_dialog = dialog
        dialog.open()
        return dialog

    def save_entry_changes(self, entry: Entry, changes: EntryChanges):
        changed = changes.changed()
        if not changed or entry.id is None:
            return None
        previous = EntryChanges(  # the inverse of this edit: the old values of exactly the fields it changes
            kind=entry.kind if "kind" in changed else KEEP,
            occurred_at=entry.occurred_at if "occurred_at" in changed else KEEP,
            text=entry.text if "text" in changed else KEEP,
            icd10=(entry.icd10 or "") if "icd10" in changed else KEEP)
        entry_id = entry.id
        step = UndoStep(self.tr("Edit undone."), lambda: self.service.cases.update_entry(entry_id, previous),
                        *self.selection.where())
        return self.write(lambda: self.service.cases.update_entry(entry_id, changes), step, self.tr("Entry saved."))

    def delete_entry(self, entry_id: int):
        entry = self.selection.entry(entry_id)
        if entry is None or entry.id is None:
            return None
        step = UndoStep(self.tr("Entry restored."), lambda: self.service.cases.restore_entry(entry_id),
                        *self.selection.where())
        return self.write(lambda: self.service.cases.delete_entry(entry_id), step, self.tr("Entry deleted."))

    # -- attachments ---------------------------------------------------------------------------------------------
    @property
    def store(self):
        if self._store is None:
            from cdss.records.attachments import AttachmentStore

            self._store = AttachmentStore.of(self.ctx.workspace)
        return self._store

    def thumbnail(self, attachment: Attachment) -> str | None:
        """The address the timeline shows a photo's thumbnail under; None (a file icon instead) for PDFs, broken or
        missing files."""
        from cdss.ui.records.timeline_html import thumbnail_address

        if attachment.media_type not in IMAGE_TYPES:
            return None
        return thumbnail_address(attachment.sha256) if self.thumbnail_bytes(attachment.sha256) else None

    def thumbnail_bytes(self, sha256: str) -> bytes | None:
        """The thumbnail's PNG (made and cached in the store on first request; None when it cannot be made).

        The last few are kept in memory, so redrawing the timeline after an edit reads (and, in an encrypted
        workspace, decrypts) none of them again; the hash names the content, so a kept one is never stale.
        """
        from cdss.errors import UserError

        if sha256 in self._thumbnails:
            self._thumbnails.move_to_end(sha256)
            return self._thumbnails[sha256]
        try:
            data = self.store.thumbnail(sha256, THUMBNAIL_PX)
        except (UserError, OSError, ValueError):
            data = None
        self._thumbnails[sha256] = data
        while len(self._thumbnails) > THUMBNAILS_KEPT:
            self._thumbnails.popitem(last=False)
        return data

    def open_attachment(self, entry_id: int, *, open_with_system: bool = True) -> Path | None:
        """Open a copy named as the original file (the store names files by hash) with the system's viewer; the copy
        is plain even in an encrypted workspace, so it goes to the private folder the app empties at start and exit."""
        from PySide6.QtGui import QDesktopServices

        from cdss.files import new_opened_copy_folder

        entry = self.selection.entry(entry_id)
        if entry is None or entry.attachment is None:
            return None
        target = self.store.export(entry.attachment.sha256, new_opened_copy_folder() / entry.attachment.filename)
        if open_with_system:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(target)))
        return target

    # -- follow-ups ----------------------------------------------------------------------------------------------
    def edit_follow_up(self, follow_up_id: int):
        from cdss.ui.records.follow_up_dialog import FollowUpDialog

        follow_up = self.selection.follow_up(follow_up_id)
        case = self.selection.case
        if follow_up is None or case is None:
            return None
        dialog = FollowUpDialog(case.opened_on, follow_up, self.view)
        dialog.accepted.connect(lambda: self.save_follow_up(follow_up, *dialog.value()))
        dialog.finished.connect(lambda _r: dialog.deleteLater())
        self.open_dialog = dialog
        dialog.open()
        return dialog

    def save_follow_up(self, follow_up: FollowUp, due: dt.date, note: str):
        fid = stored_id(follow_up)
        step = UndoStep(self.tr("Edit undone."),
                        lambda: self.service.follow_ups.update(
                            fid, FollowUpChanges(due=follow_up.due, note=follow_up.note)), *self.selection.where())
        return self.write(lambda: self.service.follow_ups.update(fid, FollowUpChanges(due=due, note=note)), step,
                          self.tr("Follow-up saved."))

    def toggle_follow_up(self, follow_up_id: int):
        follow_up = self.selection.follow_up(follow_up_id)
        if follow_up is None:
            return None
        done = not follow_up.done
        step = UndoStep(self.tr("Follow-up restored."),
                        lambda: self.service.follow_ups.update(follow_up_id, FollowUpChanges(done=not done)),
                        *self.selection.where())
        message = self.tr("Follow-up marked done.") if done else self.tr("Follow-up marked not done.")
        return self.write(lambda: self.service.follow_ups.update(follow_up_id, FollowUpChanges(done=done)), step,
                          message)

    def delete_follow_up(self, follow_up_id: int):
        follow_up = self.selection.follow_up(follow_up_id)
        case = self.selection.case
        if follow_up is None or case is None:
            return None
        case_id = stored_id(case)

        def bring_back():  # follow-ups are deleted for good, so undo adds an identical one
            again = self.service.follow_ups.add(case_id, follow_up.due, follow_up.note)
            if follow_up.done:
                self.service.follow_ups.update(stored_id(again), FollowUpChanges(done=True))

        step = UndoStep(self.tr("Follow-up restored."), bring_back, *self.selection.where())
        return self.write(lambda: self.service.follow_ups.delete(follow_up_id), step, self.tr("Follow-up deleted."))

    # -- writing and undo ----------------------------------------------------------------------------------------
    def write(self, change: Callable[[], Any], undo: UndoStep | Callable[[Any], UndoStep] | None, message: str,
              after: Callable[[Any], None] | None = None):
        """Run ``change`` on the writer; when it succeeds, offer ``undo`` and show the page again.

        ``undo`` may be a function of the change's result (an addition is undone by deleting what it created).
        ``after`` runs last, with the result, once the page shows the change.
        """
        patient_id, case_id = self.selection.where()

        def succeeded(result: Any) -> None:
            step = undo(result) if callable(undo) else undo
            self._changed(step, message, patient_id, case_id)
            if after is not None:
                after(result)

        handle = self.ctx.tasks.run_write(change, name="records-change")
        handle.finished.connect(while_alive(self, succeeded))
        self.last_handle = handle
        return handle

    def push(self, step: UndoStep, message: str) -> None:
        if not step.what:
            step = replace(step, what=message)
        self.undo_stack.append(step)
        del self.undo_stack[:-UNDO_DEPTH]
        self.bar.show_message(message, can_undo=True, undoes=step.what)

    def _changed(self, undo: UndoStep | None, message: str, patient_id: int, case_id: int | None) -> None:
        if undo is not None:
            self.push(undo, message)
        else:
            self.bar.show_message(message, can_undo=False)
        self.reload(patient_id, case_id)

    def undo(self):
        if not self.undo_stack:
            return None
        step = self.undo_stack.pop()
        handle = self.ctx.tasks.run_write(step.reverse, name="records-undo")
        handle.finished.connect(while_alive(self, lambda _r: (
            self.bar.show_message(step.label, can_undo=bool(self.undo_stack),
                                  undoes=self.undo_stack[-1].what if self.undo_stack else ""),
            self.reload(step.patient_id, step.case_id))))
        self.last_handle = handle
        return handle

    def reload(self, patient_id: int, case_id: int | None) -> None:
        """After a write from this page: show the patient again and tell every other view (cdss.ui.changes);
        ``changed`` follows once the page shows the record again (dialogs open over it redraw from it)."""
        handle = self._show_again(patient_id, case_id)
        self.ctx.changes.publish(RecordChange(patient_id, case_id, origin=self.view))
        if handle is None:
            self.changed.emit()
        else:
            handle.finished.connect(while_alive(self, lambda _shown: self.changed.emit()))

