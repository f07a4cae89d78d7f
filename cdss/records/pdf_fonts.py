"""Finding a CJK TrueType font on this computer for PDF export.

reportlab embeds only fonts with TrueType (glyf) outlines. Many CJK fonts are OpenType/CFF (Noto Sans CJK, Source Han,
PingFang): reportlab refuses them with "postscript outlines are not supported", so each candidate is actually loaded
and a refusal just moves on to the next one. A ``.ttc`` collection is tried at its first few sub-fonts.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

from cdss.errors import UserError

log = logging.getLogger(__name__)

FONT_NAME = "CDSS-CJK"
_REGISTER_LOCK = threading.Lock()
_registered: dict[str, str] = {}  # font file (and sub-font) → registered reportlab font name


def _windows_fonts() -> list[Path]:
    root = Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"
    return [root / n for n in ("msyh.ttc", "msyh.ttf", "simsun.ttc", "simhei.ttf", "simkai.ttf", "msjh.ttc")]


def _mac_fonts() -> list[Path]:
    return [
        Path("/Library/Fonts/Arial Unicode.ttf"),
        Path("/System/Library/Fonts/Supplemental/Arial Unicode.ttf"),
        Path("/System/Library/Fonts/STHeiti Light.ttc"),
        Path("/System/Library/Fonts/STHeiti Medium.ttc"),
        Path("/System/Library/Fonts/Hiragino Sans GB.ttc"),
        Path("/Library/Fonts/Songti.ttc"),
        Path("/System/Library/Fonts/PingFang.ttc"),  # CFF on recent macOS: tried last, skipped if refused
    ]


def _linux_fonts() -> list[Path]:
    roots = [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), Path.home() / ".local/share/fonts"]
    names = [
        "truetype/wqy/wqy-microhei.ttc",
        "truetype/wqy/wqy-zenhei.ttc",
        "wqy-microhei/wqy-microhei.ttc",
        "wqy-zenhei/wqy-zenhei.ttc",
        "truetype/droid/DroidSansFallbackFull.ttf",
        "truetype/droid/DroidSansFallback.ttf",
        "google-droid/DroidSansFallbackFull.ttf",
        "truetype/arphic/uming.ttc",
        "truetype/arphic/ukai.ttc",
        "opentype/noto/NotoSansCJK-Regular.ttc",  # CFF: will be skipped, listed so the log says so
    ]
    return [root / name for root in roots for name in names]


def candidate_fonts() -> list[Path]:
    """Where to look, in order of preference; ``CDSS_CJK_FONT`` (a font file) comes first when set."""
    override = os.environ.get("CDSS_CJK_FONT")
    ordered = [Path(override)] if override else []
    if sys.platform.startswith("win"):
        ordered += _windows_fonts()
    elif sys.platform == "darwin":
        ordered += _mac_fonts()
    else:
        ordered += _linux_fonts()
    # Last resort: the font an installed build carries (resources/fonts), so export works on any computer.
    from cdss.paths import bundled_fonts

    ordered += bundled_fonts()
    return ordered


@dataclass(frozen=True)
class RegisteredFont:
    name: str  # the reportlab font name to use in styles
    path: Path


def _try_register(path: Path) -> str | None:
    """Register ``path`` with reportlab; ``None`` if it is not a usable TrueType font."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFError, TTFont

    indexes = range(3) if path.suffix.lower() == ".ttc" else range(1)
    for index in indexes:
        key = f"{path}#{index}"
        if key in _registered:
            return _registered[key]
        name = f"{FONT_NAME}-{len(_registered)}"
        try:
            font = TTFont(name, str(path), subfontIndex=index)
        except TTFError as exc:  # CFF outlines, a broken file, or no such sub-font
            log.info("skipping font %s[%d]: %s", path, index, exc)
            continue
        except (OSError, ValueError, IndexError, KeyError) as exc:
            log.info("skipping unreadable font %s[%d]: %s", path, index, exc)
            continue
        if not _has_chinese(font):
            continue
        pdfmetrics.registerFont(font)
        _registered[key] = name
        return name
    return None


def _has_chinese(font: object) -> bool:
    char_widths = getattr(getattr(font, "face", None), "charToGlyph", {})
    return ord("中") in char_widths and ord("A") in char_widths


def find_cjk_font(font_path: Path | None = None, candidates: list[Path] | None = None) -> RegisteredFont:
    """Register and return the first usable CJK TrueType font (``font_path`` when given).

    Raises ``UserError("no_cjk_font")`` naming what to install when none is found.
    """
    paths = [font_path] if font_path is not None else (candidates if candidates is not None else candidate_fonts())
    tried: list[str] = []
    with _REGISTER_LOCK:
        for path in paths:
            if not path.is_file():
                continue
            tried.append(str(path))
            name = _try_register(path)
            if name is not None:
                return RegisteredFont(name, path)
    if font_path is not None:
        raise UserError(
            "cjk_font_unusable",
            f"The font {font_path} cannot be embedded in a PDF. Choose a TrueType font (.ttf/.ttc) with Chinese "
            "characters, such as Microsoft YaHei (msyh.ttc), SimSun or WenQuanYi Micro Hei.",
            path=str(font_path),
        )
    raise UserError(
        "no_cjk_font",
        "No Chinese TrueType font was found for the PDF. Install one and try again: on Windows Microsoft YaHei or "
        "SimSun (normally present); on macOS Arial Unicode or STHeiti; on Linux the package fonts-wqy-microhei "
        "(e.g. 'sudo apt install fonts-wqy-microhei'). Noto Sans CJK cannot be used (its outlines are CFF). You "
        "can also point the CDSS_CJK_FONT environment variable at a .ttf/.ttc file.",
        tried=tried,
    )
