"""What an operation changed, for the screens that show it."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Changes:
    """Which parts of the newsroom an operation touched.

    `articles` names the articles whose content, stage or notes changed; the other
    flags are whole areas a screen may show. Union (`|`) joins two operations' changes.
    """

    articles: frozenset[int] = field(default_factory=frozenset)
    photos: frozenset[int] = field(default_factory=frozenset)
    queue: bool = False
    taxonomy: bool = False
    sites: bool = False
    settings: bool = False
    ticker: bool = False  # the breaking ticker's items

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            articles=self.articles | other.articles,
            photos=self.photos | other.photos,
            queue=self.queue or other.queue,
            taxonomy=self.taxonomy or other.taxonomy,
            sites=self.sites or other.sites,
            settings=self.settings or other.settings,
            ticker=self.ticker or other.ticker,
        )

    def touches(self, article_id: int | None) -> bool:
        return article_id is not None and article_id in self.articles

    @classmethod
    def of_articles(cls, *ids: int, queue: bool = False) -> Changes:
        return cls(articles=frozenset(ids), queue=queue)
