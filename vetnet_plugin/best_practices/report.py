"""
What the best-practice track tells a policy report: practices submitted
and accepted into the repository, by the author's country and assignment
topic. Only counts leave; who wrote what stays here.
"""
from __future__ import annotations

from ..core.aggregates import count_table, people_by_month
from ..core.keys import parse_course_key
from .models import BestPractice, PeerReview

ACCEPTED = "accepted"
NOT_ACCEPTED = "not_accepted"


def count_best_practices(*, course_key) -> dict[str, tuple]:
    """
    A course's submitted best practices as a ``CountCell`` table
    ``countries_by_acceptance``: rows by the author's country at submission,
    columns ``accepted`` (into the repository) or ``not_accepted``; people
    are distinct authors.
    """
    key = parse_course_key(course_key)
    rows = [
        (country, ACCEPTED if approved else NOT_ACCEPTED, pk, author or f"practice-{pk}")
        for pk, author, country, approved in BestPractice.objects.filter(
            course_key=key, status__in=[BestPractice.SUBMITTED, BestPractice.GRADED]).values_list(
                "pk", "author_id", "author_country", "repository_approved")
    ]
    return {"countries_by_acceptance": count_table(rows)}


def list_best_practice_contributors_by_month(*, course_key) -> set[tuple[int, str]]:
    """Who submitted or reviewed a best practice of the course in which month, as (user id, YYYY-MM)."""
    key = parse_course_key(course_key)
    return (people_by_month(BestPractice.objects.filter(course_key=key), person="author_id", date="submitted")
            | people_by_month(PeerReview.objects.filter(practice__course_key=key), person="reviewer_id",
                              date="submitted"))
