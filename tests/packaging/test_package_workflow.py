"""The GitHub Actions packaging workflow cannot run here, so its structure is checked against the repository."""

from __future__ import annotations

import fnmatch
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

REPO_ROOT = Path(__file__).resolve().parents[2]
WORKFLOW = REPO_ROOT / ".github" / "workflows" / "package.yml"
ISS = REPO_ROOT / "packaging" / "windows" / "cdss.iss"
MATRIX_PLATFORMS = {"windows-latest": "win32", "macos-latest": "darwin"}


@pytest.fixture(scope="module")
def workflow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def package_job(workflow) -> dict:
    return workflow["jobs"]["package"]


def _steps_running(job: dict, needle: str) -> list[dict]:
    return [step for step in job["steps"] if needle in step.get("run", "")]


def _uses(job: dict, action: str) -> list[dict]:
    return [step for step in job["steps"] if step.get("uses", "").startswith(action + "@")]


def test_workflow_is_valid_against_the_github_actions_schema():
    pytest.importorskip("check_jsonschema", reason="check-jsonschema is in the test extra (make test installs it)")
    result = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows", str(WORKFLOW)],
        capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_triggers_and_permissions(workflow):
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` key as True
    assert {"push", "workflow_dispatch"} <= set(triggers)
    assert workflow["permissions"] == {"contents": "read"}


def test_one_job_per_os_windows_and_macos(package_job):
    oses = [entry["os"] for entry in package_job["strategy"]["matrix"]["include"]]
    assert sorted(oses) == ["macos-latest", "windows-latest"]
    assert package_job["runs-on"] == "${{ matrix.os }}"
    assert package_job["strategy"]["fail-fast"] is False
    assert 0 < package_job["timeout-minutes"] <= 60


def _index(job: dict, found) -> int:
    return next(i for i, step in enumerate(job["steps"]) if found(step.get("run", ""), step.get("uses", "")))


def test_steps_in_order_install_test_build_selftest_installer_upload(package_job):
    order = [
        _index(package_job, lambda run, uses: uses.startswith("actions/checkout@")),
        _index(package_job, lambda run, uses: "pip install" in run),
        _index(package_job, lambda run, uses: "pytest" in run),
        _index(package_job, lambda run, uses: "packaging/build.py --no-selftest" in run),
        _index(package_job, lambda run, uses: "--selftest" in run and "build.py" not in run),
        _index(package_job, lambda run, uses: "--installer" in run),
        _index(package_job, lambda run, uses: uses.startswith("actions/upload-artifact@")),
    ]
    assert order == sorted(order)


def test_python_311_and_the_package_extra_are_installed(package_job):
    (setup,) = _uses(package_job, "actions/setup-python")
    assert str(setup["with"]["python-version"]) == "3.11"
    (install,) = _steps_running(package_job, "pip install")
    assert '".[test,package]"' in install["run"]
    assert _steps_running(package_job, "tools/translations.py release"), "the build needs the compiled .qm files"


def test_the_test_step_skips_only_what_the_job_does_itself(package_job):
    (tests,) = _steps_running(package_job, "pytest")
    assert "tests/unit" in tests["run"] and "tests/packaging" in tests["run"]
    assert '"not slow and not packaging"' in tests["run"]  # the build itself is the next step, not a test here
    assert tests["env"]["CDSS_CJK_FONT"] == package_job["env"]["CDSS_BUNDLE_FONT"]
    (selftest,) = [s for s in _steps_running(package_job, "--selftest") if "build.py" not in s["run"]]
    assert "CDSS_CJK_FONT" not in selftest.get("env", {})  # the frozen app must find its bundled font by itself


def test_selftest_runs_the_frozen_executable_that_build_py_produces(package_job, build_script):
    (selftest,) = [s for s in _steps_running(package_job, "--selftest") if "build.py" not in s["run"]]
    assert "${{ matrix.frozen }}" in selftest["run"]
    for entry in package_job["strategy"]["matrix"]["include"]:
        expected = build_script.frozen_executable(Path("dist"), MATRIX_PLATFORMS[entry["os"]])
        assert Path(entry["frozen"]) == expected


def test_uploaded_installer_pattern_matches_what_build_py_names_it(package_job, build_script, build_assets):
    (upload,) = _uses(package_job, "actions/upload-artifact")
    assert upload["with"]["path"] == "${{ matrix.installer }}"
    assert upload["with"]["if-no-files-found"] == "error"
    version = build_assets.app_version()
    names = {"windows-latest": f"dist/installer/CDSS-Desk-{version}-setup.exe",
             "macos-latest": f"dist/installer/CDSS-Desk-{version}.dmg"}
    for entry in package_job["strategy"]["matrix"]["include"]:
        assert fnmatch.fnmatch(names[entry["os"]], entry["installer"])
    build_py = (REPO_ROOT / "packaging" / "build.py").read_text(encoding="utf-8")
    assert 'f"CDSS-Desk-{version}-setup.exe"' in build_py and 'f"CDSS-Desk-{version}.dmg"' in build_py


def test_font_artifact_flows_from_the_ubuntu_job_to_the_bundle(workflow, package_job, build_assets):
    font_job = workflow["jobs"]["cjk-font"]
    assert package_job["needs"] == "cjk-font"
    (apt,) = _steps_running(font_job, "apt-get install")
    assert "fonts-wqy-microhei" in apt["run"]
    (upload,) = _uses(font_job, "actions/upload-artifact")
    (download,) = _uses(package_job, "actions/download-artifact")
    assert upload["with"]["name"] == download["with"]["name"]
    assert upload["with"]["path"] == build_assets.FONT_FILENAME
    font_env = package_job["env"][build_assets.FONT_ENV]
    assert font_env == "${{ github.workspace }}/" + download["with"]["path"] + "/" + build_assets.FONT_FILENAME


def test_every_file_the_workflow_runs_exists(package_job):
    runs = " ".join(step.get("run", "") for step in package_job["steps"])
    paths = set(re.findall(r"(?:python|bash) ((?:packaging|tools)/[\w/.-]+)", runs))
    paths |= set(re.findall(r"\b(tests/[\w/]+)", runs))
    assert {"packaging/build.py", "tools/translations.py", "tests/unit", "tests/packaging"} <= paths
    for path in paths:
        assert (REPO_ROOT / path).exists(), path
    for path in ("packaging/cdss.spec", "packaging/windows/cdss.iss", "packaging/macos/make_dmg.sh"):
        assert (REPO_ROOT / path).is_file(), path


def test_inno_setup_script_takes_what_build_py_passes(build_assets):
    iss = ISS.read_text(encoding="utf-8")
    build_py = (REPO_ROOT / "packaging" / "build.py").read_text(encoding="utf-8")
    for define in ("AppVersion", "SourceDir", "OutputDir"):
        assert f"#ifndef {define}" in iss and f"/D{define}=" in build_py
    assert "OutputBaseFilename=CDSS-Desk-{#AppVersion}-setup" in iss
    assert 'AppExe "cdss.exe"' in iss
    # The setup icon is read from the bundle: the spec must put app.ico there.
    assert r"SetupIconFile={#SourceDir}\_internal\resources\icons\app.ico" in iss
    assert re.search(r"^AppId=\{\{[0-9A-F-]{36}\}$", iss, re.MULTILINE)


def test_dmg_script_uses_hdiutil_and_fails_fast():
    script = (REPO_ROOT / "packaging" / "macos" / "make_dmg.sh").read_text(encoding="utf-8")
    assert "set -euo pipefail" in script
    assert "hdiutil create" in script and "-format UDZO" in script
    assert "ln -s /Applications" in script
