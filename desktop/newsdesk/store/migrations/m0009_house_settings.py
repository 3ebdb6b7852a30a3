"""Schema 9: the newsroom's house settings and word list live in the store.

They were kept beside the store: the caption style and reading speed in the
Qt settings file (`settings.ini`, [photos] caption_style, [editor]
words_per_minute) and the word list in `house-words.txt`. This step carries a
valid value over once, so nobody's choice is lost; the files are left as they
are and no longer read.
"""

from __future__ import annotations

import configparser
import logging
import sqlite3
from pathlib import Path

from ..house import CAPTION_STYLE, HOUSE_SETTINGS, WORDS_PER_MINUTE, clean_word

log = logging.getLogger(__name__)
# Where the values were, as QSettings spells them in its INI file.
_FROM_INI = {
    CAPTION_STYLE: ("photos", "caption_style"),
    WORDS_PER_MINUTE: ("editor", "words_per_minute"),
}


def apply(conn: sqlite3.Connection) -> None:
    conn.execute("CREATE TABLE house_settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    conn.execute("CREATE TABLE house_words (word TEXT PRIMARY KEY COLLATE NOCASE)")
    folder = _folder(conn)
    if folder is None:
        return
    for key, value in _ini_values(folder / "settings.ini").items():
        try:
            checked = HOUSE_SETTINGS[key].check(value)
        except ValueError as exc:
            log.warning("%s: %s not carried over: %s", folder / "settings.ini", key, exc)
            continue
        conn.execute("INSERT INTO house_settings (key, value) VALUES (?, ?)", (key, checked))
    for word in _file_words(folder / "house-words.txt"):
        conn.execute("INSERT OR IGNORE INTO house_words (word) VALUES (?)", (word,))


def _folder(conn: sqlite3.Connection) -> Path | None:
    for _seq, name, file in conn.execute("PRAGMA database_list"):
        if name == "main" and file:
            return Path(file).parent
    return None  # an in-memory database has no folder beside it


def _ini_values(path: Path) -> dict[str, str]:
    if not path.exists():
        return {}
    # interpolation=None: QSettings writes "%" escapes; strict=False: a repeated key reads
    # as Qt reads it (the last one).
    parser = configparser.ConfigParser(interpolation=None, strict=False)
    try:
        with path.open(encoding="utf-8") as handle:
            parser.read_file(handle)
    except (OSError, configparser.Error, UnicodeDecodeError) as exc:
        log.warning("%s could not be read; house settings start from the defaults: %s", path, exc)
        return {}
    found = {}
    for key, (section, name) in _FROM_INI.items():
        value = parser.get(section, name, fallback=None)
        if value is not None:
            found[key] = value.strip().strip('"')
    return found


def _file_words(path: Path) -> list[str]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return []
    words = []
    for line in lines:
        if line.strip() and not line.lstrip().startswith("#"):
            try:
                words.append(clean_word(line))
            except ValueError:
                continue
    return words
