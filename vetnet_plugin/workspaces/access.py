"""
Who may read and write a workspace: its members and course staff; the whole
course community may read one whose members opted in. Every lookup is scoped
to the course and checked here, for the block and the REST API alike.
"""
from __future__ import annotations

import uuid
from dataclasses import dataclass

from django.utils.translation import gettext as _

from ..core.access import Actor
from ..exceptions import AccessDenied, Conflict, NotFound
from ..members.api import actor_for
from .models import Workspace, WorkspaceMembership


@dataclass(frozen=True)
class Seat:
    """The acting person at one workspace: who they are there and what they may do."""

    actor: Actor
    workspace: Workspace
    status: str  # their membership status, "" for none
    email_notices: bool = True  # whether they receive this workspace's e-mail notices

    @property
    def is_member(self) -> bool:
        return self.status == WorkspaceMembership.MEMBER

    @property
    def can_read(self) -> bool:
        return self.actor.is_staff or self.is_member or (self.workspace.community_readable and self.actor.is_member)

    @property
    def can_write(self) -> bool:
        return (self.actor.is_staff or self.is_member) and self.workspace.state != Workspace.ARCHIVED

    @property
    def can_manage(self) -> bool:
        facilitates = self.is_member and self.workspace.facilitator_id == self.actor.user_id
        return (self.actor.is_staff or facilitates) and self.workspace.state != Workspace.ARCHIVED


def workspace_in_course(course_key, workspace_uuid) -> Workspace:
    try:
        wanted = uuid.UUID(str(workspace_uuid))
    except ValueError as error:
        raise NotFound(_("No such workspace in this course.")) from error
    workspace = Workspace.objects.select_related("theme").filter(course_key=course_key, uuid=wanted).first()
    if workspace is None:
        raise NotFound(_("No such workspace in this course."))
    return workspace


def seat_for(*, user, course_key, workspace_uuid) -> Seat:
    """The acting person at the workspace; ``NotFound`` outside its course."""
    actor = actor_for(user=user, course_key=course_key)
    workspace = workspace_in_course(actor.course_key, workspace_uuid)
    status, notices = "", True
    if actor.user_id is not None:
        status, notices = WorkspaceMembership.objects.filter(workspace=workspace, user_id=actor.user_id).values_list(
            "status", "email_notices").first() or ("", True)
    return Seat(actor=actor, workspace=workspace, status=status, email_notices=notices)


def readable_seat(**kwargs) -> Seat:
    seat = seat_for(**kwargs)
    if not seat.can_read:
        raise AccessDenied(_("Only the members of this workspace and course staff can see its work."))
    return seat


def _refuse_archived(seat: Seat) -> None:
    if seat.workspace.state == Workspace.ARCHIVED:
        raise Conflict(_("This workspace is archived: its work can be read but no longer changed."))


def writable_seat(**kwargs) -> Seat:
    seat = seat_for(**kwargs)
    if not (seat.actor.is_staff or seat.is_member):
        raise AccessDenied(_("Only the members of this workspace and course staff can change its work."))
    _refuse_archived(seat)
    return seat


def managing_seat(**kwargs) -> Seat:
    seat = seat_for(**kwargs)
    if not (seat.actor.is_staff or (seat.is_member and seat.workspace.facilitator_id == seat.actor.user_id)):
        raise AccessDenied(_("Only the workspace's facilitator and course staff can do this."))
    _refuse_archived(seat)
    return seat
