"""
What the Delphi rounds tell a policy report: how many rated each scenario
in each closed round by country, where the community converges or diverges
(median and interquartile range per round) and where countries differ.

Only aggregates leave, under the Delphi rules of ADR 0005 (``aggregate_scores``):
nobody's rating, and nothing a rater could read another's rating from.
"""
from __future__ import annotations

from collections import defaultdict

from django.core.exceptions import ValidationError

from ..core.aggregates import count_table, people_by_month
from ..core.keys import parse_course_key
from ..data import ValueCell
from ..members.api import get_countries_and_organisation_types
from .delphi import aggregate_scores
from .models import Rating, RatingRound, Scenario


def _spread_values(spread) -> dict:
    return {"median": spread.median, "q1": spread.q1, "q3": spread.q3, "iqr": spread.iqr}


def count_delphi_ratings(*, course_key) -> dict:
    """
    A course's closed Delphi rounds as aggregate tables, each row a scenario
    and round (``<scenario uuid>:<round>``):

    - ``raters_by_country``: ``CountCell`` of raters by the rater's country;
    - ``convergence``: ``ValueCell`` per row with the plausibility and
      desirability spread, where the Delphi rules allow it;
    - ``desirability_by_country``: ``ValueCell`` per scenario's latest closed
      round and country, the desirability spread among that country's raters;
    - ``labels``: each row's scenario title and round, and ``scenarios``:
      each published scenario's uuid, title and forum usage key.
    """
    key = parse_course_key(course_key)
    scenarios = {
        pk: (str(uuid), title, usage_key) for pk, uuid, title, usage_key in Scenario.objects.filter(
            course_key=key, status=Scenario.PUBLISHED).values_list("pk", "uuid", "title", "usage_key")
    }
    rounds = {pk: number for pk, number in RatingRound.objects.filter(
        course_key=key, closed__isnull=False).values_list("pk", "number")}
    ratings = list(Rating.objects.filter(round_id__in=list(rounds), scenario_id__in=list(scenarios)).values_list(
        "pk", "round_id", "scenario_id", "user_id", "plausibility", "desirability"))
    countries = get_countries_and_organisation_types(user_ids={r[3] for r in ratings if r[3]})
    rows, scores, by_country, latest = [], defaultdict(list), defaultdict(list), {}
    for pk, round_id, scenario_id, user_id, plausibility, desirability in ratings:
        row = f"{scenarios[scenario_id][0]}:{rounds[round_id]}"
        country = countries.get(user_id, ("", ""))[0]
        person = user_id or f"rating-{pk}"
        rows.append((row, country, pk, person))
        scores[row].append((plausibility, desirability))
        by_country[(scenario_id, rounds[round_id], country or "-")].append((plausibility, desirability))
        latest[scenario_id] = max(latest.get(scenario_id, 0), rounds[round_id])
    convergence = []
    for row, values in sorted(scores.items()):
        uuid, number = row.rsplit(":", 1)
        aggregate = aggregate_scores(scenario_uuid=uuid, round_number=int(number), scores=values)
        convergence.append(ValueCell(row=row, column="", people=len(values), values={} if aggregate.withheld else {
            "plausibility": _spread_values(aggregate.plausibility),
            "desirability": _spread_values(aggregate.desirability),
        }))
    desirability = []
    for (scenario_id, number, country), values in sorted(by_country.items()):
        if number != latest[scenario_id]:
            continue
        uuid = scenarios[scenario_id][0]
        aggregate = aggregate_scores(scenario_uuid=uuid, round_number=number, scores=values)
        desirability.append(ValueCell(row=f"{uuid}:{number}", column=country, people=len(values),
                                      values={} if aggregate.withheld else _spread_values(aggregate.desirability)))
    labels = {f"{scenarios[s][0]}:{n}": (scenarios[s][1], n) for (s, n, _c) in by_country}
    return {
        "raters_by_country": count_table(rows),
        "convergence": tuple(convergence),
        "desirability_by_country": tuple(desirability),
        "labels": labels,
        "scenarios": tuple(sorted(scenarios.values(), key=lambda s: s[1])),
    }


def is_published_scenario(*, course_key, scenario_uuid) -> bool:
    """True if ``scenario_uuid`` names a published scenario of the course (any forum of it)."""
    key = parse_course_key(course_key)
    try:
        return Scenario.objects.filter(course_key=key, uuid=str(scenario_uuid), status=Scenario.PUBLISHED).exists()
    except (ValueError, TypeError, ValidationError):
        return False


def list_raters_by_month(*, course_key) -> set[tuple[int, str]]:
    """Who rated the course's scenarios in which month, as (user id, YYYY-MM)."""
    return people_by_month(Rating.objects.filter(round__course_key=parse_course_key(course_key)),
                           person="user_id", date="created")
