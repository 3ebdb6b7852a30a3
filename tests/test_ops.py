"""Each operation changes the store in one transaction and says what it changed."""

from __future__ import annotations

import pytest

from newsdesk.domain.article import Article
from newsdesk.domain.workflow import WorkflowError
from newsdesk.ops import Changes, create_article, restore_revision, ticker
from newsdesk.ops import taxonomy as tax
from newsdesk.ops.photos import set_use_caption, update_photo, update_photos
from newsdesk.ops.sites import edit_site, remove_site
from newsdesk.services.ticker import TickerRejected
from newsdesk.store import StoreError
from newsdesk.store.sites import Site


def test_create_and_restore_name_the_article(store):
    created = create_article(store, Article(headline="First"), author="amal")
    article_id = created.article.id
    assert created.changes == Changes(articles=frozenset({article_id}))
    article = store.articles.get(article_id)
    article.headline = "Second"
    store.articles.save(article)
    restored = restore_revision(store, article_id, 1, author="amal")
    assert restored.changes == Changes(articles=frozenset({article_id}))
    assert (restored.revision, restored.article.headline) == (3, "First")
    submitted = create_article(store, Article(headline="Filed", status="submitted"))
    assert submitted.changes.queue, "a story that enters the queue is the queue's news too"
    with pytest.raises(StoreError, match="has no revision 9"):
        restore_revision(store, article_id, 9)


def test_ticker_moves_name_the_item_and_the_ticker(store):
    published = ticker.publish(store, "Israeli media: Sirens in the north", actor="Sam")
    (item_id,) = published.articles
    item = Changes(articles=frozenset({item_id}), queue=True, ticker=True)
    assert published == item
    assert ticker.edit(store, item_id, "Israeli media: Sirens again", actor="Sam") == item
    assert ticker.remove(store, item_id, actor="Sam") == item
    assert store.articles.status_of(item_id) == "spiked"
    assert ticker.restore(store, item_id, actor="Sam") == item
    before = store.articles.count()
    with pytest.raises(TickerRejected):
        ticker.publish(store, "no attribution", actor="Sam")
    assert store.articles.count() == before
    story = store.articles.create(Article(headline="An ordinary story"))
    with pytest.raises(WorkflowError, match="not a breaking ticker item"):
        ticker.remove(store, story.id, actor="Sam")


def test_taxonomy_changes_name_the_articles_that_follow(store):
    taxonomy = Changes(taxonomy=True)
    assert tax.add_section(store, " Science ") == taxonomy
    assert "Science" in store.taxonomy.sections()
    assert tax.add_subsection(store, "Science", "Space") == taxonomy
    assert tax.add_region(store, "Oceania") == taxonomy
    assert tax.add_edition(store, "FR", "French") == taxonomy
    assert "fr" in store.taxonomy.edition_codes()
    story = store.articles.create(Article(headline="Comet", section="Science", tags=["Space"]))
    other = store.articles.create(Article(headline="Orbit", tags=["space race", "Moon"]))
    assert tax.rename_section(store, "Science", "Science & Tech") == Changes(
        articles=frozenset({story.id}), taxonomy=True
    )
    assert store.articles.get(story.id).section == "Science & Tech"
    assert tax.rename_tag(store, "Moon", "The Moon") == Changes(
        articles=frozenset({other.id}), taxonomy=True
    )
    assert tax.merge_tags(store, ["Space", "space race"], "Space") == Changes(
        articles=frozenset({story.id, other.id}), taxonomy=True
    )
    for refused, named in (
        (lambda: tax.add_section(store, "science & tech"), "already a section"),
        (lambda: tax.add_region(store, "  "), "A region needs a name."),
        (lambda: tax.add_edition(store, "de", "German", "up"), "ltr or rtl"),
        (lambda: tax.rename_section(store, "Nowhere", "Somewhere"), "No section named"),
    ):
        with pytest.raises(StoreError, match=named):
            refused()
    assert "Nowhere" not in store.taxonomy.sections()


def test_photo_changes_name_the_photo_and_the_articles_using_it(store, tmp_path):
    from PIL import Image

    from newsdesk.photos.importer import import_files

    path = tmp_path / "border.jpg"
    Image.new("RGB", (320, 200), (90, 120, 60)).save(path, "JPEG")
    [photo] = import_files(store, [path], workers=1).photos
    story = store.articles.create(Article(headline="Border", lead_photo_id=photo.id))
    photos = frozenset({photo.id})
    assert update_photo(store, photo.id, caption="The border. (AP)", credit="AP") == Changes(
        articles=frozenset({story.id}), photos=photos
    )
    assert store.photos.get(photo.id).caption == "The border. (AP)"
    assert update_photos(store, {photo.id: {"alt_text": "A fence"}}).photos == photos
    assert set_use_caption(
        store, story.id, photo.id, caption="Here, the fence.", alt_text=None, role="lead"
    ) == Changes(articles=frozenset({story.id}), photos=photos)
    with pytest.raises(StoreError, match="not a photo field"):
        update_photo(store, photo.id, sha256="x")


def test_site_edit_and_remove_say_sites_changed(store):
    from newsdesk.sync import credentials
    from newsdesk.sync.errors import MissingPasswordError

    site = store.sites.add(Site(name="english", url="https://example.test", username="ed"))
    credentials.save_password(site.url, "ed", "secret", session_only=True)
    assert edit_site(store, "english", editions=["en"]) == Changes(sites=True)
    assert edit_site(store, "english", editions=["en"]) == Changes(), "no change, no news"
    assert edit_site(store, "english", category_map={"News": "Noticias"}) == Changes(sites=True)
    assert store.sites.by_name("english").category_map == {"News": "Noticias"}
    with pytest.raises(StoreError, match="No edition xx"):
        edit_site(store, "english", editions=["xx"])
    assert remove_site(store, "english") == Changes(sites=True)
    assert store.sites.list() == []
    with pytest.raises(MissingPasswordError):
        credentials.get_password(site.url, "ed")


def test_the_house_settings_of_preferences_are_set_all_or_nothing(store):
    from newsdesk.ops.house import set_house

    with pytest.raises(ValueError, match="brackets"):
        set_house(store, {"words_per_minute": "114", "caption_style": "brackets"}, ["Dahiyeh"])
    store.house.forget()
    assert store.house.words_per_minute != 114 and store.house.words() == []
    changes = set_house(store, {"words_per_minute": "114", "caption_style": "slash"}, ["Dahiyeh"])
    assert changes == Changes(settings=True)
    store.house.forget()
    assert store.house.values() == {"caption_style": "slash", "words_per_minute": "114"}
    assert store.house.words() == ["Dahiyeh"]
    assert set_house(store, store.house.values(), ["Dahiyeh"]) == Changes()  # nothing new
