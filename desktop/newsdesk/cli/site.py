"""Publishing sites and sync: `site add|list|remove`, `sync`, `conflict list|resolve`."""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from collections.abc import Callable
from typing import Any

from ..store import Store
from ..store.errors import StoreError
from .common import print_json, run_with_store


def register(sub: Any) -> None:
    site = sub.add_parser("site", help="publishing sites (WordPress)")
    site_sub = site.add_subparsers(dest="site_command", metavar="SITE_COMMAND", required=True)

    p = site_sub.add_parser("add", help="add a site; the login is verified at once")
    p.add_argument("name", help="a short name, e.g. english-site")
    p.add_argument("--url", required=True, help="the site's address, https://...")
    p.add_argument("--user", required=True, help="the WordPress user name")
    p.add_argument(
        "--password-stdin", action="store_true", help="read the application password from stdin"
    )
    p.add_argument("--ca-bundle", default="", help="a CA bundle file to trust for this site")
    p.add_argument(
        "--edition", action="append", default=[], help="editions this site takes (repeatable)"
    )
    p.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="LOCAL=REMOTE",
        help="a section/region name and the site's category for it, e.g. News=Noticias",
    )
    p.add_argument(
        "--window-days",
        type=int,
        default=None,
        metavar="DAYS",
        help="how far back the first sync reaches (default 90; 0 for the whole archive)",
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=run_with_store(_add))

    p = site_sub.add_parser("list", help="list the sites")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=run_with_store(_list))

    p = site_sub.add_parser("edit", help="change the editions a site takes or its categories")
    p.add_argument("name")
    p.add_argument(
        "--edition",
        action="append",
        default=None,
        help="editions this site takes (repeatable; replaces them; --edition '' for all)",
    )
    p.add_argument(
        "--map",
        action="append",
        default=None,
        metavar="LOCAL=REMOTE",
        help="the site's category for a section/region (repeatable; replaces the map)",
    )
    p.add_argument("--ca-bundle", default=None, help="a CA bundle file to trust for this site")
    p.add_argument(
        "--window-days",
        type=int,
        default=None,
        metavar="DAYS",
        help="how far back a sync reaches (0 for the whole archive); widening it brings"
        " the older stories at the next sync",
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=run_with_store(_edit))

    p = site_sub.add_parser(
        "search", help="search the site for stories, older ones outside the sync window too"
    )
    p.add_argument("text")
    p.add_argument("--site", default=None, help="which site (needed when there are several)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=run_with_store(_search))

    p = site_sub.add_parser("fetch", help="bring stories found by `site search` into this desktop")
    p.add_argument("post_id", nargs="+", type=int, help="the post ids `site search` gave")
    p.add_argument("--site", default=None, help="which site (needed when there are several)")
    p.set_defaults(handler=run_with_store(_fetch))

    p = site_sub.add_parser("remove", help="forget a site (and its password)")
    p.add_argument("name")
    p.set_defaults(handler=run_with_store(_remove))

    p = sub.add_parser("sync", help="push waiting changes, pull the sites' changes")
    p.add_argument("--site", help="only this site")
    p.add_argument("--json", action="store_true")
    p.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the site's application password from stdin (when no keyring exists); "
        "with several sites, --site says whose it is",
    )
    p.add_argument(
        "--check-deleted", action="store_true", help="also look for posts deleted on the server"
    )
    p.set_defaults(handler=run_with_store(_sync))

    conflict = sub.add_parser("conflict", help="sync conflicts: list, resolve")
    c_sub = conflict.add_subparsers(
        dest="conflict_command", metavar="CONFLICT_COMMAND", required=True
    )
    p = c_sub.add_parser("list", help="open conflicts")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=run_with_store(_conflicts))
    p = c_sub.add_parser("resolve", help="take mine or theirs")
    p.add_argument("id", type=int)
    p.add_argument("--take", choices=("mine", "theirs"), required=True)
    p.set_defaults(handler=run_with_store(_resolve))


def _err(message: str) -> None:
    print(f"newsdesk: {message}", file=sys.stderr)


def _read_password(args: argparse.Namespace) -> str:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\n")
    return getpass.getpass(f"Application password for {args.user}: ")


def _category_map(pairs: list[str]) -> dict[str, str] | None:
    """--map LOCAL=REMOTE pairs; None (and the reason said) for one written wrong."""
    from ..ops.sites import category_map_from_pairs

    try:
        return category_map_from_pairs(pairs)
    except StoreError as exc:
        _err(f"--map {exc}")
        return None


