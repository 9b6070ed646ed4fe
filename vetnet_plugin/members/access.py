"""
Resolving who is acting in a course community (``core.access.Actor``).

Membership is this feature's data (the enrollment projection), so the actor is
resolved here; the checks themselves live in ``core.access``.

The actor is resolved once per request: ``actor_for`` keeps it in
edx-django-utils' ``RequestCache`` (the per-request memo the platform uses),
keyed by user id and course key. ``RequestCacheMiddleware`` empties that cache
at the start and the end of every request; a Celery task starts with it empty
(``forget_actors`` is connected to ``task_prerun``). Within one request, every
write that changes the answer forgets the user's actors: the membership
projection's writes (``members.community``), a change of the user row (global
staff) and, on the platform, a change of a course access role.
"""
from dataclasses import replace

from edx_django_utils.cache import RequestCache

from .. import compat
from ..core.access import Actor, require_member, require_staff
from ..core.keys import parse_course_key
from .models import CourseMembership

_ACTORS = "vetnet_plugin.members.actors"


def _actors() -> RequestCache:
    return RequestCache(_ACTORS)


def actor_for(*, user, course_key) -> Actor:
    """
    The acting person in ``course_key``'s community: member or not, staff or not.

    Resolved once per request (membership query and platform role check), then
    served from the request cache for the same user and course.
    """
    key = parse_course_key(course_key)
    if not user or not getattr(user, "is_authenticated", False):
        return Actor(user=user, course_key=key, is_staff=False, is_member=False)
    cache_key = (user.id, str(key))
    cached = _actors().get_cached_response(cache_key)
    if cached.is_found:
        actor = cached.value
        return actor if actor.user is user else replace(actor, user=user)
    is_staff = compat.is_course_staff(user, key)
    is_member = is_staff or CourseMembership.objects.filter(user_id=user.id, course_key=key, is_active=True).exists()
    actor = Actor(user=user, course_key=key, is_staff=is_staff, is_member=is_member)
    _actors().set(cache_key, actor)
    return actor


def forget_actors(*, user_id: int | None = None, **_signal_kwargs) -> None:
    """
    Drop the request's resolved actors: the user's (every course), or everyone's.

    Called by every write that changes whether someone is a member or staff,
    so the rest of the request never acts on a stale answer.
    """
    cache = _actors()
    if user_id is None:
        cache.clear()
        return
    for cache_key in [k for k in cache.data if k[0] == user_id]:
        cache.delete(cache_key)


def can_view_community(*, user, course_key) -> bool:
    """True if the user may see the course community: active member or course staff."""
    return actor_for(user=user, course_key=course_key).is_member


def is_moderator(*, user, course_key) -> bool:
    """Course staff moderate the community's discussions, scenario forums and toolbox."""
    return actor_for(user=user, course_key=course_key).is_staff


def require_viewer(user, course_key):
    """Return the parsed course key if ``user`` may see the course community, else raise ``AccessDenied``."""
    return require_member(actor_for(user=user, course_key=course_key)).course_key


def require_moderator(user, course_key):
    """Return the parsed course key if ``user`` is course staff, else raise ``AccessDenied``."""
    return require_staff(actor_for(user=user, course_key=course_key)).course_key
