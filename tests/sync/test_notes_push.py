"""A note alone reaches the server: it changes no revision, yet the next sync sends it."""

from __future__ import annotations

import json

from newsdesk.sync.engine import SyncEngine
from newsdesk.sync.reconcile import article_revision

from .helpers import connect, sync, write


def server_notes(wp, store, article_id: int) -> list[str]:
    rp = store.sync.remote_post(article_id, store.sites.by_name("english-site").id)
    with wp.client("editor") as web:
        post = web.get(f"/wp/v2/posts/{rp.remote_id}", params={"context": "edit"}).json()
    return [n["body"] for n in json.loads(post["meta"]["_newsdesk_notes"] or "[]")]


def test_a_note_written_after_the_last_push_goes_out_on_the_next_sync(tmp_path, wordpress_plugin):
    from newsdesk.store import open_store

    store = open_store(tmp_path / "store")
    connect(store, wordpress_plugin, "editor")
    article = write(store, headline="Notes travel without a new revision")
    assert not sync(store).failed
    revision = article_revision(store, article.id)

    store.workflow.add_note(article.id, "ed", "Check the minister's title.")
    assert article_revision(store, article.id) == revision  # a note is no new revision
    report = sync(store)
    assert not report.failed and report.pushed, report
    assert server_notes(wordpress_plugin, store, article.id) == ["Check the minister's title."]

    # Sent once: the next sync has nothing to write.
    engine = SyncEngine(store)
    again = engine.sync()
    assert not again.failed and not again.pushed, again
    assert server_notes(wordpress_plugin, store, article.id) == ["Check the minister's title."]
