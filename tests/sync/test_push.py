"""Push against the real WordPress: mapping, media once, batches, idempotency, refusals."""

from __future__ import annotations

import pytest

from newsdesk.ops.house import set_house_setting
from newsdesk.sync.engine import SyncEngine

from .helpers import add_photo, connect, new_store, sync, write

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


def _post(wp, remote_id, role="administrator"):
    with wp.client(role) as c:
        return c.get(f"/wp/v2/posts/{remote_id}", params={"context": "edit"}).json()


def _rp(store, article):
    return store.sync.remote_post(article.id, store.sites.list()[0].id)


def test_photos_are_uploaded_once_with_caption_credit_and_alt(store, wordpress, tmp_path):
    connect(store, wordpress, "author")
    lead = add_photo(store, tmp_path, caption="Delegates arrive in Doha", credit="AP",
                     alt="Men in suits at a door", seed=1)  # fmt: skip
    inline = add_photo(store, tmp_path, caption="The venue", credit="Social media",
                       alt="A hotel", seed=2)  # fmt: skip
    first = write(store, headline="With photos", lead_photo_id=lead.id,
                  body=f"Opening.\n\n![The hotel](photo:{inline.uuid})\n\nClosing.")  # fmt: skip
    second = write(store, headline="Same lead photo", lead_photo_id=lead.id)
    report = sync(store)
    assert report.ok, report
    site_id = store.sites.list()[0].id
    assert store.sync.count_media(site_id) == 2  # the shared lead went up once
    post = _post(wordpress, _rp(store, first).remote_id)
    assert (
        post["featured_media"] == _post(wordpress, _rp(store, second).remote_id)["featured_media"]
    )
    with wordpress.client("administrator") as c:
        media = c.get(f"/wp/v2/media/{post['featured_media']}", params={"context": "edit"}).json()
        slugs = [
            c.get(f"/wp/v2/media/{store.sync.media(store.sites.list()[0].id, p.sha256)[0]}").json()[
                "slug"
            ]
            for p in (lead, inline)
        ]
        copies = [
            [m["slug"] for m in c.get("/wp/v2/media", params={"per_page": 100}).json()].count(slug)
            for slug in slugs
        ]
    assert media["caption"]["raw"] == "Delegates arrive in Doha. (AP)"
    assert media["alt_text"] == "Men in suits at a door"
    assert copies == [1, 1]
    inline_id = store.sync.media(site_id, inline.sha256)[0]
    assert f'<!-- wp:image {{"id":{inline_id}' in post["content"]["raw"]
    assert f"wp-image-{inline_id}" in post["content"]["raw"]
    assert "The venue. (Social media)" in post["content"]["raw"]
    # A caption fix on the photo desk reaches the media item; the file is not sent again.
    store.photos.update(lead.id, caption="Delegates arrive in Doha on Monday")
    first.standfirst = "Now with a standfirst."
    store.articles.save(first)
    assert sync(store).ok
    with wordpress.client("administrator") as c:
        media = c.get(f"/wp/v2/media/{post['featured_media']}", params={"context": "edit"}).json()
    assert media["caption"]["raw"] == "Delegates arrive in Doha on Monday. (AP)"
    assert store.sync.count_media(site_id) == 2


