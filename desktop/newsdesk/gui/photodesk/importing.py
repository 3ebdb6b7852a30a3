"""Imports in the background: a worker thread with its own store connection and a process pool.

The UI thread only receives signals: progress, the ids of new photos (in small
batches), and the final report. SQLite's WAL lets the grid read meanwhile.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QThread, Signal

from ...domain.captions import DEFAULT_CAPTION_STYLE, CaptionStyle
from ...photos.importer import ImportProblem, ImportReport, PreparedPhoto, import_files
from ...store import open_store


class ImportThread(QThread):
    progress = Signal(int, int, str)  # done, total, file name
    photosAdded = Signal(list)  # ids, a few at a time
    finishedReport = Signal(object)  # ImportReport

    def __init__(
        self,
        store_folder: Path,
        paths: list[str],
        workers: int | None = None,
        caption_style: CaptionStyle = DEFAULT_CAPTION_STYLE,
    ) -> None:
        super().__init__()
        self.caption_style = caption_style  # the checks stored with new photos follow it
        self.store_folder = store_folder
        self.paths = paths
        self.workers = workers
        self._stop = False
        self._batch: list[int] = []

    def stop(self) -> None:
        self._stop = True

    def run(self) -> None:
        store = open_store(self.store_folder)
        store.photos.caption_style = self.caption_style
        report = ImportReport()
        try:

            def progress(done: int, total: int, result: object) -> None:
                name = Path(getattr(result, "source", "")).name
                self.progress.emit(done, total, name)
                if isinstance(result, PreparedPhoto):
                    found = store.photos.find_by_sha(result.sha256)
                    if found is not None and found.id is not None:
                        self._batch.append(found.id)
                if len(self._batch) >= 8 or done == total:
                    self.photosAdded.emit(list(self._batch))
                    self._batch.clear()

            # Decoding happens in other processes, one core left to the window.
            workers = self.workers or max(1, min(4, (os.cpu_count() or 2) - 1))
            report = import_files(
                store,
                self.paths,
                workers=workers,
                processes=True,
                on_progress=progress,
                should_stop=lambda: self._stop,
            )
            if self._batch:
                self.photosAdded.emit(list(self._batch))
        except Exception as exc:  # reported in the desk, never a silent dead thread
            report.problems.append(ImportProblem("", f"The import stopped: {exc}"))
        finally:
            store.close()
            self.finishedReport.emit(report)
