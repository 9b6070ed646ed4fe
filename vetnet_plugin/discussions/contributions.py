"""What members wrote in a course's discussions, counted for the hub and the four phases."""
from __future__ import annotations

from django.db.models import Count, Exists, OuterRef

from ..core.aggregates import people_by_month
from ..core.keys import parse_course_key
from .models import Follow, Post


def count_discussion_contributions(*, course_key, user_ids) -> dict[int, dict[str, int]]:
    """
    ``{user_id: {"posted": n}}`` for the members in ``user_ids``: their visible
    posts in every thread of the course (forums, cases, workspaces). One query.
    """
    key = parse_course_key(course_key)
    rows = (Post.objects.filter(thread__course_key=key, author_id__in=list(user_ids), is_hidden=False)
            .values("author_id").annotate(n=Count("id")).order_by())
    return {row["author_id"]: {"posted": row["n"]} for row in rows}


def count_followed_threads_with_news(*, user_id: int, course_keys) -> dict[str, int]:
    """
    ``{course_key: n}``: how many threads the member follows in each course have
    posts by others since their last digest. One query for every course.
    """
    keys = [parse_course_key(key) for key in course_keys]
    if not keys:
        return {}
    news = Post.objects.filter(
        thread_id=OuterRef("thread_id"), created__gt=OuterRef("digest_since"), is_hidden=False,
    ).exclude(author_id=user_id)
    rows = (Follow.objects.filter(user_id=user_id, thread__course_key__in=keys)
            .filter(Exists(news)).values("thread__course_key").annotate(n=Count("id")).order_by())
    return {str(row["thread__course_key"]): row["n"] for row in rows}


def list_posters_by_month(*, course_key) -> set[tuple[int, str]]:
    """Who posted in the course's discussions (forums, cases, workspaces) in which month, as (user id, YYYY-MM)."""
    return people_by_month(Post.objects.filter(thread__course_key=parse_course_key(course_key)),
                           person="author_id", date="created")
