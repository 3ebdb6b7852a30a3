"""An editor's first sync of a large site, against a real WordPress on loopback.

    .venv/bin/python tests/benchmarks/bench_first_sync.py [--posts 100000] [--sizes 20000,100000]

For each size: the site is seeded in bulk SQL (tests/wordpress/seed.py, cached in /tmp),
then
1. raw httpx paging of the same posts with the same fields, two pages in flight as the
   pull keeps (and sequential), storing nothing;
2. the first sync of the whole archive into an empty store, in a process of its own:
   time, peak memory (VmHWM, and its parts: the process's own memory and the store's
   pages mapped in), the store's size on disk;
3. a first sync with the default sync window (posts span ~7 minutes each, so 100,000
   reach back about 16 months).
The peak memory should stay flat as the archive grows.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # tests/: the harness

from bench_sync import raw_pull  # noqa: E402

from newsdesk.sync.pull import PAGES_IN_FLIGHT  # noqa: E402
from wordpress.seed import seed_posts  # noqa: E402
from wordpress.server import Harness  # noqa: E402

CHILD = """
import json, resource, sys, threading, time
from pathlib import Path
import keyring
sys.path.insert(0, {tests!r})
from sync.memory_keyring import MemoryKeyring
from newsdesk.store import open_store
from newsdesk.ops.sites import add_site
from newsdesk.sync.engine import SyncEngine
keyring.set_keyring(MemoryKeyring())
store = open_store(Path({folder!r}))
add_site(store, "big", {url!r}, {login!r}, {password!r})
store.conn.execute("UPDATE sites SET window_days = {window}")  # 0: the whole archive
peaks = {{"RssAnon": 0, "RssFile": 0}}
def sample():
    while True:
        for line in open("/proc/self/status"):
            key = line.split(":")[0]
            if key in peaks:
                peaks[key] = max(peaks[key], int(line.split()[1]) // 1024)
        time.sleep(0.1)
threading.Thread(target=sample, daemon=True).start()
began = time.perf_counter()
report = SyncEngine(store).sync()
elapsed = time.perf_counter() - began
count = store.articles.count()
store.close()
peak = [l for l in open("/proc/self/status") if l.startswith("VmHWM")][0].split()[1]
print(json.dumps({{"seconds": elapsed, "articles": count, "ok": report.ok,
                   "requests": report.requests, "peak_mb": int(peak) / 1024,
                   "anon_mb": peaks["RssAnon"], "file_mb": peaks["RssFile"]}}))
"""


def first_sync(wp, folder: Path, window: int = 0) -> dict:
    user = wp.users["editor"]
    code = CHILD.format(tests=str(HERE.parent), folder=str(folder), url=wp.url,
                        login=user.login, password=user.app_password, window=window)  # fmt: skip
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(done.stderr[-3000:])
    result = json.loads(done.stdout.strip().splitlines()[-1])
    result["store_mb"] = sum(f.stat().st_size for f in folder.iterdir() if f.is_file()) / 2**20
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="20000,100000")
    parser.add_argument("--words", type=int, default=600)
    parser.add_argument("--window", type=int, default=90, help="also a first sync with this window")
    args = parser.parse_args()
    load = Path("/proc/loadavg").read_text().split()[:3]
    print(f"load average at start: {' '.join(load)}")
    for size in (int(s) for s in args.sizes.split(",")):
        harness = Harness()
        tmp = Path(tempfile.mkdtemp(prefix="nd-first-sync-"))
        try:
            wp = harness.site(with_plugin=False)
            seeded = seed_posts(wp, size, words=args.words)
            print(f"\n{size:,} posts of ~{args.words} words seeded in {seeded:.0f} s (bulk SQL)")
            raw_flight, seen = raw_pull(wp, PAGES_IN_FLIGHT)
            raw_seq, _ = raw_pull(wp)
            ours = first_sync(wp, tmp / "store")
            assert ours["ok"] and ours["articles"] == seen, (ours, seen)
            print(f"  first sync, whole archive {ours['seconds']:8.1f} s  {seen / ours['seconds']:6.0f} posts/s"
                  f"  {ours['requests']} requests  store {ours['store_mb']:.0f} MB\n"
                  f"    peak memory {ours['peak_mb']:.0f} MB: the process's own {ours['anon_mb']} MB"
                  f" + the store's pages mapped {ours['file_mb']} MB (page cache, capped by mmap_size)")  # fmt: skip
            print(f"  raw paging, {PAGES_IN_FLIGHT} in flight {raw_flight:8.1f} s  "
                  f"{seen / raw_flight:6.0f} posts/s   throughput ratio {raw_flight / ours['seconds']:.2f}x")  # fmt: skip
            print(f"  raw paging, 1 by 1  {raw_seq:8.1f} s  {seen / raw_seq:6.0f} posts/s"
                  f"   throughput ratio {raw_seq / ours['seconds']:.2f}x")  # fmt: skip
            if args.window:
                windowed = first_sync(wp, tmp / "window", args.window)
                print(f"  first sync, {args.window}-day window {windowed['seconds']:8.1f} s  "
                      f"{windowed['articles']:,} stories  peak memory {windowed['peak_mb']:.0f} MB"
                      f"  store {windowed['store_mb']:.0f} MB")  # fmt: skip
            print(f"  load average now: {' '.join(Path('/proc/loadavg').read_text().split()[:3])}")
        finally:
            harness.stop()
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
