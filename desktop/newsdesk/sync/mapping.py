"""Which article field goes to which post field, and back.

| article                       | post                                  |
|-------------------------------|---------------------------------------|
| headline                      | title                                 |
| standfirst                    | excerpt                               |
| body (Markdown)               | content (Gutenberg blocks)            |
| status                        | status (see STATUS_TO_WP)             |
| section, subsection, regions  | categories (created when missing)     |
| priority 1 (breaking)         | category "Breaking"                   |
| tags                          | tags (created when missing)           |
| lead photo                    | featured_media                        |
| scheduled_at                  | date_gmt with status `future`         |
| uuid, byline, sources, stage  | meta (companion plugin only, private) |

A post is compared with its base in the server's own terms (`snapshot`):
only the fields the server changed are converted back, so an unchanged body
never goes through HTML-to-Markdown.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from typing import Any

from ..domain.article import Article, Status
from ..domain.site import REGIONS, SECTIONS

# Newsdesk's finer workflow folds into WordPress's few statuses.
STATUS_TO_WP = {
    Status.DRAFT.value: "draft",
    Status.RETURNED.value: "draft",
    Status.SPIKED.value: "draft",
    Status.KILLED.value: "draft",
    Status.SUBMITTED.value: "pending",
    Status.IN_EDIT.value: "pending",
    Status.APPROVED.value: "pending",
    Status.SCHEDULED.value: "future",
    Status.PUBLISHED.value: "publish",
}
WP_TO_STATUS = {
    "draft": Status.DRAFT.value,
    "pending": Status.SUBMITTED.value,
    "future": Status.SCHEDULED.value,
    "publish": Status.PUBLISHED.value,
    "private": Status.PUBLISHED.value,
}
# Every status a pull asks for: `any` leaves out trash, and trash must be seen.
PULL_STATUSES = "publish,future,draft,pending,private,trash"
EDIT_FIELDS = (
    "id,modified_gmt,status,title,excerpt,content,categories,tags,featured_media,date_gmt,"
    "slug,link,meta,newsdesk_version"
)
CHECK_FIELDS = "id,modified_gmt,status,newsdesk_version"
META_KEYS = ("newsdesk_uuid", "newsdesk_byline", "newsdesk_sources", "newsdesk_stage")
# Plugin 2 keeps its meta under protected keys ("_newsdesk_uuid"), shown only to users who
# may edit the post; plugin 1 used the bare names, which anyone who could read the post saw.
PROTECTED_META_SCHEMA = 2
# What plugin 1 must not be given for a post every reader sees (they would read it).
_PRIVATE_ON_PUBLIC = ("newsdesk_markdown", "newsdesk_sources", "newsdesk_stage", "newsdesk_notes")

BREAKING = "Breaking"  # the category of priority-1 items (the ticker)
SUBSECTION_PARENT = {sub: s.name for s in SECTIONS for sub in s.subsections}
SECTION_NAMES = {s.name for s in SECTIONS}


def marker_for(article: Article) -> str:
    """The slug a new post is created with: finds the post again if the answer is lost.

    Why a slug: WordPress looks slugs up exactly (`?slug=`), drafts included, and
    keeps them unique; the uuid part makes it this article's alone.
    """
    base = article.slug or article.headline or "article"
    plain = unicodedata.normalize("NFKD", base).encode("ascii", "ignore").decode().lower()
    words = re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:60].strip("-")
    tail = "nd" + article.uuid.replace("-", "")[:12]
    return f"{words}-{tail}" if words else tail


def wp_date(iso: str | None) -> str | None:
    """'2026-11-27T21:00:00Z' -> '2026-11-27T21:00:00' (WordPress's GMT format)."""
    if not iso:
        return None
    return iso.replace("Z", "").replace("+00:00", "")[:19]


def category_names(article: Article, category_map: dict[str, str]) -> list[tuple[str, str | None]]:
    """(category name, parent name) pairs for the article's section, subsection, regions."""

    def named(local: str) -> str:
        return category_map.get(local, local)

    out: list[tuple[str, str | None]] = []
    if article.section:
        out.append((named(article.section), None))
    if article.subsection:
        out.append((named(article.subsection), named(article.section) if article.section else None))
    out.extend((named(region), None) for region in article.regions)
    if article.is_breaking:
        # The site's ticker lists the "Breaking" category, newest first.
        out.append((named(BREAKING), None))
    return out


def locals_from_categories(names: list[str], category_map: dict[str, str]) -> dict[str, Any]:
    """section, subsection and regions from category names (names we do not know are left)."""
    reverse = {remote.lower(): local for local, remote in category_map.items()}
    section, subsection, regions, priority = "", "", [], 0
    for name in names:
        local = reverse.get(name.lower(), name)
        if local.lower() == BREAKING.lower():
            priority = 1
        elif local in SECTION_NAMES and not section:
            section = local
        elif local in SUBSECTION_PARENT and not subsection:
            subsection = local
        elif local in REGIONS:
            regions.append(local)
    return {"section": section, "subsection": subsection, "regions": regions, "priority": priority}


def post_payload(
    article: Article,
    *,
    content: str,
    category_ids: list[int],
    tag_ids: list[int],
    featured_media: int,
    meta_schema: int,
    notes: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """The post as WordPress takes it. `meta_schema`: 0 without the companion plugin,
    else the plugin's meta layout (1 public keys, 2 protected keys)."""
    status = STATUS_TO_WP.get(article.status, "draft")
    payload: dict[str, Any] = {
        "title": article.headline,
        "excerpt": article.standfirst,
        "content": content,
        "status": status,
        "categories": category_ids,
        "tags": tag_ids,
        "featured_media": featured_media,
    }
    if status == "future" and article.scheduled_at:
        payload["date_gmt"] = wp_date(article.scheduled_at)
    if meta_schema:
        meta = {
            "newsdesk_uuid": article.uuid,
            "newsdesk_markdown": article.body,
            "newsdesk_byline": article.byline,
            "newsdesk_sources": json.dumps(
                [s.to_dict() for s in article.sources], ensure_ascii=False
            ),
            "newsdesk_stage": article.status,
            # Editorial notes (never published) reach the colleagues' stores.
            "newsdesk_notes": json.dumps(notes or [], ensure_ascii=False),
        }
        if meta_schema < PROTECTED_META_SCHEMA and status == "publish":
            # Plugin 1 shows meta to anyone who can read the post: a published post keeps
            # nothing private there (emptied, so what an earlier draft left goes too).
            meta.update(dict.fromkeys(_PRIVATE_ON_PUBLIC, ""))
        prefix = "_" if meta_schema >= PROTECTED_META_SCHEMA else ""
        payload["meta"] = {prefix + key: value for key, value in meta.items()}
    return payload


def post_meta(post: dict[str, Any]) -> dict[str, Any]:
    """The post's Newsdesk meta by its plain names, from either plugin's layout."""
    meta = post.get("meta")
    if not isinstance(meta, dict):
        return {}
    plain = {key: value for key, value in meta.items() if not key.startswith("_")}
    for key, value in meta.items():
        if key.startswith("_newsdesk_"):
            plain[key[1:]] = value  # the protected key is the one plugin 2 writes
    return plain


def snapshot(post: dict[str, Any]) -> dict[str, Any]:
    """The server's editable fields in comparable form (raw values, sorted ids)."""

    def raw(value: Any) -> str:
        if isinstance(value, dict):
            return str(value.get("raw", value.get("rendered", "")))
        return str(value or "")

    status = str(post.get("status", ""))
    meta = post_meta(post)
    snap: dict[str, Any] = {
        "title": raw(post.get("title")),
        "excerpt": raw(post.get("excerpt")),
        "content": raw(post.get("content")),
        "status": status,
        "categories": sorted(int(i) for i in post.get("categories") or []),
        "tags": sorted(int(i) for i in post.get("tags") or []),
        "featured_media": int(post.get("featured_media") or 0),
        "date_gmt": str(post.get("date_gmt") or "") if status == "future" else "",
    }
    if "newsdesk_version" in post:
        snap["version"] = int(post["newsdesk_version"] or 0)
    if meta:
        snap["meta"] = {key: str(meta.get(key, "")) for key in META_KEYS}
        snap["markdown"] = str(meta.get("newsdesk_markdown", ""))
        snap["content_sha"] = str(meta.get("newsdesk_content_sha", ""))
    return snap


def same_content(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Two snapshots hold the same post content (the save counter aside)."""
    return {k: v for k, v in a.items() if k != "version"} == {
        k: v for k, v in b.items() if k != "version"
    }


def markdown_if_current(snap: dict[str, Any]) -> str | None:
    """The plugin's Markdown when it still matches the content (no web edit since)."""
    sha = snap.get("content_sha")
    if not sha or sha != hashlib.sha1(snap["content"].encode()).hexdigest():
        return None
    markdown = str(snap.get("markdown", ""))
    if not markdown and snap["content"].strip():
        return None  # emptied for a public post on plugin 1: the content is the truth
    return markdown


def local_status(snap: dict[str, Any]) -> str:
    stage = (snap.get("meta") or {}).get("newsdesk_stage", "")
    if stage and STATUS_TO_WP.get(stage) == snap["status"]:
        return str(stage)  # the finer Newsdesk stage, still consistent with the server
    return WP_TO_STATUS.get(snap["status"], Status.DRAFT.value)


def scheduled_from(snap: dict[str, Any]) -> str | None:
    return snap["date_gmt"][:19] + "Z" if snap.get("date_gmt") else None
