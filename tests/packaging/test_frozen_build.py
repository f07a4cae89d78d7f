"""Build the one-folder app with PyInstaller from this checkout and run the frozen program (slow: about 1–2 min).

This is what `make package` does; CI runs it through `make test`, which installs the package extra (PyInstaller).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = [pytest.mark.slow, pytest.mark.packaging]

REPO_ROOT = Path(__file__).resolve().parents[2]
BUILD_TIMEOUT_S = 900


@pytest.fixture(scope="module")
def frozen_app(tmp_path_factory, build_assets, build_script) -> Iterator[Path]:
    """The dist/ folder of a fresh build (its --selftest already passed inside build.py)."""
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        pytest.skip("PyInstaller is not installed in this venv (pip install -e '.[package]'; make test installs it)")
    try:
        build_assets.find_font()
    except build_assets.BuildError as exc:
        pytest.skip(f"cannot bundle the CJK font: {exc}")
    if not list((REPO_ROOT / "resources" / "translations").glob("*.qm")):
        subprocess.run([sys.executable, "tools/translations.py", "release"], cwd=REPO_ROOT, check=True)
    out = tmp_path_factory.mktemp("package")
    start = time.monotonic()
    result = subprocess.run(
        [sys.executable, str(REPO_ROOT / "packaging" / "build.py"), "--dist", str(out / "dist"), "--work",
         str(out / "work")],
        cwd=REPO_ROOT, capture_output=True, text=True, encoding="utf-8", errors="replace", timeout=BUILD_TIMEOUT_S,
    )
    print(f"PyInstaller build + frozen selftest: {time.monotonic() - start:.0f} s")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-6000:]
    assert "selftest passed" in result.stdout, result.stdout
    assert "frozen build" in result.stdout  # it really ran from the bundle, not from this checkout
    yield out / "dist"
    shutil.rmtree(out, ignore_errors=True)  # about 350 MB; pytest would keep the last three runs' copies


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "CDSS_WORKSPACE")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def test_bundle_holds_font_licence_translations_migrations_and_packs(frozen_app):
    internal = frozen_app / "cdss" / "_internal"
    assert (internal / "resources" / "fonts" / "wqy-microhei.ttc").is_file()
    assert (internal / "resources" / "fonts" / "LICENSE-wqy-microhei.txt").is_file()
    assert (internal / "resources" / "translations" / "cdss_zh_CN.qm").is_file()
    assert (internal / "cdss" / "db" / "migrations" / "env.py").is_file()
    assert (internal / "cdss" / "exchange" / "server" / "migrations" / "env.py").is_file()
    assert (internal / "data" / "drugs" / "interactions.json").is_file()
    assert (internal / "data" / "literature" / "medical_userdict.txt").is_file()
    assert not (internal / "jieba" / "lac_small").exists()
    assert not list(internal.rglob("*Qt6Quick*"))


def test_frozen_cli_checks_an_interaction(frozen_app, build_script):
    executable = build_script.frozen_executable(frozen_app)
    result = subprocess.run([str(executable), "check", "warfarin", "fluconazole", "--json"], env=_env(),
                            capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert result.returncode == 0, result.stderr
    alerts = json.loads(result.stdout)["alerts"]
    assert any(a["kind"] == "interaction" and a["severity"] in ("major", "contraindicated") for a in alerts)


def test_frozen_app_starts_shows_the_window_and_quits(frozen_app, build_script, tmp_path):
    executable = build_script.frozen_executable(frozen_app)
    env = {**_env(), "CDSS_QUIT_AFTER_MS": "0", "CDSS_STARTUP_PROBE": "1"}
    result = subprocess.run([str(executable), "--workspace", str(tmp_path / "ws")], env=env, capture_output=True,
                            text=True, encoding="utf-8", timeout=120)
    assert result.returncode == 0, result.stderr
    assert "cdss-startup-shown" in result.stderr
    assert "main window shown" in (tmp_path / "ws" / "logs" / "cdss.log").read_text(encoding="utf-8")
