"""
Forming and running workspaces: creating one under a theme, joining by the
theme's rule (open, request and approve, invitation only), the lifecycle
(forming → active → closing → archived) and the community-readable opt-in.

A join is decided under the workspace row's lock, counting its members
after the lock is held, so no number of concurrent joins ever pushes a
workspace past its theme's maximum.
"""
from __future__ import annotations

from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext as _

from ..core.access import display_name, require_member
from ..core.rate_limits import check_rate_limit
from ..core.transactions import lock_for_update, retrying_atomic
from ..exceptions import AccessDenied, Conflict, InvalidInput, NotFound
from ..members.api import actor_for, get_countries_and_organisation_types
from . import data
from .access import Seat, managing_seat, readable_seat, seat_for
from .models import Workspace, WorkspaceDocument, WorkspaceMembership, WorkspaceTheme
from .notices import notify_on_commit
from .teams import in_linked_team
from .themes import get_theme, theme_value

User = get_user_model()


def _clean(value, *, name: str, limit: int, required: bool) -> str:
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise InvalidInput(_("Send text."), errors={name: [_("Send text.")]})
    value = value.strip()
    if required and not value:
        raise InvalidInput(_("This field is required."), errors={name: [_("This field is required.")]})
    if len(value) > limit:
        message = _("Keep this under {limit} characters.").format(limit=limit)
        raise InvalidInput(message, errors={name: [message]})
    return value


def _member_values(workspace: Workspace, rows, profiles) -> tuple[data.WorkspaceMember, ...]:
    return tuple(data.WorkspaceMember(
        user_id=row.user_id, name=display_name(row.user), country=profiles.get(row.user_id, ("", ""))[0],
        organisation_type=profiles.get(row.user_id, ("", ""))[1],
        is_facilitator=row.user_id == workspace.facilitator_id) for row in rows)


def _memberships_of(workspaces) -> dict[int, list[WorkspaceMembership]]:
    """
    The people of each workspace, members and those waiting (asked to join,
    invited), in the order they came: one query for all of them.
    """
    rows = WorkspaceMembership.objects.filter(workspace__in=workspaces).select_related("user").order_by(
        "created", "pk")
    grouped: dict[int, list[WorkspaceMembership]] = {}
    for row in rows:
        grouped.setdefault(row.workspace_id, []).append(row)
    return grouped


def _members_only(rows) -> list[WorkspaceMembership]:
    return [row for row in rows if row.status == WorkspaceMembership.MEMBER]


def workspace_value(seat: Seat, *, memberships=None, profiles=None) -> data.Workspace:
    """
    The workspace as ``seat``'s person sees it. A listing passes the
    ``memberships`` (members and those waiting) and ``profiles`` it read for
    all its workspaces at once.
    """
    workspace = seat.workspace
    if memberships is None:
        memberships = _memberships_of([workspace]).get(workspace.pk, [])
    waiting = [row for row in memberships if row.status != WorkspaceMembership.MEMBER]
    memberships = _members_only(memberships)
    if profiles is None:
        profiles = get_countries_and_organisation_types(user_ids=[row.user_id for row in memberships])
    members = _member_values(workspace, memberships, profiles)
    pending = tuple(data.WorkspacePendingPerson(user_id=row.user_id, name=display_name(row.user), status=row.status)
                    for row in waiting) if seat.can_manage else ()
    return data.Workspace(
        uuid=str(workspace.uuid), theme_key=workspace.theme.key, title=workspace.title, goal=workspace.goal,
        state=workspace.state, community_readable=workspace.community_readable, member_count=len(members),
        max_size=workspace.theme.max_size, join_rule=workspace.theme.join_rule, members=members,
        role=seat.status, can_read=seat.can_read, can_write=seat.can_write, can_manage=seat.can_manage,
        created=workspace.created, email_notices=seat.email_notices, pending=pending, team_id=workspace.team_id,
        team_name=workspace.team_name,
    )


