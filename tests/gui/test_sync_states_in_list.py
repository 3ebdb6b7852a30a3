"""The article list shows each article's sync state: a dot on the status, words on hover."""

from __future__ import annotations

from PySide6.QtCore import Qt

from newsdesk.domain.article import Article
from newsdesk.gui.articles.model import STATUS, ArticleListModel
from newsdesk.store.sites import Site
from newsdesk.store.sync_state import RemotePost


def _tooltip(model: ArticleListModel, article_id: int) -> str:
    row = model.row_of(article_id)
    return model.data(model.index(row, STATUS), Qt.ItemDataRole.ToolTipRole)


def test_states_follow_the_store(qtbot, store):
    local = store.articles.create(Article(headline="Only here"))
    model = ArticleListModel(store)
    model.refresh()
    assert _tooltip(model, local.id) == "Local only", "no site: a save waits for nothing"
    site = store.sites.add(Site(name="english", url="http://127.0.0.1:9", username="amal"))
    sent = store.articles.create(Article(headline="On the site"))
    clash = store.articles.create(Article(headline="Edited on the web too"))
    store.sync.save_remote_post(
        RemotePost(article_id=sent.id, site_id=site.id, marker="m1", remote_id=11, state="synced")
    )
    store.sync.save_remote_post(
        RemotePost(
            article_id=clash.id, site_id=site.id, marker="m2", remote_id=12, state="conflict"
        )
    )
    store.conn.execute("DELETE FROM outbox WHERE article_id = ?", (sent.id,))
    model.refresh()
    assert _tooltip(model, local.id) == "Waiting to be sent to the server"
    assert _tooltip(model, sent.id) == "Synced with the server"
    assert _tooltip(model, clash.id).startswith("In conflict")
    row = model.row_of(clash.id)
    assert model.data(model.index(row, STATUS), Qt.ItemDataRole.DecorationRole) is not None
    store.sync.set_state(clash.id, site.id, "synced")
    model.refresh_sync_states()
    assert _tooltip(model, clash.id) == "Waiting to be sent to the server", "its save is queued"
    store.conn.execute("DELETE FROM outbox WHERE article_id = ?", (clash.id,))
    model.refresh_sync_states()
    assert _tooltip(model, clash.id) == "Synced with the server"


REASON = (
    "'Ports' is not on english and authors cannot create categories: ask an editor to add it; "
    "the story goes out without it"
)


def test_a_story_sent_without_its_category_says_why_in_the_list_and_the_sync_desk(
    qtbot, window, artifacts_dir
):
    from newsdesk.gui.sync import install
    from newsdesk.gui.sync.desk import SyncDesk

    controller = install(window)  # the Sync desk and the status bar, as a real start has
    controller.stop()  # the site below is not there: no background sync
    store = window.store
    site = store.sites.add(Site(name="english", url="http://127.0.0.1:9", username="amal"))
    sent = store.articles.create(Article(headline="Harbour reopens", section="News"))
    lacking = store.articles.create(Article(headline="Dockers walk out", section="News"))
    queued = store.articles.create(Article(headline="Still being written", section="News"))
    for number, article in enumerate((sent, lacking, queued)):
        store.sync.save_remote_post(
            RemotePost(article.id, site.id, f"m{number}", remote_id=20 + number, state="synced")
        )
    store.conn.execute("DELETE FROM outbox WHERE article_id IN (?, ?)", (sent.id, lacking.id))
    rp = store.sync.remote_post(lacking.id, site.id)
    rp.missing_categories = {"Ports": REASON}
    store.sync.save_remote_post(rp)

    pane = window.list_pane
    pane.model.refresh()
    tip = _tooltip(pane.model, lacking.id)
    assert tip == "On the server without a category:\n" + REASON
    assert _tooltip(pane.model, sent.id) == "Synced with the server"
    assert _tooltip(pane.model, queued.id) == "Waiting to be sent to the server"

    def dot(article_id):
        row = pane.model.row_of(article_id)
        icon = pane.model.data(pane.model.index(row, STATUS), Qt.ItemDataRole.DecorationRole)
        return icon.pixmap(10, 10).toImage().pixelColor(5, 5).name()

    assert len({dot(sent.id), dot(lacking.id), dot(queued.id)}) == 3, "three states, three dots"
    pane.grab().save(str(artifacts_dir / "list-category-warning.png"))

    window.show_desk("Sync")
    desk = window.findChild(SyncDesk)
    desk.refresh()
    rows = {
        desk.articles.item(r, 0).text(): (desk.articles.item(r, 2).text(), desk.articles.item(r, 3).text())
        for r in range(desk.articles.rowCount())
    }  # fmt: skip
    assert rows["Dockers walk out"] == ("Sent without a category", REASON)
    assert rows["Harbour reopens"] == ("Synced", "")
    controller.emit_status()
    assert "1 waiting · 1 warning" in desk.summary.text()
    desk.grab().save(str(artifacts_dir / "sync-desk-category-warning.png"))

    # Once set on the post, the warning is gone from both.
    rp.missing_categories = {}
    store.sync.save_remote_post(rp)
    pane.model.refresh_sync_states()
    assert _tooltip(pane.model, lacking.id) == "Synced with the server"
    desk.refresh()
    controller.emit_status()
    assert "warning" not in desk.summary.text()


def test_a_closed_windows_sync_never_runs_on_its_closed_store(qtbot, tmp_path):
    """The window's closing stops its controller, however it was installed: the timer's
    first sync (a second after start) would otherwise read the closed store."""
    from newsdesk.gui.sync import install
    from windows import shown_window

    with shown_window(qtbot, tmp_path / "store", guide_done=True) as win:
        controller = install(win)
        win.store.sites.add(Site(name="english", url="http://127.0.0.1:9", username="amal"))
        assert controller.timer.isActive()
    assert not win.isVisible() and controller.stopped and not controller.timer.isActive()
    controller.sync_now()  # what the timer would have done: nothing, and no error
    assert not controller.running
