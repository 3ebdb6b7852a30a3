"""Seed a test WordPress with many posts in bulk SQL (REST one by one would take hours).

    from wordpress.seed import seed_posts
    seed_posts(wp, 100_000)            # wp: a tests/wordpress/server.py WordPress

Used by the large-site tests (an archive of a few hundred posts) and benchmarks.

The SQL is generated once per (count, words) and cached gzipped in /tmp, so every run
seeds the same archive. Posts are block markup of ~`words` words, half published and
the rest drafts, pending or private, written by the site's editor and author, filed
under Uncategorized, modified over the last two years (so a sync window has something
to leave out).
"""

from __future__ import annotations

import gzip
import random
import subprocess
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

CACHE = Path("/tmp")
ROWS_PER_INSERT = 500
SYLLABLES = ["ka", "lo", "mi", "ra", "te", "su", "no", "vi", "da", "pe"] + [
    "zo",
    "ri",
    "ma",
    "ne",
    "tu",
    "sa",
    "li",
    "go",
    "be",
    "ha",
]
STATUSES = ["publish"] * 5 + ["draft", "draft", "pending", "private", "future"]
# The site's own users (install.php gives them these ids; seed_posts checks).
AUTHORS = (2, 3)  # editor, author


def _quote(text: str) -> str:
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def _body(rng: random.Random, vocabulary: list[str], words: int) -> str:
    paragraphs = []
    left = words
    while left > 0:
        n = min(left, rng.randint(40, 90))
        text = " ".join(rng.choices(vocabulary, k=n)).capitalize() + "."
        paragraphs.append(f"<!-- wp:paragraph -->\n<p>{text}</p>\n<!-- /wp:paragraph -->")
        left -= n
    return "\n\n".join(paragraphs)


def _sql_lines(count: int, words: int):
    rng = random.Random(20261203)
    vocabulary = sorted(
        {"".join(rng.choices(SYLLABLES, k=rng.randint(1, 4))) for _ in range(30_000)}
    )
    now = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)
    yield "SET autocommit=0; SET unique_checks=0; SET foreign_key_checks=0;"
    for start in range(0, count, ROWS_PER_INSERT):
        rows = []
        for i in range(start, min(count, start + ROWS_PER_INSERT)):
            # Older posts first, so that ids grow with time as on a real site.
            when = now - timedelta(minutes=(count - i) * 7)
            stamp = when.strftime("%Y-%m-%d %H:%M:%S")
            status = STATUSES[i % len(STATUSES)]
            if status == "future":
                status = "publish" if when < now else "future"
            title = f"Archive story {i}: " + " ".join(rng.choices(vocabulary, k=6))
            rows.append(
                "("
                + ",".join(
                    [
                        str(AUTHORS[i % 2]),
                        _quote(stamp),
                        _quote(stamp),
                        _quote(_body(rng, vocabulary, words)),
                        _quote(title),
                        _quote("A standfirst of one sentence."),
                        _quote(status),
                        "'closed','closed'",
                        _quote(f"archive-story-{i}"),
                        "'',''",
                        _quote(stamp),
                        _quote(stamp),
                        "'',0,'',0,'post',0",
                    ]
                )
                + ")"
            )
        yield (
            "INSERT INTO wp_posts (post_author, post_date, post_date_gmt, post_content,"
            " post_title, post_excerpt, post_status, comment_status, ping_status, post_name,"
            " to_ping, pinged, post_modified, post_modified_gmt, post_content_filtered,"
            " post_parent, guid, menu_order, post_type, comment_count) VALUES\n"
            + ",\n".join(rows)
            + ";"
        )
    yield (
        "INSERT INTO wp_term_relationships (object_id, term_taxonomy_id)"
        " SELECT ID, 1 FROM wp_posts WHERE post_type = 'post' AND post_name LIKE 'archive-story-%';"
    )
    yield "UPDATE wp_term_taxonomy SET count = (SELECT COUNT(*) FROM wp_term_relationships"
    yield " WHERE term_taxonomy_id = 1) WHERE term_taxonomy_id = 1;"
    yield "COMMIT;"


def seed_sql(count: int, words: int = 600) -> Path:
    """The cached SQL file for `count` posts (generated on first use)."""
    path = CACHE / f"newsdesk-wp-seed-{count}x{words}.sql.gz"
    if not path.exists():
        partial = path.with_suffix(".partial")
        with gzip.open(partial, "wt", encoding="utf-8", compresslevel=1) as out:
            for line in _sql_lines(count, words):
                out.write(line + "\n")
        partial.rename(path)
    return path


def seed_posts(wp, count: int, words: int = 600) -> float:
    """Load `count` posts into the site's database; seconds taken."""
    assert (wp.users["editor"].id, wp.users["author"].id) == AUTHORS, "install.php changed"
    started = time.perf_counter()
    sql = seed_sql(count, words)
    loader = subprocess.Popen(
        ["mariadb", "--no-defaults", f"--socket={wp.db.socket}", "-uroot", wp.name],
        stdin=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert loader.stdin is not None
    with gzip.open(sql, "rb") as source:
        while chunk := source.read(1 << 20):
            loader.stdin.write(chunk)
    loader.stdin.close()
    errors = loader.stderr.read() if loader.stderr else b""
    if loader.wait():
        raise RuntimeError(f"seeding failed: {errors.decode(errors='replace')[-2000:]}")
    return time.perf_counter() - started
