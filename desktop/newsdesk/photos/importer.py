"""Importing photos: hash, check, thumbnail and copy in worker processes; rows on the caller's thread.

`prepare_file` does all the slow work for one file and touches no database, so
it runs in a process pool; `import_files` feeds the results to the store one
by one. A bad file becomes an ImportProblem naming it, and the rest of the
import goes on. Originals are copied under the media folder, named by their
SHA-256, made read-only, and never written again.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import stat
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from contextlib import suppress
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..domain.photo import Photo, original_relpath, thumbnail_relpath
from ..store.db import is_disk_full
from .imaging import (
    DEFAULT_MAX_PIXELS,
    EXTENSIONS,
    IMAGE_SUFFIXES,
    PhotoFileError,
    inspect_image,
    write_thumbnail,
)
from .metadata import read_metadata

if TYPE_CHECKING:
    from ..store.db import Store

_CHUNK = 1 << 20


@dataclass
class PreparedPhoto:
    """Everything the store needs to add one photo; made without the database."""

    source: str
    sha256: str
    file_path: str  # relative to the media folder
    original_name: str
    format: str
    width: int
    height: int
    file_size: int
    fields: dict[str, Any]
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class ImportProblem:
    source: str
    message: str


@dataclass
class ImportReport:
    added: list[Photo] = field(default_factory=list)
    duplicates: list[Photo] = field(default_factory=list)
    problems: list[ImportProblem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def photos(self) -> list[Photo]:
        """Every photo the files now correspond to, new or already in the library."""
        return [*self.added, *self.duplicates]


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def expand_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Files as given, and the image files inside folders (recursively, hidden ones skipped).

    A file named explicitly is kept whatever its suffix, so a wrong file gets a clear message.
    """
    out: list[Path] = []
    for item in paths:
        path = Path(item)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith(".") and Path(name).suffix.lower() in IMAGE_SUFFIXES:
                        out.append(Path(root) / name)
        else:
            out.append(path)
    return out


def prepare_file(
    source: str, media_dir: str, max_pixels: int = DEFAULT_MAX_PIXELS
) -> PreparedPhoto | ImportProblem:
    """Check, hash, thumbnail and copy one file. Never raises for a bad file."""
    path = Path(source)
    try:
        if not path.is_file():
            return ImportProblem(source, f"{path.name}: no such file.")
        info = inspect_image(path, max_pixels)
        digest = sha256_of(path)
        media = Path(media_dir)
        thumb = media / thumbnail_relpath(digest)
        if not thumb.exists():
            write_thumbnail(path, thumb)  # decodes the whole picture: a damaged one fails here
        relpath = original_relpath(digest, EXTENSIONS.get(info.format, path.suffix or ".img"))
        _copy_original(path, media / relpath)
        fields, notes = read_metadata(media / relpath, path.name)
        return PreparedPhoto(
            source=source,
            sha256=digest,
            file_path=relpath,
            original_name=path.name,
            format=info.format,
            width=info.width,
            height=info.height,
            file_size=path.stat().st_size,
            fields=fields,
            notes=notes,
        )
    except PhotoFileError as exc:
        return ImportProblem(source, str(exc))
    except MemoryError:
        return ImportProblem(source, f"{path.name}: too large to decode in the memory available.")
    except OSError as exc:
        if is_disk_full(exc):
            raise  # not this file's problem: no photo fits; the import stops and says so
        return ImportProblem(source, f"{path.name}: could not be read or copied ({exc}).")


def _copy_original(source: Path, destination: Path) -> None:
    if destination.exists():
        return  # same name = same SHA-256 = same bytes
    destination.parent.mkdir(parents=True, exist_ok=True)
    temp = destination.with_name(f".{destination.name}.{os.getpid()}.tmp")
    shutil.copyfile(source, temp)
    os.chmod(temp, stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)  # originals are never modified
    os.replace(temp, destination)


def default_workers() -> int:
    return max(1, min(os.cpu_count() or 1, 4))


def _lower_priority() -> None:
    """Worker processes yield the CPU to the window: its event loop must never wait on them."""
    with suppress(OSError, AttributeError):
        os.nice(10)


def _pool(workers: int) -> Executor:
    # spawn: a forked copy of a process running Qt threads can deadlock
    return ProcessPoolExecutor(
        max_workers=workers, mp_context=get_context("spawn"), initializer=_lower_priority
    )


def prepare_many(
    paths: Sequence[Path],
    media_dir: Path,
    *,
    workers: int = 1,
    max_pixels: int = DEFAULT_MAX_PIXELS,
    executor: Executor | None = None,
    processes: bool | None = None,
) -> Iterator[PreparedPhoto | ImportProblem]:
    """prepare_file over many files, in order.

    In `workers` processes when more than one, or when `processes` is True (a window
    wants even a single decoder out of its own process, away from its UI thread).
    """
    sources = [str(p) for p in paths]
    use_pool = processes if processes is not None else workers > 1 and len(sources) >= 3
    if executor is None and not use_pool:
        for source in sources:
            yield prepare_file(source, str(media_dir), max_pixels)
        return
    pool = executor or _pool(workers)
    try:
        chunk = max(1, min(8, len(sources) // (max(workers, 1) * 4) or 1))
        yield from pool.map(
            prepare_file,
            sources,
            [str(media_dir)] * len(sources),
            [max_pixels] * len(sources),
            chunksize=chunk,
        )
    finally:
        if executor is None:
            pool.shutdown(cancel_futures=True)


def import_files(
    store: Store,
    paths: Iterable[str | Path],
    *,
    workers: int | None = None,
    max_pixels: int = DEFAULT_MAX_PIXELS,
    on_progress: Callable[[int, int, PreparedPhoto | ImportProblem], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
    processes: bool | None = None,
) -> ImportReport:
    """Import files and folders into the library; bad files are reported, never fatal."""
    files = expand_paths(paths)
    report = ImportReport()
    workers = default_workers() if workers is None else workers
    results = prepare_many(
        files, store.media_dir, workers=workers, max_pixels=max_pixels, processes=processes
    )
    for done, result in enumerate(results, start=1):
        if isinstance(result, ImportProblem):
            report.problems.append(result)
        else:
            photo, created = store.photos.add_prepared(result)
            (report.added if created else report.duplicates).append(photo)
            report.notes.extend(result.notes)
        if on_progress is not None:
            on_progress(done, len(files), result)
        if should_stop is not None and should_stop():
            break
    return report
