"""Shared steps for the sync tests: a store connected to a test site as some role."""

from __future__ import annotations

from pathlib import Path

from newsdesk.domain.article import Article, now_utc
from newsdesk.ops.sites import add_site
from newsdesk.store import Store, open_store
from newsdesk.sync.engine import SyncEngine
from wordpress.server import WordPress


def connect(
    store: Store,
    wp: WordPress,
    role: str = "editor",
    name: str = "english-site",
    *,
    from_now: bool = True,
    url_override: str = "",
    **kwargs,
):
    """Add `wp` as a site for `role`; `from_now` skips posts other tests left on the server.

    `url_override` reaches the same server another way (through the fault proxy).
    """
    user = wp.users[role]
    url = url_override or wp.url
    site = add_site(store, name, url, user.login, user.app_password, **kwargs).site
    if from_now:
        store.sites.set_pulled_until(site.id, now_utc().rstrip("Z"))
        site = store.sites.get(site.id)
    return site


def ensure_category(wp: WordPress, name: str) -> None:
    """The category exists on `wp` (made by an administrator if no test made it yet), so
    an author's story in it goes out without the missing-category warning."""
    with wp.client("administrator") as web:
        made = web.post("/wp/v2/categories", json={"name": name})
        assert made.status_code == 201 or made.json()["code"] == "term_exists", made.text


def new_store(folder: Path) -> Store:
    return open_store(folder)


def write(store: Store, **fields) -> Article:
    article = Article(**{"headline": "A headline", "body": "First paragraph.", **fields})
    store.articles.create(article, author="test")
    return article


def sync(store: Store, **kwargs):
    return SyncEngine(store, **kwargs).sync()


def add_photo(store: Store, folder: Path, *, caption: str, credit: str, alt: str, seed: int = 0):
    """A real JPEG imported through the photo desk's importer, captioned."""
    from PIL import Image

    from newsdesk.photos.importer import import_files

    path = folder / f"photo-{seed}.jpg"
    Image.new("RGB", (320, 200), ((seed * 37) % 256, (seed * 91) % 256, 120)).save(path, "JPEG")
    report = import_files(store, [path], workers=1)
    assert report.photos, report.problems
    photo = report.photos[0]
    return store.photos.update(photo.id, caption=caption, credit=credit, alt_text=alt)


def seed_posts(wp: WordPress, count: int, title: str, paragraphs: int = 8) -> None:
    """`count` posts made on the server directly (25 a /batch/v1 request), as another
    newsroom tool would leave them: a pull has that much to bring."""
    with wp.client("editor") as web:
        for start in range(0, count, 25):
            requests = [
                {
                    "method": "POST",
                    "path": "/wp/v2/posts",
                    "body": {"title": f"{title} {n}", "content": "<p>Some text.</p>" * paragraphs},
                }
                for n in range(start, min(count, start + 25))
            ]
            web.post("/batch/v1", json={"requests": requests}).raise_for_status()


def leave_the_library_overlap() -> None:
    """Library pulls read one second back: the next test's fresh desk would count what
    this test changed last as new there. Wait until the clock is past that window."""
    import time
    from datetime import UTC, datetime, timedelta

    done = datetime.now(UTC).replace(microsecond=0) + timedelta(seconds=2)
    while datetime.now(UTC) < done:
        time.sleep(0.05)
