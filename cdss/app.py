"""Start-up wiring: workspace → logging → QApplication → translators → main window.

Only what the first window needs is imported here; rooms load their heavy libraries on first use.
"""

from __future__ import annotations

import logging
import os
import sys
import time
from pathlib import Path
from typing import cast

from cdss.errors import UserError

log = logging.getLogger(__name__)

#: Tests and the start-up benchmark set this to close the app this many milliseconds after the window shows.
QUIT_AFTER_ENV = "CDSS_QUIT_AFTER_MS"
STARTUP_PROBE_ENV = "CDSS_STARTUP_PROBE"

_T0 = time.perf_counter()


def display_problem() -> str | None:
    """A one-line explanation when Qt would fail for lack of a display, else None."""
    if os.environ.get("QT_QPA_PLATFORM"):
        return None
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        return ("cdss: no display found (neither DISPLAY nor WAYLAND_DISPLAY is set). Run it on a desktop, or "
                "without a screen: QT_QPA_PLATFORM=offscreen cdss … (e.g. 'cdss screenshot OUT_DIR' to see the UI).")
    return None


def build_main_window(workspace_root: Path | None, *, demo: bool = False, language: str | None = None):
    """Create (or reuse) the QApplication and a ready MainWindow with its context; nothing is shown yet."""
    from PySide6.QtWidgets import QApplication

    from cdss.demo import seed_demo
    from cdss.logging_setup import configure_logging
    from cdss.paths import APP_NAME, APP_SLUG
    from cdss.settings import SettingsService
    from cdss.ui.context import AppContext
    from cdss.ui.errors import ErrorReporter
    from cdss.ui.i18n import LanguageManager
    from cdss.ui.main_window import MainWindow
    from cdss.ui.tasks import TaskRunner
    from cdss.workspace import Workspace

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_SLUG)
    from cdss.ui.palette import install as install_palette

    # The style sheet filled from the light or dark palette, following the system's scheme.
    install_palette(cast(QApplication, app))

    languages = LanguageManager(app)
    try:
        workspace = Workspace.open(workspace_root)
    except UserError as exc:
        if exc.code != "workspace_locked":
            raise
        # an encrypted workspace: the passphrase first, in the system's language (settings live inside the lock)
        from PySide6.QtCore import QLocale

        from cdss.ui.unlock_dialog import UnlockDialog

        chinese = QLocale.system().language() == QLocale.Language.Chinese
        languages.apply(language or ("zh_CN" if chinese else "en"))

        if UnlockDialog(Path(exc.params["path"])).exec() != UnlockDialog.DialogCode.Accepted:
            raise
        workspace = Workspace.open(workspace_root)
    log_path = configure_logging(workspace.logs_dir)
    if demo:
        seed_demo(workspace)
    errors = ErrorReporter(log_path)
    settings = SettingsService(workspace)
    languages.apply(language or settings.get("language"))
    tasks = TaskRunner(app)
    tasks.default_error_handler = errors.report
    ctx = AppContext(workspace, settings, tasks, languages, errors, log_path)
    return app, MainWindow(ctx)


def run_gui(workspace_root: Path | None, *, demo: bool = False) -> int:
    problem = display_problem()
    if problem:
        print(problem, file=sys.stderr)
        return 1
    try:
        app, window = build_main_window(workspace_root, demo=demo)
    except UserError as exc:
        _show_startup_error(exc)
        return 1
    window.ctx.errors.install()
    window.show()
    log.info("main window shown %.3f s after import of cdss.app", time.perf_counter() - _T0)
    if os.environ.get(STARTUP_PROBE_ENV):
        # bench/startup.py reads this wall-clock stamp to time process start → window shown.
        print(f"cdss-startup-shown {time.time():.6f}", file=sys.stderr, flush=True)
    from PySide6.QtCore import QTimer

    from cdss.ui.maintenance import start_maintenance

    # The daily backup and purge run after the window is up, on the writer thread, so they never delay start-up.
    QTimer.singleShot(0, lambda: start_maintenance(window.ctx))
    quit_after = os.environ.get(QUIT_AFTER_ENV)
    if quit_after is not None:
        QTimer.singleShot(int(quit_after), window.close)
    from cdss.files import clear_opened_copies

    # Copies opened in other programs are plain even in an encrypted workspace: none outlives a session. One left by
    # a session that crashed goes now; this session's go when it ends.
    QTimer.singleShot(0, clear_opened_copies)
    code = app.exec()
    window.ctx.tasks.wait_all()
    window.ctx.workspace.close()
    clear_opened_copies()
    return code


def take_screenshots(workspace_root: Path | None, out_dir: Path, *, language: str | None = None,
                     demo: bool = False) -> list[Path]:
    """Render the main window on each room to ``out_dir/<room>.png`` without a display."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from cdss.ui.rooms import ROOMS

    app, window = build_main_window(workspace_root, demo=demo, language=language)
    if language and window.ctx.languages.language != language:
        window.ctx.workspace.close()
        raise UserError("translation_missing", f"The {language} translation is not built "
                        f"(resources/translations/cdss_{language}.qm is missing): run 'make translations' "
                        "(or '.venv/bin/python tools/translations.py release') and try again.", language=language)
    out_dir.mkdir(parents=True, exist_ok=True)
    window.resize(1200, 780)
    window.show()

    def settle(page=None) -> None:
        # Rooms are built on first visit and load their data in the background: picture each once that has finished
        # (bounded wait), so the image shows the room and not its "loading…" state.
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and (window.ctx.tasks.pending or not getattr(page, "ready", True)):
            app.processEvents()
            time.sleep(0.02)
        app.processEvents()

    settle()
    paths = []
    for room in ROOMS:
        window.show_room(room.key)
        settle(window.room_pages[room.key])
        path = out_dir / f"{room.key}.png"
        if not window.grab().save(str(path)):
            raise UserError("screenshot_failed", f"Could not write {path}.", path=str(path))
        paths.append(path)
    window.close()
    window.ctx.tasks.wait_all()
    window.ctx.workspace.close()
    return paths


def _show_startup_error(exc: UserError) -> None:
    print(f"cdss: {exc}", file=sys.stderr)
    from PySide6.QtWidgets import QApplication, QMessageBox

    app = QApplication.instance() or QApplication(sys.argv[:1])
    if os.environ.get(QUIT_AFTER_ENV) is None and app.platformName() != "offscreen":
        QMessageBox.critical(None, "CDSS Desk", str(exc))
