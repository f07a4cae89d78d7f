"""What the PyInstaller spec is fed: version, icons, font and licence, data files, and what it leaves out."""

from __future__ import annotations

import ast
import shutil
import sys
import tomllib
from pathlib import Path

import pytest
from PIL import Image

import cdss
from cdss import paths

REPO_ROOT = Path(__file__).resolve().parents[2]


def test_version_comes_from_the_package_and_matches_pyproject(build_assets):
    pyproject = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert build_assets.app_version() == cdss.__version__ == pyproject["project"]["version"]


@pytest.mark.parametrize(("version", "numbers"), [
    ("0.1.0", (0, 1, 0, 0)), ("1.2", (1, 2, 0, 0)), ("2.10.3rc1", (2, 10, 3, 0)), ("1.0.0+local.7", (1, 0, 0, 0)),
])
def test_windows_version_numbers(build_assets, version, numbers):
    assert build_assets.version_tuple(version) == numbers


def test_windows_version_file_is_one_python_expression_with_the_version(build_assets, tmp_path):
    path = build_assets.write_windows_version_file("1.2.3", tmp_path / "v.txt")
    tree = ast.parse(path.read_text(encoding="utf-8"), mode="eval")
    assert isinstance(tree.body, ast.Call) and tree.body.func.id == "VSVersionInfo"
    strings = {node.args[0].value: node.args[1].value for node in ast.walk(tree)
               if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "StringStruct"}
    assert strings["ProductVersion"] == strings["FileVersion"] == "1.2.3"
    assert strings["OriginalFilename"] == "cdss.exe" and strings["ProductName"] == "CDSS Desk"
    assert "filevers=(1, 2, 3, 0)" in path.read_text(encoding="utf-8")


def test_icons_render_from_the_svg_for_every_platform(build_assets, tmp_path, qapp):
    png, ico, icns = build_assets.render_icons(tmp_path)
    with Image.open(png) as image:
        assert image.size == (1024, 1024)
        assert image.getpixel((512, 512))[3] == 255 and image.getpixel((0, 0))[3] == 0  # drawn, corners clear
    with Image.open(ico) as image:
        assert (256, 256) in image.info["sizes"] and (16, 16) in image.info["sizes"]
    with Image.open(icns) as image:
        assert image.format == "ICNS"


def test_font_override_must_be_wenquanyi_micro_hei(build_assets, tmp_path, monkeypatch):
    other = tmp_path / "other.ttf"
    other.write_bytes(b"not a font")
    monkeypatch.setenv(build_assets.FONT_ENV, str(other))
    with pytest.raises(build_assets.BuildError, match="wqy-microhei.ttc"):
        build_assets.find_font()
    wanted = tmp_path / build_assets.FONT_FILENAME
    wanted.write_bytes(b"stand-in")
    monkeypatch.setenv(build_assets.FONT_ENV, str(wanted))
    assert build_assets.find_font() == wanted


def test_font_licence_is_in_the_repository_and_names_the_licence(build_assets):
    text = build_assets.FONT_LICENSE.read_text(encoding="utf-8")
    assert "WenQuanYi Micro Hei" in text and "Apache License" in text and "Version 2.0, January 2004" in text


def test_data_files_carry_everything_the_app_reads_from_disk(build_assets, tmp_path):
    font = tmp_path / build_assets.FONT_FILENAME
    font.write_bytes(b"stand-in")
    assets = build_assets.Assets("0.1.0", tmp_path / "app.png", tmp_path / "app.ico", tmp_path / "app.icns", font,
                                 tmp_path / "v.txt")
    if not list((REPO_ROOT / "resources" / "translations").glob("*.qm")):
        pytest.skip("no compiled .qm translations (make translations)")
    pairs = build_assets.data_files(assets)
    by_dest: dict[str, list[str]] = {}
    for source, dest in pairs:
        by_dest.setdefault(dest.replace("\\", "/"), []).append(Path(source).name)
    assert "data" in by_dest and "resources/icons" in by_dest and "resources/style" in by_dest
    assert "cdss_zh_CN.qm" in by_dest["resources/translations"]
    assert {"env.py"} <= set(by_dest["cdss/db/migrations"]) and {"env.py"} <= set(by_dest[
        "cdss/exchange/server/migrations"])
    revisions = {p.name for p in (REPO_ROOT / "cdss" / "db" / "migrations" / "versions").glob("*.py")}
    assert revisions and revisions <= set(by_dest["cdss/db/migrations/versions"])
    assert "script.py.mako" in by_dest["cdss/db/migrations"]  # package data travels next to its module
    assert not any("__pycache__" in dest or name.endswith(".pyc") for dest, names in by_dest.items() for name in names)
    assert set(by_dest["resources/fonts"]) == {build_assets.FONT_FILENAME, build_assets.FONT_LICENSE.name}
    assert {"app.png", "app.ico"} <= set(by_dest["resources/icons"])
    assert not any(name.endswith(".ts") for names in by_dest.values() for name in names)


