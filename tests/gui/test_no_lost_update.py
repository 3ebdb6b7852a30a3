"""An open editor never puts back what another desk, or the site, changed meanwhile.

The editor keeps the revision it read; a save merges what happened since field
by field (the sync's three-way merge), and an editor with nothing unsaved
simply shows the newer version when another desk announces it.
"""

from __future__ import annotations

import pytest
from guikeys import press
from PySide6.QtCore import Qt

from newsdesk.domain.article import Article
from newsdesk.ops import StaleEdit, save_article
from newsdesk.store import open_store
from windows import shown_window


@pytest.fixture
def window(qtbot, tmp_path):
    with shown_window(qtbot, tmp_path / "store", guide_done=True) as win:
        win.settings.set("user/name", "Nadia Editor")
        win.settings.set("user/role", "editor")  # the queue offers what her role allows
        yield win


def story(window, **fields) -> int:
    article = Article(**{"headline": "Council votes", "body": "First.\n\nSecond.", **fields})
    window.store.articles.create(article, author="amal")
    assert article.id is not None
    return article.id


def type_into_body(qtbot, window, text: str) -> None:
    body = window.editor.body_edit
    body.setFocus()
    body.moveCursor(body.textCursor().MoveOperation.End)
    qtbot.keyClicks(body, text)


def test_approval_on_the_queue_survives_the_open_editors_save(qtbot, window):
    story_id = story(window, status="submitted")
    assert window.session.open(story_id)
    type_into_body(qtbot, window, " Third")  # typing under way, not saved

    assert window.show_desk("Editors' queue")
    desk = window.desks.currentWidget()
    desk.reload(keep_id=story_id)
    desk.table.setFocus()
    qtbot.keyClick(desk.table, Qt.Key.Key_A)  # approve
    qtbot.waitUntil(lambda: window.store.articles.get(story_id).status == "approved")

    window.show_desk("Reporter's desk")
    press(qtbot, window.editor.body_edit, "Ctrl+S")
    saved = window.store.articles.get(story_id)
    assert saved.status == "approved", "the save did not put the story back in the queue"
    assert saved.body.endswith("Second. Third"), "and the typing was saved"


def test_an_idle_editor_shows_the_approval_at_once(qtbot, window):
    story_id = story(window, status="submitted")
    assert window.session.open(story_id)
    assert window.show_desk("Editors' queue")
    desk = window.desks.currentWidget()
    desk.reload(keep_id=story_id)
    desk.table.setFocus()
    qtbot.keyClick(desk.table, Qt.Key.Key_A)
    qtbot.waitUntil(lambda: window.editor.article().status == "approved", timeout=3000)
    assert not window.editor.is_dirty  # following a colleague is no edit of one's own


def test_a_pulled_edit_merges_with_the_typing_in_the_open_editor(qtbot, window):
    story_id = story(window)
    assert window.session.open(story_id)
    type_into_body(qtbot, window, " Mine")

    # The sync, on its own connection, stores the headline an editor fixed on the site.
    other = open_store(window.store.folder)
    pulled = other.articles.get(story_id)
    pulled.headline = "Council votes to close the port"
    other.articles.save(pulled, author="site", reason="pull")
    other.close()

    press(qtbot, window.editor.body_edit, "Ctrl+S")
    saved = window.store.articles.get(story_id)
    assert saved.headline == "Council votes to close the port"
    assert saved.body.endswith("Second. Mine")
    assert window.editor.headline_edit.text() == "Council votes to close the port"
    assert window.editor.body_edit.toPlainText().endswith("Second. Mine")


def test_a_lead_photo_set_on_the_photo_desk_is_not_undone_by_the_editor(qtbot, window, tmp_path):
    from PIL import Image

    from newsdesk.photos.importer import import_files

    path = tmp_path / "harbour.jpg"
    Image.new("RGB", (64, 48), (10, 90, 160)).save(path, "JPEG")
    photo = import_files(window.store, [path], workers=1).photos[0]
    story_id = story(window)
    assert window.session.open(story_id)
    type_into_body(qtbot, window, " Mine")

    assert window.show_desk("Photo desk")
    window.desks.currentWidget().set_as_lead(story_id, photo.id)

    window.show_desk("Reporter's desk")
    press(qtbot, window.editor.body_edit, "Ctrl+S")
    saved = window.store.articles.get(story_id)
    assert saved.lead_photo_id == photo.id
    assert saved.body.endswith("Second. Mine")


def test_the_same_field_changed_on_both_sides_is_asked_never_guessed(qtbot, window):
    story_id = story(window)
    assert window.session.open(story_id)
    window.editor.headline_edit.setFocus()
    window.editor.headline_edit.selectAll()
    qtbot.keyClicks(window.editor.headline_edit, "Mine")
    elsewhere = window.store.articles.get(story_id)
    elsewhere.headline = "Theirs"
    window.store.articles.save(elsewhere, author="someone")

    asked: list[StaleEdit] = []
    window.session.choose_on_conflict = lambda stale: asked.append(stale)  # Cancel
    press(qtbot, window.editor.body_edit, "Ctrl+S")
    assert asked and asked[0].fields == ["headline"]
    assert window.store.articles.get(story_id).headline == "Theirs", "nothing overwritten"
    assert window.editor.is_dirty and window.editor.headline_edit.text() == "Mine"

    window.session.choose_on_conflict = lambda stale: "mine"
    press(qtbot, window.editor.body_edit, "Ctrl+S")
    assert window.store.articles.get(story_id).headline == "Mine"
    history = [r.content["headline"] for r in window.store.revisions.list(story_id)]
    assert "Theirs" in history, "the other version stays in the history"


def test_save_article_keeps_theirs_when_asked(tmp_path):
    store = open_store(tmp_path / "s")
    article = Article(headline="Base", body="One.")
    store.articles.create(article)
    base = store.articles.revision_of(article.id)
    theirs = store.articles.get(article.id)
    theirs.headline, theirs.status = "Theirs", "submitted"
    store.articles.save(theirs)
    mine = store.articles.get(article.id)
    mine.headline, mine.status, mine.body = "Mine", "draft", "One. Two."
    with pytest.raises(StaleEdit):
        save_article(store, mine.copy(), base_revision=base)
    mine.status = "draft"
    saved = save_article(store, mine, base_revision=base, keep="theirs")
    assert (saved.article.headline, saved.article.status, saved.article.body) == (
        "Theirs",
        "submitted",
        "One. Two.",
    )
    assert saved.changes.queue is False and article.id in saved.changes.articles
    store.close()
