"""The caption house style from Preferences: the credit in parentheses or after a slash.

Pure functions: the house form, reading the closing credit, the credit check.
A caption in the other style is recognised, so switching style converts it.
"""

from __future__ import annotations

from datetime import date

import pytest

from newsdesk.domain.captions import (
    Caption,
    caption_style,
    check_caption,
    closing_credit,
    credit_suffix,
    house_form,
    problem_codes,
    split_credit,
)

ARABIC_BODY = "جنود من الجيش اللبناني يقومون بدورية قرب الحدود الجنوبية يوم الاثنين."
ARABIC_CREDIT = "أ ف ب"


def checks(text, credit="AP", style="parentheses", alt="Soldiers on a road"):
    problems = check_caption(Caption(text, credit, alt), today=date(2026, 11, 27), style=style)
    return problem_codes(problems), [p.message for p in problems]


def test_house_form_in_each_style():
    assert house_form("Soldiers patrol the border", "AP", "slash") == (
        "Soldiers patrol the border. / AP"
    )
    assert house_form("Soldiers patrol the border", "AP", "parentheses") == (
        "Soldiers patrol the border. (AP)"
    )
    # the default stays the parentheses every caller had before
    assert house_form("Soldiers patrol the border", "AP") == "Soldiers patrol the border. (AP)"
    assert credit_suffix(" AP ", "slash") == "/ AP" and credit_suffix("AP") == "(AP)"


def test_switching_style_converts_the_credit_both_ways_never_doubles_it():
    slash = house_form("Soldiers patrol the border. (AP)", "AP", "slash")
    assert slash == "Soldiers patrol the border. / AP"
    back = house_form(slash, "AP", "parentheses")
    assert back == "Soldiers patrol the border. (AP)"
    # applying the same style again changes nothing
    assert house_form(slash, "AP", "slash") == slash
    assert house_form(back, "AP", "parentheses") == back
    # a wrong credit in the other style is replaced, not kept beside the right one
    assert house_form("Smoke rises. / Reuters", "AP", "parentheses") == "Smoke rises. (AP)"
    assert house_form("Smoke rises. (Reuters)", "AP", "slash") == "Smoke rises. / AP"


def test_credits_holding_slashes_or_parentheses_survive_conversion():
    pool = "Kenny Holston/The New York Times via AP, Pool"
    assert house_form(f"The president speaks. ({pool})", pool, "slash") == (
        f"The president speaks. / {pool}"
    )
    spaced = "Getty / AFP"
    assert house_form(f"Smoke rises. / {spaced}", spaced, "parentheses") == (
        f"Smoke rises. ({spaced})"
    )
    assert house_form("Text. (Photo (file) AP)", "Photo (file) AP", "slash") == (
        "Text. / Photo (file) AP"
    )
    initials = "J. Scott Applewhite/AP"
    assert split_credit(f"The vote. / {initials}") == ("The vote.", initials)


def test_arabic_caption_in_both_styles():
    slash = house_form(f"{ARABIC_BODY} ({ARABIC_CREDIT})", ARABIC_CREDIT, "slash")
    assert slash == f"{ARABIC_BODY} / {ARABIC_CREDIT}"
    assert house_form(slash, ARABIC_CREDIT, "parentheses") == f"{ARABIC_BODY} ({ARABIC_CREDIT})"
    assert checks(slash, ARABIC_CREDIT, "slash")[0] == []
    codes, messages = checks(slash, ARABIC_CREDIT, "parentheses")
    assert codes == ["credit_form"]
    assert f'"({ARABIC_CREDIT})"' in messages[0]
    # an Arabic question mark ends the sentence before a slash credit
    assert checks(f"من أطلق النار؟ / {ARABIC_CREDIT}", ARABIC_CREDIT, "slash")[0] == []


def test_empty_credit():
    # no credit: the house form only ends the sentence, in either style, and drops a stale one
    assert house_form("Soldiers patrol the border", "", "slash") == "Soldiers patrol the border."
    assert house_form("Soldiers patrol. / Reuters", "  ", "slash") == "Soldiers patrol."
    assert house_form("", "", "slash") == ""
    assert house_form("", "AP", "slash") == "/ AP"
    assert closing_credit("/ AP", "slash").credit == "AP"
    codes, messages = checks("Soldiers patrol. / Reuters", credit="", style="slash")
    assert codes == ["missing_credit"]
    assert '"/ Reuters": use that as the credit?' in messages[0]
    codes, messages = checks("Soldiers patrol. (Reuters)", credit="", style="slash")
    assert '"(Reuters)": use that as the credit?' in messages[0]


def test_the_credit_check_follows_the_style():
    assert checks("Soldiers patrol the border. / AP", style="slash")[0] == []
    assert checks("Soldiers patrol the border. (AP)", style="parentheses")[0] == []
    codes, messages = checks("Soldiers patrol the border. (AP)", style="slash")
    assert codes == ["credit_form"]
    assert messages == ['The caption closes with "(AP)" but the house style is "/ AP".']
    codes, messages = checks("Soldiers patrol the border. / AP", style="parentheses")
    assert codes == ["credit_form"]
    assert messages == ['The caption closes with "/ AP" but the house style is "(AP)".']
    codes, messages = checks("Soldiers patrol the border.", style="slash")
    assert messages == ['The caption should close with the credit after a slash: "/ AP".']
    codes, messages = checks("Soldiers patrol. / Reuters", style="slash")
    assert messages == ['The caption closes with "/ Reuters" but the credit is "AP".']
    # the full-stop check looks before the slash credit, as it does before "(AP)"
    assert checks("Soldiers patrol the border / AP", style="slash")[0] == ["no_full_stop"]


def test_prose_with_a_slash_is_not_read_as_a_credit():
    # a caption's own " / " is no credit: the house form keeps every word of it
    assert split_credit("Prices rose 5 / 10 percent.", "slash") == (
        "Prices rose 5 / 10 percent.",
        None,
    )
    assert house_form("Prices rose 5 / 10 percent.", "AP", "slash") == (
        "Prices rose 5 / 10 percent. / AP"
    )
    assert house_form("Soldiers / police patrol. (Reuters)", "AP", "slash") == (
        "Soldiers / police patrol. / AP"
    )
    # "(Photo / AP)" is one credit in parentheses, in either style
    assert split_credit("Text. (Photo / AP)", "slash") == ("Text.", "Photo / AP")


def test_style_names_are_checked():
    assert caption_style(" Slash ") == "slash"
    assert caption_style("parentheses") == "parentheses"
    with pytest.raises(ValueError, match=r"'slashes' is not one of parentheses, slash"):
        caption_style("slashes")
