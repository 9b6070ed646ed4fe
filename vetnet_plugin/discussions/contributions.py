"""What members wrote in a course's discussions, counted for the hub and the four phases."""
from __future__ import annotations

from django.db.models import Count, Q

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
    posts by others since their last digest. Two queries for every course.

    The follows come first; then one query reads, for each followed thread, only
    the posts newer than that follow's last digest, as a range of the
    ``(thread, created)`` index: what it reads grows with the news, not with
    the threads' length (an ``EXISTS`` per follow walked every post of the thread).
    """
    keys = [parse_course_key(key) for key in course_keys]
    if not keys:
        return {}
    follows = list(Follow.objects.filter(user_id=user_id, thread__course_key__in=keys).values_list(
        "thread_id", "digest_since", "thread__course_key"))
    if not follows:
        return {}
    since = Q()
    for thread_id, digest_since, _key in follows:
        since |= Q(thread_id=thread_id, created__gt=digest_since)
    with_news = set(Post.objects.filter(since, is_hidden=False).exclude(author_id=user_id)
                    .order_by().values_list("thread_id", flat=True).distinct())
    counts: dict[str, int] = {}
    for thread_id, _since, key in follows:
        if thread_id in with_news:
            counts[str(key)] = counts.get(str(key), 0) + 1
    return counts


def list_posters_by_month(*, course_key) -> set[tuple[int, str]]:
    """Who posted in the course's discussions (forums, cases, workspaces) in which month, as (user id, YYYY-MM)."""
    return people_by_month(Post.objects.filter(thread__course_key=parse_course_key(course_key)),
                           person="author_id", date="created")
