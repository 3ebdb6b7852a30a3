"""The ticker desk in a window publishes, removes and restores through the database
worker, each change announced once (no synchronous tasks)."""

from __future__ import annotations

import threading

from gui.guikeys import type_text
from newsdesk.gui.context import AppContext
from newsdesk.gui.ticker.desk import TickerDesk
from newsdesk.ops import ticker as ticker_ops


def test_publish_remove_and_undo_run_on_the_worker(qtbot, store, monkeypatch):
    ran: list[int] = []
    for name in ("publish", "remove", "restore"):
        real = getattr(ticker_ops, name)

        def spy(*args, _real=real, **kwargs):  # type: ignore[no-untyped-def]
            ran.append(threading.get_ident())
            return _real(*args, **kwargs)

        monkeypatch.setattr(ticker_ops, name, spy)
    ctx = AppContext.for_store(store, user="Nadia Editor")
    desk = TickerDesk.build(ctx)
    qtbot.addWidget(desk)
    heard: list[object] = []
    ctx.changes.changed.connect(lambda changes, initiator: heard.append(initiator))
    type_text(desk.line, "Palestinian media: Crossing reopens to aid trucks")
    with qtbot.waitSignal(desk.published, timeout=5000) as sent:
        desk.submit()
    item_id = sent.args[0]
    assert desk.item_ids()[0] == item_id and desk.line.text() == ""
    assert heard == [desk]
    desk.items.setCurrentRow(0)
    with qtbot.waitSignal(desk.changed, timeout=5000):
        desk.remove_selected()
    assert store.articles.get(item_id).status == "spiked"
    with qtbot.waitSignal(desk.changed, timeout=5000):
        desk.undo_remove()
    assert store.articles.get(item_id).status == "published"
    assert heard == [desk] * 3, "each change announced once, by the desk"
    assert len(ran) == 3 and threading.get_ident() not in ran
    ctx.runner.close()
