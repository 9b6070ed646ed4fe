"""
Everything a scenario forum's page shows one member, read at once: the
scenarios, the Delphi results, the first page of each opened scenario
discussion with the history of edited posts (the others' counts only), the rationales of the latest closed round
and, for staff, the flagged posts. The number of queries does not grow with
the number of scenarios, posts, edits or rationales.
"""
from __future__ import annotations

from collections import defaultdict

from django.db.models import Count, Q

from ..discussions.api import get_threads, list_flagged_posts, post_revisions
from ..members.api import is_moderator, require_viewer
from . import data
from .delphi import get_delphi_results, min_raters
from .forums import list_scenarios
from .models import Rating
from .policy_brief import can_read_policy_brief


def _edited_post_ids(posts):
    for post in posts:
        if post.edited and not post.is_retired and post.body:
            yield post.id
        yield from _edited_post_ids(post.replies)


def _rationales(usage_key: str, latest: dict[str, int]) -> dict[str, tuple[str, ...]]:
    """For each scenario (by uuid), the rationales of the given closed round, if enough members rated."""
    if not latest:
        return {}
    wanted = Q()
    for scenario_uuid, number in latest.items():
        wanted |= Q(scenario__uuid=scenario_uuid, round__number=number)
    ratings = Rating.objects.filter(wanted, round__usage_key=usage_key, round__closed__isnull=False)
    counts = {
        (str(row["scenario__uuid"]), row["round__number"]): row["n"]
        for row in ratings.order_by().values("scenario__uuid", "round__number").annotate(n=Count("id"))
    }
    enough = min_raters()
    grouped = defaultdict(list)
    for scenario_uuid, number, rationale in (ratings.exclude(rationale="").order_by()
                                             .values_list("scenario__uuid", "round__number", "rationale")):
        if counts.get((str(scenario_uuid), number), 0) >= enough:
            grouped[str(scenario_uuid)].append(rationale)
    return {scenario_uuid: tuple(sorted(items)) for scenario_uuid, items in grouped.items()}


def get_forum_page(*, user, course_key, usage_key: str, language: str = "", open_threads=None) -> data.ForumPage:
    """
    What the forum's page shows ``user``, in a fixed number of queries.
    ``language`` narrows scenarios and posts as ``list_scenarios`` and ``get_thread`` do.
    ``open_threads`` (thread ids) names the discussions whose posts the page shows;
    the others come with their counts only. None reads every discussion's posts.
    """
    key = require_viewer(user, course_key)
    usage_key = str(usage_key)
    staff = is_moderator(user=user, course_key=key)
    # The language narrows the contributions shown, never the list: every published scenario keeps
    # its number and its place on the chart (the page decides which cards to show).
    scenarios = list_scenarios(user=user, course_key=key, usage_key=usage_key)
    results = get_delphi_results(user=user, course_key=key, usage_key=usage_key)
    # The latest conversations of each scenario: what a member just wrote is always on the page.
    by_thread = get_threads(user=user, course_key=key, thread_ids=[s.thread_id for s in scenarios],
                            language=language, most_recent=True, posts_for=open_threads)
    threads = {s.uuid: by_thread[s.thread_id] for s in scenarios if s.thread_id in by_thread}
    edited = [post_id for thread in threads.values() for post_id in _edited_post_ids(thread.posts)]
    latest = {}
    for trend in results.convergence:
        last = trend.aggregates[-1] if trend.aggregates else None
        if last is not None and not last.withheld:
            latest[trend.scenario_uuid] = last.round_number
    return data.ForumPage(
        scenarios=tuple(scenarios),
        results=results,
        threads=threads,
        revisions=post_revisions(user=user, course_key=key, post_ids=edited) if edited else {},
        rationales=_rationales(usage_key, latest),
        flagged=list_flagged_posts(user=user, course_key=key, usage_key=usage_key).items if staff else (),
        is_moderator=staff,
        can_read_policy_brief=can_read_policy_brief(user=user, course_key=key),
    )
