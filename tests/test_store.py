"""The store: revisions, tags, search, autosave journal, outbox, file safety."""

from __future__ import annotations

import base64
import json
import sqlite3

import pytest

from newsdesk.domain.article import Article, Source
from newsdesk.store import CorruptStoreError, NewerStoreError, migrations, open_store


def test_new_store_is_wal_with_foreign_keys_and_latest_schema(store):
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert store.schema_version == migrations.LATEST
    versions = [r[0] for r in store.conn.execute("SELECT version FROM migrations ORDER BY version")]
    assert versions == list(range(1, migrations.LATEST + 1))


def test_taxonomy_is_seeded_from_the_site_model(store):
    assert store.taxonomy.edition_codes() == ["en", "ar", "es"]
    assert [e.direction for e in store.taxonomy.editions()] == ["ltr", "rtl", "ltr"]
    assert "In Pictures" in store.taxonomy.sections()
    assert store.taxonomy.subsections("Articles") == ["Opinion", "Analysis", "Blog", "Features"]
    assert "US & Canada" in store.taxonomy.regions()
    store.taxonomy.add_region("Oceania")
    store.taxonomy.add_subsection("News", "Science")
    assert store.taxonomy.region_of("oceania") == "Oceania"
    assert store.taxonomy.subsection_of("News", "science") == "Science"


def test_every_save_is_a_revision_and_restore_is_a_new_one(store):
    a = store.articles.create(Article(headline="One", body="first text"), author="amal")
    a.body = "second text"
    assert store.articles.save(a, author="amal") == 2
    assert store.articles.save(a) == 2, "an unchanged save writes no revision"
    assert store.revisions.restore(a.id, 1, author="amal") == 3
    assert store.articles.get(a.id).body == "first text"
    history = store.revisions.list(a.id)
    assert [(r.number, r.reason) for r in history] == [
        (3, "restore of 1"),
        (2, "save"),
        (1, "create"),
    ]
    assert history[1].content["body"] == "second text"
    assert history[0].author == "amal"


def test_article_round_trips_every_field(store):
    original = Article(
        headline="مفاوضات جديدة",
        standfirst="ملخص",
        body="نص، مع علامات؛ وسؤال؟",
        edition="ar",
        section="News",
        subsection="Politics",
        regions=["MENA", "Africa"],
        coverage="Water talks",
        tags=["Nile", "المياه"],
        sources=[Source("Agency", "https://example.org/a", "news agency", "call back", True)],
        priority=1,
        embargo_at="2026-12-01T08:00:00Z",
        byline="Desk",
        dateline="CAIRO",
    )
    saved = store.articles.create(original)
    loaded = store.articles.get_by_uuid(saved.uuid)
    assert loaded.content() == original.content()
    assert loaded.direction == "rtl"
    assert store.articles.summaries()[0]["word_count"] == 4  # Arabic commas split words


def test_tags_are_unique_regardless_of_case_counted_renamed_merged(store):
    store.articles.create(Article(headline="a", tags=["Iran", "iran", " IRAN "]))
    store.articles.create(Article(headline="b", tags=["Israel", "Iran"]))
    store.articles.create(Article(headline="c", tags=["Azerbaijan"]))
    assert store.tags.usage() == [("Iran", 2), ("Azerbaijan", 1), ("Israel", 1)]
    assert store.tags.usage("is") == [("Israel", 1)]
    store.tags.rename("iran", "Islamic Republic of Iran")
    assert {r["headline"] for r in store.search.query("islamic")} == {"a", "b"}
    store.tags.merge(["Israel", "Azerbaijan"], "Region")
    assert dict(store.tags.usage()) == {"Islamic Republic of Iran": 2, "Region": 2}
    assert store.articles.get(2).tags == ["Region", "Islamic Republic of Iran"]
    assert {r["headline"] for r in store.search.query("region")} == {"b", "c"}


