"""The workflow in the store: transitions recorded, notes, claims, the queue, the checklist gate."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from newsdesk.domain.article import Article, Source
from newsdesk.domain.workflow import WorkflowError
from newsdesk.ops.workflow import transition as move
from newsdesk.services.editorial import ChecklistFailed
from newsdesk.store import migrations
from newsdesk.store.workflow import ClaimedError


def story(store, **changes) -> Article:
    article = Article(
        headline="Port talks resume",
        standfirst="Negotiators returned on Monday.",
        body="word " * 200,
        section="News",
        tags=["Energy"],
        byline="Amal",
        sources=[Source("Reuters", kind="news agency", attribution=True)],
    )
    for key, value in changes.items():
        setattr(article, key, value)
    return store.articles.create(article, author="amal")


def test_submit_return_fix_approve_with_history_and_notes(store):
    a = story(store)
    move(store, a.id, "submit", actor="amal", role="reporter")
    submitted = store.workflow.submitted_revision(a.id)
    move(store, a.id, "start edit", actor="ed", role="editor")
    assert store.workflow.claim_of(a.id).editor == "ed"
    move(store, a.id, "return", actor="ed", role="editor", note="Second source, please.")
    assert store.workflow.claim_of(a.id) is None
    edited = store.articles.get(a.id)
    edited.sources.append(Source("AP", kind="news agency"))
    store.articles.save(edited, author="amal")
    move(store, a.id, "submit", actor="amal", role="reporter")
    move(store, a.id, "approve", actor="ed", role="editor")
    assert store.articles.get(a.id).status == "approved"
    history = store.workflow.history(a.id)
    assert [(h.action, h.actor, h.to_status) for h in history] == [
        ("submit", "amal", "submitted"),
        ("start edit", "ed", "in_edit"),
        ("return", "ed", "returned"),
        ("submit", "amal", "submitted"),
        ("approve", "ed", "approved"),
    ]
    assert all(h.at for h in history)
    [note] = store.workflow.notes(a.id)
    assert (note.author, note.body, note.kind) == ("ed", "Second source, please.", "return")
    assert store.workflow.submitted_revision(a.id) > submitted


def test_forbidden_transitions_change_nothing(store):
    a = story(store)
    with pytest.raises(WorkflowError):
        move(store, a.id, "approve", actor="amal", role="reporter")
    assert store.articles.get(a.id).status == "draft"
    assert store.workflow.history(a.id) == []


def test_threaded_notes(store):
    a = story(store)
    root = store.workflow.add_note(a.id, "ed", "Is the figure right?")
    store.workflow.add_note(a.id, "amal", "Yes, from the ministry.", parent_id=root)
    notes = store.workflow.notes(a.id)
    assert [(n.author, n.parent_id) for n in notes] == [("ed", None), ("amal", root)]


def test_claims_refuse_others_until_taken_over(store):
    a = story(store)
    store.workflow.claim(a.id, "ed")
    with pytest.raises(ClaimedError, match="Being edited by ed"):
        store.workflow.claim(a.id, "sam")
    store.conn.execute("UPDATE claims SET claimed_at = '2020-01-01T00:00:00Z'")
    assert store.workflow.claim_of(a.id).is_stale()
    with pytest.raises(ClaimedError, match="stale"):
        store.workflow.claim(a.id, "sam")
    assert store.workflow.claim(a.id, "sam", force=True).editor == "sam"


def test_queue_breaking_first_then_oldest_with_counts(store):
    old = story(store, headline="old")
    move(store, old.id, "submit", actor="a", role="reporter")
    new = story(store, headline="new", edition="es")
    move(store, new.id, "submit", actor="a", role="reporter")
    breaking = story(store, headline="breaking", priority=1, section="Live")
    move(store, breaking.id, "submit", actor="a", role="reporter")
    story(store, headline="still a draft")
    store.conn.execute(
        "UPDATE articles SET updated_at = '2020-01-01T00:00:00Z' WHERE id = ?", (old.id,)
    )
    assert [r["headline"] for r in store.workflow.queue()] == ["breaking", "old", "new"]
    assert [r["headline"] for r in store.workflow.queue(edition="es")] == ["new"]
    assert store.workflow.queue_counts("section") == {"News": 2, "Live": 1}


def test_publishing_is_gated_by_the_checklist(store):
    a = story(store, tags=[])
    move(store, a.id, "submit", actor="amal", role="reporter")
    move(store, a.id, "approve", actor="ed", role="editor")
    with pytest.raises(ChecklistFailed) as info:
        move(store, a.id, "publish", actor="ed", role="editor")
    assert "The story has no tag." in str(info.value)
    assert "There is no lead photo." in str(info.value)
    assert store.articles.get(a.id).status == "approved"


def test_schedule_never_before_the_embargo(store):
    a = story(store, embargo_at="2030-01-01T08:00:00Z", section="Live")
    move(store, a.id, "submit", actor="amal", role="reporter")
    move(store, a.id, "approve", actor="ed", role="editor")
    with pytest.raises(WorkflowError, match="embargoed until 2030"):
        store.workflow.transition(
            a.id, "schedule", actor="ed", role="editor", scheduled_at="2029-12-31T08:00:00Z"
        )
    with pytest.raises(WorkflowError, match="embargoed"):
        store.workflow.transition(a.id, "publish", actor="ed", role="editor")
    store.workflow.transition(
        a.id, "schedule", actor="ed", role="editor", scheduled_at="2030-01-01T09:00:00Z"
    )
    assert store.articles.get(a.id).scheduled_at == "2030-01-01T09:00:00Z"


def test_correction_note_becomes_part_of_the_article(store):
    a = story(store, section="Live")
    for action in ("submit", "approve", "publish"):
        store.workflow.transition(a.id, action, actor="ed", role="editor")
    store.workflow.transition(
        a.id,
        "correct",
        actor="ed",
        role="editor",
        note="An earlier version misspelt the minister's name.",
    )
    assert store.articles.get(a.id).correction.startswith("An earlier version")
    assert store.articles.get(a.id).status == "published"


def test_spike_and_unspike_return_to_the_stage_before(store):
    a = story(store)
    store.workflow.transition(a.id, "submit", actor="amal", role="reporter")
    store.workflow.transition(a.id, "spike", actor="ed", role="editor")
    assert store.workflow.queue() == []
    store.workflow.transition(a.id, "unspike", actor="ed", role="editor")
    assert store.articles.get(a.id).status == "submitted"


def test_migration_4_from_schema_3_with_data(tmp_path):
    from newsdesk.store import open_store

    s = open_store(tmp_path, migrate=False)
    migrations.upgrade(s, target=3)
    s.conn.execute(
        "INSERT INTO articles (uuid, edition, headline, status, created_at, updated_at) "
        "VALUES ('u-1', 'en', 'Kept across the upgrade', 'submitted', 'now', 'now')"
    )
    assert migrations.upgrade(s) == list(range(4, migrations.LATEST + 1))
    article = s.articles.get_by_uuid("u-1")
    assert (article.headline, article.correction) == ("Kept across the upgrade", "")
    assert [r["headline"] for r in s.workflow.queue()] == ["Kept across the upgrade"]
    s.close()


def test_check_command_exit_status(tmp_path):
    from newsdesk.store import open_store

    data = tmp_path / "cli"
    s = open_store(data)
    good = story(s, section="Live")
    bad = story(s, headline="", tags=[])
    s.close()
    run = lambda *a: subprocess.run(  # noqa: E731
        [sys.executable, "-m", "newsdesk", "--data-dir", str(data), "check", *a],
        capture_output=True,
        text=True,
        timeout=60,
    )
    ok = run(str(good.id), "--json")
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert json.loads(ok.stdout)["ok"] is True
    failed = run(str(bad.id))
    assert failed.returncode == 1
    assert "FAIL  headline" in failed.stdout and "Blocked" in failed.stdout


def test_notes_merge_between_stores_as_a_union_keeping_threads(tmp_path):
    from newsdesk.store import open_store

    a, b = open_store(tmp_path / "a"), open_store(tmp_path / "b")
    story_a = story(a)
    story_b = story(b)
    root = a.workflow.add_note(story_a.id, "ed", "Is the figure right?")
    a.workflow.add_note(story_a.id, "amal", "Yes, from the ministry.", parent_id=root)
    b.workflow.add_note(story_b.id, "sam", "Photo desk: lead photo swapped.")
    exported = a.workflow.notes_export(story_a.id)
    assert b.workflow.notes_import(story_b.id, exported) == 2
    assert b.workflow.notes_import(story_b.id, exported) == 0, "importing twice adds nothing"
    assert b.workflow.notes_import(story_b.id, [{"body": "no author"}, "junk"]) == 0  # type: ignore[list-item]
    thread = b.workflow.notes(story_b.id)
    assert [(n.author, n.parent_id) for n in thread] == [
        ("sam", None),
        ("ed", None),
        ("amal", thread[1].id),
    ]
    assert a.outbox.pending(), "a new note queues the story so the note travels"
    a.close()
    b.close()
