"""
Resolving who is acting in a course community (``core.access.Actor``).

Membership is this feature's data (the enrollment projection), so the actor is
resolved here; the checks themselves live in ``core.access``.
"""
from .. import compat
from ..core.access import Actor, require_member, require_staff
from ..core.keys import parse_course_key
from .models import CourseMembership


def actor_for(*, user, course_key) -> Actor:
    """The acting person in ``course_key``'s community: member or not, staff or not."""
    key = parse_course_key(course_key)
    if not user or not getattr(user, "is_authenticated", False):
        return Actor(user=user, course_key=key, is_staff=False, is_member=False)
    is_staff = compat.is_course_staff(user, key)
    is_member = is_staff or CourseMembership.objects.filter(user_id=user.id, course_key=key, is_active=True).exists()
    return Actor(user=user, course_key=key, is_staff=is_staff, is_member=is_member)


def can_view_community(*, user, course_key) -> bool:
    """True if the user may see the course community: active member or course staff."""
    return actor_for(user=user, course_key=course_key).is_member


def is_moderator(*, user, course_key) -> bool:
    """Course staff moderate the community's discussions, scenario forums and toolbox."""
    return compat.is_course_staff(user, parse_course_key(course_key))


def require_viewer(user, course_key):
    """Return the parsed course key if ``user`` may see the course community, else raise ``AccessDenied``."""
    return require_member(actor_for(user=user, course_key=course_key)).course_key


def require_moderator(user, course_key):
    """Return the parsed course key if ``user`` is course staff, else raise ``AccessDenied``."""
    key = parse_course_key(course_key)
    actor = Actor(user=user, course_key=key, is_staff=compat.is_course_staff(user, key), is_member=False)
    return require_staff(actor).course_key