def test_search_covers_every_field_and_combines_with_filters(store):
    store.articles.create(
        Article(
            headline="Port reopens",
            standfirst="Dockers return",
            body="Ships queue outside the harbour.",
            tags=["Beirut"],
            sources=[Source("Haaretz", attribution=True)],
        )
    )
    store.articles.create(
        Article(
            headline="Puerto reabre", body="Los barcos esperan.", edition="es", status="submitted"
        )
    )
    headlines = lambda q, **kw: [r["headline"] for r in store.search.query(q, **kw)]  # noqa: E731
    assert headlines("haaretz") == ["Port reopens"]
    assert headlines("beir") == ["Port reopens"], "the last word matches as a prefix"
    assert headlines("harbour") == ["Port reopens"]
    assert headlines("dockers") == ["Port reopens"]
    assert headlines("barcos") == ["Puerto reabre"]
    assert headlines("barcos", edition="en") == []
    assert headlines("", status="submitted") == ["Puerto reabre"]
    assert headlines("reabre", since="2000-01-01", until="2999-01-01") == ["Puerto reabre"]
    # FTS5 syntax typed by a user is searched for, never an error
    for hostile in ('AND OR "', "NEAR(", "headline:", "*", '"unclosed'):
        store.search.query(hostile)


def test_search_ranks_headline_matches_first(store):
    store.articles.create(Article(headline="Budget", body="election " * 3))
    store.articles.create(Article(headline="Election day", body="Polls open."))
    assert store.search.query("election")[0]["headline"] == "Election day"


def test_autosave_journal_is_recovered_as_a_revision(store):
    a = store.articles.create(Article(headline="Draft", body="typed"))
    edited = a.copy()
    edited.body = "typed and more, not yet saved"
    store.autosaves.write(a.id, edited.content())
    recovery = store.autosaves.recover_all(author="amal")
    assert recovery.set_aside == []
    recovered = recovery.recovered
    assert [(r.article_id, r.headline, r.revision) for r in recovered] == [(a.id, "Draft", 2)]
    assert store.articles.get(a.id).body == "typed and more, not yet saved"
    assert store.autosaves.pending() == []
    assert store.revisions.latest(a.id).reason == "recovered"


# A journal row recovery cannot turn into a revision, as damage or a bug leaves it.
BAD_JOURNAL_ROWS = {
    "not JSON": ('{"body": "typed', "is not readable"),
    "not UTF-8": (b'{"body": "caf\xe9"}', "is not UTF-8 text (byte 13)"),
    "not a mapping": ('["body", "typed"]', "is not an article's fields"),
    "a number for the headline": ('{"headline": 5}', "has a int for its headline"),
    "text for the tags": ('{"tags": "a, b"}', "has a str for its tags"),
    "text for a source": ('{"sources": ["Reuters"]}', "has a list for its sources"),
    "a huge body": (
        '{"body": "' + "x" * (9 * 1_048_576) + '"}',
        "is 9.0 MB, more than any article (8 MB)",
    ),
    "nested JSON": ("[" * 100_000 + "]" * 100_000, "is not readable"),
    "an edition the store lacks": ('{"edition": "xx"}', "could not be saved (IntegrityError"),
    "a deleted article": ('{"body": "typed"}', "belongs to an article that no longer exists"),
}


@pytest.mark.parametrize("case", sorted(BAD_JOURNAL_ROWS))
def test_a_bad_journal_row_is_set_aside_and_the_good_ones_recovered(store, case):
    raw, reason = BAD_JOURNAL_ROWS[case]
    good = store.articles.create(Article(headline="Good", body="saved"))
    bad = store.articles.create(Article(headline="Bad", body="saved"))
    edited = good.copy()
    edited.body = "saved and typed"
    store.autosaves.write(good.id, edited.content())
    bad_id = bad.id if case != "a deleted article" else 4242
    store.conn.execute("PRAGMA foreign_keys = OFF")  # as an older build might have left it
    store.conn.execute(
        "INSERT INTO autosaves (article_id, content, saved_at) VALUES (?, ?, ?)",
        (bad_id, raw, "2026-12-03T09:00:00Z"),
    )
    store.conn.execute("PRAGMA foreign_keys = ON")

    recovery = store.autosaves.recover_all()
    assert [r.article_id for r in recovery.recovered] == [good.id]
    assert store.articles.get(good.id).body == "saved and typed"
    [aside] = recovery.set_aside
    assert aside.article_id == bad_id and reason in aside.reason, aside.reason
    named = "article 4242" if case == "a deleted article" else f"“Bad” (article {bad.id})"
    assert aside.describe().startswith(f"unsaved work of {named} "), aside.describe()
    # Kept, byte for byte, in a file beside the store; out of the journal.
    assert aside.path is not None and aside.path.parent == store.folder / "set-aside"
    kept = json.loads(aside.path.read_text(encoding="utf-8"))
    assert kept["article_id"] == bad_id and kept["saved_at"] == "2026-12-03T09:00:00Z"
    raw_bytes = raw if isinstance(raw, bytes) else raw.encode()
    if "content" in kept:
        assert kept["content"].encode() == raw_bytes
    else:
        assert base64.b64decode(kept["content_base64"]) == raw_bytes
    assert store.autosaves.pending() == []
    assert store.articles.get(bad.id).body == "saved", "the bad row changed nothing"
    assert store.autosaves.recover_all().set_aside == [], "said once, not at every start"


