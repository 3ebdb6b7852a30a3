"""Grow the 100,000-article benchmark store to 1,000,000 (or N) in bulk SQL, cached.

    .venv/bin/python tests/benchmarks/grow_store.py [--articles 1000000] [--folder /tmp/newsdesk-bench-1m]

Through the store's API a million articles take hours here; this copies the
100,000 (generate_store.py) nine more times with new ids, uuids and dates a
year further back each time, their tags, sources, one revision each and their
full-text rows, then ANALYZEs, as the app's PRAGMA optimize would. The text
repeats (each body ten times over): the search index holds ten times the
postings of the same words, a harder case for ranking than ten times as many
distinct words. bench_store.py FOLDER and bench_gui.py FOLDER then measure it.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from generate_store import DEFAULT_FOLDER, generate  # noqa: E402

from newsdesk.store.db import DB_NAME  # noqa: E402

ARTICLE_COLUMNS = (
    "edition, section, subsection, status, priority, word_count, revision, embargo_at,"
    " scheduled_at, lead_photo_id, created_at, updated_at, headline, byline, dateline,"
    " slug, coverage, regions, standfirst, body"
)


def grow(folder: Path, articles: int) -> None:
    if not (DEFAULT_FOLDER / DB_NAME).exists():
        generate(DEFAULT_FOLDER).close()
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / DB_NAME
    if not target.exists():
        # SQLite's backup: a consistent copy even while another process uses the base.
        source = sqlite3.connect(DEFAULT_FOLDER / DB_NAME)
        copy = sqlite3.connect(target)
        source.backup(copy)
        copy.close()
        source.close()
    conn = sqlite3.connect(target, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = OFF")  # a benchmark fixture: rebuilt if cut short
    conn.execute("PRAGMA cache_size = -262144")
    have = conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    seed = conn.execute(
        "SELECT COUNT(*) FROM articles WHERE uuid NOT LIKE '%-%-%-%-%-%'"
    ).fetchone()[0]
    copies = -(-articles // seed)
    started = time.perf_counter()
    for k in range(have // seed, copies):
        shift = k * seed
        year = f"-{k} years"
        conn.execute("BEGIN")
        conn.execute(
            f"INSERT INTO articles (id, uuid, {ARTICLE_COLUMNS}) SELECT id + ?, uuid || '-' || ?,"
            f" {ARTICLE_COLUMNS.replace('created_at, updated_at', 'datetime(created_at, ?), datetime(updated_at, ?)')}"
            " FROM articles WHERE id <= ?",
            (shift, k, year, year, seed),
        )
        conn.execute(
            "INSERT INTO article_tags (article_id, tag_id, position)"
            " SELECT article_id + ?, tag_id, position FROM article_tags WHERE article_id <= ?",
            (shift, seed),
        )
        conn.execute(
            "INSERT INTO sources (article_id, position, name, url, kind, notes, attribution, file_path)"
            " SELECT article_id + ?, position, name, url, kind, notes, attribution, file_path"
            " FROM sources WHERE article_id <= ?",
            (shift, seed),
        )
        conn.execute(
            "INSERT INTO revisions (article_id, number, created_at, author, reason, content)"
            " SELECT article_id + ?, number, created_at, author, reason, content"
            " FROM revisions WHERE article_id <= ?",
            (shift, seed),
        )
        conn.execute(
            "INSERT INTO articles_fts (rowid, headline, standfirst, body, tags, sources)"
            " SELECT rowid + ?, headline, standfirst, body, tags, sources FROM articles_fts"
            " WHERE rowid <= ?",
            (shift, seed),
        )
        conn.execute("COMMIT")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        done = (k + 1) * seed
        print(f"  {done:,} articles ({time.perf_counter() - started:.0f} s)", flush=True)
    conn.execute("ANALYZE")
    conn.execute("INSERT INTO articles_fts (articles_fts) VALUES ('optimize')")
    conn.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=1_000_000)
    parser.add_argument("--folder", type=Path, default=Path("/tmp/newsdesk-bench-1m"))
    args = parser.parse_args()
    started = time.perf_counter()
    grow(args.folder, args.articles)
    print(f"{args.folder}: {args.articles:,} articles in {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
