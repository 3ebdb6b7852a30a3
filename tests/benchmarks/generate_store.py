"""Build a large store for the benchmarks: N articles of ~600 words, through the store's own API.

    .venv/bin/python tests/benchmarks/generate_store.py [FOLDER] [--articles N] [--words W]

The store is cached: a folder that already holds N articles is reused.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

from newsdesk.domain.article import Article, Source
from newsdesk.domain.site import REGIONS, SECTIONS
from newsdesk.store import Store, open_store

DEFAULT_FOLDER = Path("/tmp/newsdesk-bench-100k")
SYLLABLES = [
    "ka",
    "lo",
    "mi",
    "ra",
    "te",
    "su",
    "no",
    "vi",
    "da",
    "pe",
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
STATUSES = ["draft"] * 6 + ["submitted", "in_edit", "approved", "published", "published"]


def vocabulary(rng: random.Random, size: int = 20_000) -> list[str]:
    words: set[str] = set()
    while len(words) < size:
        words.add("".join(rng.choices(SYLLABLES, k=rng.randint(1, 4))))
    return sorted(words)


def generate(folder: Path = DEFAULT_FOLDER, n_articles: int = 100_000, words: int = 600) -> Store:
    store = open_store(folder)
    have = store.articles.count()
    if have >= n_articles:
        return store
    rng = random.Random(42 + have)
    vocab = vocabulary(random.Random(7))
    # Zipf-like weights: a few very common words, a long tail of rare ones.
    weights = [1.0 / (rank + 10) for rank in range(len(vocab))]
    sections = [(s.name, list(s.subsections) or [""]) for s in SECTIONS]
    tags = [w.title() for w in vocab[:2000]]
    started = time.perf_counter()
    batch = 1000
    for start in range(have, n_articles, batch):
        with store.atomic():
            for _ in range(min(batch, n_articles - start)):
                body_words = rng.choices(vocab, weights, k=words)
                paragraphs = [" ".join(body_words[i : i + 60]) + "." for i in range(0, words, 60)]
                section, subsections = rng.choice(sections)
                store.articles.create(
                    Article(
                        headline=" ".join(rng.choices(vocab, k=8)).capitalize(),
                        standfirst=" ".join(rng.choices(vocab, weights, k=25)) + ".",
                        body="\n\n".join(paragraphs),
                        byline=rng.choice(["Amal Saeed", "Jon Berg", "Desk", "Rosa Díaz"]),
                        edition=rng.choice(["en", "en", "ar", "es"]),
                        section=section,
                        subsection=rng.choice(subsections),
                        regions=rng.sample(REGIONS, k=rng.randint(0, 2)),
                        tags=rng.sample(tags, k=3),
                        sources=[Source(rng.choice(["Reuters", "AP", "AFP", "Haaretz"]))],
                        status=rng.choice(STATUSES),
                    ),
                    author="generator",
                )
        done = start + batch
        if done % 10_000 == 0:
            rate = (done - have) / (time.perf_counter() - started)
            print(f"  {done:,} articles ({rate:,.0f}/s)", file=sys.stderr, flush=True)
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.conn.execute("ANALYZE")
    return store


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT_FOLDER)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--words", type=int, default=600)
    args = parser.parse_args()
    started = time.perf_counter()
    store = generate(args.folder, args.articles, args.words)
    print(
        f"{store.articles.count():,} articles in {args.folder} ({time.perf_counter() - started:.0f} s)"
    )


if __name__ == "__main__":
    main()
