"""
The three-way merge of a shared document (ADR 0010).

A save names the revision it started from (the base). The server compares
base→mine and base→latest line by line (``difflib``): changes to different
lines both apply; where both sides changed the same lines differently, both
texts are kept between markers, for the members to settle. Nothing typed is
ever dropped, and nothing here touches the database.
"""
from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher

CONFLICT_START = "<<<<<<< "
CONFLICT_MIDDLE = "======="
CONFLICT_END = ">>>>>>> "


@dataclass(frozen=True)
class MergeResult:
    text: str
    conflicts: int


def normalized(text: str) -> str:
    """The text as documents keep it: ``\n`` line ends, and a last line that ends too (an edit there is a new line)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text if not text or text.endswith("\n") else text + "\n"


def _lines(text: str) -> list[str]:
    return text.splitlines(keepends=True)


def _hunks(base: list[str], other: list[str], side: int) -> list[tuple[int, int, int, int, int]]:
    matcher = SequenceMatcher(None, base, other, autojunk=False)
    return [(i1, i2, j1, j2, side) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"]


def _ended(lines: list[str]) -> list[str]:
    # A conflict block is whole lines, so the markers start lines of their own.
    if lines and not lines[-1].endswith("\n"):
        return [*lines[:-1], lines[-1] + "\n"]
    return lines


def three_way_merge(base: str, mine: str, latest: str, *, mine_label: str = "", latest_label: str = "") -> MergeResult:
    """
    Merge ``mine`` (edited from ``base``) into ``latest`` (also descended from ``base``).

    Returns the merged text and how many conflict blocks it holds; a block
    shows the latest text first, then the incoming one.
    """
    base, mine, latest = normalized(base), normalized(mine), normalized(latest)
    if mine == latest or mine == base:
        return MergeResult(latest, 0)
    if latest == base:
        return MergeResult(mine, 0)
    base_lines, sides = _lines(base), (_lines(mine), _lines(latest))
    hunks = sorted(_hunks(base_lines, sides[0], 0) + _hunks(base_lines, sides[1], 1))
    merged: list[str] = []
    delta = [0, 0]  # how far each side's line numbers have moved from the base's
    position, index, conflicts = 0, 0, 0
    while index < len(hunks):
        start, end = hunks[index][0], hunks[index][1]
        group = [hunks[index]]
        index += 1
        # Changes that overlap are one region; so are an insertion and a change it touches, whose
        # order nobody can tell. Changes of neighbouring lines stay apart and both apply.
        while index < len(hunks) and (hunks[index][0] < end or (
                hunks[index][0] == end and (hunks[index][0] == hunks[index][1] or start == end))):
            end = max(end, hunks[index][1])
            group.append(hunks[index])
            index += 1
        merged.extend(base_lines[position:start])
        versions = []
        for side in (0, 1):
            own = [hunk for hunk in group if hunk[4] == side]
            side_start = start + delta[side]
            for i1, i2, j1, j2, _side in own:
                delta[side] += (j2 - j1) - (i2 - i1)
            versions.append(sides[side][side_start:end + delta[side]] if own else None)
        mine_part, latest_part = versions
        if all(hunk[0] == hunk[1] == start for hunk in group) and mine_part and latest_part:
            # Both only added lines at the same place: nothing collides, keep both, the latest first.
            merged.extend(_ended(latest_part) + mine_part)
        elif mine_part is None or latest_part is None or mine_part == latest_part:
            merged.extend(mine_part if latest_part is None else latest_part)
        else:
            conflicts += 1
            merged.append(f"{CONFLICT_START}{latest_label}\n")
            merged.extend(_ended(latest_part))
            merged.append(f"{CONFLICT_MIDDLE}\n")
            merged.extend(_ended(mine_part))
            merged.append(f"{CONFLICT_END}{mine_label}\n")
        position = end
    merged.extend(base_lines[position:])
    return MergeResult("".join(merged), conflicts)


def conflict_blocks(text: str) -> int:
    """How many conflict blocks the text still holds, unsettled."""
    return sum(1 for line in text.splitlines() if line.startswith(CONFLICT_START))
