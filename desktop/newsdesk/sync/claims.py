"""Claims shared through the site: who is editing a story, for every desktop and wp-admin.

With the companion plugin (2.1+) the site decides: a claim, take-over or release
goes to it at once (only editors claim; its clock; the person's display name),
and it also sets WordPress's post lock, so wp-admin says "… is currently
editing". Each sync brings the site's claims into the store, a lock taken in
wp-admin included; a desk whose claim was taken over learns it there.

Without the plugin (or before the story is on the site) a claim stays in this
store, and the outcome says why it is not shared.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..domain import workflow as rules
from ..ops import workflow as ops
from ..ops.changes import Changes
from ..ops.from_site import set_site_claims
from ..store.workflow import Claim, ClaimedError
from .errors import NetworkError, NotFoundOnServer, RefusedError

if TYPE_CHECKING:
    from ..store import Store
    from ..store.sites import Site
    from ..store.sync_state import RemotePost
    from .client import WordPressClient
    from .resources import SiteResources

NO_SITE = ""  # a newsroom of one desktop: nothing to share with, nothing to say
NO_PLUGIN = "not shared: the site has no Newsdesk plugin"
OLD_PLUGIN = "not shared: the site's Newsdesk plugin is older than 2.1"
NOT_ON_SITE = "not shared: the story is not on the site yet (sync first)"

Connect = Callable[["Site"], "WordPressClient"]


@dataclass(frozen=True)
class ClaimOutcome:
    changes: Changes
    claim: Claim | None  # the story's claim in this store afterwards
    not_shared: str = ""  # why it stayed local ("" when the site holds it)


@dataclass
class PulledClaims:
    """What a sync's claims changed here: the articles, and a line for each lost claim."""

    articles: list[int] = field(default_factory=list)
    lines: list[dict[str, Any]] = field(default_factory=list)


def shared_through(store: Store, article_id: int) -> tuple[Site, RemotePost] | str:
    """The site (with the plugin) holding the story, or why the claim stays local."""
    sites = store.sites.list()
    if not sites:
        return NO_SITE
    on_site = []
    for site in sites:
        rp = store.sync.remote_post(article_id, site.id or 0)
        if rp is not None and rp.remote_id is not None:
            on_site.append((site, rp))
    for site, rp in on_site:
        if site.has_plugin:
            return site, rp
    if on_site or not any(site.has_plugin for site in sites):
        return NO_PLUGIN
    return NOT_ON_SITE


def _as_claim(data: Any) -> Claim | None:
    if not isinstance(data, dict) or not data.get("name"):
        return None
    return Claim(str(data["name"]), str(data.get("at") or ""))


def claim(
    store: Store,
    article_id: int,
    *,
    editor: str,
    role: str,
    take_over: bool = False,
    connect: Connect,
) -> ClaimOutcome:
    """Claim (or take over) the story: the site decides when it can; refusals raise
    `ClaimedError` (held elsewhere) or `WorkflowError` (not an editor), in words."""
    store.articles.get(article_id)  # a clear error for an unknown story
    target = shared_through(store, article_id)
    if isinstance(target, str):
        return _locally(store, article_id, editor, role, take_over, target)
    site, rp = target
    try:
        with connect(site) as client:
            answer = client.post(
                f"/newsdesk/v1/posts/{rp.remote_id}/claim", {"take_over": take_over}
            )
    except NetworkError as exc:
        return _locally(store, article_id, editor, role, take_over, f"not shared: {exc}")
    except RefusedError as exc:
        if exc.code == "newsdesk_claimed":
            held = _as_claim(exc.data.get("claim"))
            set_site_claims(store, {article_id: held})
            raise ClaimedError(
                f"Being edited by {held.editor} since {held.claimed_at} (take over to continue)."
                if held
                else str(exc)
            ) from exc
        if exc.code == "rest_no_route":
            return _locally(store, article_id, editor, role, take_over, OLD_PLUGIN)
        if exc.code in ("newsdesk_claim_forbidden", "rest_forbidden"):
            raise rules.WorkflowError(f"Only editors claim stories ({site.name} says so).") from exc
        raise
    granted = _as_claim(answer.get("claim"))
    previous = _as_claim(answer.get("previous"))
    name = granted.editor if granted else editor
    with store.atomic():
        changes = ops.claim(store, article_id, editor=name, role=role, force=True)
        if previous is not None:
            took = f"Took the story over from {previous.editor}."
            changes |= ops.add_note(store, article_id, author=name, body=took, kind="takeover")
        changes |= set_site_claims(store, {article_id: granted})
    return ClaimOutcome(changes, store.workflow.claim_of(article_id))


