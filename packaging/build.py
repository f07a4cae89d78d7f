"""Build CDSS Desk for this operating system and prove the result works: ``make package`` runs this.

    python packaging/build.py [--no-build] [--no-selftest] [--installer] [--dist DIR] [--work DIR]

1. PyInstaller builds the one-folder app from packaging/cdss.spec into dist/cdss/ (macOS also: dist/CDSS Desk.app).
2. The frozen app runs ``--selftest`` offscreen (drug check, literature search, PDF export, main window); a failure
   stops the build with the self-test's report.
3. With ``--installer``: Windows → Inno Setup (iscc) makes dist/installer/CDSS-Desk-<version>-setup.exe;
   macOS → packaging/macos/make_dmg.sh makes dist/installer/CDSS-Desk-<version>.dmg. Linux has no installer step.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_assets import APP_NAME, EXE_NAME, ROOT, BuildError, app_version  # noqa: E402

DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"
SPEC = ROOT / "packaging" / "cdss.spec"
SELFTEST_TIMEOUT_S = 300


def frozen_executable(dist: Path = DIST, platform: str = sys.platform) -> Path:
    """The frozen program that prints to a console (for ``--selftest`` and the command line) on ``platform``."""
    if platform.startswith("win"):
        return dist / EXE_NAME / f"{EXE_NAME}-cli.exe"
    if platform == "darwin":
        return dist / f"{APP_NAME}.app" / "Contents" / "MacOS" / EXE_NAME
    return dist / EXE_NAME / EXE_NAME


def run_pyinstaller(dist: Path = DIST, work: Path = WORK) -> float:
    try:
        import PyInstaller  # noqa: F401
    except ImportError as exc:
        raise BuildError("PyInstaller is not installed: pip install -e '.[package]' (make package does this)") from exc
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
                    "--distpath", str(dist), "--workpath", str(work), str(SPEC)], cwd=ROOT, check=True)
    return time.perf_counter() - start


def run_selftest(executable: Path) -> subprocess.CompletedProcess[str]:
    """Run the frozen ``--selftest`` offscreen, in a clean environment (no source checkout on the path)."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "CDSS_WORKSPACE")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    return subprocess.run([str(executable), "--selftest"], env=env, capture_output=True, text=True,
                          encoding="utf-8", errors="replace", timeout=SELFTEST_TIMEOUT_S)


def build_installer(version: str, dist: Path = DIST) -> Path:
    installer_dir = dist / "installer"
    installer_dir.mkdir(parents=True, exist_ok=True)
    if sys.platform.startswith("win"):
        iscc = shutil.which("iscc") or r"C:\Program Files (x86)\Inno Setup 6\ISCC.exe"
        subprocess.run([iscc, f"/DAppVersion={version}", f"/DSourceDir={dist / EXE_NAME}",
                        f"/DOutputDir={installer_dir}", str(ROOT / "packaging" / "windows" / "cdss.iss")], check=True)
        return installer_dir / f"CDSS-Desk-{version}-setup.exe"
    if sys.platform == "darwin":
        dmg = installer_dir / f"CDSS-Desk-{version}.dmg"
        subprocess.run(["bash", str(ROOT / "packaging" / "macos" / "make_dmg.sh"), str(dist / f"{APP_NAME}.app"),
                        str(dmg)], check=True)
        return dmg
    raise BuildError("installers are built on Windows (Inno Setup) and macOS (.dmg); on Linux use dist/cdss/")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-build", action="store_true", help="reuse the app already in --dist (CI steps)")
    parser.add_argument("--no-selftest", action="store_true", help="skip running the frozen --selftest")
    parser.add_argument("--installer", action="store_true", help="also build the Windows/macOS installer")
    parser.add_argument("--dist", type=Path, default=DIST, help="output folder (default: dist/)")
    parser.add_argument("--work", type=Path, default=WORK,
                        help="PyInstaller's work folder (default: build/pyinstaller/)")
    args = parser.parse_args(argv)
    version = app_version()
    try:
        executable = frozen_executable(args.dist)
        if not args.no_build:
            seconds = run_pyinstaller(args.dist, args.work)
            print(f"built CDSS Desk {version} in {seconds:.0f} s: {executable}")
        elif not executable.is_file():
            raise BuildError(f"--no-build, but there is no app at {executable}")
        if not args.no_selftest:
            result = run_selftest(executable)
            print(result.stdout, end="")
            if result.returncode != 0:
                print(result.stderr[-4000:], file=sys.stderr)
                print(f"frozen self-test failed (exit {result.returncode})", file=sys.stderr)
                return 1
        if args.installer:
            print(f"installer: {build_installer(version, args.dist)}")
    except BuildError as exc:
        print(f"package: {exc}", file=sys.stderr)
        return 2
    except subprocess.CalledProcessError as exc:
        print(f"package: {exc.cmd[0]} failed (exit {exc.returncode})", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
