"""The one colour palette of the interface: named roles, each with a light and a dark value.

Every colour the UI draws comes from here: the style sheet (``resources/style/app.qss`` is a template whose
``@role`` placeholders are filled from the palette), HTML rendered into text views, item delegates and charts.
Roles are named by meaning (``text_muted``, ``danger``, ``severity_major``), never by hue, so a scheme can change
a hue without renaming anything.

Light values are the colours the app has always used. Dark values keep WCAG AA contrast (at least 4.5:1 for text)
on the dark surfaces; ``TEXT_PAIRS`` lists which text sits on which surface, and the tests measure every pair.

Which scheme: ``CDSS_COLOR_SCHEME=light|dark`` when set (tests, screenshots), otherwise the system's
(``QStyleHints.colorScheme``), followed live when the system switches.
"""

from __future__ import annotations

import logging
import os
import re
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QApplication, QWidget

log = logging.getLogger(__name__)

#: Forces a scheme whatever the system uses: "light" or "dark".
SCHEME_ENV = "CDSS_COLOR_SCHEME"
SCHEMES = ("light", "dark")


@dataclass(frozen=True)
class Palette:
    scheme: str

    # -- surfaces. In light the platform's own palette stays in charge of the native widgets; the light surface
    # values are Fusion's standard ones, used when light must be forced over a dark system and to measure contrast.
    window_bg: str
    base_bg: str  # text views, inputs, lists
    alternate_bg: str
    button_bg: str
    card_bg: str  # patient cards, alert cards, medication items
    card_border: str
    card_selected_bg: str  # the selected patient card; regimen chips
    chip_hover_bg: str
    panel_bg: str  # the monograph's summary box
    panel_border: str
    status_bg: str  # the status bar
    disabled_text: str
    selection_bg: str
    selection_text: str
    tooltip_bg: str

    # -- text
    text: str
    text_strong: str  # a patient's name on the card
    text_secondary: str  # supporting lines: management advice, card details, status bar
    text_muted: str  # hints, empty states, metadata
    text_subtle: str  # timestamps, separators, "not checked"
    title: str  # the empty-state heading, paper titles
    heading: str  # monograph section headings and badges
    link: str
    drug_link: str  # a medication's name opening its monograph
    danger: str  # errors, allergies, overdue, out of range, unreviewed alerts
    danger_bg: str  # the re-check alerts banner
    danger_border: str
    warning: str  # "check the picture", "waiting to be sent"
    ok: str  # why a paper matches the case
    accent: str  # selection frame, chip border

    # -- the navigation rail
    rail_bg: str
    rail_text: str
    rail_hover_bg: str
    rail_checked_bg: str
    rail_checked_text: str

    # -- alert severity: stripes, badges and severity words
    severity_contraindicated: str
    severity_major: str
    severity_moderate: str
    severity_minor: str
    on_severity: str  # text on a severity-coloured (or due) badge
    due_badge: str  # follow-ups due, on the patient card

    # -- notices and highlights
    notice_bg: str  # the undo bar
    notice_border: str
    find_highlight_bg: str  # "find in this monograph" matches
    badge_bg: str  # monograph badges (NRDL, essential medicine)
    tag_bg: str  # an exchanged case's tags
    removed_bg: str  # share preview: identifiers struck out
    removed_text: str
    added_bg: str  # share preview: their replacements
    added_text: str
    changed_bg: str  # share preview: a row with changes
    conflict_bg: str  # exchange conflict: a field that differs

    # -- timeline entry kinds (the label and the stripe of each entry)
    kind_complaint: str
    kind_history: str
    kind_exam: str
    kind_test: str
    kind_diagnosis: str
    kind_treatment: str
    kind_medication: str
    kind_progress: str
    kind_attachment: str
    kind_follow_up: str
    kind_note: str

    # -- the lab trend chart
    chart_bg: str
    chart_text: str
    chart_grid: str
    chart_axis: str
    chart_line_1: str
    chart_line_2: str
    chart_range_1: str
    chart_range_2: str
    chart_target: str
    chart_out_of_range: str

    def __getitem__(self, role: str) -> str:
        if role not in ROLES:
            raise KeyError(f"no colour role {role!r}")
        return getattr(self, role)

    @property
    def is_dark(self) -> bool:
        return self.scheme == "dark"

    def severity(self, severity: str | None) -> str:
        """The colour of a checker severity; unrated and unknown ones look minor."""
        return getattr(self, f"severity_{severity}", self.severity_minor)


