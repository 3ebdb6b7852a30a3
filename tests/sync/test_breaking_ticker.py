"""A breaking ticker line against the real WordPress: published with a "Breaking" category.

How a ticker item maps to WordPress: a published post whose title is the whole
line (attribution prefix included), in the categories "Live" (its section) and
"Breaking" (priority 1). The site shows its ticker from the "Breaking" category,
newest first; editing the line updates the post, removing it (spike) turns the
post back into a draft, so it leaves the site.
"""

from __future__ import annotations

import time

import pytest

from newsdesk.services import ticker

from .helpers import connect, new_store, sync

pytestmark = pytest.mark.wordpress


def _post(wordpress, post_id):
    with wordpress.client("editor") as c:
        post = c.get(f"/wp/v2/posts/{post_id}", params={"context": "edit"}).json()
        names = {
            t["name"]
            for t in c.get(
                "/wp/v2/categories", params={"include": ",".join(map(str, post["categories"]))}
            ).json()
        }
    return post, names


def test_a_ticker_line_reaches_the_site_in_seconds_as_breaking(store, wordpress, tmp_path):
    site = connect(store, wordpress, "editor")
    colleague = new_store(tmp_path / "colleague")  # a second desk on the same site
    connect(colleague, wordpress, "editor")
    started = time.perf_counter()
    item = ticker.publish_line(
        store, "Palestinian media: Crossing reopens to aid trucks", actor="Nadia Editor"
    )
    report = sync(store)
    elapsed = time.perf_counter() - started
    assert report.ok, report
    print(f"\nbreaking line: typing to the site in {elapsed:.2f} s")
    assert elapsed < 10, f"typing to site took {elapsed:.1f} s"
    remote = store.sync.remote_post(item.id, site.id)
    post, categories = _post(wordpress, remote.remote_id)
    assert post["status"] == "publish"
    assert post["title"]["raw"] == "Palestinian media: Crossing reopens to aid trucks"
    assert categories == {"Live", "Breaking"}

    # the site's ticker: the Breaking category, newest first, public
    with wordpress.client("editor") as c:
        [breaking] = c.get("/wp/v2/categories", params={"slug": "breaking"}).json()
        listed = c.get(
            "/wp/v2/posts", params={"categories": breaking["id"], "orderby": "date"}
        ).json()
    assert listed[0]["id"] == remote.remote_id

    # the colleague's store pulls it back as a breaking ticker item
    assert sync(colleague).ok
    assert [i.line for i in ticker.items(colleague)] == [
        "Palestinian media: Crossing reopens to aid trucks"
    ]
    colleague.close()

    ticker.edit_line(
        store, item.id, "Palestinian media: Crossing reopens to 40 aid trucks", actor="Nadia Editor"
    )
    assert sync(store).ok
    post, _ = _post(wordpress, remote.remote_id)
    assert post["title"]["raw"].endswith("40 aid trucks") and post["status"] == "publish"

    ticker.remove(store, item.id, actor="Nadia Editor")
    assert sync(store).ok
    post, _ = _post(wordpress, remote.remote_id)
    assert post["status"] == "draft"  # off the site, still on the server and in the store


def test_an_ordinary_story_gets_no_breaking_category(store, wordpress):
    from .helpers import write

    site = connect(store, wordpress, "editor")
    article = write(store, headline="Budget passes", section="News", status="published")
    assert sync(store).ok
    _, categories = _post(wordpress, store.sync.remote_post(article.id, site.id).remote_id)
    assert categories == {"News"}
