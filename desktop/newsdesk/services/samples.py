"""Sample articles for a new store, so a newcomer sees a working newsroom at once."""

from __future__ import annotations

from pathlib import Path

from ..paths import resource_path
from ..store import Store
from .transfer import import_files


def sample_files() -> list[Path]:
    return sorted(resource_path("samples").glob("*.md"))


def seed_if_new(store: Store) -> int:
    """Import the samples into a store created just now; returns how many were added."""
    if not store.is_new or store.articles.count():
        return 0
    # Samples stay local: they reach a server only once someone edits one.
    return len(import_files(store, sample_files(), author="Newsdesk samples", queue=False))
