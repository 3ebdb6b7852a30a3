"""Store benchmark over 100,000 articles: list, search, open, save — each beside raw SQL.

    .venv/bin/python tests/benchmarks/bench_store.py [FOLDER]

Builds the store first if needed (generate_store.py; a few minutes, cached).
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from common import paired_timings, report, timings  # noqa: E402
from generate_store import DEFAULT_FOLDER, generate, vocabulary  # noqa: E402

from newsdesk.store.articles import SUMMARY_COLUMNS  # noqa: E402
from newsdesk.store.search import fts_query  # noqa: E402


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_FOLDER
    store = generate(folder)
    conn = store.conn
    n = store.articles.count()
    print(f"store: {n:,} articles in {folder}\n")

    raw_list = timings(
        lambda: conn.execute(
            f"SELECT {SUMMARY_COLUMNS} FROM articles ORDER BY updated_at DESC, id DESC LIMIT 200"
        ).fetchall()
    )
    ours_list = timings(lambda: store.articles.summaries(limit=200))
    report("list newest 200", ours_list, raw_list, "<= 2x raw SQL")

    raw_filtered = timings(
        lambda: conn.execute(
            f"SELECT {SUMMARY_COLUMNS} FROM articles WHERE status = 'submitted' "
            "ORDER BY updated_at DESC, id DESC LIMIT 200"
        ).fetchall()
    )
    ours_filtered = timings(lambda: store.articles.summaries(status="submitted", limit=200))
    report("list newest 200, status filter", ours_filtered, raw_filtered, "<= 2x raw SQL")

    # Search terms a reporter would type: one or two words from across the vocabulary.
    rng = random.Random(1)
    vocab = vocabulary(random.Random(7))
    queries = [rng.choice(vocab[200:]) for _ in range(40)] + [
        f"{rng.choice(vocab[50:])} {rng.choice(vocab[500:])}" for _ in range(20)
    ]
    ours_search, raw_search = paired_timings(
        lambda q: store.search.query(str(q), limit=50),
        lambda q: conn.execute(
            "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rank LIMIT 50",
            (fts_query(str(q)),),
        ).fetchall(),
        list(queries),
    )
    report("search top 50 by rank", ours_search, raw_search, "p95 <= 50 ms, <= 1.5x raw FTS5")

    ids: list[object] = [rng.randint(1, n) for _ in range(200)]
    ours_open, raw_open = paired_timings(
        lambda i: store.articles.get(int(str(i))),
        lambda i: conn.execute("SELECT * FROM articles WHERE id = ?", (i,)).fetchone(),
        ids,
    )
    report("open an article", ours_open, raw_open)

    article = store.articles.get(int(str(ids[0])))
    counter = iter(range(10_000))

    def save() -> None:
        article.body += f" edit{next(counter)}"
        store.articles.save(article, author="bench")

    def raw_save() -> None:
        with store.atomic():
            conn.execute(
                "UPDATE articles SET body = body || ' raw', updated_at = datetime('now') WHERE id = ?",
                (ids[1],),
            )

    report(
        "save (revision + index + outbox)",
        timings(save, repeat=30),
        timings(raw_save, repeat=30),
        "the raw side is a bare UPDATE in a transaction",
    )


if __name__ == "__main__":
    main()
