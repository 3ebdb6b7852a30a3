"""Your own choices from Preferences (name, role), read by the command line without Qt.

Preferences keep them in `settings.ini` beside the store (QSettings, INI). The
newsroom's house settings are not here: they live in the store (store/house.py).
"""

from __future__ import annotations

import configparser
from pathlib import Path

SETTINGS_FILE = "settings.ini"


def personal_value(folder: Path, key: str) -> str | None:
    """One value ('group/name', as QSettings spells it), or None when there is no file,
    no such key, or a file that cannot be read."""
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
    except (OSError, configparser.Error, UnicodeDecodeError):
        return None
    value = parser.get(section, name, fallback=None)
    return None if value is None else value.strip().strip('"')
