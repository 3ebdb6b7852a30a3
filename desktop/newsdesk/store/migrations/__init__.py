"""Numbered schema migrations, one module each: m0001_core.py, m0002_photos.py, ...

Each module defines `apply(conn)`; the number in its name is the schema version
it produces. The current version is SQLite's `user_version`, and every step is
recorded in the `migrations` table with its time.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..db import Store

_NAME = re.compile(r"^m(\d{4})_\w+$")


def _numbered() -> list[tuple[int, str]]:
    """(number, module name) of every migration, by file name: nothing imported."""
    found = []
    for info in pkgutil.iter_modules(__path__):
        match = _NAME.match(info.name)
        if match:
            found.append((int(match.group(1)), info.name))
    found.sort()
    numbers = [n for n, _ in found]
    if numbers != list(range(1, len(numbers) + 1)):
        raise RuntimeError(f"migrations must be numbered 1..n without gaps, found {numbers}")
    return found


# A store already at the latest version imports no migration (they are imported when
# applied): opening one does not pay for sixteen modules and what they import.
NUMBERED = _numbered()
LATEST = NUMBERED[-1][0] if NUMBERED else 0


def upgrade(store: Store, target: int | None = None) -> list[int]:
    """Apply every migration above the current version (up to `target`)."""
    target = LATEST if target is None else target
    applied = []
    for number, name in NUMBERED:
        if number <= store.schema_version or number > target:
            continue
        module = importlib.import_module(f"{__name__}.{name}")
        apply: Callable = module.apply
        with store.atomic() as conn:
            apply(conn)
            conn.execute(
                "CREATE TABLE IF NOT EXISTS migrations ("
                " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
            )
            conn.execute(
                "INSERT INTO migrations (version, name, applied_at) VALUES (?, ?, ?)",
                (number, name, datetime.now(UTC).isoformat(timespec="seconds")),
            )
            conn.execute(f"PRAGMA user_version = {number}")
        applied.append(number)
    return applied
