"""The preview's addresses, and whether its scheme is declared. No QtWebEngine import:
the simple fallback view works on systems without it."""

from __future__ import annotations

SCHEME = "newsdesk"
SCHEME_BYTES = SCHEME.encode()
PAGE_PREFIX = "newsdesk://app/page/"
STATIC_PREFIX = "newsdesk://app/static/"
PHOTO_PREFIX = "newsdesk://photo/"

_state = {"registered": False}


def scheme_registered() -> bool:
    return _state["registered"]


def mark_registered() -> None:
    _state["registered"] = True