def _add(args: argparse.Namespace, store: Store) -> int:
    from ..ops.sites import add_site
    from ..sync import credentials
    from ..sync.client import normalise_url
    from ..sync.errors import NoKeyringError, SyncError

    category_map = _category_map(args.map)
    if category_map is None:
        return 2
    try:
        normalise_url(args.url)  # before asking for a password to send there
    except SyncError as exc:
        _err(str(exc))
        return 2
    password = _read_password(args)
    if not password:
        _err("no password given.")
        return 2
    session_only = False
    if not credentials.keyring_available():
        print(credentials.no_keyring_message(), file=sys.stderr)
        print(
            f"The site is added without its password; give it to `newsdesk sync --site "
            f"{args.name} --password-stdin` each time.",
            file=sys.stderr,
        )
        session_only = True
    try:
        added = add_site(
            store,
            args.name,
            args.url,
            args.user,
            password,
            ca_bundle=args.ca_bundle,
            editions=args.edition,
            session_only=session_only,
            category_map=category_map,
            window_days=args.window_days,
        )
    except NoKeyringError as exc:
        _err(str(exc))
        return 1
    except SyncError as exc:
        _err(str(exc))
        return 1
    site, login, kept = added.site, added.login, added.kept
    for warning in login.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    if args.json:
        print_json({**site.to_dict(), "password_kept_in": kept, "user": login.name})
    else:
        where = "the OS keyring" if kept == "keyring" else "memory for this session only"
        plugin = "with" if login.has_plugin else "without"
        print(
            f"Added {site.name}: logged in as {login.name} ({login.role}) at {site.url}, "
            f"{plugin} the Newsdesk companion plugin. Password kept in {where}."
        )
    return 0


def _list(args: argparse.Namespace, store: Store) -> int:
    sites = store.sites.list()
    if args.json:
        print_json([s.to_dict() for s in sites])
        return 0
    if not sites:
        print("No sites yet: newsdesk site add NAME --url URL --user USER")
    for s in sites:
        editions = ",".join(s.editions) or "all editions"
        plugin = "plugin" if s.has_plugin else "no plugin"
        print(
            f"{s.name:<16} {s.url:<40} {s.username} ({s.role}), {editions}, {plugin},"
            f" syncs {s.window_in_words()}"
        )
    return 0


def _one_site(store: Store, name: str | None) -> str | None:
    if name:
        return store.sites.by_name(name).name
    sites = store.sites.list()
    if len(sites) == 1:
        return sites[0].name
    _err(
        "Which site? --site NAME" if sites else "There is no publishing site: `newsdesk site add`."
    )
    return None


def _search(args: argparse.Namespace, store: Store) -> int:
    from ..sync.errors import SyncError
    from ..sync.site_search import search_site

    name = _one_site(store, args.site)
    if name is None:
        return 2
    try:
        found = search_site(store, name, args.text)
    except SyncError as exc:
        _err(str(exc))
        return 1
    if args.json:
        print_json([f.to_dict() for f in found])
        return 0
    if not found:
        print(f"Nothing on {name} matches “{args.text}”.")
    for f in found:
        here = f"here as article {f.article_id}" if f.article_id else "not here: site fetch ID"
        print(f"{f.post_id:>8}  {f.date[:10]}  {f.status:<8} {f.headline}  ({here})")
    return 0


def _fetch(args: argparse.Namespace, store: Store) -> int:
    from ..sync.errors import SyncError
    from ..sync.site_search import take_posts

    name = _one_site(store, args.site)
    if name is None:
        return 2
    try:
        result = take_posts(store, name, args.post_id)
    except SyncError as exc:
        _err(str(exc))
        return 1
    missing = len(args.post_id) - result.seen
    print(f"Fetched {len(result.pulled)} (new or changed), {result.seen - len(result.pulled)} up to date"
          + (f"; {missing} not on {name} (or not yours to edit)" if missing else "") + ".")  # fmt: skip
    return 0 if not missing else 1


def _remove(args: argparse.Namespace, store: Store) -> int:
    from ..ops.sites import remove_site

    name = store.sites.by_name(args.name).name
    remove_site(store, name)
    print(f"Removed {name}.")
    return 0


