"""What changed between two versions of a page, as one splice.

Typing changes a few characters of a long page; the preview sends the page only
those (and where they go) instead of the whole page again, so the cost of an
update follows the edit, not the length of the article.
"""

from __future__ import annotations

from dataclasses import dataclass

from .page import RenderedPage


@dataclass(frozen=True)
class Splice:
    """`new == old[:start] + text + old[old_end:]`."""

    start: int
    old_end: int
    text: str
    old_length: int

    def apply(self, old: str) -> str:
        if len(old) != self.old_length:
            raise ValueError(f"splice made for {self.old_length} characters, given {len(old)}")
        return old[: self.start] + self.text + old[self.old_end :]


def splice(old: str, new: str) -> Splice:
    """The smallest single splice turning `old` into `new` (common head and tail kept)."""
    shortest = min(len(old), len(new))
    head = _common_length(old, new, shortest, tail=False)
    tail = _common_length(old, new, shortest - head, tail=True)
    return Splice(head, len(old) - tail, new[head : len(new) - tail], len(old))


def _common_length(a: str, b: str, limit: int, *, tail: bool) -> int:
    """How many characters `a` and `b` share at the head (or tail), at most `limit`.

    A binary search of slice comparisons: each step compares in C, and the slices
    halve, so a 400,000-character page costs well under a millisecond.
    """
    low, high = 0, limit  # a[:low] == b[:low] is known; more than `high` is not possible
    while low < high:
        middle = (low + high + 1) // 2
        if tail:
            same = a[len(a) - middle : len(a) - low] == b[len(b) - middle : len(b) - low]
        else:
            same = a[low:middle] == b[low:middle]
        if same:
            low = middle
        else:
            high = middle - 1
    return low


def without_scroll_style(page: RenderedPage) -> str:
    """The page without the style that parks the edited block in view on a fresh load.

    An update in place scrolls by itself; left in, the style would change with
    every move of the cursor and make each splice reach from the head to the edit.
    """
    if not page.scroll_css:
        return page.html
    return page.html.replace(f"<style>{page.scroll_css}</style>", "", 1)


@dataclass(frozen=True)
class PageText:
    """A page's text for patching in place, and its splice from `base` (the text the
    view held when the render started): made on the render thread, off the UI's."""

    text: str
    base: str | None
    change: Splice | None

    @classmethod
    def of(cls, page: RenderedPage, base: str | None) -> PageText:
        text = without_scroll_style(page)
        return cls(text, base, None if base is None else splice(base, text))
