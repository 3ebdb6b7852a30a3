"""Publishing sites as operations: add (the login verified first), edit, remove.

The password never touches the store: it is kept in the OS keyring (or for the
session) once the site's row is written, and forgotten with the last site using it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..store.errors import StoreError
from .changes import Changes

if TYPE_CHECKING:
    import httpx

    from ..store import Store
    from ..store.sites import Site
    from ..sync.engine import VerifiedLogin

SITES = Changes(sites=True)


@dataclass
class AddedSite:
    site: Site
    login: VerifiedLogin
    kept: str  # where the password is kept: "keyring" or "session"
    changes: Changes


WINDOW_IN_DAYS = "The sync window is a number of days, 0 for the whole archive."


def category_map_from_pairs(pairs: list[str]) -> dict[str, str]:
    """LOCAL=REMOTE pairs (blank ones skipped) as a map; StoreError naming one written wrong."""
    found: dict[str, str] = {}
    for pair in (p.strip() for p in pairs):
        if not pair:
            continue
        local, sep, remote = pair.partition("=")
        if not sep or not local.strip() or not remote.strip():
            raise StoreError(f"{pair!r}: write it as LOCAL=REMOTE, e.g. News=Noticias.")
        found[local.strip()] = remote.strip()
    return found


def add_site(
    store: Store,
    name: str,
    url: str,
    user: str,
    password: str,
    *,
    ca_bundle: str = "",
    editions: list[str] | None = None,
    category_map: dict[str, str] | None = None,
    window_days: int | None = None,
    session_only: bool = False,
    transport: httpx.BaseTransport | None = None,
    login: VerifiedLogin | None = None,
) -> AddedSite:
    """Verify the login on the site, then record it (SyncError or StoreError in words).

    `login`: these same values were verified a moment ago (the window checks them on a
    thread of its own), so the database worker records the site without a request.

    The password is kept (keyring or session) only once the site's row is stored, so a
    failing store write (a duplicate name, a full disk) leaves no password behind; a
    failing password write takes the row back out.
    """
    from ..domain.article import now_utc
    from ..store.sites import Site
    from ..sync import credentials
    from ..sync.client import normalise_url
    from ..sync.engine import verify_login
    from ..sync.errors import NoKeyringError

    name = " ".join(name.split())
    if not name:
        raise StoreError("A site needs a name.")
    if window_days is not None and window_days < 0:
        raise StoreError(WINDOW_IN_DAYS)
    clean_url, _ = normalise_url(url)
    if not session_only and not credentials.keyring_available():
        raise NoKeyringError(credentials.no_keyring_message())
    if login is None:
        login = verify_login(
            url, user, password, ca_bundle=ca_bundle, site_name=name, transport=transport
        )
    site = Site(
        name=name, url=clean_url, username=user, ca_bundle=ca_bundle,
        editions=editions or [], category_map=category_map or {}, role=login.role,
        remote_user_id=login.user_id, has_plugin=login.has_plugin, verified_at=now_utc(),
    )  # fmt: skip
    if window_days is not None:
        site.window_days = window_days
    store.sites.add(site)
    try:
        kept = credentials.save_password(clean_url, user, password, session_only=session_only)
    except BaseException:
        with store.atomic():
            store.sites.remove(site.id or 0)
        raise
    return AddedSite(site, login, kept, SITES)


def edit_site(
    store: Store,
    name: str,
    *,
    editions: list[str] | None = None,
    category_map: dict[str, str] | None = None,
    ca_bundle: str | None = None,
    window_days: int | None = None,
) -> Changes:
    """Change what a site takes (its editions), its category names, its CA bundle or
    how far back a first pull reaches (days; 0: everything); None leaves a field as it is."""
    with store.atomic():
        site = store.sites.by_name(name)
        before = site.to_dict(), dict(site.category_map)
        if editions is not None:
            known = set(store.taxonomy.edition_codes())
            unknown = [e for e in editions if e not in known]
            if unknown:
                raise StoreError(
                    f"No edition {', '.join(unknown)} (editions: {', '.join(sorted(known))})."
                )
            site.editions = list(editions)
        if category_map is not None:
            site.category_map = dict(category_map)
        if ca_bundle is not None:
            site.ca_bundle = ca_bundle
        if window_days is not None:
            if window_days < 0:
                raise StoreError(WINDOW_IN_DAYS)
            site.window_days = window_days
        if (site.to_dict(), site.category_map) == before:
            return Changes()
        store.sites.update(site)
    return SITES


def remove_site(store: Store, name: str) -> Changes:
    """Forget a site; its password too, unless another site logs in the same way."""
    from ..sync import credentials

    with store.atomic():
        site = store.sites.by_name(name)
        sharing = [
            s for s in store.sites.list()
            if s.id != site.id and (s.url, s.username) == (site.url, site.username)
        ]  # fmt: skip
        store.sites.remove(site.id or 0)
    if not sharing:
        credentials.forget_password(site.url, site.username)
    return SITES


@dataclass
class Resolved:
    revision: int  # the article's revision that holds the choice
    changes: Changes


def resolve_conflict(
    store: Store, conflict_id: int, choice: str, edited: dict[str, Any] | None = None
) -> Resolved:
    """Settle a sync conflict: take "mine", "theirs" or an "edited" merge (StoreError for
    an unknown choice, one already settled, or conflict markers left in the body)."""
    from ..sync.conflicts import resolve

    article_id = store.sync.conflict(conflict_id).article_id
    number = resolve(store, conflict_id, choice, edited)
    return Resolved(number, Changes(articles=frozenset({article_id}), sites=True))
