"""Caption checks as pure functions: what the photo desk and the article view flag.

The house form: a caption is one or more sentences, each ending in a full stop,
and the credit closes it in parentheses: "Soldiers patrol the border. (AP)".
Byte limits are IPTC IIM's (UTF-8 counted: an Arabic letter takes two bytes).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

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


@dataclass(frozen=True)
class Caption:
    """The text a check looks at: a library caption or one article's use of a photo."""

    text: str
    credit: str
    alt_text: str
    rights_expiry: str = ""  # ISO date (YYYY-MM-DD) or empty
    trusted_names: tuple[str, ...] = ()  # creator, city...: names a dictionary won't know
    language: str = ""


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
}


def utf8_len(text: str) -> int:
    return len(text.encode("utf-8"))


def split_credit(caption: str) -> tuple[str, str | None]:
    """(body, closing credit) of a caption; the credit is None when it does not close in (...)."""
    text = caption.rstrip()
    if not text.endswith(")"):
        return text, None
    depth = 0
    for index in range(len(text) - 1, -1, -1):
        char = text[index]
        if char == ")":
            depth += 1
        elif char == "(":
            depth -= 1
            if depth == 0:
                return text[:index].rstrip(), text[index + 1 : -1].strip()
    return text, None


def ends_sentence(text: str) -> bool:
    stripped = text.rstrip().rstrip(_CLOSERS).rstrip()
    return bool(stripped) and stripped[-1] in _TERMINALS


def house_form(caption: str, credit: str) -> str:
    """The caption with a final full stop and closed by "(credit)", replacing any closing credit."""
    body, _ = split_credit(caption)
    body = body.strip()
    if body and not ends_sentence(body):
        body += "."
    if not credit.strip():
        return body
    return f"{body} ({credit.strip()})" if body else f"({credit.strip()})"


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


def check_caption(
    caption: Caption, *, today: date | None = None, spell: SpellCheck | None = None
) -> list[CaptionProblem]:
    """Every problem with a caption, in the order a person would fix them."""
    problems: list[CaptionProblem] = []
    text = caption.text.strip()
    credit = caption.credit.strip()
    body, closing = split_credit(text)

    if not text:
        problems.append(CaptionProblem("missing_caption", "caption", "The photo has no caption."))
    if not caption.alt_text.strip():
        problems.append(
            CaptionProblem(
                "missing_alt", "alt_text", "No alt text: describe the picture for blind readers."
            )
        )
    if not credit:
        hint = f' The caption closes with "({closing})": use that as the credit?' if closing else ""
        problems.append(
            CaptionProblem("missing_credit", "credit", "The photo has no credit." + hint)
        )
    if text and credit and closing != credit:
        if closing is None:
            message = f'The caption should close with the credit in parentheses: "({credit})".'
        else:
            message = f'The caption closes with "({closing})" but the credit is "{credit}".'
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
    return problems


def problem_codes(problems: Sequence[CaptionProblem]) -> list[str]:
    return list(dict.fromkeys(p.code for p in problems))
