"""The editing session writes only through the database worker, in order.

These tests run the window as a person does (no synchronous tasks): the
journal, the saves, a new article and a restore are operations on the worker
thread; each save is announced once; what is typed while a save is under way
stays unsaved; a conflict is asked on the main thread and the save re-run with
the answer; closing the window lets the last save land.
"""

from __future__ import annotations

import threading

import pytest
from guikeys import press

from newsdesk.domain.article import Article
from newsdesk.gui.editor import session as session_module
from windows import shown_window


@pytest.fixture
def window(qtbot, tmp_path):
    with shown_window(qtbot, tmp_path / "store", real_threads=True) as win:
        yield win


@pytest.fixture
def threads(monkeypatch):
    """Which thread each of the session's writes ran on, by name."""
    seen: dict[str, list[int]] = {"save": [], "journal": [], "create": [], "restore": []}

    def spy(name: str, fn):  # type: ignore[no-untyped-def]
        def run(*args, **kwargs):  # type: ignore[no-untyped-def]
            seen[name].append(threading.get_ident())
            return fn(*args, **kwargs)

        return run

    for name, attr in (
        ("save", "save_article"),
        ("journal", "write_journal"),
        ("create", "create_article"),
        ("restore", "restore_revision"),
    ):
        monkeypatch.setattr(session_module, attr, spy(name, getattr(session_module, attr)))
    return seen


def story(window, **fields) -> int:
    article = Article(**{"headline": "Council votes", "body": "First.", **fields})
    window.store.articles.create(article, author="amal")
    assert article.id is not None
    return article.id


def type_at_end(qtbot, window, text: str) -> None:
    body = window.editor.body_edit
    body.setFocus()
    body.moveCursor(body.textCursor().MoveOperation.End)
    qtbot.keyClicks(body, text)


def settled(window) -> bool:
    return window.session.in_flight == 0 and window.runner.queued == 0


def test_saves_and_journal_run_on_the_worker_and_are_announced_once(qtbot, window, threads):
    story_id = story(window)
    assert window.session.open(story_id)
    heard: list[object] = []
    window.changes.changed.connect(
        lambda changes, initiator: heard.append(initiator) if changes.touches(story_id) else None
    )
    type_at_end(qtbot, window, " Second.")
    qtbot.waitUntil(lambda: bool(threads["journal"]), timeout=3000)  # within ~1 s of typing
    qtbot.waitUntil(lambda: window.store.autosaves.pending() == [story_id], timeout=3000)

    press(qtbot, window.editor.body_edit, "Ctrl+S")
    qtbot.waitUntil(lambda: settled(window) and not window.editor.is_dirty, timeout=5000)
    assert window.store.articles.get(story_id).body == "First. Second."
    assert window.store.autosaves.pending() == []  # the revision took the journal's place
    main = threading.get_ident()
    assert threads["save"] and main not in threads["save"] + threads["journal"]
    assert heard == [window.session], "announced once, by the session"
    assert "Saved revision" in window.statusBar().currentMessage()


def test_what_is_typed_while_a_save_is_under_way_stays_unsaved(qtbot, window, threads):
    story_id = story(window)
    assert window.session.open(story_id)
    type_at_end(qtbot, window, " Two.")
    assert window.session.save()  # queued: the content is taken now
    type_at_end(qtbot, window, " Three.")  # before its answer comes back
    qtbot.waitUntil(lambda: settled(window), timeout=5000)
    assert window.store.articles.get(story_id).body == "First. Two."
    assert window.editor.is_dirty, "the typing after the save was taken is not saved yet"
    assert window.editor.body_edit.toPlainText() == "First. Two. Three."

    window.session.save()
    qtbot.waitUntil(lambda: settled(window) and not window.editor.is_dirty, timeout=5000)
    assert window.store.articles.get(story_id).body == "First. Two. Three."


