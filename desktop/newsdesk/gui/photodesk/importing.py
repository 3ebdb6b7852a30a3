"""Imports in the background: files prepared on a thread, stored by the database worker.

Decoding, thumbnails and hashes (the slow part) run on a thread with a process
pool and no store connection. Each batch of prepared photos is handed to the
main thread, which queues it as an operation on the database worker
(`ops.photos.add_prepared_photos`, announced there): between two batches the
worker takes the other operations (the editor's journal, a save), so a long
import never holds the store for long. The UI thread only receives signals:
progress, the ids of new photos (a batch at a time), and the final report, sent
once the last batch is stored.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QThread, Signal

from ...ops.photos import StoredPhotos, add_prepared_photos
from ...photos.importer import (
    ImportProblem,
    ImportReport,
    PreparedPhoto,
    expand_paths,
    prepare_many,
)
from ...store import Store
from ..runner import Runner

BATCH = 8  # photos stored per operation


class ImportThread(QThread):
    progress = Signal(int, int, str)  # done, total, file name
    photosAdded = Signal(list)  # ids, a batch at a time
    finishedReport = Signal(object)  # ImportReport
    _prepared = Signal(list)  # a batch to store (thread → main thread)
    _ended = Signal(list)  # problems; nothing more to store

    def __init__(
        self, runner: Runner, media_dir: Path, paths: list[str], workers: int | None = None
    ) -> None:
        super().__init__()
        self.runner = runner
        self.media_dir = media_dir
        self.paths = paths
        self.workers = workers
        self.report = ImportReport()
        self._stop = False
        # Queued: the slots run on the main thread, which owns the runner.
        self._prepared.connect(self._store_batch)
        self._ended.connect(self._finish)

    def stop(self) -> None:
        self._stop = True

    def run(self) -> None:
        problems: list[ImportProblem] = []
        batch: list[PreparedPhoto] = []
        try:
            files = expand_paths(self.paths)
            # Decoding happens in other processes, one core left to the window.
            workers = self.workers or max(1, min(4, (os.cpu_count() or 2) - 1))
            results = prepare_many(files, self.media_dir, workers=workers, processes=True)
            for done, result in enumerate(results, start=1):
                if isinstance(result, ImportProblem):
                    problems.append(result)
                else:
                    batch.append(result)
                if len(batch) >= BATCH:
                    self._prepared.emit(batch)
                    batch = []
                self.progress.emit(done, len(files), Path(getattr(result, "source", "")).name)
                if self._stop:
                    break
        except Exception as exc:  # reported in the desk, never a silent dead thread
            problems.append(ImportProblem("", f"The import stopped: {exc}"))
        finally:
            if batch:
                self._prepared.emit(batch)
            self._ended.emit(problems)

    def _store_batch(self, batch: list[PreparedPhoto]) -> None:
        def stored(result: StoredPhotos) -> None:
            self.report.added.extend(result.report.added)
            self.report.duplicates.extend(result.report.duplicates)
            self.report.notes.extend(result.report.notes)
            self.photosAdded.emit([p.id for p in result.report.photos if p.id is not None])

        def refused(exc: Exception) -> None:
            names = ", ".join(Path(p.source).name for p in batch)
            self.report.problems.append(ImportProblem("", f"Not stored ({names}): {exc}"))

        self.runner.store_op(self, lambda store: add_prepared_photos(store, batch)).success(
            stored
        ).failure(refused).run()

    def _finish(self, problems: list[ImportProblem]) -> None:
        # After every batch queued before it: the report is whole.
        def done(_none: None) -> None:
            self.report.problems[:0] = problems
            self.finishedReport.emit(self.report)

        self.runner.query_op(self, _nothing).success(done).failure(
            lambda _exc: self.finishedReport.emit(self.report)
        ).run()


def _nothing(_store: Store) -> None:
    return None
