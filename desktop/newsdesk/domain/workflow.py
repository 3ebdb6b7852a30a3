"""Editorial workflow: stages, the actions between them, and who may take each.

draft -> submitted -> in_edit -> approved -> scheduled / published
An editor may return a submitted or in-edit story to its reporter with a note;
any live stage may be spiked (kept, recoverable); a published story may be
updated, corrected (with a correction note) or killed.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from .article import Status


class Role(StrEnum):
    REPORTER = "reporter"
    EDITOR = "editor"
    PHOTO_DESK = "photo desk"

    @classmethod
    def from_setting(cls, value: str) -> Role:
        """The role as Preferences stores it ("photo" for the photo desk); reporter if unknown."""
        value = "photo desk" if value == "photo" else value
        return cls(value) if value in cls._value2member_map_ else cls.REPORTER


class Action(StrEnum):
    SUBMIT = "submit"
    START_EDIT = "start edit"
    RETURN = "return"
    APPROVE = "approve"
    SCHEDULE = "schedule"
    UNSCHEDULE = "unschedule"
    PUBLISH = "publish"
    UPDATE = "update"
    CORRECT = "correct"
    KILL = "kill"
    SPIKE = "spike"
    UNSPIKE = "unspike"


@dataclass(frozen=True)
class Transition:
    action: Action
    sources: frozenset[Status]
    target: Status | None  # None: back to the stage before the spike
    roles: frozenset[Role]
    needs_note: bool = False


S = Status
_EDITOR = frozenset({Role.EDITOR})
_LIVE = frozenset(
    {S.DRAFT, S.SUBMITTED, S.IN_EDIT, S.RETURNED, S.APPROVED, S.SCHEDULED, S.PUBLISHED}
)

TRANSITIONS: tuple[Transition, ...] = (
    Transition(
        Action.SUBMIT,
        frozenset({S.DRAFT, S.RETURNED}),
        S.SUBMITTED,
        frozenset(Role) - {Role.PHOTO_DESK},
    ),
    Transition(Action.START_EDIT, frozenset({S.SUBMITTED}), S.IN_EDIT, _EDITOR),
    Transition(Action.RETURN, frozenset({S.SUBMITTED, S.IN_EDIT}), S.RETURNED, _EDITOR, True),
    Transition(Action.APPROVE, frozenset({S.SUBMITTED, S.IN_EDIT}), S.APPROVED, _EDITOR),
    Transition(Action.SCHEDULE, frozenset({S.APPROVED}), S.SCHEDULED, _EDITOR),
    Transition(Action.UNSCHEDULE, frozenset({S.SCHEDULED}), S.APPROVED, _EDITOR),
    Transition(Action.PUBLISH, frozenset({S.APPROVED, S.SCHEDULED}), S.PUBLISHED, _EDITOR),
    Transition(Action.UPDATE, frozenset({S.PUBLISHED}), S.PUBLISHED, _EDITOR),
    Transition(Action.CORRECT, frozenset({S.PUBLISHED}), S.PUBLISHED, _EDITOR, True),
    Transition(Action.KILL, frozenset({S.PUBLISHED}), S.KILLED, _EDITOR, True),
    Transition(Action.SPIKE, _LIVE, S.SPIKED, _EDITOR),
    Transition(Action.UNSPIKE, frozenset({S.SPIKED}), None, _EDITOR),
)
_BY_ACTION = {t.action: t for t in TRANSITIONS}

# A reporter may spike (bin) their own unsubmitted draft, nothing else.
_REPORTER_SPIKE = frozenset({S.DRAFT, S.RETURNED})


class WorkflowError(ValueError):
    """A transition that the rules forbid, with the reason in words."""


def allowed_actions(status: str, role: str) -> list[Action]:
    """The actions `role` may take on a story in `status`, in workflow order."""
    result = []
    for t in TRANSITIONS:
        try:
            check(status, t.action, role, note="-")
        except WorkflowError:
            continue
        result.append(t.action)
    return result


def check(status: str, action: str, role: str, *, note: str = "") -> None:
    """Raise WorkflowError when `role` may not take `action` on a story in `status`."""
    try:
        transition = _BY_ACTION[Action(action)]
        current = Status(status)
        who = Role(role)
    except ValueError as exc:
        raise WorkflowError(str(exc)) from exc
    if current not in transition.sources:
        raise WorkflowError(f"A story that is {_label(current)} cannot be given '{action}'.")
    reporter_spike = transition.action is Action.SPIKE and current in _REPORTER_SPIKE
    if who not in transition.roles and not (reporter_spike and who is Role.REPORTER):
        raise WorkflowError(f"The {who.value} role cannot {action} a story.")
    if transition.needs_note and not note.strip():
        raise WorkflowError(f"'{action}' needs a note saying why.")


def apply(status: str, action: str, role: str, *, note: str = "", before_spike: str = "") -> str:
    """The stage after `action`, or WorkflowError. Unspike returns to `before_spike`."""
    check(status, action, role, note=note)
    target = _BY_ACTION[Action(action)].target
    if target is None:
        return before_spike if before_spike in {s.value for s in _LIVE} else S.DRAFT.value
    return target.value


def _label(status: Status) -> str:
    return status.value.replace("_", " ")
