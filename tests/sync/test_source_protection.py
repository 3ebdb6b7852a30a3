"""What the newsroom keeps private never reaches a reader of the site.

A story is published by Newsdesk with sources (one unattributed, with the
reporter's private notes), editorial notes and Markdown; then an anonymous
reader walks every public route of the real WordPress -- REST collections and
single posts in each context, `_fields`, `_embed`, search, comments embedding
the post, revisions, the uuid lookup, the page itself and the feed -- and a
password-protected post. None of it may carry a note, a source detail, the
Markdown, the stage or the plugin's keys.
"""

from __future__ import annotations

import json

import httpx
import pytest

from newsdesk.domain.article import Source
from newsdesk.store import open_store

from .helpers import connect, sync, write

SOURCE_NAME = "Informant Rue Nine"
SOURCE_NOTES = "met behind the ministry garage, mobile 0161 555 0199"
NOTE = "Lawyer says do not name the driver"
MARKDOWN_ONLY = "**ledger-of-the-port**"  # the Markdown's own spelling, never the HTML's
PRIVATE = (SOURCE_NAME, SOURCE_NOTES, NOTE, MARKDOWN_ONLY, "newsdesk_", "in_edit")


def published_story(tmp_path, wp):
    store = open_store(tmp_path / "desk")
    connect(store, wp, "editor")
    article = write(
        store,
        headline="Port ledger shows missing cargo",
        body=f"The {MARKDOWN_ONLY} was read by our reporter.\n\nA second paragraph.",
        status="published",
        sources=[
            Source(SOURCE_NAME, kind="interview", notes=SOURCE_NOTES, attribution=False),
            Source("Port Authority", url="https://port.example/report", kind="document"),
        ],
    )
    store.workflow.add_note(article.id, "ed", NOTE)
    report = sync(store)
    assert not report.failed and report.pushed, report
    rp = store.sync.remote_post(article.id, store.sites.by_name("english-site").id)
    return store, article, rp.remote_id


def anonymous_answers(wp, post_id: int, uuid: str) -> dict[str, str]:
    """Every public route a reader can take to the post: route -> body as text."""
    with wp.client("administrator") as admin:
        made = admin.post("/wp/v2/comments", json={"post": post_id, "content": "Well done."})
        assert made.status_code == 201, made.text
    reader = httpx.Client(base_url=wp.api, timeout=30)  # no credentials: anyone
    routes = {
        "collection": ("/wp/v2/posts", {}),
        "collection _fields=id,meta": ("/wp/v2/posts", {"_fields": "id,meta"}),
        "collection context=view": ("/wp/v2/posts", {"context": "view", "_fields": "id,meta"}),
        "collection context=embed": ("/wp/v2/posts", {"context": "embed"}),
        "collection context=edit": ("/wp/v2/posts", {"context": "edit"}),
        "collection _embed": ("/wp/v2/posts", {"_embed": "1"}),
        "uuid lookup": ("/wp/v2/posts", {"newsdesk_uuid": uuid, "_fields": "id"}),
        "single": (f"/wp/v2/posts/{post_id}", {}),
        "single _fields=meta": (f"/wp/v2/posts/{post_id}", {"_fields": "meta,newsdesk_version"}),
        "single context=edit": (f"/wp/v2/posts/{post_id}", {"context": "edit"}),
        "single _embed": (f"/wp/v2/posts/{post_id}", {"_embed": "1"}),
        "revisions": (f"/wp/v2/posts/{post_id}/revisions", {}),
        "search _embed": ("/wp/v2/search", {"search": "ledger", "_embed": "1"}),
        "comments _embed": ("/wp/v2/comments", {"post": post_id, "_embed": "1"}),
    }
    answers = {}
    with reader:
        for name, (path, params) in routes.items():
            answers[name] = reader.get(path, params=params).text
        if wp.with_plugin:  # stock WordPress ignores the parameter: it has no uuid to find
            assert json.loads(answers["uuid lookup"]) == [], "a reader cannot find it by uuid"
        # The plugin's change counter is the newsroom's: a reader is not let in.
        changes = reader.get("/newsdesk/v1/changes")
        assert changes.status_code == (401 if wp.with_plugin else 404), changes.text
        answers["change counter"] = changes.text
        link = json.loads(answers["single"])["link"]
        answers["the page"] = reader.get(link, follow_redirects=True).text
        answers["the page by id"] = reader.get(
            f"{wp.url}/", params={"p": post_id}, follow_redirects=True
        ).text
        answers["feed"] = reader.get(f"{wp.url}/feed/", follow_redirects=True).text
    embedded = json.loads(answers["comments _embed"])[0]["_embedded"]["up"][0]
    assert embedded["id"] == post_id, "the comment route did embed the post"
    assert "Port ledger" in answers["the page"], "the page itself was read"
    return answers


