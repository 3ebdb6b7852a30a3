"""The breaking ticker from the command line: publish a line, list, edit, remove, restore."""

from __future__ import annotations

import argparse
import sys
from dataclasses import asdict
from typing import Any

from ..domain.workflow import WorkflowError
from ..ops import ticker as ops
from ..paths import data_dir
from ..services import ticker
from ..store import Store
from .common import print_json, run_with_store
from .personal import personal_value


def register(sub: Any) -> None:
    group = sub.add_parser("ticker", help="the breaking ticker: one attributed line each")
    cmds = group.add_subparsers(dest="ticker_command", metavar="ACTION", required=True)

    p = cmds.add_parser("publish", help="check and publish a line, e.g. 'Israeli media: …'")
    p.add_argument("line")
    p.add_argument("--edition", default="en")
    _as(p)
    p.set_defaults(handler=run_with_store(_publish))

    p = cmds.add_parser("list", help="items on the ticker, newest first")
    p.add_argument("--edition")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=run_with_store(_list))

    p = cmds.add_parser("edit", help="replace an item's line")
    p.add_argument("item", type=int, metavar="ID")
    p.add_argument("line")
    _as(p)
    p.set_defaults(handler=run_with_store(_edit))

    for verb, help_text in (
        ("remove", "take an item off the ticker (kept, spiked)"),
        ("restore", "put a removed item back"),
    ):
        p = cmds.add_parser(verb, help=help_text)
        p.add_argument("item", type=int, metavar="ID")
        _as(p)
        p.set_defaults(handler=run_with_store(_move), verb=verb)


def _as(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--as", dest="actor", metavar="NAME", help="default: your name")


def _actor(args: argparse.Namespace) -> str:
    return args.actor or personal_value(data_dir(args.data_dir), "user/name") or "editor"


def _refused(exc: Exception) -> int:
    print(f"newsdesk: not published: {exc}", file=sys.stderr)
    return 1


def _publish(args: argparse.Namespace, store: Store) -> int:
    try:
        changes = ops.publish(store, args.line, actor=_actor(args), edition=args.edition)
    except WorkflowError as exc:  # TickerRejected too: the failed checks, in words
        return _refused(exc)
    (item_id,) = changes.articles
    print(item_id)
    return 0


def _edit(args: argparse.Namespace, store: Store) -> int:
    try:
        ops.edit(store, args.item, args.line, actor=_actor(args))
    except WorkflowError as exc:
        return _refused(exc)
    print(ticker.get(store, args.item).line)
    return 0


def _move(args: argparse.Namespace, store: Store) -> int:
    move = ops.remove if args.verb == "remove" else ops.restore
    try:
        move(store, args.item, actor=_actor(args))
    except WorkflowError as exc:
        print(f"newsdesk: {exc}", file=sys.stderr)
        return 1
    print(
        f"{args.item}: " + ("off the ticker." if args.verb == "remove" else "back on the ticker.")
    )
    return 0


def _list(args: argparse.Namespace, store: Store) -> int:
    items = ticker.items(store, edition=args.edition)
    if args.json:
        print_json([asdict(i) for i in items])
        return 0
    for item in items:
        print(f"{item.id:>6}  {item.created_at}  {item.edition}  {item.line}")
    return 0
