"""
The dashboard's snapshots: every course community's aggregate tables,
computed by a periodic task from the features' own aggregate functions, so
that a dashboard reads one row per course whatever the community's size.
"""
from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from ..best_practices.api import count_best_practices, list_best_practice_contributors_by_month
from ..core.keys import parse_course_key
from ..counselling.api import count_counselling_cases, list_case_owners_by_month
from ..data import CountCell, ValueCell
from ..discussions.api import list_posters_by_month
from ..members.api import count_members_taking_part
from ..partnerships.api import count_partnerships
from ..scenarios.api import count_delphi_ratings, list_raters_by_month
from ..toolbox.api import count_toolbox_resources, list_toolbox_contributors_by_month
from ..workspaces.api import count_workspaces
from .models import PolicySnapshot


def _cells(cells) -> list:
    out = []
    for cell in cells:
        if isinstance(cell, CountCell):
            out.append([cell.row, cell.column, cell.items, cell.people])
        elif isinstance(cell, ValueCell):
            out.append([cell.row, cell.column, cell.values, cell.people])
    return out


def _part(tables: dict) -> dict:
    return {name: _cells(cells) for name, cells in tables.items() if isinstance(cells, tuple)
            and all(isinstance(c, (CountCell, ValueCell)) for c in cells)}


def _taking_part(key) -> set[tuple[int, str]]:
    """Who did something in the course in which month, from every feature that records what members do."""
    return (list_posters_by_month(course_key=key) | list_raters_by_month(course_key=key)
            | list_toolbox_contributors_by_month(course_key=key) | list_case_owners_by_month(course_key=key)
            | list_best_practice_contributors_by_month(course_key=key))


def compute_tables(*, course_key) -> dict:
    """Every aggregate table of one course community, as stored in its snapshot."""
    key = parse_course_key(course_key)
    delphi = count_delphi_ratings(course_key=key)
    counselling = count_counselling_cases(course_key=key)
    return {
        "delphi": {
            **_part(delphi),
            "labels": {row: list(label) for row, label in delphi["labels"].items()},
            "scenarios": [list(s) for s in delphi["scenarios"]],
        },
        "counselling": {**_part(counselling), "topic_labels": counselling["topic_labels"]},
        "toolbox": _part(count_toolbox_resources(course_key=key)),
        "workspaces": _part(count_workspaces(course_key=key)),
        "best_practices": _part(count_best_practices(course_key=key)),
        "partnerships": _part(count_partnerships(course_key=key)),
        "members": _part(count_members_taking_part(course_key=key, active=_taking_part(key))),
    }


def refresh_snapshot(*, course_key) -> None:
    """Recompute one course community's snapshot (one row, replaced whole)."""
    key = parse_course_key(course_key)
    tables = compute_tables(course_key=key)
    with transaction.atomic():
        PolicySnapshot.objects.update_or_create(course_key=key, defaults={"tables": tables, "computed": timezone.now()})


def refresh_policy_snapshots(*, course_keys=None) -> int:
    """Recompute the snapshot of every course community (or of ``course_keys``); returns how many."""
    if course_keys is None:
        from ..members.api import list_community_course_keys  # pylint: disable=import-outside-toplevel

        course_keys = list_community_course_keys()
    count = 0
    for key in course_keys:
        refresh_snapshot(course_key=key)
        count += 1
    return count