def test_captions_go_out_in_the_house_style_the_store_holds(store, wordpress, tmp_path):
    connect(store, wordpress, "author")
    lead = add_photo(store, tmp_path, caption="Delegates arrive in Doha", credit="AP",
                     alt="Men in suits at a door", seed=41)  # fmt: skip
    inline = add_photo(store, tmp_path, caption="The venue. (Social media)",
                       credit="Social media", alt="A hotel", seed=42)  # fmt: skip
    article = write(store, headline="Slash house style", lead_photo_id=lead.id,
                    body=f"Opening.\n\n![The hotel](photo:{inline.uuid})\n\nClosing.")  # fmt: skip
    street = add_photo(store, tmp_path, caption="A quiet street", credit="Reuters",
                       alt="An empty street", seed=43)  # fmt: skip
    only_lead = write(store, headline="Only a lead photo", lead_photo_id=street.id)
    # Preferences chose the slash; the sync worker opens its own store on the folder.
    set_house_setting(store, "caption_style", "slash")
    worker = new_store(store.folder)
    try:
        assert sync(worker).ok
    finally:
        worker.close()
    site_id = store.sites.list()[0].id
    post = _post(wordpress, _rp(store, article).remote_id)
    inline_id = store.sync.media(site_id, inline.sha256)[0]

    street_id = store.sync.media(site_id, street.sha256)[0]

    def captions():
        with wordpress.client("administrator") as c:
            return [
                c.get(f"/wp/v2/media/{media_id}", params={"context": "edit"}).json()["caption"]
                for media_id in (post["featured_media"], inline_id, street_id)
            ]

    assert [c["raw"] for c in captions()] == [
        "Delegates arrive in Doha. / AP",
        "The venue. / Social media",  # written in parentheses, sent as the house writes it
        "A quiet street. / Reuters",
    ]
    assert "The venue. / Social media</figcaption>" in post["content"]["raw"]
    assert "(Social media)" not in post["content"]["raw"]

    # Back to parentheses (Preferences queues the articles showing photos): the next
    # sync brings the post and both media items in line, with no new revision.
    set_house_setting(store, "caption_style", "parentheses")
    revision = store.articles.get(article.id)
    with store.atomic():
        store.photos.uses.queue_articles_with_photos()
    # Both stories show a photo. (Only these two: the first pull may also have brought a
    # post another test left on the shared site, with its photo.)
    waiting = {entry.article_id for entry in store.outbox.pending()}
    assert {article.id, only_lead.id} <= waiting
    media_before = [store.sync.media(site_id, p.sha256)[0] for p in (lead, inline, street)]
    worker = new_store(store.folder)
    try:
        assert sync(worker).ok
    finally:
        worker.close()
    assert store.articles.get(article.id).updated_at == revision.updated_at
    assert [c["raw"] for c in captions()] == [
        "Delegates arrive in Doha. (AP)",
        "The venue. (Social media)",
        "A quiet street. (Reuters)",  # its post is unchanged; its media item follows
    ]
    assert (
        "The venue. (Social media)</figcaption>" in _post(wordpress, post["id"])["content"]["raw"]
    )
    # captions updated, files not sent again: the same media items
    assert [store.sync.media(site_id, p.sha256)[0] for p in (lead, inline, street)] == media_before


def test_contributors_are_told_in_words_that_they_cannot_publish(store, wordpress):
    connect(store, wordpress, "contributor")
    article = write(store, headline="Contributor tries to publish", status="published")
    report = sync(store, use_batch=False)
    assert not report.ok
    assert "contributors cannot publish" in report.failed[0]["error"]
    assert _rp(store, article).state == "error"
    # Submitting instead works: the failed entry does not block a later save.
    article.status = "submitted"
    store.articles.save(article)
    report = sync(store, use_batch=False)
    assert report.ok, report
    assert _post(wordpress, _rp(store, article).remote_id)["status"] == "pending"


def test_a_schedule_becomes_a_future_post(store, wordpress):
    connect(store, wordpress, "editor")
    article = write(store, headline="Scheduled story", status="scheduled",
                    scheduled_at="2031-05-04T09:30:00Z")  # fmt: skip
    assert sync(store).ok
    post = _post(wordpress, _rp(store, article).remote_id)
    assert post["status"] == "future"
    assert post["date_gmt"] == "2031-05-04T09:30:00"


def test_an_edit_is_pushed_as_an_update_not_a_new_post(store, wordpress):
    connect(store, wordpress, "editor")
    article = write(store, headline="First version")
    assert sync(store).ok
    remote_id = _rp(store, article).remote_id
    article.headline = "Second version"
    store.articles.save(article)
    report = sync(store)
    assert report.ok and report.pushed[0]["remote_id"] == remote_id
    assert _post(wordpress, remote_id)["title"]["raw"] == "Second version"
    assert sync(store).pushed == []  # nothing left to do


def test_creates_go_in_batches_of_25(store, wordpress):
    connect(store, wordpress, "editor")
    articles = [write(store, headline=f"Batch {i}") for i in range(30)]
    engine = SyncEngine(store)
    report = engine.sync()
    assert report.ok, report
    assert len(report.pushed) == 30
    assert len({_rp(store, a).remote_id for a in articles}) == 30
    # 2 batches + term look-ups + one pull page: far fewer than 30 creates.
    assert report.requests < 12, report.requests


def test_a_missing_category_an_author_may_not_create_is_logged_not_fatal(store, wordpress):
    connect(store, wordpress, "author")
    article = write(store, headline="Author and a new category", section="Infographs")
    report = sync(store)
    assert report.ok, report
    assert _rp(store, article).remote_id
    log = [e["message"] for e in store.sync.recent_log()]
    assert any(
        "'Infographs' is not on" in m and "authors cannot create categories" in m for m in log
    )
    assert any("'Infographs' is not on" in w for w in report.warnings)
