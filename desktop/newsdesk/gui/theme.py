"""Light and dark: follow the system's colour scheme (Qt 6.5+), or the user's override.

The stylesheet is written once, for light; the dark one is the same sheet with
each colour swapped through DARK_COLOURS (one table to keep, rather than two
sheets that drift apart). The Fusion palette is switched too, so widgets the
sheet does not style (dialogs, menus of other desks) follow.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtGui import QBrush, QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from ..paths import resource_path
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
    # colours the desks paint with from Python (see ROLES and the status tables)
    "#374151": "#c3cbd4",
    "#6b7280": "#9aa3af",
    "#9ca3af": "#6b7682",
    "#2563eb": "#7aa7f7",
    "#7c3aed": "#b69cf7",
    "#15803d": "#5fd08a",
    "#166534": "#74d39a",
    "#16a34a": "#5fd08a",
    "#0e7490": "#56c6dc",
    "#b91c1c": "#f88a8a",
    "#dc2626": "#f87171",
    "#b45309": "#f2b05e",
    "#d97706": "#f5a524",
    "#9a3412": "#f4a06e",
    "#92400e": "#fbc46e",
    "#fffbeb": "#3a2e12",
    "#8a6d00": "#e6c65a",
    "#c62828": "#ff8f85",
    "#b71c1c": "#ff8f85",
    "#616161": "#a3adb8",
    "#d7d7d7": "#3a414a",
    "#eceff1": "#2a2f35",
    # diff colours: dark tinted paper, light ink
    "#d9f7e3": "#173d27",
    "#14532d": "#9be8b6",
    "#fde2e2": "#4a1f24",
    "#991b1b": "#ffb0b0",
    # notices (the preview's fallback banner)
    "#fff4d6": "#3b3118",
    "#5c4300": "#f1d58a",
    # the breaking red keeps white text readable in both
    "#c81e1e": "#c81e1e",
    "#a61b1b": "#d93a3a",
    "#d9dce0": "#101317",
    "#0b2a4a": "#2d5590",
    "#5b6673": "#aab4bf",
}

# Colours Python code paints with, by what they are for. The values are the light
# theme's; colour() swaps them through DARK_COLOURS when dark, so there is still one
# table to keep. Where a colour is just text, window or selection, use the palette.
ROLES: dict[str, str] = {
    "text": "#1f2933",
    "text_strong": "#111827",
    "text_secondary": "#4b5663",
    "muted": "#6b7682",
    "faint": "#8a949f",
    "heading": "#374151",
    "icon": "#374351",
    "border": "#d7d7d7",
    "placeholder": "#eceff1",
    "success": "#15803d",
    "warning": "#b45309",
    "danger": "#b91c1c",
    "error": "#c62828",
    "breaking": "#c81e1e",  # under white text in both themes
    "insert_bg": "#d9f7e3",
    "insert_text": "#14532d",
    "delete_bg": "#fde2e2",
    "delete_text": "#991b1b",
    "notice_bg": "#fff4d6",
    "notice_text": "#5c4300",
    "stage": "#d9dce0",
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


_ICON_URL = re.compile(r"url\(icons:([\w-]+)\.svg\)")


def _dark_icon(match: re.Match[str]) -> str:
    # Icons drawn in the sheet (arrows, the search glass) have light twins in icons/dark/.
    name = match.group(1)
    if resource_path("icons", "dark", f"{name}.svg").is_file():
        return f"url(icons:dark/{name}.svg)"
    return match.group(0)


def dark_stylesheet(sheet: str) -> str:
    # White text (on the desk bar's selection, on red badges) stays white; every other colour swaps.
    sheet = _TEXT_COLOUR.sub("color: WHITE_TEXT", sheet)
    sheet = _ICON_URL.sub(_dark_icon, sheet)
    return _HEX.sub(lambda m: dark_colour(m.group(0)), sheet).replace("WHITE_TEXT", "#ffffff")


def colour(name: str) -> str:
    """The current theme's colour for a role in ROLES, or for a light-theme "#rrggbb"."""
    light = ROLES.get(name, name)
    if not _HEX.fullmatch(light):
        raise KeyError(f"no colour role {name!r} in theme.ROLES")
    return dark_colour(light) if is_dark() else light


def qcolour(name: str) -> QColor:
    return QColor(colour(name))


_brushes: dict[tuple[str, str], QBrush] = {}