def _edit(args: argparse.Namespace, store: Store) -> int:
    from ..ops.sites import edit_site

    category_map = None
    if args.map is not None:
        category_map = _category_map(args.map)
        if category_map is None:
            return 2
    editions = None if args.edition is None else [e for e in args.edition if e]
    changes = edit_site(
        store,
        args.name,
        editions=editions,
        category_map=category_map,
        ca_bundle=args.ca_bundle,
        window_days=args.window_days,
    )
    site = store.sites.by_name(args.name)
    if args.json:
        print_json(site.to_dict())
    else:
        editions_text = ",".join(site.editions) or "all editions"
        print(
            f"{site.name}: {editions_text}, syncs {site.window_in_words()}"
            + ("" if changes.sites else " (unchanged)")
        )
    return 0


def _sync(args: argparse.Namespace, store: Store) -> int:
    from ..sync import credentials
    from ..sync.engine import SyncEngine

    if args.password_stdin:
        targets = [store.sites.by_name(args.site)] if args.site else store.sites.list()
        if len(targets) > 1:
            # One password for every site would hand each site the others' password.
            names = ", ".join(s.name for s in targets)
            _err(f"--password-stdin needs --site NAME: there are {len(targets)} sites ({names}).")
            return 2
        password = sys.stdin.readline().rstrip("\n")
        for site in targets:
            credentials.save_password(site.url, site.username, password, session_only=True)
    if not store.sites.list():
        _err("There is no publishing site to sync with: add one with "
             "`newsdesk site add NAME --url URL --user USER`. Everything stays local.")  # fmt: skip
        return 1
    progress = _progress_line() if sys.stderr.isatty() and not args.json else None
    report = SyncEngine(store, progress=progress).sync(args.site, check_deleted=args.check_deleted)
    if progress is not None:
        print(file=sys.stderr)  # end the progress line
    if args.json:
        print_json(report.to_dict())
    else:
        _print_report(report)
    return 0 if report.ok else 1


def _progress_line() -> Callable[[str, int, int], None]:
    """'Receiving 12,300/100,000 · about 6 min left', rewritten in place on a terminal."""
    from ..sync.eta import Eta, say_left

    eta = Eta()

    def show(phase: str, done: int, total: int) -> None:
        verb = "Sending" if phase == "push" else "Receiving"
        left = say_left(eta.update(phase, done, total))
        sys.stderr.write(f"\r{verb} {done:,}/{total:,}" + (f" · {left}" if left else "") + "\x1b[K")
        sys.stderr.flush()

    return show


# Stories named per kind in the plain report; the rest are counted (--json lists all).
# Conflicts and failures are always named in full: each needs someone to act.
REPORT_NAMES = 20


def _print_report(report: Any) -> None:
    def line(label: str, items: list[dict[str, Any]], detail: str = "", cap: bool = True) -> None:
        print(f"{label}: {len(items)}")
        shown = items[:REPORT_NAMES] if cap else items
        for item in shown:
            extra = f" — {item[detail]}" if detail and item.get(detail) else ""
            name = item.get("headline") or f"article {item.get('article_id', '')}"
            print(f"  {item.get('site', '')}: {name}{extra}")
        if len(items) > len(shown):
            print(
                f"  … and {len(items) - len(shown):,} more (`newsdesk sync --json` lists them all)"
            )

    line("pushed", report.pushed)
    line("pulled", report.pulled)
    line("merged", report.merged)
    line("conflicts", report.conflicts, "fields", cap=False)
    line("failed", report.failed, "error", cap=False)
    for offline in report.offline:
        print(f"offline: {offline} (changes wait in the outbox)")
    for lost in report.claims_lost:
        print(f"claim: {lost['site']}: {lost['headline']} — {lost['message']}")
    print(f"waiting: {report.waiting}")
    for warning in report.warnings:
        print(f"warning: {warning}", file=sys.stderr)


def _conflicts(args: argparse.Namespace, store: Store) -> int:
    rows = [
        {
            "id": c.id,
            "article_id": c.article_id,
            "site": store.sites.get(c.site_id).name,
            "fields": c.fields,
            "headline": c.mine.get("headline", ""),
            "created_at": c.created_at,
        }
        for c in store.sync.open_conflicts()
    ]
    if args.json:
        print_json(rows)
    else:
        for r in rows:
            print(f"{r['id']:>5}  {r['site']:<14} {', '.join(r['fields']):<20} {r['headline']}")
    return 0


def _resolve(args: argparse.Namespace, store: Store) -> int:
    from ..ops.sites import resolve_conflict

    number = resolve_conflict(store, args.id, args.take).revision
    print(json.dumps({"conflict": args.id, "took": args.take, "revision": number}))
    return 0
