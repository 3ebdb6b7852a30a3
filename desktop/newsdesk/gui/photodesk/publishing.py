"""Publish to the shared library: the selected photos go to the sites in the background.

A worker thread with its own store connection runs `ops.photos.publish_to_library`
(network and re-encoding take seconds a photo); the desk shows its progress and a
one-line result. The window stays responsive meanwhile.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QThread, Signal

from ...ops.photos import publish_to_library
from ...store import open_store

if TYPE_CHECKING:
    from .desk import PhotoDesk


class PublishThread(QThread):
    progress = Signal(int, int)  # done, total
    finishedResult = Signal(object)  # list of (site name, LibraryReport), or an Exception

    def __init__(self, store_folder: Path, photo_ids: list[int]) -> None:
        super().__init__()
        self.store_folder = store_folder
        self.photo_ids = photo_ids

    def run(self) -> None:
        result: Any
        store = open_store(self.store_folder)
        try:
            _, result = publish_to_library(
                store, self.photo_ids, progress=lambda d, t: self.progress.emit(d, t)
            )
        except Exception as exc:  # named in the desk, never a silent dead thread
            result = exc
        finally:
            store.close()
        self.finishedResult.emit(result)


def publish_selected(desk: PhotoDesk) -> PublishThread | None:
    """The desk's "Publish to library" (toolbar, Ctrl+Shift+U) for the selected photos."""
    ids = desk.selected_ids()
    running = getattr(desk, "publish_thread", None)
    if not ids:
        desk.message.setText("Select the photos to publish to the library first.")
        return None
    if running is not None and running.isRunning():
        desk.message.setText("Photos are being published; wait for it to finish.")
        return None
    thread = PublishThread(desk.store.folder, ids)
    thread.progress.connect(lambda done, total: _progress(desk, done, total))
    thread.finishedResult.connect(lambda result: _done(desk, ids, result))
    desk.publish_thread = thread
    desk.progress.setVisible(True)
    desk.progress.setValue(0)
    desk.message.setText(f"Publishing {len(ids)} photos to the library…")
    thread.start()
    return thread


def _progress(desk: PhotoDesk, done: int, total: int) -> None:
    desk.progress.setMaximum(max(total, 1))
    desk.progress.setValue(done)
    desk.message.setText(f"Publishing {done} of {total} photos to the library…")


def result_line(result: Any) -> str:
    if isinstance(result, Exception):
        return f"Not published: {result}"
    if not result:
        return "No site to publish to: add one in Preferences (Publishing sites)."
    parts = []
    for site, report in result:
        line = f"{site}: {len(report.sent)} published, {len(report.reused)} already in the library"
        if report.failed:
            line += f", {len(report.failed)} failed ({report.failed[0][1]})"
        parts.append(line)
    return "; ".join(parts) + "."


def _done(desk: PhotoDesk, ids: list[int], result: Any) -> None:
    from ...ops.changes import Changes

    desk.progress.setVisible(False)
    desk.message.setText(result_line(result))
    desk.ctx.announce(Changes(photos=frozenset(ids)), desk)
