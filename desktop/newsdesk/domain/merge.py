"""Three-way merge of article content: mine and theirs, both started from a base.

Fields merge independently: a field changed on one side only takes that
side's value. The body merges by paragraph (blank-line separated), so a
reporter's edit to one paragraph and an editor's edit to another both
survive. Lists of names (tags, regions) merge as sets of additions and
removals. Only a true overlap — the same field (or the same paragraphs)
changed differently on both sides — is a conflict; the merge then keeps
mine in `merged` and names the field in `conflicts`, so nothing is lost.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Any

SET_FIELDS = ("tags", "regions")
TEXT_FIELDS = ("body",)


@dataclass
class BodyHunk:
    """One overlapping region of the body: what each side made of the same base paragraphs."""

    base: list[str]
    mine: list[str]
    theirs: list[str]


@dataclass
class MergeResult:
    merged: dict[str, Any]
    conflicts: list[str] = field(default_factory=list)
    body_hunks: list[BodyHunk] = field(default_factory=list)
    changed_by_them: list[str] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return not self.conflicts


def split_paragraphs(text: str) -> list[str]:
    blocks = [block.strip("\n") for block in text.replace("\r\n", "\n").split("\n\n")]
    return [block for block in blocks if block.strip()]


def join_paragraphs(paragraphs: list[str]) -> str:
    return "\n\n".join(paragraphs)


@dataclass
class _Change:
    start: int  # base range [start, end) replaced by `lines`
    end: int
    lines: list[str]


def _changes(base: list[str], other: list[str]) -> list[_Change]:
    matcher = difflib.SequenceMatcher(None, base, other, autojunk=False)
    return [
        _Change(i1, i2, other[j1:j2])
        for tag, i1, i2, j1, j2 in matcher.get_opcodes()
        if tag != "equal"
    ]


def _overlap(a: _Change, b: _Change) -> bool:
    if a.start == a.end and b.start == b.end:
        return a.start == b.start  # two insertions at the same place
    return a.start < b.end and b.start < a.end


def _apply(base: list[str], lo: int, hi: int, changes: list[_Change]) -> list[str]:
    out: list[str] = []
    position = lo
    for change in sorted(changes, key=lambda c: (c.start, c.end)):
        out.extend(base[position : change.start])
        out.extend(change.lines)
        position = change.end
    out.extend(base[position:hi])
    return out


def merge_paragraphs(base: str, mine: str, theirs: str) -> tuple[str, list[BodyHunk]]:
    """diff3 over paragraphs. Returns the merged text (mine on overlaps) and the overlaps."""
    base_p, mine_p, theirs_p = (
        split_paragraphs(base),
        split_paragraphs(mine),
        split_paragraphs(theirs),
    )
    tagged = [(c, "mine") for c in _changes(base_p, mine_p)] + [
        (c, "theirs") for c in _changes(base_p, theirs_p)
    ]
    tagged.sort(key=lambda item: (item[0].start, item[0].end))
    groups: list[list[tuple[_Change, str]]] = []
    for item in tagged:
        if groups and any(_overlap(item[0], other) for other, _ in groups[-1]):
            groups[-1].append(item)
        else:
            groups.append([item])
    out: list[str] = []
    hunks: list[BodyHunk] = []
    position = 0
    for group in groups:
        lo = min(c.start for c, _ in group)
        hi = max(c.end for c, _ in group)
        out.extend(base_p[position:lo])
        mine_changes = [c for c, side in group if side == "mine"]
        theirs_changes = [c for c, side in group if side == "theirs"]
        mine_version = _apply(base_p, lo, hi, mine_changes)
        theirs_version = _apply(base_p, lo, hi, theirs_changes)
        if not theirs_changes or mine_version == theirs_version:
            out.extend(mine_version)
        elif not mine_changes:
            out.extend(theirs_version)
        else:
            out.extend(mine_version)
            hunks.append(BodyHunk(base_p[lo:hi], mine_version, theirs_version))
        position = hi
    out.extend(base_p[position:])
    return join_paragraphs(out), hunks


def _merge_set(base: list[Any], mine: list[Any], theirs: list[Any]) -> list[Any]:
    removed = (set(base) - set(mine)) | (set(base) - set(theirs))
    merged = [item for item in mine if item not in removed]
    merged += [item for item in theirs if item not in removed and item not in merged]
    return merged


def merge_content(
    base: dict[str, Any], mine: dict[str, Any], theirs: dict[str, Any]
) -> MergeResult:
    """Merge two edits of the same article content (dicts of field -> value)."""
    result = MergeResult(merged={})
    for name in dict.fromkeys([*base, *mine, *theirs]):
        b, m, t = base.get(name), mine.get(name, base.get(name)), theirs.get(name, base.get(name))
        if t != b:
            result.changed_by_them.append(name)
        if m == t or t == b:
            result.merged[name] = m
        elif m == b:
            result.merged[name] = t
        elif (
            name in SET_FIELDS
            and isinstance(b, list)
            and isinstance(m, list)
            and isinstance(t, list)
        ):
            result.merged[name] = _merge_set(b, m, t)
        elif name in TEXT_FIELDS:
            text, hunks = merge_paragraphs(str(b or ""), str(m or ""), str(t or ""))
            result.merged[name] = text
            if hunks:
                result.conflicts.append(name)
                result.body_hunks = hunks
        else:
            result.merged[name] = m
            result.conflicts.append(name)
    return result


def conflict_text(hunks: list[BodyHunk], merged_body: str) -> str:
    """The merged body with each overlap spelled out, for a person to edit by hand."""
    text = merged_body
    for hunk in hunks:
        mine = join_paragraphs(hunk.mine)
        block = (
            "<<<<<<< mine\n\n"
            + mine
            + "\n\n=======\n\n"
            + join_paragraphs(hunk.theirs)
            + "\n\n>>>>>>> theirs"
        )
        text = text.replace(mine, block, 1) if mine else text + "\n\n" + block
    return text
