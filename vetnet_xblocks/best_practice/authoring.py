"""
Plain-text views of the block's structured Studio fields, and back.

Template sections, one per line (order is the learners' order)::

    context | Context | Where and for whom the practice runs | optional

Rubric criteria, separated by a blank line; the first line names the
criterion, each following line is one level::

    relevance | Relevance to the labour market | 2 | Does it answer employers' needs?
    0 | Missing | No link to the labour market
    4 | Clear | Built with employers
"""
from __future__ import annotations

from vetnet_plugin.exceptions import InvalidInput

OPTIONAL = "optional"


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.split("|")]


def format_sections(sections) -> str:
    lines = []
    for section in sections or ():
        cells = [section.get("key", ""), section.get("label", ""), section.get("prompt", "")]
        if not section.get("required", True):
            cells.append(OPTIONAL)
        lines.append(" | ".join(cells).rstrip(" |"))
    return "\n".join(lines)


def parse_sections(text: str, gettext) -> list[dict]:
    sections = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        cells = _cells(line)
        if len(cells) < 2 or not cells[0] or not cells[1]:
            raise InvalidInput(gettext("Some fields need your attention."), errors={"sections_text": [
                gettext("Line {number}: write a key and a label, separated by “|”.").format(number=number)]})
        sections.append({"key": cells[0], "label": cells[1], "prompt": cells[2] if len(cells) > 2 else "",
                         "required": not (len(cells) > 3 and cells[3].lower() == OPTIONAL)})
    return sections


def _number(value) -> str:
    value = float(value)
    return str(int(value)) if value.is_integer() else str(value)


def format_rubric(criteria) -> str:
    blocks = []
    for criterion in criteria or ():
        head = [criterion.get("key", ""), criterion.get("label", ""), _number(criterion.get("weight", 1))]
        if criterion.get("description"):
            head.append(criterion["description"])
        lines = [" | ".join(head)]
        for level in criterion.get("levels", ()):
            cells = [_number(level.get("points", 0)), level.get("label", "")]
            if level.get("description"):
                cells.append(level["description"])
            lines.append(" | ".join(cells))
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def parse_rubric(text: str, gettext) -> list[dict]:
    criteria = []

    def refuse(message):
        return InvalidInput(gettext("Some fields need your attention."), errors={"rubric_text": [message]})

    for chunk in [part for part in text.replace("\r\n", "\n").split("\n\n") if part.strip()]:
        lines = [line for line in chunk.splitlines() if line.strip()]
        head = _cells(lines[0])
        if len(head) < 2 or not head[0] or not head[1]:
            raise refuse(gettext("Start each criterion with its key and label, separated by “|”."))
        try:
            weight = float(head[2]) if len(head) > 2 and head[2] else 1.0
            levels = []
            for line in lines[1:]:
                cells = _cells(line)
                levels.append({"points": float(cells[0]), "label": cells[1] if len(cells) > 1 else "",
                               "description": cells[2] if len(cells) > 2 else ""})
        except ValueError as exc:
            raise refuse(gettext("Criterion “{label}”: weights and points must be numbers.").format(
                label=head[1])) from exc
        criteria.append({"key": head[0], "label": head[1], "weight": weight,
                         "description": head[3] if len(head) > 3 else "", "levels": levels})
    return criteria


def parse_reference(text: str, gettext) -> dict:
    """The trainer's reference review: ``criterion key: points``, one per line."""
    reference = {}
    for line in text.splitlines():
        if not line.strip():
            continue
        key, _sep, points = line.partition(":")
        try:
            reference[key.strip()] = float(points)
        except ValueError as exc:
            raise InvalidInput(gettext("Some fields need your attention."), errors={"calibration_reference_text": [
                gettext("Write one “criterion key: points” per line.")]}) from exc
    return reference


def format_reference(reference) -> str:
    return "\n".join(f"{key}: {_number(points)}" for key, points in (reference or {}).items())
