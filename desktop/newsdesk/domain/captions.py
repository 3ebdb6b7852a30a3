"""Caption checks as pure functions: what the photo desk and the article view flag.

The house form: a caption is one or more sentences, each ending in a full stop,
and the credit closes it, in the house style chosen in Preferences: in
parentheses, "Soldiers patrol the border. (AP)", or after a slash, "Soldiers
patrol the border. / AP". A caption closed in the other style is still read as
closed by its credit, so switching style and applying the house form again
converts it instead of adding a second credit.
Byte limits are IPTC IIM's (UTF-8 counted: an Arabic letter takes two bytes).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal, cast

from .embargo import embargo_label, under_embargo

# IPTC IIM record 2 maximum lengths in bytes, for the fields we write.
IIM_LIMITS: dict[str, int] = {
    "caption": 2000,  # 2:120
    "headline": 256,  # 2:105
    "creator": 32,  # 2:80
    "credit": 32,  # 2:110
    "source": 32,  # 2:115
    "copyright": 128,  # 2:116
    "city": 32,  # 2:90
    "country": 64,  # 2:101
    "instructions": 256,  # 2:40
    "keyword": 64,  # 2:25, each
}

# What may end a sentence, in the three editions' scripts, and what may follow it.
_TERMINALS = ".!?…؟"
_CLOSERS = "\"'”’»)]"

# (text, trusted words) -> the words in text that look misspelt
SpellCheck = Callable[[str, Sequence[str]], list[str]]

CaptionStyle = Literal["parentheses", "slash"]
CAPTION_STYLES: tuple[CaptionStyle, ...] = ("parentheses", "slash")
DEFAULT_CAPTION_STYLE: CaptionStyle = "parentheses"
# A slash credit: "/" with a space after it, at the start or after a space ("AP/Pool" is one credit).
_SLASH = re.compile(r"(?:^|\s)/\s+")
# A sentence ending inside the text after a slash: it is prose, not a credit. Two letters
# before the stop, so initials ("J. Scott Applewhite/AP") still read as a credit.
_SENTENCE_INSIDE = re.compile(r"\w\w[.!?…؟][\"'”’»)\]]*\s")


@dataclass(frozen=True)
class Caption:
    """The text a check looks at: a library caption or one article's use of a photo."""

    text: str
    credit: str
    alt_text: str
    rights_expiry: str = ""  # ISO date (YYYY-MM-DD) or empty
    trusted_names: tuple[str, ...] = ()  # creator, city...: names a dictionary won't know
    language: str = ""
    embargo_until: str = ""  # ISO UTC (domain/embargo.py) or empty


@dataclass(frozen=True)
class CaptionProblem:
    code: str
    field: str
    message: str


CHECK_NAMES: dict[str, str] = {
    "missing_caption": "No caption",
    "missing_alt": "No alt text",
    "missing_credit": "No credit",
    "credit_form": "Credit not closing the caption",
    "no_full_stop": "No final full stop",
    "caption_too_long": "Caption over 2,000 bytes",
    "credit_too_long": "Credit over 32 bytes",
    "misspelling": "Likely misspelling",
    "rights_expired": "Rights expired",
    "embargoed": "Under embargo",
}


def utf8_len(text: str) -> int:
    return len(text.encode("utf-8"))


def caption_style(value: str) -> CaptionStyle:
    """A house style as Preferences or the command line give it; ValueError names the known ones."""
    name = value.strip().lower()
    if name not in CAPTION_STYLES:
        raise ValueError(f"caption style {value!r} is not one of {', '.join(CAPTION_STYLES)}.")
    return cast(CaptionStyle, name)


def credit_suffix(credit: str, style: CaptionStyle = DEFAULT_CAPTION_STYLE) -> str:
    """How the credit closes a caption in a style: "(AP)" or "/ AP"."""
    return f"/ {credit.strip()}" if style == "slash" else f"({credit.strip()})"


