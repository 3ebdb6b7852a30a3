"""Word-level differences between two versions of an article, field by field."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Any

_TOKEN = re.compile(r"\s+|[^\s]+")


@dataclass(frozen=True)
class Chunk:
    op: str  # "equal", "insert", "delete"
    text: str


def word_diff(old: str, new: str) -> list[Chunk]:
    """Diff on words, keeping whitespace so the chunks join back into the texts."""
    a = _TOKEN.findall(old or "")
    b = _TOKEN.findall(new or "")
    chunks: list[Chunk] = []
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            chunks.append(Chunk("equal", "".join(a[i1:i2])))
            continue
        if tag in ("delete", "replace"):
            chunks.append(Chunk("delete", "".join(a[i1:i2])))
        if tag in ("insert", "replace"):
            chunks.append(Chunk("insert", "".join(b[j1:j2])))
    return chunks


def _as_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        parts = []
        for item in value:
            if isinstance(item, dict):
                parts.append(
                    " · ".join(str(v) for v in item.values() if v not in ("", None, False))
                )
            else:
                parts.append(str(item))
        return "\n".join(parts)
    return str(value)


def content_diff(old: dict[str, Any], new: dict[str, Any]) -> dict[str, list[Chunk]]:
    """For every field that differs, its word diff (fields in a stable order)."""
    result: dict[str, list[Chunk]] = {}
    for key in list(dict.fromkeys([*old.keys(), *new.keys()])):
        a, b = _as_text(old.get(key)), _as_text(new.get(key))
        if a != b:
            result[key] = word_diff(a, b)
    return result
