"""The preview's addresses, and whether its scheme is declared. No QtWebEngine import:
the simple fallback view works on systems without it."""

from __future__ import annotations

import os

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


NO_WEBENGINE_ENV = "NEWSDESK_NO_WEBENGINE"  # force the simple view (tests, broken GPUs)
ROOT_SANDBOX_ENV = "QTWEBENGINE_DISABLE_SANDBOX"


def webengine_refused() -> str:
    """Why QtWebEngine must not be used here, before importing any of it ('' if it may)."""
    if os.environ.get(NO_WEBENGINE_ENV):
        return f"{NO_WEBENGINE_ENV} is set"
    if hasattr(os, "geteuid") and os.geteuid() == 0 and not os.environ.get(ROOT_SANDBOX_ENV):
        # Chromium refuses to start as root with its sandbox on, and takes the whole
        # process down; root must choose to run it unsandboxed.
        return f"running as root (set {ROOT_SANDBOX_ENV}=1 to use it without its sandbox)"
    return ""
