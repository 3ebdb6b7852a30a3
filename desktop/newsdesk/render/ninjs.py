"""IPTC ninjs 3.1 (news in JSON) <-> articles.

Where each field goes:
  headline -> headlines[role=main]       standfirst -> descriptions[role=summary]
  body -> bodies[role=main, text/markdown] (+ bodies[role=richtext, text/html] when given)
  byline -> by          dateline -> located          edition -> language
  tags -> subjects[rel=tag]   section/subsection -> subjects[rel=section|subsection]
  regions -> places[rel=region]          coverage -> events[rel=coverage]
  sources -> infoSources[name, uri, role=kind]; the attribution line ("Source: X")
  -> descriptions[role=attribution]     uuid -> altIds[role=newsdesk-uuid] and the uri
  lead photo -> associations[rel=lead, type=picture, uri urn:newsdesk:photo:UUID,
  altIds[role=newsdesk-uuid]; caption, credit and alt text as descriptions]
Internal source notes are never exported: ninjs is for distribution.
"""

from __future__ import annotations

import uuid as uuidlib
from dataclasses import dataclass
from typing import Any

from ..domain.article import Article, Source, SourceKind, Status
from ..domain.text import word_count
from .frontmatter import FormatError

URI_PREFIX = "urn:newsdesk:article:"
SCHEMA_URI = "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#"
_PUB_STATUS = {Status.PUBLISHED.value: "usable", Status.KILLED.value: "canceled"}
_KINDS = {k.value for k in SourceKind}


def _iso(stamp: str | None) -> str | None:
    if not stamp:
        return None
    return stamp if ("T" in stamp) else f"{stamp}T00:00:00Z"


PHOTO_URI_PREFIX = "urn:newsdesk:photo:"


@dataclass(frozen=True)
class LeadPicture:
    uuid: str
    caption: str = ""
    credit: str = ""
    alt_text: str = ""


def to_ninjs(
    article: Article,
    *,
    body_html: str | None = None,
    version: int | None = None,
    lead: LeadPicture | None = None,
) -> dict[str, Any]:
    item: dict[str, Any] = {
        "uri": URI_PREFIX + article.uuid,
        "standard": {"name": "ninjs", "version": "3.1", "schema": SCHEMA_URI},
        "type": "text",
        "representationType": "full",
        "profile": "newsdesk-article",
        "firstCreated": _iso(article.created_at),
        "versionCreated": _iso(article.updated_at),
        "pubStatus": _PUB_STATUS.get(article.status, "withheld"),
        "urgency": 1 if article.is_breaking else 5,
        "language": article.edition,
        "headlines": [{"role": "main", "value": article.headline}],
        "altIds": [{"role": "newsdesk-uuid", "value": article.uuid}],
    }
    if version is not None:
        item["version"] = str(version)
    if article.embargo_at:
        item["embargoedUntil"] = _iso(article.embargo_at)
    if article.slug:
        item["slugline"] = article.slug
    if article.byline:
        item["by"] = article.byline
    if article.dateline:
        item["located"] = article.dateline
    descriptions = []
    if article.standfirst:
        descriptions.append(
            {"role": "summary", "contentType": "text/plain", "value": article.standfirst}
        )
    if article.attribution_names:
        descriptions.append(
            {
                "role": "attribution",
                "contentType": "text/plain",
                "value": "Source: " + ", ".join(article.attribution_names),
            }
        )
    if descriptions:
        item["descriptions"] = descriptions
    bodies = [
        {
            "role": "main",
            "contentType": "text/markdown",
            "wordCount": word_count(article.body),
            "charCount": len(article.body),
            "value": article.body,
        }
    ]
    if body_html is not None:
        bodies.append({"role": "richtext", "contentType": "text/html", "value": body_html})
    item["bodies"] = bodies
    subjects = [{"name": t, "rel": "tag"} for t in article.tags]
    if article.section:
        subjects.append({"name": article.section, "rel": "section"})
    if article.subsection:
        subjects.append({"name": article.subsection, "rel": "subsection"})
    if subjects:
        item["subjects"] = subjects
    if article.regions:
        item["places"] = [{"name": r, "rel": "region"} for r in article.regions]
    if article.coverage:
        item["events"] = [{"name": article.coverage, "rel": "coverage"}]
    if article.sources:
        item["infoSources"] = [_info_source(s) for s in article.sources]
    if lead is not None:
        item["associations"] = [_lead_association(lead)]
    return {k: v for k, v in item.items() if v is not None}


def _lead_association(lead: LeadPicture) -> dict[str, Any]:
    texts = {"caption": lead.caption, "credit": lead.credit, "alt": lead.alt_text}
    picture: dict[str, Any] = {
        "name": "lead",
        "rel": "lead",
        "uri": PHOTO_URI_PREFIX + lead.uuid,
        "type": "picture",
        "altIds": [{"role": "newsdesk-uuid", "value": lead.uuid}],
    }
    descriptions = [
        {"role": role, "contentType": "text/plain", "value": value}
        for role, value in texts.items()
        if value
    ]
    if descriptions:
        picture["descriptions"] = descriptions
    return picture


