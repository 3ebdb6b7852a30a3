"""Light and dark: the setting overrides the system; the dark sheet has no light surfaces left."""

from __future__ import annotations

import re

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication


def _lightness(hex_colour: str) -> float:
    from PySide6.QtGui import QColor

    return QColor(hex_colour).lightnessF()


def test_every_colour_of_the_sheet_has_a_dark_counterpart():
    from newsdesk.gui.resources import stylesheet
    from newsdesk.gui.theme import DARK_COLOURS, dark_stylesheet

    sheet = stylesheet()
    used = {c.lower() for c in re.findall(r"#[0-9a-fA-F]{6}\b", sheet)}
    missing = used - set(DARK_COLOURS)
    assert not missing, f"newsdesk.qss colours without a dark counterpart: {sorted(missing)}"
    dark = dark_stylesheet(sheet)
    # The main surfaces turn dark and the main text turns light.
    assert "QMainWindow, QDialog { background: #16191d; }" in dark
    assert "color: #e3e8ee" in dark
    assert _lightness(DARK_COLOURS["#ffffff"]) < 0.2
    assert _lightness(DARK_COLOURS["#1f2933"]) > 0.8


def test_override_and_system_choice(qtbot, shipit_window, artifacts_dir):
    from newsdesk.gui import theme

    app = QApplication.instance()
    try:
        shipit_window.settings.set("appearance/theme", "dark")
        theme.apply_theme("dark")
        assert theme.current_theme() == "dark"
        assert app.palette().color(QPalette.ColorRole.Window).lightnessF() < 0.2
        assert "#16191d" in app.styleSheet()
        shipit_window.grab().save(str(artifacts_dir / "dark-window.png"))
        theme.apply_theme("light")
        assert theme.current_theme() == "light"
        assert app.palette().color(QPalette.ColorRole.Window).lightnessF() > 0.8
        # "system" follows Qt's reading of the desktop (offscreen: unknown, so light).
        expected = "dark" if theme.system_is_dark() else "light"
        assert theme.resolve("system") == expected
        assert theme.apply_theme("system") == expected
    finally:
        theme.apply_theme("light")
