"""
Open edX teams as workspaces (ADR 0011).

Where the platform's teams app is present, the facilitator (or staff) may link
a workspace to one of the course's teams: the workspace then shows the team's
name, and the team's members join it at once, whatever the theme's rule
(while there is room), as if invited. The team is looked up through
``compat.course_team`` only; without the teams app there are no teams and a
link is refused with a clear message, so the block's own workspaces serve.
"""
from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext as _

from .. import compat
from ..exceptions import Conflict, InvalidInput, NotFound
from .access import Seat, managing_seat
from .models import Workspace


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
