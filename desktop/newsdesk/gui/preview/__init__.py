"""The layout preview: the article as the site shows it, offline, as one types."""

from __future__ import annotations


def register_scheme() -> bool:
    """Declare the preview's `newsdesk:` scheme; call once before the QApplication exists.

    Safe everywhere: without QtWebEngine (or once the application has started)
    it does nothing and returns False, and the preview uses its simple view.
    """
    from .urls import webengine_refused

    if webengine_refused():  # the simple view: no need to load QtWebEngine at all
        return False
    try:
        from .scheme import register_scheme as register
    except ImportError:  # QtWebEngine is not installed or cannot load here
        return False
    return register()


__all__ = ["register_scheme"]
