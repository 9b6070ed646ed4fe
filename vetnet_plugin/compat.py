"""
The only module that touches edx-platform code.

Every import of the platform happens inside a function and falls back to
something that works outside the platform (tests, the development host).
"""
import logging

from django.dispatch import Signal
from opaque_keys.edx.keys import UsageKey

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


def enrollment_batches(course_key=None, batch_size: int = 500, *, fallback=None):
    """
    Every enrollment the platform holds (or one course's), in batches, oldest first.

    Each batch is a list of ``(user_id, course_key, mode, is_active, created)``.
    Inside the LMS it pages the platform's ``CourseEnrollment`` table by primary
    key, one short query per batch, so it is safe to run while the LMS serves.
    Outside the platform it returns ``fallback(course_key, batch_size)``, or
    raises ``RuntimeError`` without one.
    """
    try:
        from common.djangoapps.student.models import CourseEnrollment  # pylint: disable=import-outside-toplevel
    except ImportError:
        if fallback is None:
            raise RuntimeError("The Open edX platform is not installed here, so it has no enrollments to read.")
        yield from fallback(course_key, batch_size)
        return
    queryset = CourseEnrollment.objects.order_by("pk")
    if course_key is not None:
        queryset = queryset.filter(course_id=course_key)
    last_pk = 0
    while True:
        rows = list(
            queryset.filter(pk__gt=last_pk).values_list("pk", "user_id", "course_id", "mode", "is_active", "created")[
                :batch_size
            ]
        )
        if not rows:
            return
        last_pk = rows[-1][0]
        yield [row[1:] for row in rows]


def count_enrollments(course_key=None, *, fallback=None) -> int | None:
    """How many enrollments ``enrollment_batches`` will read; outside the platform, ``fallback(course_key)`` or None."""
    try:
        from common.djangoapps.student.models import CourseEnrollment  # pylint: disable=import-outside-toplevel
    except ImportError:
        return fallback(course_key) if fallback else None
    queryset = CourseEnrollment.objects.all()
    if course_key is not None:
        queryset = queryset.filter(course_id=course_key)
    return queryset.count()


# Sent by ``publish_score`` outside the platform, where the LMS would have heard
# of the score: a host that plays the platform (the development host) keeps it.
# Arguments: user_id, course_key, usage_key (strings for the keys), raw_earned, raw_possible.
score_published_outside_platform = Signal()


def publish_score(*, user_id: int, usage_key: str, raw_earned: float, raw_possible: float) -> bool:
    """
    Give the platform's grades a block's new score for a learner who is not in
    the block right now (a grade completed by the waiting rule, another
    reviewer's review or a staff override).

    On the platform this is what the LMS itself does with a score a block
    publishes (``score_published_handler``), without the block: store the raw
    score in the courseware student module and send the grades app's
    ``PROBLEM_RAW_SCORE_CHANGED``, whose receivers recompute the subsection
    and course grades (with the block's weight from the course structure) and
    so, through the grading policy, the certificate. Returns False outside the
    platform, where ``score_published_outside_platform`` is sent instead.
    """
    key = UsageKey.from_string(str(usage_key))
    try:
        from lms.djangoapps.courseware.model_data import set_score  # pylint: disable=import-outside-toplevel
        from lms.djangoapps.grades.api import constants as grades_constants  # pylint: disable=import-outside-toplevel
        from lms.djangoapps.grades.api import signals as grades_signals  # pylint: disable=import-outside-toplevel
    except ImportError:
        score_published_outside_platform.send(
            sender=None, user_id=user_id, course_key=str(key.context_key), usage_key=str(key),
            raw_earned=float(raw_earned), raw_possible=float(raw_possible),
        )
        return False
    modified = set_score(user_id, key, raw_earned, raw_possible)
    grades_signals.PROBLEM_RAW_SCORE_CHANGED.send(
        sender=None, raw_earned=raw_earned, raw_possible=raw_possible,
        # The recomputation reads the block's weight from the course structure;
        # the weight here only shapes the tracking event, as for a block without one.
        weight=None, user_id=user_id, course_id=str(key.context_key), usage_id=str(key), only_if_higher=False,
        modified=modified, score_db_table=grades_constants.ScoreDatabaseTableEnum.courseware_student_module,
        score_deleted=False,
    )
    return True


def teams_available() -> bool:
    """True inside an LMS that has the teams app (``course_team`` can then find teams)."""
    try:
        from lms.djangoapps.teams import api as _teams_api  # noqa: F401  pylint: disable=import-outside-toplevel
    except ImportError:
        return False
    return True


def course_team(*, course_key, team_id: str) -> dict | None:
    """
    The Open edX team ``team_id`` of the course, as ``{"team_id", "name",
    "topic_id", "user_ids"}`` (``user_ids`` a frozenset of its members), or None
    when the course has no such team.

    Inside the LMS this asks the teams app (``lms.djangoapps.teams.api``, the
    same lookup its ``teams`` XBlock service makes). Outside the platform, and
    on a platform without the teams app, there are no teams: None, and the
    block's own workspaces serve (ADR 0011).
    """
    try:
        from lms.djangoapps.teams import api as teams_api  # pylint: disable=import-outside-toplevel
    except ImportError:
        return None
    team = teams_api.get_team_by_team_id(str(team_id))
    if team is None or str(team.course_id) != str(course_key):
        return None
    return {"team_id": str(team.team_id), "name": str(team.name), "topic_id": str(team.topic_id or ""),
            "user_ids": frozenset(team.users.values_list("id", flat=True))}
def course_names(course_keys) -> dict[str, str]:
    """
    ``{course_key: display name}`` of the courses, from the platform's course
    overviews in one query; outside the platform, an empty dict (callers show the key).
    """
    keys = list(course_keys)
    if not keys:
        return {}
    try:
        from openedx.core.djangoapps.content.course_overviews.models import (  # pylint: disable=import-outside-toplevel
            CourseOverview,
        )
    except ImportError:
        return {}
    rows = CourseOverview.objects.filter(id__in=keys).values_list("id", "display_name")
    return {str(key): name for key, name in rows}


class _TabOutsidePlatform:
    """What a host that plays the platform reads of a course tab, when the LMS's tab classes are absent."""

    type = ""
    title = ""
    priority = None
    view_name = ""
    is_dynamic = False
    is_default = True
    is_hideable = True
    is_movable = True

    def __init__(self, tab_dict=None):
        self.tab_dict = tab_dict or {}

    @classmethod
    def is_enabled(cls, course, user=None):  # pylint: disable=unused-argument
        return bool(user is not None and getattr(user, "is_authenticated", False))


def enrolled_tab_base():
    """
    The base class of a course tab for enrolled learners: the LMS's
    ``EnrolledTab`` (``lms.djangoapps.courseware.tabs``), or outside the
    platform a stand-in with the same class attributes and ``is_enabled``.
    """
    try:
        from lms.djangoapps.courseware.tabs import EnrolledTab  # pylint: disable=import-outside-toplevel
    except ImportError:
        return _TabOutsidePlatform
    return EnrolledTab
