"""
How a document's revisions are stored: every ``SNAPSHOT_EVERY``-th revision
(1, 51, 101, ...) holds its whole text; every other one holds only a compact
delta from the revision before it (``difflib``, line by line).

Storage so grows with what each save changed, not with the document's length
times its history. Any revision is rebuilt from one snapshot and at most
``SNAPSHOT_EVERY - 1`` deltas, read in one query (ADR 0010): what the
comparison and a stale save's three-way merge read stays bounded.
"""
from __future__ import annotations

import json
from difflib import SequenceMatcher

from .models import DocumentRevision

SNAPSHOT_EVERY = 50


class BrokenHistory(Exception):
    """A revision's rows are missing or do not fit together."""


def is_snapshot(number: int) -> bool:
    return (number - 1) % SNAPSHOT_EVERY == 0


def snapshot_of(number: int) -> int:
    """The number of the snapshot revision ``number`` is rebuilt from."""
    return number - (number - 1) % SNAPSHOT_EVERY


def make_delta(old: str, new: str) -> str:
    """
    The edit from ``old`` to ``new`` as JSON: ``[[start, end, [lines]], ...]``,
    each replacing ``old``'s lines ``start:end`` (counted in ``old``) by ``lines``.
    """
    before, after = old.splitlines(keepends=True), new.splitlines(keepends=True)
    # Most saves change a few lines: the common head and tail are skipped before difflib compares the rest.
    head = 0
    while head < len(before) and head < len(after) and before[head] == after[head]:
        head += 1
    tail = 0
    while (tail < len(before) - head and tail < len(after) - head
           and before[len(before) - 1 - tail] == after[len(after) - 1 - tail]):
        tail += 1
    middle_before, middle_after = before[head:len(before) - tail], after[head:len(after) - tail]
    operations = [
        [head + i1, head + i2, middle_after[j1:j2]]
        for tag, i1, i2, j1, j2 in SequenceMatcher(None, middle_before, middle_after,
                                                   autojunk=False).get_opcodes()
        if tag != "equal"
    ]
    return json.dumps(operations, ensure_ascii=False, separators=(",", ":"))


def apply_delta(old: str, delta: str) -> str:
    """``old`` with ``delta`` (from ``make_delta``) applied."""
    before = old.splitlines(keepends=True)
    try:
        operations = json.loads(delta)
        result, position = [], 0
        for start, end, lines in operations:
            if not position <= start <= end <= len(before):
                raise BrokenHistory(f"delta range {start}:{end} outside 0:{len(before)}")
            result.extend(before[position:start])
            result.extend(lines)
            position = end
    except (ValueError, TypeError) as error:
        raise BrokenHistory(str(error)) from error
    result.extend(before[position:])
    return "".join(result)


def stored_fields(number: int, previous_text: str, text: str) -> dict:
    """What the revision row ``number`` stores for ``text``, saved after ``previous_text`` (revision ``number - 1``)."""
    if is_snapshot(number):
        return {"is_snapshot": True, "text": text, "delta": ""}
    return {"is_snapshot": False, "text": "", "delta": make_delta(previous_text, text)}


def revision_text(document, number: int) -> str | None:
    """
    The text of revision ``number`` of ``document`` (``None`` if it has no
    such revision): one query, for its snapshot and the deltas after it.
    """
    if number == 0:
        return ""
    if number == document.revision:
        return document.text
    if number < 0 or number > document.revision:
        return None
    return rebuilt_text(document, number)


def rebuilt_text(document, number: int) -> str:
    """Revision ``number`` (from 1) rebuilt from its stored rows alone, in one query."""
    start = snapshot_of(number)
    rows = list(DocumentRevision.objects.filter(document=document, number__gte=start, number__lte=number)
                .order_by("number").values_list("number", "is_snapshot", "text", "delta"))
    if [row[0] for row in rows] != list(range(start, number + 1)) or not rows[0][1]:
        raise BrokenHistory(f"revisions {start}..{number} of document {document.pk} are incomplete")
    text = ""
    for _number, whole, stored, delta in rows:
        text = stored if whole else apply_delta(text, delta)
    return text
