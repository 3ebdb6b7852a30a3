"""A caption change the site shows queues the posts showing it (same transaction as the write)."""

from __future__ import annotations

import pytest
from PIL import Image

from newsdesk.domain.article import Article
from newsdesk.photos.importer import import_files
from newsdesk.store.errors import StoreError


def _photo(store, folder, seed, caption="The venue"):
    path = folder / f"queue-{seed}.jpg"
    Image.new("RGB", (64, 48), (seed * 40 % 256, 90, 120)).save(path, "JPEG")
    report = import_files(store, [path], workers=1)
    assert report.photos, report.problems
    return store.photos.update(
        report.photos[0].id, caption=caption, credit="AP", alt_text="A hotel"
    )


def _article(store, *, queue=True, **fields):
    article = Article(**{"headline": "A story", "body": "Text.", **fields})
    store.articles.create(article, author="test", queue=queue)
    return article


def _revision(store, article_id):
    return store.conn.execute(
        "SELECT revision FROM articles WHERE id = ?", (article_id,)
    ).fetchone()[0]


def _drain(store):
    """As if a sync had pushed everything that waited."""
    with store.atomic():
        for entry in store.outbox.pending():
            store.sync.finish_entry(entry.id)


def _queued(store):
    return {(e.article_id, e.revision) for e in store.outbox.pending()}


def test_a_per_article_caption_queues_the_article_at_its_current_revision(store, tmp_path):
    photo = _photo(store, tmp_path, 1)
    article = _article(store, body=f"Text.\n\n![](photo:{photo.uuid})")
    _drain(store)
    store.photos.uses.set_caption(article.id, photo.id, caption="Our venue", alt_text=None)
    assert _queued(store) == {(article.id, _revision(store, article.id))}

    _drain(store)
    store.photos.uses.set_caption(article.id, photo.id, caption="Our venue", alt_text=None)
    assert _queued(store) == set(), "the same caption again changes nothing the site shows"
    store.photos.uses.set_caption(article.id, photo.id, caption=None, alt_text=None)
    assert _queued(store) == {(article.id, _revision(store, article.id))}, "back to the library's"


def test_a_sample_article_never_reaches_the_outbox(store, tmp_path):
    photo = _photo(store, tmp_path, 2)
    sample = _article(store, queue=False, lead_photo_id=photo.id)
    store.photos.uses.set_caption(sample.id, photo.id, caption="Ours", alt_text=None, role="lead")
    store.photos.update(photo.id, caption="A new library caption")
    assert _queued(store) == set()


def test_a_library_caption_change_queues_the_open_articles_showing_the_photo(store, tmp_path):
    photo = _photo(store, tmp_path, 3)
    other = _photo(store, tmp_path, 4)
    lead = _article(store, lead_photo_id=photo.id)
    inline = _article(store, body=f"Text.\n\n![](photo:{photo.uuid})")
    own = _article(store, body="Text.")
    store.photos.uses.set_caption(own.id, photo.id, caption="Ours", alt_text=None)
    spiked = _article(store, lead_photo_id=photo.id, status="spiked")
    killed = _article(store, body=f"![](photo:{photo.uuid})", status="killed")
    unrelated = _article(store, lead_photo_id=other.id)
    _drain(store)

    store.photos.update(photo.id, city="Doha")
    assert _queued(store) == set(), "the city is not printed on the site"
    store.photos.update(photo.id, caption="The venue")
    assert _queued(store) == set(), "the same caption: nothing to send"

    store.photos.update(photo.id, credit="Reuters")
    assert _queued(store) == {(a.id, _revision(store, a.id)) for a in (lead, inline, own)}
    ids = {article_id for article_id, _ in _queued(store)}
    assert not ids & {spiked.id, killed.id, unrelated.id}

    _drain(store)
    store.photos.update(photo.id, alt_text="A hotel tower")
    assert {a for a, _ in _queued(store)} == {lead.id, inline.id, own.id}


def test_a_failed_batch_edit_queues_nothing(store, tmp_path):
    photo = _photo(store, tmp_path, 5)
    other = _photo(store, tmp_path, 6)
    _article(store, lead_photo_id=photo.id)
    _drain(store)
    with pytest.raises(StoreError, match="nonsense"):
        store.photos.update_many({photo.id: {"caption": "Changed"}, other.id: {"nonsense": "x"}})
    assert _queued(store) == set()
    assert store.photos.get(photo.id).caption == "The venue"


def test_a_batch_caption_queues_the_articles_showing_any_of_its_photos(store, tmp_path):
    first, second, third = (_photo(store, tmp_path, seed) for seed in (7, 8, 9))
    a = _article(store, body=f"Text.\n\n![](photo:{first.uuid})")
    b = _article(store, body=f"![Alt](photo:{second.uuid})\n\nText.")
    c = _article(store, body=f"Text.\n\n![](photo:{third.uuid})")
    spiked = _article(store, body=f"![](photo:{first.uuid})", status="spiked")
    _drain(store)
    store.photos.update_many({p.id: {"caption": "Batch caption"} for p in (first, second)})
    assert {article_id for article_id, _ in _queued(store)} == {a.id, b.id}
    assert not {c.id, spiked.id} & {article_id for article_id, _ in _queued(store)}