LIGHT = Palette(
    scheme="light",
    window_bg="#efefef", base_bg="#ffffff", alternate_bg="#f7f7f7", button_bg="#efefef",
    card_bg="#ffffff", card_border="#d5dde0", card_selected_bg="#e8f3f4", chip_hover_bg="#d3e9eb",
    panel_bg="#f3f7f8", panel_border="#d5e0e4", status_bg="#f2f5f6", disabled_text="#bebebe",
    selection_bg="#308cc6", selection_text="#ffffff", tooltip_bg="#ffffdc",
    text="#000000", text_strong="#1b2a2f", text_secondary="#44545a", text_muted="#5b7083", text_subtle="#8a979c",
    title="#1f4f56", heading="#23424f", link="#3a6ea5", drug_link="#1f6f78",
    danger="#b3261e", danger_bg="#fdf3f2", danger_border="#e2b9b5", warning="#8a5a00", ok="#2e6b3a",
    accent="#3a8a94",
    rail_bg="#1f4f56", rail_text="#e8f1f2", rail_hover_bg="#2a646c", rail_checked_bg="#3a8a94",
    rail_checked_text="#ffffff",
    severity_contraindicated="#b3261e", severity_major="#d3591c", severity_moderate="#b08800",
    severity_minor="#5b7083", on_severity="#ffffff", due_badge="#d3591c",
    notice_bg="#fff4d6", notice_border="#e8c66a", find_highlight_bg="#ffe58a", badge_bg="#e3ecef",
    tag_bg="#e8f0fe", removed_bg="#fde7e9", removed_text="#b3261e", added_bg="#e6f4ea", added_text="#1e6b34",
    changed_bg="#fffbe6", conflict_bg="#fff4e5",
    kind_complaint="#1f6f78", kind_history="#44545a", kind_exam="#3a6ea5", kind_test="#6a4c93",
    kind_diagnosis="#b3261e", kind_treatment="#2e7d32", kind_medication="#d3591c", kind_progress="#5b7083",
    kind_attachment="#8a6d3b", kind_follow_up="#00897b", kind_note="#5b7083",
    # QtCharts' light theme (white, #404044 labels, #e2e2e2 grid, #d6d6d6 axes): set explicitly so dark can differ
    chart_bg="#ffffff", chart_text="#404044", chart_grid="#e2e2e2", chart_axis="#d6d6d6",
    chart_line_1="#1f5fa8", chart_line_2="#7b3fa0", chart_range_1="#e6f2e6", chart_range_2="#f1e6f5",
    chart_target="#dce9f7", chart_out_of_range="#c62828",
)

# Dark: blue-grey surfaces in the app's teal family; every hue lifted until its text passes AA on the surfaces.
DARK = Palette(
    scheme="dark",
    window_bg="#1b2124", base_bg="#13181a", alternate_bg="#1a2023", button_bg="#1f272a",
    card_bg="#20292d", card_border="#3b4a50", card_selected_bg="#1d3b40", chip_hover_bg="#285058",
    panel_bg="#1c2529", panel_border="#34444a", status_bg="#161c1f", disabled_text="#6b7a80",
    selection_bg="#2a6a72", selection_text="#ffffff", tooltip_bg="#273135",
    text="#e3e9eb", text_strong="#f1f5f6", text_secondary="#bccacf", text_muted="#9fb2bf", text_subtle="#8c9ca2",
    title="#8fd3da", heading="#a9cdd6", link="#8cb8ec", drug_link="#6fcdd5",
    danger="#ff8a80", danger_bg="#3a1f1d", danger_border="#7a3b35", warning="#f2b85b", ok="#86d196",
    accent="#4fb0ba",
    rail_bg="#142f33", rail_text="#e8f1f2", rail_hover_bg="#1f454a", rail_checked_bg="#2a6a72",
    rail_checked_text="#ffffff",
    severity_contraindicated="#ff8a80", severity_major="#ffa36b", severity_moderate="#e8c547",
    severity_minor="#9fb2bf", on_severity="#13181a", due_badge="#ffa36b",
    notice_bg="#3b3218", notice_border="#8a7330", find_highlight_bg="#6e5a12", badge_bg="#2b3a40",
    tag_bg="#243552", removed_bg="#4a2226", removed_text="#ff9e96", added_bg="#1d3a26", added_text="#8fd9a0",
    changed_bg="#34301a", conflict_bg="#3a2e1c",
    kind_complaint="#6fcdd5", kind_history="#bccacf", kind_exam="#8cb8ec", kind_test="#c3a6e8",
    kind_diagnosis="#ff8a80", kind_treatment="#86d196", kind_medication="#ffa36b", kind_progress="#9fb2bf",
    kind_attachment="#d8b77a", kind_follow_up="#5fd1c0", kind_note="#9fb2bf",
    chart_bg="#13181a", chart_text="#cfd8db", chart_grid="#2c373c", chart_axis="#4a585e",
    chart_line_1="#6fa8f0", chart_line_2="#c79be8", chart_range_1="#1f3a24", chart_range_2="#3a2642",
    chart_target="#1d3350", chart_out_of_range="#ff6b6b",
)

