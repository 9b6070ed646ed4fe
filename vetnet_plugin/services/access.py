"""Who may read and who may moderate a course community's conversations."""
from django.utils.translation import gettext as _

from .. import compat
from ..exceptions import AccessDenied
from .members import can_view_community, parse_course_key


def display_name(user) -> str:
    """How a member is named beside their contributions."""
    if user is None:
        return ""
    return user.get_full_name() or user.username


def require_viewer(user, course_key):
    """Return the parsed course key if ``user`` may see the course community, else raise ``AccessDenied``."""
    key = parse_course_key(course_key)
    if not can_view_community(user=user, course_key=key):
        raise AccessDenied(_("Only members of this course community can take part in its discussions."))
    return key


def is_moderator(*, user, course_key) -> bool:
    """Course staff moderate the community's discussions and scenario forums."""
    return compat.is_course_staff(user, parse_course_key(course_key))


def require_moderator(user, course_key):
    """Return the parsed course key if ``user`` is course staff, else raise ``AccessDenied``."""
    key = parse_course_key(course_key)
    if not compat.is_course_staff(user, key):
        raise AccessDenied(_("Only course staff can do this."))
    return key
