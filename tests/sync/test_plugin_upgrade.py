"""A site still running companion plugin 1.0.0, and its upgrade to the current one.

Plugin 1 kept Newsdesk's meta under public keys: anyone who could read a post
could read them. Newsdesk still talks to it but gives a published post nothing
private; replacing the file with the current plugin renames what 1.0.0 wrote,
once, out of every reader's sight.
"""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest

from newsdesk.domain.article import Source
from newsdesk.store import open_store
from newsdesk.sync.engine import verify_login
from wordpress.server import PLUGIN_FILE

from .helpers import connect, sync, write

LEGACY_PLUGIN = Path(__file__).parent.parent / "wordpress" / "legacy" / "newsdesk-sync-1.0.0.php"
SOURCE_NOTES = "met at the harbour office, second floor"
NOTE = "Keep the driver's name out"


@pytest.fixture
def legacy_site(wordpress_harness, request):
    """A site of its own with plugin 1.0.0 (each test may upgrade it)."""
    return wordpress_harness.named_site(
        f"wp_legacy_{request.node.name[-20:].replace('-', '_')}", True, LEGACY_PLUGIN
    )


def anonymous_meta(wp, post_id: int) -> str:
    with httpx.Client(base_url=wp.api, timeout=30) as reader:
        rest = reader.get(f"/wp/v2/posts/{post_id}", params={"_fields": "id,meta"}).text
        link = reader.get(f"/wp/v2/posts/{post_id}").json()["link"]
        page = reader.get(link, follow_redirects=True).text
    return rest + page


def test_newsdesk_gives_a_published_post_nothing_private_on_plugin_1(tmp_path, legacy_site):
    editor = legacy_site.users["editor"]
    login = verify_login(legacy_site.url, editor.login, editor.app_password)
    assert login.has_plugin and any("version 1" in w for w in login.warnings), login
    store = open_store(tmp_path / "desk")
    connect(store, legacy_site, "editor")
    story = write(
        store,
        headline="Harbour cargo missing",
        body="The ledger was read.\n\nA **second** paragraph.",
        status="submitted",
        sources=[Source("Harbour clerk", kind="interview", notes=SOURCE_NOTES)],
    )
    store.workflow.add_note(story.id, "ed", NOTE)
    report = sync(store)
    assert not report.failed, report
    assert any("version 1" in w for w in report.warnings), report.warnings
    post_id = store.sync.remote_post(story.id, store.sites.by_name("english-site").id).remote_id
    with legacy_site.client("editor") as web:
        meta = web.get(f"/wp/v2/posts/{post_id}", params={"context": "edit"}).json()["meta"]
    assert SOURCE_NOTES in meta["newsdesk_sources"], "a pending post is not public: it travels"

    story = store.articles.get(story.id)
    story.status = "published"
    store.articles.save(story, author="ed")
    assert not sync(store).failed
    public = anonymous_meta(legacy_site, post_id)
    for secret in (SOURCE_NOTES, NOTE, "**second**", "Harbour clerk"):
        assert secret not in public, secret

    # A colleague's desk still gets the story whole: the content stands in for the Markdown.
    other = open_store(tmp_path / "other")
    connect(other, legacy_site, "editor", from_now=False)
    assert not sync(other).failed
    pulled = other.articles.get(other.articles.find_id(story.uuid))
    assert "**second** paragraph" in pulled.body


def meta_rows(wp, post_id: int) -> list[tuple[str, str]]:
    done = wp.db.sql(
        f"SELECT meta_key, meta_value FROM `{wp.name}`.wp_postmeta WHERE post_id = {post_id} "
        "AND meta_key LIKE '%newsdesk%' AND meta_key <> '_newsdesk_version' ORDER BY meta_key"
    )
    lines = done.stdout.decode().splitlines()[1:]  # the first line names the columns
    return [tuple(line.split("\t", 1)) for line in lines]


def test_upgrading_the_plugin_moves_its_meta_out_of_sight_once(legacy_site):
    wp = legacy_site
    notes = json.dumps([{"author": "ed", "body": NOTE, "created_at": "2026-12-01T09:00:00Z"}])
    with wp.client("editor") as web:
        made = web.post(
            "/wp/v2/posts",
            json={
                "title": "Written by Newsdesk under plugin 1",
                "content": "Body.",
                "status": "publish",
                "meta": {"newsdesk_notes": notes, "newsdesk_stage": "published"},
            },
        )
    assert made.status_code == 201, made.text
    post_id = made.json()["id"]
    assert NOTE in anonymous_meta(wp, post_id), "plugin 1 leaks (why the upgrade exists)"

    wp.install_plugin(PLUGIN_FILE)
    assert NOTE not in anonymous_meta(wp, post_id), "the upgrade closes the leak"
    assert meta_rows(wp, post_id) == [
        ("_newsdesk_notes", notes),
        ("_newsdesk_stage", "published"),
    ]
    with wp.client("editor") as web:
        meta = web.get(f"/wp/v2/posts/{post_id}", params={"context": "edit"}).json()["meta"]
    assert meta["_newsdesk_notes"] == notes, "the newsroom keeps what plugin 1 held"

    # Run it again, with a stray public copy beside a renamed key: the renamed one wins,
    # the copy goes, nothing is doubled.
    wp.db.sql(
        f"INSERT INTO `{wp.name}`.wp_postmeta (post_id, meta_key, meta_value) "
        f"VALUES ({post_id}, 'newsdesk_stage', 'approved')"
    )
    wp.db.sql(
        f"UPDATE `{wp.name}`.wp_options SET option_value = '1' "
        "WHERE option_name = 'newsdesk_sync_schema'"
    )
    with httpx.Client(base_url=wp.api, timeout=30) as reader:
        assert reader.get("/newsdesk/v1/info").json()["meta_schema"] == 2
    assert meta_rows(wp, post_id) == [
        ("_newsdesk_notes", notes),
        ("_newsdesk_stage", "published"),
    ]
