"""The editors' queue worked from the keyboard: move, open, claim, approve, return, publish."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from gui.guikeys import type_text
from newsdesk.gui.queue.model import AGE, CLAIM, PRIORITY, STATUS, TIMING
from newsdesk.gui.queue.panel import GREEN, RED

EDITOR = "Nadia Editor"


def key(qtbot, desk, k, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(desk.table, k, modifier)


def select(desk, article_id):
    desk.select_row(desk.model.row_of(article_id))
    assert desk.current_id() == article_id


def test_breaking_first_then_move_with_j_k_and_arrows_and_open(qtbot, queue_desk, newsroom):
    desk = queue_desk
    assert desk.current_id() == newsroom["breaking"]
    assert desk.model.text(0, PRIORITY) == "BREAKING"
    assert desk.model.rowCount() == 7 and desk.count_label.text() == "7 stories waiting"
    second = desk.model.article_id(1)
    key(qtbot, desk, Qt.Key.Key_J)
    assert desk.current_id() == second
    key(qtbot, desk, Qt.Key.Key_K)
    assert desk.current_id() == newsroom["breaking"]
    key(qtbot, desk, Qt.Key.Key_Down)
    assert desk.current_id() == second
    key(qtbot, desk, Qt.Key.Key_Up)
    key(qtbot, desk, Qt.Key.Key_K)  # already at the top: stays
    assert desk.current_id() == newsroom["breaking"]
    with qtbot.waitSignal(desk.openRequested) as opened:
        key(qtbot, desk, Qt.Key.Key_Return)
    assert opened.args == [newsroom["breaking"]]


def test_claim_with_c_and_take_over_a_stale_claim(qtbot, queue_desk, newsroom, store):
    desk = queue_desk
    select(desk, newsroom["no_tags"])
    key(qtbot, desk, Qt.Key.Key_C)
    row = desk.model.row_of(newsroom["no_tags"])
    assert desk.model.text(row, CLAIM) == f"being edited by {EDITOR}"
    assert desk.model.text(row, STATUS) == "in edit"
    assert store.workflow.claim_of(newsroom["no_tags"]).editor == EDITOR
    assert store.workflow.history(newsroom["no_tags"])[-1].actor == EDITOR
    assert "You are editing" in desk.panel.claim_label.text()

    claimed = newsroom["claimed"]
    select(desk, claimed)
    assert desk.model.text(desk.model.row_of(claimed), CLAIM) == "⚠ being edited by Sam Okafor"
    assert "stale" in desk.panel.claim_label.text() and desk.panel.take_over.isVisible()
    key(qtbot, desk, Qt.Key.Key_C)  # refused in words: someone else holds it
    assert "Being edited by Sam Okafor" in desk.message.text()
    assert store.workflow.claim_of(claimed).editor == "Sam Okafor"
    desk.panel.take_over.click()
    box = desk.takeover_box
    qtbot.waitUntil(box.isVisible)
    assert "stale" in box.text()
    box.button(QMessageBox.StandardButton.Yes).click()
    assert store.workflow.claim_of(claimed).editor == EDITOR
    assert store.workflow.notes(claimed)[-1].body == "Took the story over from Sam Okafor."


def test_approve_with_a_moves_on_to_the_next_story(qtbot, queue_desk, newsroom, store):
    desk = queue_desk
    select(desk, newsroom["ready"])
    row = desk.table.currentIndex().row()
    following = desk.model.article_id(row + 1)
    key(qtbot, desk, Qt.Key.Key_A)
    assert store.articles.get(newsroom["ready"]).status == "approved"
    assert desk.model.row_of(newsroom["ready"]) == -1
    assert desk.current_id() == following
    assert desk.count_label.text() == "6 stories waiting"
    assert desk.groups.item(0).text() == "All stories (6)"


def test_return_with_r_needs_a_note(qtbot, queue_desk, newsroom, store):
    desk = queue_desk
    select(desk, newsroom["no_tags"])
    key(qtbot, desk, Qt.Key.Key_R)
    dialog = desk.note_dialog
    qtbot.waitUntil(dialog.isVisible)
    assert not dialog.ok.isEnabled()
    type_text(dialog.edit, "   ")
    assert not dialog.ok.isEnabled()  # blanks are not a note
    qtbot.keyClick(dialog.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.isVisible() and store.articles.get(newsroom["no_tags"]).status == "submitted"
    type_text(dialog.edit, "Add a tag and a second source, please.")
    assert dialog.ok.isEnabled()
    qtbot.keyClick(dialog.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert store.articles.get(newsroom["no_tags"]).status == "returned"
    [note] = store.workflow.notes(newsroom["no_tags"])
    assert (note.author, note.kind, note.body) == (
        EDITOR,
        "return",
        "Add a tag and a second source, please.",
    )
    assert desk.model.row_of(newsroom["no_tags"]) == -1
    assert "Returned" in desk.message.text()


def test_publish_with_p_blocked_by_the_checklist_lists_the_reasons(
    qtbot, queue_desk, newsroom, store
):
    desk = queue_desk
    select(desk, newsroom["no_tags"])
    before = len(store.workflow.history(newsroom["no_tags"]))
    key(qtbot, desk, Qt.Key.Key_P)
    box = desk.failures_box
    qtbot.waitUntil(box.isVisible)
    assert "Nothing was published" in box.text()
    assert "The story has no tag." in box.text() and "There is no lead photo." in box.text()
    assert store.articles.get(newsroom["no_tags"]).status == "submitted"
    assert len(store.workflow.history(newsroom["no_tags"])) == before
    box.accept()
    # the panel shows the same rules, red where they block
    colours = {
        desk.panel.checklist.item(i).text(): desk.panel.checklist.item(i).data(
            Qt.ItemDataRole.UserRole
        )
        for i in range(desk.panel.checklist.count())
    }
    assert colours["The story has no tag."] == RED
    assert colours["There is no lead photo."] == RED
    assert colours["1 source(s)."] == GREEN


def test_publish_with_p_when_the_checklist_passes(qtbot, queue_desk, newsroom, store):
    desk = queue_desk
    select(desk, newsroom["ready"])
    assert not [r for r in desk.panel.results if r.blocks], desk.panel.results
    key(qtbot, desk, Qt.Key.Key_P)
    assert store.articles.get(newsroom["ready"]).status == "published"
    actions = [h.action for h in store.workflow.history(newsroom["ready"])]
    assert actions == ["submit", "approve", "publish"]
    assert desk.message.text() == "Published."


def test_schedule_with_s_never_before_the_embargo(qtbot, queue_desk, newsroom, store):
    desk = queue_desk
    story = newsroom["embargoed"]
    select(desk, story)
    embargo = store.articles.get(story).embargo_at
    key(qtbot, desk, Qt.Key.Key_S)
    dialog = desk.schedule_dialog
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.when() >= embargo  # the picker starts at or after the embargo
    dialog.set_when(datetime.now(UTC) + timedelta(minutes=30))
    qtbot.keyClick(dialog.picker, Qt.Key.Key_Return)
    qtbot.waitUntil(dialog.isVisible)  # back up, with the reason in words
    assert "embargoed until" in dialog.error.text().lower()
    assert "too early" in desk.message.text()
    assert store.articles.get(story).status == "submitted"  # the approve was rolled back too
    later = datetime.now(UTC) + timedelta(hours=3)
    dialog.set_when(later)
    qtbot.keyClick(dialog.picker, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    article = store.articles.get(story)
    assert article.status == "scheduled"
    assert article.scheduled_at == later.strftime("%Y-%m-%dT%H:%M:00Z")
    assert desk.message.text().startswith("Scheduled for")


def test_countdown_and_age_tick_with_the_timer(queue_desk, newsroom):
    desk = queue_desk
    row = desk.model.row_of(newsroom["embargoed"])
    assert desk.model.text(row, TIMING) == "embargo lifts in 2 h 10 min"
    assert desk.model.text(row, AGE) == "50 min"
    assert desk.timer.interval() == 30_000 and desk.timer.isActive()
    assert desk.timer.parent() is desk
    desk.model.refresh_times(datetime.now(UTC) + timedelta(hours=1))
    assert desk.model.text(row, TIMING) == "embargo lifts in 1 h 10 min"
    assert desk.model.text(row, AGE) == "1 h 50 min"
    desk.model.refresh_times(datetime.now(UTC) + timedelta(hours=3))
    assert desk.model.text(row, TIMING) == "embargo lifted"


def test_groups_with_counts_filter_the_queue(qtbot, queue_desk, newsroom):
    desk = queue_desk
    groups = [desk.groups.item(i).text() for i in range(desk.groups.count())]
    assert groups == ["All stories (7)", "News (5)", "Articles (1)", "Live (1)"]
    desk.grouping.setCurrentIndex(desk.grouping.findData("edition"))
    groups = [desk.groups.item(i).text() for i in range(desk.groups.count())]
    assert groups == ["All stories (7)", "EN (5)", "AR (1)", "ES (1)"]
    desk.groups.setCurrentRow(3)
    assert [desk.model.article_id(r) for r in range(desk.model.rowCount())] == [newsroom["spanish"]]
    desk.grouping.setCurrentIndex(desk.grouping.findData("priority"))
    assert desk.groups.item(1).text() == "Breaking (1)"
    desk.groups.setCurrentRow(1)
    assert desk.model.rowCount() == 1 and desk.current_id() == newsroom["breaking"]
    desk.grouping.setCurrentIndex(desk.grouping.findData("embargo"))
    texts = [desk.groups.item(i).text() for i in range(desk.groups.count())]
    assert "Under embargo (1)" in texts and "No embargo (6)" in texts


def test_notes_thread_with_a_reply_typed_in_the_panel(qtbot, queue_desk, newsroom, store):
    desk = queue_desk
    select(desk, newsroom["claimed"])
    tree = desk.panel.notes
    assert tree.topLevelItemCount() == 1
    tree.setCurrentItem(tree.topLevelItem(0))
    desk.panel.reply.setFocus()
    type_text(desk.panel.reply, "Yes: it was a Telegram channel first.\n")
    notes = store.workflow.notes(newsroom["claimed"])
    assert [(n.author, n.parent_id) for n in notes] == [
        ("Sam Okafor", None),
        (EDITOR, notes[0].id),
    ]
    assert tree.topLevelItem(0).childCount() == 1
    assert "Telegram" in tree.topLevelItem(0).child(0).text(0)
    # letters typed in the reply box never act on the queue
    assert store.articles.get(newsroom["claimed"]).status == "in_edit"
    assert desk.panel.tabs.tabText(1) == "Notes (2)"


def test_stories_changed_elsewhere_show_when_announced(qtbot, queue_desk, newsroom, store):
    from queue_data import story

    from newsdesk.ops import Changes
    from newsdesk.ops.workflow import transition as move

    desk = queue_desk
    select(desk, newsroom["no_tags"])
    late = story(store, headline="Pulled from the server by a sync")
    move(store, late.id, "submit", actor="Amal Saeed", role="reporter")
    store.workflow.claim(newsroom["spanish"], "Sam Okafor")
    desk.tick()  # the 30 s tick only recounts the countdowns: it reads nothing
    assert desk.model.row_of(late.id) < 0
    desk.ctx.announce(Changes(queue=True), object())  # a sync, another window…
    assert desk.model.row_of(late.id) >= 0
    row = desk.model.row_of(newsroom["spanish"])
    assert desk.model.text(row, CLAIM) == "being edited by Sam Okafor"
    assert desk.current_id() == newsroom["no_tags"]  # the selection stays put


def test_a_reporter_is_told_in_words_and_nothing_moves(qtbot, store, newsroom, synchronous):
    from newsdesk.gui.context import AppContext
    from newsdesk.gui.queue.desk import QueueDesk

    desk = QueueDesk(AppContext.for_store(store, user="Amal Saeed", role="reporter"))
    qtbot.addWidget(desk)
    desk.show()
    qtbot.waitExposed(desk)
    select(desk, newsroom["ready"])
    desk.table.setFocus()
    key(qtbot, desk, Qt.Key.Key_A)
    assert desk.message.text() == "The reporter role cannot approve a story."
    assert store.articles.get(newsroom["ready"]).status == "submitted"


def test_escape_cancels_a_return(qtbot, queue_desk, newsroom, store):
    desk = queue_desk
    select(desk, newsroom["no_tags"])
    key(qtbot, desk, Qt.Key.Key_R)
    dialog = desk.note_dialog
    qtbot.waitUntil(dialog.isVisible)
    type_text(dialog.edit, "Half a thought")
    qtbot.keyClick(dialog.edit, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert store.articles.get(newsroom["no_tags"]).status == "submitted"
    assert store.workflow.notes(newsroom["no_tags"]) == []
