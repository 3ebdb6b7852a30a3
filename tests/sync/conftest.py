"""The sync tests: a real WordPress (tests/wordpress) and an in-memory keyring."""

from __future__ import annotations

import os

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
    from .blockcheck import BlockCheck, BlockCheckMissing

    site = wordpress_harness.site(with_plugin=True)
    try:
        checker = BlockCheck(site.url, site.wpdir)
    except BlockCheckMissing as missing:
        if os.environ.get("CI") == "true":
            pytest.fail(f"The block validator cannot run under CI: {missing}")
        pytest.skip(f"The block validator cannot run: {missing}")
    yield checker
    checker.close()
