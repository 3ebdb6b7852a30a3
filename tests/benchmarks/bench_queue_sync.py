"""The editors' queue while a sync runs: 5,000 queued of 100,000, a real WordPress on loopback.

    .venv/bin/python tests/benchmarks/bench_queue_sync.py [CACHED_100K_FOLDER]
        [--posts 1000] [--pending-every 4] [--push 50] [--key-ms 25] [--idle-s 12]
        [--diagnose] [--sync-process] [--switch-ms MS]

Set-up: a private copy of the cached 100k store (bench_queue.py's 5,000 queued),
its outbox emptied (the generated articles were never meant for a server), a
site added as the editor of a throwaway WordPress (tests/wordpress) holding
`--posts` posts, one in `--pending-every` of them pending (they arrive as new
submitted stories), and `--push` local submitted stories waiting to be pushed.

With the real queue desk open and an editor driving it by keyboard (J/K,
Enter, C on a fixed cycle, one key every `--key-ms`), it measures:
  key press     handling time of each key (QTest into the table), p50/p95/max;
                what each C did, and how long a claim that had to wait took to land
  stall         the lateness of a 5 ms precise QTimer: the event loop's longest stall
  reload        the UI thread's share of each reload shown (the desk reads on a
                worker as the sync's pages land), and when the last page's
                stories are all shown after the sync ends
first with no sync running (a reload forced every 2 s), then while the
background sync (SyncController, as the app runs it) pushes and pulls; each
figure with its idle figure as a ratio. Last, the same sync on a fresh copy
with no GUI (SyncEngine, as `newsdesk sync` runs it), against its duration
under the GUI. `--diagnose` names each stall over 100 ms (UI thread stack
samples, its CPU share); `--sync-process` runs the sync in a child process.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))  # tests/: the WordPress harness and the in-memory keyring

import keyring  # noqa: E402
from bench_queue import queue_store  # noqa: E402
from common import p95  # noqa: E402
from generate_store import DEFAULT_FOLDER  # noqa: E402

from newsdesk.domain.article import Article  # noqa: E402
from newsdesk.ops.sites import add_site  # noqa: E402
from newsdesk.store import open_store  # noqa: E402
from newsdesk.sync.engine import SyncEngine  # noqa: E402
from sync.memory_keyring import MemoryKeyring  # noqa: E402
from wordpress.server import Harness, WordPress  # noqa: E402

KEY_TARGET_MS = 16  # the house target for a key press
STALL_TARGET_MS = 100
TICK_MS = 5
REFRESH_EVERY_MS = 2_000
# An editor working down the queue: mostly next, sometimes back, open, claim.
CYCLE = "JJJKJ\nJJKJC"
BODY = "\n\n".join(
    f"<!-- wp:paragraph -->\n<p>Officials said on day {i} that talks would resume, "
    "<strong>citing progress</strong> on the main points and a timetable.</p>\n"
    "<!-- /wp:paragraph -->"
    for i in range(6)
)


# --sync-process: the same sync in a child process (an experiment: no interpreter shared
# with the GUI). The child keeps the password in its own in-memory keyring.
CHILD_SYNC = """
import json, sys
sys.path.insert(0, sys.argv[1])
import keyring
from sync.memory_keyring import MemoryKeyring
keyring.set_keyring(MemoryKeyring())
from newsdesk.store import open_store
from newsdesk.sync import credentials
from newsdesk.sync.engine import SyncEngine
store = open_store(sys.argv[2])
site = store.sites.list()[0]
credentials.save_password(site.url, site.username, sys.stdin.read().strip())
report = SyncEngine(store).sync()
store.close()
print(json.dumps({"ok": report.ok, "pulled": report.pulled, "pushed": report.pushed,
                  "requests": report.requests, "failed": report.failed}))
