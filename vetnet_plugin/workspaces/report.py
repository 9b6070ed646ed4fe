"""
What the workspaces tell a policy report: workspaces by theme and state,
with their outcomes. Only counts leave; who belongs where stays here.
"""
from __future__ import annotations

from collections import defaultdict

from ..core.aggregates import count_table
from ..core.keys import parse_course_key
from .models import Workspace, WorkspaceMembership

WITH_OUTCOME = "outcome_published"


def count_workspaces(*, course_key) -> dict[str, tuple]:
    """
    A course's workspaces as a ``CountCell`` table ``themes_by_state``: rows by
    theme title, columns by state, with ``outcome_published`` for the
    workspaces whose outcome went to the toolbox; people are the workspaces'
    distinct members.
    """
    key = parse_course_key(course_key)
    members = defaultdict(set)
    for workspace_id, user_id in WorkspaceMembership.objects.filter(
            workspace__course_key=key, status=WorkspaceMembership.MEMBER).values_list("workspace_id", "user_id"):
        members[workspace_id].add(user_id)
    rows = []
    for pk, theme, state, outcome in Workspace.objects.filter(course_key=key).values_list(
            "pk", "theme__title", "state", "outcome_resource_uuid"):
        column = WITH_OUTCOME if outcome else state
        rows.extend((theme, column, pk, person) for person in members[pk] or [f"workspace-{pk}"])
    return {"themes_by_state": count_table(rows)}
