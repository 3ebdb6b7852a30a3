"""Import and export: `newsdesk import FILE...`, `newsdesk export ID --format ...`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ..ops.articles import import_articles
from ..services import transfer
from ..store import NotFoundError, Store
from .common import run_with_store


def register(sub: Any) -> None:
    p = sub.add_parser(
        "import",
        help="import Markdown (YAML front matter) or ninjs JSON files; prints new ids",
    )
    p.add_argument("files", nargs="+", metavar="FILE")
    p.set_defaults(handler=run_with_store(_import))

    p = sub.add_parser("export", help="export one article")
    p.add_argument("id", type=int)
    p.add_argument("--format", choices=("ninjs", "markdown", "html"), default="markdown")
    p.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    p.set_defaults(handler=run_with_store(_export))


def _import(args: argparse.Namespace, store: Store) -> int:
    try:
        results = import_articles(store, [Path(f) for f in args.files]).results
    except transfer.ImportError_ as exc:
        print(f"newsdesk: import failed, nothing imported: {exc}", file=sys.stderr)
        return 1
    for result in results:
        print(result.article_id)
    return 0


def _export(args: argparse.Namespace, store: Store) -> int:
    try:
        store.articles.get(args.id)
    except NotFoundError as exc:
        print(f"newsdesk: {exc}", file=sys.stderr)
        return 1
    if args.format == "html":
        from ..services.preview import export_html

        if not args.output:
            print(
                "newsdesk: --format html needs -o FILE (photos are written beside it)",
                file=sys.stderr,
            )
            return 2
        export_html(store, args.id, Path(args.output))
        return 0
    text = transfer.export_text(store, args.id, args.format)
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0
