"""House settings: the newsroom's caption style, reading speed and word list (in the store)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from ..ops.house import add_house_word, remove_house_word, set_house_setting
from ..store import Store
from ..store.house import HOUSE_SETTINGS
from .common import print_json, run_with_store


def register(sub: Any) -> None:
    house = sub.add_parser("house", help="the newsroom's house settings and word list")
    cmds = house.add_subparsers(dest="house_command", metavar="ACTION", required=True)

    p = cmds.add_parser("show", help="every house setting and the word list")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=run_with_store(_show))

    p = cmds.add_parser("set", help="change a house setting")
    p.add_argument("key", choices=list(HOUSE_SETTINGS), metavar="KEY", help=_keys_help())
    p.add_argument("value", metavar="VALUE")
    p.set_defaults(handler=run_with_store(_set))

    p = cmds.add_parser("add-word", help="teach the spelling check a name or word")
    p.add_argument("word", metavar="WORD")
    p.set_defaults(handler=run_with_store(_add_word))

    p = cmds.add_parser("remove-word", help="take a word off the house word list")
    p.add_argument("word", metavar="WORD")
    p.set_defaults(handler=run_with_store(_remove_word))


def _keys_help() -> str:
    return "; ".join(
        f"{s.key}: {s.label}" + (f" ({' or '.join(s.choices)})" if s.choices else "")
        for s in HOUSE_SETTINGS.values()
    )


def _show(args: argparse.Namespace, store: Store) -> int:
    values = store.house.values()
    words = store.house.words()
    if args.json:
        print_json({**values, "house_words": words})
        return 0
    for key, value in values.items():
        print(f"{key} = {value}    # {HOUSE_SETTINGS[key].label}")
    print(f"house_words = {', '.join(words) if words else '(none)'}")
    return 0


def _set(args: argparse.Namespace, store: Store) -> int:
    try:
        changes = set_house_setting(store, args.key, args.value)
    except ValueError as exc:
        print(f"newsdesk: {exc}", file=sys.stderr)
        return 1
    value = store.house.get(args.key)
    print(f"{args.key} = {value}" + ("" if changes.settings else " (unchanged)"))
    return 0


def _add_word(args: argparse.Namespace, store: Store) -> int:
    try:
        changes = add_house_word(store, args.word)
    except ValueError as exc:
        print(f"newsdesk: {exc}", file=sys.stderr)
        return 1
    word = " ".join(args.word.split())
    print(f"{word}: " + ("added." if changes.settings else "already on the list."))
    return 0


def _remove_word(args: argparse.Namespace, store: Store) -> int:
    if not remove_house_word(store, args.word).settings:
        print(f"newsdesk: {args.word.strip()!r} is not on the house word list.", file=sys.stderr)
        return 1
    print(f"{args.word.strip()}: removed.")
    return 0
