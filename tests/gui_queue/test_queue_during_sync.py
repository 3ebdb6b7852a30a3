"""The queue while another connection (a sync) writes: keys never wait on the store's lock,
new stories arrive without a reload on the UI thread, a claim changes only its own row."""

from __future__ import annotations

import sqlite3
import time

from PySide6.QtCore import QObject, Qt, Signal

from newsdesk.gui.queue.model import CLAIM, STATUS
from newsdesk.ops.workflow import transition as move

EDITOR = "Nadia Editor"


class FakeSyncSignals(QObject):
    """Only the two signals the desk listens to; the real controller is tested in tests/sync."""

    progressed = Signal(str, int, int)
    finished = Signal(object)


def _select(desk, article_id):
    desk.select_row(desk.model.row_of(article_id))
    assert desk.current_id() == article_id


def test_a_claim_while_the_store_is_locked_waits_off_the_ui_thread(
    qtbot, queue_desk, newsroom, store
):
    desk = queue_desk
    story = newsroom["no_tags"]
    _select(desk, story)
    sync = sqlite3.connect(str(store.folder / "newsdesk.db"), isolation_level=None)
    sync.execute("BEGIN IMMEDIATE")  # what a sync's page holds while it stores posts
    try:
        began = time.perf_counter()
        qtbot.keyClick(desk.table, Qt.Key.Key_C)
        assert time.perf_counter() - began < 0.1  # no wait for the lock in the handler
        assert desk.message.text().startswith("Waiting for the sync to finish writing")
        assert store.workflow.claim_of(story) is None
        qtbot.wait(150)  # retries meanwhile find the lock still held
        assert store.workflow.claim_of(story) is None and desk.writes.pending
        assert store.writers_waiting  # so the sync's pull steps aside between transactions
    finally:
        sync.execute("COMMIT")
        sync.close()
    qtbot.waitUntil(lambda: store.workflow.claim_of(story) is not None, timeout=2_000)
    assert store.workflow.claim_of(story).editor == EDITOR
    assert not desk.writes.pending and not store.writers_waiting
    row = desk.model.row_of(story)
    assert desk.model.text(row, CLAIM) == f"being edited by {EDITOR}"
    assert "You are editing" in desk.message.text()


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


def test_stories_a_sync_brings_show_up_from_a_background_read(qtbot, queue_desk, store):
    from queue_data import story

    desk = queue_desk
    signals = FakeSyncSignals()
    desk.follow_sync(signals)
    before = desk.model.rowCount()
    late = story(store, headline="Pulled from the server by a sync")
    move(store, late.id, "submit", actor="Amal Saeed", role="reporter")
    signals.progressed.emit("pull", 100, 1000)  # a page is stored
    qtbot.waitUntil(lambda: desk.model.row_of(late.id) >= 0, timeout=5_000)
    assert desk.model.rowCount() == before + 1
    assert desk.count_label.text() == f"{before + 1} stories waiting"
    later = story(store, headline="The last page")
    move(store, later.id, "submit", actor="Amal Saeed", role="reporter")
    signals.finished.emit(None)
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


def test_a_note_sent_while_the_store_is_locked_lands_afterwards(qtbot, queue_desk, newsroom, store):
    from gui.guikeys import type_text

    desk = queue_desk
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
        assert len(store.workflow.notes(story)) == before and desk.writes.pending
        assert desk.message.text().startswith("Waiting for the sync to finish writing")
    finally:
        sync.execute("COMMIT")
        sync.close()
    qtbot.waitUntil(lambda: len(store.workflow.notes(story)) == before + 1, timeout=2_000)
    assert store.workflow.notes(story)[-1].body == "Check the second source."
    assert desk.panel.reply.text() == ""
