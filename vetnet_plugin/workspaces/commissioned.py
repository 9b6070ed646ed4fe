"""
Workspaces another feature opens for its own groups: a formed partnership
works in one. The feature decides who belongs (it has checked its members);
this module only opens the workspace under a theme of its own, invitation
only and never listed by a workspace block, and seats the members it names.
"""
from __future__ import annotations

import uuid

from django.utils import timezone
from django.utils.translation import gettext as _

from ..core.keys import parse_course_key
from ..core.transactions import retrying_atomic
from ..exceptions import NotFound
from .models import Workspace, WorkspaceDocument, WorkspaceMembership, WorkspaceTheme

# Room for a Centre of Vocational Excellence and its associated partners.
COMMISSIONED_SIZE = 200
_THEME_KEY = "commissioned"


@retrying_atomic
def open_commissioned_workspace(*, course_key, usage_key: str, title: str, goal: str = "",
                                facilitator_id: int) -> str:
    """
    Open a workspace for a group another feature formed (a partnership) and
    return its uuid. Its facilitator is its first member; it is active at once.
    """
    key = parse_course_key(course_key)
    theme, _created = WorkspaceTheme.objects.get_or_create(
        usage_key=str(usage_key), key=_THEME_KEY,
        defaults={"course_key": key, "title": str(_("Partnership workspaces")), "join_rule": WorkspaceTheme.INVITATION,
                  "max_size": COMMISSIONED_SIZE, "members_create": False, "is_active": False})
    workspace = Workspace.objects.create(theme=theme, course_key=key, title=title[:200], goal=goal,
                                         facilitator_id=facilitator_id, state=Workspace.ACTIVE)
    WorkspaceMembership.objects.create(workspace=workspace, user_id=facilitator_id, status=WorkspaceMembership.MEMBER,
                                       last_visit=timezone.now())
    WorkspaceDocument.objects.create(workspace=workspace)
    return str(workspace.uuid)


def seat_commissioned_member(*, workspace_uuid, user_id: int) -> None:
    """Make ``user_id`` a member of a commissioned workspace (idempotent; concurrent seats all succeed)."""
    workspace = Workspace.objects.filter(uuid=uuid.UUID(str(workspace_uuid)), theme__key=_THEME_KEY).first()
    if workspace is None:
        raise NotFound(_("No such workspace."))
    row, created = WorkspaceMembership.objects.get_or_create(
        workspace=workspace, user_id=user_id,
        defaults={"status": WorkspaceMembership.MEMBER})
    if not created and row.status != WorkspaceMembership.MEMBER:
        WorkspaceMembership.objects.filter(pk=row.pk).update(status=WorkspaceMembership.MEMBER)
