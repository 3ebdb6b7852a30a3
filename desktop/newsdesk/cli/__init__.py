"""The command line: `newsdesk` with no command opens the GUI; subcommands script the store.

Each command group lives in its own module with `register(subparsers)`; the
group's handlers take the parsed arguments and return an exit status.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from .. import __version__
from . import articles, editorial, newsroom, photo, site, transfer, workflow

# Command groups, in the order `--help` lists them. Add a module here to add a group.
GROUPS = [articles, transfer, photo, editorial, workflow, newsroom, site]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsdesk", description="Newsdesk: a desktop newsroom editor."
    )
    parser.add_argument("--version", action="version", version=f"newsdesk {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="the store's folder (default: $NEWSDESK_DATA_DIR, else the user data folder)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for group in GROUPS:
        group.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args, rest = parser.parse_known_args(argv)
    if args.command is None:
        from ..app import run_gui  # Qt is imported only when the GUI is wanted

        return run_gui(args.data_dir, rest)
    if rest:
        parser.error(f"unrecognised arguments: {' '.join(rest)}")
    return int(args.handler(args))
