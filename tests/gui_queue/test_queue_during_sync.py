"""The queue while another connection (a sync) writes: keys never wait on the store's lock,
new stories arrive when announced (read on the database worker), a claim changes only its
own row."""

from __future__ import annotations

import sqlite3
import time

import pytest
from PySide6.QtCore import Qt

from newsdesk.gui.queue.model import CLAIM, STATUS
from newsdesk.ops import Changes
from newsdesk.ops.workflow import transition as move

EDITOR = "Nadia Editor"


@pytest.fixture
def live_desk(qtbot, store, newsroom):
    """The queue desk with its database worker on its own thread, as in the application."""
    from newsdesk.gui.context import AppContext
    from newsdesk.gui.queue.desk import QueueDesk

    desk = QueueDesk(AppContext.for_store(store, user=EDITOR))
    qtbot.addWidget(desk)
    desk.resize(1500, 760)
    desk.show()
    qtbot.waitUntil(lambda: desk.model.rowCount() > 0, timeout=5_000)
    desk.table.setFocus()
    yield desk
    desk.ctx.runner.close()


def _select(desk, article_id):
    desk.select_row(desk.model.row_of(article_id))
    assert desk.current_id() == article_id


def test_a_claim_while_the_store_is_locked_waits_off_the_ui_thread(
    qtbot, live_desk, newsroom, store
):
    desk = live_desk
    story = newsroom["no_tags"]
    _select(desk, story)
    sync = sqlite3.connect(str(store.folder / "newsdesk.db"), isolation_level=None)
    sync.execute("BEGIN IMMEDIATE")  # what a sync's page holds while it stores posts
    try:
        began = time.perf_counter()
        qtbot.keyClick(desk.table, Qt.Key.Key_C)
        assert time.perf_counter() - began < 0.1  # no wait for the lock in the handler
        # The event loop runs on meanwhile: the 5 ms timer below is never held up.
        lateness = _loop_lateness(qtbot, 400)
        assert max(lateness) < 100, lateness
        assert desk.message.text().startswith("Waiting for the sync to finish writing")
        assert store.workflow.claim_of(story) is None and desk.pending == 1
        assert store.writers_waiting  # so the sync's pull steps aside between transactions
    finally:
        sync.execute("COMMIT")
        sync.close()
    qtbot.waitUntil(lambda: desk.pending == 0, timeout=5_000)
    assert store.workflow.claim_of(story).editor == EDITOR
    assert not store.writers_waiting
    row = desk.model.row_of(story)
    assert desk.model.text(row, CLAIM) == f"being edited by {EDITOR}"
    assert "You are editing" in desk.message.text()


def _loop_lateness(qtbot, ms: int) -> list[float]:
    """How late a 5 ms timer fires, over `ms`: the event loop's stalls."""
    from PySide6.QtCore import QTimer

    last = [time.perf_counter()]
    late: list[float] = []

    def tick() -> None:
        now = time.perf_counter()
        late.append((now - last[0]) * 1000 - 5)
        last[0] = now

    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(5)
    timer.timeout.connect(tick)
    timer.start()
    qtbot.wait(ms)
    timer.stop()
    return late or [float(ms)]


def test_a_claim_updates_its_row_in_place(qtbot, queue_desk, newsroom, store):
    desk = queue_desk
    story = newsroom["no_tags"]
    _select(desk, story)
    row = desk.model.row_of(story)
    others = [desk.model.article_id(r) for r in range(desk.model.rowCount())]
    qtbot.keyClick(desk.table, Qt.Key.Key_C)
    # The story stays under the editor's cursor; nothing else moved.
    assert desk.model.row_of(story) == row and desk.current_id() == story
    assert [desk.model.article_id(r) for r in range(desk.model.rowCount())] == others
    assert desk.model.text(row, STATUS) == "in edit"
    desk.grouping.setCurrentIndex(desk.grouping.findData("status"))
    texts = [desk.groups.item(i).text() for i in range(desk.groups.count())]
    assert any(t.startswith("In edit (") for t in texts)
    # The claim is the desk's own change: the next tick leaves the rows where they are.
    desk.grouping.setCurrentIndex(desk.grouping.findData("section"))
    _select(desk, story)
    qtbot.keyClick(desk.table, Qt.Key.Key_C)  # claimed again (refreshes the claim's time)
    rows = [desk.model.article_id(r) for r in range(desk.model.rowCount())]
    desk.tick()
    assert [desk.model.article_id(r) for r in range(desk.model.rowCount())] == rows
    assert desk.current_id() == story


