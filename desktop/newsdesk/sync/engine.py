"""The sync engine: drain the outbox (with retries), pull, keep conflicts; and site setup.

Everything here is blocking and Qt-free: the GUI runs `SyncEngine.sync` on a
worker thread, the CLI calls it directly.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

import httpx

from ..ops.changes import Changes
from ..store.sites import Site
from . import credentials
from .changes import ChangeCheck
from .claims import fetch_claims, pull_claims
from .client import WordPressClient
from .errors import NetworkError, SyncError
from .library import LibraryReport, sync_library
from .missing_categories import open_warnings, queue_found
from .pull import pull_site
from .push import batch_create, push_article
from .reconcile import article_revision
from .resources import SiteResources
from .schedule import missed_schedules, publish_missed

if TYPE_CHECKING:
    from ..store import Store

BACKOFF_BASE_SECONDS = 2.0
BACKOFF_CAP_SECONDS = 15 * 60


def backoff_delay(attempts: int, rng: Callable[[], float] = random.random) -> float:
    """Exponential back-off with jitter: 2 s, 4 s, 8 s ... up to 15 min, each ±50 %."""
    delay = min(BACKOFF_CAP_SECONDS, BACKOFF_BASE_SECONDS * 2**attempts)
    return delay * (0.5 + rng())


@dataclass
class SyncReport:
    pushed: list[dict[str, Any]] = field(default_factory=list)
    pulled: list[dict[str, Any]] = field(default_factory=list)
    merged: list[dict[str, Any]] = field(default_factory=list)
    conflicts: list[dict[str, Any]] = field(default_factory=list)
    failed: list[dict[str, Any]] = field(default_factory=list)
    offline: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # Stories whose claim changed on the site; `claims_lost`: those another editor took.
    claimed: list[int] = field(default_factory=list)
    claims_lost: list[dict[str, Any]] = field(default_factory=list)
    # The shared photo library: photos arrived, updated from and sent to the sites.
    photos: dict[str, int] = field(default_factory=dict)
    photo_ids: list[int] = field(default_factory=list)  # arrived or changed: screens follow
    waiting: int = 0
    requests: int = 0
    # What the sync changed in the newsroom, as its operations told (the window announces it).
    changes: Changes = field(default_factory=Changes)

    @property
    def ok(self) -> bool:
        return not self.failed and not self.conflicts and not self.offline

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        del data["changes"]  # the lists above name the same articles and photos
        data["ok"] = self.ok
        return data


@dataclass
class VerifiedLogin:
    user_id: int
    name: str
    roles: list[str]
    has_plugin: bool
    warnings: list[str]

    @property
    def role(self) -> str:
        return self.roles[0] if self.roles else ""


def verify_login(
    url: str,
    user: str,
    password: str,
    *,
    ca_bundle: str = "",
    site_name: str = "",
    transport: httpx.BaseTransport | None = None,
) -> VerifiedLogin:
    """Log in once against /wp/v2/users/me (public routes would answer anyone)."""
    with WordPressClient(
        url, user, password, ca_bundle=ca_bundle, site_name=site_name, transport=transport
    ) as client:
        me = client.me()
        meta_schema = client.plugin_meta_schema()
        warnings = list(client.warnings)
        if meta_schema == 1:
            warnings.append(
                "The companion plugin on this site is version 1, which shows notes, sources "
                "and Markdown to anyone who can read a post: replace it with the current "
                "newsdesk-sync.php (published posts get nothing private until then)."
            )
        return VerifiedLogin(
            user_id=int(me["id"]),
            name=str(me.get("name", user)),
            roles=[str(r) for r in me.get("roles", [])],
            has_plugin=meta_schema > 0,
            warnings=warnings,
        )


class SyncEngine:
    def __init__(
        self,
        store: Store,
        *,
        transport: httpx.BaseTransport | None = None,
        timeout: float = 30.0,
        use_batch: bool = True,
        rng: Callable[[], float] = random.random,
        progress: Callable[[str, int, int], None] | None = None,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self.store = store
        self.clock = clock  # when the last full sync is too old (sync/changes.py)
        self.progress = progress
        self.transport = transport
        self.timeout = timeout
        self.use_batch = use_batch
        self.rng = rng

    def client_for(self, site: Site) -> WordPressClient:
        password = credentials.get_password(site.url, site.username, site.name)
        return WordPressClient(
            site.url,
            site.username,
            password,
            ca_bundle=site.ca_bundle,
            site_name=site.name,
            role=site.role,
            timeout=self.timeout,
            transport=self.transport,
        )

    def sync(
        self,
        site_name: str | None = None,
        *,
        check_deleted: bool = False,
        respect_backoff: bool = False,
    ) -> SyncReport:
        """Push what waits, then pull. A person asking to sync now (`respect_backoff`
        False) does not wait out the back-off; the background loop does."""
        report = SyncReport()
        if not respect_backoff:
            with self.store.atomic():
                self.store.sync.make_all_due()
        sites = [self.store.sites.by_name(site_name)] if site_name else self.store.sites.list()
        for site in sites:
            try:
                client = self.client_for(site)
            except SyncError as exc:
                report.failed.append({"site": site.name, "error": str(exc)})
                continue
            with client:
                report.warnings.extend(client.warnings)
                res = SiteResources(self.store, site, client)
                check = ChangeCheck(res, self.clock(), full=check_deleted)
                try:
                    if check.quiet():
                        # The site's change counter stands where the last complete
                        # sync left it and nothing waits here: that one request.
                        report.requests += client.counter.requests
                        continue
                    queue_found(res)  # a category the site lacked exists now: set it
                    self.push(res, report)
                    publish_missed(res)  # before the pull, which then sees them published
                    check.before_pull()
                    with ThreadPoolExecutor(1) as beside:
                        # Claims change no post's modified time: read beside the pull.
                        site_claims = beside.submit(fetch_claims, res)
                        self.pull(res, report, check_deleted=check_deleted)
                        claim_rows = site_claims.result()
                        claims = pull_claims(res, claim_rows)
                    # The shared photo library after the stories: a photo a pulled story
                    # shows is theirs to bring (and retry); the library skips it.
                    library = sync_library(res)
                    self._library(res, report, library)
                    report.claimed.extend(claims.articles)
                    report.claims_lost.extend(claims.lines)
                    report.warnings.extend(missed_schedules(res))
                    if respect_backoff and self.store.outbox.count_pending():
                        # The site answered the pull: it is back, so what waited out
                        # a back-off goes now instead of at its next slot.
                        with self.store.atomic():
                            self.store.sync.make_all_due()
                        self.push(res, report)
                    check.remember(claim_rows, complete=not library.failed)
                except NetworkError as exc:
                    report.offline.append(f"{site.name}: {exc}")
                    self._log(site, f"Offline: {exc}", "warning")
                except SyncError as exc:
                    report.failed.append({"site": site.name, "error": str(exc)})
                    self._log(site, str(exc), "error")
                report.warnings.extend(res.warnings)
                report.requests += client.counter.requests
                report.changes |= res.changes  # stored even when the site went away midway
        report.waiting = self.store.outbox.count_pending()
        # What remains unresolved is reported every time, not only when it arose.
        report.warnings.extend(open_warnings(self.store, sites))
        site_names = {site.id: site.name for site in sites}
        report.conflicts = [
            {
                "conflict_id": c.id,
                "article_id": c.article_id,
                "headline": c.mine.get("headline", ""),
                "site": site_names[c.site_id],
                "fields": c.fields,
            }
            for c in self.store.sync.open_conflicts()
            if c.site_id in site_names
        ]
        for site_id, photo_id, theirs in self.store.photos.library.conflicts():
            if site_id in site_names:
                report.conflicts.append(
                    {
                        "photo_id": photo_id,
                        "headline": f"photo {photo_id} (newsdesk photo resolve)",
                        "site": site_names[site_id],
                        "fields": sorted(theirs),
                    }
                )
        return report

    def _library(self, res: SiteResources, report: SyncReport, library: LibraryReport) -> None:
        for name in ("arrived", "updated", "pushed"):
            count = len(getattr(library, name))
            report.photos[name] = report.photos.get(name, 0) + count
        report.photo_ids.extend(library.arrived + library.updated)
        for photo_id, error in library.failed:
            about = f"photo {photo_id}: " if photo_id else ""
            report.warnings.append(f"{about}{res.site.name}: {error}")

    # --- push ---------------------------------------------------------------
    def push(self, res: SiteResources, report: SyncReport) -> None:
        entries = self.store.sync.due_entries()
        fresh: list[tuple[Any, Any]] = []
        for done, entry in enumerate(entries):
            if self.progress is not None:
                self.progress("push", done, len(entries))
            article = self.store.articles.get(entry.article_id)
            if not res.site.takes(article.edition):
                self._finish_if_everywhere(entry.id, entry.article_id, entry.revision)
                continue
            if self.use_batch and self.store.sync.remote_post(article.id or 0, res.site_id) is None:
                fresh.append((entry, article))
                continue
            self._push_one(res, report, entry, article)
        if fresh:
            self._push_batch(res, report, fresh)

    def _push_one(self, res: SiteResources, report: SyncReport, entry: Any, article: Any) -> None:
        try:
            result = push_article(res, article)
        except NetworkError as exc:
            self._retry(res, entry, exc)
            raise
        except SyncError as exc:
            self._fail(res, report, entry, article, exc)
            return
        self._record(res, report, entry, article, result)

    def _push_batch(
        self, res: SiteResources, report: SyncReport, fresh: list[tuple[Any, Any]]
    ) -> None:
        try:
            results, _ = batch_create(res, [a for _, a in fresh])
        except NetworkError as exc:
            for entry, _ in fresh:
                self._retry(res, entry, exc)
            raise
        except SyncError:
            for entry, article in fresh:  # e.g. no /batch/v1: one by one
                self._push_one(res, report, entry, article)
            return
        for (entry, article), result in zip(fresh, results, strict=False):
            if isinstance(result, SyncError):
                self._fail(res, report, entry, article, result)
            else:
                self._record(res, report, entry, article, result)

    def _record(
        self, res: SiteResources, report: SyncReport, entry: Any, article: Any, result: Any
    ) -> None:
        item = {
            "article_id": article.id,
            "headline": article.headline,
            "site": res.site.name,
            "remote_id": result.remote_id,
            "link": result.link,
        }
        if result.kind == "conflict":
            report.conflicts.append({**item, "fields": result.detail})
            with self.store.atomic():
                self.store.sync.finish_entry(entry.id, "blocked", "conflict: " + result.detail)
            return
        if result.kind in ("trashed", "deleted"):
            report.failed.append({**item, "error": result.detail})
            with self.store.atomic():
                self.store.sync.finish_entry(entry.id, "blocked", result.detail)
            return
        if result.kind in ("pushed", "merged+pushed"):
            report.pushed.append(item)
        if result.kind in ("merged", "merged+pushed"):
            report.merged.append(item)
        with self.store.atomic():
            self.store.sync.log(
                f"{result.kind}: {article.headline}", site_id=res.site_id, article_id=article.id
            )
        self._finish_if_everywhere(entry.id, article.id, entry.revision)

    def _finish_if_everywhere(self, entry_id: int, article_id: int, revision: int) -> None:
        """Done once every site that takes the article holds this revision (or newer)."""
        article = self.store.articles.get(article_id)
        current = article_revision(self.store, article_id)
        held: list[int] = []
        for site in self.store.sites.list():
            if not site.takes(article.edition):
                continue
            rp = self.store.sync.remote_post(article_id, site.id or 0)
            if rp is None or rp.remote_id is None:
                return
            if (rp.base_revision or 0) < min(revision, current):
                return
            held.append(rp.base_revision or 0)
        with self.store.atomic():
            self.store.sync.finish_entry(entry_id)
            if held and min(held) < current:
                # A merge made a newer revision than a site holds: it still has to go out.
                self.store.outbox.enqueue_article(article_id, current)

    def _retry(self, res: SiteResources, entry: Any, exc: Exception) -> None:
        with self.store.atomic():
            self.store.sync.retry_entry(
                entry.id, backoff_delay(entry.attempts, self.rng), str(exc), res.site_id
            )

    def _fail(
        self, res: SiteResources, report: SyncReport, entry: Any, article: Any, exc: Exception
    ) -> None:
        report.failed.append(
            {
                "article_id": article.id,
                "headline": article.headline,
                "site": res.site.name,
                "error": str(exc),
            }
        )
        with self.store.atomic():
            if getattr(exc, "transient", False):
                self.store.sync.retry_entry(
                    entry.id, backoff_delay(entry.attempts, self.rng), str(exc), res.site_id
                )
            else:
                self.store.sync.finish_entry(entry.id, "failed", str(exc))
            self.store.sync.set_state(article.id, res.site_id, "error", str(exc))
            self.store.sync.log(
                f"{article.headline}: {exc}",
                level="error",
                site_id=res.site_id,
                article_id=article.id,
            )

    # --- pull ---------------------------------------------------------------
    def pull(self, res: SiteResources, report: SyncReport, *, check_deleted: bool = False) -> None:
        result = pull_site(res, check_deleted=check_deleted, progress=self.progress)
        for kind, ids in (
            ("pulled", result.pulled),
            ("merged", result.merged),
            ("conflicts", result.conflicts),
        ):
            target = getattr(report, kind)
            for article_id in ids:
                target.append({"article_id": article_id, "site": res.site.name})
        for article_id in result.trashed + result.deleted:
            report.warnings.append(f"article {article_id}: removed on {res.site.name}, kept here")

    def _log(self, site: Site, message: str, level: str) -> None:
        with self.store.atomic():
            self.store.sync.log(message, level=level, site_id=site.id)
