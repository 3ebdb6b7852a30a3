"""Files attached to a source (a PDF, a recording, a picture), kept in the store's folder.

Files are stored by content (sha256), so attaching the same document twice
keeps one copy; the original name is kept for the person who opens it.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import StoreError

if TYPE_CHECKING:
    from .db import Store

# Generous: a long interview recording fits; a disc image does not.
MAX_ATTACHMENT_BYTES = 2 * 1024**3
_CHUNK = 1024 * 1024


def attach_file(store: Store, source: Path | str) -> str:
    """Copy `source` into the store; returns its path relative to the store's folder."""
    path = Path(source).expanduser()
    if not path.exists():
        raise StoreError(f"{path}: no such file.")
    if not path.is_file():
        raise StoreError(f"{path}: is a folder, not a file; attach a single file.")
    size = path.stat().st_size
    if size > MAX_ATTACHMENT_BYTES:
        raise StoreError(
            f"{path}: {size / 1024**3:.1f} GB is over the {MAX_ATTACHMENT_BYTES // 1024**3} GB "
            "limit for an attached file."
        )
    digest = hashlib.sha256()
    try:
        with path.open("rb") as handle:
            while chunk := handle.read(_CHUNK):
                digest.update(chunk)
    except OSError as exc:
        raise StoreError(f"{path}: cannot be read ({exc.strerror or exc}).") from exc
    folder = store.files_dir / digest.hexdigest()[:16]
    target = folder / _safe_name(path.name)
    if not target.exists():
        folder.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(target.name + ".part")
        try:
            shutil.copyfile(path, partial)
            partial.replace(target)  # never leave a half-copied file under the real name
        except OSError as exc:
            partial.unlink(missing_ok=True)
            raise StoreError(f"{path}: could not be copied into the store ({exc}).") from exc
    return target.relative_to(store.folder).as_posix()


def attachment_path(store: Store, relative: str) -> Path:
    """The real file behind a Source.file_path (which may have gone missing)."""
    path = (store.folder / relative).resolve()
    if store.folder.resolve() not in path.parents:
        raise StoreError(f"{relative}: an attachment must live inside the store's folder.")
    return path


def _safe_name(name: str) -> str:
    cleaned = "".join(ch for ch in name if ch not in '/\\\x00:*?"<>|').strip(". ")
    return cleaned or "attachment"
