"""A photo's embargo: the agency's "not before" time, kept as ISO 8601 UTC.

Stored as `YYYY-MM-DDTHH:MM:SSZ` (empty: no embargo), so two stamps compare as
strings, in SQL as in Python. A time given without a zone is read as UTC; a date
alone means its first second (UTC), the earliest the agency could have meant.
"""

from __future__ import annotations

from datetime import UTC, datetime


def normalise_embargo(value: str | None) -> str:
    """The stored form of an embargo time; ValueError says what was not understood."""
    text = (value or "").strip()
    if not text:
        return ""
    try:
        when = datetime.fromisoformat(text.replace("Z", "+00:00").replace(" ", "T", 1))
    except ValueError:
        raise ValueError(
            f"embargo time {text!r} is not an ISO date or time (e.g. 2026-12-05T14:00Z)."
        ) from None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return stamp(when)


def stamp(when: datetime) -> str:
    return when.astimezone(UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


def now_stamp() -> str:
    return stamp(datetime.now(UTC))


def under_embargo(embargo_until: str, at: datetime | str | None = None) -> bool:
    """Whether a photo may not be published yet at `at` (now when None)."""
    until = embargo_until.strip()
    if not until:
        return False
    moment = at if isinstance(at, str) else stamp(at or datetime.now(UTC))
    try:
        return normalise_embargo(moment) < normalise_embargo(until)
    except ValueError:
        return False  # a stamp no one can read blocks nothing; the field shows it as typed


def embargo_label(embargo_until: str) -> str:
    """How people read it: "Embargoed until 5 Dec 2026, 14:00 UTC"."""
    try:
        when = datetime.fromisoformat(normalise_embargo(embargo_until).replace("Z", "+00:00"))
    except ValueError:
        return f"Embargoed until {embargo_until}"
    return f"Embargoed until {when.day} {when:%b %Y, %H:%M} UTC"


def embargo_short(embargo_until: str) -> str:
    """The same in a grid cell's width: "Embargo: 5 Dec 2026 14:00 UTC"."""
    return embargo_label(embargo_until).replace("Embargoed until", "Embargo:").replace(",", "")
