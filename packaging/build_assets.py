"""Everything the PyInstaller spec needs besides the code: icons, the CJK font, version info and the data files.

Used by packaging/cdss.spec (which PyInstaller executes) and by the packaging tests. Generated files go to
``build/package-assets/``; nothing generated is kept in git. The font comes from the system at build time (the
Debian/Ubuntu package fonts-wqy-microhei) or from ``CDSS_BUNDLE_FONT``; its licence is kept in packaging/fonts/.
"""

from __future__ import annotations

import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ASSETS_DIR = ROOT / "build" / "package-assets"  # the spec passes its own work folder instead
APP_NAME = "CDSS Desk"
EXE_NAME = "cdss"
BUNDLE_ID = "org.cdss-desk.desktop"

FONT_FILENAME = "wqy-microhei.ttc"
FONT_LICENSE = ROOT / "packaging" / "fonts" / "LICENSE-wqy-microhei.txt"
FONT_ENV = "CDSS_BUNDLE_FONT"
#: Where Linux distributions put WenQuanYi Micro Hei (Debian/Ubuntu first, then Fedora/Arch).
SYSTEM_FONT_PATHS = (
    Path("/usr/share/fonts/truetype/wqy") / FONT_FILENAME,
    Path("/usr/share/fonts/wqy-microhei") / FONT_FILENAME,
    Path("/usr/share/fonts/wenquanyi/wqy-microhei") / FONT_FILENAME,
)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)

#: Alembic migration folders: copied into the bundle as source files, at the same place below cdss/.
MIGRATION_DIRS = ("cdss/db/migrations", "cdss/exchange/server/migrations")


#: Bundle entries the app never loads, dropped after analysis (about 45 MB). PySide6's hooks collect every Qt
#: plugin of a used module: the virtual-keyboard input plugin drags in Qt Quick/QML, the PDF image plugin Qt Pdf. The
#: app shows neither. Qt's own translations are kept for the two interface languages only; jieba's Paddle model
#: (lac_small) serves a mode the literature analyzer does not use. Paths are bundle-relative, "/"-separated.
UNUSED_IN_BUNDLE = re.compile(
    r"(^|/)plugins/platforminputcontexts/(lib)?qtvirtualkeyboardplugin"
    r"|(^|/)plugins/imageformats/(lib)?qpdf"
    r"|(^|/)(lib)?Qt6?(Quick|Qml|QmlModels|QmlMeta|QmlWorkerScript|Pdf|VirtualKeyboard|VirtualKeyboardQml)"
    r"(\.so|\.dll|\.dylib|\.framework/)"
    r"|^PySide6/(Qt/)?translations/(?!.*_(zh_CN|en)\.qm$)"  # Windows wheels have no Qt/ level
    r"|^jieba/lac_small/"
)


def is_unused_in_bundle(dest: str) -> bool:
    return UNUSED_IN_BUNDLE.search(dest.replace("\\", "/")) is not None


def drop_unused(toc: list) -> list:
    """A PyInstaller TOC (``(dest, source, typecode)`` entries) without :data:`UNUSED_IN_BUNDLE` entries."""
    return [entry for entry in toc if not is_unused_in_bundle(entry[0])]


class BuildError(RuntimeError):
    """The build cannot go on; the message says what to install or run."""


@dataclass(frozen=True)
class Assets:
    version: str
    icon_png: Path
    icon_ico: Path
    icon_icns: Path
    font: Path
    windows_version_file: Path


def app_version() -> str:
    """The package version, read from cdss/__init__.py without importing the app."""
    text = (ROOT / "cdss" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__\s*=\s*"([^"]+)"', text, re.MULTILINE)
    if not match:
        raise BuildError("cdss/__init__.py has no __version__ = \"…\" line")
    return match.group(1)


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """Four numbers for Windows file-version fields: "1.2.3rc1" → (1, 2, 3, 0)."""
    numbers = [int(n) for n in re.findall(r"\d+", version.split("+")[0])[:3]]
    return tuple(numbers + [0] * (4 - len(numbers)))  # type: ignore[return-value]


def find_font() -> Path:
    """The WenQuanYi Micro Hei file to bundle: ``$CDSS_BUNDLE_FONT`` or the system package's copy."""
    override = os.environ.get(FONT_ENV)
    if override:
        path = Path(override)
        if path.name != FONT_FILENAME or not path.is_file():
            raise BuildError(f"{FONT_ENV}={override} must name an existing {FONT_FILENAME} (the licence shipped "
                             f"with the app, {FONT_LICENSE.name}, is for that font only)")
        return path
    for path in SYSTEM_FONT_PATHS:
        if path.is_file():
            return path
    raise BuildError(f"no {FONT_FILENAME} found: install the package fonts-wqy-microhei "
                     f"(sudo apt-get install fonts-wqy-microhei) or set {FONT_ENV} to the file")


