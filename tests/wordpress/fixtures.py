"""pytest fixtures: one private WordPress per session, with and without the plugin.

Import them in a conftest.py: `from wordpress.fixtures import *  # noqa: F403`.
Both sites share one MariaDB; each starts only when a test first asks for it,
and everything is stopped and deleted when the session ends.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from .server import Harness, WordPress

__all__ = ["wordpress", "wordpress_archive", "wordpress_harness", "wordpress_plugin"]

ARCHIVE_POSTS = 650  # seven pages of 100


@pytest.fixture(scope="session")
def wordpress_harness() -> Iterator[Harness]:
    harness = Harness()
    try:
        yield harness
    finally:
        harness.stop()


@pytest.fixture(scope="session")
def wordpress(wordpress_harness: Harness) -> WordPress:
    """A stock WordPress (no companion plugin): users per role with application passwords."""
    return wordpress_harness.site(with_plugin=False)


@pytest.fixture(scope="session")
def wordpress_plugin(wordpress_harness: Harness) -> WordPress:
    """The same, with packaging/wordpress/newsdesk-sync.php as a mu-plugin."""
    return wordpress_harness.site(with_plugin=True)


@pytest.fixture(scope="session")
def wordpress_archive(wordpress_harness: Harness) -> WordPress:
    """A site of its own holding an archive of ARCHIVE_POSTS posts (bulk SQL), for the
    tests of paging and resuming that other tests' posts must not disturb."""
    from .seed import seed_posts

    site = wordpress_harness.named_site("wp_archive", with_plugin=False)
    if not getattr(site, "seeded", False):
        seed_posts(site, ARCHIVE_POSTS, words=120)
        site.seeded = True  # type: ignore[attr-defined]
    return site
