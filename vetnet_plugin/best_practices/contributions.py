"""The best-practice track in a course, counted for the hub and the four phases."""
from __future__ import annotations

from django.db.models import Count

from ..core.keys import parse_course_key
from .models import BestPractice, PeerReview


def count_best_practice_contributions(*, course_key, user_ids) -> dict[int, dict[str, int]]:
    """
    ``{user_id: {"submitted": n, "reviewed": m}}``: practices each member
    submitted in the course and the peer reviews they finished. Two queries.
    """
    key = parse_course_key(course_key)
    ids = list(user_ids)
    counts: dict[int, dict[str, int]] = {}
    practices = (BestPractice.objects.filter(course_key=key, author_id__in=ids)
                 .exclude(status=BestPractice.DRAFT).values("author_id").annotate(n=Count("id")).order_by())
    for row in practices:
        counts.setdefault(row["author_id"], {})["submitted"] = row["n"]
    reviews = (PeerReview.objects.filter(practice__course_key=key, reviewer_id__in=ids, kind=PeerReview.PEER,
                                         status=PeerReview.SUBMITTED)
               .values("reviewer_id").annotate(n=Count("id")).order_by())
    for row in reviews:
        counts.setdefault(row["reviewer_id"], {})["reviewed"] = row["n"]
    return counts


def count_reviews_waiting(*, user_id: int, course_keys) -> dict[str, int]:
    """``{course_key: n}``: peer reviews allocated to the member and not written yet, per course. One query."""
    keys = [parse_course_key(key) for key in course_keys]
    if not keys:
        return {}
    rows = (PeerReview.objects.filter(reviewer_id=user_id, status=PeerReview.LEASED,
                                      practice__course_key__in=keys)
            .values("practice__course_key").annotate(n=Count("id")).order_by())
    return {str(row["practice__course_key"]): row["n"] for row in rows}