@pytest.mark.parametrize("with_plugin", [True, False], ids=["plugin", "stock"])
def test_an_anonymous_reader_finds_nothing_private_on_any_route(
    tmp_path, wordpress, wordpress_plugin, with_plugin
):
    wp = wordpress_plugin if with_plugin else wordpress
    _store, article, post_id = published_story(tmp_path, wp)
    answers = anonymous_answers(wp, post_id, article.uuid)
    for route, text in answers.items():
        for secret in (*PRIVATE, article.uuid):
            assert secret not in text, f"{secret!r} reached a reader through {route}"
    if with_plugin:
        # ...while the newsroom still has all of it, for those who may edit the post.
        with wp.client("editor") as web:
            post = web.get(f"/wp/v2/posts/{post_id}", params={"context": "edit"}).json()
        meta = post["meta"]
        assert SOURCE_NOTES in meta["_newsdesk_sources"]
        assert NOTE in meta["_newsdesk_notes"]
        assert MARKDOWN_ONLY in meta["_newsdesk_markdown"]
        assert meta["_newsdesk_stage"] == "published"


def test_a_password_protected_post_shows_no_meta_even_with_its_password(wordpress_plugin):
    wp = wordpress_plugin
    with wp.client("editor") as web:
        made = web.post(
            "/wp/v2/posts",
            json={
                "title": "Behind a password",
                "status": "publish",
                "password": "letmein",
                "content": "Body.",
                "meta": {"_newsdesk_markdown": MARKDOWN_ONLY, "_newsdesk_notes": "[]"},
            },
        )
        assert made.status_code == 201, made.text
    post_id = made.json()["id"]
    with httpx.Client(base_url=wp.api, timeout=30) as reader:
        for params in ({}, {"password": "letmein"}, {"password": "letmein", "_fields": "meta"}):
            text = reader.get(f"/wp/v2/posts/{post_id}", params=params).text
            assert MARKDOWN_ONLY not in text and "newsdesk_" not in text, params


def test_a_contributor_sees_no_private_meta_of_posts_they_cannot_edit(tmp_path, wordpress_plugin):
    """context=edit is open to anyone with edit_posts: the plugin removes what they may not see."""
    _store, _article, post_id = published_story(tmp_path, wordpress_plugin)
    with wordpress_plugin.client("contributor") as contributor:
        listing = contributor.get(
            "/wp/v2/posts", params={"context": "edit", "include": post_id, "_fields": "id,meta"}
        )
    assert listing.status_code == 200, listing.text
    for secret in PRIVATE:
        assert secret not in listing.text, secret


def contributor_post(wp, **meta) -> int:
    with wp.client("contributor") as web:
        made = web.post(
            "/wp/v2/posts",
            json={"title": "My own story", "status": "pending", "meta": meta},
        )
    assert made.status_code == 201, made.text
    return int(made.json()["id"])


def stored_meta(wp, post_id: int) -> dict:
    with wp.client("editor") as web:
        return web.get(f"/wp/v2/posts/{post_id}", params={"context": "edit"}).json()["meta"]


def test_a_contributor_can_submit_but_not_approve_their_own_story(wordpress_plugin):
    wp = wordpress_plugin
    post_id = contributor_post(wp, _newsdesk_stage="submitted")
    assert stored_meta(wp, post_id)["_newsdesk_stage"] == "submitted"
    with wp.client("contributor") as web:
        for name in ("_newsdesk_stage", "newsdesk_stage"):  # either plugin's spelling
            forged = web.post(f"/wp/v2/posts/{post_id}", json={"meta": {name: "approved"}})
            assert forged.status_code == 403, forged.text
            assert forged.json()["code"] == "newsdesk_stage_forbidden"
        fresh = web.post(
            "/wp/v2/posts",
            json={
                "title": "Straight in",
                "status": "pending",
                "meta": {"_newsdesk_stage": "approved"},
            },
        )
        assert fresh.status_code == 403, "a new post cannot start approved either"
    assert stored_meta(wp, post_id)["_newsdesk_stage"] == "submitted"
    with wp.client("editor") as web:
        approved = web.post(
            f"/wp/v2/posts/{post_id}", json={"meta": {"_newsdesk_stage": "approved"}}
        )
    assert approved.status_code == 200, approved.text
    assert stored_meta(wp, post_id)["_newsdesk_stage"] == "approved"
    with wp.client("contributor") as web:
        back = web.post(f"/wp/v2/posts/{post_id}", json={"meta": {"_newsdesk_stage": "draft"}})
    assert back.status_code == 403, "a reporter cannot undo an approval either"


