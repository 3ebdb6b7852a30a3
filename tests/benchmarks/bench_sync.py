"""Sync benchmark against a real WordPress on loopback (started and removed here).

    .venv/bin/python tests/benchmarks/bench_sync.py [--posts 1000] [--push 100]

1. Pull N posts into an empty store  vs  a raw httpx loop paging the same posts
   (same fields, same context): throughput ratio, target >= 0.8; and beside raw paging
   with as many pages in flight as the pull keeps (like for like).
2. A sync with nothing changed: requests and time, target <= 150 ms.
3. Push M new articles with one photo each: time and number of requests
   (creates go through /batch/v1, 25 at a time; media cannot be batched).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # tests/: the harness and the in-memory keyring

import httpx  # noqa: E402
import keyring  # noqa: E402

from newsdesk.domain.article import Article  # noqa: E402
from newsdesk.ops.sites import add_site  # noqa: E402
from newsdesk.store import open_store  # noqa: E402
from newsdesk.sync.engine import SyncEngine  # noqa: E402
from newsdesk.sync.mapping import EDIT_FIELDS, PULL_STATUSES  # noqa: E402
from newsdesk.sync.pull import PAGES_IN_FLIGHT  # noqa: E402
from sync.helpers import add_photo  # noqa: E402
from sync.memory_keyring import MemoryKeyring  # noqa: E402
from wordpress.server import Harness  # noqa: E402

PARAGRAPH = (
    "<!-- wp:paragraph -->\n<p>Officials said on {n} that talks would resume, "
    "<strong>citing progress</strong> on the main points and a timetable.</p>\n"
    "<!-- /wp:paragraph -->"
)


def seed_posts(wp, count: int) -> None:
    with wp.client("editor", timeout=120) as client:
        for start in range(0, count, 25):
            body = "\n\n".join(PARAGRAPH.format(n=i) for i in range(6))
            requests = [
                {
                    "method": "POST",
                    "path": "/wp/v2/posts",
                    "body": {
                        "title": f"Bench post {start + i}",
                        "excerpt": "A standfirst of one sentence.",
                        "content": body
                        + "\n\n<!-- wp:heading -->\n<h2>Background</h2>\n<!-- /wp:heading -->",
                        "status": "publish" if i % 2 else "draft",
                    },
                }
                for i in range(min(25, count - start))
            ]
            answer = client.post("/batch/v1", json={"requests": requests})
            answer.raise_for_status()


def raw_pull(wp, in_flight: int = 1) -> tuple[float, int]:
    """Raw httpx paging of the same posts; `in_flight` pages asked at once after the first,
    as the pull does (PAGES_IN_FLIGHT), so that the two sides are compared like for like."""
    started = time.perf_counter()
    seen: set[int] = set()
    params = {"status": PULL_STATUSES, "context": "edit", "per_page": 100,
              "orderby": "id", "order": "asc", "_fields": EDIT_FIELDS}  # fmt: skip
    with httpx.Client(base_url=wp.api, auth=wp.users["editor"].auth, timeout=60) as client:

        def page_of(number: int) -> httpx.Response:
            r = client.get("/wp/v2/posts", params={**params, "page": number})
            r.raise_for_status()
            seen.update(p["id"] for p in r.json())
            return r

        pages = int(page_of(1).headers["X-WP-TotalPages"])
        if in_flight == 1:
            for number in range(2, pages + 1):
                page_of(number)
        else:
            with ThreadPoolExecutor(max_workers=in_flight) as pool:
                list(pool.map(page_of, range(2, pages + 1)))
    return time.perf_counter() - started, len(seen)


def new_store(wp, folder: Path, role: str = "editor"):
    store = open_store(folder)
    user = wp.users[role]
    add_site(store, "bench", wp.url, user.login, user.app_password)
    return store


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--posts", type=int, default=1000)
    parser.add_argument("--push", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    keyring.set_keyring(MemoryKeyring())
    harness = Harness()
    tmp = Path(tempfile.mkdtemp(prefix="nd-bench-"))
    try:
        started = time.perf_counter()
        wp = harness.site(with_plugin=False)
        print(f"WordPress up in {time.perf_counter() - started:.1f} s at {wp.url}")
        started = time.perf_counter()
        seed_posts(wp, args.posts)
        print(f"seeded {args.posts} posts in {time.perf_counter() - started:.1f} s (batch)\n")

        raw_times, raw_flight_times, our_times = [], [], []
        for run in range(args.repeat):
            raw_s, seen = raw_pull(wp)
            raw_times.append(raw_s)
            raw_flight_times.append(raw_pull(wp, PAGES_IN_FLIGHT)[0])
            store = new_store(wp, tmp / f"pull-{run}")
            began = time.perf_counter()
            report = SyncEngine(store).sync()
            our_times.append(time.perf_counter() - began)
            pulled = store.articles.count()
            assert report.ok and pulled == seen, (pulled, seen, report.failed)
            requests = report.requests
            if run < args.repeat - 1:
                store.close()
        raw_med, our_med = statistics.median(raw_times), statistics.median(our_times)
        ratio = (args.posts / our_med) / (args.posts / raw_med)
        print(f"pull {args.posts} posts into an empty store   ours {our_med * 1000:8.0f} ms "
              f"({args.posts / our_med:6.0f} posts/s, {requests} requests)")  # fmt: skip
        print(f"  raw httpx paging loop, same fields      raw  {raw_med * 1000:8.0f} ms "
              f"({args.posts / raw_med:6.0f} posts/s)   throughput ratio {ratio:.2f}x  [target >= 0.8]")  # fmt: skip
        flight_med = statistics.median(raw_flight_times)
        print(f"  raw paging, {PAGES_IN_FLIGHT} pages in flight as ours    raw  {flight_med * 1000:8.0f} ms "
              f"({args.posts / flight_med:6.0f} posts/s)   throughput ratio {our_med and flight_med / our_med:.2f}x"
              "  (like for like)")  # fmt: skip

        time.sleep(1.2)  # past the pull's one-second overlap
        quiet_times, quiet_requests = [], []
        for _ in range(10):
            began = time.perf_counter()
            report = SyncEngine(store).sync()
            quiet_times.append((time.perf_counter() - began) * 1000)
            quiet_requests.append(report.requests)
        with httpx.Client(base_url=wp.api, auth=wp.users["editor"].auth) as client:
            raw_quiet = []
            for _ in range(10):
                began = time.perf_counter()
                client.get("/wp/v2/posts", params={"status": PULL_STATUSES, "context": "edit",
                                                   "modified_after": "2100-01-01T00:00:00"})  # fmt: skip
                raw_quiet.append((time.perf_counter() - began) * 1000)
        print(f"\nsync with nothing changed                ours {statistics.median(quiet_times):8.1f} ms "
              f"(requests: {max(quiet_requests)})   [target <= 150 ms]")  # fmt: skip
        print(f"  one raw GET of an empty page            raw  {statistics.median(raw_quiet):8.1f} ms   "
              f"ratio {statistics.median(quiet_times) / statistics.median(raw_quiet):.2f}x")  # fmt: skip
        store.close()

        push_store = new_store(wp, tmp / "push", role="author")
        for i in range(args.push):
            photo = add_photo(
                push_store, tmp, caption=f"Scene {i}", credit="AP", alt=f"Scene {i}", seed=1000 + i
            )
            push_store.articles.create(
                Article(
                    headline=f"Pushed {i}",
                    body="Para one.\n\nPara two.",
                    lead_photo_id=photo.id,
                    tags=["Bench"],
                    section="News",
                )  # fmt: skip
            )
        began = time.perf_counter()
        report = SyncEngine(push_store).sync()
        elapsed = time.perf_counter() - began
        assert report.ok and len(report.pushed) == args.push, (report.failed, len(report.pushed))
        print(f"\npush {args.push} new articles, one photo each   ours {elapsed * 1000:8.0f} ms, "
              f"{report.requests} requests ({args.push} media uploads + "
              f"{-(-args.push // 25)} /batch/v1 creates + look-ups)")  # fmt: skip
        with httpx.Client(base_url=wp.api, auth=wp.users["author"].auth, timeout=60) as client:
            data = (tmp / "photo-1000.jpg").read_bytes()
            began = time.perf_counter()
            for i in range(10):
                client.post(
                    "/wp/v2/media", files={"file": (f"raw-{i}.jpg", data, "image/jpeg")}
                ).raise_for_status()
            per_upload = (time.perf_counter() - began) / 10
        print(f"  raw: one media upload                   raw  {per_upload * 1000:8.0f} ms each; "
              f"{args.push} uploads alone ≈ {per_upload * args.push * 1000:.0f} ms   "
              f"ratio {elapsed / (per_upload * args.push):.2f}x")  # fmt: skip
        push_store.close()
    finally:
        harness.stop()
        import shutil

        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
