"""`newsdesk check ID [--json]`: the pre-publish checklist from the command line."""

from __future__ import annotations

import argparse
from typing import Any

from ..services.editorial import check_article
from ..store import Store
from .common import print_json, run_with_store


def register(sub: Any) -> None:
    p = sub.add_parser(
        "check", help="run the pre-publish checklist; non-zero if a blocking rule fails"
    )
    p.add_argument("id", type=int)
    p.add_argument("--at", metavar="TIME", help="the planned publication time (ISO, UTC)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=run_with_store(_check))


def _check(args: argparse.Namespace, store: Store) -> int:
    article = store.articles.get(args.id)
    results = check_article(store, article, publish_at=args.at)
    blocked = any(r.blocks for r in results)
    if args.json:
        print_json(
            {
                "id": article.id,
                "headline": article.headline,
                "ok": not blocked,
                "rules": [
                    {"rule": r.rule, "severity": r.severity, "ok": r.ok, "message": r.message}
                    for r in results
                ],
            }
        )
    else:
        for r in results:
            mark = "ok  " if r.ok else ("FAIL" if r.blocks else "warn")
            print(f"{mark}  {r.rule:<16} {r.message}")
        print(
            "Blocked: fix the failures above before publishing." if blocked else "Ready to publish."
        )
    return 1 if blocked else 0