def release(store: Store, article_id: int, *, editor: str, connect: Connect) -> ClaimOutcome:
    """Let go of the story; the site says whose it is afterwards (no one's, usually)."""
    store.articles.get(article_id)
    target = shared_through(store, article_id)
    if isinstance(target, str):
        return _released_locally(store, article_id, editor, target)
    site, rp = target
    try:
        with connect(site) as client:
            answer = client.delete(f"/newsdesk/v1/posts/{rp.remote_id}/claim")
    except NetworkError as exc:
        return _released_locally(store, article_id, editor, f"not shared: {exc}")
    except RefusedError as exc:
        if exc.code != "rest_no_route":
            raise
        return _released_locally(store, article_id, editor, OLD_PLUGIN)
    changes = set_site_claims(store, {article_id: _as_claim(answer.get("claim"))})
    return ClaimOutcome(changes, store.workflow.claim_of(article_id))


def _released_locally(store: Store, article_id: int, editor: str, why: str) -> ClaimOutcome:
    changes = ops.release(store, article_id, editor=editor)
    return ClaimOutcome(changes, store.workflow.claim_of(article_id), why)


def _locally(
    store: Store, article_id: int, editor: str, role: str, take_over: bool, why: str
) -> ClaimOutcome:
    if take_over:
        changes = ops.take_over(store, article_id, editor=editor)
    else:
        changes = ops.claim(store, article_id, editor=editor, role=role)
    return ClaimOutcome(changes, store.workflow.claim_of(article_id), why)


def fetch_claims(res: SiteResources) -> list[dict[str, Any]] | None:
    """The site's live claims, or None where there are none to read (no plugin, or one
    before 2.1). Only the network: the engine runs it beside the pull."""
    if not res.site.has_plugin:
        return None  # claims stay local (README: without the plugin)
    try:
        answer = res.client.request("GET", "/newsdesk/v1/claims")
    except (RefusedError, NotFoundOnServer):
        return None
    # Plugin 2.2: when the shared photo library last changed (sync/library.py).
    res.library_modified = answer.headers.get("X-Newsdesk-Library-Modified")
    rows = answer.json()
    return [row for row in rows if isinstance(row, dict)] if isinstance(rows, list) else None


def pull_claims(res: SiteResources, rows: list[dict[str, Any]] | None = None) -> PulledClaims:
    """The site's claims into the store, for every story mapped to it. A claim this
    store held that now names someone else is reported (the desk learns it lost it)."""
    pulled = PulledClaims()
    if rows is None:
        return pulled
    theirs = {
        int(row["post_id"]): Claim(str(row["name"]), str(row["at"]))
        for row in rows
        if row.get("post_id") and row.get("name")
    }
    sources = {
        int(row["post_id"]): str(row.get("source", "")) for row in rows if row.get("post_id")
    }
    store = res.store
    local = store.conn.execute(
        "SELECT r.article_id, r.remote_id, a.headline, c.editor, c.claimed_at "
        "FROM remote_posts r JOIN articles a ON a.id = r.article_id "
        "LEFT JOIN claims c ON c.article_id = r.article_id "
        "WHERE r.site_id = ? AND r.remote_id IS NOT NULL",
        (res.site_id,),
    ).fetchall()
    moved: dict[int, Claim | None] = {}
    for article_id, remote_id, headline, editor, claimed_at in local:
        mine = Claim(editor, claimed_at) if editor else None
        site_claim = theirs.get(int(remote_id))
        if mine != site_claim:
            moved[article_id] = site_claim
            pulled.articles.append(article_id)
            if mine is not None and site_claim is not None and site_claim.editor != mine.editor:
                where = " in wp-admin" if sources.get(int(remote_id)) == "wp-admin" else ""
                pulled.lines.append(
                    {
                        "article_id": article_id,
                        "headline": headline,
                        "site": res.site.name,
                        "claimed_by": site_claim.editor,
                        "was": mine.editor,
                        "message": f"{site_claim.editor} is editing it now{where} "
                        f"(taken over from {mine.editor})",
                    }
                )
    res.changes |= set_site_claims(store, moved)
    return pulled
