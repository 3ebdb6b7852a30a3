"""The newsroom's house settings, kept in the store (no Qt, no INI file).

Caption house style, reading speed and the house word list are the newsroom's,
not one person's: every store opened on the database (the window's, the sync
worker's, the command line's) reads the same values here. Each is declared once
in HOUSE_SETTINGS; `ops.house` changes them and says so with Changes(settings=True).
Personal choices (your name, the theme, the window) stay in Qt's settings.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..domain.captions import CAPTION_STYLES, DEFAULT_CAPTION_STYLE, CaptionStyle, caption_style
from ..domain.text import DEFAULT_WORDS_PER_MINUTE

if TYPE_CHECKING:
    from .db import Store

CAPTION_STYLE = "caption_style"
WORDS_PER_MINUTE = "words_per_minute"


def _words_per_minute(value: str) -> str:
    try:
        number = int(value.strip())
    except ValueError:
        raise ValueError(f"reading speed {value!r} is not a whole number of words.") from None
    if not 60 <= number <= 600:
        raise ValueError(f"reading speed {number} is outside 60–600 words a minute.")
    return str(number)


@dataclass(frozen=True)
class HouseSetting:
    key: str
    default: str
    label: str
    check: Callable[[str], str]  # the value as stored, or ValueError in words
    choices: tuple[str, ...] = ()  # the values allowed, when they are few
    minimum: int = 0  # for a number
    maximum: int = 0

    @property
    def is_number(self) -> bool:
        return self.maximum > 0


HOUSE_SETTINGS: dict[str, HouseSetting] = {
    s.key: s
    for s in (
        HouseSetting(
            CAPTION_STYLE,
            DEFAULT_CAPTION_STYLE,
            "Caption house style",
            lambda v: str(caption_style(v)),
            choices=CAPTION_STYLES,
        ),
        HouseSetting(
            WORDS_PER_MINUTE,
            str(DEFAULT_WORDS_PER_MINUTE),
            "Reading speed (words a minute)",
            _words_per_minute,
            minimum=60,
            maximum=600,
        ),
    )
}


def house_setting(key: str) -> HouseSetting:
    """The declared setting; ValueError naming the known keys for any other."""
    try:
        return HOUSE_SETTINGS[key]
    except KeyError:
        known = ", ".join(HOUSE_SETTINGS)
        raise ValueError(f"no house setting {key!r}; the house settings are {known}.") from None


class House:
    """The house settings of one store. Read once and kept (checks ask for the caption
    style per photo); a change through this store refreshes them, and every store
    opened later (the sync's rounds, each command) reads them afresh."""

    def __init__(self, store: Store) -> None:
        self.conn = store.conn
        self._stored: dict[str, str] | None = None

    def _values(self) -> dict[str, str]:
        if self._stored is None:
            try:
                rows = self.conn.execute("SELECT key, value FROM house_settings").fetchall()
            except sqlite3.OperationalError:  # a store not migrated yet (migrate=False)
                return {}
            self._stored = {key: value for key, value in rows}
        return self._stored

    def forget(self) -> None:
        """Read them afresh next time: another connection changed them."""
        self._stored = None

    def get(self, key: str) -> str:
        """The stored value, else the default (also for a value no longer valid)."""
        setting = house_setting(key)
        value = self._values().get(key)
        if value is None:
            return setting.default
        try:
            return setting.check(value)
        except ValueError:
            return setting.default

    def values(self) -> dict[str, str]:
        return {key: self.get(key) for key in HOUSE_SETTINGS}

    def set(self, key: str, value: str) -> bool:
        """Store a checked value (ValueError in words); True when it changed."""
        checked = house_setting(key).check(value)
        self._stored = None  # read afresh: another process may have changed it
        if checked == self.get(key):
            return False
        self.conn.execute(
            "INSERT INTO house_settings (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, checked),
        )
        self._stored = None
        return True

    @property
    def caption_style(self) -> CaptionStyle:
        return caption_style(self.get(CAPTION_STYLE))

    @property
    def words_per_minute(self) -> int:
        return int(self.get(WORDS_PER_MINUTE))

    # --- the house word list: names and words the spelling check accepts ----------------
    def words(self) -> list[str]:
        try:
            rows = self.conn.execute("SELECT word FROM house_words ORDER BY word COLLATE NOCASE")
            return [r[0] for r in rows]
        except sqlite3.OperationalError:  # not migrated yet
            return []

    def add_word(self, word: str) -> bool:
        clean = clean_word(word)
        cursor = self.conn.execute("INSERT OR IGNORE INTO house_words (word) VALUES (?)", (clean,))
        return cursor.rowcount > 0

    def remove_word(self, word: str) -> bool:
        cursor = self.conn.execute("DELETE FROM house_words WHERE word = ?", (word.strip(),))
        return cursor.rowcount > 0


def clean_word(word: str) -> str:
    """One word or name as the list keeps it; ValueError for none or a line of several."""
    clean = " ".join(word.split())
    if not clean:
        raise ValueError("an empty word cannot join the house word list.")
    if len(clean) > 80:
        raise ValueError(f"{clean[:40]!r}… is too long for a house word (80 characters at most).")
    return clean
