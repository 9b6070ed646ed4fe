"""Work in a course's themed workspaces, counted for the hub and the four phases."""
from __future__ import annotations

import datetime

from django.db.models import Count
from django.utils import timezone

from ..core.keys import parse_course_key
from .models import DocumentRevision, WorkspaceMembership, WorkspaceTask


def count_workspace_contributions(*, course_key, user_ids) -> dict[int, dict[str, int]]:
    """
    ``{user_id: {"collaborated": n}}``: the workspaces of the course whose
    shared document each member wrote in, or where they finished a task. Two queries.
    """
    key = parse_course_key(course_key)
    ids = list(user_ids)
    workspaces: dict[int, set[int]] = {}
    revisions = (DocumentRevision.objects.filter(document__workspace__course_key=key, author_id__in=ids)
                 .values_list("author_id", "document__workspace_id").distinct().order_by())
    for user_id, workspace_id in revisions:
        workspaces.setdefault(user_id, set()).add(workspace_id)
    tasks = (WorkspaceTask.objects.filter(workspace__course_key=key, assignee_id__in=ids, state=WorkspaceTask.DONE)
             .values_list("assignee_id", "workspace_id").distinct().order_by())
    for user_id, workspace_id in tasks:
        workspaces.setdefault(user_id, set()).add(workspace_id)
    return {user_id: {"collaborated": len(ids_)} for user_id, ids_ in workspaces.items()}


def count_workspace_invitations(*, user_id: int, course_keys) -> dict[str, int]:
    """``{course_key: n}``: workspace invitations waiting for the member's answer, per course. One query."""
    keys = [parse_course_key(key) for key in course_keys]
    if not keys:
        return {}
    rows = (WorkspaceMembership.objects.filter(user_id=user_id, status=WorkspaceMembership.INVITED,
                                               workspace__course_key__in=keys)
            .values("workspace__course_key").annotate(n=Count("id")).order_by())
    return {str(row["workspace__course_key"]): row["n"] for row in rows}


def count_workspace_tasks_due(*, user_id: int, course_keys, within_days: int = 7) -> dict[str, int]:
    """
    ``{course_key: n}``: unfinished tasks assigned to the member that are due
    within ``within_days`` days or overdue, per course. One query.
    """
    keys = [parse_course_key(key) for key in course_keys]
    if not keys:
        return {}
    until = timezone.localdate() + datetime.timedelta(days=within_days)
    rows = (WorkspaceTask.objects.filter(assignee_id=user_id, workspace__course_key__in=keys, due__isnull=False,
                                         due__lte=until)
            .exclude(state=WorkspaceTask.DONE)
            .values("workspace__course_key").annotate(n=Count("id")).order_by())
    return {str(row["workspace__course_key"]): row["n"] for row in rows}