"""


@dataclass
class Measured:
    keys: dict[str, list[float]] = field(default_factory=dict)  # key -> handling ms
    lateness: list[float] = field(default_factory=list)  # ms past each 5 ms tick
    refreshes: list[float] = field(default_factory=list)  # UI-thread ms per reload shown
    rows_seen: list[int] = field(default_factory=list)  # queue length after each reload
    # (start, end, UI thread CPU s, process CPU s) of each stall over 100 ms
    stalls: list[tuple[float, float, float, float]] = field(default_factory=list)
    claims: dict[str, int] = field(default_factory=dict)  # what each C press did
    claim_waits: list[float] = field(default_factory=list)  # C press to write landed, if it waited
    seconds: float = 0.0
    load: tuple[float, float] = (0.0, 0.0)  # the machine's 1-minute load, start and end

    @property
    def all_keys(self) -> list[float]:
        return [ms for values in self.keys.values() for ms in values]


# --- the server --------------------------------------------------------------
def seed_posts(wp: WordPress, count: int, pending_every: int) -> set[int]:
    ids: set[int] = set()
    with wp.client("editor", timeout=120) as client:
        for start in range(0, count, 25):
            requests = [
                {
                    "method": "POST",
                    "path": "/wp/v2/posts",
                    "body": {
                        "title": f"Wire story {n}",
                        "excerpt": "A standfirst of one sentence.",
                        "content": BODY,
                        "status": "pending"
                        if n % pending_every == 0
                        else ("publish" if n % 2 else "draft"),
                    },
                }
                for n in range(start, min(start + 25, count))
            ]
            answer = client.post("/batch/v1", json={"requests": requests})
            answer.raise_for_status()
            ids.update(r["body"]["id"] for r in answer.json()["responses"])
    return ids


def delete_all_but(wp: WordPress, keep: set[int]) -> int:
    """Remove what a run pushed, so the next run's pull sees the same posts."""
    removed = 0
    with wp.client("administrator", timeout=120) as client:
        page, found = 1, []
        while True:
            r = client.get(
                "/wp/v2/posts",
                params={"status": "any", "per_page": 100, "page": page, "_fields": "id"},
            )
            r.raise_for_status()
            found += [p["id"] for p in r.json()]
            if page >= int(r.headers.get("X-WP-TotalPages", 1)):
                break
            page += 1
        for post_id in set(found) - keep:
            client.delete(f"/wp/v2/posts/{post_id}", params={"force": "true"}).raise_for_status()
            removed += 1
    return removed


# --- the store -----------------------------------------------------------------
def prepare_base(cache: Path, wp: WordPress, push: int) -> tuple[Path, Path]:
    store, workdir = queue_store(cache)
    with store.atomic():
        store.conn.execute("UPDATE outbox SET state = 'done' WHERE state = 'pending'")
    # bench_queue.py runs ANALYZE, which the app never does: its average of 50,000 rows per
    # outbox state turns every look-up of an article's pending push into a 100,000-row scan.
    with store.atomic():
        store.conn.execute("DELETE FROM sqlite_stat1 WHERE tbl = 'outbox'")
    user = wp.users["editor"]
    add_site(store, "bench", wp.url, user.login, user.app_password)
    with store.atomic():
        for n in range(push):
            store.articles.create(
                Article(
                    headline=f"Filed offline {n}",
                    standfirst="Written on the train.",
                    body="First paragraph.\n\nSecond paragraph.",
                    section="News",
                    tags=["Bench"],
                    status="submitted",
                ),
                author="Bench Reporter",
            )
    waiting = store.outbox.count_pending()
    store.close()
    print(f"base store ready: {waiting} articles waiting to be pushed", flush=True)
    return workdir / "store", workdir


def copy_store(base: Path, target: Path) -> Path:
    started = time.perf_counter()
    shutil.copytree(base, target)
    print(f"copied the store in {time.perf_counter() - started:.1f} s", flush=True)
    return target


# --- the GUI -----------------------------------------------------------------
class StackSampler:
    """`--diagnose`: samples the UI thread's Python stack every 10 ms, to name what a stall was."""

    def __init__(self) -> None:
        import threading

        self.main = threading.main_thread().ident
        self.samples: list[tuple[float, str]] = []
        self.running = True
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        import traceback

        while self.running:
            frame = sys._current_frames().get(self.main or 0)
            if frame is not None:
                stack = traceback.extract_stack(frame)[-6:]
                text = " < ".join(
                    f"{Path(f.filename).name}:{f.lineno} {f.name}" for f in reversed(stack)
                )
                self.samples.append((time.perf_counter(), text))
            time.sleep(0.01)

    def explain(self, stalls: list[tuple[float, float, float, float]]) -> None:
        self.running = False
        for start, end, ui_cpu, all_cpu in stalls:
            inside = [text for at, text in self.samples if start <= at <= end]
            counts: dict[str, int] = {}
            for text in inside:
                counts[text] = counts.get(text, 0) + 1
            print(
                f"stall of {(end - start) * 1000:.0f} ms: UI thread computed {ui_cpu * 1000:.0f} ms,"
                f" the process {all_cpu * 1000:.0f} ms; UI thread stacks (samples):"
            )
            for text, n in sorted(counts.items(), key=lambda kv: -kv[1])[:4]:
                print(f"   {n:3d}  {text}")