def _reloaded(user, course_key, workspace_uuid) -> data.Workspace:
    return workspace_value(seat_for(user=user, course_key=course_key, workspace_uuid=workspace_uuid))


def list_themes(*, user, course_key, usage_key: str) -> list[data.ThemeWithWorkspaces]:
    """The block's themes with their workspaces, for any member of the course community (or staff)."""
    actor = require_member(actor_for(user=user, course_key=course_key))
    themes = WorkspaceTheme.objects.filter(course_key=actor.course_key, usage_key=str(usage_key), is_active=True)
    statuses = {workspace_id: (status, notices) for workspace_id, status, notices in WorkspaceMembership.objects.filter(
        user_id=actor.user_id, workspace__theme__in=themes).values_list("workspace_id", "status", "email_notices")}
    themes = list(themes.order_by("position"))
    # A constant number of queries however many workspaces and members: all workspaces, all their
    # members and all those members' countries and organisation types are each read once.
    workspaces = list(Workspace.objects.filter(theme__in=themes).select_related("theme").order_by("created", "pk"))
    memberships = _memberships_of(workspaces)
    profiles = get_countries_and_organisation_types(
        user_ids=[row.user_id for rows in memberships.values() for row in _members_only(rows)])
    listed = []
    for theme in themes:
        values = tuple(workspace_value(Seat(actor=actor, workspace=w, status=statuses.get(w.pk, ("", True))[0],
                                            email_notices=statuses.get(w.pk, ("", True))[1]),
                                       memberships=memberships.get(w.pk, []), profiles=profiles)
                       for w in workspaces if w.theme_id == theme.pk)
        listed.append(data.ThemeWithWorkspaces(theme=theme_value(theme), workspaces=values,
                                               can_create=actor.is_staff or theme.members_create))
    return listed


def get_workspace(*, user, course_key, workspace_uuid) -> data.Workspace:
    """The workspace with its members, as the acting person sees it (any course member sees who is in it)."""
    seat = seat_for(user=user, course_key=course_key, workspace_uuid=workspace_uuid)
    require_member(seat.actor)
    return workspace_value(seat)


@retrying_atomic
def _create(*, actor, theme, title, goal) -> Workspace:
    workspace = Workspace.objects.create(theme=theme, course_key=actor.course_key, title=title, goal=goal,
                                         facilitator=actor.user)
    WorkspaceMembership.objects.create(workspace=workspace, user=actor.user, status=WorkspaceMembership.MEMBER,
                                       last_visit=timezone.now())
    WorkspaceDocument.objects.create(workspace=workspace)
    return workspace


def create_workspace(*, user, course_key, usage_key: str, theme_key: str, title: str, goal: str = "") -> data.Workspace:
    """Open a workspace under a theme; its creator is its facilitator and first member."""
    actor = require_member(actor_for(user=user, course_key=course_key),
                           _("Only members of this course community can open a workspace."))
    theme = get_theme(course_key=actor.course_key, usage_key=usage_key, theme_key=theme_key)
    if not theme.members_create and not actor.is_staff:
        raise AccessDenied(_("In this theme only course staff open workspaces."))
    title = _clean(title, name="title", limit=200, required=True)
    goal = _clean(goal, name="goal", limit=5000, required=False)
    check_rate_limit(action="workspace", queryset=Workspace.objects.filter(facilitator_id=actor.user_id))
    workspace = _create(actor=actor, theme=theme, title=title, goal=goal)
    return _reloaded(user, actor.course_key, workspace.uuid)


def _full_message() -> str:
    return _("This workspace is full.")


