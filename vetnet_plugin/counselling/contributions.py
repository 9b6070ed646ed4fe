"""Peer counselling in a course, counted for the hub and the four phases."""
from __future__ import annotations

from django.db.models import Count

from ..core.keys import parse_course_key
from .models import AcceptedAnswer, CaseAdviser, CounsellingCase


def count_counselling_contributions(*, course_key, user_ids) -> dict[int, dict[str, int]]:
    """
    ``{user_id: {"counselled": n}}``: cases each member brought to the course's
    community plus their answers that a case owner accepted. Two queries.
    """
    key = parse_course_key(course_key)
    ids = list(user_ids)
    counts: dict[int, dict[str, int]] = {}
    cases = (CounsellingCase.objects.filter(course_key=key, owner_id__in=ids, is_retired=False)
             .values("owner_id").annotate(n=Count("id")).order_by())
    for row in cases:
        counts.setdefault(row["owner_id"], {"counselled": 0})["counselled"] += row["n"]
    answers = (AcceptedAnswer.objects.filter(case__course_key=key, answerer_id__in=ids)
               .values("answerer_id").annotate(n=Count("id")).order_by())
    for row in answers:
        counts.setdefault(row["answerer_id"], {"counselled": 0})["counselled"] += row["n"]
    return counts


def count_cases_routed_to(*, user_id: int, course_keys) -> dict[str, int]:
    """``{course_key: n}``: unsolved cases whose owner asked the member to advise, per course. One query."""
    keys = [parse_course_key(key) for key in course_keys]
    if not keys:
        return {}
    rows = (CaseAdviser.objects.filter(user_id=user_id, case__course_key__in=keys, case__is_solved=False,
                                       case__is_retired=False)
            .values("case__course_key").annotate(n=Count("id")).order_by())
    return {str(row["case__course_key"]): row["n"] for row in rows}
