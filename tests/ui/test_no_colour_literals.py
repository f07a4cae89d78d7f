"""Colours live in cdss/ui/palette.py only: a colour written anywhere else in the UI code would not follow the dark
scheme. Strings are read as Python tokens (comments such as "issue #16" do not count) and QColor calls from the
syntax tree."""

from __future__ import annotations

import ast
import io
import re
import tokenize
from pathlib import Path

import pytest

UI = Path(__file__).resolve().parents[2] / "cdss" / "ui"
PALETTE = UI / "palette.py"

#: #rgb or #rrggbb (not an HTML entity such as &#123;), rgb(…)/rgba(…), and CSS colour names after a colour property.
_HEX = re.compile(r"(?<![&\w])#(?:[0-9a-fA-F]{6}|[0-9a-fA-F]{3})(?![0-9a-zA-Z_])")
_RGB = re.compile(r"\brgba?\s*\(", re.IGNORECASE)
_CSS_NAMED = re.compile(
    r"(?:color|background|bgcolor|border[\w-]*)\s*[:=]\s*['\"]?[^;'\"]*?\b(white|black|red|green|blue|gr[ae]y|"
    r"yellow|orange|purple|navy|silver|maroon|teal|olive|lime|aqua|fuchsia|pink|brown|gold)\b", re.IGNORECASE)
# Python 3.12 splits f-strings into parts; 3.11 gives each as one STRING token
_STRING_TOKENS = {tokenize.STRING} | ({tokenize.FSTRING_MIDDLE} if hasattr(tokenize, "FSTRING_MIDDLE") else set())


def _ui_sources() -> list[Path]:
    return sorted(p for p in UI.rglob("*.py") if p != PALETTE)


def colour_literals(source: str) -> list[str]:
    """Each colour written in ``source``: in its strings, as a QColor of a name or numbers, or as a Qt.GlobalColor."""
    found = []
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type in _STRING_TOKENS:
            for pattern in (_HEX, _RGB, _CSS_NAMED):
                found += [f"line {token.start[0]}: {m.group(0)}" for m in pattern.finditer(token.string)]
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", None)) == "QColor":
            if node.args and all(isinstance(a, ast.Constant) for a in node.args):
                found.append(f"line {node.lineno}: QColor({', '.join(repr(a.value) for a in node.args)})")
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Attribute | ast.Name):
            owner = node.value.attr if isinstance(node.value, ast.Attribute) else node.value.id
            if owner == "GlobalColor" or (owner == "Qt" and node.attr in _GLOBAL_COLOURS):
                found.append(f"line {node.lineno}: Qt.{node.attr}")
    return found


_GLOBAL_COLOURS = {"white", "black", "red", "darkRed", "green", "darkGreen", "blue", "darkBlue", "cyan", "darkCyan",
                   "magenta", "darkMagenta", "yellow", "darkYellow", "gray", "darkGray", "lightGray", "color0",
                   "color1"}


@pytest.mark.parametrize("path", _ui_sources(), ids=lambda p: str(p.relative_to(UI)))
def test_no_colour_is_written_outside_the_palette(path):
    found = colour_literals(path.read_text(encoding="utf-8"))
    assert not found, f"{path.relative_to(UI.parent.parent)} writes colours itself; use cdss.ui.palette: {found}"


@pytest.mark.parametrize("source", [
    'STYLE = "color:#b3261e"',
    "label.setStyleSheet('background: #fff;')",
    'html = f"<span style=\'color:{x}; border:1px solid #d5dde0\'>"',
    'QColor("white")',
    "QColor(179, 38, 30)",
    "painter.setPen(Qt.GlobalColor.red)",
    "brush = Qt.white",
    'css = "color: rgb(10, 20, 30)"',
    "s = \"<span style='color:white; background:x'>\"",
])
def test_the_check_finds_colours_written_every_usual_way(source):
    assert colour_literals(source)


@pytest.mark.parametrize("source", [
    "# issue #16 item 7, see #abc123 in the tracker",
    'name = f"#{tag}"',
    'entity = "&#123;"',
    'selector = "QFrame#alertCard"',
    "QColor(palette.current().danger)",
    'style = "white-space:pre-wrap"',
])
def test_the_check_leaves_other_text_alone(source):
    assert colour_literals(source) == []