@pytest.mark.parametrize(("dest", "dropped"), [
    ("PySide6/Qt/lib/libQt6Quick.so.6", True),
    ("PySide6/Qt6Qml.dll", True),
    ("PySide6/Qt/lib/QtQuick.framework/Versions/A/QtQuick", True),
    ("PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so", True),
    ("PySide6\\Qt\\plugins\\imageformats\\qpdf.dll", True),
    ("PySide6/Qt/translations/qtbase_de.qm", True),
    ("PySide6\\translations\\qt_fr.qm", True),
    ("PySide6\\translations\\qtbase_zh_CN.qm", False),
    ("jieba/lac_small/model_baseline/crf.pdparams", True),
    ("PySide6/Qt/translations/qtbase_zh_CN.qm", False),
    ("PySide6/Qt/plugins/imageformats/libqsvg.so", False),
    ("PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so", False),
    ("PySide6/Qt/lib/libQt6Charts.so.6", False),
    ("PySide6/Qt/lib/libQt6OpenGLWidgets.so.6", False),
    ("jieba/dict.txt", False),
])
def test_only_unused_qt_and_jieba_parts_are_dropped(build_assets, dest, dropped):
    assert build_assets.is_unused_in_bundle(dest) is dropped
    toc = [(dest, "/src/x", "BINARY")]
    assert build_assets.drop_unused(toc) == ([] if dropped else toc)


@pytest.mark.parametrize(("platform", "expected"), [
    ("linux", "dist/cdss/cdss"), ("win32", "dist/cdss/cdss-cli.exe"),
    ("darwin", "dist/CDSS Desk.app/Contents/MacOS/cdss"),
])
def test_frozen_executable_per_platform(build_script, platform, expected):
    assert build_script.frozen_executable(Path("dist"), platform) == Path(expected)


def test_frozen_app_finds_its_resources_and_bundled_font_under_meipass(tmp_path, monkeypatch):
    bundle = tmp_path / "_internal"
    (bundle / "resources" / "fonts").mkdir(parents=True)
    font = bundle / "resources" / "fonts" / "wqy-microhei.ttc"
    system_font = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
    shutil.copyfile(system_font, font) if system_font.is_file() else font.write_bytes(b"stand-in")
    (bundle / "resources" / "fonts" / "LICENSE-wqy-microhei.txt").write_text("licence", encoding="utf-8")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)
    assert paths.is_frozen()
    assert paths.project_root() == bundle
    assert paths.resource_path("translations") == bundle / "resources" / "translations"
    assert paths.data_path("drugs") == bundle / "data" / "drugs"
    assert paths.bundled_fonts() == [font]  # the licence is not taken for a font
    from cdss.records.pdf_fonts import candidate_fonts

    assert candidate_fonts()[-1] == font  # the bundled font is the last resort, after the system's fonts


def test_source_checkout_is_not_frozen_and_bundles_no_font():
    assert not paths.is_frozen()
    assert paths.project_root() == REPO_ROOT
    assert paths.bundled_fonts() == []


def test_spec_is_valid_python_and_wires_the_helpers():
    spec = (REPO_ROOT / "packaging" / "cdss.spec").read_text(encoding="utf-8")
    compile(spec, "cdss.spec", "exec")  # PyInstaller exec()s it; a syntax error would only show at build time
    for needed in ("build_assets.prepare_assets(", "build_assets.data_files(", "build_assets.drop_unused(a.binaries)",
                   "build_assets.drop_unused(a.datas)", "collect_submodules(\"cdss\")", "BUNDLE(", "X utf8"):
        assert needed in spec, needed