class Driver:
    """Presses keys into the queue table on a timer and watches the event loop."""

    def __init__(self, desk, key_ms: int, force_refresh: bool) -> None:  # type: ignore[no-untyped-def]
        from PySide6.QtCore import Qt, QTimer

        self.desk = desk
        self.m = Measured()
        self.position = 0
        self.deferred: list[float] = []  # when each claim that had to wait was pressed
        self.keys = {"J": Qt.Key.Key_J, "K": Qt.Key.Key_K, "C": Qt.Key.Key_C}
        self.keys["\n"] = Qt.Key.Key_Return
        self.key_timer = QTimer()
        self.key_timer.setInterval(key_ms)
        self.key_timer.timeout.connect(self.press)
        self.tick_timer = QTimer()
        self.tick_timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.tick_timer.setInterval(TICK_MS)
        self.tick_timer.timeout.connect(self.tick)
        self.timers = [self.key_timer, self.tick_timer]
        if force_refresh:  # idle: the same background reload a sync page triggers
            refresh = QTimer()
            refresh.setInterval(REFRESH_EVERY_MS)
            refresh.timeout.connect(lambda: desk.reload())
            self.timers.append(refresh)
        self.last_tick = 0.0
        self.last_cpu = (0.0, 0.0)
        self.started = 0.0
        if not hasattr(desk, "bench_driver"):  # wrapped once; the running driver records
            shown = desk._show_rows

            def timed_show_rows(*args):  # type: ignore[no-untyped-def]
                began = time.perf_counter()
                shown(*args)
                m = desk.bench_driver.m
                m.refreshes.append((time.perf_counter() - began) * 1000)
                m.rows_seen.append(desk.model.rowCount())

            desk._show_rows = timed_show_rows  # the UI thread's share of each reload

    def landed(self, now: float) -> None:
        """Claims land (done or refused) in the order they were pressed: one database
        worker. The ones no longer pending have landed."""
        while len(self.deferred) > self.desk.pending:
            self.m.claim_waits.append((now - self.deferred.pop(0)) * 1000)

    def start(self) -> None:
        self.m = Measured()
        self.desk.bench_driver = self
        self.load = os.getloadavg()[0]
        self.last_tick = self.started = time.perf_counter()
        self.last_cpu = (time.thread_time(), time.process_time())
        for timer in self.timers:
            timer.start()

    def stop(self) -> Measured:
        for timer in self.timers:
            timer.stop()
        self.m.seconds = time.perf_counter() - self.started
        self.m.load = (self.load, os.getloadavg()[0])
        return self.m

    def press(self) -> None:
        from PySide6.QtTest import QTest

        desk = self.desk
        name = CYCLE[self.position % len(CYCLE)]
        self.position += 1
        if (
            desk.current_id() is None
            or desk.table.currentIndex().row() >= desk.model.rowCount() - 2
        ):
            desk.select_row(0)  # back to the top: the editor starts the queue again
        began = time.perf_counter()
        QTest.keyClick(desk.table, self.keys[name])
        self.m.keys.setdefault(name, []).append((time.perf_counter() - began) * 1000)
        if name == "C":
            said = desk.message.text()
            outcome = "sent to the database worker" if desk.pending else (
                "waited for the sync" if said.startswith("Waiting for the sync")
                else "claimed at once" if said.startswith("You are editing")
                else "refused (another editor's)" if said.startswith("Being edited by")
                else said or "no message"
            )  # fmt: skip
            self.m.claims[outcome] = self.m.claims.get(outcome, 0) + 1
            if desk.pending:  # sent to the database worker: when does it land?
                self.deferred.append(began)

    def tick(self) -> None:
        now = time.perf_counter()
        late = max(0.0, (now - self.last_tick) * 1000 - TICK_MS)
        self.m.lateness.append(late)
        self.landed(now)
        ui_cpu, all_cpu = time.thread_time(), time.process_time()
        if late > STALL_TARGET_MS:
            # How much of the stall the UI thread computed, and the whole process (the sync).
            self.m.stalls.append(
                (self.last_tick, now, ui_cpu - self.last_cpu[0], all_cpu - self.last_cpu[1])
            )
        self.last_tick, self.last_cpu = now, (ui_cpu, all_cpu)


