"""Caption checks (pure functions), the spelling check with real Hunspell dictionaries, templates."""

from __future__ import annotations

from datetime import date

import pytest

from newsdesk.domain.captions import (
    Caption,
    check_caption,
    house_form,
    problem_codes,
    split_credit,
    truncate_utf8,
)
from newsdesk.domain.photo import Photo
from newsdesk.photos.templates import CaptionTemplate, TemplateError, fill
from newsdesk.spelling import SpellChecker
from newsdesk.spelling_process import SpellingProcess


@pytest.fixture(scope="module", params=["read here", "read in a child process"])
def spell(request):
    """The same checks whether the dictionaries are read in this process (the command
    line) or by the spelling child (the window's process: spelling.Lookups)."""
    if request.param == "read here":
        yield SpellChecker()
        return
    child = SpellingProcess()
    yield SpellChecker(lookups=child)
    child.stop()


def codes(text, credit="AP", alt="Soldiers on a road", **kw):
    return problem_codes(check_caption(Caption(text, credit, alt, **kw), today=date(2026, 11, 27)))


def test_a_caption_in_house_form_passes():
    assert codes("Soldiers patrol the border on Monday. (AP)") == []
    assert codes("Who fired first? (AP)") == []
    assert codes('He said: "We will stay." (AP)') == []
    # a real credit line of 45 bytes: fine on the site, but IPTC IIM keeps only 32
    pool = "Kenny Holston/The New York Times via AP, Pool"
    assert codes(f"Smoke rises. ({pool})", credit=pool) == ["credit_too_long"]


def test_each_failing_check_is_reported():
    assert codes("", credit="", alt="") == ["missing_caption", "missing_alt", "missing_credit"]
    assert codes("Soldiers patrol the border. (AP)", alt="  ") == ["missing_alt"]
    assert codes("Soldiers patrol the border on Monday (AP)") == ["no_full_stop"]
    assert codes("Soldiers patrol the border on Monday.") == ["credit_form"]
    assert codes("Soldiers patrol the border on Monday. (Reuters)") == ["credit_form"]
    assert "missing_credit" in codes("Soldiers patrol. (AP)", credit="")
    assert codes("Soldiers patrol. (AP)", rights_expiry="2026-11-26") == ["rights_expired"]
    assert codes("Soldiers patrol. (AP)", rights_expiry="2026-11-27") == []


def test_byte_limits_count_utf8_so_arabic_counts_double():
    arabic_credit = "وكالة الأنباء الفرنسية"  # 22 letters and spaces, 40 bytes
    assert len(arabic_credit) <= 32 < len(arabic_credit.encode())
    assert "credit_too_long" in codes(f"جنود. ({arabic_credit})", credit=arabic_credit)
    caption = "ب" * 999 + ". (AP)"  # 1,998 + 6 bytes
    assert "caption_too_long" in codes(caption)
    assert "caption_too_long" not in codes("ب" * 996 + ". (AP)")
    assert truncate_utf8("بببب", 7) == "ببب"


def test_split_credit_and_house_form():
    assert split_credit("Text. (Photo (file) AP)") == ("Text.", "Photo (file) AP")
    assert split_credit("No credit here.") == ("No credit here.", None)
    assert house_form("Soldiers patrol the border", "AP") == "Soldiers patrol the border. (AP)"
    assert house_form("Soldiers patrol. (Reuters)", "AP") == "Soldiers patrol. (AP)"
    assert house_form("جنود على الحدود", "أ ف ب") == "جنود على الحدود. (أ ف ب)"


def test_likely_misspellings_in_three_languages(spell):
    problems = check_caption(
        Caption("Soldiers inspect the site. (Lebanonese Army)", "Lebanonese Army", "alt"),
        spell=spell.misspelt,
    )
    assert [(p.code, p.field) for p in problems] == [
        ("misspelling", "caption"),
        ("misspelling", "credit"),
    ]
    assert '"Lebanonese"' in problems[1].message
    assert spell.misspelt("Lebanese soldiers patrol the southern border on Monday.") == []
    assert spell.misspelt("Soldados del Ejército libanés patrullan la frontera.") == []
    assert spell.misspelt("Soldados del Ejérsito libanés.") == ["Ejérsito"]
    assert spell.misspelt("جنود من الجيش اللبناني في بيروت") == []
    assert spell.misspelt("جنود من الجيشش اللبناني") == ["الجيشش"]
    assert "Lebanese" in spell.suggest("Lebanonese")


def test_names_the_photo_carries_and_house_words_are_not_misspellings(spell):
    text = "The president speaks. (Kenny Holston/The New York Times via AP, Pool)"
    assert spell.misspelt(text) == ["Holston"]
    assert spell.misspelt(text, ["Kenny Holston"]) == []
    own = SpellChecker(house_words=["Holston"], lookups=spell.lookups)
    assert own.misspelt(text) == []


def test_a_caption_asks_the_spelling_child_once_per_language():
    """Each round trip to the child is a wait: a caption's new words go in one request
    per language of their script, and a word asked once is not asked again."""

    class Counting(SpellingProcess):
        def __init__(self) -> None:
            super().__init__()
            self.asked: list[tuple[str, list[str]]] = []

        def known(self, language: str, words: list[str]) -> list[bool]:
            self.asked.append((language, list(words)))
            return super().known(language, words)

    child = Counting()
    try:
        spell = SpellChecker(lookups=child)
        assert not spell.ready()
        spell.preload()  # what the photo desk does on a thread: the child reads them
        assert spell.ready() and child.started == 1
        caption = "Soldiers patrol the southren border near Kfar Kila, AFP said. جنود الجيشش"
        assert spell.misspelt(caption) == ["southren", "Kfar", "Kila", "الجيشش"]
        assert sorted(language for language, _ in child.asked) == ["ar", "en", "es"]
        # Spanish is asked only what English did not know; acronyms are never asked.
        english = dict(child.asked)["en"]
        assert "AFP" not in english and set(dict(child.asked)["es"]) < set(english)
        child.asked.clear()
        assert spell.misspelt(caption) == ["southren", "Kfar", "Kila", "الجيشش"]
        assert child.asked == []
    finally:
        child.stop()


def test_templates_fill_variables_and_close_with_the_credit():
    photo = Photo(creator="Hussein Malla", city="Marjayoun", date_created="2026-11-23", credit="AP")
    assert fill("{city}, {date}: {event}", photo, {"event": "border patrol"}) == (
        "Marjayoun, 23 November 2026: border patrol"
    )
    assert fill("{date:%d/%m/%Y} {{literal}}", photo) == "23/11/2026 {literal}"
    with pytest.raises(TemplateError, match=r"caption: unknown variable \{town\}"):
        fill("{town}", photo, field="caption")
    template = CaptionTemplate(
        fields={
            "caption": "Soldiers patrol near {city} on {date}",
            "alt_text": "Soldiers in {city}",
        },
        extra={},
    )
    assert template.apply(photo) == {
        "caption": "Soldiers patrol near Marjayoun on 23 November 2026. (AP)",
        "alt_text": "Soldiers in Marjayoun",
    }
