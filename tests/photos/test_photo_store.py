"""The library in the store: schema 2 migration, edits and checks, search, filters, uses, queue."""

from __future__ import annotations

from datetime import date

import pytest

from conftest import make_image
from newsdesk.domain.article import Article
from newsdesk.domain.photo import photo_markdown
from newsdesk.ops.house import add_house_word
from newsdesk.photos.importer import import_files
from newsdesk.store import NotFoundError, StoreError, migrations, open_store
from newsdesk.store.photos import PhotoFilter


def test_migration_2_upgrades_schema_1_with_data_in_it(tmp_path):
    s = open_store(tmp_path / "store", migrate=False)
    assert migrations.upgrade(s, target=1) == [1]
    # raw SQL: the Articles repository follows the latest schema, not schema 1
    s.conn.execute(
        "INSERT INTO articles (uuid, edition, headline, body, created_at, updated_at) "
        "VALUES ('u-1', 'en', 'Before photos', 'Text', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')"
    )
    assert migrations.upgrade(s, target=2) == [2]
    assert s.schema_version == 2
    assert s.conn.execute("SELECT headline FROM articles").fetchall()[0][0] == "Before photos"
    tables = {r[0] for r in s.conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"photos", "article_photos", "photos_fts"} <= tables
    s.close()
    s = open_store(tmp_path / "store")  # and on to the latest
    assert s.schema_version == migrations.LATEST
    s.close()


@pytest.fixture
def photos(store, tmp_path):
    paths = [make_image(tmp_path / f"p{i}.jpg", color=(10 * i, 50, 90)) for i in range(4)]
    return import_files(store, paths, workers=1).added


def test_edits_recompute_checks_and_search_finds_captions(store, photos):
    p = store.photos.update(
        photos[0].id,
        caption="Fishermen mend nets in the port of Sidon on Friday. (Reuters)",
        credit="Reuters",
        alt_text="Two men sit among green nets on a quay.",
    )
    assert p.check_codes == [] and p.caption_state == "captioned"
    arabic = store.photos.update(
        photos[1].id, caption="صيادون في ميناء صيدا. (رويترز)", credit="رويترز"
    )
    assert arabic.check_codes == ["missing_alt"]

    def ids(**kw):
        return [row[0] for row in store.photos.grid_rows(PhotoFilter(**kw))]

    assert ids(text="fisherm") == [p.id]
    assert ids(text="sidon nets") == [p.id]
    assert ids(text="صيدا") == [arabic.id]
    assert ids(text='AND OR "') == []  # user text is never FTS syntax
    assert set(ids(state="failing")) == {photos[1].id, photos[2].id, photos[3].id}
    assert ids(state="passing") == [p.id]
    assert ids(credit="reut") == [p.id]
    assert set(ids(check="missing_alt")) == {photos[1].id, photos[2].id, photos[3].id}
    with pytest.raises(StoreError, match="sha256 is not a photo field"):
        store.photos.update(p.id, sha256="x")


# Whatever lands in a search box: FTS5 syntax, a NUL (SQLite ends strings there),
# a lone surrogate (not encodable), unbalanced quotes and parentheses.
HOSTILE_SEARCHES = [
    '"', '""', '" "', 'Sidon"', '"Sidon', "\x00", "Sidon\x00", "a\x00b", '"\x00"', "*", "-",
    "-Sidon", "Sidon*", "^Sidon", "NEAR", "NEAR(Sidon nets)", "AND", "OR", "NOT", "Sidon AND",
    "(", ")", "(Sidon", "caption:Sidon", "{caption}:x", "+", "\\", "'", "\ud800", "\x01\x1f",
    "x" * 20_000,
]  # fmt: skip


@pytest.mark.parametrize("text", HOSTILE_SEARCHES, ids=repr)
def test_any_search_text_is_a_valid_query(store, photos, text):
    """Photo desk and article search alike: an answer, never "fts5: syntax error"."""
    store.photos.update(photos[0].id, caption="Fishermen mend nets in Sidon. (Reuters)")
    store.articles.create(Article(headline="Fishermen of Sidon", body="Nets."))
    rows = store.photos.grid_rows(PhotoFilter(text=text))
    articles = store.search.query(text, snippets=True)
    assert isinstance(rows, list) and isinstance(articles, list)
    if text in ('Sidon"', '"Sidon', "Sidon\x00", "Sidon*", "(Sidon", "-Sidon"):
        assert [r[0] for r in rows] == [photos[0].id], text
        assert [a["headline"] for a in articles] == ["Fishermen of Sidon"], text


def test_a_search_with_no_words_left_is_no_text_filter(store, photos):
    everything = store.photos.grid_rows(PhotoFilter())
    assert len(everything) == len(photos)
    for text in ('"', "\x00", '" "'):
        assert store.photos.grid_rows(PhotoFilter(text=text)) == everything


def test_rights_expiry_is_judged_on_the_day_of_reading(store, photos):
    store.photos.update(
        photos[0].id, caption="Text. (AP)", credit="AP", alt_text="Alt", rights_expiry="2026-12-01"
    )
    rows = store.photos.grid_rows(PhotoFilter(state="failing"), today=date(2026, 12, 2))
    assert [r[0] for r in rows if "rights_expired" in r[7]] == [photos[0].id]
    assert (
        store.photos.grid_rows(PhotoFilter(check="rights_expired"), today=date(2026, 11, 1)) == []
    )


