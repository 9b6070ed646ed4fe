"""
What the membership tells a policy report: members taking part in a course
community per month (joining it, or any contribution the features report),
by country and by organisation type. Only counts leave.
"""
from __future__ import annotations

from ..core.aggregates import count_table
from ..core.keys import parse_course_key
from .models import CourseMembership


def count_members_taking_part(*, course_key, active=()) -> dict[str, tuple]:
    """
    A course's active members as ``CountCell`` tables by month (``YYYY-MM``):
    ``months_by_country`` and ``months_by_organisation_type``. A member takes
    part in the month they joined and in every month of ``active``, the
    ``(user id, "YYYY-MM")`` pairs of what they did (posted, rated, deposited,
    reviewed ...); they count once per month however much they did, and pairs
    of people who are not active members are left out.
    """
    key = parse_course_key(course_key)
    members = {user_id: (joined, country, kind) for user_id, joined, country, kind in CourseMembership.objects.filter(
        course_key=key, is_active=True).values_list("user_id", "joined", "country", "organisation_type")}
    months = {(user_id, joined.strftime("%Y-%m")) for user_id, (joined, _c, _k) in members.items()}
    months |= {(user_id, month) for user_id, month in active if user_id in members}
    return {
        "months_by_country": count_table(
            (month, members[user_id][1], user_id, user_id) for user_id, month in months),
        "months_by_organisation_type": count_table(
            (month, members[user_id][2], user_id, user_id) for user_id, month in months),
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
