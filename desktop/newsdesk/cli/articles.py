"""Article commands: list, search, new, history, restore (import and export live in
cli/transfer.py)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from ..domain.article import Article
from ..ops.articles import create_article, restore_revision
from ..paths import data_dir
from ..store import Store
from .common import print_json, run_with_store
from .personal import personal_value

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

    p = sub.add_parser("new", help="start an article (a draft)")
    p.add_argument("--headline", default="")
    p.add_argument("--section", default="")
    p.add_argument("--edition", default="en")
    p.add_argument("--as", dest="author", metavar="NAME", help="default: your name")
    p.set_defaults(handler=run_with_store(_new))

    p = sub.add_parser("history", help="an article's revisions, newest first")
    p.add_argument("article", type=int, metavar="ID")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=run_with_store(_history))

    p = sub.add_parser("restore", help="bring back an earlier revision, as a new one")
    p.add_argument("article", type=int, metavar="ID")
    p.add_argument("revision", type=int, metavar="REVISION")
    p.add_argument("--as", dest="author", metavar="NAME", help="default: your name")
    p.set_defaults(handler=run_with_store(_restore))


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


def _author(args: argparse.Namespace) -> str:
    return args.author or personal_value(data_dir(args.data_dir), "user/name") or ""


def _new(args: argparse.Namespace, store: Store) -> int:
    edition = args.edition.strip().lower()
    editions = store.taxonomy.edition_codes()
    if edition not in editions:
        print(
            f"newsdesk: no edition {edition!r} (editions: {', '.join(editions)}).", file=sys.stderr
        )
        return 2
    article = Article(headline=args.headline.strip(), section=args.section.strip(), edition=edition)
    created = create_article(store, article, author=_author(args))
    print(created.article.id)
    return 0


def _history(args: argparse.Namespace, store: Store) -> int:
    store.articles.get(args.article)  # NotFoundError, in words, for no such article
    revisions = store.revisions.list(args.article)
    if args.json:
        print_json(
            [
                {
                    "number": r.number,
                    "created_at": r.created_at,
                    "author": r.author,
                    "reason": r.reason,
                    "headline": r.content.get("headline", ""),
                }
                for r in revisions
            ]  # fmt: skip
        )
        return 0
    for r in revisions:
        print(f"{r.number:>4}  {r.created_at}  {r.author or '-':<16} {r.reason}")
    return 0


def _restore(args: argparse.Namespace, store: Store) -> int:
    restored = restore_revision(store, args.article, args.revision, author=_author(args))
    print(f"Revision {args.revision} restored as revision {restored.revision}.")
    return 0
