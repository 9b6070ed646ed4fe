"""
Members willing to counsel whose profiles match a counselling case: who
peer counselling tells about a new case.

Each kind of match (sector, topic, language, country) reads at most
``MAX_SCAN`` rows along its index, however large the community, and the few
candidates are ranked here by how much of the case their profile shares.
"""
from __future__ import annotations

from collections import Counter

from django.db.models import Exists, OuterRef

from ..core.keys import parse_course_key
from .models import CourseMembership, MemberProfile, ProfileAttribute

MAX_SCAN = 2000
MAX_VALUES = 10
MAX_LIMIT = 200


def _values(values) -> list[str]:
    return [v for v in (values or ()) if isinstance(v, str) and v][:MAX_VALUES]


def find_counsellors(
    *, course_key, sectors=(), topics=(), languages=(), countries=(), exclude_user_ids=(), limit: int = 20,
) -> tuple[int, ...]:
    """
    Up to ``limit`` user ids of active members of the course community who
    said they may be contacted for peer counselling and whose profile shares
    a sector, topic, language or the country with a case: those sharing the
    most first, then the earliest profiles. Never the ``exclude_user_ids``.
    """
    key = parse_course_key(course_key)
    limit = max(0, min(int(limit or 0), MAX_LIMIT))
    if not limit:
        return ()
    excluded = [int(u) for u in exclude_user_ids if u is not None]
    score: Counter = Counter()
    for kind, values in ((ProfileAttribute.SECTOR, _values(sectors)), (ProfileAttribute.TOPIC, _values(topics)),
                         (ProfileAttribute.LANGUAGE, _values(languages))):
        if not values:
            continue
        member = CourseMembership.objects.filter(course_key=key, is_active=True, user_id=OuterRef("profile__user_id"))
        rows = (ProfileAttribute.objects.filter(kind=kind, value__in=values, profile__open_to_counselling=True,
                                                profile__user__is_active=True)
                .filter(Exists(member)).exclude(profile__user_id__in=excluded).order_by()
                .values_list("profile__user_id", flat=True)[:MAX_SCAN])
        score.update(set(rows))
    wanted = [c.upper() for c in _values(countries)]
    if wanted:
        member = CourseMembership.objects.filter(course_key=key, is_active=True, user_id=OuterRef("user_id"))
        rows = (MemberProfile.objects.filter(country__in=wanted, open_to_counselling=True, user__is_active=True)
                .filter(Exists(member)).exclude(user_id__in=excluded).order_by()
                .values_list("user_id", flat=True)[:MAX_SCAN])
        score.update(set(rows))
    return tuple(sorted(score, key=lambda user_id: (-score[user_id], user_id))[:limit])