def test_a_bad_journal_row_stays_in_the_journal_when_the_disk_is_full(small_disk):
    import os

    disk = small_disk("1m")
    store = open_store(disk / "store")
    try:
        bad = store.articles.create(Article(headline="Bad", body="saved"))
        damaged = '{"body": "' + "typed " * 20_000  # unreadable, and bigger than the room left
        store.conn.execute(
            "INSERT INTO autosaves (article_id, content, saved_at) VALUES (?, ?, ?)",
            (bad.id, damaged, "2026-12-03T09:00:00Z"),
        )
        stat = os.statvfs(disk)
        (disk / "filler").write_bytes(b"\0" * (stat.f_bavail * stat.f_frsize - 8192))
        [aside] = store.autosaves.recover_all().set_aside
        assert aside.path is None and "left in the journal" in aside.describe()
        assert store.autosaves.pending() == [bad.id], "kept where it was"
        assert not any((store.folder / "set-aside").glob("*")), "no half-written copy"
    finally:
        store.close()


def test_outbox_keeps_one_pending_push_per_article(store):
    a = store.articles.create(Article(headline="x"))
    a.body = "1"
    store.articles.save(a)
    a.body = "2"
    store.articles.save(a)
    pending = store.outbox.pending()
    assert [(e.article_id, e.kind, e.revision) for e in pending] == [(a.id, "article.push", 3)]


def test_a_failed_batch_leaves_nothing_behind(store):
    with pytest.raises(RuntimeError), store.atomic():
        store.articles.create(Article(headline="kept?"))
        raise RuntimeError("boom")
    assert store.articles.count() == 0


def test_the_search_index_follows_savepoints_and_the_commit(store):
    """Inside a transaction the index's writes wait for the commit (one FTS5 flush, not
    one a savepoint): what a savepoint takes back, and what a failed transaction wrote,
    never reaches the index; what commits is found, once, as last written."""

    def found(word: str) -> list[str]:
        return [r["headline"] for r in store.search.query(word)]

    with store.atomic():
        kept = store.articles.create(Article(headline="Harbour kept"))
        try:
            with store.atomic():
                store.articles.create(Article(headline="Harbour taken back"))
                raise RuntimeError("this part only")
        except RuntimeError:
            pass
        kept.headline = "Harbour kept, then edited"
        store.articles.save(kept)
    assert found("harbour") == ["Harbour kept, then edited"]
    with pytest.raises(RuntimeError), store.atomic():
        store.articles.create(Article(headline="Harbour never"))
        raise RuntimeError("all of it")
    store.articles.create(Article(headline="Quay"))  # the next write flushes nothing stale
    assert found("harbour") == ["Harbour kept, then edited"] and found("quay") == ["Quay"]
    assert store.conn.execute("SELECT count(*) FROM articles_fts").fetchone()[0] == 2


def test_a_failed_commit_is_rolled_back_and_the_store_goes_on(store):
    """A COMMIT that fails (here a foreign key SQLite checks only at COMMIT) must not
    leave the connection inside the transaction, its writes waiting for the next one."""
    import sqlite3

    kept = store.articles.create(Article(headline="Kept"))
    with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"), store.atomic() as conn:
        conn.execute("PRAGMA defer_foreign_keys = ON")
        store.articles.create(Article(headline="Half-written"))
        conn.execute("INSERT INTO article_tags (article_id, tag_id) VALUES (?, 424242)", (kept.id,))
    assert not store.conn.in_transaction
    assert [a["headline"] for a in store.articles.summaries()] == ["Kept"]
    store.articles.create(Article(headline="Next"))  # BEGIN works again
    assert store.articles.count() == 2


def test_a_new_store_on_a_full_disk_says_the_disk_is_full(small_disk):
    from newsdesk.store.errors import DiskFullError

    disk = small_disk("200k")  # the new store's schema alone takes more
    folder = disk / "newsroom"
    with pytest.raises(DiskFullError) as info:
        open_store(folder)
    assert (
        str(info.value) == f"The disk is full: cannot create the store at {folder / 'newsdesk.db'}."
    )
    assert list(folder.iterdir()) == [], "the half-made database files are taken away"
    # A disk so full the folder itself cannot be made: the same words.
    (disk / "filler").write_bytes(b"\0" * 100_000)
    with pytest.raises(DiskFullError, match="The disk is full: cannot create the store at"):
        open_store(disk / "other")


