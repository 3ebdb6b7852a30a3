"""The photo desk's per-article captions on the real WordPress: figures show what the article
shows, caption changes go out without the story being saved, idle syncs write nothing."""

from __future__ import annotations

import re

import pytest

from newsdesk.sync.engine import SyncEngine
from newsdesk.sync.reconcile import article_revision

from .helpers import add_photo, connect, ensure_category, sync, write
from .proxy import FaultProxy

pytestmark = pytest.mark.wordpress


@pytest.fixture
def proxy(wordpress):
    with FaultProxy(wordpress.url) as p:
        yield p


def _post(wp, remote_id):
    with wp.client("administrator") as c:
        return c.get(f"/wp/v2/posts/{remote_id}", params={"context": "edit"}).json()


def _media_caption(wp, media_id):
    with wp.client("administrator") as c:
        media = c.get(f"/wp/v2/media/{media_id}", params={"context": "edit"}).json()
    return media["caption"]["raw"]


def _remote_id(store, article):
    return store.sync.remote_post(article.id, store.sites.list()[0].id).remote_id


def _figures(content: str) -> list[tuple[str, str]]:
    """(alt text, figcaption) of each image block in a post's raw content."""
    return re.findall(
        r'<img [^>]*alt="([^"]*)"[^>]*/>(?:<figcaption[^>]*>(.*?)</figcaption>)?', content
    )


def _writes(proxy):
    """Writes to posts and media (an author's refused category create is not one)."""
    return [
        s
        for s in proxy.seen()
        if s.method in ("POST", "PUT", "PATCH", "DELETE") and "/categories" not in s.target
    ]


def test_a_per_article_caption_reaches_the_post_without_saving_the_story(
    store, wordpress, proxy, tmp_path
):
    ensure_category(wordpress, "News")  # an author cannot make it; a missing one costs a look
    connect(store, wordpress, "author", url_override=proxy.url)
    lead = add_photo(store, tmp_path, caption="Delegates arrive in Doha", credit="AP",
                     alt="Men in suits at a door", seed=61)  # fmt: skip
    venue = add_photo(store, tmp_path, caption="The venue", credit="Social media",
                      alt="A hotel", seed=62)  # fmt: skip
    body = f"Opening.\n\n![](photo:{venue.uuid})\n\nClosing."
    story = write(store, headline="Own caption", lead_photo_id=lead.id, body=body)
    other = write(store, headline="Library caption", body=body)
    assert sync(store).ok
    assert _figures(_post(wordpress, _remote_id(store, story))["content"]["raw"]) == [
        ("A hotel", "The venue. (Social media)")
    ]
    revision = article_revision(store, story.id)

    store.photos.uses.set_caption(
        story.id, venue.id, caption="The venue on the eve of the talks", alt_text="A hotel lobby"
    )
    assert [(e.article_id, e.revision) for e in store.outbox.pending()] == [(story.id, revision)]
    report = sync(store)
    assert report.ok, report
    assert [p["article_id"] for p in report.pushed] == [story.id]
    post = _post(wordpress, _remote_id(store, story))
    # The house style closes the article's own caption with the library's credit.
    assert _figures(post["content"]["raw"]) == [
        ("A hotel lobby", "The venue on the eve of the talks. (Social media)")
    ]
    # The media item is shared by posts: it keeps the library caption, as the other post does.
    venue_media = store.sync.media(store.sites.list()[0].id, venue.sha256)[0]
    assert _media_caption(wordpress, venue_media) == "The venue. (Social media)"
    assert _figures(_post(wordpress, _remote_id(store, other))["content"]["raw"]) == [
        ("A hotel", "The venue. (Social media)")
    ]
    assert article_revision(store, story.id) == revision  # no new revision was needed

    # Nothing changed since: the next sync asks once and writes nothing.
    writes = len(_writes(proxy))
    idle = sync(store)
    assert idle.ok and idle.requests == 1 and not idle.pushed, idle
    assert len(_writes(proxy)) == writes

    # A lead caption of the article's own is not shown by stock WordPress (README): the
    # push it queues finds nothing to write.
    store.photos.uses.set_caption(
        story.id, lead.id, caption="Delegates on the first day", alt_text=None, role="lead"
    )
    writes = len(_writes(proxy))
    again = sync(store)
    assert again.ok and not again.pushed, again
    assert len(_writes(proxy)) == writes
    assert store.outbox.count_pending() == 0


