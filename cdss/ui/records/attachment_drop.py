"""Photos and PDFs onto the open case by drag and drop (onto the timeline or anywhere on the Records page) or by
pasting (Ctrl+V of an image or of files copied in the file manager).

The checks and the storing live in :mod:`cdss.records.attachment_intake` and run on the single writer; each file is
taken or refused on its own, refusals are named in the page's message bar, and the new entries can be undone.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QByteArray, QEvent, QIODevice, QMimeData, QObject, Qt
from PySide6.QtGui import QGuiApplication, QImage, QKeyEvent, QKeySequence, QShortcut

from cdss.ui.error_texts import user_error_text
from cdss.ui.records.entry_editor import THUMBNAIL_PX, TimelineEditor, UndoStep
from cdss.ui.tasks import while_alive

if TYPE_CHECKING:
    from PySide6.QtWidgets import QLineEdit, QTextBrowser, QWidget

    from cdss.records.attachment_intake import IntakeResult
    from cdss.records.service import RecordsService
    from cdss.ui.context import AppContext
    from cdss.ui.records.selection import RecordSelection

def local_paths(mime: QMimeData) -> list[Path]:
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


def image_png_bytes(image: QImage) -> bytes:
    """A clipboard image as PNG (lossless, so a pasted screenshot of an ECG keeps every line)."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


class AttachmentDropHandler(QObject):
    def __init__(self, ctx: AppContext, service: RecordsService, selection: RecordSelection, editor: TimelineEditor,
                 view: QWidget, timeline: QTextBrowser, capture_text: QLineEdit) -> None:
        """Files dropped anywhere on ``view`` (the page) or on ``timeline``, or pasted into either or into
        ``capture_text``, are attached to the case on screen."""
        super().__init__(view)
        self.ctx = ctx
        self.service = service
        self.selection = selection
        self.editor = editor
        self.last_handle = None
        self.last_results: list[IntakeResult] = []
        for widget in (view, timeline.viewport()):
            widget.setAcceptDrops(True)
            widget.installEventFilter(self)
        # Ctrl+V in the capture line or on the timeline: an image or copied files are attached, text pastes as usual.
        capture_text.installEventFilter(self)
        timeline.installEventFilter(self)
        self.shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Paste), view)
        self.shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.shortcut.activated.connect(self.paste)

    # -- what can be taken ---------------------------------------------------------------------------------------
    @staticmethod
    def carries_files(mime: QMimeData | None) -> bool:
        return mime is not None and (bool(local_paths(mime)) or mime.hasImage())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            if self.carries_files(event.mimeData()) and self.selection.case is not None:
                event.acceptProposedAction()
                return True
        elif kind == QEvent.Type.Drop:
            if self.carries_files(event.mimeData()):
                event.acceptProposedAction()
                self.attach_mime(event.mimeData())
                return True
        elif kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and event.matches(
                QKeySequence.StandardKey.Paste):
            if self.carries_files(QGuiApplication.clipboard().mimeData()):
                self.paste()
                return True
        return super().eventFilter(watched, event)

    # -- taking ---------------------------------------------------------------------------------------------------
    def paste(self):
        mime = QGuiApplication.clipboard().mimeData()
        if not self.carries_files(mime):
            return None
        return self.attach_mime(mime)

    def attach_mime(self, mime: QMimeData):
        paths = local_paths(mime)
        if paths:
            return self.attach_paths(paths)
        if mime.hasImage():
            image = QImage(mime.imageData())
            if not image.isNull():
                name = f"pasted-image-{dt.datetime.now():%Y%m%d-%H%M%S}.png"
                return self.attach_data(image_png_bytes(image), name)
        if mime.hasUrls():
            self.editor.bar.show_message(self.tr("Only files on this computer can be attached. Save the file "
                                                 "first, then drop it here."), can_undo=False)
        return None

    def _case_id(self) -> int | None:
        case = self.selection.case
        if case is None:
            self.editor.bar.show_message(self.tr("Open a case first: files are attached to a case."), can_undo=False)
            return None
        return case.id

    def attach_paths(self, paths: list[Path]):
        from cdss.records.attachment_intake import attach_paths

        case_id = self._case_id()
        if case_id is None:
            return None
        service, store = self.service, self.editor.store
        return self._run(lambda: attach_paths(service, store, case_id, paths))

    def attach_data(self, data: bytes, filename: str):
        from cdss.errors import UserError
        from cdss.records.attachment_intake import IntakeResult, attach_bytes

        case_id = self._case_id()
        if case_id is None:
            return None
        service, store = self.service, self.editor.store

        def work() -> list[IntakeResult]:
            try:
                return [IntakeResult(filename, entry=attach_bytes(service, store, case_id, data, filename))]
            except UserError as error:
                return [IntakeResult(filename, error=error)]

        return self._run(work)

    def _run(self, work):
        patient_id, case_id = self.selection.where()
        store = self.editor.store

        def work_and_thumbnails() -> list[IntakeResult]:
            results = work()
            for result in results:
                if result.entry is not None and result.entry.attachment is not None:
                    store.thumbnail(result.entry.attachment.sha256, THUMBNAIL_PX)  # None for PDFs: nothing to make
            return results

        handle = self.ctx.tasks.run_write(work_and_thumbnails, name="attach-files")
        handle.finished.connect(while_alive(self, lambda results: self._done(results, patient_id, case_id)))
        self.last_handle = handle
        return handle

    def _done(self, results: list[IntakeResult], patient_id: int, case_id: int | None) -> None:
        self.last_results = list(results)
        added = [r.entry.id for r in results if r.entry is not None and r.entry.id is not None]
        refused = [user_error_text(r.error) for r in results if r.error is not None]
        lines = []
        if added:
            lines.append(self.tr("Attached {count} file(s).").format(count=len(added)))
        lines += refused
        message = "\n".join(lines)
        if added:
            service = self.service

            def remove_all() -> None:
                for entry_id in added:
                    service.cases.delete_entry(entry_id)

            self.editor.push(UndoStep(self.tr("Attachment removed."), remove_all, patient_id, case_id), message)
            self.editor.reload(patient_id, case_id)
        else:
            self.editor.bar.show_message(message, can_undo=False)
