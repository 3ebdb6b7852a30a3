"""Faults between client and server (a real proxy, a real WordPress): no duplicate, no loss."""

from __future__ import annotations

import time

import httpx
import pytest

from newsdesk.sync.engine import SyncEngine

from .helpers import connect, write
from .proxy import FaultProxy

pytestmark = pytest.mark.wordpress


def _posts_with_slug(wp, slug: str) -> list[dict]:
    with wp.client("administrator") as c:
        return c.get(
            "/wp/v2/posts", params={"slug": slug, "status": "any", "context": "edit"}
        ).json()


def _remote(store, article):
    site = store.sites.list()[0]
    return store.sync.remote_post(article.id, site.id)


@pytest.fixture
def proxy(wordpress):
    with FaultProxy(wordpress.url) as p:
        yield p


@pytest.fixture
def proxy_plugin(wordpress_plugin):
    with FaultProxy(wordpress_plugin.url) as p:
        yield p


@pytest.mark.parametrize("use_batch", [False, True], ids=["single", "batch"])
def test_a_create_whose_answer_is_lost_is_found_not_repeated(store, wordpress, proxy, use_batch):
    site = connect(store, wordpress, "editor", url_override=proxy.url)
    assert site.url == proxy.url
    article = write(store, headline=f"Lost answer {use_batch}")
    path = "/batch/v1" if use_batch else "/wp/v2/posts"
    proxy.inject("drop_response", method="POST", path=path)

    first = SyncEngine(store, use_batch=use_batch).sync()
    assert first.offline and not first.pushed
    rp = _remote(store, article)
    assert rp.remote_id is None  # the intent is recorded, the answer never came
    assert len(_posts_with_slug(wordpress, rp.marker)) == 1  # ...but the server made it

    second = SyncEngine(store, use_batch=use_batch).sync()
    assert second.ok, second
    assert len(_posts_with_slug(wordpress, rp.marker)) == 1
    assert _remote(store, article).remote_id == _posts_with_slug(wordpress, rp.marker)[0]["id"]
    assert not proxy.seen("POST", path)[1:]  # the create was never sent again
    assert store.outbox.count_pending() == 0


def test_with_the_plugin_a_lost_create_is_found_by_uuid(store, wordpress_plugin, proxy_plugin):
    connect(store, wordpress_plugin, "author", url_override=proxy_plugin.url)
    article = write(store, headline="Found by uuid")
    proxy_plugin.inject("drop_response", method="POST", path="/wp/v2/posts")
    assert SyncEngine(store, use_batch=False).sync().offline
    assert SyncEngine(store, use_batch=False).sync().ok
    assert any("newsdesk_uuid" in s.target for s in proxy_plugin.seen("GET"))
    with wordpress_plugin.client("administrator") as c:
        found = c.get(
            "/wp/v2/posts", params={"newsdesk_uuid": article.uuid, "status": "any"}
        ).json()
    assert len(found) == 1


def test_a_reset_before_the_server_hears_it_is_retried_once(store, wordpress, proxy):
    connect(store, wordpress, "editor", url_override=proxy.url)
    article = write(store, headline="Reset on the way")
    proxy.inject("reset", method="POST", path="/wp/v2/posts")
    assert SyncEngine(store, use_batch=False).sync().offline
    assert SyncEngine(store, use_batch=False).sync().ok
    assert len(_posts_with_slug(wordpress, _remote(store, article).marker)) == 1


def test_a_timeout_after_the_server_committed_does_not_duplicate(store, wordpress, proxy):
    connect(store, wordpress, "editor", url_override=proxy.url)
    article = write(store, headline="Slow server")
    proxy.inject("delay", method="POST", path="/wp/v2/posts", seconds=1.5)
    assert SyncEngine(store, use_batch=False, timeout=0.5).sync().offline
    time.sleep(1.6)  # the delayed create reaches the server after the client gave up
    assert SyncEngine(store, use_batch=False).sync().ok
    assert len(_posts_with_slug(wordpress, _remote(store, article).marker)) == 1


def test_a_lost_answer_to_an_update_is_not_a_conflict(store, wordpress, proxy):
    connect(store, wordpress, "editor", url_override=proxy.url)
    article = write(store, headline="Update lost", body="One.\n\nTwo *emphasis* here.")
    assert SyncEngine(store).sync().ok
    rp = _remote(store, article)
    article.body = "One.\n\nTwo *emphasis* here, changed.\n\nThree."
    store.articles.save(article)
    proxy.inject("drop_response", method="POST", path=f"/wp/v2/posts/{rp.remote_id}")
    assert SyncEngine(store).sync().offline
    again = SyncEngine(store).sync()
    assert again.ok, again
    assert not store.sync.open_conflicts()
    with wordpress.client("editor") as c:
        post = c.get(f"/wp/v2/posts/{rp.remote_id}", params={"context": "edit"}).json()
    assert "Three." in post["content"]["raw"]
    assert store.articles.get(article.id).body == article.body


def test_a_slow_trickle_still_completes(store, wordpress, proxy):
    connect(store, wordpress, "editor", url_override=proxy.url)
    article = write(store, headline="Trickled")
    proxy.inject("trickle", method="POST", path="/wp/v2/posts", seconds=0.6)
    report = SyncEngine(store, use_batch=False).sync()
    assert report.ok, report
    assert _remote(store, article).remote_id