def test_a_library_caption_change_reaches_every_post_showing_it(store, wordpress, proxy, tmp_path):
    ensure_category(wordpress, "News")  # an author cannot make it; a missing one costs a look
    connect(store, wordpress, "author", url_override=proxy.url)
    venue = add_photo(store, tmp_path, caption="The venue", credit="Social media",
                      alt="A hotel", seed=63)  # fmt: skip
    lead = add_photo(store, tmp_path, caption="Delegates arrive", credit="AP",
                     alt="Men in suits", seed=64)  # fmt: skip
    body = f"Opening.\n\n![](photo:{venue.uuid})\n\nClosing."
    first = write(store, headline="First user", body=body)
    second = write(store, headline="Second user", body=body, lead_photo_id=lead.id)
    own = write(store, headline="Own caption", body=body)
    spiked = write(store, headline="Spiked user", body=body, status="spiked")
    unrelated = write(store, headline="No photo")
    store.photos.uses.set_caption(own.id, venue.id, caption="Our own words", alt_text=None)
    assert sync(store).ok
    site_id = store.sites.list()[0].id

    store.photos.update(venue.id, caption="The venue, a Doha hotel", alt_text="A hotel tower")
    queued = {e.article_id for e in store.outbox.pending()}
    assert queued == {first.id, second.id, own.id}, "open articles using it; not spiked, unrelated"
    writes = len(_writes(proxy))
    report = sync(store)
    assert report.ok, report
    assert sorted(p["article_id"] for p in report.pushed) == sorted([first.id, second.id, own.id])
    for article in (first, second):
        assert _figures(_post(wordpress, _remote_id(store, article))["content"]["raw"]) == [
            ("A hotel tower", "The venue, a Doha hotel. (Social media)")
        ]
    # The article's own caption stays; the library alt text it did not override follows.
    assert _figures(_post(wordpress, _remote_id(store, own))["content"]["raw"]) == [
        ("A hotel tower", "Our own words. (Social media)")
    ]
    assert _figures(_post(wordpress, _remote_id(store, spiked))["content"]["raw"]) == [
        ("A hotel", "The venue. (Social media)")
    ]
    assert _media_caption(wordpress, store.sync.media(site_id, venue.sha256)[0]) == (
        "The venue, a Doha hotel. (Social media)"
    )
    # One media update and three post updates; the unrelated post is not touched.
    sent = [(s.method, s.target.split("?")[0]) for s in _writes(proxy)[writes:]]
    assert len(sent) == 4, sent
    assert unrelated.id not in queued

    # A lead photo's library caption: its media item (the featured image's caption)
    # is updated; the post's content is the same, so it is not written.
    store.photos.update(lead.id, caption="Delegates arrive on Monday")
    writes = len(_writes(proxy))
    report = sync(store)
    assert report.ok and not report.pushed, report
    sent = _writes(proxy)[writes:]
    assert len(sent) == 1 and "/wp/v2/media/" in sent[0].target, sent
    assert _media_caption(wordpress, store.sync.media(site_id, lead.sha256)[0]) == (
        "Delegates arrive on Monday. (AP)"
    )
    idle = sync(store)
    assert idle.ok and idle.requests == 1 and not idle.pushed, idle


@pytest.mark.parametrize("role", ["editor", "author"])
def test_a_lost_answer_with_per_article_captions_is_recognised_not_merged(
    store, wordpress, proxy, tmp_path, role
):
    """The server holds our own write (its answer lost): the article's body renders to
    exactly that content with its own captions, so its Markdown is kept, not converted.
    (An author's content is stored through kses, which respells `<img …/>`.)"""
    connect(store, wordpress, role, url_override=proxy.url)
    venue = add_photo(store, tmp_path, caption="The venue", credit="Social media",
                      alt="A hotel", seed=65)  # fmt: skip
    article = write(store, headline="Lost with captions",
                    body=f"One.\n\n![](photo:{venue.uuid})\n\nTwo *emphasis* here.")  # fmt: skip
    store.photos.uses.set_caption(
        article.id, venue.id, caption="Our venue", alt_text="The lobby of the hotel"
    )
    assert SyncEngine(store).sync().ok
    remote_id = _remote_id(store, article)
    article.body = article.body.replace("here.", "here, changed.") + "\n\nThree."
    store.articles.save(article)
    proxy.inject("drop_response", method="POST", path=f"/wp/v2/posts/{remote_id}")
    assert SyncEngine(store).sync().offline
    again = SyncEngine(store).sync()
    assert again.ok, again
    assert not store.sync.open_conflicts()
    assert store.articles.get(article.id).body == article.body
    content = _post(wordpress, remote_id)["content"]["raw"]
    assert "Three." in content
    assert _figures(content) == [("The lobby of the hotel", "Our venue. (Social media)")]