def test_date_filter_uses_date_created(store, photos):
    store.photos.update(photos[0].id, date_created="2026-11-01")
    store.photos.update(photos[1].id, date_created="2026-11-20")
    rows = store.photos.grid_rows(PhotoFilter(date_from="2026-10-01", date_to="2026-11-10"))
    assert [r[0] for r in rows] == [photos[0].id]


def test_batch_update_is_all_or_nothing(store, photos):
    with pytest.raises(StoreError):
        store.photos.update_many(
            {photos[0].id: {"caption": "Changed."}, photos[1].id: {"caption_state": "bogus"}}
        )
    assert store.photos.get(photos[0].id).caption == ""


def test_per_use_captions_fall_back_to_the_library(store, photos):
    lib = store.photos.update(
        photos[0].id, caption="Library caption. (AP)", credit="AP", alt_text="Lib alt"
    )
    other = photos[1]
    article = store.articles.create(
        Article(
            headline="Port reopens",
            body=f"Intro.\n\n{photo_markdown(other.uuid, 'Body alt')}\n\nMore.",
        )
    )
    store.photos.uses.set_lead(article.id, lib.id)
    assert store.articles.get(article.id).lead_photo_id == lib.id

    lead = store.photos.uses.article_caption(article.id, lib.id)
    assert (lead.text, lead.credit, lead.alt_text) == ("Library caption. (AP)", "AP", "Lib alt")
    store.photos.uses.set_caption(
        article.id, lib.id, caption="Per-article caption. (AP)", alt_text=None, role="lead"
    )
    lead = store.photos.uses.article_caption(article.id, lib.id)
    assert (lead.text, lead.alt_text) == ("Per-article caption. (AP)", "Lib alt")
    assert store.photos.get(lib.id).caption == "Library caption. (AP)"  # library untouched

    used = store.photos.uses.for_article(article.id)
    assert [(u.photo.id, u.use.role) for u in used] == [(lib.id, "lead"), (other.id, "inline")]
    assert used[1].caption.alt_text == "Body alt"
    assert store.photos.uses.photo_ids_for_article(article.id) == [lib.id, other.id]
    rows = store.photos.grid_rows(PhotoFilter(article_id=article.id))
    assert {r[0] for r in rows} == {lib.id, other.id}
    with pytest.raises(NotFoundError):
        store.photos.uses.set_lead(article.id, 9999)


def test_gallery_articles_and_the_photo_desk_queue(store, photos):
    good = store.photos.update(photos[0].id, caption="Good. (AP)", credit="AP", alt_text="Alt")
    bad = store.photos.update(
        photos[1].id, caption="Smoke rises (Lebanonese Army)", credit="Lebanonese Army"
    )
    gallery = store.articles.create(
        Article(
            headline="Week in pictures",
            section="In Pictures",
            body=photo_markdown(good.uuid, "") + "\n" + photo_markdown(bad.uuid, ""),
        )
    )
    fine = store.articles.create(Article(headline="All good", lead_photo_id=good.id))
    spiked = store.articles.create(
        Article(headline="Spiked", lead_photo_id=bad.id, status="spiked")
    )
    assert [u.use.role for u in store.photos.uses.for_article(gallery.id)] == ["gallery", "gallery"]

    queue = store.photos.uses.queue()
    assert [e.article_id for e in queue] == [gallery.id]
    [entry] = queue
    assert [u.photo.id for u in entry.failing] == [bad.id]
    assert {p.code for p in entry.failing[0].problems} == {
        "missing_alt",
        "no_full_stop",
        "misspelling",
    }
    assert fine.id not in [e.article_id for e in queue] and spiked.id not in [
        e.article_id for e in queue
    ]

    # a per-use fix in that article clears it from the queue; the library keeps its caption
    store.photos.uses.set_caption(
        gallery.id,
        bad.id,
        caption="Smoke rises. (Lebanese Army)",
        alt_text="Grey smoke",
        role="gallery",
    )
    store.photos.update(bad.id, credit="Lebanese Army")
    assert store.photos.uses.queue() == []


def test_house_words_teach_the_spelling_check(store, photos):
    p = store.photos.update(
        photos[0].id, caption="Crowds in Dahiyeh on Friday. (AP)", credit="AP", alt_text="Crowds"
    )
    assert p.check_codes == ["misspelling"]
    add_house_word(store, "Dahiyeh")
    assert store.photos.recheck_all() == 1
    assert store.photos.get(p.id).check_codes == []
    assert store.house.words() == ["Dahiyeh"]  # the newsroom's list, in the store


def test_migration_8_adds_keep_location_off_for_existing_photos(tmp_path):
    s = open_store(tmp_path / "store", migrate=False)
    migrations.upgrade(s, target=7)
    s.conn.execute(
        "INSERT INTO photos (uuid, sha256, file_path, caption, imported_at, updated_at) "
        "VALUES ('p-1', 'abc', 'originals/ab/abc.jpg', 'Kept across the upgrade', 'now', 'now')"
    )
    assert 8 in migrations.upgrade(s)
    photo = s.photos.get_by_uuid("p-1")
    assert photo.caption == "Kept across the upgrade" and photo.keep_location is False
    assert s.photos.update(photo.id, keep_location=True).keep_location is True
    assert s.photos.get(photo.id).keep_location is True
    with pytest.raises(StoreError, match="keep_location"):
        s.photos.update(photo.id, keep_location="maybe")
    s.close()