@pytest.mark.parametrize("where", ["at COMMIT", "mid-transaction"])
def test_a_transaction_that_fills_the_disk_is_rolled_back(small_disk, where):
    """SQLite writes a transaction's pages at COMMIT, so a disk that fills fails the
    COMMIT itself; with a small page cache it fails a statement midway instead, and
    SQLite may roll back by itself: the error must then reach the caller as it is."""
    store = open_store(small_disk("1m") / "store")
    if where == "mid-transaction":
        store.conn.execute("PRAGMA cache_size = 8")  # pages spill to the WAL early
    try:
        kept = store.articles.create(Article(headline="Kept", body="short"))
        big = Article(headline="Too big", body="word " * 400_000)
        with pytest.raises(sqlite3.OperationalError, match="full"):
            store.articles.create(big)
        assert not store.conn.in_transaction
        assert [a["headline"] for a in store.articles.summaries()] == ["Kept"]
        assert store.articles.get(kept.id).body == "short"
    finally:
        store.close()


def test_newer_store_is_refused_and_left_untouched(tmp_path):
    s = open_store(tmp_path)
    s.conn.execute(f"PRAGMA user_version = {migrations.LATEST + 5}")
    s.close()
    db = tmp_path / "newsdesk.db"
    before = db.read_bytes()
    with pytest.raises(NewerStoreError, match="newer Newsdesk"):
        open_store(tmp_path)
    assert db.read_bytes() == before


@pytest.mark.parametrize(
    "content", [b"this is a text file, not a database\n", b"\x89PNG\r\n\x1a\n" + b"\x00" * 200]
)
def test_non_sqlite_file_is_reported_never_overwritten(tmp_path, content):
    db = tmp_path / "newsdesk.db"
    db.write_bytes(content)
    with pytest.raises(CorruptStoreError, match="left it untouched"):
        open_store(tmp_path)
    assert db.read_bytes() == content


