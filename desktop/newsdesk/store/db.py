"""Opening the store: file checks, pragmas, migrations."""

from __future__ import annotations

import contextlib
import errno
import shutil
import sqlite3
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from . import migrations
from .errors import CorruptStoreError, DiskFullError, NewerStoreError, NotFoundError, StoreError

DB_NAME = "newsdesk.db"
_SQLITE_HEADER = b"SQLite format 3\x00"
# Writers in this process waiting for a database's write lock, by file. SQLite
# hands the lock to whoever asks first once it is free, so a long writer (the
# sync's pull) steps aside between its transactions while this says someone waits.
_WAITING_WRITERS: Counter[str] = Counter()

__all__ = [
    "CorruptStoreError",
    "DiskFullError",
    "NewerStoreError",
    "NotFoundError",
    "Store",
    "StoreError",
    "open_store",
]


class Store:
    """One open Newsdesk store: the database plus its folder of files."""

    def __init__(self, folder: Path, conn: sqlite3.Connection) -> None:
        self.folder = folder
        self.conn = conn
        self._depth = 0
        self.is_new = False  # created by this open (samples are seeded only then)
        # Imported here: each repository module type-checks against Store.
        from .articles import Articles
        from .autosaves import Autosaves
        from .house import House
        from .outbox import Outbox
        from .photos import Photos
        from .revisions import Revisions
        from .search import Search
        from .sites import Sites
        from .sync_state import SyncState
        from .tags import Tags
        from .taxonomy import Taxonomy
        from .workflow import Workflow

        self.articles = Articles(self)
        self.revisions = Revisions(self)
        self.tags = Tags(self)
        self.search = Search(self)
        self.autosaves = Autosaves(self)
        self.outbox = Outbox(self)
        self.taxonomy = Taxonomy(self)
        self.photos = Photos(self)
        self.sites = Sites(self)
        self.sync = SyncState(self)
        self.workflow = Workflow(self)
        self.house = House(self)

    @property
    def files_dir(self) -> Path:
        path = self.folder / "files"
        path.mkdir(parents=True, exist_ok=True)
        return path

    @property
    def media_dir(self) -> Path:
        path = self.folder / "media"
        path.mkdir(parents=True, exist_ok=True)
        return path

    @property
    def in_atomic(self) -> bool:
        return self._depth > 0

    @contextmanager
    def atomic(self) -> Iterator[sqlite3.Connection]:
        """A transaction; nested calls become savepoints. All or nothing."""
        name = f"sp{self._depth}"
        if self._depth == 0:
            self.conn.execute("BEGIN IMMEDIATE")
        else:
            self.conn.execute(f"SAVEPOINT {name}")
            self.search.savepoint()
        self._depth += 1
        try:
            yield self.conn
        except BaseException:
            self._depth -= 1
            if self._depth == 0:
                self.search.discard()
            else:
                self.search.rollback_to()
            # SQLite may have ended the transaction itself (SQLITE_FULL, an
            # interrupt): rolling back then would hide the first error.
            if self.conn.in_transaction:
                if self._depth == 0:
                    self.conn.execute("ROLLBACK")
                else:
                    self.conn.execute(f"ROLLBACK TO {name}")
                    self.conn.execute(f"RELEASE {name}")
            raise
        self._depth -= 1
        if self._depth > 0:
            self.conn.execute(f"RELEASE {name}")
            self.search.release()
            return
        try:
            self.search.flush()  # the full-text index's writes, once, before the commit
            self.conn.execute("COMMIT")
        except BaseException:
            # A failed COMMIT (disk full, busy, a deferred constraint) leaves the
            # transaction open: every later BEGIN would fail and the half-done
            # writes would ride along with the next commit.
            self.search.discard()
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise

    def waiting_to_write(self, waiting: bool) -> None:
        """Say that a write of this process is (or no longer is) waiting for the lock."""
        _WAITING_WRITERS[str(self.folder)] += 1 if waiting else -1

    @property
    def writers_waiting(self) -> bool:
        """Another writer of this process waits: a long writer should step aside a moment."""
        return _WAITING_WRITERS[str(self.folder)] > 0

    @property
    def schema_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    @property
    def path(self) -> Path:
        return self.folder / DB_NAME

    def close(self) -> None:
        """Close; first let SQLite refresh the planner's statistics where the queries of
        this connection showed they are missing or stale (its advice for every close).
        `analysis_limit` bounds the work on a big store; a busy or read-only store skips it."""
        with contextlib.suppress(sqlite3.Error):
            self.conn.execute("PRAGMA analysis_limit = 400")
            self.conn.execute("PRAGMA optimize")
        self.conn.close()


