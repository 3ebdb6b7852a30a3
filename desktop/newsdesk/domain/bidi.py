"""Which way text reads: strong letters of right-to-left and left-to-right scripts."""

from __future__ import annotations

import re

# Strong right-to-left letters: Hebrew, Arabic, Syriac, Thaana, NKo, Arabic presentation forms.
RTL_LETTER = re.compile(r"[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
LTR_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff]")


def paragraph_rtl(text: str, edition_rtl: bool) -> bool:
    """A paragraph in one script reads that script's way; a mixed one keeps the
    edition's direction (an Arabic sentence opening with "CNN" stays right-to-left,
    which the first-strong-letter rule would get wrong)."""
    has_rtl = RTL_LETTER.search(text) is not None
    has_ltr = LTR_LETTER.search(text) is not None
    if has_rtl and not has_ltr:
        return True
    if has_ltr and not has_rtl:
        return False
    return edition_rtl


def may_read_against(text: str, direction: str) -> bool:
    """Whether some of `text` may read against a page set in `direction`.

    Left-to-right text with no right-to-left letter never does, so its blocks
    need no direction of their own (most English and Spanish stories).
    """
    if direction == "rtl":
        return LTR_LETTER.search(text) is not None
    return RTL_LETTER.search(text) is not None
