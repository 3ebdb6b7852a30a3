"""Preview GUI fixtures. The newsdesk: scheme must be declared before the QApplication
exists, so it is registered when this file is imported (at collection, before any test)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "render"))

from preview_helpers import delete_now  # noqa: E402

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
    delete_now()
