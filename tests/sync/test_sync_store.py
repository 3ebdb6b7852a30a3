"""Schema 3 (sync): upgrading a store with data in it, and what the sync state keeps."""

from __future__ import annotations

from newsdesk.domain.article import Article
from newsdesk.store import migrations, open_store
from newsdesk.store.sites import Site
from newsdesk.store.sync_state import RemotePost


def test_upgrade_from_schema_2_keeps_articles_and_the_outbox(tmp_path):
    store = open_store(tmp_path / "s", migrate=False)
    migrations.upgrade(store, target=2)
    assert store.schema_version == 2
    # Raw SQL: today's repositories expect columns later schemas add.
    store.conn.execute(
        "INSERT INTO articles (id, uuid, edition, headline, body, created_at, updated_at) "
        "VALUES (1, 'u-1', 'en', 'Written before sync existed', 'Body.', 'x', 'x')"
    )
    store.conn.execute(
        "INSERT INTO outbox (article_id, kind, revision, created_at) VALUES (1, 'article.push', 1, 'x')"
    )
    assert migrations.upgrade(store, target=3) == [3]
    assert store.schema_version == 3
    row = store.conn.execute("SELECT headline FROM articles WHERE id = 1").fetchone()
    assert row[0] == "Written before sync existed"
    assert store.outbox.count_pending() == 1
    columns = {r[1] for r in store.conn.execute("PRAGMA table_info(outbox)")}
    assert "site_id" in columns
    for table in (
        "sites",
        "remote_posts",
        "sync_conflicts",
        "remote_media",
        "remote_terms",
        "sync_log",
    ):
        assert store.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0
    store.close()


def test_sites_mappings_and_conflicts_round_trip(store):
    site = store.sites.add(Site(name="english-site", url="https://example.org", username="rep"))
    article = store.articles.create(Article(headline="H"))
    rp = store.sync.save_remote_post(
        RemotePost(
            article.id, site.id, "h-nd123", remote_id=7, base_revision=1, base_remote={"title": "H"}
        )
    )
    assert store.sync.remote_post_by_remote_id(site.id, 7).base_remote == {"title": "H"}
    rp.state = "conflict"
    store.sync.save_remote_post(rp)
    cid = store.sync.add_conflict(
        article.id, site.id, fields=["headline"], mine={"headline": "M"}, theirs={"headline": "T"},
        base={"headline": "H"}, merged={"headline": "M"}, theirs_modified_gmt="2026-01-01T00:00:00",
        theirs_remote={},
    )  # fmt: skip
    assert store.sync.open_conflicts(article.id)[0].id == cid
    assert store.sync.article_states()[article.id] == "conflict"
    store.sync.mark_resolved(cid, "mine")
    assert store.sync.open_conflicts() == []


def test_a_duplicate_site_name_is_a_clear_error(store):
    import pytest

    from newsdesk.store import StoreError

    store.sites.add(Site(name="en", url="https://a.example", username="u"))
    with pytest.raises(StoreError, match="already exists"):
        store.sites.add(Site(name="EN", url="https://b.example", username="u"))


def test_backoff_grows_exponentially_with_jitter_and_is_capped():
    from newsdesk.sync.engine import BACKOFF_CAP_SECONDS, backoff_delay

    assert backoff_delay(0, lambda: 0.5) == 2.0
    assert backoff_delay(3, lambda: 0.5) == 16.0
    assert backoff_delay(3, lambda: 0.0) == 8.0 and backoff_delay(3, lambda: 1.0) == 24.0
    assert backoff_delay(40, lambda: 0.5) == BACKOFF_CAP_SECONDS


def test_the_missing_categories_migration_keeps_posts_and_finds_them_by_index(tmp_path):
    # Found by name, not number: the step may be renumbered when branches meet.
    number = next(n for n, name in migrations.NUMBERED if name.endswith("_missing_categories"))
    store = open_store(tmp_path / "s", migrate=False)
    migrations.upgrade(store, target=number - 1)
    store.conn.execute(
        "INSERT INTO articles (id, uuid, edition, headline, body, created_at, updated_at) "
        "VALUES (1, 'u-1', 'en', 'Sent before', 'Body.', 'x', 'x')"
    )
    store.conn.execute(
        "INSERT INTO sites (id, name, url, username, created_at) "
        "VALUES (1, 'english-site', 'https://example.org', 'rep', 'x')"
    )
    store.conn.execute(
        "INSERT INTO remote_posts (article_id, site_id, remote_id, marker, state) "
        "VALUES (1, 1, 41, 'sent-before-nd1', 'synced')"
    )
    assert number in migrations.upgrade(store)
    rp = store.sync.remote_post(1, 1)
    assert (rp.remote_id, rp.state, rp.missing_categories) == (41, "synced", {})
    assert store.sync.posts_missing_categories(1) == []
    rp.missing_categories = {"Ports": "'Ports' is not on english-site and …"}
    store.sync.save_remote_post(rp)
    assert store.sync.article_states() == {1: "warning"}
    assert store.sync.article_warnings([1]) == {1: ["'Ports' is not on english-site and …"]}
    plan = " ".join(
        str(row[-1])
        for row in store.conn.execute(
            "EXPLAIN QUERY PLAN SELECT * FROM remote_posts "
            "WHERE missing_categories != '{}' AND site_id = 1"
        )
    )
    assert "remote_posts_missing_categories" in plan, plan
    store.close()
