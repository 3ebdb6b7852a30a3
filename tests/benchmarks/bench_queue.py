"""Queue benchmark: the editors' queue opens in <= 300 ms with 5,000 queued of 100,000 stories.

    .venv/bin/python tests/benchmarks/bench_queue.py [CACHED_100K_FOLDER]

Works on a private copy of the cached 100k store (generate_store.py builds it
when missing); the cache itself is never changed. In the copy exactly 5,000
stories are put in the queue (submitted / in edit, 1 in 50 breaking, some
embargoed, the in-edit ones claimed). Each figure is printed beside the raw
SQL query the queue runs, as a ratio.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).parent))

from common import report, timings  # noqa: E402
from generate_store import DEFAULT_FOLDER, generate  # noqa: E402

from newsdesk.store import Store, open_store  # noqa: E402

QUEUED = 5_000
TARGET_MS = 300


def queue_store(cache: Path) -> tuple[Store, Path]:
    generate(cache).close()  # builds the cache only if it is missing
    workdir = Path(tempfile.mkdtemp(prefix="bench-queue-"))
    copy = workdir / "store"
    started = time.perf_counter()
    shutil.copytree(cache, copy)
    print(f"copied the 100k store in {time.perf_counter() - started:.1f} s to {copy}")
    store = open_store(copy)
    with store.atomic():
        conn = store.conn
        conn.execute(
            "UPDATE articles SET status = 'approved' WHERE status IN ('submitted', 'in_edit')"
        )
        conn.execute("DELETE FROM claims")
        conn.execute(
            "CREATE TEMP TABLE picked AS SELECT id FROM articles ORDER BY (id * 7919) % 100003 LIMIT ?",
            (QUEUED,),
        )
        conn.execute(
            "UPDATE articles SET status = CASE WHEN id % 3 = 0 THEN 'in_edit' ELSE 'submitted' END, "
            "priority = CASE WHEN id % 50 = 0 THEN 1 ELSE 0 END, "
            "embargo_at = CASE WHEN id % 17 = 0 THEN strftime('%Y-%m-%dT%H:%M:%SZ', 'now', "
            "'+' || (id % 300) || ' minutes') ELSE NULL END "
            "WHERE id IN (SELECT id FROM picked)"
        )
        conn.execute(
            "INSERT INTO claims (article_id, editor, claimed_at) SELECT id, 'Sam Okafor', "
            "strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-' || (id % 240) || ' minutes') "
            "FROM articles WHERE status = 'in_edit'"
        )
    store.conn.execute("ANALYZE")
    return store, workdir


def main() -> None:
    cache = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_FOLDER
    store, workdir = queue_store(cache)
    try:
        run(store)
    finally:
        store.close()
        shutil.rmtree(workdir, ignore_errors=True)


def run(store: Store) -> None:
    from PySide6.QtWidgets import QApplication

    from newsdesk.gui import tasks
    from newsdesk.gui.context import AppContext
    from newsdesk.gui.queue.desk import QueueDesk
    from newsdesk.gui.queue.model import QueueModel
    from newsdesk.gui.resources import stylesheet

    app = QApplication.instance() or QApplication([])
    app.setStyle("Fusion")
    app.setStyleSheet(stylesheet())
    n = store.articles.count()
    queued = len(store.workflow.queue())
    print(f"store: {n:,} articles, {queued:,} in the queue\n")
    assert queued == QUEUED, queued

    # The raw side: exactly the SQL the queue runs, rows fetched, nothing built.
    sql = (
        "SELECT a.id, a.uuid, a.headline, a.status, a.section, a.subsection, a.edition, "
        "a.byline, a.priority, a.word_count, a.embargo_at, a.scheduled_at, a.updated_at, "
        "c.editor AS claimed_by, c.claimed_at FROM articles a LEFT JOIN claims c ON "
        "c.article_id = a.id WHERE a.status IN ('submitted', 'in_edit') "
        "ORDER BY a.priority DESC, a.updated_at ASC LIMIT 10000"
    )
    raw = timings(lambda: store.conn.execute(sql).fetchall(), repeat=20)
    report("raw SQL: the queue query", raw)

    report(
        "store.workflow.queue() (dict rows)",
        timings(lambda: store.workflow.queue(), repeat=20),
        raw,
    )
    model = QueueModel()
    report(
        "queue() + model.set_rows (lazy format)",
        timings(lambda: model.set_rows(store.workflow.queue()), repeat=20),
        raw,
    )
    report(
        "queue_counts (unused by the desk)",
        timings(lambda: store.workflow.queue_counts("section"), repeat=20),
        raw,
    )

    # The desk's read runs inline here (not on the database worker): the figure is the
    # whole cost of opening the desk, read and first paint.
    tasks.set_synchronous(True)
    ctx = AppContext.for_store(store, user="Bench Editor")

    def open_desk() -> None:
        desk = QueueDesk(ctx)
        desk.resize(1400, 800)
        desk.show()
        app.processEvents()
        desk.grab()  # forces the first paint of the visible rows
        desk.close()
        desk.deleteLater()
        app.processEvents()

    opened = timings(open_desk, repeat=10)
    line = report(
        "open the queue desk + first paint",
        opened,
        raw,
        f"<= {TARGET_MS} ms with {QUEUED:,} queued",
    )

    desk = QueueDesk(ctx)
    desk.resize(1400, 800)
    desk.show()
    app.processEvents()
    report("30 s tick: recount countdowns", timings(desk.tick, repeat=20), raw)
    report(
        "J: next story (panel + checklist)",
        timings(lambda: desk.step(+1), repeat=30),
        raw,
    )
    desk.close()
    ctx.runner.close()
    tasks.set_synchronous(False)
    import statistics

    verdict = "PASS" if statistics.median(opened) <= TARGET_MS else "FAIL"
    print(f"\n{verdict}: {line.split('median')[1].split('ms')[0].strip()} ms median to open")


if __name__ == "__main__":
    main()
