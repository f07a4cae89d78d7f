"""Settings dialog (language, backup, restore) and how errors reach the user."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QMessageBox

from cdss.errors import UserError
from cdss.settings import SettingsService
from cdss.ui.errors import CrashDialog
from cdss.ui.settings_dialog import SettingsDialog


def test_back_up_now_and_restore_from_the_dialog(qtbot, main_window):
    ctx = main_window.ctx
    settings = SettingsService(ctx.workspace)
    settings.set("language", "en")
    dialog = SettingsDialog(ctx, main_window)
    qtbot.addWidget(dialog)
    assert dialog.backup_list.count() == 0
    dialog.back_up_now()
    qtbot.waitUntil(lambda: dialog.backup_list.count() == 1, timeout=5000)

    settings.set("language", "zh_CN")
    dialog.backup_list.setCurrentRow(0)
    with qtbot.waitSignal(dialog.restored, timeout=5000):
        dialog.restore_selected()
    assert SettingsService(ctx.workspace).get("language") == "en"
    qtbot.waitUntil(lambda: dialog.backup_list.count() == 2, timeout=5000)  # plus the before-restore copy


def test_language_combo_switches_the_window(qtbot, main_window):
    dialog = SettingsDialog(main_window.ctx, main_window)
    qtbot.addWidget(dialog)
    dialog.language_chosen.connect(main_window.set_language)
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("zh_CN"))
    qtbot.waitUntil(lambda: main_window.nav_buttons["drugs"].text() == "药物", timeout=3000)
    assert dialog.backup_button.text() == "立即备份"


def test_user_error_shows_a_message_and_a_bug_shows_the_crash_dialog(qtbot, main_window):
    reporter = main_window.ctx.errors
    reporter.report(UserError("bad_file", "The file is not a CSV file."))
    box = reporter.dialogs[-1]
    assert isinstance(box, QMessageBox) and box.text() == "The file is not a CSV file."
    box.close()

    try:
        raise ZeroDivisionError("bug")
    except ZeroDivisionError as exc:
        reporter.report(exc)
    crash = reporter.dialogs[-1]
    assert isinstance(crash, CrashDialog)
    path_label = crash.findChild(QLabel, "crashLogPath")
    assert str(main_window.ctx.log_path) in path_label.text()
    assert main_window.ctx.log_path.is_file()
    assert "ZeroDivisionError" in main_window.ctx.log_path.read_text(encoding="utf-8")
    crash.close()


def test_a_failing_task_reaches_the_crash_dialog(qtbot, main_window):
    def broken():
        raise KeyError("missing")

    handle = main_window.ctx.tasks.run(broken)
    with qtbot.waitSignal(handle.done, timeout=5000):
        pass
    assert isinstance(main_window.ctx.errors.dialogs[-1], CrashDialog)
    main_window.ctx.errors.dialogs[-1].close()


def test_user_errors_are_shown_in_the_interface_language(qtbot, main_window):
    from cdss.ui.error_texts import user_error_text

    error = UserError("backup_missing", "No backup file at /x.sqlite3.", path="/x.sqlite3")
    assert user_error_text(error) == "No backup file at /x.sqlite3."
    main_window.set_language("zh_CN")
    assert user_error_text(error) == "/x.sqlite3 处没有备份文件。"
    # A code without a translation, or parameters that do not fit, fall back to the English text.
    assert user_error_text(UserError("unknown_code", "Plain English.")) == "Plain English."
    assert user_error_text(UserError("backup_missing", "English fallback.")) == "English fallback."
