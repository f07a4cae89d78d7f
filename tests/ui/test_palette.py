"""The colour palette: contrast of every text role in both schemes, the style sheet template, choosing and switching
the scheme, and widgets that really draw in the palette's colours."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel

from cdss.paths import resource_path
from cdss.ui import palette
from cdss.ui.palette import DARK, GRAPHIC_PAIRS, LIGHT, PALETTES, ROLES, TEXT_PAIRS, contrast_ratio

AA_TEXT = 4.5
AA_GRAPHIC = 3.0

#: Light is the look the app has always had, kept exactly; these of its pairs fall short of AA today (measured
#: ratio in brackets). Listed so that none is added unnoticed and a fix shows up here; dark has none.
LIGHT_BELOW_AA = {
    ("text_subtle", "base_bg"): 3.01,  # #8a979c timestamps and "not checked" on white
    ("text_subtle", "window_bg"): 2.61,
    ("text_subtle", "card_bg"): 3.01,
    ("text_muted", "window_bg"): 4.47,  # #5b7083 hints on the grey window
    ("severity_minor", "window_bg"): 4.47,
    ("severity_major", "base_bg"): 4.03,  # #d3591c as a severity word
    ("severity_major", "window_bg"): 3.50,
    ("severity_major", "card_bg"): 4.03,
    ("severity_moderate", "base_bg"): 3.30,  # #b08800 as a severity word
    ("severity_moderate", "window_bg"): 2.87,
    ("severity_moderate", "card_bg"): 3.30,
    ("kind_medication", "base_bg"): 4.03,  # timeline labels
    ("kind_follow_up", "base_bg"): 4.32,
    ("rail_checked_text", "rail_checked_bg"): 4.01,  # the selected room in the rail
    ("on_severity", "severity_major"): 4.03,  # white on the orange badge
    ("on_severity", "severity_moderate"): 3.30,  # white on the amber badge
    ("on_severity", "due_badge"): 4.03,
    ("selection_text", "selection_bg"): 3.69,  # Fusion's own selection colours, not the app's
}


@pytest.fixture()
def restore_scheme(qapp):
    """Tests here switch the application's scheme; put the chosen one back after each."""
    yield qapp
    palette.apply(qapp)


def test_every_role_has_a_light_and_a_dark_colour():
    for scheme, colours in PALETTES.items():
        assert colours.scheme == scheme
        for role in ROLES:
            assert re.fullmatch(r"#[0-9a-f]{6}", colours[role]), (scheme, role, colours[role])
    with pytest.raises(KeyError):
        LIGHT["no_such_role"]


@pytest.mark.parametrize(("foreground", "background"), TEXT_PAIRS)
def test_dark_text_reaches_wcag_aa(foreground, background):
    ratio = contrast_ratio(DARK[foreground], DARK[background])
    assert ratio >= AA_TEXT, f"{foreground} {DARK[foreground]} on {background} {DARK[background]}: {ratio:.2f}"


@pytest.mark.parametrize(("foreground", "background"), GRAPHIC_PAIRS)
def test_stripes_and_chart_marks_stand_out_in_both_schemes(foreground, background):
    for colours in (DARK, LIGHT):
        ratio = contrast_ratio(colours[foreground], colours[background])
        assert ratio >= AA_GRAPHIC, f"{colours.scheme}: {foreground} on {background}: {ratio:.2f}"


def test_light_text_shortfalls_are_exactly_the_known_ones():
    measured = {pair: round(contrast_ratio(LIGHT[pair[0]], LIGHT[pair[1]]), 2) for pair in TEXT_PAIRS}
    below = {pair: ratio for pair, ratio in measured.items() if ratio < AA_TEXT}
    assert below == LIGHT_BELOW_AA


def test_contrast_ratio_matches_wcag_reference_values():
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#ffffff", "#ffffff") == pytest.approx(1.0)
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)  # the classic just-below-AA grey


# -- the style sheet template -------------------------------------------------------------------------------------
def _qt_warnings(qapp, sheet: str) -> list[str]:
    """What Qt says while it parses ``sheet`` as the application style sheet (it parses when a widget polishes)."""
    said: list[str] = []

    def listen(kind, _context, message):
        if kind in (QtMsgType.QtWarningMsg, QtMsgType.QtCriticalMsg):
            said.append(message)

    previous = qInstallMessageHandler(listen)
    try:
        qapp.setStyleSheet("")
        qapp.setStyleSheet(sheet)
        QLabel("probe").ensurePolished()
    finally:
        qInstallMessageHandler(previous)
    return said


def test_the_template_fills_every_placeholder_and_qt_parses_both_schemes(restore_scheme):
    template = resource_path("style", "app.qss").read_text(encoding="utf-8")
    used = set(re.findall(r"@([a-z][a-z0-9_]*)", template))
    assert used and used <= set(ROLES)
    assert not re.search(r"#[0-9a-fA-F]{3,6}\b|rgba?\(", template), "a colour literal in app.qss: use a role"
    for colours in (LIGHT, DARK):
        sheet = palette.render_style_sheet(template, colours)
        assert "@" not in sheet
        assert colours.rail_bg in sheet and colours.danger in sheet
        assert _qt_warnings(restore_scheme, sheet) == []
    # the check above can fail: the unfilled template is not valid QSS
    assert any("parse" in message for message in _qt_warnings(restore_scheme, template))