def test_two_saves_in_flight_do_not_conflict_with_each_other(qtbot, window, threads):
    story_id = story(window)
    assert window.session.open(story_id)
    asked: list[object] = []
    window.session.choose_on_conflict = lambda stale: asked.append(stale)
    type_at_end(qtbot, window, " Two.")
    window.session.save()
    type_at_end(qtbot, window, " Three.")
    window.session.save()  # based on the first one's revision, which has not landed yet
    qtbot.waitUntil(lambda: settled(window) and not window.editor.is_dirty, timeout=5000)
    assert asked == []
    assert window.store.articles.get(story_id).body == "First. Two. Three."


def test_a_conflict_is_asked_on_the_main_thread_and_the_save_rerun(qtbot, window, threads):
    story_id = story(window)
    assert window.session.open(story_id)
    window.editor.headline_edit.setFocus()
    window.editor.headline_edit.selectAll()
    qtbot.keyClicks(window.editor.headline_edit, "Mine")
    elsewhere = window.store.articles.get(story_id)
    elsewhere.headline = "Theirs"
    window.store.articles.save(elsewhere, author="someone")

    asked_on: list[int] = []

    def choose(_stale):  # type: ignore[no-untyped-def]
        asked_on.append(threading.get_ident())
        return "mine"

    window.session.choose_on_conflict = choose
    press(qtbot, window.editor.body_edit, "Ctrl+S")
    qtbot.waitUntil(lambda: settled(window) and not window.editor.is_dirty, timeout=5000)
    assert asked_on == [threading.get_ident()]
    assert len(threads["save"]) == 2, "the save ran again with the choice"
    assert window.store.articles.get(story_id).headline == "Mine"


def test_switching_saves_first_then_opens(qtbot, window, threads):
    first, second = story(window), story(window, headline="Port reopens")
    assert window.session.open(first)
    type_at_end(qtbot, window, " More.")
    assert window.session.open(second)
    qtbot.waitUntil(lambda: window.editor.article_id == second, timeout=5000)
    assert window.store.articles.get(first).body == "First. More."
    assert threading.get_ident() not in threads["save"]


def test_a_new_article_is_typed_into_at_once_and_stored_on_the_worker(qtbot, window, threads):
    window.new_article()
    qtbot.keyClicks(window.editor.headline_edit, "Typed at once")  # before it is stored
    qtbot.waitUntil(lambda: window.editor.article_id is not None, timeout=5000)
    assert threads["create"] and threading.get_ident() not in threads["create"]
    window.session.save()
    article_id = window.editor.article_id
    qtbot.waitUntil(lambda: settled(window) and not window.editor.is_dirty, timeout=5000)
    assert window.store.articles.get(article_id).headline == "Typed at once"


def test_closing_the_window_lets_the_last_save_land(qtbot, tmp_path, threads):
    from newsdesk.app import build_window
    from newsdesk.store import open_store

    win = build_window(tmp_path / "store")
    qtbot.addWidget(win)
    win.show()
    story_id = story(win)
    assert win.session.open(story_id)
    type_at_end(qtbot, win, " Last words.")
    win.close()  # queued on the worker; the window waits for it to drain
    win.store.close()
    store = open_store(tmp_path / "store")
    try:
        assert store.articles.get(story_id).body == "First. Last words."
        assert store.autosaves.pending() == []
    finally:
        store.close()
    assert threads["save"] and threading.get_ident() not in threads["save"]


def test_a_markdown_import_runs_on_the_worker_and_is_announced_once(
    qtbot, window, tmp_path, monkeypatch
):
    from newsdesk.gui import transfer as transfer_module

    ran: list[int] = []
    real = transfer_module.import_articles

    def spy(*args, **kwargs):  # type: ignore[no-untyped-def]
        ran.append(threading.get_ident())
        return real(*args, **kwargs)

    monkeypatch.setattr(transfer_module, "import_articles", spy)
    heard: list[object] = []
    window.changes.changed.connect(
        lambda changes, initiator: heard.append(initiator) if changes.articles else None
    )
    path = tmp_path / "in.md"
    path.write_text("---\nheadline: Dockers end strike\n---\nThe port reopened.\n", "utf-8")
    window.transfer.import_paths([path])
    qtbot.waitUntil(
        lambda: window.editor.headline_edit.text() == "Dockers end strike", timeout=5000
    )
    assert ran and threading.get_ident() not in ran
    assert heard == [window.transfer]
