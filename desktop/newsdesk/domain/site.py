"""The site's vocabulary (see the design's site model): editions, sections, regions."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Edition:
    code: str
    language: str
    direction: str  # "ltr" or "rtl"

    @property
    def is_rtl(self) -> bool:
        return self.direction == "rtl"


@dataclass(frozen=True)
class Section:
    name: str
    subsections: tuple[str, ...] = field(default_factory=tuple)


EDITIONS: tuple[Edition, ...] = (
    Edition("en", "English", "ltr"),
    Edition("ar", "Arabic", "rtl"),
    Edition("es", "Spanish", "ltr"),
)

SECTIONS: tuple[Section, ...] = (
    Section(
        "News",
        (
            "Politics",
            "Economy",
            "Sports",
            "Arts & Culture",
            "Health",
            "Miscellaneous",
            "Technology",
            "Environment",
        ),
    ),
    Section("Articles", ("Opinion", "Analysis", "Blog", "Features")),
    Section("Videos", ("NewsFeed", "Video Features", "Explainers", "TV", "Digital Series")),
    Section("Infographs"),
    Section("In Pictures"),
    Section("Live"),
)

REGIONS: tuple[str, ...] = (
    "Africa",
    "Asia",
    "Asia-Pacific",
    "Europe",
    "Latin America",
    "MENA",
    "Palestine",
    "US & Canada",
)


def edition(code: str) -> Edition:
    for ed in EDITIONS:
        if ed.code == code:
            return ed
    raise KeyError(f"unknown edition {code!r}")


def direction_of(code: str) -> str:
    """Text direction of an edition; unknown codes read left-to-right."""
    try:
        return edition(code).direction
    except KeyError:
        return "ltr"
