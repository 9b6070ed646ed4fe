"""
Who may see and do what in the toolbox, and how often.

Every toolbox lookup goes through ``visible_resources``: a resource outside
the caller's scope is "not found", never revealed by a different error.
"""
from __future__ import annotations

import functools
import uuid as uuid_module
from dataclasses import dataclass

from django.db.models import Q
from django.utils.translation import gettext as _

from ..core.access import Actor, require_member
from ..core.rate_limits import check_rate_limit as core_check_rate_limit
from ..exceptions import AccessDenied, InvalidInput, NotFound
from ..members.api import actor_for
from . import data
from .models import Adoption, Collection, Resource, ResourceVersion, Review
from .vocabulary import MODERATION_CODES, RESOURCE_TYPE_CODES, SCOPE_CODES


@dataclass(frozen=True)
class Viewer:
    """
    The acting person (``core.access.Actor``, resolved once per request) in one
    toolbox context: which block, which scope, which moderation.
    """

    actor: Actor
    context: data.ToolboxContext

    @property
    def user(self):
        return self.actor.user

    @property
    def course_key(self):
        return self.actor.course_key

    @property
    def is_staff(self) -> bool:
        return self.actor.is_staff


def _check_context(context: data.ToolboxContext) -> None:
    if context.scope not in SCOPE_CODES:
        raise InvalidInput(_("Unknown toolbox scope “{scope}”.").format(scope=context.scope))
    if context.moderation not in MODERATION_CODES:
        raise InvalidInput(_("Unknown moderation mode “{mode}”.").format(mode=context.moderation))
    unknown = set(context.resource_types) - RESOURCE_TYPE_CODES
    if unknown:
        raise InvalidInput(_("Unknown resource type(s): {types}.").format(types=", ".join(sorted(unknown))))


def in_course(function):
    """
    A toolbox function called as every feature's is, ``user=`` and ``course_key=``, with what
    the block's trainer chose as ``context=`` (a ``ToolboxContext``); without one, the
    defaults: both libraries, deposits wait for approval.
    """

    @functools.wraps(function)
    def called(*args, context: data.ToolboxContext | None = None, **kwargs):
        return function(*args, context=data.ToolboxContext() if context is None else context, **kwargs)

    return called


def viewer_for(*, user, course_key, context: data.ToolboxContext) -> Viewer:
    """Check that ``user`` belongs to the course's community and say whether they are its staff."""
    if not isinstance(context, data.ToolboxContext):
        raise InvalidInput(_("The toolbox's settings are not valid."))
    _check_context(context)
    actor = actor_for(user=user, course_key=course_key)
    require_member(actor, _("Only members of this course community can use its toolbox."))
    return Viewer(actor=actor, context=context)


def scope_q(viewer: Viewer) -> Q:
    """The resources the context's scope covers, whatever their status."""
    own_course = Q(course_key=viewer.course_key)
    if viewer.context.scope == "course":
        return own_course
    if viewer.context.scope == "community":
        return Q(in_community_library=True)
    return own_course | Q(in_community_library=True)


def visible_resources(viewer: Viewer):
    """
    Resources the viewer may see here: published ones in scope, their own in
    any state, and, for course staff, everything deposited in their course.
    """
    status_q = Q(status=Resource.PUBLISHED) | Q(author_id=viewer.user.id)
    if viewer.is_staff:
        status_q |= Q(course_key=viewer.course_key)
    return Resource.objects.filter(scope_q(viewer) & status_q)


def parse_uuid(value, *, what: str) -> uuid_module.UUID:
    try:
        return uuid_module.UUID(str(value))
    except (TypeError, ValueError, AttributeError) as exc:
        raise NotFound(_("No such {what}.").format(what=what)) from exc


def get_visible_resource(viewer: Viewer, resource_uuid, *, for_update: bool = False) -> Resource:
    """The resource if the viewer may see it here, else ``NotFound``."""
    queryset = visible_resources(viewer).select_related("author", "current_version")
    if for_update:
        queryset = queryset.select_for_update()
    resource = queryset.filter(uuid=parse_uuid(resource_uuid, what=_("resource"))).first()
    if resource is None:
        raise NotFound(_("No such resource here, or it is not visible to you."))
    return resource


def can_moderate(viewer: Viewer, resource: Resource) -> bool:
    """Course staff moderate what was deposited in their own course."""
    return viewer.is_staff and resource.course_key == viewer.course_key


def require_moderator(viewer: Viewer, resource: Resource) -> None:
    if not can_moderate(viewer, resource):
        raise AccessDenied(_("Only the staff of the course where it was deposited can moderate this resource."))


def require_author_or_moderator(viewer: Viewer, resource: Resource) -> None:
    if resource.author_id != viewer.user.id and not can_moderate(viewer, resource):
        raise AccessDenied(_("Only the author or the course staff can change this resource."))


_COUNTED = {
    "deposit": (ResourceVersion, "resource__author_id"),
    "review": (Review, "author_id"),
    "adoption": (Adoption, "member_id"),
    "collection": (Collection, "owner_id"),
}


def check_rate_limit(viewer: Viewer, action: str) -> None:
    """
    Refuse a creation past the operator's limit for ``action`` (``VETNET_RATE_LIMITS``,
    the one limiter every feature uses). Course staff are not limited in the toolbox.
    """
    if viewer.is_staff:
        return
    model, owner_field = _COUNTED[action]
    core_check_rate_limit(action=action, queryset=model.objects.filter(**{owner_field: viewer.user.id}))
