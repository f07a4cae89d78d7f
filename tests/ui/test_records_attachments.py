"""Drop photos and PDFs onto the timeline, paste an image with Ctrl+V, see refusals; undo an attachment."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from PIL import Image
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent, QGuiApplication, QImage
from PySide6.QtWidgets import QApplication

from cdss.records.service import RecordsService
from tests.ui.conftest import settle


def _case_on_screen(qtbot, window):
    """A patient with one case, shown on the Records page of ``window``."""
    service = RecordsService(window.ctx.workspace)
    patient = service.patients.create("赵六")
    case = service.cases.create(patient.id, "Ankle sprain", opened_on=dt.date(2024, 7, 1))
    page = window.room_pages["records"]
    page.search()
    settle(qtbot, page.ctx.tasks)
    return page, service, case


@pytest.fixture()
def opened(qtbot, main_window):
    return _case_on_screen(qtbot, main_window)


def _jpeg_file(path):
    buffer = io.BytesIO()
    Image.new("RGB", (320, 200), (30, 120, 200)).save(buffer, "JPEG")
    path.write_bytes(buffer.getvalue())
    return path


def _drop(widget, mime: QMimeData) -> bool:
    enter = QDragEnterEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, enter)
    if not enter.isAccepted():
        return False
    drop = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, drop)
    return drop.isAccepted()


def _wait(qtbot, handle):
    """The task, and the redraw it sets off (the patient is read again on the read pool), are both done."""
    assert handle is not None
    qtbot.waitUntil(lambda: handle.is_done, timeout=10_000)
    settle(qtbot, handle.parent())


def test_dropping_a_photo_and_a_bad_file_on_the_timeline(qtbot, opened, tmp_path):
    page, service, case = opened
    photo = _jpeg_file(tmp_path / "ankle.jpg")
    bad = tmp_path / "notes.txt"
    bad.write_text("not a photo", encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(photo)), QUrl.fromLocalFile(str(bad))])
    assert _drop(page.timeline.viewport(), mime)
    _wait(qtbot, page.attachment_drop.last_handle)
    entries = service.cases.get(case.id).entries
    assert [e.attachment.filename for e in entries] == ["ankle.jpg"]
    message = page.editor.bar.message.text()
    assert "Attached 1 file" in message and "notes.txt is not a photo" in message
    html = page.timeline.toHtml()
    assert "ankle.jpg" in html and "<img" in html  # shown as a thumbnail
    opened_copy = page.editor.open_attachment(entries[0].id, open_with_system=False)
    assert opened_copy.name == "ankle.jpg" and opened_copy.read_bytes() == photo.read_bytes()
    _wait(qtbot, page.editor.undo())
    assert service.cases.get(case.id).entries == ()
    assert "ankle.jpg" not in page.timeline.toPlainText()


def test_pasting_an_image_from_the_clipboard(qtbot, opened):
    page, service, case = opened
    image = QImage(120, 80, QImage.Format.Format_RGB32)
    image.fill(QColor("#2e7d32"))
    QGuiApplication.clipboard().setImage(image)
    page.capture.text.setFocus()
    qtbot.keyClick(page.capture.text, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    _wait(qtbot, page.attachment_drop.last_handle)
    (entry,) = service.cases.get(case.id).entries
    assert entry.attachment.media_type == "image/png" and entry.attachment.filename.startswith("pasted-image-")
    assert page.capture.text.text() == ""  # the image was not pasted as text into the capture line
    QGuiApplication.clipboard().clear()


def test_drops_need_an_open_case(qtbot, main_window, tmp_path):
    page = main_window.room_pages["records"]
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(_jpeg_file(tmp_path / "x.jpg")))])
    assert page.selection.case is None
    assert not _drop(page.timeline.viewport(), mime)
    assert page.attachment_drop.attach_mime(mime) is None
    assert "Open a case first" in page.editor.bar.message.text()


def _shows_colour(widget, rgb: tuple[int, int, int], tolerance: int = 12) -> bool:
    image = widget.grab().toImage()
    for y in range(0, image.height(), 3):
        for x in range(0, image.width(), 3):
            pixel = image.pixelColor(x, y)
            seen = (pixel.red(), pixel.green(), pixel.blue())
            if all(abs(a - b) <= tolerance for a, b in zip(seen, rgb, strict=True)):
                return True
    return False


def test_an_encrypted_workspace_shows_and_opens_its_sealed_photos(qtbot, tmp_path, monkeypatch):
    from cdss.app import build_main_window
    from cdss.db import crypto
    from cdss.db.encrypt import encrypt_workspace
    from cdss.db.sealed import MAGIC
    from cdss.files import clear_opened_copies, opened_copies_dir
    from cdss.workspace import Workspace

    root = tmp_path / "ws"
    Workspace.open(root).close()
    encrypt_workspace(root, "correct horse battery", crypto.KdfParams(time_cost=1, memory_kib=8 * 1024, parallelism=1))
    _app, window = build_main_window(root, language="en")
    qtbot.addWidget(window)
    window.resize(1100, 760)
    window.show()
    qtbot.waitExposed(window)
    try:
        page, service, case = _case_on_screen(qtbot, window)
        photo = _jpeg_file(tmp_path / "ankle.jpg")
        mime = QMimeData()
        mime.setUrls([QUrl.fromLocalFile(str(photo))])
        assert _drop(page.timeline.viewport(), mime)
        _wait(qtbot, page.attachment_drop.last_handle)
        (entry,) = service.cases.get(case.id).entries
        for stored in (root / "attachments").rglob("*"):
            if stored.is_file():  # the photo and its thumbnail, both sealed on disk
                assert stored.read_bytes().startswith(MAGIC)
        qtbot.waitUntil(lambda: _shows_colour(page.timeline.viewport(), (30, 120, 200)), timeout=5000)

        opened_copy = page.editor.open_attachment(entry.id, open_with_system=False)
        assert opened_copy.read_bytes() == photo.read_bytes()
        assert opened_copies_dir() in opened_copy.parents
        clear_opened_copies()
        assert not opened_copy.exists()
    finally:
        window.ctx.tasks.wait_all()
        window.ctx.workspace.close()
        crypto.forget()
