"""Helpers for the preview GUI tests (a module of its own: `conftest` names clash)."""

from __future__ import annotations


def wait_loaded(qtbot, pane, timeout: int = 15000) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(pane.pageLoaded, timeout=timeout) as blocker:
        pane.render_now()
    assert blocker.args == [True]


def run_js(qtbot, pane, script: str):  # type: ignore[no-untyped-def]
    """Read something from the page, in the app's isolated world (page scripts are off)."""
    from PySide6.QtWebEngineCore import QWebEngineScript

    box: list[object] = []
    pane.web.page.runJavaScript(script, QWebEngineScript.ScriptWorldId.ApplicationWorld, box.append)
    qtbot.waitUntil(lambda: bool(box), timeout=5000)
    return box[0]


def page_html(qtbot, pane) -> str:  # type: ignore[no-untyped-def]
    box: list[str] = []
    pane.web.page.toHtml(box.append)
    qtbot.waitUntil(lambda: bool(box), timeout=5000)
    return box[0]


def delete_now() -> None:
    """Run the pending deleteLater()s now (the web page before its profile), not after a guess."""
    from PySide6.QtCore import QCoreApplication, QEvent

    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