def run_loop_until(done: Callable[[], bool], timeout_s: float) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    poll = QTimer()
    poll.setInterval(20)
    poll.timeout.connect(lambda: loop.quit() if done() else None)
    poll.start()
    QTimer.singleShot(int(timeout_s * 1000), loop.quit)
    loop.exec()
    poll.stop()


def quiet_offscreen_warnings() -> None:
    from PySide6.QtCore import qInstallMessageHandler

    def handler(_mode, _context, message: str) -> None:  # type: ignore[no-untyped-def]
        if "propagateSizeHints" not in message:
            print(message, file=sys.stderr)

    qInstallMessageHandler(handler)


def gui_runs(folder: Path, args: argparse.Namespace) -> tuple[Measured, Measured, dict]:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from newsdesk.gui.context import AppContext
    from newsdesk.gui.queue.desk import QUEUE_LIMIT, QueueDesk
    from newsdesk.gui.resources import stylesheet
    from newsdesk.gui.sync.controller import SyncController
    from newsdesk.ops import Changes

    quiet_offscreen_warnings()
    app = QApplication.instance() or QApplication([])
    app.setStyle("Fusion")
    app.setStyleSheet(stylesheet())
    store = open_store(folder)
    ctx = AppContext.for_store(store, user="Bench Editor")
    desk = QueueDesk(ctx)
    opened: list[int] = []
    # The window would load the story into the editor; here the story is read, as it would be.
    desk.openRequested.connect(lambda article_id: opened.append(store.articles.get(article_id).id))
    desk.resize(1400, 800)
    desk.show()
    desk.table.setFocus()
    run_loop_until(lambda: desk.model.rowCount() > 0, 30)
    rows_before = desk.model.rowCount()
    full_reloads: list[float] = []
    for _ in range(10):  # read and shown on the UI thread, as the desk did before the worker
        began = time.perf_counter()
        rows = store.workflow.queue(limit=QUEUE_LIMIT)
        desk._show_rows(rows, desk.current_id(), None)
        full_reloads.append((time.perf_counter() - began) * 1000)

    sampler = StackSampler() if args.diagnose else None
    idle_driver = Driver(desk, args.key_ms, force_refresh=True)
    started = time.perf_counter()
    idle_driver.start()
    run_loop_until(lambda: time.perf_counter() - started > args.idle_s, args.idle_s + 5)
    idle = idle_driver.stop()
    run_loop_until(lambda: not desk._reading and not desk.pending, 10)

    # The idle run's claims queued pushes; the no-GUI run has none, so neither does this one.
    with store.atomic():
        store.conn.execute(
            "UPDATE outbox SET state = 'done' WHERE state = 'pending' AND article_id NOT IN "
            "(SELECT id FROM articles WHERE headline LIKE 'Filed offline %')"
        )
    desk.select_row(0)
    finished: dict = {}
    driver = Driver(desk, args.key_ms, force_refresh=False)
    if args.sync_process:
        import json
        import subprocess

        ticker = QTimer()  # stands in for the controller's progress signals
        ticker.setInterval(500)
        ticker.timeout.connect(lambda: ctx.announce(Changes(queue=True), "sync"))
        driver.start()
        began = time.perf_counter()
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD_SYNC, str(HERE.parent), str(folder)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert child.stdin is not None
        child.stdin.write(args.password)
        child.stdin.close()
        returned_ms = (time.perf_counter() - began) * 1000
        ticker.start()
        run_loop_until(lambda: child.poll() is not None, 600)
        finished["at"] = time.perf_counter()
        ticker.stop()
        ctx.announce(Changes(queue=True), "sync")
        assert child.stdout is not None
        answer = json.loads(child.stdout.read().strip().splitlines()[-1])
        finished["report"] = SimpleNamespace(offline=[], **answer)
        controller = None
    else:
        controller = SyncController(store)
        # As app.attach_services wires it: each pull page, then the report, announced.
        controller.progressed.connect(
            lambda phase, *_n: (
                ctx.announce(Changes(queue=True), controller) if phase == "pull" else None
            )
        )
        controller.finished.connect(lambda report: ctx.announce(report.changes, controller))

        def on_finished(report) -> None:  # type: ignore[no-untyped-def]
            finished["at"] = time.perf_counter()
            finished["report"] = report

        controller.finished.connect(on_finished)
        driver.start()
        began = time.perf_counter()
        controller.sync_now()
        returned_ms = (time.perf_counter() - began) * 1000
        run_loop_until(lambda: "at" in finished, 600)
    during = driver.stop()
    # The reload the end of the sync asked for: when is every story it brought shown?
    in_store = len(store.workflow.queue(limit=50_000))
    run_loop_until(lambda: desk.model.rowCount() >= in_store, 10)
    shown_after_ms = (time.perf_counter() - finished["at"]) * 1000
    run_loop_until(lambda: not desk.pending, 30)  # claims still waiting land now
    if controller is not None:
        controller.timer.stop()
    if sampler is not None:
        sampler.explain(idle.stalls + during.stalls)
    report = finished["report"]
    assert report.ok, (report.failed, report.offline)
    sync = {
        "seconds": finished["at"] - began,
        "sync_now_ms": returned_ms,
        "pulled": len(report.pulled),
        "pushed": len(report.pushed),
        "requests": report.requests,
        "rows_before": rows_before,
        "rows_after": desk.model.rowCount(),
        "queued_in_store": in_store,
        "shown_after_ms": shown_after_ms,
        "full_reloads": full_reloads,
        "opened": len(opened),
    }
    desk.close()
    ctx.runner.close()
    store.close()
    return idle, during, sync