def test_offline_the_outbox_grows_and_resumes_without_loss(store, wordpress, proxy):
    connect(store, wordpress, "editor", url_override=proxy.url)
    proxy.set_offline(True)
    drafted = [write(store, headline=f"Offline draft {i}") for i in range(3)]
    report = SyncEngine(store).sync()
    assert report.offline and store.outbox.count_pending() == 3
    # Back-off is recorded, with an attempt count, surviving a restart (it is in the store).
    rows = store.conn.execute(
        "SELECT attempts, next_attempt_at FROM outbox WHERE state='pending'"
    ).fetchall()
    assert all(r["attempts"] == 1 and r["next_attempt_at"] for r in rows)
    drafted[0].body = "Edited while offline."
    store.articles.save(drafted[0])
    proxy.set_offline(False)
    report = SyncEngine(store).sync()
    assert report.ok, report
    assert store.outbox.count_pending() == 0
    with wordpress.client("editor") as c:
        for article in drafted:
            post = c.get(
                f"/wp/v2/posts/{_remote(store, article).remote_id}", params={"context": "edit"}
            ).json()
            assert post["title"]["raw"] == article.headline
        assert (
            "Edited while offline."
            in c.get(
                f"/wp/v2/posts/{_remote(store, drafted[0]).remote_id}", params={"context": "edit"}
            ).json()["content"]["raw"]
        )


def test_proxy_passes_requests_through_unchanged(wordpress, proxy):
    me = httpx.get(f"{proxy.url}/wp-json/wp/v2/users/me", auth=wordpress.users["editor"].auth)
    assert me.status_code == 200 and me.json()["slug"] == "editor"


def test_an_upload_whose_answer_is_lost_is_found_not_repeated(store, wordpress, proxy, tmp_path):
    from .helpers import add_photo

    connect(store, wordpress, "author", url_override=proxy.url)
    photo = add_photo(store, tmp_path, caption="Lost upload", credit="AP", alt="x", seed=77)
    write(store, headline="Photo answer lost", lead_photo_id=photo.id)
    proxy.inject("drop_response", method="POST", path="/wp/v2/media")
    assert SyncEngine(store).sync().offline
    assert SyncEngine(store).sync().ok
    uploads = [s for s in proxy.seen("POST", "/wp/v2/media") if s.target.endswith("/wp/v2/media")]
    assert len(uploads) == 1  # the file went up once (a caption update may follow)
    media_id = store.sync.media(store.sites.list()[0].id, photo.sha256)[0]
    with wordpress.client("administrator") as c:
        slug = c.get(f"/wp/v2/media/{media_id}").json()["slug"]  # the slug planned before sending
        copies = [
            m for m in c.get("/wp/v2/media", params={"per_page": 100}).json()
            if m["slug"].startswith(slug)
        ]  # fmt: skip
    assert len(copies) == 1 and slug.startswith("photo-answer-lost-")


def test_a_sync_that_respects_the_back_off_pushes_once_the_site_answers(store, wordpress, proxy):
    """The engine's side; the controller's timer driving it is test_gui_sync's."""
    connect(store, wordpress, "editor", url_override=proxy.url)
    proxy.set_offline(True)
    write(store, headline="Waiting out a back-off")
    assert SyncEngine(store).sync(respect_backoff=True).offline
    [row] = store.conn.execute(
        "SELECT next_attempt_at FROM outbox WHERE state='pending'"
    ).fetchall()
    assert row[0]  # not due for a while
    proxy.set_offline(False)
    report = SyncEngine(store).sync(respect_backoff=True)  # the timer's run, not a click
    assert report.ok and len(report.pushed) == 1, report
    assert store.outbox.count_pending() == 0


def test_with_the_plugin_a_create_delayed_past_the_retry_is_refused_by_the_server(
    store, wordpress_plugin, proxy_plugin
):
    """The one hole a client alone cannot close: the first create arrives after the retry."""
    connect(store, wordpress_plugin, "editor", url_override=proxy_plugin.url)
    article = write(store, headline="Delayed past the retry")
    proxy_plugin.inject("delay", method="POST", path="/wp/v2/posts", seconds=1.5)
    assert SyncEngine(store, use_batch=False, timeout=0.5).sync().offline
    # Retry at once: the look-up finds nothing yet, so the retry creates the post.
    assert SyncEngine(store, use_batch=False).sync().ok
    time.sleep(1.8)  # now the delayed first create reaches the server...
    with wordpress_plugin.client("administrator") as c:
        found = c.get(
            "/wp/v2/posts", params={"newsdesk_uuid": article.uuid, "status": "any"}
        ).json()
    assert len(found) == 1  # ...and the plugin refuses it: still one post


def test_without_the_plugin_a_create_delayed_past_the_retry_duplicates(store, wordpress, proxy):
    """Documented limit (README): without the plugin nothing on the server can refuse it."""
    connect(store, wordpress, "editor", url_override=proxy.url)
    article = write(store, headline="Delayed past the retry, no plugin")
    proxy.inject("delay", method="POST", path="/wp/v2/posts", seconds=1.5)
    assert SyncEngine(store, use_batch=False, timeout=0.5).sync().offline
    assert SyncEngine(store, use_batch=False).sync().ok
    time.sleep(1.8)
    with wordpress.client("administrator") as c:
        same = c.get(
            "/wp/v2/posts", params={"search": "no plugin", "status": "any", "context": "edit"}
        ).json()
    marker = _remote(store, article).marker
    # WordPress gives the late one the slug "<marker>-2": a second post.
    assert sorted(p["slug"] for p in same) == [marker, marker + "-2"]