def _check_file(path: Path) -> None:
    if not path.exists():
        return
    if path.is_dir():
        raise CorruptStoreError(f"{path} is a folder, not a Newsdesk database.")
    size = path.stat().st_size
    if size == 0:
        return  # an empty file is what sqlite itself creates; safe to initialise
    with path.open("rb") as handle:
        header = handle.read(len(_SQLITE_HEADER))
    if header != _SQLITE_HEADER:
        raise CorruptStoreError(
            f"{path} is not a SQLite database (it may be damaged or another program's file). "
            "Newsdesk has left it untouched; move it aside or choose another data folder."
        )


def connect(path: Path) -> sqlite3.Connection:
    # isolation_level=None: we issue BEGIN/COMMIT ourselves (see Store.atomic).
    conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False, timeout=10)
    try:
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA busy_timeout = 10000")
        # A large store does not fit SQLite's default 2 MB page cache; list and
        # search rows are random reads. Memory-mapped reads halve their cost.
        conn.execute("PRAGMA cache_size = -65536")
        conn.execute("PRAGMA mmap_size = 268435456")
    except BaseException:
        conn.close()
        raise
    return conn


def open_store(folder: Path | str, *, migrate: bool = True) -> Store:
    """Open (creating if new) the store in `folder`, upgraded to the current schema.

    A database from a newer Newsdesk, or a file that is not a SQLite database,
    raises a StoreError and is not written to.
    """
    folder = Path(folder)
    path = folder / DB_NAME
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        if is_disk_full(exc):
            raise disk_full_error(path, "create") from exc
        raise StoreError(f"Cannot create the data folder {folder}: {exc.strerror}.") from exc
    _check_file(path)
    # Files this open creates: when it creates the database too (no other process
    # can be using them), they are removed again if it fails before the store is made.
    created = [p for p in _db_files(path) if not p.exists()]
    try:
        conn = connect(path)
    except sqlite3.DatabaseError as exc:
        new = path in created
        if new:
            _remove(created)
        raise _open_failure(path, exc, new=new) from exc
    try:
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        if version > migrations.LATEST:
            raise NewerStoreError(
                f"{path} was written by a newer Newsdesk (schema {version}; this version "
                f"knows up to {migrations.LATEST}). It has been left untouched: "
                "update Newsdesk to open it."
            )
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        store = Store(folder, conn)
        store.is_new = version == 0
        if migrate:
            migrations.upgrade(store)
        return store
    except sqlite3.DatabaseError as exc:
        conn.close()
        new = path in created
        if new:  # nothing but an empty schema: leave no half-made store behind
            _remove(created)
        raise _open_failure(path, exc, new=new) from exc
    except BaseException:
        conn.close()
        raise


# ENOSPC: no room on the device; EDQUOT: the user's quota is used up.
_NO_ROOM = {errno.ENOSPC, errno.EDQUOT}


def is_disk_full(exc: BaseException, folder: Path | None = None) -> bool:
    """SQLite's SQLITE_FULL, or a file write that found no room.

    With `folder`, an I/O error on a disk with no room left counts too: SQLite
    reports a -shm file it cannot grow as SQLITE_IOERR, not SQLITE_FULL.
    """
    if isinstance(exc, sqlite3.Error):
        code = getattr(exc, "sqlite_errorcode", None)
        if code == sqlite3.SQLITE_FULL:
            return True
        return code is not None and code & 0xFF == sqlite3.SQLITE_IOERR and _no_room(folder)
    return isinstance(exc, OSError) and exc.errno in _NO_ROOM


def _no_room(folder: Path | None) -> bool:
    if folder is None:
        return False
    try:
        return shutil.disk_usage(folder).free < 64 * 1024
    except OSError:
        return False


def disk_full_error(store_path: Path, doing: str) -> DiskFullError:
    return DiskFullError(f"The disk is full: cannot {doing} the store at {store_path}.")


def _open_failure(path: Path, exc: sqlite3.DatabaseError, *, new: bool) -> StoreError:
    if is_disk_full(exc, path.parent):
        return disk_full_error(path, "create" if new else "open")
    return CorruptStoreError(
        f"{path} could not be read as a database ({exc}). It has been left untouched."
    )


def _db_files(path: Path) -> list[Path]:
    return [path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")]


def _remove(paths: list[Path]) -> None:
    """Take away the half-made files of a store that could not be created: they hold
    nothing yet and would only fill the disk."""
    for p in paths:
        p.unlink(missing_ok=True)
