"""The local SQLite store (the standard sqlite3 module). Imports domain only; never Qt."""

from .db import CorruptStoreError, NewerStoreError, NotFoundError, Store, StoreError, open_store

__all__ = [
    "CorruptStoreError",
    "NewerStoreError",
    "NotFoundError",
    "Store",
    "StoreError",
    "open_store",
]
