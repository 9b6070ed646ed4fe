"""
Open edX teams as workspaces (ADR 0011).

Where the platform's teams app is present, the facilitator (or staff) may link
a workspace to one of the course's teams: the workspace then shows the team's
name, and the team's members join it at once, whatever the theme's rule
(while there is room), as if invited. The team is looked up through
``compat.course_team`` only; without the teams app there are no teams and a
link is refused with a clear message, so the block's own workspaces serve.

Where the block names a teamset and the platform offers its ``teams`` XBlock
service, ``team_workspace`` makes each team's workspace (with the team's
members) at a member's first view; the block hands it what the service said.
"""
from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext as _

from .. import compat
from ..core.access import require_member
from ..core.transactions import lock_for_update, retrying_atomic
from ..exceptions import AccessDenied, Conflict, InvalidInput, NotFound
from ..members.api import actor_for
from .access import Seat, managing_seat
from .models import Workspace, WorkspaceDocument, WorkspaceMembership, WorkspaceTheme


def teams_available() -> bool:
    """Whether this installation has Open edX teams to link workspaces to (the page offers the link only then)."""
    return compat.teams_available()


def _team_id(value) -> str:
    if not isinstance(value, str) or len(value.strip()) > 255:
        message = _("Give the team's id (at most 255 characters).")
        raise InvalidInput(message, errors={"team_id": [message]})
    return value.strip()


def link_team(*, user, course_key, workspace_uuid, team_id: str) -> None:
    """Link the workspace to a team of its course (an empty ``team_id`` unlinks it)."""
    seat = managing_seat(user=user, course_key=course_key, workspace_uuid=workspace_uuid)
    team_id = _team_id(team_id)
    if not team_id:
        Workspace.objects.filter(pk=seat.workspace.pk).update(team_id="", team_name="", modified=timezone.now())
        return
    team = compat.course_team(course_key=seat.actor.course_key, team_id=team_id)
    if team is None:
        raise NotFound(_("This course has no such team (or this installation has no Open edX teams)."))
    if Workspace.objects.filter(course_key=seat.actor.course_key, team_id=team["team_id"]).exclude(
            pk=seat.workspace.pk).exists():
        raise Conflict(_("Another workspace already stands for this team."))
    Workspace.objects.filter(pk=seat.workspace.pk).update(team_id=team["team_id"], team_name=team["name"][:255],
                                                          modified=timezone.now())


def in_linked_team(seat: Seat) -> bool:
    """True when the workspace stands for a team and the acting person is one of its members."""
    if not seat.workspace.team_id or seat.actor.user_id is None:
        return False
    team = compat.course_team(course_key=seat.actor.course_key, team_id=seat.workspace.team_id)
    return team is not None and seat.actor.user_id in team["user_ids"]


def _team_value(team) -> dict:
    if not isinstance(team, dict) or not str(team.get("team_id") or "").strip():
        raise InvalidInput(_("Give the team's id (at most 255 characters)."))
    return {"team_id": _team_id(str(team["team_id"])), "name": str(team.get("name") or team["team_id"])[:200],
            "user_ids": sorted({int(user_id) for user_id in team.get("user_ids") or ()})}


@retrying_atomic
def _team_workspace(*, theme: WorkspaceTheme, course_key, team: dict) -> Workspace:
    # The theme's lock first: two first views of one team wait for each other here, and the second
    # finds the workspace the first made (MariaDB has no unique constraint on a non-empty team id).
    lock_for_update(WorkspaceTheme.objects.filter(pk=theme.pk))
    workspace = Workspace.objects.filter(course_key=course_key, team_id=team["team_id"]).first()
    if workspace is None:
        workspace = Workspace.objects.create(theme=theme, course_key=course_key, title=team["name"],
                                             team_id=team["team_id"], team_name=team["name"][:255])
        WorkspaceDocument.objects.create(workspace=workspace)
    waiting = WorkspaceMembership.objects.filter(workspace=workspace, user_id__in=team["user_ids"]).exclude(
        status=WorkspaceMembership.MEMBER)
    waiting.update(status=WorkspaceMembership.MEMBER)
    WorkspaceMembership.objects.bulk_create(
        [WorkspaceMembership(workspace=workspace, user_id=user_id, status=WorkspaceMembership.MEMBER)
         for user_id in team["user_ids"]], ignore_conflicts=True)
    return workspace


def team_workspace(*, user, course_key, usage_key: str, team: dict) -> str:
    """
    The workspace that stands for the acting person's Open edX team in this
    block (made at the first view, under the block's first theme), with the
    team's members as its members; answers its uuid. ``team`` is what the
    platform's ``teams`` service said: ``{"team_id", "name", "user_ids"}``.
    Safe to call on every view: nothing is made twice, and nobody is removed.
    """
    actor = require_member(actor_for(user=user, course_key=course_key),
                           _("Only members of this course community can open a workspace."))
    team = _team_value(team)
    if actor.user_id not in team["user_ids"]:
        raise AccessDenied(_("You are not a member of this team."))
    theme = WorkspaceTheme.objects.filter(course_key=actor.course_key, usage_key=str(usage_key),
                                          is_active=True).order_by("position").first()
    if theme is None:
        raise NotFound(_("No such theme in this block."))
    existing = Workspace.objects.filter(course_key=actor.course_key, team_id=team["team_id"]).first()
    if existing is not None and not (set(team["user_ids"]) - set(WorkspaceMembership.objects.filter(
            workspace=existing, status=WorkspaceMembership.MEMBER).values_list("user_id", flat=True))):
        return str(existing.uuid)
    return str(_team_workspace(theme=theme, course_key=actor.course_key, team=team).uuid)
