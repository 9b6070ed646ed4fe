"""
Who may do what in a course of the host, decided as the LMS decides it.

A user's roles in a course are read once per request and kept in the request
cache, as the LMS keeps them (``student.roles.RoleCache``): a unit page asks
several times (the page, the runtime's user service, each block's view).
A saved or deleted role empties that cache, so a later check in the same
request sees it.
"""
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from edx_django_utils.cache import RequestCache

from .models import CourseAccessRole, Enrollment

_ROLES = RequestCache("devhost.course_roles")


def _roles(user, course_key) -> frozenset:
    """The user's roles in the course (``staff``, ``instructor``), from the request cache once read."""
    key = (user.pk, str(course_key))
    cached = _ROLES.get_cached_response(key)
    if cached.is_found:
        return cached.value
    roles = frozenset(CourseAccessRole.objects.filter(user=user, course_key=str(course_key)).values_list(
        "role", flat=True))
    _ROLES.set(key, roles)
    return roles


@receiver((post_save, post_delete), sender=CourseAccessRole, dispatch_uid="devhost_course_roles_changed")
def _forget_roles(**_kwargs):
    _ROLES.clear()


def has_staff_access(user, course_key) -> bool:
    """Global staff, or a member of the course team (staff or instructor)."""
    if not user.is_authenticated:
        return False
    if user.is_staff:
        return True
    return bool(_roles(user, course_key))


def user_role(user, course_key) -> str:
    """The role the LMS reports to blocks: ``instructor``, ``staff`` or ``student``."""
    if not user.is_authenticated:
        return "student"
    roles = _roles(user, course_key)
    # The LMS gives global staff instructor access to every course.
    if user.is_staff or CourseAccessRole.INSTRUCTOR in roles:
        return "instructor"
    if CourseAccessRole.STAFF in roles:
        return "staff"
    return "student"


def is_enrolled(user, course_key) -> bool:
    """True if the user holds an active enrollment in the course."""
    if not user.is_authenticated:
        return False
    return Enrollment.objects.filter(user=user, course_key=str(course_key), is_active=True).exists()


def can_access_course(user, course_key) -> bool:
    """Course pages are for enrolled learners and the course team."""
    return is_enrolled(user, course_key) or has_staff_access(user, course_key)