@dataclass(frozen=True)
class ClosingCredit:
    """The credit that closes a caption, the text before it, and the style it is written in."""

    body: str
    credit: str
    style: CaptionStyle

    @property
    def written(self) -> str:
        return credit_suffix(self.credit, self.style)


def _other(style: CaptionStyle) -> CaptionStyle:
    return "slash" if style == "parentheses" else "parentheses"


def _in_parentheses(text: str) -> ClosingCredit | None:
    if not text.endswith(")"):
        return None
    depth = 0
    for index in range(len(text) - 1, -1, -1):
        char = text[index]
        if char == ")":
            depth += 1
        elif char == "(":
            depth -= 1
            if depth == 0:
                return ClosingCredit(
                    text[:index].rstrip(), text[index + 1 : -1].strip(), "parentheses"
                )
    return None


def _after_slash(text: str) -> ClosingCredit | None:
    separators = list(_SLASH.finditer(text))
    if not separators:
        return None
    last = separators[-1]
    body, credit = text[: last.start()].rstrip(), text[last.end() :].strip()
    if not credit or "\n" in credit or credit.count("(") != credit.count(")"):
        return None  # "(Photo / AP)" is a credit in parentheses, not after a slash
    if _SENTENCE_INSIDE.search(credit):
        return None  # "Soldiers / police patrol. (Reuters)"
    # "Prices rose 5 / 10 percent." is a sentence, not a credit: a credit ends no sentence
    # unless the text before it does ("… the border. / Getty Images Inc.").
    if body and not ends_sentence(body) and ends_sentence(credit):
        return None
    return ClosingCredit(body, credit, "slash")


_READERS = {"parentheses": _in_parentheses, "slash": _after_slash}


def closing_credit(
    caption: str, style: CaptionStyle = DEFAULT_CAPTION_STYLE, *, expected: str = ""
) -> ClosingCredit | None:
    """The credit closing a caption in either style, the house style's form read first.

    `expected` (the photo's credit) is matched whole first, so a credit that itself
    holds " / " or parentheses is not cut in two.
    """
    text = caption.rstrip()
    order = (style, _other(style))
    wanted = expected.strip()
    if wanted:
        for form in order:
            suffix = credit_suffix(wanted, form)
            if text.endswith(suffix):
                before = text[: -len(suffix)]
                if not before or before[-1].isspace():
                    return ClosingCredit(before.rstrip(), wanted, form)
    for form in order:
        found = _READERS[form](text)
        if found is not None:
            return found
    return None


def split_credit(
    caption: str, style: CaptionStyle = DEFAULT_CAPTION_STYLE
) -> tuple[str, str | None]:
    """(body, closing credit) of a caption; the credit is None when none closes it in either style."""
    found = closing_credit(caption, style)
    return (found.body, found.credit) if found else (caption.rstrip(), None)


def ends_sentence(text: str) -> bool:
    stripped = text.rstrip().rstrip(_CLOSERS).rstrip()
    return bool(stripped) and stripped[-1] in _TERMINALS


def house_form(caption: str, credit: str, style: CaptionStyle = DEFAULT_CAPTION_STYLE) -> str:
    """The caption with a final full stop, closed by the credit in the house style.

    Any closing credit, in either style, is replaced: "… (Reuters)" becomes "… / AP".
    """
    found = closing_credit(caption, style, expected=credit)
    body = (found.body if found else caption).strip()
    if body and not ends_sentence(body):
        body += "."
    if not credit.strip():
        return body
    suffix = credit_suffix(credit, style)
    return f"{body} {suffix}" if body else suffix


def truncate_utf8(text: str, limit: int) -> str:
    """The longest prefix of text within limit bytes, never cutting a character in two."""
    data = text.encode("utf-8")
    if len(data) <= limit:
        return text
    return data[:limit].decode("utf-8", errors="ignore")


