"""The real entry point starts, shows the window and exits cleanly; without a display it says so in one line."""

from __future__ import annotations

import os
import subprocess
import sys

from cdss.paths import project_root


def _env(**extra):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env.update(extra)
    return env


def test_main_py_opens_the_window_and_closes(tmp_path):
    result = subprocess.run(
        [sys.executable, str(project_root() / "main.py"), "--workspace", str(tmp_path / "ws")],
        env=_env(QT_QPA_PLATFORM="offscreen", CDSS_QUIT_AFTER_MS="200"),
        capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 0, result.stderr
    log = (tmp_path / "ws" / "logs" / "cdss.log").read_text(encoding="utf-8")
    assert "main window shown" in log
    assert result.stderr.count("Traceback") == 0


def test_without_a_display_the_app_says_so_in_one_line(tmp_path):
    if not sys.platform.startswith("linux"):
        return
    result = subprocess.run(
        [sys.executable, "-m", "cdss.cli", "--workspace", str(tmp_path / "ws"), "gui"],
        env=_env(), capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "no display" in lines[0] and "QT_QPA_PLATFORM=offscreen" in lines[0]


def test_screenshot_command_renders_every_room(tmp_path):
    out = tmp_path / "shots"
    result = subprocess.run(
        [sys.executable, "-m", "cdss.cli", "--workspace", str(tmp_path / "ws"), "screenshot", str(out),
         "--language", "zh_CN"],
        env=_env(QT_QPA_PLATFORM="offscreen"), capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 0, result.stderr
    for room in ("records", "drugs", "literature", "exchange"):
        png = out / f"{room}.png"
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
