"""Operations: every change to the newsroom, as one call into the core.

An operation takes the store (and what it needs), changes it in one
transaction, and returns what changed as `Changes`, so that screens can
refresh what concerns them instead of polling. No Qt here.
"""

from .articles import Created, Saved, StaleEdit, create_article, restore_revision, save_article
from .changes import Changes

__all__ = [
    "Changes",
    "Created",
    "Saved",
    "StaleEdit",
    "create_article",
    "restore_revision",
    "save_article",
]
