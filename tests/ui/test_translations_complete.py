"""No English left in the Chinese interface: the zh_CN catalogue is complete and in step with the code, every room
rendered in Chinese shows no source string that has a translation, and a missing .qm is an error that says how to
build it."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QLineEdit, QTableWidget, QTabWidget

from cdss.paths import resource_path

TS = resource_path("translations") / "cdss_zh_CN.ts"
ROOT = resource_path().parent


def _messages(path: Path):
    for context in ET.parse(path).getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            yield (context.findtext("name"), message.findtext("source") or "", translation)


def _unfinished(path: Path) -> list[str]:
    out = []
    for context, source, translation in _messages(path):
        kind = translation.get("type") if translation is not None else None
        if kind in ("obsolete", "vanished"):
            continue
        if translation is None or kind == "unfinished" or not (translation.text or "").strip():
            out.append(f"[{context}] {source}")
    return out


def test_the_chinese_catalogue_has_no_unfinished_entry():
    assert _unfinished(TS) == []


def test_every_string_in_the_code_is_in_the_catalogue(tmp_path):
    """Re-scan the code into a copy of the catalogue: a tr() string added without a translation shows up."""
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    if not lupdate.exists() and shutil.which("pyside6-lupdate") is None:
        pytest.skip("pyside6-lupdate not installed")
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import translations
    finally:
        sys.path.pop(0)
    copy = tmp_path / "cdss_zh_CN.ts"
    shutil.copy(TS, copy)
    subprocess.run([str(lupdate if lupdate.exists() else "pyside6-lupdate"), *translations.sources(), "-ts",
                    str(copy), "-no-obsolete"], cwd=ROOT, check=True, capture_output=True)
    assert _unfinished(copy) == [], "run 'python tools/translations.py update' and translate the new strings"


def _visible_texts(widget) -> list[tuple[str, str]]:
    texts = []
    for child in widget.findChildren(QLabel) + widget.findChildren(QAbstractButton):
        if child.isVisibleTo(widget) and child.text():
            texts.append((child.objectName() or type(child).__name__, child.text()))
    for box in widget.findChildren(QGroupBox):
        if box.isVisibleTo(widget) and box.title():
            texts.append((box.objectName() or "QGroupBox", box.title()))
    for edit in widget.findChildren(QLineEdit):
        if edit.isVisibleTo(widget) and edit.placeholderText():
            texts.append((edit.objectName() or "QLineEdit", edit.placeholderText()))
    for tabs in widget.findChildren(QTabWidget):
        texts += [(tabs.objectName() or "QTabWidget", tabs.tabText(i)) for i in range(tabs.count())]
    for table in widget.findChildren(QTableWidget):
        for column in range(table.columnCount()):
            header = table.horizontalHeaderItem(column)
            if header is not None and header.text():
                texts.append((table.objectName() or "QTableWidget", header.text()))
    return texts


def test_rooms_rendered_in_chinese_show_no_untranslated_source_string(qtbot, main_window):
    translated = {source for _context, source, translation in _messages(TS)
                  if translation is not None and (translation.text or "").strip() not in ("", source)}
    from cdss.records.demo import seed

    seed(main_window.ctx.workspace)
    assert main_window.ctx.languages.apply("zh_CN")
    qtbot.wait(50)  # Qt delivers the LanguageChange events through the event loop
    leaks = []
    for key in ("records", "drugs", "literature", "exchange"):
        main_window.show_room(key)
        page = main_window.room_pages[key]
        qtbot.waitUntil(lambda page=page: getattr(page, "ready", True) and main_window.ctx.tasks.pending == 0,
                        timeout=30000)
        qtbot.wait(20)
        leaks += [(key, name, text) for name, text in _visible_texts(main_window) if text in translated]
    assert leaks == [], "\n".join(map(str, leaks))


def test_screenshot_in_a_language_whose_qm_is_missing_says_how_to_build_it(tmp_path, monkeypatch):
    from cdss import app as app_module
    from cdss.errors import UserError
    from cdss.ui import i18n

    monkeypatch.setattr(i18n, "translations_dir", lambda: tmp_path / "no-translations")
    with pytest.raises(UserError) as info:
        app_module.take_screenshots(tmp_path / "ws", tmp_path / "shots", language="zh_CN")
    assert info.value.code == "translation_missing" and "make translations" in str(info.value)