def _expired(rights_expiry: str, today: date) -> bool:
    try:
        return date.fromisoformat(rights_expiry.strip()[:10]) < today
    except ValueError:
        return False


def credit_form_message(
    found: ClosingCredit | None, credit: str, style: CaptionStyle = DEFAULT_CAPTION_STYLE
) -> str | None:
    """What is wrong with how the credit closes a caption; None when it is the house form."""
    suffix = credit_suffix(credit, style)
    if found is None:
        where = "after a slash" if style == "slash" else "in parentheses"
        return f'The caption should close with the credit {where}: "{suffix}".'
    if found.credit != credit.strip():
        return f'The caption closes with "{found.written}" but the credit is "{credit.strip()}".'
    if found.style != style:
        return f'The caption closes with "{found.written}" but the house style is "{suffix}".'
    return None


def check_caption(
    caption: Caption,
    *,
    today: date | None = None,
    spell: SpellCheck | None = None,
    style: CaptionStyle = DEFAULT_CAPTION_STYLE,
    at: datetime | str | None = None,
) -> list[CaptionProblem]:
    """Every problem with a caption, in the order a person would fix them.

    `style` is the house style the credit must close the caption in; `at` the time
    an embargo is judged at (now when None).
    """
    problems: list[CaptionProblem] = []
    text = caption.text.strip()
    credit = caption.credit.strip()
    found = closing_credit(text, style, expected=credit)
    body = found.body if found else text

    if not text:
        problems.append(CaptionProblem("missing_caption", "caption", "The photo has no caption."))
    if not caption.alt_text.strip():
        problems.append(
            CaptionProblem(
                "missing_alt", "alt_text", "No alt text: describe the picture for blind readers."
            )
        )
    if not credit:
        hint = (
            f' The caption closes with "{found.written}": use that as the credit?' if found else ""
        )
        problems.append(
            CaptionProblem("missing_credit", "credit", "The photo has no credit." + hint)
        )
    message = credit_form_message(found, credit, style) if text and credit else None
    if message is not None:
        problems.append(CaptionProblem("credit_form", "caption", message))
    if body and not ends_sentence(body):
        problems.append(
            CaptionProblem(
                "no_full_stop", "caption", "The caption's last sentence has no full stop."
            )
        )
    if utf8_len(caption.text) > IIM_LIMITS["caption"]:
        problems.append(
            CaptionProblem(
                "caption_too_long",
                "caption",
                f"The caption takes {utf8_len(caption.text)} bytes; IPTC allows "
                f"{IIM_LIMITS['caption']}, so other programs will cut it short.",
            )
        )
    if utf8_len(credit) > IIM_LIMITS["credit"]:
        problems.append(
            CaptionProblem(
                "credit_too_long",
                "credit",
                f"The credit takes {utf8_len(credit)} bytes; IPTC allows {IIM_LIMITS['credit']}.",
            )
        )
    if spell is not None:
        trusted = [name for name in caption.trusted_names if name]
        for field_name, value in (("caption", text), ("credit", credit)):
            words = spell(value, trusted) if value else []
            if words:
                listed = ", ".join(f'"{w}"' for w in dict.fromkeys(words))
                problems.append(
                    CaptionProblem("misspelling", field_name, f"Check the spelling of {listed}.")
                )
    if caption.rights_expiry.strip() and _expired(caption.rights_expiry, today or date.today()):
        problems.append(
            CaptionProblem(
                "rights_expired",
                "rights_expiry",
                f"The rights to this photo expired on {caption.rights_expiry.strip()[:10]}.",
            )
        )
    if under_embargo(caption.embargo_until, at):
        problems.append(
            CaptionProblem(
                "embargoed",
                "embargo_until",
                f"{embargo_label(caption.embargo_until)}: not to be published before.",
            )
        )
    return problems


def problem_codes(problems: Sequence[CaptionProblem]) -> list[str]:
    return list(dict.fromkeys(p.code for p in problems))