def test_an_unknown_placeholder_is_an_error_not_a_gap():
    with pytest.raises(KeyError):
        palette.render_style_sheet("QLabel { color: @no_such_role; }", LIGHT)


# -- choosing and switching ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(("value", "expected"), [("dark", "dark"), ("LIGHT", "light"), ("", None), ("blue", None)])
def test_the_environment_forces_a_scheme(monkeypatch, value, expected):
    monkeypatch.setenv(palette.SCHEME_ENV, value)
    assert palette.requested_scheme() == expected
    if expected is not None:
        assert palette.chosen_scheme() == expected


def test_apply_switches_qt_palette_style_sheet_and_tones(qtbot, restore_scheme):
    app = restore_scheme
    label = QLabel("Something went wrong")
    qtbot.addWidget(label)
    palette.set_tone(label, "danger")
    label.show()

    palette.apply(app, "dark")
    assert palette.current() is DARK
    assert app.palette().color(QPalette.ColorRole.Window) == QColor(DARK.window_bg)
    assert app.palette().color(QPalette.ColorRole.Text) == QColor(DARK.text)
    assert DARK.rail_bg in app.styleSheet()
    label.ensurePolished()
    assert label.palette().color(QPalette.ColorRole.WindowText) == QColor(DARK.danger)

    palette.apply(app, "light")
    assert palette.current() is LIGHT
    assert label.palette().color(QPalette.ColorRole.WindowText) == QColor(LIGHT.danger)
    if palette.system_scheme() == "light":  # light on a light system hands the platform its own palette back
        assert app.palette().color(QPalette.ColorRole.Window) != QColor(DARK.window_bg)

    palette.set_tone(label, None)
    assert label.palette().color(QPalette.ColorRole.WindowText) != QColor(LIGHT.danger)
    with pytest.raises(ValueError):
        palette.set_tone(label, "loud")


def _dominant_colour(widget) -> QColor:
    image = widget.grab().toImage()
    counts: dict[int, int] = {}
    for y in range(image.height()):
        for x in range(image.width()):
            pixel = image.pixel(x, y)
            counts[pixel] = counts.get(pixel, 0) + 1
    return QColor(max(counts, key=counts.__getitem__))


def test_alert_cards_draw_and_redraw_in_the_scheme(qtbot, restore_scheme):
    from cdss.ui.drugs.alert_cards import AlertList

    app = restore_scheme
    palette.apply(app, "light")
    alert = {"kind": "interaction", "severity": "major", "drugs": ["warfarin", "aspirin"], "title": "Bleeding",
             "mechanism": "", "effect": "", "management": "", "evidence": "", "sources": ["x"], "interruptive": False,
             "disagreement": True, "ratings": [{"source": "a", "severity": "major"},
                                               {"source": "b", "severity": "moderate"}]}
    alerts = AlertList()
    qtbot.addWidget(alerts)
    alerts.resize(600, 300)
    alerts.set_alerts([alert], {})
    alerts.show()
    card = alerts.cards[0]
    qtbot.waitUntil(card.isVisible, timeout=5000)
    for colours in (LIGHT, DARK, LIGHT):
        palette.apply(app, colours.scheme)
        app.processEvents()
        # the badge in the severity's colour, the stripe on the left too, the details re-rendered
        assert _dominant_colour(card.badge) == QColor(colours.severity_major)
        stripe = card.grab().toImage().pixel(2, card.height() // 2)
        assert QColor(stripe) == QColor(colours.severity_major)
        assert colours.danger in card.details.text()  # "sources disagree", in the scheme's red


def test_patient_card_marks_follow_the_scheme(qtbot, restore_scheme):
    """The delegate reads the palette when it paints: card, alert mark and due badge change with the scheme."""
    from PySide6.QtCore import QModelIndex, QRect
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtWidgets import QStyleOptionViewItem

    from cdss.ui.records.patient_card_delegate import PatientCardDelegate

    class Patient:
        id, name, sex, age, latest_diagnosis, tags, follow_ups_due = 1, "Ann", "female", 40, "Asthma", (), 1

    class Index(QModelIndex):
        def data(self, _role=None):
            return Patient()

    delegate = PatientCardDelegate(alert_count=lambda _id: 2)
    for colours in (LIGHT, DARK):
        palette.apply(restore_scheme, colours.scheme)
        image = QImage(400, 80, QImage.Format.Format_RGB32)
        image.fill(QColor("#808080"))
        painter = QPainter(image)
        option = QStyleOptionViewItem()
        option.rect = QRect(0, 0, 400, 80)
        delegate.paint(painter, option, Index())
        painter.end()
        pixels = {QColor(image.pixel(x, y)).name() for x in range(0, 400, 3) for y in range(0, 80, 3)}
        assert colours.card_bg in pixels and colours.danger in pixels and colours.due_badge in pixels