def test_stories_a_sync_brings_show_up_from_its_announcement(qtbot, live_desk, store):
    from queue_data import story

    desk = live_desk
    before = desk.model.rowCount()
    late = story(store, headline="Pulled from the server by a sync")
    move(store, late.id, "submit", actor="Amal Saeed", role="reporter")
    desk.ctx.announce(Changes(queue=True), "sync")  # a page of the pull is stored
    qtbot.waitUntil(lambda: desk.model.row_of(late.id) >= 0, timeout=5_000)
    assert desk.model.rowCount() == before + 1
    assert desk.count_label.text() == f"{before + 1} stories waiting"
    later = story(store, headline="The last page")
    move(store, later.id, "submit", actor="Amal Saeed", role="reporter")
    # The sync's report at its end: a story that arrived submitted (ops.create_article).
    desk.ctx.announce(Changes.of_articles(later.id, queue=True), "sync")
    qtbot.waitUntil(lambda: desk.model.row_of(later.id) >= 0, timeout=5_000)


def test_a_fresh_read_only_repaints_what_changed(qtbot):
    from newsdesk.gui.queue.model import HEADLINE, QueueModel

    def row(n, headline):
        return {"id": n, "headline": headline, "status": "submitted", "priority": 0}

    model = QueueModel()
    model.set_rows([row(1, "One"), row(2, "Two")])
    resets, changed, inserted = [], [], []
    model.modelReset.connect(lambda: resets.append(1))
    model.dataChanged.connect(lambda top, _bottom, _roles=(): changed.append(top.row()))
    model.rowsInserted.connect(lambda _parent, first, last: inserted.append((first, last)))
    model.replace_rows([row(1, "One"), row(2, "Two, rewritten"), row(3, "Three")])
    assert (resets, changed, inserted) == ([], [1], [(2, 2)])
    assert model.text(1, HEADLINE) == "Two, rewritten" and model.text(2, HEADLINE) == "Three"
    model.replace_rows([row(2, "Two, rewritten"), row(3, "Three")])  # one left: a reset
    assert resets == [1] and model.rowCount() == 2


def test_a_note_sent_while_the_store_is_locked_lands_afterwards(qtbot, live_desk, newsroom, store):
    from gui.guikeys import type_text

    desk = live_desk
    story = newsroom["claimed"]
    _select(desk, story)
    before = len(store.workflow.notes(story))
    sync = sqlite3.connect(str(store.folder / "newsdesk.db"), isolation_level=None)
    sync.execute("BEGIN IMMEDIATE")
    try:
        desk.panel.reply.setFocus()
        began = time.perf_counter()
        type_text(desk.panel.reply, "Check the second source.\n")
        assert time.perf_counter() - began < 1.0  # typing and Enter never waited for the lock
        qtbot.wait(400)
        assert len(store.workflow.notes(story)) == before and desk.pending == 1
        assert desk.message.text().startswith("Waiting for the sync to finish writing")
    finally:
        sync.execute("COMMIT")
        sync.close()
    qtbot.waitUntil(lambda: len(store.workflow.notes(story)) == before + 1, timeout=5_000)
    assert store.workflow.notes(story)[-1].body == "Check the second source."
    qtbot.waitUntil(lambda: desk.panel.reply.text() == "", timeout=2_000)
