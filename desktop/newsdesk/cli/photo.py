"""Photo commands: import, show, set, export, list and the photo desk's queue."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ..domain.captions import (
    CAPTION_STYLES,
    CHECK_NAMES,
    CaptionStyle,
    caption_style,
    house_form,
)
from ..ops import photos as photo_ops
from ..ops.photos import (
    fetch_full_file,
    publish_to_library,
    resolve_photo_conflict,
    set_lead,
    update_photo,
)
from ..photos.export import export_photo
from ..photos.imaging import DEFAULT_MAX_PIXELS, PhotoFileError
from ..photos.metadata import MetadataError
from ..store import Store
from ..store.photos import PhotoFilter
from .common import print_json, run_with_store

# --option -> photo field, for `photo set`
SET_OPTIONS = {
    "caption": "caption",
    "credit": "credit",
    "alt": "alt_text",
    "creator": "creator",
    "headline": "headline",
    "source": "source",
    "copyright": "copyright",
    "city": "city",
    "country": "country",
    "event": "event",
    "date": "date_created",
    "instructions": "instructions",
    "usage_terms": "usage_terms",
    "rights_expiry": "rights_expiry",
    "embargo_until": "embargo_until",
    "extended_description": "extended_description",
    "state": "caption_state",
}


def _add_style_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--caption-style",
        choices=CAPTION_STYLES,
        default=None,
        help="where the credit closes a caption: (AP) or / AP "
        "(default: the house style, `newsdesk house show`)",
    )


def house_style(
    args: argparse.Namespace, store: Store, *, stored_checks: bool = False
) -> CaptionStyle:
    """The caption style for this command: --caption-style, else the house style.

    An option overrides the store's house style for this command only, so its checks
    follow it. `stored_checks` brings the checks kept with each photo (what
    `list` shows) in line with it too.
    """
    chosen = getattr(args, "caption_style", None) or store.photos.caption_style
    if stored_checks:
        photo_ops.follow_caption_style(store, caption_style(chosen))
    else:
        store.photos.caption_style = caption_style(chosen)
    return store.photos.caption_style


def register(sub: Any) -> None:
    photo = sub.add_parser("photo", help="the photo library: import, caption, check, export")
    cmds = photo.add_subparsers(dest="photo_command", metavar="ACTION", required=True)

    p = cmds.add_parser("import", help="copy photos (files or folders) into the library")
    p.add_argument("files", nargs="+", metavar="FILE", help="image files or folders")
    p.add_argument("--workers", type=int, default=None, help="processes for thumbnails")
    p.add_argument(
        "--max-megapixels",
        type=float,
        default=DEFAULT_MAX_PIXELS / 1_000_000,
        help="refuse larger images (default %(default).0f)",
    )
    _add_style_option(p)
    p.set_defaults(handler=run_with_store(_import))

    p = cmds.add_parser("show", help="a photo's fields and checks")
    p.add_argument("photo", metavar="ID", help="photo id or uuid")
    p.add_argument("--json", action="store_true")
    _add_style_option(p)
    p.set_defaults(handler=run_with_store(_show))

    p = cmds.add_parser("set", help="change a photo's caption fields")
    p.add_argument("photo", metavar="ID", help="photo id or uuid")
    for option, name in SET_OPTIONS.items():
        p.add_argument("--" + option.replace("_", "-"), dest=option, metavar=name.upper())
    p.add_argument("--keywords", help="comma-separated keywords (replaces them all)")
    p.add_argument(
        "--no-embargo",
        action="store_true",
        help="clear the embargo (--embargo-until TIME sets it: ISO, UTC unless a zone is given)",
    )
    p.add_argument(
        "--keep-location",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="keep the GPS position in the copy sites receive, for a photo whose place is "
        "the news (off by default: sites never receive it)",
    )
    p.add_argument(
        "--house-form",
        action="store_true",
        help='close the caption with the credit, "(credit)" or "/ credit" by --caption-style, '
        "and a full stop before it",
    )
    _add_style_option(p)
    p.set_defaults(handler=run_with_store(_set))

    p = cmds.add_parser("export", help="write a JPEG with IPTC and XMP captions")
    p.add_argument("photo", metavar="ID", help="photo id or uuid")
    p.add_argument("-o", "--output", required=True, metavar="FILE")
    p.add_argument("--long-edge", type=int, metavar="N", help="resize to N pixels on the long side")
    p.set_defaults(handler=run_with_store(_export))

    p = cmds.add_parser("list", help="photos in the library, newest import first")
    p.add_argument("--search", default="", help="full-text search over captions")
    p.add_argument("--failing", action="store_true", help="only photos failing a check")
    p.add_argument("--credit", default="")
    p.add_argument("--json", action="store_true")
    _add_style_option(p)
    p.set_defaults(handler=run_with_store(_list))

    p = cmds.add_parser(
        "publish", help="send photos to the sites' shared library (once per site, by content)"
    )
    p.add_argument("photos", nargs="+", metavar="ID", help="photo ids or uuids")
    p.add_argument("--site", default=None, help="only this site (default: every site)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=run_with_store(_publish))

    p = cmds.add_parser("fetch", help="download the full file of a photo from the site's library")
    p.add_argument("photo", metavar="ID", help="photo id or uuid")
    p.add_argument("--site", default=None)
    p.set_defaults(handler=run_with_store(_fetch))

    p = cmds.add_parser("resolve", help="settle a caption conflict with a site's library")
    p.add_argument("photo", metavar="ID", help="photo id or uuid")
    keep = p.add_mutually_exclusive_group(required=True)
    keep.add_argument("--mine", dest="keep", action="store_const", const="mine")
    keep.add_argument("--theirs", dest="keep", action="store_const", const="theirs")
    p.set_defaults(handler=run_with_store(_resolve))

    p = cmds.add_parser(
        "queue",
        help="stories (this desktop's and those synced from the site) whose photos fail a "
        "check (an embargo included) or that still want a lead photo",
    )
    p.add_argument("--json", action="store_true")
    _add_style_option(p)
    p.set_defaults(handler=run_with_store(_queue))

    p = cmds.add_parser("lead", help="make a photo an article's lead image (or --clear it)")
    p.add_argument("article", type=int, metavar="ARTICLE")
    p.add_argument("photo", nargs="?", metavar="ID", help="photo id or uuid")
    p.add_argument("--clear", action="store_true", help="the article has no lead photo")
    p.set_defaults(handler=run_with_store(_lead))


def _import(args: argparse.Namespace, store: Store) -> int:
    house_style(args, store)  # the checks stored with each new photo
    report = photo_ops.import_photos(
        store,
        args.files,
        workers=args.workers,
        max_pixels=int(args.max_megapixels * 1_000_000),
    ).report
    for photo in report.photos:
        print(photo.id)
    for note in report.notes:
        print(f"newsdesk: note: {note}", file=sys.stderr)
    for problem in report.problems:
        print(f"newsdesk: skipped {problem.message}", file=sys.stderr)
    if report.duplicates:
        print(
            f"newsdesk: {len(report.duplicates)} already in the library (same bytes), not copied again",
            file=sys.stderr,
        )
    return 1 if report.problems else 0


def photo_json(store: Store, ref: str) -> dict[str, Any]:
    photo = store.photos.resolve(ref)
    data = photo.to_dict()
    data["original_path"] = str(store.photos.original_path(photo))
    data["thumbnail_path"] = str(store.photos.thumbnail_path(photo))
    data["checks"] = [
        {
            "code": p.code,
            "field": p.field,
            "name": CHECK_NAMES.get(p.code, p.code),
            "message": p.message,
        }
        for p in store.photos.check(photo)
    ]
    assert photo.id is not None
    data["used_in"] = store.photos.uses.articles_using(photo.id)
    return data


def _show(args: argparse.Namespace, store: Store) -> int:
    house_style(args, store)
    data = photo_json(store, args.photo)
    if args.json:
        print_json(data)
        return 0
    for key in ("id", "uuid", "original_name", "width", "height", "caption_state"):
        print(f"{key:>20}: {data[key]}")
    for key in SET_OPTIONS.values():
        if key != "caption_state" and data.get(key):
            print(f"{key:>20}: {data[key]}")
    if data["keywords"]:
        print(f"{'keywords':>20}: {', '.join(data['keywords'])}")
    location = (
        "kept in the public copy" if data["keep_location"] else "removed from the public copy"
    )
    print(f"{'GPS position':>20}: {location}")
    for check in data["checks"]:
        print(f"{'check':>20}: {check['field']}: {check['message']}")
    return 0


def _set(args: argparse.Namespace, store: Store) -> int:
    style = house_style(args, store)
    photo = store.photos.resolve(args.photo)
    changes: dict[str, Any] = {}
    for option, name in SET_OPTIONS.items():
        value = getattr(args, option)
        if value is not None:
            changes[name] = value
    if args.no_embargo:
        if args.embargo_until is not None:
            print("newsdesk: give --embargo-until or --no-embargo, not both", file=sys.stderr)
            return 2
        changes["embargo_until"] = ""
    if args.keep_location is not None:
        changes["keep_location"] = args.keep_location
    if args.keywords is not None:
        changes["keywords"] = [k.strip() for k in args.keywords.split(",") if k.strip()]
    if args.house_form:
        changes["caption"] = house_form(
            changes.get("caption", photo.caption), changes.get("credit", photo.credit), style
        )
    if not changes:
        print("newsdesk: nothing to change; give --caption, --credit, --alt, ...", file=sys.stderr)
        return 2
    assert photo.id is not None
    update_photo(store, photo.id, **changes)
    updated = store.photos.get(photo.id)
    for problem in store.photos.check(updated):
        print(f"newsdesk: check: {problem.field}: {problem.message}", file=sys.stderr)
    return 0


def _export(args: argparse.Namespace, store: Store) -> int:
    photo = store.photos.resolve(args.photo)
    try:
        result = export_photo(
            photo, store.photos.original_path(photo), Path(args.output), long_edge=args.long_edge
        )
    except (PhotoFileError, MetadataError) as exc:
        print(f"newsdesk: {exc}", file=sys.stderr)
        return 1
    for note in result.notes:
        print(f"newsdesk: note: {note}", file=sys.stderr)
    print(f"{result.path}  {result.width}×{result.height}")
    return 0


def _list(args: argparse.Namespace, store: Store) -> int:
    house_style(args, store, stored_checks=True)
    flt = PhotoFilter(text=args.search, credit=args.credit, state="failing" if args.failing else "")
    rows = store.photos.grid_rows(flt)
    people = store.photos.library.people([r[0] for r in rows])
    if args.json:
        print_json(
            [
                {
                    "id": r[0],
                    "uuid": r[1],
                    "name": r[3],
                    "caption": r[4],
                    "credit": r[5],
                    "alt": people[r[0]].alt_text,
                    "origin": people[r[0]].origin or "this desktop",
                    "captioned_by": people[r[0]].captioned_by,
                    "file_here": people[r[0]].file_here,
                    "checks": list(r[7]),
                }
                for r in rows
            ]
        )
        return 0
    for r in rows:
        flags = ",".join(r[7]) or "ok"
        who = people[r[0]]
        where = (who.origin or "here")[:24] + ("" if who.file_here else " (thumbnail)")
        print(f"{r[0]:>6}  {r[3][:28]:<28} {where:<36} {flags:<30} {r[4][:60]}")
    return 0


def _publish(args: argparse.Namespace, store: Store) -> int:
    from ..sync.errors import SyncError

    ids = [store.photos.resolve(ref).id or 0 for ref in args.photos]
    try:
        _, reports = publish_to_library(store, ids, site_name=args.site)
    except SyncError as exc:  # offline, a rejected password: nothing is lost here
        print(f"newsdesk: {exc}", file=sys.stderr)
        return 1
    if not reports:
        print("newsdesk: no site to publish to; add one with `newsdesk site add`", file=sys.stderr)
        return 1
    failed = False
    out = []
    for site, report in reports:
        out.append(
            {"site": site, "sent": report.sent, "reused": report.reused,
             "failed": [{"id": i, "error": e} for i, e in report.failed]}
        )  # fmt: skip
        for photo_id, error in report.failed:
            print(f"newsdesk: photo {photo_id}: {site}: {error}", file=sys.stderr)
            failed = True
    if args.json:
        print_json(out)
    else:
        for item in out:
            print(
                f"{item['site']}: {len(item['sent'])} sent, "
                f"{len(item['reused'])} already in the library"
            )
    return 1 if failed else 0


def _resolve(args: argparse.Namespace, store: Store) -> int:
    photo = store.photos.resolve(args.photo)
    assert photo.id is not None
    resolve_photo_conflict(store, photo.id, keep=args.keep)
    kept = "yours goes to the site at the next sync" if args.keep == "mine" else "the site's"
    print(f"photo {photo.id}: {kept}")
    return 0


def _fetch(args: argparse.Namespace, store: Store) -> int:
    photo = store.photos.resolve(args.photo)
    assert photo.id is not None
    from ..sync.errors import SyncError

    try:
        fetch_full_file(store, photo.id, site_name=args.site)
    except SyncError as exc:
        print(f"newsdesk: {exc}", file=sys.stderr)
        return 1
    print(store.photos.original_path(store.photos.get(photo.id)))
    return 0


def _queue(args: argparse.Namespace, store: Store) -> int:
    house_style(args, store)
    entries = store.photos.uses.queue()
    if args.json:
        print_json([e.to_dict() for e in entries])
        return 0
    for e in entries:
        codes = sorted({p.code for u in e.failing for p in u.problems})
        if e.no_lead:
            codes.insert(0, "no_lead_photo")
        print(f"{e.article_id:>6}  {e.status:<10} {e.headline[:50]:<50} {', '.join(codes)}")
        for used in e.failing:
            for problem in used.problems:
                print(f"{'':>8}{used.use.role} photo {used.photo.id}: {problem.message}")
    return 0


def _lead(args: argparse.Namespace, store: Store) -> int:
    if args.clear == (args.photo is not None):
        print("newsdesk: give a photo, or --clear (not both)", file=sys.stderr)
        return 2
    photo_id = None if args.clear else store.photos.resolve(args.photo).id
    set_lead(store, args.article, photo_id)
    article = store.articles.get(args.article)
    print(f"{article.id}\tlead photo {photo_id if photo_id is not None else 'none'}")
    return 0
