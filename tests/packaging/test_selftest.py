"""``cdss --selftest`` from the source checkout, and how it reports a broken step."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

from cdss import selftest

REPO_ROOT = Path(__file__).resolve().parents[2]


def test_selftest_passes_from_the_source_checkout():
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, str(REPO_ROOT / "main.py"), "--selftest"], env=env, capture_output=True,
                            text=True, encoding="utf-8", timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert "source checkout" in lines[0]
    step_lines = [line for line in lines if line.startswith(("ok ", "FAIL"))]
    assert [line.split()[0] for line in step_lines] == ["ok"] * len(selftest.STEPS)
    for name, _step in selftest.STEPS:
        assert any(name in line for line in step_lines), name
    assert "major" in result.stdout and "warfarin" in result.stdout  # the interaction step says what it found
    assert lines[-1].startswith(f"selftest passed: {len(selftest.STEPS)} steps")


def test_a_failed_or_crashed_step_makes_the_exit_code_non_zero_and_names_it():
    def fine(ctx):
        return "fine"

    def wrong(ctx):
        raise selftest.SelftestFailure("expected an alert, got none")

    def crash(ctx):
        raise RuntimeError("boom")

    out = io.StringIO()
    code = selftest.run_selftest(out, steps=[("first", fine), ("second", wrong), ("third", crash)])
    report = out.getvalue()
    assert code == 1
    assert "ok   first" in report
    assert "FAIL second" in report and "expected an alert, got none" in report
    assert "FAIL third" in report and "RuntimeError: boom" in report and "Traceback" in report
    assert report.splitlines()[-1].startswith("selftest FAILED (second, third)")


def test_a_frozen_build_without_its_font_fails_the_font_step(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)  # a bundle with no resources/fonts
    results = selftest.run_steps(selftest.SelftestContext(tmp_path), [("font", selftest.step_bundled_font)])
    assert not results[0].ok and "no CJK font" in results[0].detail


def test_missing_translations_fail_the_main_window_step(tmp_path, monkeypatch, qapp):
    import cdss.ui.i18n

    monkeypatch.setattr(cdss.ui.i18n, "translations_dir", lambda: tmp_path / "no-translations")
    out = io.StringIO()
    code = selftest.run_selftest(out, steps=[("main window", selftest.step_main_window)])
    assert code == 1
    assert "FAIL main window" in out.getvalue() and ".qm" in out.getvalue()
