"""A reporter is told when their story is returned, published, corrected or killed by
someone else — in the status bar always — and not of their own moves."""

from __future__ import annotations

import pytest
from guikeys import press

from newsdesk.ops import Changes
from newsdesk.ops import workflow as ops
from windows import shown_window

REPORTER, EDITOR = "Amal Reporter", "Nadia Editor"


@pytest.fixture
def window(qtbot, tmp_path):
    with shown_window(qtbot, tmp_path / "store", guide_done=True) as win:
        win.settings.set("user/name", REPORTER)
        win.settings.set("user/role", "reporter")
        yield win


def as_sync(window, story):
    """What the sync controller announces after a pull that changed `story`."""
    window.announce(Changes.of_articles(story), object())


def test_the_reporter_hears_of_each_move_on_their_story(qtbot, window):
    press(qtbot, window.list_pane.table, "Ctrl+N")
    window.editor.headline_edit.setFocus()
    qtbot.keyClicks(window.editor.headline_edit, "Port cranes stand idle")
    window.editor.body_edit.setFocus()
    qtbot.keyClicks(window.editor.body_edit, "Dockers stopped work at dawn.")
    story = window.editor.article_id
    window.session.save()
    qtbot.waitUntil(lambda: window.notifier.loaded)
    notifier, bar = window.notifier, window.statusBar()

    window.submit_flow.confirm = lambda _problems: True
    press(qtbot, window.editor.body_edit, "Ctrl+Return")
    assert window.store.articles.get(story).status == "submitted"
    assert notifier.told == []  # their own move is no news

    ops.transition(
        window.store, story, "return", actor=EDITOR, role="editor", note="Name the port."
    )
    as_sync(window, story)
    assert notifier.told[-1] == "“Port cranes stand idle” came back from the desk — " + (
        f"{EDITOR}: Name the port."
    )
    assert bar.currentMessage() == notifier.told[-1]

    ops.transition(window.store, story, "submit", actor=REPORTER, role="reporter")
    ops.transition(window.store, story, "approve", actor=EDITOR, role="editor")
    as_sync(window, story)
    assert len(notifier.told) == 1  # approval is the desk's business, not news

    # as a pull records it: the site says published (the checklist ran on the editor's desk)
    window.store.workflow.transition(story, "publish", actor=EDITOR, role="editor")
    as_sync(window, story)
    assert notifier.told[-1] == "“Port cranes stand idle” is published."
    ops.transition(
        window.store, story, "correct", actor=EDITOR, role="editor", note="Fixed the port."
    )
    as_sync(window, story)
    assert notifier.told[-1] == "“Port cranes stand idle” was corrected: Fixed the port."
    ops.transition(window.store, story, "kill", actor=EDITOR, role="editor", note="Legal.")
    as_sync(window, story)
    assert notifier.told[-1].endswith("was killed: it is off the public site.")
    assert bar.currentMessage() == notifier.told[-1]


def test_other_peoples_stories_are_not_news(qtbot, window):
    from newsdesk.domain.article import Article

    other = window.store.articles.create(Article(headline="Not mine", byline="Jon Berg"))
    window.notifier.load()
    ops.transition(window.store, other.id, "submit", actor="Jon Berg", role="reporter")
    ops.transition(window.store, other.id, "return", actor=EDITOR, role="editor", note="No.")
    as_sync(window, other.id)
    assert window.notifier.told == []


def test_the_scan_of_ones_own_stories_reads_indexes_only(tmp_path):
    """Start-up's scan reads no story's row (whose body, before the correction column,
    would be walked) and no revision's text: on 100,000 stories ~100 ms cached, not 250."""
    from newsdesk.gui.notify import _MINE
    from newsdesk.store import open_store

    store = open_store(tmp_path)
    try:
        plan = store.conn.execute(
            f"EXPLAIN QUERY PLAN SELECT id, status, correction FROM articles a WHERE {_MINE}",
            (REPORTER, REPORTER),
        ).fetchall()
    finally:
        store.close()
    steps = [row[-1] for row in plan]
    assert "SCAN a USING COVERING INDEX articles_byline_stage" in steps, steps
    assert any("USING COVERING INDEX revisions_first_author" in s for s in steps), steps
