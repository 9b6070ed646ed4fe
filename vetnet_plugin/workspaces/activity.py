"""
What changed in a workspace since the member's last visit: saves, tasks, new
members and attached resources, newest first.
"""
from __future__ import annotations

from django.utils.translation import gettext as _

from ..core.access import display_name
from . import data
from .access import readable_seat
from .models import DocumentRevision, WorkspaceAttachment, WorkspaceMembership, WorkspaceTask

MAX_ACTIVITY = 50


def list_activity(*, user, course_key, workspace_uuid) -> list[data.WorkspaceActivity]:
    """
    Others' saves, tasks changed, members who joined and resources others
    attached since the member last visited (at most 50).
    """
    seat = readable_seat(user=user, course_key=course_key, workspace_uuid=workspace_uuid)
    since = WorkspaceMembership.objects.filter(workspace=seat.workspace, user_id=seat.actor.user_id).values_list(
        "last_visit", flat=True).first()
    revisions = DocumentRevision.objects.filter(document__workspace=seat.workspace).exclude(
        author_id=seat.actor.user_id).select_related("author").only("number", "author", "created")
    tasks = WorkspaceTask.objects.filter(workspace=seat.workspace).select_related("assignee")
    joined = WorkspaceMembership.objects.filter(workspace=seat.workspace, status=WorkspaceMembership.MEMBER).exclude(
        user_id=seat.actor.user_id).select_related("user")
    attached = WorkspaceAttachment.objects.filter(workspace=seat.workspace).exclude(
        added_by_id=seat.actor.user_id).select_related("added_by")
    if since is not None:
        revisions, tasks, joined = (revisions.filter(created__gt=since), tasks.filter(modified__gt=since),
                                    joined.filter(created__gt=since))
        attached = attached.filter(created__gt=since)
    found = [
        *(data.WorkspaceActivity(kind="revision", who=display_name(row.author),
                        what=_("saved revision {number} of the document").format(number=row.number), when=row.created)
          for row in revisions.order_by("-created")[:MAX_ACTIVITY]),
        *(data.WorkspaceActivity(kind="task", who=display_name(task.assignee), what=_("task “{title}”: {state}").format(
            title=task.title, state=task.get_state_display()), when=task.modified)
          for task in tasks.order_by("-modified")[:MAX_ACTIVITY]),
        *(data.WorkspaceActivity(kind="member", who=display_name(row.user), what=_("joined the workspace"),
                                 when=row.created)
          for row in joined.order_by("-created")[:MAX_ACTIVITY]),
        *(data.WorkspaceActivity(kind="attachment", who=display_name(row.added_by),
                                 what=_("attached “{title}”").format(title=row.title), when=row.created)
          for row in attached.order_by("-created")[:MAX_ACTIVITY]),
    ]
    found.sort(key=lambda item: item.when, reverse=True)
    return found[:MAX_ACTIVITY]
