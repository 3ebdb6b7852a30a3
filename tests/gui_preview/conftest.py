"""Preview GUI fixtures. The newsdesk: scheme must be declared before the QApplication
exists, so it is registered when this file is imported (at collection, before any test)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "render"))

from newsdesk.gui.preview import register_scheme  # noqa: E402

register_scheme()


@pytest.fixture(scope="module")
def newsroom(tmp_path_factory):
    """A store with three editions, photos and related stories (built once per module)."""
    from newsroom_samples import build_newsroom

    from newsdesk.store import open_store

    folder = tmp_path_factory.mktemp("newsroom")
    store = open_store(folder / "store")
    room = build_newsroom(store, folder / "camera")
    yield store, room
    store.close()


@pytest.fixture
def pane(qtbot, newsroom):
    from newsdesk.gui.preview.pane import PreviewPane

    widget = PreviewPane(newsroom[0])
    qtbot.addWidget(widget)
    widget.resize(1100, 1300)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    widget.close()
    widget.deleteLater()  # the web page must go before its profile (Qt warns otherwise)
    qtbot.wait(50)


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
