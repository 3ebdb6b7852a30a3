"""Every allowed and forbidden workflow transition, by role."""

from __future__ import annotations

import itertools

import pytest

from newsdesk.domain.article import Status
from newsdesk.domain.workflow import Action, Role, WorkflowError, allowed_actions, apply, check

S, A, R = Status, Action, Role

# (stage, action, role) -> the stage after; every triple not listed must be refused.
ALLOWED = {
    (S.DRAFT, A.SUBMIT, R.REPORTER): S.SUBMITTED,
    (S.DRAFT, A.SUBMIT, R.EDITOR): S.SUBMITTED,
    (S.RETURNED, A.SUBMIT, R.REPORTER): S.SUBMITTED,
    (S.RETURNED, A.SUBMIT, R.EDITOR): S.SUBMITTED,
    (S.SUBMITTED, A.START_EDIT, R.EDITOR): S.IN_EDIT,
    (S.SUBMITTED, A.RETURN, R.EDITOR): S.RETURNED,
    (S.IN_EDIT, A.RETURN, R.EDITOR): S.RETURNED,
    (S.SUBMITTED, A.APPROVE, R.EDITOR): S.APPROVED,
    (S.IN_EDIT, A.APPROVE, R.EDITOR): S.APPROVED,
    (S.APPROVED, A.SCHEDULE, R.EDITOR): S.SCHEDULED,
    (S.SCHEDULED, A.UNSCHEDULE, R.EDITOR): S.APPROVED,
    (S.APPROVED, A.PUBLISH, R.EDITOR): S.PUBLISHED,
    (S.SCHEDULED, A.PUBLISH, R.EDITOR): S.PUBLISHED,
    (S.PUBLISHED, A.UPDATE, R.EDITOR): S.PUBLISHED,
    (S.PUBLISHED, A.CORRECT, R.EDITOR): S.PUBLISHED,
    (S.PUBLISHED, A.KILL, R.EDITOR): S.KILLED,
    (S.SPIKED, A.UNSPIKE, R.EDITOR): S.APPROVED,  # back to where it was (see below)
    (S.DRAFT, A.SPIKE, R.REPORTER): S.SPIKED,
    (S.RETURNED, A.SPIKE, R.REPORTER): S.SPIKED,
}
for stage in (S.DRAFT, S.SUBMITTED, S.IN_EDIT, S.RETURNED, S.APPROVED, S.SCHEDULED, S.PUBLISHED):
    ALLOWED[(stage, A.SPIKE, R.EDITOR)] = S.SPIKED

ALL = list(itertools.product(Status, Action, Role))


@pytest.mark.parametrize(("stage", "action", "role"), ALL, ids=lambda v: str(v).replace(" ", "_"))
def test_transition(stage, action, role):
    key = (stage, action, role)
    if key in ALLOWED:
        assert apply(stage, action, role, note="because", before_spike="approved") == ALLOWED[key]
    else:
        with pytest.raises(WorkflowError):
            apply(stage, action, role, note="because", before_spike="approved")


@pytest.mark.parametrize("action", [A.RETURN, A.CORRECT, A.KILL])
def test_notes_are_required_where_a_reason_matters(action):
    stage = S.SUBMITTED if action is A.RETURN else S.PUBLISHED
    with pytest.raises(WorkflowError, match="needs a note"):
        check(stage, action, R.EDITOR, note="  ")
    check(stage, action, R.EDITOR, note="Second source needed")


def test_unspike_without_a_known_stage_returns_to_draft():
    assert apply(S.SPIKED, A.UNSPIKE, R.EDITOR) == S.DRAFT


def test_refusals_say_why_in_words():
    with pytest.raises(WorkflowError, match="The reporter role cannot publish a story"):
        check(S.APPROVED, A.PUBLISH, R.REPORTER)
    with pytest.raises(WorkflowError, match="A story that is in edit cannot be given 'publish'"):
        check(S.IN_EDIT, A.PUBLISH, R.EDITOR)


def test_allowed_actions_lists_what_a_role_can_do():
    assert allowed_actions(S.SUBMITTED, R.EDITOR) == [A.START_EDIT, A.RETURN, A.APPROVE, A.SPIKE]
    assert allowed_actions(S.DRAFT, R.REPORTER) == [A.SUBMIT, A.SPIKE]
    assert allowed_actions(S.SUBMITTED, R.PHOTO_DESK) == []
