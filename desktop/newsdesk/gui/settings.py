"""Every personal setting declared once, with its type and default (kept in the data folder).

The file lives beside the store, so `--data-dir` moves settings too and tests
never touch the user's own.
"""

from __future__ import annotations

import getpass
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QSettings, Signal

from ..domain.validation import DEFAULT_HEADLINE_LIMIT, DEFAULT_STANDFIRST_LIMIT


@dataclass(frozen=True)
class Option:
    key: str
    type: type
    default: Any
    label: str
    minimum: int = 0
    maximum: int = 100_000
    # (value, label) pairs: a str option picks one of them, or several when `multiple`
    # (kept as "a,b"); empty means free text.
    choices: tuple[tuple[str, str], ...] = ()
    multiple: bool = False
    hidden: bool = False  # kept here, but not shown in Preferences (e.g. the first-run flag)


ROLES = (("reporter", "Reporter"), ("editor", "Editor"), ("photo", "Photo desk"))
EDITIONS = (("en", "English (en)"), ("ar", "Arabic (ar)"), ("es", "Spanish (es)"))
THEMES = (("system", "Follow the system"), ("light", "Light"), ("dark", "Dark"))
# The newsroom's house settings (caption style, reading speed, word list) are not
# here: they live in the store (store/house.py), shared by everyone on it. When they
# change, the window relays it on `Settings.changed` with this key, so a widget that
# follows settings follows those too.
HOUSE_CHANGED = "house"


OPTIONS: tuple[Option, ...] = (
    Option(
        "editor/headline_limit", int, DEFAULT_HEADLINE_LIMIT, "Headline limit (characters)", 20, 400
    ),
    Option(
        "editor/standfirst_limit",
        int,
        DEFAULT_STANDFIRST_LIMIT,
        "Standfirst limit (characters)",
        40,
        2000,
    ),
    Option("editor/autosave_seconds", int, 1, "Autosave typing at least every (seconds)", 1, 600),
    Option("user/name", str, getpass.getuser(), "Your name (recorded with each revision)"),
    Option(
        "user/role", str, "reporter", "Your role (sets the desk Newsdesk opens on)", choices=ROLES
    ),
    Option("user/default_edition", str, "en", "Default edition for new articles", choices=EDITIONS),
    Option(
        "spelling/languages",
        str,
        "en,ar,es",
        "Check spelling in",
        choices=EDITIONS,
        multiple=True,
    ),
    Option("appearance/theme", str, "system", "Theme", choices=THEMES),
    Option("firstrun/done", bool, False, "First-run guide completed", hidden=True),
)
_BY_KEY = {o.key: o for o in OPTIONS}


class Settings(QObject):
    changed = Signal(str)

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self._qs = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)

    def get(self, key: str) -> Any:
        option = _BY_KEY[key]
        value = self._qs.value(key, option.default)
        if option.type is bool:  # an INI file gives back "true"/"false" strings
            return value in (True, 1, "1", "true", "True")
        if isinstance(value, list):  # an unquoted "a,b" read back from a hand-edited file
            value = ",".join(str(v) for v in value)
        try:
            return option.type(value)
        except (TypeError, ValueError):
            return option.default

    def set(self, key: str, value: Any) -> None:
        option = _BY_KEY[key]
        self._qs.setValue(key, option.type(value))
        self._qs.sync()
        self.changed.emit(key)

    # Shorthands for the settings the editor reads often.
    @property
    def headline_limit(self) -> int:
        return int(self.get("editor/headline_limit"))

    @property
    def standfirst_limit(self) -> int:
        return int(self.get("editor/standfirst_limit"))

    @property
    def author(self) -> str:
        return str(self.get("user/name"))

    @property
    def spelling_languages(self) -> tuple[str, ...]:
        return tuple(c for c in str(self.get("spelling/languages")).split(",") if c)

    @property
    def folder(self) -> Path:
        return Path(self._qs.fileName()).parent

    def file_path(self) -> Path:
        return Path(self._qs.fileName())

    # Window state is not a user setting; it rides along in the same file.
    def window_state(self, key: str) -> Any:
        return self._qs.value(f"window/{key}")

    def set_window_state(self, key: str, value: Any) -> None:
        self._qs.setValue(f"window/{key}", value)
