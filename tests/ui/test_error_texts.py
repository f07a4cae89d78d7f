"""Error messages come from one catalogue (cdss/ui/error_texts.py), not from tables each room registers when its UI
module is imported: an error raised before its room was ever opened is still shown in the interface language."""

from __future__ import annotations

import os
import subprocess
import sys

from cdss.paths import resource_path

ROOT = resource_path().parent

# A fresh interpreter, so that nothing another test imported can register anything: only the error presenter and
# what it loads itself.
_SHOW_A_LITERATURE_ERROR = """
import sys
from PySide6.QtWidgets import QApplication
app = QApplication([])
from cdss.ui.i18n import LanguageManager
assert LanguageManager(app).apply("zh_CN"), "zh_CN translation not loaded"
from cdss.errors import UserError
from cdss.ui.errors import show_user_error
box = show_user_error(None, UserError("literature_not_found", "There is no paper with id 7 in the library.", id=7))
print(box.text())
print(sorted(name for name in sys.modules if name.startswith(("cdss.ui.literature", "cdss.literature"))))
"""


def test_a_literature_error_is_translated_although_no_literature_module_was_imported():
    done = subprocess.run([sys.executable, "-c", _SHOW_A_LITERATURE_ERROR], cwd=ROOT, capture_output=True,
                          text=True, timeout=120, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr[-2000:]
    shown, imported = done.stdout.strip().splitlines()[-2:]
    assert imported == "[]"  # neither the Literature room nor the library was loaded
    assert shown == "文献库中没有编号为 7 的文献。"


def test_every_room_s_codes_are_in_the_one_catalogue(qtbot, main_window):
    """One code from each room that used to register its own table, shown in Chinese."""
    from cdss.errors import UserError
    from cdss.ui.error_texts import user_error_text

    main_window.set_language("zh_CN")
    samples = {
        "attachment_empty": {"filename": "x.pdf"}, "export_folder_missing": {}, "cds_override_text_required": {},
        "literature_empty_query": {}, "pack_no_files": {}, "exchange_comment_empty": {},
        "backup_missing": {"path": "/b"},
    }
    for code, params in samples.items():
        english = f"English text of {code}"
        shown = user_error_text(UserError(code, english, **params))
        assert shown != english and any("\u4e00" <= ch <= "\u9fff" for ch in shown), code
