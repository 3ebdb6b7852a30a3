"""Article commands: list, search (import and export live in cli/transfer.py)."""

from __future__ import annotations

import argparse
from typing import Any

from ..store import Store
from .common import print_json, run_with_store

LIST_KEYS = ("id", "uuid", "headline", "status", "section", "edition", "updated_at")


def register(sub: Any) -> None:
    p = sub.add_parser("list", help="list articles, newest first")
    p.add_argument("--status", help="only articles in this status (draft, submitted, ...)")
    p.add_argument("--section")
    p.add_argument("--edition")
    p.add_argument("--limit", type=int, default=200)
    p.add_argument("--json", action="store_true", help="print a JSON array")
    p.set_defaults(handler=run_with_store(_list))

    p = sub.add_parser("search", help="full-text search over articles")
    p.add_argument("query")
    p.add_argument("--status")
    p.add_argument("--section")
    p.add_argument("--edition")
    p.add_argument("--since", help="updated on or after (ISO date)")
    p.add_argument("--until", help="updated on or before (ISO date)")
    p.add_argument("--limit", type=int, default=50)
    p.add_argument("--json", action="store_true", help="print a JSON array")
    p.set_defaults(handler=run_with_store(_search))


def _print_rows(rows: list[dict[str, Any]], as_json: bool) -> None:
    if as_json:
        print_json(
            [
                {k: r[k] for k in (*LIST_KEYS, *(("snippet",) if "snippet" in r else ()))}
                for r in rows
            ]
        )
        return
    for r in rows:
        print(f"{r['id']:>6}  {r['status']:<10} {r['edition']}  {r['section']:<12} {r['headline']}")


def _list(args: argparse.Namespace, store: Store) -> int:
    rows = store.articles.summaries(
        status=args.status, section=args.section, edition=args.edition, limit=args.limit
    )
    _print_rows(rows, args.json)
    return 0


def _search(args: argparse.Namespace, store: Store) -> int:
    until = args.until + "T23:59:59Z" if args.until and len(args.until) == 10 else args.until
    rows = store.search.query(
        args.query,
        status=args.status,
        section=args.section,
        edition=args.edition,
        since=args.since,
        until=until,
        limit=args.limit,
        snippets=True,
    )
    _print_rows(rows, args.json)
    return 0
