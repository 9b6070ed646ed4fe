"""
Who may see and do what in the toolbox, and how often.

Every toolbox lookup goes through ``visible_resources``: a resource outside
the caller's scope is "not found", never revealed by a different error.
"""
from __future__ import annotations

import uuid as uuid_module
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import compat
from ..core.keys import parse_course_key
from ..exceptions import AccessDenied, InvalidInput, NotFound, RateLimited
from ..members.api import can_view_community
from . import data
from .models import Adoption, Collection, Resource, ResourceVersion, Review
from .vocabulary import MODERATION_CODES, RESOURCE_TYPE_CODES, SCOPE_CODES


@dataclass(frozen=True)
class Viewer:
    """The requesting user in one course context, checked once per request."""

    user: object
    course_key: object
    context: data.ToolboxContext
    is_staff: bool


def _check_context(context: data.ToolboxContext) -> None:
    if context.scope not in SCOPE_CODES:
        raise InvalidInput(_("Unknown toolbox scope “{scope}”.").format(scope=context.scope))
    if context.moderation not in MODERATION_CODES:
        raise InvalidInput(_("Unknown moderation mode “{mode}”.").format(mode=context.moderation))
    unknown = set(context.resource_types) - RESOURCE_TYPE_CODES
    if unknown:
        raise InvalidInput(_("Unknown resource type(s): {types}.").format(types=", ".join(sorted(unknown))))


def viewer_for(*, user, context: data.ToolboxContext) -> Viewer:
    """Check that ``user`` belongs to the context's course community and say whether they are its staff."""
    if not isinstance(context, data.ToolboxContext):
        raise InvalidInput(_("A toolbox request needs its course context."))
    _check_context(context)
    key = parse_course_key(context.course_key)
    if not can_view_community(user=user, course_key=key):
        raise AccessDenied(_("Only members of this course community can use its toolbox."))
    return Viewer(user=user, course_key=key, context=context, is_staff=compat.is_course_staff(user, key))


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
    Refuse a creation past the operator's hourly limit for ``action``.

    Counted from the database rows themselves, so the limit holds across
    every LMS process without a shared cache. Course staff are not limited.
    """
    if viewer.is_staff:
        return
    limits = getattr(settings, "VETNET_TOOLBOX_RATE_LIMITS", {}) or {}
    limit = int(limits.get(action, 0) or 0)
    if limit <= 0:
        return
    model, owner_field = _COUNTED[action]
    since = timezone.now() - timedelta(hours=1)
    recent = model.objects.filter(**{owner_field: viewer.user.id, "created__gte": since}).count()
    if recent >= limit:
        raise RateLimited(
            _("You have reached the limit of {limit} per hour for this; please try again later.").format(limit=limit)
        )
