"""The issue's "done when": a reporter drafts offline, reconnects, and the post is on the site
with its photo, caption and tags, while an editor's simultaneous web edit is kept."""

from __future__ import annotations

import httpx
import pytest

from newsdesk.sync.engine import SyncEngine

from .helpers import add_photo, connect, write
from .proxy import FaultProxy

pytestmark = pytest.mark.wordpress


@pytest.mark.parametrize("with_plugin", [False, True], ids=["plain", "plugin"])
def test_offline_draft_reaches_the_site_and_the_editors_web_edit_survives(
    store, tmp_path, wordpress, wordpress_plugin, with_plugin
):
    wp = wordpress_plugin if with_plugin else wordpress
    with FaultProxy(wp.url) as link:
        # Publishing sets the editorial stage, which the companion plugin leaves to
        # editors (an author may only submit: test_source_protection.py); stock
        # WordPress lets an author publish their own post.
        role = "editor" if with_plugin else "author"
        connect(store, wp, role, name="english-site", url_override=link.url)
        story = write(store, headline="Floods close the coastal road", status="submitted",
                      body="Water rose overnight.\n\nThe road is closed.", section="News")  # fmt: skip
        assert SyncEngine(store).sync().ok
        rp = store.sync.remote_post(story.id, store.sites.list()[0].id)

        # On the plane: no network. The reporter keeps working.
        link.set_offline(True)
        photo = add_photo(store, tmp_path, caption="The coastal road under water",
                          credit="Reuters", alt="A flooded road with a bus", seed=7)  # fmt: skip
        story.lead_photo_id = photo.id
        story.tags = ["Floods", "Weather"]
        story.body = "Water rose overnight.\n\nThe road is closed until Friday, police said."
        story.status = "published"
        store.articles.save(story)
        offline = SyncEngine(store).sync()
        assert offline.offline and store.outbox.count_pending() == 1

        # Meanwhile the editor fixes the headline in the web editor.
        with wp.client("editor") as web:
            web.post(f"/wp/v2/posts/{rp.remote_id}", json={"title": "Floods close coastal road"})

        # Landing: the network is back.
        link.set_offline(False)
        report = SyncEngine(store).sync()
        assert report.ok, report
        assert store.outbox.count_pending() == 0

    with wp.client("editor") as web:
        post = web.get(f"/wp/v2/posts/{rp.remote_id}", params={"context": "edit"}).json()
        tags = web.get("/wp/v2/tags", params={"include": ",".join(map(str, post["tags"]))}).json()
        media = web.get(f"/wp/v2/media/{post['featured_media']}").json()
    assert post["status"] == "publish"
    assert post["title"]["raw"] == "Floods close coastal road"  # the editor's edit is kept
    assert "until Friday, police said" in post["content"]["raw"]  # the reporter's too
    assert sorted(t["name"] for t in tags) == ["Floods", "Weather"]
    assert media["caption"]["rendered"].strip() == "<p>The coastal road under water. (Reuters)</p>"
    assert media["alt_text"] == "A flooded road with a bus"
    assert httpx.get(media["source_url"]).status_code == 200  # the file is served
    public = httpx.get(f"{wp.api}/wp/v2/posts/{rp.remote_id}").json()  # anonymous: it is public
    assert "until Friday" in public["content"]["rendered"]
    assert store.articles.get(story.id).headline == "Floods close coastal road"
