"""The editorial verbs from the command line, through the same operations as the window.

    newsdesk submit ID                     newsdesk claim ID [--take-over]
    newsdesk approve ID                    newsdesk release ID
    newsdesk return ID --note TEXT         newsdesk note ID TEXT [--reply-to NOTE]
    newsdesk schedule ID --at TIME         newsdesk notes ID [--json]
    newsdesk publish | unschedule | update | spike | unspike | start-edit ID
    newsdesk correct | kill ID --note TEXT

Who acts: `--as NAME --role ROLE`, else the name and role in Preferences.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any

from ..domain import workflow as rules
from ..ops import workflow as ops
from ..paths import data_dir
from ..services.editorial import ChecklistFailed
from ..store import Store
from ..store.workflow import ClaimedError
from ..sync import claims
from ..sync.errors import SyncError
from .common import print_json, run_with_store
from .personal import personal_value

# The action's name on the command line ("start edit" -> start-edit).
_VERB = {action: action.value.replace(" ", "-") for action in rules.Action}
_NEEDS_NOTE = {t.action for t in rules.TRANSITIONS if t.needs_note}
_HELP = {
    rules.Action.SUBMIT: "send your story to the editors' queue",
    rules.Action.START_EDIT: "start editing a submitted story (claims it)",
    rules.Action.RETURN: "send a story back to its reporter, with a --note",
    rules.Action.APPROVE: "approve a story in the queue",
    rules.Action.SCHEDULE: "publish a story at --at TIME (checklist first)",
    rules.Action.UNSCHEDULE: "take a story off the schedule (back to approved)",
    rules.Action.PUBLISH: "publish a story now (checklist first)",
    rules.Action.UPDATE: "mark a published story updated",
    rules.Action.CORRECT: "correct a published story, with the correction as --note",
    rules.Action.KILL: "withdraw a published story, with the reason as --note",
    rules.Action.SPIKE: "set a story aside (recoverable)",
    rules.Action.UNSPIKE: "bring a spiked story back where it was",
}


def register(sub: Any) -> None:
    for action, verb in _VERB.items():
        p = sub.add_parser(verb, help=_HELP[action])
        p.add_argument("id", type=int)
        p.add_argument("--note", default="", required=action in _NEEDS_NOTE)
        if action == rules.Action.SCHEDULE:
            p.add_argument("--at", required=True, metavar="TIME", help="ISO time, UTC")
        _who(p)
        p.set_defaults(handler=_acting(_move), action=action)

    p = sub.add_parser("claim", help="take a story to edit (or --take-over from a colleague)")
    p.add_argument("id", type=int)
    p.add_argument("--take-over", action="store_true")
    _who(p)
    p.set_defaults(handler=_acting(_claim))

    p = sub.add_parser("release", help="let go of a story you claimed")
    p.add_argument("id", type=int)
    _who(p)
    p.set_defaults(handler=_acting(_release))

    p = sub.add_parser("note", help="add a note to a story's thread (never published)")
    p.add_argument("id", type=int)
    p.add_argument("text")
    p.add_argument("--reply-to", type=int, metavar="NOTE", help="the note answered (its id)")
    _who(p)
    p.set_defaults(handler=_acting(_note))

    p = sub.add_parser("notes", help="a story's notes, oldest first")
    p.add_argument("id", type=int)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=run_with_store(_notes))


def _who(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--as", dest="actor", metavar="NAME", help="default: your name")
    parser.add_argument(
        "--role",
        choices=[r.value for r in rules.Role],
        help="default: your role in Preferences",
    )


def _identity(args: argparse.Namespace) -> tuple[str, str]:
    folder = data_dir(args.data_dir)
    actor = args.actor or personal_value(folder, "user/name") or ""
    role = args.role or rules.Role.from_setting(personal_value(folder, "user/role") or "")
    if not actor:
        raise rules.WorkflowError(
            "Who is acting? Pass --as NAME (or set your name in Preferences)."
        )
    return actor, role


def _refused(exc: Exception) -> int:
    if isinstance(exc, ChecklistFailed):
        for failure in exc.failures:
            print(f"newsdesk: FAIL {failure.rule}: {failure.message}", file=sys.stderr)
    print(f"newsdesk: {exc}", file=sys.stderr)
    return 1


def _acting(handler: Callable[[argparse.Namespace, Store, str, str], None]) -> Any:
    """A handler run as the person acting (--as/--role, else Preferences); a refusal of
    the workflow's rules is one line (each failing checklist rule too) and exit 1."""

    def run(args: argparse.Namespace, store: Store) -> int:
        try:
            actor, role = _identity(args)
            handler(args, store, actor, role)
        except (rules.WorkflowError, ClaimedError, SyncError) as exc:
            return _refused(exc)
        return 0

    return run_with_store(run)


def _move(args: argparse.Namespace, store: Store, actor: str, role: str) -> None:
    ops.transition(
        store,
        args.id,
        args.action,
        actor=actor,
        role=role,
        note=args.note,
        scheduled_at=getattr(args, "at", None),
    )
    article = store.articles.get(args.id)
    print(f"{article.id}\t{article.status}\t{article.headline}")


def _claim(args: argparse.Namespace, store: Store, actor: str, role: str) -> None:
    """Through the site when it has the companion plugin (it decides); else local."""
    from ..sync.engine import SyncEngine  # httpx only when a claim is made

    outcome = claims.claim(
        store,
        args.id,
        editor=actor,
        role=role,
        take_over=args.take_over,
        connect=SyncEngine(store).client_for,
    )
    held = outcome.claim
    shared = f"\t({outcome.not_shared})" if outcome.not_shared else ""
    print(f"{args.id}\tclaimed by {held.editor if held else '-'}{shared}")


def _release(args: argparse.Namespace, store: Store, actor: str, _role: str) -> None:
    from ..sync.engine import SyncEngine

    outcome = claims.release(store, args.id, editor=actor, connect=SyncEngine(store).client_for)
    held = outcome.claim
    shared = f"\t({outcome.not_shared})" if outcome.not_shared else ""
    print(f"{args.id}\t{'claimed by ' + held.editor if held else 'released'}{shared}")


def _note(args: argparse.Namespace, store: Store, actor: str, _role: str) -> None:
    store.articles.get(args.id)  # a clear error for an unknown story
    ops.add_note(store, args.id, author=actor, body=args.text, parent_id=args.reply_to)


def _notes(args: argparse.Namespace, store: Store) -> int:
    notes = store.workflow.notes(args.id)
    if args.json:
        print_json(
            [
                {
                    "id": n.id,
                    "reply_to": n.parent_id,
                    "author": n.author,
                    "kind": n.kind,
                    "at": n.created_at,
                    "body": n.body,
                }
                for n in notes
            ]
        )
        return 0
    for n in notes:
        lead = "  ↳ " if n.parent_id else ""
        print(f"{lead}#{n.id} {n.author} · {n.created_at} · {n.kind}\n{lead}  {n.body}")
    return 0