def lead_picture_uuid(item: dict[str, Any]) -> str:
    """The Newsdesk photo uuid of the item's lead picture association ("" when none);
    a lead picture that names no Newsdesk photo is an error, not a story without one."""
    for assoc in _text_list(item, "associations"):
        if assoc.get("rel") != "lead" and assoc.get("name") != "lead":
            continue
        for alt in _text_list(assoc, "altIds"):
            if alt.get("role") == "newsdesk-uuid" and str(alt.get("value") or "").strip():
                return str(alt["value"]).strip()
        uri = str(assoc.get("uri") or "")
        if uri.startswith(PHOTO_URI_PREFIX) and uri[len(PHOTO_URI_PREFIX) :].strip():
            return uri[len(PHOTO_URI_PREFIX) :].strip()
        raise FormatError(f"the lead picture {uri or '(no uri)'} is not a Newsdesk photo")
    return ""


def _info_source(source: Source) -> dict[str, Any]:
    entry: dict[str, Any] = {"name": source.name, "role": source.kind}
    if source.url:
        entry["uri"] = source.url
    return entry


def _text_list(item: dict[str, Any], key: str) -> list[dict[str, Any]]:
    value = item.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise FormatError(f"'{key}' must be an array of objects")
    return value


def _pick(entries: list[dict[str, Any]], role: str) -> str | None:
    for entry in entries:
        if entry.get("role") == role and isinstance(entry.get("value"), str):
            return str(entry["value"])
    return None


def from_ninjs(item: Any, *, html_to_markdown: Any = None) -> Article:
    """An Article from a ninjs object. `html_to_markdown(html) -> str` converts HTML bodies."""
    if not isinstance(item, dict):
        raise FormatError("a ninjs file holds one JSON object")
    uri = item.get("uri")
    if not isinstance(uri, str) or not uri.strip():
        raise FormatError("the ninjs object has no 'uri' (the one required property)")
    if item.get("type", "text") not in ("text", "composite"):
        raise FormatError(f"a ninjs item of type {item.get('type')!r} is not an article")
    headlines = _text_list(item, "headlines")
    headline = _pick(headlines, "main") or next(
        (str(h["value"]) for h in headlines if isinstance(h.get("value"), str)), ""
    )
    if not headline.strip():
        raise FormatError("the ninjs object has no headline")
    article = Article(headline=headline.strip())
    article.uuid = _uuid_for(item, uri)
    descriptions = _text_list(item, "descriptions")
    article.standfirst = _pick(descriptions, "summary") or next(
        (str(d["value"]) for d in descriptions if d.get("role") in (None, "") and d.get("value")),
        "",
    )
    article.body = _body(_text_list(item, "bodies"), html_to_markdown)
    article.byline = str(item.get("by") or "")
    article.dateline = str(item.get("located") or "")
    article.slug = str(item.get("slugline") or "")
    if isinstance(item.get("language"), str) and item["language"]:
        article.edition = item["language"].split("-")[0].lower()
    if item.get("embargoedUntil"):
        article.embargo_at = str(item["embargoedUntil"])
    urgency = item.get("urgency")
    article.priority = 1 if isinstance(urgency, int) and urgency <= 2 else 0
    if item.get("pubStatus") == "usable":
        article.status = Status.PUBLISHED.value
    for subject in _text_list(item, "subjects"):
        name = str(subject.get("name") or "").strip()
        rel = subject.get("rel")
        if not name:
            continue
        if rel == "section":
            article.section = name
        elif rel == "subsection":
            article.subsection = name
        else:
            article.tags.append(name)
    for key in ("people", "organisations"):
        article.tags.extend(
            str(e["name"]).strip()
            for e in _text_list(item, key)
            if str(e.get("name") or "").strip()
        )
    for place in _text_list(item, "places"):
        name = str(place.get("name") or "").strip()
        if not name:
            continue
        (article.regions if place.get("rel") == "region" else article.tags).append(name)
    events = [e for e in _text_list(item, "events") if e.get("rel") == "coverage"]
    if events:
        article.coverage = str(events[0].get("name") or "")
    attribution = _pick(descriptions, "attribution") or ""
    for info in _text_list(item, "infoSources"):
        name = str(info.get("name") or "").strip()
        if not name:
            continue
        kind = str(info.get("role") or "")
        article.sources.append(
            Source(
                name=name,
                url=str(info.get("uri") or ""),
                kind=kind if kind in _KINDS else SourceKind.OUTLET.value,
                attribution=name in attribution,
            )
        )
    return article


def _uuid_for(item: dict[str, Any], uri: str) -> str:
    for alt in item.get("altIds") or []:
        if isinstance(alt, dict) and alt.get("role") == "newsdesk-uuid" and alt.get("value"):
            return str(alt["value"])
    if uri.startswith(URI_PREFIX):
        return uri[len(URI_PREFIX) :]
    # A foreign item keeps one identity however often it is imported.
    return str(uuidlib.uuid5(uuidlib.NAMESPACE_URL, uri))


def _body(bodies: list[dict[str, Any]], html_to_markdown: Any) -> str:
    by_type: dict[str, str] = {}
    for body in bodies:
        value = body.get("value")
        if isinstance(value, str):
            by_type.setdefault(str(body.get("contentType") or "text/plain"), value)
    if "text/markdown" in by_type:
        return by_type["text/markdown"]
    for html_type in ("text/html", "application/xhtml+xml", "body_xhtml"):
        if html_type in by_type and html_to_markdown is not None:
            return str(html_to_markdown(by_type[html_type])).strip() + "\n"
    if "text/plain" in by_type:
        return by_type["text/plain"]
    return next(iter(by_type.values()), "")
