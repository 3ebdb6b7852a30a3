"""Issue 6 against the real WordPress: a reporter (contributor) and an editor, two stores.

A story submitted by the reporter appears in the editor's queue, is returned
with a note, fixed, approved and published on a schedule — each step going
through the server.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from newsdesk.domain.article import Article, Source
from newsdesk.ops.workflow import transition as move
from newsdesk.services.editorial import ChecklistFailed
from newsdesk.store import open_store

from .helpers import connect, sync


def queue_headlines(store) -> list[str]:
    return [row["headline"] for row in store.workflow.queue()]


@pytest.mark.parametrize("with_plugin", [True, False], ids=["plugin", "stock"])
def test_submit_return_fix_approve_schedule_through_the_server(
    tmp_path, wordpress, wordpress_plugin, with_plugin
):
    wp = wordpress_plugin if with_plugin else wordpress
    reporter = open_store(tmp_path / "reporter")
    editor = open_store(tmp_path / "editor")
    connect(reporter, wp, "contributor", name="site")
    connect(editor, wp, "editor", name="site")
    with wp.client("editor") as web:
        # The site has its sections as categories (contributors cannot create them).
        web.post("/wp/v2/categories", json={"name": "Live"})

    story = reporter.articles.create(
        Article(
            headline=f"Port talks resume ({tmp_path.name})",
            standfirst="Negotiators returned on Monday.",
            body="The talks resumed on Monday.\n\nA second paragraph.",
            section="Live",
            tags=["Energy"],
            sources=[Source("Reuters", kind="news agency", attribution=True)],
        ),
        author="amal",
    )
    move(reporter, story.id, "submit", actor="amal", role="reporter")
    report = sync(reporter)
    assert not report.failed, report.failed

    sync(editor)
    assert story.headline in queue_headlines(editor), "submitted by one, in the other's queue"
    editor_id = editor.articles.find_id(story.uuid) if with_plugin else None
    if editor_id is None:  # stock WordPress carries no uuid: find it by headline
        editor_id = next(
            r["id"] for r in editor.workflow.queue() if r["headline"] == story.headline
        )

    move(editor, editor_id, "return", actor="ed", role="editor", note="Add the minister's quote.")
    assert not sync(editor).failed
    sync(reporter)
    returned = reporter.articles.get(story.id)
    expected = "returned" if with_plugin else "draft"  # stock WordPress folds it into draft
    assert returned.status == expected
    notes = [(n.author, n.body) for n in reporter.workflow.notes(story.id)]
    if with_plugin:  # the return note travels in the plugin's meta, never published
        # The server signs a note with the writer's WordPress name, whatever the
        # desktop called them: nobody can write a note in someone else's name.
        assert notes == [("Editor Tester", "Add the minister's quote.")]
        [note] = reporter.workflow.notes(story.id)
        reporter.workflow.add_note(
            story.id, "amal", "Added, from the phone call.", parent_id=note.id
        )
    else:
        assert notes == [], "stock WordPress has no place for notes (a documented limit)"

    returned.body += '\n\n"We are close," the minister said.'
    reporter.articles.save(returned, author="amal")
    move(reporter, story.id, "submit", actor="amal", role="reporter")
    assert not sync(reporter).failed

    sync(editor)
    fixed = editor.articles.get(editor_id)
    assert "the minister said" in fixed.body, "the reporter's fix reached the editor"
    assert fixed.status == "submitted"
    if with_plugin:
        thread = editor.workflow.notes(editor_id)
        assert [(n.author, n.body) for n in thread] == [
            ("Editor Tester", "Add the minister's quote."),
            ("Contributor Tester", "Added, from the phone call."),
        ]
        assert thread[1].parent_id == thread[0].id, "the reply stays a reply"
        with wp.client("editor") as web:
            remote_id = editor.sync.remote_post(
                editor_id, editor.sites.by_name("site").id
            ).remote_id
            public = web.get(f"/wp/v2/posts/{remote_id}").json()
        assert "phone call" not in str(public.get("content")), "notes are never published"
    move(editor, editor_id, "approve", actor="ed", role="editor")
    if not with_plugin:
        # Stock WordPress has no field for sources: the editor's copy has none, and
        # the checklist says so before anything goes out.
        assert fixed.sources == []
        with pytest.raises(ChecklistFailed, match="at least one source"):
            move(
                editor,
                editor_id,
                "schedule",
                actor="ed",
                role="editor",
                scheduled_at="2099-01-01T00:00:00Z",
            )
        fixed = editor.articles.get(editor_id)
        fixed.sources = [Source("Reuters", kind="news agency", attribution=True)]
        editor.articles.save(fixed, author="ed")
    when = (datetime.now(UTC) + timedelta(days=2)).replace(microsecond=0)
    stamp = when.isoformat().replace("+00:00", "Z")
    move(editor, editor_id, "schedule", actor="ed", role="editor", scheduled_at=stamp)
    assert not sync(editor).failed

    with wp.client("editor") as web:
        remote_id = editor.sync.remote_post(editor_id, editor.sites.by_name("site").id).remote_id
        post = web.get(f"/wp/v2/posts/{remote_id}", params={"context": "edit"}).json()
    assert post["status"] == "future"
    assert post["date_gmt"].startswith(stamp[:16])
    assert "the minister said" in post["content"]["raw"]

    # (A contributor may not read a scheduled post over REST, so the reporter's
    # copy learns of the schedule only once the story is published.)
    assert editor.articles.get(editor_id).status == "scheduled"
    assert story.headline not in queue_headlines(editor)
    reporter.close()
    editor.close()