def brush(name: str) -> QBrush:
    """A brush for a role (models return it as ForegroundRole; made once per theme)."""
    key = (current_theme(), name)
    found = _brushes.get(key)
    if found is None:
        found = _brushes[key] = QBrush(qcolour(name))
    return found


def for_theme(text: str) -> str:
    """A light-theme style sheet or HTML snippet, with its colours for the current theme."""
    return dark_stylesheet(text) if is_dark() else text


_SHEET, _SHOWN_SHEET = "ndLightSheet", "ndShownSheet"
_HTML, _SHOWN_HTML = "ndLightHtml", "ndShownHtml"


def style(widget: QWidget, sheet: str) -> None:
    """Give a widget its own (light) style sheet; it is re-coloured whenever the theme changes."""
    shown = for_theme(sheet)
    widget.setProperty(_SHEET, sheet)
    widget.setProperty(_SHOWN_SHEET, shown)
    widget.setStyleSheet(shown)


def set_html(label: QLabel, html: str) -> None:
    """Rich text with inline (light) colours in a label, re-coloured when the theme changes."""
    shown = for_theme(html)
    label.setProperty(_HTML, html)
    label.setProperty(_SHOWN_HTML, shown)
    label.setText(shown)


def _recolour_widgets(app: QApplication) -> None:
    for widget in app.allWidgets():
        sheet = widget.property(_SHEET)
        # Only if nobody has set another sheet (or text) since: theirs is not ours to swap.
        if sheet is not None and widget.styleSheet() == widget.property(_SHOWN_SHEET):
            style(widget, str(sheet))
        html = widget.property(_HTML)
        if (
            html is not None
            and isinstance(widget, QLabel)
            and widget.text() == widget.property(_SHOWN_HTML)
        ):
            set_html(widget, str(html))


class _Watcher(QObject):
    """Calls back on theme changes for as long as its owner lives (it is the owner's child)."""

    def __init__(self, owner: QObject, callback: Callable[[str], None]) -> None:
        super().__init__(owner)
        self._callback = callback
        signals.changed.connect(self._changed)

    @Slot(str)
    def _changed(self, which: str) -> None:
        self._callback(which)


def watch(owner: QObject, callback: Callable[[str], None]) -> None:
    """`callback(theme)` after each theme change while `owner` lives (painted things redraw)."""
    _Watcher(owner, callback)


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


# Fusion outlines check boxes and radio buttons a shade darker than the window:
# on dark they vanish, so the dark sheet draws them itself.
DARK_INDICATORS = """
QCheckBox::indicator, QRadioButton::indicator { width: 13px; height: 13px;
  border: 1px solid #8f9aa6; background: #1e2329; }
QCheckBox::indicator { border-radius: 3px; }
QRadioButton::indicator { border-radius: 7px; }
QCheckBox::indicator:hover, QRadioButton::indicator:hover { border-color: #6aa6f5; }
QCheckBox::indicator:checked { background: #6aa6f5; border-color: #6aa6f5;
  image: url(icons:dark/check.svg); }
QRadioButton::indicator:checked { border-color: #6aa6f5; background: qradialgradient(cx:0.5,
  cy:0.5, radius:0.5, fx:0.5, fy:0.5, stop:0 #6aa6f5, stop:0.5 #6aa6f5, stop:0.6 #1e2329); }
QCheckBox::indicator:disabled, QRadioButton::indicator:disabled { border-color: #434b55; }
"""


def apply_theme(choice: str, app: QApplication | None = None) -> str:
    """Style the application for the choice; returns the theme applied ("light"/"dark")."""
    app = app or QApplication.instance()  # type: ignore[assignment]
    assert isinstance(app, QApplication)
    theme = resolve(choice)
    app.setStyle("Fusion")
    sheet = stylesheet()
    if theme == "dark":
        app.setPalette(dark_palette())
        app.setStyleSheet(dark_stylesheet(sheet) + DARK_INDICATORS)
    else:
        app.setPalette(app.style().standardPalette())
        app.setStyleSheet(sheet)
    global _applied
    changed = app.property("newsdeskTheme") != theme
    app.setProperty("newsdeskTheme", theme)
    _applied = theme
    if changed:
        _recolour_widgets(app)
        signals.changed.emit(theme)
    return theme


_applied = ""  # the last theme applied: models ask for it on every paint


def current_theme() -> str:
    if _applied:
        return _applied
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