def headless_sync(folder: Path) -> tuple[float, object]:
    """The same sync as the controller's worker runs it (its own store), with no GUI."""
    began = time.perf_counter()
    store = open_store(folder)
    try:
        report = SyncEngine(store).sync()
    finally:
        store.close()
    return time.perf_counter() - began, report


# --- reporting -----------------------------------------------------------------
def describe(waits: list[float]) -> str:
    if not waits:
        return "(none waited)"
    return f"p50 {statistics.median(waits):.0f} ms, max {max(waits):.0f} ms (n={len(waits)})"


def line(name: str, idle: list[float], during: list[float], target: str = "") -> None:
    def stats(values: list[float]) -> str:
        if not values:
            return "(none)".ljust(34)
        return (
            f"p50 {statistics.median(values):6.1f}  p95 {p95(values):6.1f}  "
            f"max {max(values):6.1f} ms"
        )

    ratio = ""
    if idle and during:
        ratio = (
            f"  ratio p50 {statistics.median(during) / max(statistics.median(idle), 1e-6):4.2f}x"
            f" p95 {p95(during) / max(p95(idle), 1e-6):4.2f}x"
        )
    print(f"{name:<24} idle   {stats(idle)}   (n={len(idle)})")
    print(f"{'':<24} sync   {stats(during)}   (n={len(during)}){ratio}", end="")
    print(f"   [target {target}]" if target else "", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("cache", nargs="?", type=Path, default=DEFAULT_FOLDER)
    parser.add_argument("--posts", type=int, default=1000)
    parser.add_argument("--pending-every", type=int, default=4)
    parser.add_argument("--push", type=int, default=50)
    parser.add_argument("--key-ms", type=int, default=25)
    parser.add_argument("--idle-s", type=float, default=12.0)
    parser.add_argument("--diagnose", action="store_true", help="name what each stall was")
    parser.add_argument(
        "--sync-process",
        action="store_true",
        help="experiment: run the sync in a child process instead of the app's worker thread",
    )
    parser.add_argument(
        "--switch-ms", type=float, default=0.0, help="sys.setswitchinterval for the GUI process"
    )
    args = parser.parse_args()
    if args.switch_ms:
        sys.setswitchinterval(args.switch_ms / 1000)
    print(f"interpreter switch interval {sys.getswitchinterval() * 1000:.1f} ms", flush=True)
    keyring.set_keyring(MemoryKeyring())  # the harness's passwords never reach a real keyring
    harness = Harness()
    workdir: Path | None = None
    try:
        started = time.perf_counter()
        wp = harness.site(with_plugin=False)
        seeded = seed_posts(wp, args.posts, args.pending_every)
        print(
            f"WordPress at {wp.url}: {len(seeded)} posts seeded "
            f"in {time.perf_counter() - started:.1f} s",
            flush=True,
        )
        base, workdir = prepare_base(args.cache, wp, args.push)

        quiet = copy_store(base, workdir / "headless")
        headless_s, headless = headless_sync(quiet)
        assert headless.ok, (headless.failed, headless.offline)  # type: ignore[attr-defined]
        shutil.rmtree(quiet, ignore_errors=True)
        print(f"removed {delete_all_but(wp, seeded)} pushed posts from the server", flush=True)

        args.password = wp.users["editor"].app_password  # for --sync-process's child
        idle, during, sync = gui_runs(copy_store(base, workdir / "gui"), args)
    finally:
        harness.stop()
        if workdir is not None:
            shutil.rmtree(workdir, ignore_errors=True)

    print(
        f"\nqueue: {sync['rows_before']:,} stories; idle run {idle.seconds:.1f} s, "
        f"sync run {during.seconds:.1f} s (load average {idle.load[0]:.1f}-{during.load[1]:.1f} "
        f"on {os.cpu_count()} cores); one key every {args.key_ms} ms "
        f"(cycle {CYCLE!r}, Enter opened {sync['opened']} stories)\n"
    )
    line("key press, all keys", idle.all_keys, during.all_keys, f"p95 <= {KEY_TARGET_MS} ms")
    for name, label in (
        ("J", "  J / K: next, previous"),
        ("\n", "  Enter: open"),
        ("C", "  C: claim"),
    ):
        idle_keys = idle.keys.get(name, []) + (idle.keys.get("K", []) if name == "J" else [])
        sync_keys = during.keys.get(name, []) + (during.keys.get("K", []) if name == "J" else [])
        line(label, idle_keys, sync_keys)
    line("event loop lateness", idle.lateness, during.lateness, f"max <= {STALL_TARGET_MS} ms")
    over = sum(1 for v in during.lateness if v > STALL_TARGET_MS)
    print(f"{'':<24} stalls over {STALL_TARGET_MS} ms during the sync: {over}")
    print(
        f"{'  claims (C)':<24} idle {idle.claims}\n{'':<24} sync {during.claims}; "
        f"claims landed after {describe(during.claim_waits)}"
    )
    line("reload, UI thread part", idle.refreshes, during.refreshes)
    old = sync["full_reloads"]
    print(
        f"{'':<24} (the same reload read on the UI thread instead of the worker: "
        f"p50 {statistics.median(old):.1f} ms, max {max(old):.1f} ms)"
    )
    print(
        f"{'':<24} rows shown during the sync: {during.rows_seen}; "
        f"{sync['rows_after']:,} shown {sync['shown_after_ms']:.0f} ms after it ended "
        f"({sync['queued_in_store']:,} queued in the store)"
    )
    print(
        f"\nsync under the GUI        {sync['seconds'] * 1000:8.0f} ms "
        f"{'(in a child process) ' if args.sync_process else ''}"
        f"({sync['pulled']} pulled, {sync['pushed']} pushed, {sync['requests']} requests; "
        f"sync_now returned in {sync['sync_now_ms']:.1f} ms)"
    )
    pulled = len(headless.pulled)  # type: ignore[attr-defined]
    pushed = len(headless.pushed)  # type: ignore[attr-defined]
    print(
        f"same sync, no GUI         {headless_s * 1000:8.0f} ms ({pulled} pulled, {pushed} pushed)"
        f"   ratio {sync['seconds'] / headless_s:.2f}x"
    )
    keys_ok = p95(during.all_keys) <= KEY_TARGET_MS
    stall_ok = max(during.lateness, default=0) <= STALL_TARGET_MS
    print(
        f"\n{'PASS' if keys_ok and stall_ok else 'FAIL'}: key p95 during sync "
        f"{p95(during.all_keys):.1f} ms, longest stall {max(during.lateness, default=0):.0f} ms"
    )


if __name__ == "__main__":
    main()
