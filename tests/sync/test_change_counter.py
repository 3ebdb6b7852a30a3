"""One "changes since" request answers an idle sync (companion plugin 2.3).

Against the real WordPress: an idle sync with the plugin is one request; a post
edited on the site, a claim taken on another desktop and a caption edited in the
media library each move the site's change counter, and the next sync brings them;
reading moves nothing; a full sync runs every ten minutes whatever the counter says;
a sync cut short checks again; a site on plugin 2.2 syncs as before.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx

from newsdesk.ops.photos import publish_to_library
from newsdesk.sync import claims
from newsdesk.sync.changes import FULL_SYNC_EVERY
from newsdesk.sync.engine import SyncEngine
from wordpress.server import PLUGIN_FILE

from .helpers import add_photo, connect, new_store, sync, write

OLD_PLUGIN = Path(__file__).parent.parent / "wordpress" / "legacy" / "newsdesk-sync-2.2.0.php"


def counter(wp) -> int:
    with wp.client("editor") as web:
        answer = web.get("/newsdesk/v1/changes")
    answer.raise_for_status()
    return int(answer.json()["version"])


def settled(store, **kwargs):
    """Sync until a sync is idle (the first after a push sees its own change)."""
    for _ in range(3):
        report = sync(store, **kwargs)
        assert report.ok, report
        if report.requests == 1:
            return report
    raise AssertionError(f"never idle: {report}")


def pushed_story(tmp_path, wp, name="desk", headline="Harbour cranes stand idle"):
    store = new_store(tmp_path / name)
    connect(store, wp, "editor")
    story = write(store, headline=headline, body="The cranes stopped at noon.")
    assert sync(store).pushed
    post_id = store.sync.remote_post(story.id, store.sites.by_name("english-site").id).remote_id
    return store, story, post_id


def test_an_idle_sync_is_one_request_and_a_web_edit_moves_the_counter(tmp_path, wordpress_plugin):
    wp = wordpress_plugin
    store, story, post_id = pushed_story(tmp_path, wp)
    idle = settled(store)
    assert idle.requests == 1 and not idle.pulled and not idle.pushed, idle
    assert sync(store).requests == 1, "still idle"

    # Another user edits the post on the site: the counter moves, the next sync pulls it.
    before = counter(wp)
    with wp.client("administrator") as web:
        web.post(
            f"/wp/v2/posts/{post_id}", json={"title": "Harbour cranes back"}
        ).raise_for_status()
    assert counter(wp) > before
    report = sync(store)
    assert report.requests > 1 and report.pulled + report.merged, report
    assert store.articles.get(story.id).headline == "Harbour cranes back"
    assert settled(store).requests == 1
    store.close()


def test_reading_the_site_moves_nothing(tmp_path, wordpress_plugin):
    wp = wordpress_plugin
    store, _story, post_id = pushed_story(tmp_path, wp, headline="Ferry fares frozen")
    settled(store)
    before = counter(wp)
    with wp.client("editor") as web:
        for path, params in (
            ("/wp/v2/posts", {"context": "edit", "modified_after": "2000-01-01T00:00:00"}),
            (f"/wp/v2/posts/{post_id}", {"context": "edit"}),
            ("/newsdesk/v1/claims", {}),
            ("/wp/v2/media", {"newsdesk_library": 1, "context": "edit"}),
            ("/newsdesk/v1/info", {}),
            ("/wp/v2/categories", {}),
        ):
            assert web.get(path, params=params).status_code == 200, path
    link = httpx.get(f"{wp.api}/wp/v2/posts", params={"per_page": 1}).json()
    if link:
        httpx.get(link[0]["link"], follow_redirects=True)  # the page, as a reader reads it
    assert counter(wp) == before, "a read moved the change counter"
    assert sync(store).requests == 1
    store.close()


def test_a_claim_taken_on_another_desktop_reaches_this_one(tmp_path, wordpress_plugin):
    wp = wordpress_plugin
    other = new_store(tmp_path / "other")
    connect(other, wp, "editor")  # before the story goes out: its next pull brings it
    mine, story, _post_id = pushed_story(tmp_path, wp, "mine", headline="Lighthouse sold")
    assert sync(other).ok
    other_id = other.articles.find_id(story.uuid)
    assert other_id, "the other desk has the story"
    settled(mine)
    settled(other)
    before = counter(wp)
    outcome = claims.claim(
        other, other_id, editor="Editor Tester", role="editor", connect=SyncEngine(other).client_for
    )
    assert outcome.claim is not None
    assert counter(wp) > before
    report = sync(mine)
    assert report.requests > 1 and story.id in report.claimed, report
    assert mine.workflow.claim_of(story.id).editor == outcome.claim.editor
    assert settled(mine).requests == 1
    mine.close()
    other.close()


def test_a_caption_edited_in_the_media_library_moves_the_counter(tmp_path, wordpress_plugin):
    wp = wordpress_plugin
    desk = new_store(tmp_path / "a")
    connect(desk, wp, "editor")
    photo = add_photo(
        desk, tmp_path, caption="Cranes at dusk.", credit="Desk", alt="Cranes", seed=121
    )
    publish_to_library(desk, [photo.id])
    settled(desk)
    media_id = desk.sync.media(1, photo.sha256)[0]
    before = counter(wp)
    with wp.client("administrator") as web:  # as wp-admin's media screen saves it
        web.post(f"/wp/v2/media/{media_id}", json={"caption": "Cranes at dawn."}).raise_for_status()
    assert counter(wp) > before
    report = sync(desk)
    assert report.requests > 1 and report.photos.get("updated") == 1, report
    assert desk.photos.get(photo.id).caption == "Cranes at dawn."
    desk.close()


def test_a_full_sync_runs_every_ten_minutes(tmp_path, wordpress_plugin):
    store, _story, _post_id = pushed_story(tmp_path, wordpress_plugin, headline="Tide tables")
    settled(store)
    later = datetime.now(UTC) + FULL_SYNC_EVERY + timedelta(seconds=5)
    full = sync(store, clock=lambda: later)
    assert full.ok and full.requests >= 3, full  # the counter, the posts, the claims
    assert sync(store, clock=lambda: later).requests == 1, "and idle again after it"
    store.close()


class FailingPull(httpx.HTTPTransport):
    """The site stops answering the pull (a cable pulled mid-sync)."""

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/wp/v2/posts") and request.method == "GET":
            raise httpx.ConnectError("cut off", request=request)
        return super().handle_request(request)


def test_a_sync_cut_short_checks_again(tmp_path, wordpress_plugin):
    wp = wordpress_plugin
    store, story, post_id = pushed_story(tmp_path, wp, headline="Bridge repaint")
    settled(store)
    with wp.client("administrator") as web:
        web.post(f"/wp/v2/posts/{post_id}", json={"title": "Bridge repainted"}).raise_for_status()
    cut = sync(store, transport=FailingPull())
    assert cut.offline, cut
    report = sync(store)  # the counter was not kept: this one pulls
    assert report.pulled + report.merged, report
    assert store.articles.get(story.id).headline == "Bridge repainted"
    store.close()


def test_a_site_on_plugin_2_2_syncs_as_before_until_upgraded(tmp_path, wordpress_harness):
    wp = wordpress_harness.named_site("wp_plugin_2_2", True, OLD_PLUGIN)
    store, _story, _post_id = pushed_story(tmp_path, wp, headline="Old plugin")
    sync(store)  # asks the counter once (404), then pulls and reads the claims
    idle = sync(store)
    assert idle.ok and idle.requests == 2, idle  # the posts and the claims, as before
    wp.install_plugin(PLUGIN_FILE)
    assert sync(store).requests == 2, "the route is asked again only ten minutes later"
    later = datetime.now(UTC) + FULL_SYNC_EVERY + timedelta(seconds=5)
    assert sync(store, clock=lambda: later).requests >= 3  # asks, finds the counter
    assert sync(store, clock=lambda: later).requests == 1
    store.close()


def _has_modified_index(wp) -> bool:
    shown = wp.db.sql(f"SHOW INDEX FROM `{wp.name}`.wp_posts WHERE Key_name = 'newsdesk_modified'")
    return b"newsdesk_modified" in shown.stdout


def test_the_plugin_indexes_what_changed_since_once(wordpress_plugin, wordpress):
    """Every sync asks for the posts modified since its last (`modified_after`), which
    WordPress does not index: on 100,000 posts 2.1-2.4 s a request, 26 ms with the
    plugin's index (bench_site_queries.py). The first request after the plugin came
    adds it, once; /info says so; a stock site has none."""
    with wordpress_plugin.client("editor") as web:
        assert web.get("/newsdesk/v1/info").json()["modified_index"] is True
    assert _has_modified_index(wordpress_plugin)
    assert not _has_modified_index(wordpress)
    # Index and record both gone (a database restored from before the plugin): the next
    # request adds it again.
    wordpress_plugin.db.sql(
        f"ALTER TABLE `{wordpress_plugin.name}`.wp_posts DROP INDEX newsdesk_modified"
    )
    wordpress_plugin.db.sql(
        f"DELETE FROM `{wordpress_plugin.name}`.wp_options WHERE option_name = 'newsdesk_sync_indexes'"
    )
    with wordpress_plugin.client("editor") as web:
        assert web.get("/newsdesk/v1/info").json()["modified_index"] is True
    assert _has_modified_index(wordpress_plugin)
