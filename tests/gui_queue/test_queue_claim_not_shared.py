"""A claim on a story whose site has no companion plugin stays on this desktop, and the
queue desk says so (README: limits without the plugin)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from test_queue_keys import EDITOR, key, select

from newsdesk.store.sites import Site
from newsdesk.store.sync_state import RemotePost


def test_c_claims_locally_and_says_the_claim_is_not_shared(qtbot, queue_desk, newsroom, store):
    desk = queue_desk
    story = newsroom["no_tags"]
    site = Site(name="english-site", url="https://news.example", username="nadia")
    store.sites.add(site)
    with store.atomic():
        store.sync.save_remote_post(
            RemotePost(story, site.id, "story-nd1", remote_id=41, state="synced")
        )
    select(desk, story)
    key(qtbot, desk, Qt.Key.Key_C)
    assert store.workflow.claim_of(story).editor == EDITOR
    assert desk.message.text() == (
        "You are editing this story. (not shared: the site has no Newsdesk plugin)"
    )
