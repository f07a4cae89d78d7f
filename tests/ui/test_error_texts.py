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


def test_what_the_records_refuse_is_said_in_chinese(qtbot, main_window, tmp_path):
    """Errors a doctor meets in the Records room, raised by the records services themselves (so their parameters are
    the real ones), are shown from the catalogue in the interface language, not in English."""
    import datetime as dt

    import pytest

    from cdss.errors import UserError
    from cdss.records.changes import CaseChanges
    from cdss.records.service import RecordsService
    from cdss.records.types import Entry, EntryKind, LabResult, Medication
    from cdss.ui.error_texts import user_error_text

    main_window.set_language("zh_CN")
    records = RecordsService(main_window.ctx.workspace)
    patient = records.patients.create("王芳")
    case = records.cases.create(patient.id, "高血压")
    refusals = [
        lambda: records.patients.get(999_999),
        lambda: records.cases.update(case.id, CaseChanges(title=" ")),
        lambda: records.cases.add_entry(case.id, Entry(EntryKind.DIAGNOSIS, dt.datetime(2024, 1, 1), "x",
                                                       icd10="hypertension")),
        lambda: records.patients.create("李雷", birth_date=dt.date.today() + dt.timedelta(days=2)),
        lambda: records.medications.add(patient.id, Medication("x", start=dt.date(2024, 2, 1),
                                                               end=dt.date(2024, 1, 1))),
        lambda: records.labs.add(patient.id, LabResult("肌酐", dt.datetime(2024, 1, 1))),
        lambda: records.follow_ups.delete(424_242),
    ]
    for refuse in refusals:
        with pytest.raises(UserError) as refused:
            refuse()
        shown = user_error_text(refused.value)
        assert shown != refused.value.message and any("\u4e00" <= ch <= "\u9fff" for ch in shown), refused.value.code
