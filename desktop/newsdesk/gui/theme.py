"""Light and dark: follow the system's colour scheme (Qt 6.5+), or the user's override.

The stylesheet is written once, for light; the dark one is the same sheet with
each colour swapped through DARK_COLOURS (one table to keep, rather than two
sheets that drift apart). The Fusion palette is switched too, so widgets the
sheet does not style (dialogs, menus of other desks) follow.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from .resources import stylesheet

if TYPE_CHECKING:
    from .settings import Settings

# Light colour in newsdesk.qss -> its dark counterpart.
DARK_COLOURS: dict[str, str] = {
    # surfaces
    "#ffffff": "#1e2329",
    "#f6f7f9": "#16191d",
    "#fbfcfd": "#1b1f24",
    "#fafbfc": "#22272d",
    "#f1f3f6": "#262b31",
    "#f1f5fa": "#2a3038",
    "#eef2f7": "#2a313a",
    "#eef0f3": "#2a2f35",
    "#e6ebf1": "#2c333b",
    "#e4ebf3": "#323a44",
    # selections and checked states
    "#e8f0fb": "#1f3350",
    "#e1ebf8": "#243a58",
    "#dbe8fb": "#23406a",
    "#bcd4f6": "#2d5590",
    # borders
    "#e3e6ea": "#2e343b",
    "#dde2e8": "#333a42",
    "#d8dde3": "#3a414a",
    "#d7dde4": "#3e464f",
    "#cfd6de": "#434b55",
    "#b8c3cf": "#56606b",
    # the desk bar is dark already: a shade darker still
    "#1f2a37": "#0f141a",
    "#283748": "#1d2733",
    "#31445a": "#2a3b4f",
    "#c9d3de": "#c9d3de",
    # text
    "#1f2933": "#e3e8ee",
    "#111827": "#f3f5f8",
    "#10243e": "#e8f0fb",
    "#0b3a75": "#cfe0f8",
    "#3d4752": "#c3cbd4",
    "#374351": "#c3cbd4",
    "#4b5663": "#aab4bf",
    "#55606c": "#a3adb8",
    "#6b7682": "#8f9aa6",
    "#8a949f": "#7d8792",
    "#98a2ad": "#6b7682",
    # accents: lighter, to keep their contrast on dark
    "#2f6fd0": "#5b9bf0",
    "#1d5fbf": "#6aa6f5",
    "#0f2a4a": "#9cc3f5",
    "#7a4bb8": "#b79af0",
    "#c2410c": "#f0834d",
    "#b4420b": "#f29a6b",
    "#b00020": "#ff7a8a",
}
_HEX = re.compile(r"#[0-9a-fA-F]{6}\b")


def dark_colour(colour: str) -> str:
    """The dark counterpart of a light-theme colour (unlisted: lightness mirrored)."""
    mapped = DARK_COLOURS.get(colour.lower())
    if mapped:
        return mapped
    qcolour = QColor(colour)
    lightness = qcolour.lightnessF()
    return QColor.fromHslF(
        qcolour.hslHueF(), qcolour.hslSaturationF(), 1.0 - lightness * 0.85, qcolour.alphaF()
    ).name()


_TEXT_COLOUR = re.compile(r"(?<![-\w])color:\s*#ffffff\b", re.IGNORECASE)


def dark_stylesheet(sheet: str) -> str:
    # White text (on the desk bar's selection) stays white; every other colour swaps.
    sheet = _TEXT_COLOUR.sub("color: WHITE_TEXT", sheet)
    return _HEX.sub(lambda m: dark_colour(m.group(0)), sheet).replace("WHITE_TEXT", "#ffffff")


class _ThemeSignals(QObject):
    changed = Signal(str)  # "light" or "dark": widgets with colours of their own restyle


signals = _ThemeSignals()


def system_is_dark() -> bool:
    hints = QGuiApplication.styleHints()
    return bool(hints.colorScheme() == Qt.ColorScheme.Dark)


def resolve(choice: str) -> str:
    """ "light" or "dark" for a setting of "system", "light" or "dark"."""
    if choice in ("light", "dark"):
        return choice
    return "dark" if system_is_dark() else "light"


def dark_palette() -> QPalette:
    p = QPalette()
    roles = {
        QPalette.ColorRole.Window: "#16191d",
        QPalette.ColorRole.WindowText: "#e3e8ee",
        QPalette.ColorRole.Base: "#1e2329",
        QPalette.ColorRole.AlternateBase: "#22272d",
        QPalette.ColorRole.ToolTipBase: "#2a3038",
        QPalette.ColorRole.ToolTipText: "#e3e8ee",
        QPalette.ColorRole.PlaceholderText: "#7d8792",
        QPalette.ColorRole.Text: "#e3e8ee",
        QPalette.ColorRole.Button: "#262b31",
        QPalette.ColorRole.ButtonText: "#e3e8ee",
        QPalette.ColorRole.BrightText: "#ffffff",
        QPalette.ColorRole.Highlight: "#2d5590",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.Link: "#6aa6f5",
        QPalette.ColorRole.Light: "#3a414a",
        QPalette.ColorRole.Midlight: "#2e343b",
        QPalette.ColorRole.Mid: "#262b31",
        QPalette.ColorRole.Dark: "#101317",
        QPalette.ColorRole.Shadow: "#000000",
    }
    for role, colour in roles.items():
        p.setColor(role, QColor(colour))
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.ButtonText,
    ):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor("#6b7682"))
    return p


def apply_theme(choice: str, app: QApplication | None = None) -> str:
    """Style the application for the choice; returns the theme applied ("light"/"dark")."""
    app = app or QApplication.instance()  # type: ignore[assignment]
    assert isinstance(app, QApplication)
    theme = resolve(choice)
    app.setStyle("Fusion")
    sheet = stylesheet()
    if theme == "dark":
        app.setPalette(dark_palette())
        app.setStyleSheet(dark_stylesheet(sheet))
    else:
        app.setPalette(app.style().standardPalette())
        app.setStyleSheet(sheet)
    changed = app.property("newsdeskTheme") != theme
    app.setProperty("newsdeskTheme", theme)
    if changed:
        signals.changed.emit(theme)
    return theme


def current_theme() -> str:
    app = QApplication.instance()
    return str(app.property("newsdeskTheme") or "light") if app else "light"


def is_dark() -> bool:
    return current_theme() == "dark"


def follow(settings: Settings, app: QApplication | None = None) -> str:
    """Apply the theme setting now, again when it changes, and when the system's scheme does."""
    app = app or QApplication.instance()  # type: ignore[assignment]
    assert isinstance(app, QApplication)
    theme = apply_theme(str(settings.get("appearance/theme")), app)
    if not app.property("newsdeskThemeFollowing"):
        app.setProperty("newsdeskThemeFollowing", True)

        def system_changed(_scheme: object) -> None:
            if str(settings.get("appearance/theme")) == "system":
                apply_theme("system", app)

        QGuiApplication.styleHints().colorSchemeChanged.connect(system_changed)
    settings.changed.connect(
        lambda key: apply_theme(str(settings.get(key)), app) if key == "appearance/theme" else None
    )
    return theme
