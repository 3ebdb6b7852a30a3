"""The newsroom's house choices kept beside the store, read without Qt.

Preferences (gui/settings.py) write `settings.ini` in the store's folder with
QSettings as INI. The caption house style in it is the newsroom's, not only the
photo desk's: every store opened on the folder (the window's, the sync worker's,
the command line's) checks and sends captions in it, so it is read here, where
the store opens, and not through Qt.
"""

from __future__ import annotations

import configparser
import logging
from pathlib import Path

from ..domain.captions import DEFAULT_CAPTION_STYLE, CaptionStyle, caption_style

SETTINGS_FILE = "settings.ini"
CAPTION_STYLE_SETTING = "photos/caption_style"  # QSettings' key: [photos] caption_style=

log = logging.getLogger(__name__)
# (file, value) already warned about: a store is opened often (sync, background reads),
# a broken file is named once per process, not at every open.
_warned: set[tuple[str, str]] = set()


def settings_value(folder: Path, key: str, *, instead: str = "the default") -> str | None:
    """One value of `settings.ini` beside the store ('group/name', as QSettings spells
    it), or None when there is no file or no such key. A file that cannot be read is
    named once in the log and reads as empty."""
    path = folder / SETTINGS_FILE
    if not path.exists():
        return None
    section, name = key.split("/")
    # interpolation=None: QSettings writes "%" escapes and @ByteArray(...) values;
    # strict=False: a hand-edited file with a repeated key reads as Qt reads it (last wins).
    parser = configparser.ConfigParser(interpolation=None, strict=False)
    try:
        with path.open(encoding="utf-8") as handle:
            parser.read_file(handle)
    except (OSError, configparser.Error, UnicodeDecodeError) as exc:
        _warn(path, key, exc, instead)
        return None
    value = parser.get(section, name, fallback=None)
    return None if value is None else value.strip().strip('"')


def settings_caption_style(folder: Path) -> CaptionStyle:
    """The caption style chosen in Preferences for the store in `folder`.

    No file or no choice: the default. A file that cannot be read or an unknown
    value: the default, and a warning naming the file and the setting.
    """
    value = settings_value(folder, CAPTION_STYLE_SETTING, instead=DEFAULT_CAPTION_STYLE)
    if value is None:
        return DEFAULT_CAPTION_STYLE
    try:
        return caption_style(value)
    except ValueError as exc:
        _warn(folder / SETTINGS_FILE, CAPTION_STYLE_SETTING, exc, DEFAULT_CAPTION_STYLE)
        return DEFAULT_CAPTION_STYLE


def _warn(path: Path, key: str, exc: Exception, instead: str) -> None:
    reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    if (str(path), reason) not in _warned:
        _warned.add((str(path), reason))
        log.warning("%s: %s: %s Using %s.", path, key, reason, instead)
