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
