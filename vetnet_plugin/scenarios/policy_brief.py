"""
The policy brief: a printable summary of a scenario forum for staff and
policy makers - the scenarios, their final ratings with spread, how opinions
converged, and the arguments members supported most.
"""
from __future__ import annotations

from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from .. import compat
from ..core.keys import parse_course_key
from ..core.markup import render_markdown
from ..discussions.api import most_voted_posts
from ..exceptions import AccessDenied
from ..members.api import POLICY_MAKER_ROLE, has_community_role
from . import data
from .chart import build_chart, render_scenario_chart
from .delphi import closed_round_aggregates, list_rating_rounds, min_raters
from .forums import get_scenario_forum, list_scenarios

ARGUMENTS_PER_SCENARIO = 3


def can_read_policy_brief(*, user, course_key) -> bool:
    """
    Course staff, and members to whom course staff granted the policy role, may read the brief.

    The organisation type on a member's own profile is what they say about themselves:
    it opens nothing.
    """
    if not user or not user.is_authenticated:
        return False
    key = parse_course_key(course_key)
    if compat.is_course_staff(user, key):
        return True
    return has_community_role(user_id=user.id, course_key=key, role=POLICY_MAKER_ROLE)


def _in_language(translations, language: str):
    return next((t for t in translations if t.language == language), None) if language else None


def get_policy_brief(*, user, course_key, usage_key: str, language: str = "") -> data.PolicyBrief:
    """
    The brief's content. Arguments are the published scenario's most up-voted
    visible posts, quoted without their authors' names: the brief leaves the
    community, its members' names do not. Scenarios and arguments come with
    their translation into ``language`` where one exists.
    """
    key = parse_course_key(course_key)
    if not can_read_policy_brief(user=user, course_key=key):
        raise AccessDenied(_("The policy brief is for course staff and the members they grant it to."))
    language = (language or "").split("-")[0].lower()
    forum = get_scenario_forum(course_key=key, usage_key=usage_key)
    trends = closed_round_aggregates(course_key=key, usage_key=usage_key)
    convergence = {c.scenario_uuid: c for c in trends}
    rated = {a.round_number for c in trends for a in c.aggregates}
    rounds = list_rating_rounds(course_key=key, usage_key=usage_key)
    items = []
    for scenario in list_scenarios(user=user, course_key=key, usage_key=usage_key):
        if scenario.status != "published":
            continue
        trend = convergence.get(scenario.uuid)
        arguments = most_voted_posts(thread_id=scenario.thread_id, user=user, limit=ARGUMENTS_PER_SCENARIO)
        items.append(data.BriefScenario(
            scenario=scenario,
            final=trend.aggregates[-1] if trend and trend.aggregates else None,
            convergence=trend,
            arguments=arguments,
            quotes=tuple(
                data.BriefQuote(post=post, translation=(
                    None if post.language == language else _in_language(post.translations, language)
                )) for post in arguments
            ),
            translation=None if scenario.language == language else _in_language(scenario.translations, language),
        ))
    return data.PolicyBrief(
        forum=forum, generated=timezone.now(),
        rounds=tuple(r for r in rounds if not r.is_open and r.number in rated),
        scenarios=tuple(items), min_raters=min_raters(),
        open_round=next((r.number for r in rounds if r.is_open), None), language=language,
    )


def render_policy_brief(*, user, course_key, usage_key: str, language: str = "") -> str:
    """The brief as a complete HTML page made for printing (or saving as PDF from the browser)."""
    language = language or translation.get_language() or "en"
    brief = get_policy_brief(user=user, course_key=course_key, usage_key=usage_key, language=language)
    chart = build_chart(scenarios=[item.scenario for item in brief.scenarios],
                        convergence=[item.convergence for item in brief.scenarios if item.convergence])
    with translation.override(language):
        return render_to_string("vetnet/policy_brief.html", {
            "brief": brief,
            "question_html": render_markdown(brief.forum.strategic_question),
            "language": translation.get_language(),
            "dashboard_url": f"/api/vetnet/v1/courses/{brief.forum.course_key}/policy/dashboard/",
            "chart": chart,
            "chart_html": render_scenario_chart(chart=chart, dom_id="vetnet-brief") if chart["points"] else "",
        })
