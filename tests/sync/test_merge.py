"""The three-way merge (pure domain code): fields, paragraphs, sets; only overlaps conflict."""

from __future__ import annotations

from newsdesk.domain.merge import conflict_text, merge_content, merge_paragraphs

BASE = "One.\n\nTwo.\n\nThree.\n\nFour."


def test_edits_to_different_paragraphs_both_survive():
    mine = BASE.replace("One.", "One, mine.")
    theirs = BASE.replace("Four.", "Four, theirs.")
    merged, hunks = merge_paragraphs(BASE, mine, theirs)
    assert merged == "One, mine.\n\nTwo.\n\nThree.\n\nFour, theirs."
    assert hunks == []


def test_adjacent_paragraphs_are_not_an_overlap():
    merged, hunks = merge_paragraphs(
        BASE, BASE.replace("Two.", "Two, mine."), BASE.replace("Three.", "Three, theirs.")
    )
    assert hunks == [] and "Two, mine." in merged and "Three, theirs." in merged


def test_insertions_and_deletions_merge():
    mine = BASE.replace("Two.\n\n", "")  # deleted paragraph two
    theirs = BASE + "\n\nFive."  # appended a paragraph
    merged, hunks = merge_paragraphs(BASE, mine, theirs)
    assert merged == "One.\n\nThree.\n\nFour.\n\nFive."
    assert hunks == []


def test_the_same_paragraph_changed_differently_is_a_conflict_keeping_mine():
    mine = BASE.replace("Two.", "Two, mine.")
    theirs = BASE.replace("Two.", "Two, theirs.")
    merged, hunks = merge_paragraphs(BASE, mine, theirs)
    assert merged == mine
    assert [h.mine for h in hunks] == [["Two, mine."]]
    assert [h.theirs for h in hunks] == [["Two, theirs."]]
    marked = conflict_text(hunks, merged)
    assert "<<<<<<< mine\n\nTwo, mine.\n\n=======\n\nTwo, theirs.\n\n>>>>>>> theirs" in marked


def test_the_same_change_on_both_sides_is_no_conflict():
    same = BASE.replace("Two.", "Two, fixed.")
    assert merge_paragraphs(BASE, same, same) == (same, [])


def test_two_insertions_at_the_same_place_conflict():
    merged, hunks = merge_paragraphs("A.\n\nB.", "A.\n\nMine.\n\nB.", "A.\n\nTheirs.\n\nB.")
    assert len(hunks) == 1


def test_fields_merge_independently_and_sets_merge_by_additions_and_removals():
    base = {"headline": "H", "standfirst": "S", "tags": ["Iran", "Iraq"], "body": BASE}
    mine = {**base, "headline": "H mine", "tags": ["Iran", "Qatar"]}  # removed Iraq, added Qatar
    theirs = {**base, "standfirst": "S theirs", "tags": ["Iran", "Iraq", "Oman"]}
    result = merge_content(base, mine, theirs)
    assert result.clean
    assert result.merged["headline"] == "H mine"
    assert result.merged["standfirst"] == "S theirs"
    assert result.merged["tags"] == ["Iran", "Qatar", "Oman"]
    assert result.changed_by_them == ["standfirst", "tags"]


def test_a_scalar_changed_on_both_sides_is_a_named_conflict():
    base = {"headline": "H", "status": "draft"}
    result = merge_content(base, {**base, "headline": "Mine"}, {**base, "headline": "Theirs"})
    assert result.conflicts == ["headline"]
    assert result.merged["headline"] == "Mine"