PALETTES = {"light": LIGHT, "dark": DARK}
ROLES = tuple(f.name for f in fields(Palette) if f.name != "scheme")

_SURFACES = ("base_bg", "window_bg", "card_bg")

#: (text role, the background it is drawn on): every pair must reach WCAG AA (4.5:1) in the dark palette. The light
#: palette is today's look, measured by the same test, which names the few pairs that fall short there.
TEXT_PAIRS: tuple[tuple[str, str], ...] = (
    *((fg, bg) for fg in ("text", "text_strong", "text_secondary", "text_muted", "text_subtle", "title", "heading",
                          "link", "drug_link", "danger", "warning", "ok", "severity_contraindicated",
                          "severity_major", "severity_moderate", "severity_minor")
      for bg in _SURFACES),
    *((f"kind_{kind}", "base_bg") for kind in ("complaint", "history", "exam", "test", "diagnosis", "treatment",
                                                "medication", "progress", "attachment", "follow_up", "note")),
    ("text_strong", "card_selected_bg"), ("text_secondary", "card_selected_bg"), ("text", "card_selected_bg"),
    ("text", "chip_hover_bg"),
    ("text", "panel_bg"), ("danger", "panel_bg"), ("heading", "badge_bg"),
    ("text", "danger_bg"), ("text_secondary", "danger_bg"),
    ("text", "notice_bg"), ("text", "tag_bg"), ("text", "changed_bg"), ("text_muted", "changed_bg"),
    ("text", "conflict_bg"), ("text", "find_highlight_bg"),
    ("removed_text", "removed_bg"), ("added_text", "added_bg"),
    ("text_secondary", "status_bg"), ("title", "window_bg"),
    ("rail_text", "rail_bg"), ("rail_text", "rail_hover_bg"), ("rail_checked_text", "rail_checked_bg"),
    *(("on_severity", bg) for bg in ("severity_contraindicated", "severity_major", "severity_moderate",
                                     "severity_minor", "due_badge", "danger")),
    ("selection_text", "selection_bg"), ("text", "tooltip_bg"), ("text", "button_bg"), ("text", "alternate_bg"),
    ("chart_text", "chart_bg"),
)

#: Marks that are not text (stripes, chart lines and points) need 3:1 against what they sit on (WCAG 1.4.11).
GRAPHIC_PAIRS: tuple[tuple[str, str], ...] = (
    *((f"severity_{s}", "card_bg") for s in ("contraindicated", "major", "moderate", "minor")),
    *((line, "chart_bg") for line in ("chart_line_1", "chart_line_2", "chart_out_of_range")),
    ("chart_out_of_range", "chart_range_1"), ("chart_line_1", "chart_range_1"), ("chart_line_2", "chart_range_2"),
    ("chart_line_1", "chart_target"),
)


def relative_luminance(colour: str) -> float:
    """WCAG 2 relative luminance of ``#rrggbb``."""
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(first: str, second: str) -> float:
    """WCAG 2 contrast ratio of two ``#rrggbb`` colours (1 to 21)."""
    high, low = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


# -- which scheme -------------------------------------------------------------------------------------------------
def requested_scheme() -> str | None:
    """The scheme ``CDSS_COLOR_SCHEME`` forces, or None to follow the system."""
    value = os.environ.get(SCHEME_ENV, "").strip().lower()
    if not value:
        return None
    if value not in SCHEMES:
        log.warning("%s=%r is neither 'light' nor 'dark': following the system", SCHEME_ENV, value)
        return None
    return value


def system_scheme() -> str:
    """"dark" when the system says so (Qt 6.5+), else "light" (also when it does not say)."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is None:
        return "light"
    return "dark" if QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark else "light"


def chosen_scheme() -> str:
    """The environment's choice when it makes one, else the system's."""
    return requested_scheme() or system_scheme()


_current: Palette | None = None


def current() -> Palette:
    """The palette in use: what :func:`apply` set last, else the scheme chosen now."""
    return _current if _current is not None else PALETTES[chosen_scheme()]


# -- the style sheet ----------------------------------------------------------------------------------------------
_PLACEHOLDER = re.compile(r"@([a-z][a-z0-9_]*)")


def render_style_sheet(template: str, palette: Palette) -> str:
    """Fill each ``@role`` of the template with the palette's colour; an unknown role is an error, not a gap."""
    def fill(match: re.Match[str]) -> str:
        return palette[match.group(1)]

    return _PLACEHOLDER.sub(fill, template)


