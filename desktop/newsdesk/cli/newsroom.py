"""The newsroom at a glance from the command line: `newsdesk queue` and `newsdesk show ID`.

Both read the store as the last sync left it: stages, claims and notes other
desktops made through the site are there after `newsdesk sync`.
"""

from __future__ import annotations

import argparse
from typing import Any

from ..store import Store
from .common import print_json, run_with_store

QUEUE_KEYS = (
    "id",
    "uuid",
    "headline",
    "status",
    "claimed_by",
    "claimed_at",
    "section",
    "edition",
    "priority",
    "waiting_since",
)


def register(sub: Any) -> None:
    p = sub.add_parser("queue", help="the editors' queue: submitted and in-edit stories")
    p.add_argument("--section")
    p.add_argument("--edition")
    p.add_argument("--json", action="store_true", help="print a JSON array")
    p.set_defaults(handler=run_with_store(_queue))

    p = sub.add_parser("show", help="one story: stage, claim, notes, lead photo, sites")
    p.add_argument("id", type=int)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=run_with_store(_show))


def _waiting_since(store: Store, rows: list[dict[str, Any]]) -> dict[int, str]:
    """When each story last went into the queue here (its submission), else when it
    last changed (a story pulled from another desktop has no local submission)."""
    ids = [int(r["id"]) for r in rows]
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    submitted = dict(
        store.conn.execute(
            f"SELECT article_id, max(at) FROM transitions WHERE action = 'submit' "
            f"AND article_id IN ({marks}) GROUP BY article_id",
            ids,
        ).fetchall()
    )
    return {int(r["id"]): str(submitted.get(r["id"]) or r["updated_at"]) for r in rows}


def _queue(args: argparse.Namespace, store: Store) -> int:
    rows = store.workflow.queue(section=args.section, edition=args.edition)
    since = _waiting_since(store, rows)
    items = [{**{k: r.get(k) for k in QUEUE_KEYS}, "waiting_since": since[r["id"]]} for r in rows]
    if args.json:
        print_json(items)
        return 0
    if not items:
        print("The queue is empty.")
    for r in items:
        claim = f"claimed by {r['claimed_by']}" if r["claimed_by"] else "unclaimed"
        print(
            f"{r['id']:>6}  {r['status']:<10} {r['edition']}  {r['section'] or '-':<12} "
            f"{r['headline']}  ({claim}; waiting since {r['waiting_since']})"
        )
    return 0


def _lead_photo(store: Store, article_id: int, photo_id: int | None) -> dict[str, Any] | None:
    if photo_id is None:
        return None
    photo = store.photos.get(photo_id)
    shown = store.photos.uses.article_caption(article_id, photo_id, "lead")
    return {
        "id": photo.id,
        "uuid": photo.uuid,
        "caption": shown.text,
        "credit": shown.credit,
        "alt": shown.alt_text,
    }


def _show(args: argparse.Namespace, store: Store) -> int:
    article = store.articles.get(args.id)
    assert article.id is not None
    claim = store.workflow.claim_of(article.id)
    notes = store.workflow.notes(article.id)
    lead = _lead_photo(store, article.id, article.lead_photo_id)
    sites = []
    for site in store.sites.list():
        rp = store.sync.remote_post(article.id, site.id or 0)
        if rp is not None:
            sites.append(
                {"site": site.name, "remote_id": rp.remote_id, "link": rp.link, "state": rp.state}
            )
    data = {
        "id": article.id,
        "uuid": article.uuid,
        "headline": article.headline,
        "standfirst": article.standfirst,
        "status": article.status,
        "section": article.section,
        "edition": article.edition,
        "byline": article.byline,
        "priority": article.priority,
        "scheduled_at": article.scheduled_at,
        "correction": article.correction,
        "claim": {"editor": claim.editor, "since": claim.claimed_at} if claim else None,
        "notes": len(notes),
        "last_note": notes[-1].body if notes else None,
        "lead_photo": lead,
        "sites": sites,
        "body": article.body,
    }
    if args.json:
        print_json(data)
        return 0
    print(f"{article.id}  {article.headline}")
    print(f"status: {article.status}   edition: {article.edition}   section: {article.section}")
    print(f"claim: {claim.editor} since {claim.claimed_at}" if claim else "claim: none")
    print(f"notes: {len(notes)}" + (f" (last: {notes[-1].body})" if notes else ""))
    if lead:
        print(f"lead photo: {lead['caption']} ({lead['credit']}); alt: {lead['alt']}")
    if article.correction:
        print(f"correction: {article.correction}")
    for s in sites:
        print(f"on {s['site']}: post {s['remote_id']} ({s['state']}) {s['link']}")
    return 0