def test_a_note_is_signed_by_the_server_and_stored_notes_cannot_be_rewritten(wordpress_plugin):
    wp = wordpress_plugin
    editor_note = {
        "key": "k1",
        "author": "x",
        "body": "Check the figures.",
        "created_at": "2026-12-01T10:00:00Z",
    }
    post_id = contributor_post(wp)
    with wp.client("editor") as web:
        web.post(
            f"/wp/v2/posts/{post_id}", json={"meta": {"_newsdesk_notes": json.dumps([editor_note])}}
        ).raise_for_status()
    forged = {
        "key": "k2",
        "parent": "k1",
        "author": "Editor in Chief",
        "body": "Approved, run it.",
        "created_at": "2026-12-01T11:00:00Z",
    }
    tampered = {**editor_note, "body": "Check nothing."}
    with wp.client("contributor") as web:
        answer = web.post(
            f"/wp/v2/posts/{post_id}",
            json={
                "meta": {
                    "_newsdesk_notes": json.dumps([editor_note, forged]),
                    "_newsdesk_content_sha": "x",
                }
            },
        )
        assert answer.status_code == 200, answer.text
        web.post(
            f"/wp/v2/posts/{post_id}", json={"meta": {"_newsdesk_notes": json.dumps([tampered])}}
        ).raise_for_status()
    meta = stored_meta(wp, post_id)
    notes = json.loads(meta["_newsdesk_notes"])
    by_body = {n["body"]: n for n in notes}
    assert by_body["Check the figures."]["author"] == "Editor Tester", "the editor's note stands"
    assert by_body["Approved, run it."]["author"] == "Contributor Tester", "signed by the server"
    assert by_body["Approved, run it."]["author_id"] == wp.users["contributor"].id
    assert by_body["Approved, run it."]["parent"] == by_body["Check the figures."]["key"]
    assert "Check nothing." in by_body, "a changed text is a new note, not an edit of the old"
    assert meta["_newsdesk_content_sha"] != "x", "the content hash is the plugin's alone"


def test_newsdesk_reports_a_refused_stage_and_the_site_keeps_the_editors_word(
    tmp_path, wordpress_plugin
):
    """A reporter's desktop that believes (or claims) a story approved cannot make it so."""
    reporter = open_store(tmp_path / "reporter")
    connect(reporter, wordpress_plugin, "contributor")
    story = write(reporter, headline="Council votes", status="submitted")
    assert not sync(reporter).failed
    rp = reporter.sync.remote_post(story.id, reporter.sites.by_name("english-site").id)
    story = reporter.articles.get(story.id)
    story.status = "approved"  # a forged stage, written past the workflow's rules
    reporter.articles.save(story, author="amal")
    report = sync(reporter)
    assert report.failed, report
    assert "Only editors may move a story" in json.dumps(report.failed)
    assert stored_meta(wordpress_plugin, rp.remote_id)["_newsdesk_stage"] == "submitted"


def test_a_duplicate_uuid_names_no_post_the_writer_cannot_edit(wordpress_plugin):
    wp = wordpress_plugin
    uuid = "0d6f5a1e-2222-4c1d-8a55-00000000beef"
    with wp.client("editor") as web:
        web.post(
            "/wp/v2/posts", json={"title": "Editors' own", "meta": {"_newsdesk_uuid": uuid}}
        ).raise_for_status()
        again = web.post("/wp/v2/posts", json={"title": "Again", "meta": {"_newsdesk_uuid": uuid}})
    assert again.status_code == 409 and "post_id" in again.json()["data"]
    with wp.client("contributor") as web:
        other = web.post("/wp/v2/posts", json={"title": "Mine", "meta": {"_newsdesk_uuid": uuid}})
        assert other.status_code == 409
        assert "post_id" not in other.json()["data"], "the editors' draft stays unnamed"
        looked = web.get("/wp/v2/posts", params={"newsdesk_uuid": uuid, "status": "draft"})
        assert looked.status_code in (200, 400) and "Editors" not in looked.text


def test_lock_names_stay_under_mysqls_64_characters_for_any_table_prefix(tmp_path):
    from wordpress.server import PLUGIN_FILE

    script = tmp_path / "lock.php"
    script.write_text(
        "<?php define('ABSPATH', '/'); function add_action() {} function add_filter() {}\n"
        "$wpdb = new stdClass(); $wpdb->prefix = str_repeat('newsroom_', 12);\n"
        f"require '{PLUGIN_FILE}';\n"
        "echo strlen(newsdesk_sync_lock_name('post', '123456789')), ' ',"
        " strlen(newsdesk_sync_lock_name('uuid', str_repeat('u', 200)));\n"
    )
    import subprocess

    lengths = subprocess.run(["php", str(script)], capture_output=True, text=True, check=True)
    assert all(0 < int(n) <= 64 for n in lengths.stdout.split()), lengths.stdout
