"""The sync window: a first pull brings the last N days, one's own and the desk's stories;
an older one is found by searching the site and kept. Against a real WordPress whose
archive reaches back two years (bulk SQL)."""

from __future__ import annotations

import json

import pytest

from newsdesk.cli import main
from newsdesk.store import open_store
from newsdesk.sync.engine import SyncEngine

from .helpers import connect
from .test_large_site import local_posts

pytestmark = pytest.mark.wordpress
OLD = 200  # of 300 posts, the oldest 200 were last changed in January 2025


@pytest.fixture(scope="module")
def aged_site(wordpress_harness):
    from wordpress.seed import seed_posts

    site = wordpress_harness.named_site("wp_window", with_plugin=False)
    seed_posts(site, 300, words=60)
    site.db.sql(
        f"UPDATE `{site.name}`.wp_posts p JOIN (SELECT ID FROM `{site.name}`.wp_posts"
        f" WHERE post_name LIKE 'archive-story-%' ORDER BY ID LIMIT {OLD}) o ON o.ID = p.ID"
        " SET post_modified_gmt = '2025-01-10 09:00:00', post_modified = '2025-01-10 09:00:00',"
        " post_date_gmt = '2025-01-10 09:00:00', post_date = '2025-01-10 09:00:00'"
    )
    return site


def posts(site, **where) -> dict[int, dict]:
    with site.client("administrator") as client:
        found: dict[int, dict] = {}
        page = 1
        while True:
            answer = client.get(
                "/wp/v2/posts",
                params={"status": "publish,draft,pending,private,future", "context": "edit",
                        "per_page": 100, "page": page, "_fields": "id,author,status,modified_gmt"},
            )  # fmt: skip
            found.update({p["id"]: p for p in answer.json()})
            if page >= int(answer.headers["X-WP-TotalPages"]):
                return found
            page += 1


def test_a_first_pull_brings_the_window_ones_own_and_the_desks_stories(store, aged_site):
    site = connect(store, aged_site, "editor", from_now=False)
    assert site.window_days == 90
    report = SyncEngine(store).sync()
    assert report.ok, report.failed
    everything = posts(aged_site)
    editor = aged_site.users["editor"].id
    wanted = {
        pid
        for pid, p in everything.items()
        if p["modified_gmt"] >= "2026-01-01"  # changed in the window
        or p["author"] == editor  # one's own, of any age
        or p["status"] in ("pending", "future")  # the desk's queue and schedule
    }
    assert len(wanted) < len(everything)  # the window leaves something out
    mapped = local_posts(store, site.id)
    assert len(mapped) == len(set(mapped))
    assert set(mapped) == wanted


def test_an_older_story_is_found_on_the_site_and_kept(tmp_path, capsys, aged_site):
    store = open_store(tmp_path)
    site = connect(store, aged_site, "editor", from_now=False)
    assert SyncEngine(store).sync().ok
    before = set(local_posts(store, site.id))
    store.close()
    old = sorted(pid for pid, p in posts(aged_site).items() if p["modified_gmt"] < "2026")
    missing = next(pid for pid in old if pid not in before)
    with aged_site.client("administrator") as client:
        title = client.get(f"/wp/v2/posts/{missing}", params={"context": "edit"}).json()
    words = title["title"]["raw"].split(": ", 1)[1]

    assert main(["--data-dir", str(tmp_path), "site", "search", words, "--json"]) == 0
    found = {f["post_id"]: f for f in json.loads(capsys.readouterr().out)}
    assert found[missing]["article_id"] is None  # on the site, not here

    assert main(["--data-dir", str(tmp_path), "site", "fetch", str(missing)]) == 0
    assert "Fetched 1 (new or changed)" in capsys.readouterr().out
    store = open_store(tmp_path)
    assert missing in local_posts(store, site.id)
    article_id = store.sync.remote_post_by_remote_id(site.id, missing).article_id
    assert store.articles.get(article_id).headline == title["title"]["raw"]
    store.close()
    assert main(["--data-dir", str(tmp_path), "site", "search", words, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["article_id"] == article_id  # kept

    # and it syncs as the rest: the next pull leaves it alone, nothing twice
    store = open_store(tmp_path)
    assert SyncEngine(store).sync().ok
    mapped = local_posts(store, site.id)
    assert len(mapped) == len(set(mapped)) and missing in mapped
    store.close()


def test_the_window_is_a_site_setting_and_zero_brings_the_whole_archive(
    tmp_path, capsys, aged_site
):
    store = open_store(tmp_path)
    site = connect(store, aged_site, "editor", from_now=False)
    store.close()
    assert main(["--data-dir", str(tmp_path), "site", "edit", site.name, "--window-days", "0"]) == 0
    capsys.readouterr()
    assert (
        main(["--data-dir", str(tmp_path), "site", "edit", site.name, "--window-days", "-3"]) == 1
    )
    assert "number of days" in capsys.readouterr().err
    store = open_store(tmp_path)
    assert store.sites.get(site.id).window_days == 0
    assert SyncEngine(store).sync().ok
    assert set(local_posts(store, site.id)) == set(posts(aged_site))
    store.close()
