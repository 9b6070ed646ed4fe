"""
Who is acting, and what they may do.

Every feature receives the acting person as one ``Actor``: the user, the course
community they act in, and whether they belong to it or run it. It is resolved
once per request (``vetnet_plugin.members.api.actor_for``, which reads the
membership projection and the platform's course roles) and checked here, so
every feature asks the same questions the same way.
"""
from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _
from opaque_keys.edx.keys import CourseKey

from ..exceptions import AccessDenied


@dataclass(frozen=True)
class Actor:
    """The person making a request, in one course community."""

    user: object
    course_key: CourseKey
    # Course staff (the platform's course roles); staff see and moderate everything in their course.
    is_staff: bool
    # An active member of the course community (enrolled), or course staff.
    is_member: bool

    @property
    def user_id(self) -> int | None:
        return getattr(self.user, "id", None)


def display_name(user) -> str:
    """How a member is named beside their contributions."""
    if user is None:
        return ""
    return name_of(user.first_name, user.last_name, user.username)


def name_of(first_name: str, last_name: str, username: str) -> str:
    """``display_name`` from the user's columns read as values: first and last name, else the username."""
    return f"{first_name} {last_name}".strip() or username


def require_member(actor: Actor, message: str | None = None) -> Actor:
    """Return ``actor`` if they belong to the course community, else raise ``AccessDenied``."""
    if not actor.is_member:
        raise AccessDenied(message or _("Only members of this course community can take part in its discussions."))
    return actor


def require_staff(actor: Actor, message: str | None = None) -> Actor:
    """Return ``actor`` if they are course staff, else raise ``AccessDenied``."""
    if not actor.is_staff:
        raise AccessDenied(message or _("Only course staff can do this."))
    return actor