def render_icons(out_dir: Path) -> tuple[Path, Path, Path]:
    """resources/icons/app.svg → app.png (1024 px), app.ico (Windows) and app.icns (macOS), via QtSvg and Pillow."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PIL import Image
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([])  # QPainter needs one; kept alive for the paint
    renderer = QSvgRenderer(str(ROOT / "resources" / "icons" / "app.svg"))
    if not renderer.isValid():
        raise BuildError("resources/icons/app.svg could not be read as SVG")
    image = QImage(1024, 1024, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    out_dir.mkdir(parents=True, exist_ok=True)
    png, ico, icns = out_dir / "app.png", out_dir / "app.ico", out_dir / "app.icns"
    if not image.save(str(png)):
        raise BuildError(f"could not write {png}")
    with Image.open(png) as picture:
        picture.save(ico, sizes=[(s, s) for s in ICO_SIZES])
        picture.save(icns)
    return png, ico, icns


def write_windows_version_file(version: str, out: Path) -> Path:
    """The version resource PyInstaller stamps into cdss.exe (Explorer → Properties → Details)."""
    numbers = version_tuple(version)
    strings = {
        "CompanyName": APP_NAME, "FileDescription": APP_NAME, "FileVersion": version, "InternalName": EXE_NAME,
        "OriginalFilename": f"{EXE_NAME}.exe", "ProductName": APP_NAME, "ProductVersion": version,
    }
    string_structs = ", ".join(f"StringStruct({k!r}, {v!r})" for k, v in strings.items())
    out.write_text(
        "VSVersionInfo(\n"
        f"  ffi=FixedFileInfo(filevers={numbers}, prodvers={numbers}, mask=0x3f, flags=0x0, OS=0x40004,\n"
        "                    fileType=0x1, subtype=0x0, date=(0, 0)),\n"
        f"  kids=[StringFileInfo([StringTable('040904B0', [{string_structs}])]),\n"
        "        VarFileInfo([VarStruct('Translation', [1033, 1200])])]\n"
        ")\n",
        encoding="utf-8",
    )
    return out


def prepare_assets(out_dir: Path = ASSETS_DIR) -> Assets:
    version = app_version()
    out_dir.mkdir(parents=True, exist_ok=True)
    png, ico, icns = render_icons(out_dir)
    font_dir = out_dir / "fonts"
    font_dir.mkdir(exist_ok=True)
    font = font_dir / FONT_FILENAME
    shutil.copyfile(find_font(), font)
    shutil.copyfile(FONT_LICENSE, font_dir / FONT_LICENSE.name)
    version_file = write_windows_version_file(version, out_dir / "windows_version_info.txt")
    return Assets(version, png, ico, icns, font, version_file)


def data_files(assets: Assets) -> list[tuple[str, str]]:
    """(source, folder in the bundle) pairs for the spec's ``datas``: what the app reads from disk at run time."""
    qm_files = sorted((ROOT / "resources" / "translations").glob("*.qm"))
    if not qm_files:
        raise BuildError("no compiled translations in resources/translations: run 'make translations' first")
    pairs: list[tuple[str, str]] = [(str(ROOT / "data"), "data")]
    for folder in ("icons", "style"):
        pairs.append((str(ROOT / "resources" / folder), f"resources/{folder}"))
    pairs += [(str(qm), "resources/translations") for qm in qm_files]
    # Alembic reads env.py and the revision scripts as files, so they travel as source next to the frozen modules;
    # any other non-Python file in the package (templates, JSON tables) is package data read next to its module.
    package_files = [p for folder in MIGRATION_DIRS for p in (ROOT / folder).rglob("*.py")]
    package_files += [p for p in (ROOT / "cdss").rglob("*") if p.is_file() and p.suffix not in (".py", ".pyc", ".pyo")]
    for source in sorted(set(package_files)):
        if "__pycache__" not in source.parts:
            pairs.append((str(source), source.parent.relative_to(ROOT).as_posix()))
    pairs += [(str(assets.font), "resources/fonts"), (str(FONT_LICENSE), "resources/fonts")]
    # The raster icons too: the Windows installer takes its icon from the bundle (SetupIconFile in cdss.iss).
    pairs += [(str(assets.icon_png), "resources/icons"), (str(assets.icon_ico), "resources/icons")]
    return pairs
