"""Pull from the real WordPress: incremental, web drafts, HTML to Markdown, trash and deletion."""

from __future__ import annotations

import time

import pytest

from newsdesk.sync.engine import SyncEngine
from newsdesk.sync.pull import since_param

from .helpers import connect, sync, write

pytestmark = pytest.mark.wordpress


def _local_for(store, remote_id):
    rp = store.sync.remote_post_by_remote_id(store.sites.list()[0].id, remote_id)
    return (store.articles.get(rp.article_id), rp) if rp else (None, None)


def test_a_draft_started_in_the_web_editor_arrives_as_markdown(store, wordpress):
    connect(store, wordpress, "editor")
    with wordpress.client("editor") as web:
        cat = web.post("/wp/v2/categories", json={"name": "Economy"})
        cat_id = cat.json()["id"] if cat.status_code == 201 else cat.json()["data"]["term_id"]
        post = web.post(
            "/wp/v2/posts",
            json={
                "title": "Oil &amp; gas prices",
                "excerpt": "Prices rose.",
                "content": "<!-- wp:paragraph -->\n<p>Prices <strong>rose</strong> again.</p>\n"
                '<!-- /wp:paragraph -->\n\n<!-- wp:heading {"level":3} -->\n<h3>Why</h3>\n'
                "<!-- /wp:heading -->\n\n<!-- wp:list -->\n<ul><li>demand</li><li>supply</li></ul>"
                "\n<!-- /wp:list -->",
                "status": "draft",
                "categories": [cat_id],
            },
        ).json()
    report = sync(store)
    assert report.ok, report
    article, rp = _local_for(store, post["id"])
    assert article is not None, report
    assert article.headline == "Oil & gas prices"
    assert article.standfirst == "Prices rose."
    assert article.body == "Prices **rose** again.\n\n### Why\n\n- demand\n- supply"
    assert article.subsection == "Economy"
    assert article.status == "draft"
    assert rp.state == "synced"
    assert store.outbox.count_pending() == 0  # pulled, so nothing to send back


def test_pending_stories_reach_the_editor(store, wordpress):
    connect(store, wordpress, "editor")
    with wordpress.client("contributor") as reporter:
        post = reporter.post(
            "/wp/v2/posts", json={"title": "Submitted by a reporter", "status": "pending"}
        ).json()
    sync(store)
    article, _ = _local_for(store, post["id"])
    assert article is not None and article.status == "submitted"


def test_pull_is_incremental_and_overlaps_a_second_without_duplicates(store, wordpress):
    connect(store, wordpress, "editor")
    with wordpress.client("editor") as web:
        first = web.post("/wp/v2/posts", json={"title": "Inc one", "status": "draft"}).json()
        assert sync(store).ok
        # Same second as the pull's high-water mark: a strict `>` would miss it.
        second = web.post("/wp/v2/posts", json={"title": "Inc two", "status": "draft"}).json()
    report = sync(store)
    assert report.ok
    assert _local_for(store, second["id"])[0] is not None
    count = store.articles.count()
    assert [
        p["article_id"]
        for p in report.pulled
        if p["article_id"] == _local_for(store, first["id"])[0].id
    ] == []
    assert sync(store).pulled == [] and store.articles.count() == count
    site = store.sites.list()[0]
    assert since_param(site.pulled_until) < site.pulled_until[:19]


def test_a_sync_with_nothing_changed_is_one_cheap_request(store, wordpress):
    connect(store, wordpress, "editor")
    write(store, headline="Quiet")
    assert sync(store).ok
    time.sleep(1.1)  # past the one-second overlap
    engine = SyncEngine(store)
    started = time.perf_counter()
    report = engine.sync()
    elapsed = time.perf_counter() - started
    assert report.ok and report.requests == 1, report
    assert elapsed < 1.0


def test_web_edits_are_pulled_into_an_unchanged_local_article(store, wordpress):
    connect(store, wordpress, "editor")
    article = write(store, headline="Before web edit", body="Para one.\n\nPara two.", tags=["Iran"])
    assert sync(store).ok
    rp = store.sync.remote_post(article.id, store.sites.list()[0].id)
    with wordpress.client("administrator") as web:
        web.post(f"/wp/v2/posts/{rp.remote_id}", json={"title": "After web edit"})
    report = sync(store)
    assert [p["article_id"] for p in report.pulled] == [article.id]
    again = store.articles.get(article.id)
    assert again.headline == "After web edit"
    assert again.body == "Para one.\n\nPara two."  # untouched: no HTML round trip
    assert again.tags == ["Iran"]


def test_trashed_and_deleted_posts_are_marked_and_the_article_is_kept(store, wordpress):
    connect(store, wordpress, "editor")
    trashed = write(store, headline="To be trashed")
    deleted = write(store, headline="To be deleted")
    assert sync(store).ok
    site_id = store.sites.list()[0].id
    with wordpress.client("administrator") as web:
        web.delete(f"/wp/v2/posts/{store.sync.remote_post(trashed.id, site_id).remote_id}")
        web.delete(
            f"/wp/v2/posts/{store.sync.remote_post(deleted.id, site_id).remote_id}",
            params={"force": True},
        )
    report = SyncEngine(store).sync(check_deleted=True)
    assert store.sync.remote_post(trashed.id, site_id).state == "trashed"
    assert store.sync.remote_post(deleted.id, site_id).state == "deleted"
    assert store.articles.get(trashed.id).headline == "To be trashed"
    assert store.articles.get(deleted.id).headline == "To be deleted"
    assert len(report.warnings) >= 2
    # A local edit to a trashed post is kept and reported, not pushed into the trash.
    trashed.body = "Local work after the trash."
    store.articles.save(trashed)
    report = sync(store)
    assert not report.ok
    assert "trashed" in report.failed[0]["error"]
    assert store.articles.get(trashed.id).body == "Local work after the trash."
    assert store.sync.article_states()[trashed.id] == "trashed"


def test_a_reporter_pulls_only_the_posts_they_may_edit(store, wordpress):
    connect(store, wordpress, "author")
    with wordpress.client("author") as own, wordpress.client("editor") as other:
        mine = own.post("/wp/v2/posts", json={"title": "The author's own draft"}).json()
        theirs = other.post(
            "/wp/v2/posts", json={"title": "An editor's story", "status": "publish"}
        ).json()
    assert sync(store).ok
    assert _local_for(store, mine["id"])[0] is not None
    assert _local_for(store, theirs["id"])[0] is None
