"""What the pull's queries cost WordPress on a large site, stock and with the plugin.

    .venv/bin/python tests/benchmarks/bench_site_queries.py [--posts 100000]

Each sync asks for the posts changed since its last (`modified_after`, a date query on
post_modified, which WordPress does not index); a first sync within the sync window
asks for the last 90 days the same way. On a site seeded in bulk SQL (cached in /tmp),
each kind of request is timed on its first and its 50th page (median of three),
stock and with the companion plugin, which indexes post_modified. Beside it, the raw
operation: the same page of the whole archive (ordered by id: WordPress's primary key).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # tests/: the harness

import httpx  # noqa: E402

from newsdesk.sync.pull import EDIT_FIELDS, PULL_STATUSES  # noqa: E402
from wordpress.seed import seed_posts  # noqa: E402
from wordpress.server import Harness  # noqa: E402

WP_TIME = "%Y-%m-%dT%H:%M:%S"


def kinds() -> dict[str, dict[str, str]]:
    now = datetime.now(UTC)
    return {
        "whole archive (raw: by primary key)": {},
        "first sync, changed in the last 90 days": {
            "modified_after": (now - timedelta(days=90)).strftime(WP_TIME)
        },
        "first sync, the desk's older ones": {
            "status": "pending,future",
            "modified_before": (now - timedelta(days=90)).strftime(WP_TIME),
        },
        "a sync, changed in the last minute": {
            "modified_after": (now - timedelta(minutes=1)).strftime(WP_TIME)
        },
    }


def page_ms(client: httpx.Client, params: dict[str, object]) -> float:
    times = []
    for _ in range(3):
        began = time.perf_counter()
        client.get("/wp/v2/posts", params=params)
        times.append((time.perf_counter() - began) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--posts", type=int, default=100_000)
    args = parser.parse_args()
    print(f"load average at start: {' '.join(Path('/proc/loadavg').read_text().split()[:3])}")
    harness = Harness()
    try:
        for with_plugin in (False, True):
            wp = harness.site(with_plugin=with_plugin)
            seeded = seed_posts(wp, args.posts, words=600)
            label = "with the plugin" if with_plugin else "stock WordPress"
            print(f"\n{label}: {args.posts:,} posts seeded in {seeded:.0f} s (bulk SQL)")
            base = {"status": PULL_STATUSES, "context": "edit", "orderby": "id",
                    "order": "asc", "_fields": EDIT_FIELDS, "per_page": 100}  # fmt: skip
            with httpx.Client(base_url=wp.api, auth=wp.users["editor"].auth, timeout=300) as c:
                if with_plugin:  # the first request adds the index: timed on its own
                    began = time.perf_counter()
                    info = c.get("/newsdesk/v1/info").json()
                    print(f"  first request (adds the index: {info.get('modified_index')})"
                          f" {(time.perf_counter() - began) * 1000:8.0f} ms")  # fmt: skip
                raw = {n: page_ms(c, {**base, "page": n}) for n in (1, 50)}
                for name, extra in kinds().items():
                    for number in (1, 50):
                        ms = page_ms(c, {**base, **extra, "page": number})
                        print(f"  {name:42s} page {number:3d} {ms:8.0f} ms"
                              f"   raw {raw[number]:6.0f} ms  ratio {ms / raw[number]:5.2f}x")  # fmt: skip
        print(f"\nload average now: {' '.join(Path('/proc/loadavg').read_text().split()[:3])}")
    finally:
        harness.stop()


if __name__ == "__main__":
    main()
