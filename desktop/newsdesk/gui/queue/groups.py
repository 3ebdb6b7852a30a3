"""How the queue desk groups stories: each story's group key, the groups' order and labels."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from .model import parse_utc


def group_key(by: str, row: dict[str, Any]) -> str:
    if by == "embargo":
        embargo = parse_utc(row.get("embargo_at"))
        return "embargoed" if embargo is not None and embargo > datetime.now(UTC) else "free"
    if by == "priority":
        return "1" if (row.get("priority") or 0) >= 1 else "0"
    return str(row.get(by) or "")


def group_order(by: str, key: str, n: int) -> tuple[int, int, str]:
    """Breaking before normal; otherwise the biggest groups first."""
    first = 0 if by == "priority" and key not in ("0", "None", "") else 1
    return first, -n, key


def group_label(by: str, key: str) -> str:
    if by == "priority":
        return "Breaking" if key not in ("0", "None", "") else "Normal"
    if by == "status":
        return key.replace("_", " ").capitalize()
    if by == "edition":
        return key.upper()
    if by == "embargo":
        return "Under embargo" if key == "embargoed" else "No embargo"
    return key or "(no section)"