@retrying_atomic
def _admit(workspace_id: int, user_id: int, status: str) -> str:
    """Make ``user_id`` a member (or give them ``status``) under the workspace's lock; return their status."""
    # The lock comes first: the count below then sees every join committed before it.
    lock_for_update(Workspace.objects.filter(pk=workspace_id))
    workspace = Workspace.objects.select_related("theme").get(pk=workspace_id)
    row = WorkspaceMembership.objects.filter(workspace_id=workspace_id, user_id=user_id).first()
    if row is not None and row.status == WorkspaceMembership.MEMBER:
        return row.status
    if status == WorkspaceMembership.MEMBER:
        members = WorkspaceMembership.objects.filter(workspace_id=workspace_id,
                                                     status=WorkspaceMembership.MEMBER).count()
        if members >= workspace.theme.max_size:
            raise Conflict(_full_message())
    if row is None:
        WorkspaceMembership.objects.create(workspace_id=workspace_id, user_id=user_id, status=status,
                                           last_visit=timezone.now() if status == WorkspaceMembership.MEMBER else None)
    elif row.status == status or (row.status == WorkspaceMembership.INVITED and status != WorkspaceMembership.MEMBER):
        return ""  # nothing changed: an invitation is not turned into a request
    else:
        WorkspaceMembership.objects.filter(pk=row.pk).update(
            status=status, last_visit=timezone.now() if status == WorkspaceMembership.MEMBER else None)
    return status


def _open_for_joining(seat: Seat) -> None:
    if seat.workspace.state in (Workspace.CLOSING, Workspace.ARCHIVED):
        raise Conflict(_("This workspace no longer takes new members."))


def join_workspace(*, user, course_key, workspace_uuid) -> data.Workspace:
    """
    Join by the theme's rule: an open workspace at once (while there is room),
    a request-and-approve one by asking the facilitator, an invitation-only one
    by accepting an invitation. A member of the Open edX team the workspace
    stands for joins at once, whatever the rule (ADR 0011).
    """
    seat = seat_for(user=user, course_key=course_key, workspace_uuid=workspace_uuid)
    require_member(seat.actor, _("Only members of this course community can join a workspace."))
    _open_for_joining(seat)
    rule = seat.workspace.theme.join_rule
    if seat.status == WorkspaceMembership.INVITED or rule == WorkspaceTheme.OPEN or in_linked_team(seat):
        _admit(seat.workspace.pk, seat.actor.user_id, WorkspaceMembership.MEMBER)
    elif rule == WorkspaceTheme.REQUEST:
        if _admit(seat.workspace.pk, seat.actor.user_id, WorkspaceMembership.REQUESTED) == \
                WorkspaceMembership.REQUESTED:
            notify_on_commit("join_request", workspace_id=seat.workspace.pk, user_id=seat.actor.user_id)
    else:
        raise AccessDenied(_("This workspace takes members by invitation only."))
    return _reloaded(user, course_key, workspace_uuid)


def _course_member(seat: Seat, user_id, username: str = "") -> int:
    if username:
        if not isinstance(username, str) or len(username) > 150:
            message = _("Give the member's username.")
            raise InvalidInput(message, errors={"username": [message]})
        user_id = User.objects.filter(username=username.strip(), is_active=True).values_list("pk", flat=True).first()
        if user_id is None:
            raise NotFound(_("No such member in this course community."))
    if isinstance(user_id, bool):
        raise InvalidInput(_("Choose a member."), errors={"user_id": [_("Choose a member.")]})
    try:
        user_id = int(user_id)
    except (TypeError, ValueError) as error:
        raise InvalidInput(_("Choose a member."), errors={"user_id": [_("Choose a member.")]}) from error
    other = User.objects.filter(pk=user_id, is_active=True).first()
    if other is None or not actor_for(user=other, course_key=seat.actor.course_key).is_member:
        raise NotFound(_("No such member in this course community."))
    return user_id


def approve_join_request(*, user, course_key, workspace_uuid, user_id: int) -> data.Workspace:
    """The facilitator (or staff) lets a member who asked in, while there is room."""
    seat = managing_seat(user=user, course_key=course_key, workspace_uuid=workspace_uuid)
    user_id = _course_member(seat, user_id)
    if not WorkspaceMembership.objects.filter(workspace=seat.workspace, user_id=user_id,
                                              status=WorkspaceMembership.REQUESTED).exists():
        raise NotFound(_("This member has not asked to join."))
    _admit(seat.workspace.pk, user_id, WorkspaceMembership.MEMBER)
    return _reloaded(user, course_key, workspace_uuid)


