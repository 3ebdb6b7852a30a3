"""A large site's first sync: pages read ahead but never piled up, and a pull cut short
(the network gone, the process killed) goes on where it stopped: no post twice, none
missing, none half-written. Against a real WordPress holding an archive of its own."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from newsdesk.store import open_store
from newsdesk.sync.client import WordPressClient
from newsdesk.sync.engine import SyncEngine
from newsdesk.sync.mapping import PULL_STATUSES

from .helpers import connect
from .proxy import FaultProxy

pytestmark = pytest.mark.wordpress
CHILD = Path(__file__).with_name("pull_child.py")
PARAMS = {"status": PULL_STATUSES, "context": "edit", "orderby": "id", "order": "asc"}


def server_ids(wp) -> set[int]:
    ids: set[int] = set()
    with wp.client("editor") as client:
        page = 1
        while True:
            answer = client.get(
                "/wp/v2/posts", params={**PARAMS, "_fields": "id", "per_page": 100, "page": page}
            )
            ids.update(p["id"] for p in answer.json())
            if page >= int(answer.headers["X-WP-TotalPages"]):
                return ids
            page += 1


def local_posts(store, site_id: int) -> list[int]:
    rows = store.conn.execute(
        "SELECT remote_id FROM remote_posts WHERE site_id = ? AND remote_id IS NOT NULL",
        (site_id,),
    )
    return [int(r[0]) for r in rows]


def assert_whole(store, wp, site_id: int) -> None:
    """Every post of the site once, each a whole article (headline, body, a revision)."""
    mapped = local_posts(store, site_id)
    assert len(mapped) == len(set(mapped)), "a post was stored twice"
    assert set(mapped) == server_ids(wp)
    assert store.articles.count() == len(mapped)
    half = store.conn.execute(
        "SELECT COUNT(*) FROM articles a WHERE a.headline = '' OR a.body = ''"
        " OR NOT EXISTS (SELECT 1 FROM revisions r WHERE r.article_id = a.id)"
    ).fetchone()[0]
    assert half == 0
    assert store.sites.pull_resume(site_id) == {}


def pages_asked(proxy) -> list[int]:
    """The pages asked of the pull's first query (the window's recent stories)."""
    return [
        int(parse_qs(urlsplit(s.target).query)["page"][0])
        for s in proxy.seen("GET", "/wp/v2/posts?")
        if "page" in parse_qs(urlsplit(s.target).query) and "modified_after" in s.target
    ]


def test_pages_read_ahead_are_never_more_than_the_pages_in_flight(wordpress_archive):
    wp = wordpress_archive
    user = wp.users["editor"]
    with WordPressClient(wp.url, user.login, user.app_password) as client:
        seen: list[int] = []
        for number, page in client.pages_ahead(
            "/wp/v2/posts", {**PARAMS, "_fields": "id"}, workers=2
        ):
            # A slow store: the pages asked so far stay within two of the one stored.
            assert client.counter.requests <= number + 2, (number, client.counter.requests)
            seen.extend(p["id"] for p in page)
            time.sleep(0.3)
    assert seen == sorted(server_ids(wp))  # in order, each once


def test_a_first_sync_cut_off_by_the_network_goes_on_from_where_it_stopped(
    store, wordpress_archive
):
    wp = wordpress_archive
    with FaultProxy(wp.url) as proxy:
        site = connect(store, wp, "editor", from_now=False, url_override=proxy.url)
        proxy.inject("reset", method="GET", path="&page=4", times=50)
        first = SyncEngine(store).sync()
        assert first.offline and not first.ok
        resume = store.sites.pull_resume(site.id)
        assert resume["page"] == 3 and resume["mark"]
        stored = local_posts(store, site.id)
        assert len(stored) == 300  # three whole pages, nothing of the fourth
        proxy.state.faults.clear()
        proxy.state.seen.clear()

        second = SyncEngine(store).sync()
        assert second.ok, second.failed
        assert min(pages_asked(proxy)) == 3  # the last stored page again, then on
    assert_whole(store, wp, site.id)
    assert store.sites.get(site.id).pulled_until == resume["mark"]


def test_a_sync_killed_mid_pull_resumes_and_leaves_nothing_half_written(
    tmp_path, wordpress_archive
):
    wp = wordpress_archive
    folder = tmp_path / "desk"
    store = open_store(folder)
    site = connect(store, wp, "editor", from_now=False)
    user = wp.users["editor"]
    child = subprocess.Popen(
        [sys.executable, str(CHILD), str(folder), wp.url, user.login, user.app_password],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 120
        while store.articles.count() < 250 and time.monotonic() < deadline:
            assert child.poll() is None, child.stderr.read().decode() if child.stderr else ""
            time.sleep(0.02)
        child.send_signal(signal.SIGKILL)
    finally:
        child.wait(30)
    killed_at = store.articles.count()
    assert 250 <= killed_at < len(server_ids(wp)), killed_at
    resume = store.sites.pull_resume(site.id)
    assert resume["page"] >= 2
    report = SyncEngine(store).sync()
    assert report.ok, report.failed
    assert_whole(store, wp, site.id)


def test_posts_deleted_before_the_resume_make_the_pull_start_again_and_miss_nothing(
    store, wordpress_archive
):
    wp = wordpress_archive
    with FaultProxy(wp.url) as proxy:
        site = connect(store, wp, "editor", from_now=False, url_override=proxy.url)
        proxy.inject("reset", method="GET", path="&page=5", times=50)
        assert SyncEngine(store).sync().offline
        assert store.sites.pull_resume(site.id)["page"] == 4
        proxy.state.faults.clear()
        # More than a page of early posts deleted for good: page 4 starts elsewhere now.
        early = sorted(server_ids(wp))[:150]
        with wp.client("administrator") as client:
            for post_id in early:
                client.delete(f"/wp/v2/posts/{post_id}", params={"force": "true"})
        proxy.state.seen.clear()
        report = SyncEngine(store).sync()
        assert report.ok, report.failed
        assert 1 in pages_asked(proxy)  # read again from the start
    mapped = local_posts(store, site.id)
    assert len(mapped) == len(set(mapped))
    assert server_ids(wp) <= set(mapped)  # nothing missed (the deleted ones stay here)
    assert store.sites.pull_resume(site.id) == {}


def test_the_command_line_counts_a_large_pull_instead_of_naming_every_post(
    tmp_path, capsys, monkeypatch, wordpress_archive
):
    from newsdesk.cli import main

    wp = wordpress_archive
    store = open_store(tmp_path)
    connect(store, wp, "editor", from_now=False)
    store.close()
    monkeypatch.setattr("sys.stderr.isatty", lambda: True)  # as in a terminal
    code = main(["--data-dir", str(tmp_path), "sync"])
    out, err = capsys.readouterr()
    assert code == 0, err
    total = len(server_ids(wp))
    assert f"pulled: {total}" in out
    assert f"… and {total - 20:,} more" in out
    assert len(out.splitlines()) < 40
    assert f"Receiving {total:,}/{total:,}" in err  # the progress line, rewritten in place


def test_time_left_is_said_from_the_rate_so_far():
    from newsdesk.sync.eta import Eta, say_left

    now = [0.0]
    eta = Eta(clock=lambda: now[0])
    assert eta.update("pull", 100, 10_000) is None  # the phase starts its clock
    now[0] = 1.0
    assert eta.update("pull", 200, 10_000) is None  # too early to say
    now[0] = 10.0
    left = eta.update("pull", 1_100, 10_000)  # 1,000 in 10 s: 8,900 left
    assert left == pytest.approx(89.0)
    assert say_left(left) == "about 1 min left"
    assert say_left(30) == "less than a minute left"
    assert say_left(3 * 3600 + 5 * 60) == "about 3 h 05 min left"
    assert eta.update("push", 0, 50) is None  # a new phase, a new clock
