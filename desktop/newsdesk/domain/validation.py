"""Field checks in words. They report; they never change or discard what was typed."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlparse

from .article import Article

DEFAULT_HEADLINE_LIMIT = 110
DEFAULT_STANDFIRST_LIMIT = 250


@dataclass(frozen=True)
class FieldProblem:
    field: str
    message: str


def check_url(url: str) -> str | None:
    """None when the URL is acceptable (or empty), else why it is not."""
    if not url.strip():
        return None
    parsed = urlparse(url.strip())
    if parsed.scheme not in ("http", "https"):
        return "a source URL must start with http:// or https://"
    if (
        not parsed.netloc
        or "." not in parsed.netloc.split(":")[0]
        and parsed.hostname != "localhost"
    ):
        return "a source URL needs a host name, such as www.example.org"
    if any(ch.isspace() for ch in url.strip()):
        return "a source URL cannot contain spaces"
    return None


def check_article(
    article: Article,
    headline_limit: int = DEFAULT_HEADLINE_LIMIT,
    standfirst_limit: int = DEFAULT_STANDFIRST_LIMIT,
) -> list[FieldProblem]:
    problems: list[FieldProblem] = []
    headline = article.headline.strip()
    if not headline:
        problems.append(FieldProblem("headline", "The headline is empty."))
    elif len(headline) > headline_limit:
        problems.append(
            FieldProblem(
                "headline",
                f"The headline has {len(headline)} characters; the limit is {headline_limit}.",
            )
        )
    if len(article.standfirst.strip()) > standfirst_limit:
        problems.append(
            FieldProblem(
                "standfirst",
                f"The standfirst has {len(article.standfirst.strip())} characters; "
                f"the limit is {standfirst_limit}.",
            )
        )
    for index, source in enumerate(article.sources):
        why = check_url(source.url)
        if why:
            problems.append(
                FieldProblem(f"sources[{index}].url", f"{source.name or 'Source'}: {why}.")
            )
        if not source.name.strip():
            problems.append(FieldProblem(f"sources[{index}].name", "A source needs a name."))
    return problems
