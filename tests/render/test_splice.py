"""The splice the preview sends instead of the whole page: exact, and as small as the edit."""

from __future__ import annotations

import random

import pytest

from newsdesk.domain.article import Article
from newsdesk.render.page import PageOptions, render_page
from newsdesk.render.splice import PageText, splice, without_scroll_style


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("", ""),
        ("", "abc"),
        ("abc", ""),
        ("abc", "abc"),
        ("abc", "abXc"),
        ("aaaa", "aaaaa"),  # repeated text: head and tail must not overlap
        ("aaaaa", "aaaa"),
        ("abcabc", "abc"),
        ("xyz", "abc"),
    ],
)
def test_splice_turns_old_into_new(old: str, new: str) -> None:
    change = splice(old, new)
    assert change.apply(old) == new
    assert change.start + (change.old_length - change.old_end) <= min(len(old), len(new))


def test_random_edits_are_exact_and_as_small_as_the_edit() -> None:
    rng = random.Random(11)
    alphabet = 'ab <>\n"é—ع'
    for _ in range(500):
        old = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 300)))
        at = rng.randint(0, len(old))
        cut = rng.randint(0, min(5, len(old) - at))
        typed = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 5)))
        new = old[:at] + typed + old[at + cut :]
        change = splice(old, new)
        assert change.apply(old) == new
        assert len(change.text) <= len(typed)  # never more than what was typed


def test_a_splice_refuses_a_text_it_was_not_made_for() -> None:
    change = splice("one two", "one three")
    with pytest.raises(ValueError, match="made for 7 characters"):
        change.apply("one two!")


def long_article(extra: str = "") -> Article:
    paragraphs = [f"Paragraph {n} says " + "something worth reading " * 20 for n in range(400)]
    paragraphs[200] += extra
    return Article(headline="A long story", body="\n\n".join(paragraphs))


def test_a_word_typed_in_a_long_page_is_a_splice_of_that_word() -> None:
    options_at = [PageOptions(line_anchors=True, scroll_line=line) for line in (400, 402)]
    before = render_page(long_article(), options=options_at[0])
    after = render_page(long_article(" indeed"), options=options_at[1])  # the cursor moved too
    assert before.scroll_css != after.scroll_css  # the fresh-load style follows the cursor ...
    update = PageText.of(after, without_scroll_style(before))
    assert update.change is not None
    assert update.change.apply(update.base or "") == update.text
    # ... but is left out of what is patched, so the splice is the word, not the page
    assert len(update.change.text) < 20 < 100_000 < len(update.text)
    assert "scroll-margin-top" not in update.text and "scroll-margin-top" in after.html


def test_without_a_base_there_is_no_splice() -> None:
    page = render_page(long_article())
    assert PageText.of(page, None) == PageText(page.html, None, None)
