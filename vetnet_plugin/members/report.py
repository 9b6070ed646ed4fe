"""
What the membership tells a policy report: members joining a course
community per month, by country and by organisation type. Only counts leave.
"""
from __future__ import annotations

from ..core.aggregates import count_table
from ..core.keys import parse_course_key
from .models import CourseMembership


def count_members_joining(*, course_key) -> dict[str, tuple]:
    """
    A course's active members as ``CountCell`` tables by the month they joined
    (``YYYY-MM``): ``months_by_country`` and ``months_by_organisation_type``
    (one person is one item).
    """
    key = parse_course_key(course_key)
    rows = list(CourseMembership.objects.filter(course_key=key, is_active=True).values_list(
        "user_id", "joined", "country", "organisation_type"))
    return {
        "months_by_country": count_table(
            (joined.strftime("%Y-%m"), country, user_id, user_id) for user_id, joined, country, _o in rows),
        "months_by_organisation_type": count_table(
            (joined.strftime("%Y-%m"), kind, user_id, user_id) for user_id, joined, _c, kind in rows),
    }


def list_courses_with_role(*, user_id: int, role: str) -> tuple[str, ...]:
    """The course keys where the member holds ``role`` now (granted, not revoked, still a member), in one query."""
    from .models import CommunityRole  # pylint: disable=import-outside-toplevel

    return tuple(sorted({
        str(key) for key in CommunityRole.objects.filter(
            user_id=user_id, role=role, revoked__isnull=True, user__is_active=True,
        ).filter(
            course_key__in=CourseMembership.objects.filter(user_id=user_id, is_active=True).values("course_key"),
        ).values_list("course_key", flat=True)
    }))


def list_community_course_keys() -> tuple[str, ...]:
    """Every course key with at least one active member."""
    return tuple(sorted({str(key) for key in CourseMembership.objects.filter(is_active=True).values_list(
        "course_key", flat=True).distinct()}))
