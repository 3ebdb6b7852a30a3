"""The vocabulary from the command line: sections, subsections, regions, editions, tags."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from typing import Any

from ..ops import taxonomy as ops
from ..store import Store
from .common import print_json, run_with_store


def register(sub: Any) -> None:
    group = sub.add_parser("taxonomy", help="sections, regions, editions and tags")
    cmds = group.add_subparsers(dest="taxonomy_command", metavar="ACTION", required=True)

    p = cmds.add_parser("show", help="the sections (with subsections), regions, editions, tags")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=run_with_store(_show))

    def verb(name: str, help_text: str, *arguments: str, **extra: Any) -> None:
        p = cmds.add_parser(name, help=help_text)
        for argument in arguments:
            p.add_argument(argument, nargs="+" if argument == "sources" else None)
        for option, default in extra.items():
            p.add_argument(f"--{option}", default=default)
        p.set_defaults(handler=run_with_store(_do), verb=name)

    verb("add-section", "add a section", "name")
    verb("rename-section", "rename a section (its articles follow)", "old", "new")
    verb("add-subsection", "add a subsection to a section", "section", "name")
    verb("add-region", "add a region", "name")
    verb("add-edition", "add an edition", "code", "language", direction="ltr")
    verb("rename-tag", "rename a tag everywhere (onto an existing one: merge)", "old", "new")
    verb("merge-tags", "fold tags into one", "target", "sources")


def _do(args: argparse.Namespace, store: Store) -> int:
    run = {
        "add-section": lambda: ops.add_section(store, args.name),
        "rename-section": lambda: ops.rename_section(store, args.old, args.new),
        "add-subsection": lambda: ops.add_subsection(store, args.section, args.name),
        "add-region": lambda: ops.add_region(store, args.name),
        "add-edition": lambda: ops.add_edition(store, args.code, args.language, args.direction),
        "rename-tag": lambda: ops.rename_tag(store, args.old, args.new),
        "merge-tags": lambda: ops.merge_tags(store, args.sources, args.target),
    }[args.verb]
    changes = run()  # StoreError (a name taken, none given) becomes one line and exit 1
    touched = len(changes.articles)
    print(f"Done; {touched} article(s) follow." if touched else "Done.")
    return 0


def _show(args: argparse.Namespace, store: Store) -> int:
    t = store.taxonomy
    sections = {s: t.subsections(s) for s in t.sections()}
    regions = t.regions()
    editions = t.editions()
    tags = dict(store.tags.usage("", limit=10_000))
    if args.json:
        print_json(
            {
                "sections": sections,
                "regions": regions,
                "editions": [asdict(e) for e in editions],
                "tags": tags,
            }  # fmt: skip
        )
        return 0
    for section, subsections in sections.items():
        print(section + (f": {', '.join(subsections)}" if subsections else ""))
    print("Regions: " + ", ".join(regions))
    print("Editions: " + ", ".join(e.code for e in editions))
    print("Tags: " + ", ".join(f"{n} ({c})" for n, c in tags.items()))
    return 0
