"""The sync tests: a real WordPress (tests/wordpress) and an in-memory keyring."""

from __future__ import annotations

import keyring
import pytest

from wordpress.fixtures import *  # noqa: F403

from .memory_keyring import MemoryKeyring


@pytest.fixture(autouse=True)
def memory_keyring():
    """Every sync test gets a fresh in-memory keyring; the real one is never touched."""
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture(scope="session")
def blockcheck(wordpress_harness):
    """The block editor's validator (node + jsdom), fed the scripts of the test WordPress.

    Missing node or npm packages fail the test under CI; elsewhere they skip it, saying why.
    """
    from .blockcheck import start

    site = wordpress_harness.site(with_plugin=True)
    checker = start(site.url, site.wpdir)
    yield checker
    checker.close()