def style_sheet(palette: Palette) -> str:
    from cdss.paths import resource_path

    template = resource_path("style", "app.qss")
    return render_style_sheet(template.read_text(encoding="utf-8"), palette) if template.is_file() else ""


# -- Qt's palette, for the native widgets -------------------------------------------------------------------------
def qt_palette(palette: Palette) -> QPalette:
    """A complete QPalette from the roles, so native widgets (inputs, lists, tabs, menus) follow the scheme."""
    from PySide6.QtGui import QColor, QPalette

    group, role = QPalette.ColorGroup, QPalette.ColorRole
    result = QPalette(QColor(palette.button_bg), QColor(palette.window_bg))  # derives light/mid/dark shades
    colours = {
        role.Window: palette.window_bg, role.WindowText: palette.text, role.Base: palette.base_bg,
        role.AlternateBase: palette.alternate_bg, role.Text: palette.text, role.Button: palette.button_bg,
        role.ButtonText: palette.text, role.BrightText: palette.text_strong, role.Highlight: palette.selection_bg,
        role.HighlightedText: palette.selection_text, role.Link: palette.link, role.LinkVisited: palette.link,
        role.ToolTipBase: palette.tooltip_bg, role.ToolTipText: palette.text,
        role.PlaceholderText: palette.text_subtle, role.Accent: palette.accent,
    }
    for colour_role, value in colours.items():
        result.setColor(colour_role, QColor(value))
    for colour_role in (role.WindowText, role.Text, role.ButtonText):
        result.setColor(group.Disabled, colour_role, QColor(palette.disabled_text))
    result.setColor(group.Disabled, role.Base, QColor(palette.window_bg))
    result.setColor(group.Disabled, role.Highlight, QColor(palette.card_border))
    return result


# -- applying it --------------------------------------------------------------------------------------------------
_following_system = False
_applied_qt_palette: tuple[str, bool] | None = None  # (scheme, whether our own QPalette replaced the platform's)


def install(app: QApplication) -> Palette:
    """Apply the chosen scheme to ``app`` (style sheet and QPalette), then keep following the system's scheme.

    Safe to call again (e.g. for each window built on the same application): it re-applies what is not in place,
    and listens to the system only once.
    """
    global _following_system
    palette = apply(app)
    if not _following_system:
        from PySide6.QtGui import QGuiApplication

        QGuiApplication.styleHints().colorSchemeChanged.connect(lambda _scheme: apply(app))
        _following_system = True
    return palette


def apply(app: QApplication, scheme: str | None = None) -> Palette:
    """Switch ``app`` to ``scheme`` (default: the one chosen now) and re-render what has the old colours baked in."""
    global _current, _applied_qt_palette
    palette = PALETTES[scheme or chosen_scheme()]
    changed = _current is not None and palette is not _current
    _current = palette
    # Light on a light system keeps the platform's own palette for the native widgets, as the app always had; dark,
    # or light forced over a dark system, needs a complete palette of ours.
    own = palette.is_dark or system_scheme() == "dark"
    if _applied_qt_palette != (palette.scheme, own):
        from PySide6.QtGui import QPalette

        app.setPalette(qt_palette(palette) if own else QPalette())
        _applied_qt_palette = (palette.scheme, own)
    sheet = style_sheet(palette)
    if app.styleSheet() != sheet:  # setting it restyles every widget: only when it differs
        app.setStyleSheet(sheet)
    if changed:
        _rerender(app)
    return palette


def _rerender(app: QApplication) -> None:
    """HTML views, badges and charts keep the colours they were built with; each widget's ``retranslate_ui`` builds
    its text again (the same path a language switch takes), now with the new palette."""
    for widget in app.allWidgets():
        rebuild = getattr(widget, "retranslate_ui", None)
        if callable(rebuild):
            rebuild()
        widget.update()


# -- styling one widget -------------------------------------------------------------------------------------------
#: Text tones a label (or button) can take; app.qss colours each (``QLabel[tone="muted"]``).
TONES = ("muted", "secondary", "danger")


def set_tone(widget: QWidget, tone: str | None) -> None:
    """Give ``widget`` a text tone from app.qss (``None``: the default text colour), restyled at once."""
    if tone is not None and tone not in TONES:
        raise ValueError(f"unknown tone {tone!r}")
    if widget.property("tone") == tone:
        return
    widget.setProperty("tone", tone)
    # A dynamic property only takes effect in the style sheet when the widget is polished again.
    widget.style().unpolish(widget)
    widget.style().polish(widget)