def invite_to_workspace(*, user, course_key, workspace_uuid, user_id: int | None = None,
                        username: str = "") -> data.Workspace:
    """
    The facilitator (or staff) invites a member of the course community, named
    by ``user_id`` or ``username``; they join by accepting.
    """
    seat = managing_seat(user=user, course_key=course_key, workspace_uuid=workspace_uuid)
    _open_for_joining(seat)
    user_id = _course_member(seat, user_id, username)
    if _admit(seat.workspace.pk, user_id, WorkspaceMembership.INVITED) == WorkspaceMembership.INVITED:
        notify_on_commit("invitation", workspace_id=seat.workspace.pk, user_id=user_id)
    return _reloaded(user, course_key, workspace_uuid)


def leave_workspace(*, user, course_key, workspace_uuid) -> None:
    """Leave a workspace (or withdraw a request, or decline an invitation); the facilitator stays."""
    seat = seat_for(user=user, course_key=course_key, workspace_uuid=workspace_uuid)
    if seat.workspace.state == Workspace.ARCHIVED:
        raise Conflict(_("This workspace is archived: its work can be read but no longer changed."))
    if not seat.status:
        raise AccessDenied(_("You are not in this workspace."))
    if seat.workspace.facilitator_id == seat.actor.user_id:
        raise Conflict(_("The facilitator cannot leave; ask course staff to hand the workspace over."))
    WorkspaceMembership.objects.filter(workspace=seat.workspace, user_id=seat.actor.user_id).delete()


def set_workspace_state(*, user, course_key, workspace_uuid, state: str) -> data.Workspace:
    """Move the workspace along its lifecycle (facilitator or staff); an archived workspace stays archived."""
    seat = managing_seat(user=user, course_key=course_key, workspace_uuid=workspace_uuid)
    if state not in data.STATES:
        raise InvalidInput(_("Choose a state of the workspace."), errors={"state": [_("Choose a state.")]})
    if state not in data.TRANSITIONS[seat.workspace.state]:
        raise Conflict(_("A workspace that is {now} cannot become {then}.").format(
            now=seat.workspace.get_state_display(), then=dict(Workspace.STATES)[state]))
    Workspace.objects.filter(pk=seat.workspace.pk, state=seat.workspace.state).update(state=state,
                                                                                      modified=timezone.now())
    return _reloaded(user, course_key, workspace_uuid)


def set_community_readable(*, user, course_key, workspace_uuid, readable: bool) -> data.Workspace:
    """Open the workspace's work to the whole course community for reading, or close it again."""
    seat = managing_seat(user=user, course_key=course_key, workspace_uuid=workspace_uuid)
    Workspace.objects.filter(pk=seat.workspace.pk).update(community_readable=bool(readable), modified=timezone.now())
    return _reloaded(user, course_key, workspace_uuid)


def record_visit(*, user, course_key, workspace_uuid) -> None:
    """Remember that the member has now seen the workspace (the activity feed starts from here)."""
    seat = readable_seat(user=user, course_key=course_key, workspace_uuid=workspace_uuid)
    if seat.is_member:
        WorkspaceMembership.objects.filter(workspace=seat.workspace, user_id=seat.actor.user_id).update(
            last_visit=timezone.now())


def set_workspace_notices(*, user, course_key, workspace_uuid, enabled: bool) -> None:
    """Turn the person's e-mail notices about this workspace on or off (members, invitees, who asked to join)."""
    seat = seat_for(user=user, course_key=course_key, workspace_uuid=workspace_uuid)
    if not seat.status:
        raise AccessDenied(_("Only people in this workspace receive its notices."))
    WorkspaceMembership.objects.filter(workspace=seat.workspace, user_id=seat.actor.user_id).update(
        email_notices=bool(enabled))
