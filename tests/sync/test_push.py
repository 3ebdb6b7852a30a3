"""Push against the real WordPress: mapping, media once, batches, idempotency, refusals."""

from __future__ import annotations

import pytest

from .helpers import connect, sync, write

pytestmark = pytest.mark.wordpress


def test_a_new_article_becomes_a_post_with_its_fields(store, wordpress):
    connect(store, wordpress, "editor")
    article = write(
        store,
        headline="Talks resume in Doha",
        standfirst="Negotiators meet again after a week.",
        body="The talks resumed on *Monday*.\n\n## What is at stake\n\n- a truce\n- prisoners",
        section="News",
        subsection="Politics",
        regions=["MENA"],
        tags=["Qatar", "Diplomacy"],
        status="submitted",
    )
    report = sync(store)
    assert report.ok, report
    assert [p["article_id"] for p in report.pushed] == [article.id]
    rp = store.sync.remote_post(article.id, store.sites.by_name("english-site").id)
    with wordpress.client("editor") as c:
        post = c.get(f"/wp/v2/posts/{rp.remote_id}", params={"context": "edit"}).json()
        cats = {
            t["name"]
            for t in c.get(
                "/wp/v2/categories", params={"include": ",".join(map(str, post["categories"]))}
            ).json()
        }
        tags = {
            t["name"]
            for t in c.get(
                "/wp/v2/tags", params={"include": ",".join(map(str, post["tags"]))}
            ).json()
        }
    assert post["title"]["raw"] == "Talks resume in Doha"
    assert post["excerpt"]["raw"] == "Negotiators meet again after a week."
    assert post["status"] == "pending"
    assert "<!-- wp:paragraph -->" in post["content"]["raw"]
    assert "<!-- wp:heading -->\n<h2>What is at stake</h2>" in post["content"]["raw"]
    assert "<!-- wp:list -->" in post["content"]["raw"]
    assert cats == {"News", "Politics", "MENA"}
    assert tags == {"Qatar", "Diplomacy"}
    assert store.outbox.count_pending() == 0
    assert rp.state == "synced"
