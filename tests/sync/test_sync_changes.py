"""A sync tells the desks what it changed: the `Changes` its operations returned.

The window announces `report.changes` when a sync ends; the desks and the open editor
refresh what it names. Two desktops and the real WordPress with the plugin: a story
that arrives, a merge, a claim taken on the site and a photo of the shared library
are each named, and an idle sync names nothing.
"""

from __future__ import annotations

import pytest

from newsdesk.ops import Changes
from newsdesk.ops.photos import publish_to_library

from .helpers import add_photo, connect, leave_the_library_overlap, new_store, sync, write

pytestmark = pytest.mark.wordpress


def _local_id(store, remote_id: int) -> int:
    site_id = store.sites.list()[0].id
    rp = store.sync.remote_post_by_remote_id(site_id, remote_id)
    assert rp is not None, "the post was not pulled"
    return rp.article_id


def test_the_report_names_what_the_sync_wrote(tmp_path, wordpress_plugin):
    wp = wordpress_plugin
    first, second = new_store(tmp_path / "first"), new_store(tmp_path / "second")
    connect(first, wp, "editor")
    connect(second, wp, "editor")
    story = write(first, headline="Harbour cranes stand idle", body="Dockers stopped at dawn.")
    assert sync(first).ok
    remote_id = first.sync.remote_post(story.id, first.sites.list()[0].id).remote_id

    arrived = sync(second)  # the story arrives on the second desktop
    assert arrived.ok, arrived
    theirs = _local_id(second, remote_id)
    assert arrived.changes.touches(theirs)
    assert sync(second).changes == Changes(), "an idle sync changed nothing"

    # Edited on the web and here, in different fields: the merge is named.
    with wp.client("administrator") as web:
        answer = web.post(f"/wp/v2/posts/{remote_id}", json={"title": "Cranes idle for a week"})
        assert answer.status_code == 200, answer.text
    story.standfirst = "The strike enters its seventh day."
    first.articles.save(story)
    merged = sync(first)
    assert merged.ok and merged.merged, merged
    assert merged.changes.touches(story.id)
    assert first.articles.get(story.id).headline == "Cranes idle for a week"

    # Another editor claims the story on the site: the queue hears of it.
    with wp.client("administrator") as web:
        claimed = web.post(f"/newsdesk/v1/posts/{remote_id}/claim", json={"take_over": True})
        assert claimed.status_code == 200, claimed.text
    report = sync(second)
    assert report.changes.touches(theirs) and report.changes.queue, report.changes
    assert second.workflow.claim_of(theirs) is not None

    # A photo sent to the shared library arrives on the other desktop: named too.
    photo = add_photo(
        first, tmp_path, caption="Cranes at rest.", credit="Staff", alt="Cranes", seed=141
    )
    publish_to_library(first, [photo.id])
    report = sync(second)
    assert second.photos.get_by_uuid(photo.uuid).id in report.changes.photos, report.changes
    leave_the_library_overlap()
