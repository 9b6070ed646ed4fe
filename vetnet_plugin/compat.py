"""
The only module that touches edx-platform code.

Every import of the platform happens inside a function and falls back to
something that works outside the platform (tests, the development host).
"""
import logging

log = logging.getLogger(__name__)


def is_course_staff(user, course_key) -> bool:
    """True if the user has staff access to the course (course staff, instructor or global staff)."""
    if not user or not user.is_authenticated:
        return False
    try:
        from lms.djangoapps.courseware.access import has_access  # pylint: disable=import-outside-toplevel
    except ImportError:
        # Outside the platform, global staff stand in for course staff.
        return bool(user.is_staff)
    return bool(has_access(user, "staff", course_key))


def preferred_language(user) -> str | None:
    """The language the user chose for the platform's pages (account settings), or None."""
    try:
        from openedx.core.djangoapps.lang_pref import LANGUAGE_KEY  # pylint: disable=import-outside-toplevel
        from openedx.core.djangoapps.user_api.preferences.api import (  # pylint: disable=import-outside-toplevel
            get_user_preference,
        )
    except ImportError:
        # Outside the platform no per-user language is stored.
        return None
    return get_user_preference(user, LANGUAGE_KEY) or None


def connect_retirement_receivers(receiver) -> bool:
    """
    Connect ``receiver(sender, user, **kwargs)`` to the platform's retirement signals.

    Returns False when the platform (and so its signals) is not installed.
    """
    try:
        from openedx.core.djangoapps.user_api.accounts.signals import (  # pylint: disable=import-outside-toplevel
            USER_RETIRE_LMS_CRITICAL,
            USER_RETIRE_LMS_MISC,
        )
    except ImportError:
        return False
    USER_RETIRE_LMS_CRITICAL.connect(receiver, dispatch_uid="vetnet_retire_lms_critical")
    USER_RETIRE_LMS_MISC.connect(receiver, dispatch_uid="vetnet_retire_lms_misc")
    return True


def connect_course_role_receivers(receiver) -> bool:
    """
    Connect ``receiver(sender, instance, **kwargs)`` to saves and deletes of the
    platform's course access roles (``student.CourseAccessRole``).

    Returns False when the platform (and so its role model) is not installed.
    """
    try:
        from common.djangoapps.student.models import CourseAccessRole  # pylint: disable=import-outside-toplevel
    except ImportError:
        return False
    from django.db.models.signals import post_delete, post_save  # pylint: disable=import-outside-toplevel

    post_save.connect(receiver, sender=CourseAccessRole, dispatch_uid="vetnet_course_role_saved")
    post_delete.connect(receiver, sender=CourseAccessRole, dispatch_uid="vetnet_course_role_deleted")
    return True


def drf_authentication_classes() -> list:
    """Authenticate API calls the way the LMS does: JWT where available, then the session."""
    from rest_framework.authentication import SessionAuthentication  # pylint: disable=import-outside-toplevel

    classes = []
    try:
        from edx_rest_framework_extensions.auth.jwt.authentication import (  # pylint: disable=import-outside-toplevel
            JwtAuthentication,
        )
    except ImportError:
        pass
    else:
        classes.append(JwtAuthentication)
    classes.append(SessionAuthentication)
    return classes