def test_damaged_sqlite_file_is_reported_never_overwritten(tmp_path):
    s = open_store(tmp_path)
    s.articles.create(Article(headline="x", body="y" * 10000))
    s.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    s.close()
    db = tmp_path / "newsdesk.db"
    data = bytearray(db.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # wreck the schema page, keep the header
    db.write_bytes(bytes(data))
    with pytest.raises(CorruptStoreError):
        open_store(tmp_path)
    assert db.read_bytes() == bytes(data)


def test_migration_one_from_an_empty_database_with_data_in_it(tmp_path):
    """Schema 1 starts from nothing; later migrations are tested from their predecessor."""
    s = open_store(tmp_path, migrate=False)
    s.conn.execute("CREATE TABLE unrelated (x)")
    s.conn.execute("INSERT INTO unrelated VALUES (1)")
    assert migrations.upgrade(s, target=1) == [1]
    assert s.schema_version == 1
    assert s.conn.execute("SELECT x FROM unrelated").fetchone()[0] == 1
    s.close()


def test_two_writers_on_one_store_wait_their_turn_in_wal(tmp_path):
    """Two stores on one folder (the window's and the sync's): a write that finds the other
    in a write transaction waits for it (busy timeout) instead of failing, and each sees
    the other's rows; a reader meanwhile reads the last commit."""
    import threading
    import time

    first, second = open_store(tmp_path), open_store(tmp_path)
    try:
        first.articles.create(Article(headline="from the window"))
        second.articles.create(Article(headline="from the sync"))
        first.conn.execute("BEGIN IMMEDIATE")
        first.conn.execute("UPDATE articles SET headline = 'held' WHERE headline = 'from the sync'")
        done: list[float] = []

        def write() -> None:
            started = time.perf_counter()
            second.articles.create(Article(headline="waited"))
            done.append(time.perf_counter() - started)

        writer = threading.Thread(target=write)
        writer.start()
        time.sleep(0.3)
        assert not done, "the second writer waits while the first holds the lock"
        reader = sqlite3.connect(tmp_path / "newsdesk.db")
        seen = {r[0] for r in reader.execute("SELECT headline FROM articles")}
        reader.close()
        assert seen == {"from the window", "from the sync"}  # the last commit, not 'held'
        first.conn.execute("COMMIT")
        writer.join(10)
        assert done and done[0] >= 0.3
        both = {r[0] for r in first.conn.execute("SELECT headline FROM articles")}
        assert both == {"from the window", "held", "waited"}
    finally:
        first.close()
        second.close()


def test_migration_5_from_schema_4_keeps_revisions(tmp_path):
    s = open_store(tmp_path, migrate=False)
    migrations.upgrade(s, target=4)
    s.conn.execute(
        "INSERT INTO articles (id, uuid, edition, headline, created_at, updated_at) "
        "VALUES (1, 'u-1', 'en', 'Old story', 'now', 'now')"
    )
    s.conn.execute(
        "INSERT INTO revisions (article_id, number, created_at, content) "
        """VALUES (1, 1, 'now', '{"headline": "Old story"}')"""
    )
    assert 5 in migrations.upgrade(s)
    old = s.revisions.get(1, 1)
    assert old.content == {"headline": "Old story"} and old.captions is None
    article = s.articles.get(1)
    article.body = "new text"
    s.articles.save(article)
    assert s.revisions.get(1, 2).captions == []
    s.close()


def test_migration_6_finds_an_articles_pending_push_by_index(tmp_path):
    s = open_store(tmp_path, migrate=False)
    migrations.upgrade(s, target=5)
    s.conn.execute(
        "INSERT INTO articles (id, uuid, edition, headline, created_at, updated_at) "
        "VALUES (1, 'u-1', 'en', 'Old story', 'now', 'now')"
    )
    s.outbox.enqueue_article(1, 1)
    assert 6 in migrations.upgrade(s)
    plan = " ".join(
        str(row[-1])
        for row in s.conn.execute(
            "EXPLAIN QUERY PLAN UPDATE outbox SET revision = 2 WHERE article_id = 1 "
            "AND kind = 'article.push' AND state = 'pending'"
        )
    )
    assert "outbox_by_article" in plan, plan
    s.outbox.enqueue_article(1, 2)  # the pending entry moves on, no second one
    assert [(e.article_id, e.revision) for e in s.outbox.pending()] == [(1, 2)]
    s.close()


def test_closing_leaves_the_planner_statistics_sqlite_advises(tmp_path):
    """SQLite's advice: PRAGMA optimize at close. A store the app closed has statistics
    for the tables its queries used (the benchmarks ANALYZE; real stores now get them too)."""
    import sqlite3

    from newsdesk.store.db import DB_NAME

    store = open_store(tmp_path / "s")
    for n in range(40):
        store.articles.create(
            Article(headline=f"Story {n}", status="draft" if n % 2 else "submitted")
        )
    store.articles.summaries(status="submitted")
    store.close()
    conn = sqlite3.connect(tmp_path / "s" / DB_NAME)
    analysed = {row[0] for row in conn.execute("SELECT tbl FROM sqlite_stat1")}
    conn.close()
    assert "articles" in analysed


def test_migration_11_gives_every_site_an_empty_resume_point(tmp_path):
    s = open_store(tmp_path, migrate=False)
    migrations.upgrade(s, target=10)
    s.conn.execute(
        "INSERT INTO sites (id, name, url, username, pulled_until, created_at) "
        "VALUES (1, 'site', 'https://example.org', 'ed', '2026-01-01T00:00:00', 'now')"
    )
    assert 11 in migrations.upgrade(s)
    assert s.sites.pull_resume(1) == {}
    assert s.sites.get(1).pulled_until == "2026-01-01T00:00:00"
    s.sites.set_pull_resume(1, {"since": "", "mark": "2026-12-03T10:00:00", "page": 3})
    assert s.sites.pull_resume(1)["page"] == 3
    s.close()


def test_migration_13_starts_every_site_with_no_change_counter_seen(tmp_path):
    s = open_store(tmp_path, migrate=False)
    migrations.upgrade(s, target=12)
    s.conn.execute(
        "INSERT INTO sites (id, name, url, username, pulled_until, created_at) "
        "VALUES (1, 'site', 'https://example.org', 'ed', '2026-01-01T00:00:00', 'now')"
    )
    assert 13 in migrations.upgrade(s)
    assert s.sites.changes_seen(1) == {}, "the first sync after the upgrade is a full one"
    s.sites.set_changes_seen(1, {"version": 7, "at": "2026-12-03T10:00:00+00:00"})
    assert s.sites.changes_seen(1)["version"] == 7
    s.sites.update(s.sites.get(1))  # another address or login: sync in full again
    assert s.sites.changes_seen(1) == {}
    s.close()
