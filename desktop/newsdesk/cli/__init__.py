"""The command line: `newsdesk` with no command opens the GUI; subcommands script the store.

Each command group lives in its own module with `register(subparsers)`; the
group's handlers take the parsed arguments and return an exit status.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from .. import __version__
from . import articles, editorial, photo, site, transfer, workflow

# Command groups, in the order `--help` lists them. Add a module here to add a group.
GROUPS = [articles, transfer, photo, editorial, workflow, site]


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


def files_to_open(argv: Sequence[str], commands: Sequence[str]) -> tuple[list[str], list[str]]:
    """Split `newsdesk [options] FILE…` (the desktop opening files with Newsdesk, `Exec=newsdesk
    %F`) into the options and the article files; with a command, everything is the command's."""
    from pathlib import Path

    if any(arg in commands for arg in argv):
        return list(argv), []
    suffixes = (".md", ".markdown", ".json")
    files = [a for a in argv if a.lower().endswith(suffixes) and Path(a).is_file()]
    return [a for a in argv if a not in files], files


def main(argv: Sequence[str] | None = None) -> int:
    import sys

    parser = build_parser()
    commands = [
        name
        for action in parser._actions  # argparse keeps its subcommands only here
        if isinstance(action, argparse._SubParsersAction)
        for name in action.choices
    ]
    argv, files = files_to_open(sys.argv[1:] if argv is None else argv, commands)
    args, rest = parser.parse_known_args(argv)
    if args.command is None:
        from ..app import run_gui  # Qt is imported only when the GUI is wanted

        return run_gui(args.data_dir, rest, files)
    if rest:
        parser.error(f"unrecognised arguments: {' '.join(rest)}")
    return int(args.handler(args))
