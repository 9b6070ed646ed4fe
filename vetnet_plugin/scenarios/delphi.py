"""
Delphi rating rounds of a scenario forum.

Members rate each scenario's plausibility and desirability (1 to 5) in an
open round. Nobody, staff included, ever receives another member's rating:
only the rater's own ratings and, once a round is closed, aggregates over at
least ``VETNET_DELPHI_MIN_RATERS`` raters leave this module, and only when no
rater, knowing their own rating, could deduce another's from them (ADR 0005).
"""
from __future__ import annotations

import statistics
from collections import defaultdict

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..conf import setting
from ..core.keys import parse_course_key
from ..core.languages import language_of
from ..core.rate_limits import check_rate_limit
from ..exceptions import Conflict, InvalidInput
from ..members.api import require_moderator, require_viewer
from . import data
from .forums import find_scenario, get_scenario_forum
from .models import Rating, RatingRound, RoundAggregate, Scenario

MAX_RATIONALE_LENGTH = 2000


def min_raters() -> int:
    """Fewest raters whose aggregate may be shown without exposing anyone's rating."""
    # Never fewer than three: with two raters each knows the other's rating from any aggregate.
    return max(3, int(setting("VETNET_DELPHI_MIN_RATERS")))


def spread(values) -> data.Spread | None:
    """
    Median and quartiles of ``values``.

    Quartiles use linear interpolation between order statistics over the whole
    sample (the "inclusive" method, as spreadsheet QUARTILE.INC): for
    [1, 2, 3, 4, 5] the median is 3, Q1 2 and Q3 4, so the IQR is 2. One value
    has no spread: Q1 = Q3 = the value.
    """
    values = sorted(values)
    if not values:
        return None
    counts = tuple(values.count(v) for v in range(1, 6))
    if len(values) == 1:
        return data.Spread(median=float(values[0]), q1=float(values[0]), q3=float(values[0]), iqr=0.0, counts=counts)
    q1, median, q3 = statistics.quantiles(values, n=4, method="inclusive")
    return data.Spread(median=round(median, 2), q1=round(q1, 2), q3=round(q3, 2), iqr=round(q3 - q1, 2),
                       counts=counts)


def _reveals_a_rating(values) -> bool:
    """
    True if, from these ratings' counts per value, a rater could tell another rater's rating.

    A rater takes their own rating off the counts; what remains is everyone else's. It
    names a person's rating only when every other rater gave the same value, that is when
    one value holds all the ratings or all but one. Every published number (the counts,
    the median, the quartiles) is a function of the counts, so this test covers them all.
    """
    return _counts_reveal(tuple(values.count(v) for v in range(1, 6)))


def _counts_reveal(counts) -> bool:
    """``_reveals_a_rating`` on the counts per value themselves (what a closed round stores)."""
    return max(counts) >= sum(counts) - 1


def _round_data(round_: RatingRound) -> data.RatingRound:
    return data.RatingRound(number=round_.number, is_open=round_.is_open, opened=round_.opened, closed=round_.closed)


def list_rating_rounds(*, course_key, usage_key: str) -> tuple[data.RatingRound, ...]:
    """Every round of the forum, first to last."""
    key = parse_course_key(course_key)
    return tuple(_round_data(r) for r in RatingRound.objects.filter(course_key=key, usage_key=str(usage_key)))


def _rounds_taken(scenario: Scenario, rounds) -> int:
    """In how many of ``rounds`` the published scenario could be rated: those still open when it was published."""
    published = scenario.moderated_at or scenario.created
    return sum(1 for r in rounds if r.closed is None or r.closed > published)


def _round_plan(usage_key: str, max_rounds: int):
    """(rounds, published scenarios still short of ``max_rounds`` rounds if another one opened now)."""
    rounds = list(RatingRound.objects.filter(usage_key=usage_key))
    published = Scenario.objects.filter(usage_key=usage_key, status=Scenario.PUBLISHED)
    short = [s for s in published if _rounds_taken(s, rounds) < max_rounds]
    return rounds, short


def open_rating_round(*, user, course_key, usage_key: str) -> data.RatingRound:
    """
    Staff open the next round; only one round is open at a time. Every published
    scenario gets the forum's number of rounds: one approved after the last round
    closed gets rounds of its own beyond that number, in which only such scenarios are rated.
    """
    key = require_moderator(user, course_key)
    forum = get_scenario_forum(course_key=key, usage_key=usage_key)
    rounds, short = _round_plan(forum.usage_key, forum.max_rounds)
    if any(r.closed is None for r in rounds):
        raise Conflict(_("A round is already open. Close it before opening the next one."))
    number = len(rounds) + 1
    if number > forum.max_rounds and not short:
        raise Conflict(
            _("All {count} rounds of this forum have taken place.").format(count=forum.max_rounds)
        )
    try:
        with transaction.atomic():
            created = RatingRound.objects.create(
                course_key=key, usage_key=forum.usage_key, number=number, opened=timezone.now(), opened_by=user
            )
    except IntegrityError as exc:
        raise Conflict(_("Someone else opened a round at the same moment. Reload the page.")) from exc
    return _round_data(created)


def close_rating_round(*, user, course_key, usage_key: str) -> data.RatingRound:
    """Staff close the open round; its aggregates become visible to members."""
    key = require_moderator(user, course_key)
    with transaction.atomic():
        current = (
            RatingRound.objects.select_for_update()
            .filter(course_key=key, usage_key=str(usage_key), closed__isnull=True).first()
        )
        if current is None:
            raise Conflict(_("No round is open."))
        current.closed, current.closed_by = timezone.now(), user
        current.save(update_fields=["closed", "closed_by"])
        _store_aggregates(current)
    return _round_data(current)


def _spread_json(spread_: data.Spread | None) -> dict | None:
    if spread_ is None:
        return None
    return {"median": spread_.median, "q1": spread_.q1, "q3": spread_.q3, "iqr": spread_.iqr,
            "counts": list(spread_.counts)}


def _store_aggregates(round_: RatingRound) -> None:
    """
    Compute the closed round's spread per scenario once, in one read of its
    ratings; a closed round's ratings never change, so readers use the rows.
    Whether a row may be shown is decided when it is read (``_stored_aggregate``).
    """
    scores = defaultdict(list)
    rows = Rating.objects.filter(round=round_).values_list("scenario_id", "plausibility", "desirability")
    for scenario_id, plausibility, desirability in rows:
        scores[scenario_id].append((plausibility, desirability))
    RoundAggregate.objects.filter(round=round_).delete()
    RoundAggregate.objects.bulk_create([
        RoundAggregate(
            round=round_, scenario_id=scenario_id, raters=len(values),
            plausibility=_spread_json(spread([p for p, _d in values])),
            desirability=_spread_json(spread([d for _p, d in values])),
        ) for scenario_id, values in scores.items()
    ])
    RatingRound.objects.filter(pk=round_.pk).update(aggregated=True)
    round_.aggregated = True


def _score(value, field: str) -> int:
    try:
        number = int(value)
    except (TypeError, ValueError):
        number = 0
    if str(value).strip() != str(number) or not 1 <= number <= 5:
        message = _("Choose a whole number from 1 to 5.")
        raise InvalidInput(message, errors={field: [message]})
    return number


def rate_scenario(
    *, user, course_key, usage_key: str, scenario_uuid, plausibility, desirability, rationale: str = "",
    language: str = "",
) -> data.OwnRating:
    """
    Record (or revise) the member's rating of a published scenario in the open round.
    """
    key = require_viewer(user, course_key)
    plausibility = _score(plausibility, "plausibility")
    desirability = _score(desirability, "desirability")
    rationale = rationale.strip() if isinstance(rationale, str) else ""
    if len(rationale) > MAX_RATIONALE_LENGTH:
        message = _("Use at most {limit} characters.").format(limit=MAX_RATIONALE_LENGTH)
        raise InvalidInput(message, errors={"rationale": [message]})
    scenario = find_scenario(scenario_uuid, key, usage_key)
    if scenario.status != Scenario.PUBLISHED:
        raise InvalidInput(_("This scenario is not open for rating."))
    rounds = list(RatingRound.objects.filter(usage_key=scenario.usage_key))
    current = next((r for r in rounds if r.closed is None), None)
    if current is None:
        raise Conflict(_("No rating round is open at the moment."))
    forum = get_scenario_forum(course_key=key, usage_key=scenario.usage_key)
    if _rounds_taken(scenario, rounds) > forum.max_rounds:
        raise InvalidInput(_("This scenario has had all its rating rounds."))
    code = language_of(rationale, language)[0] if rationale else ""
    check_rate_limit(action="rating", queryset=Rating.objects.filter(user=user), time_field="modified")
    values = {"plausibility": plausibility, "desirability": desirability, "rationale": rationale, "language": code}
    try:
        with transaction.atomic():
            Rating.objects.update_or_create(round=current, scenario=scenario, user=user, defaults=values)
    except IntegrityError:
        # A double click raced its twin: the row exists now, so this is an update.
        Rating.objects.filter(round=current, scenario=scenario, user=user).update(**values)
    return data.OwnRating(
        scenario_uuid=str(scenario.uuid), round_number=current.number,
        plausibility=plausibility, desirability=desirability, rationale=rationale,
    )


def aggregate_scores(*, scenario_uuid: str, round_number: int, scores) -> data.Aggregate:
    """
    What may be published of one scenario's ``(plausibility, desirability)`` ratings in one round.

    Withheld below the minimum number of raters, and whenever a rater who knows their
    own rating could tell another rater's from it (ADR 0005); otherwise the counts per
    value with the median and quartiles of each criterion.
    """
    number = round_number
    scores = list(scores)
    if len(scores) < min_raters():
        return data.Aggregate(scenario_uuid=scenario_uuid, round_number=number, raters=len(scores), withheld=True,
                              withheld_reason=data.WITHHELD_FEW_RATERS)
    if _reveals_a_rating([p for p, _d in scores]) or _reveals_a_rating([d for _p, d in scores]):
        return data.Aggregate(scenario_uuid=scenario_uuid, round_number=number, raters=len(scores), withheld=True,
                              withheld_reason=data.WITHHELD_AGREEMENT)
    return data.Aggregate(
        scenario_uuid=scenario_uuid, round_number=number, raters=len(scores),
        plausibility=spread([p for p, _d in scores]), desirability=spread([d for _p, d in scores]),
    )


def _stored_aggregate(scenario_uuid: str, round_number: int, row: RoundAggregate) -> data.Aggregate:
    """A closed round's stored spread, published under the same rules as ``aggregate_scores``."""
    number = round_number
    if row.raters < min_raters():
        return data.Aggregate(scenario_uuid=scenario_uuid, round_number=number, raters=row.raters, withheld=True,
                              withheld_reason=data.WITHHELD_FEW_RATERS)
    plausibility, desirability = dict(row.plausibility), dict(row.desirability)
    plausibility["counts"], desirability["counts"] = tuple(plausibility["counts"]), tuple(desirability["counts"])
    if _counts_reveal(plausibility["counts"]) or _counts_reveal(desirability["counts"]):
        return data.Aggregate(scenario_uuid=scenario_uuid, round_number=number, raters=row.raters, withheld=True,
                              withheld_reason=data.WITHHELD_AGREEMENT)
    return data.Aggregate(
        scenario_uuid=scenario_uuid, round_number=number, raters=row.raters,
        plausibility=data.Spread(**plausibility), desirability=data.Spread(**desirability),
    )


def _iqr_change(aggregates, criterion: str) -> float | None:
    shown = [getattr(a, criterion) for a in aggregates if not a.withheld]
    if len(shown) < 2:
        return None
    return round(shown[-1].iqr - shown[0].iqr, 2)


def closed_round_aggregates(*, course_key, usage_key: str) -> tuple[data.Convergence, ...]:
    """Per published scenario, the aggregate of every closed round and how its spread moved."""
    key = parse_course_key(course_key)
    usage_key = str(usage_key)
    closed = list(RatingRound.objects.filter(course_key=key, usage_key=usage_key, closed__isnull=False))
    for round_ in closed:
        if not round_.aggregated:  # closed before aggregates were stored
            with transaction.atomic():
                _store_aggregates(round_)
    scenarios = list(
        Scenario.objects.filter(usage_key=usage_key, status=Scenario.PUBLISHED).values_list("pk", "uuid")
    )
    stored = {(a.round_id, a.scenario_id): a for a in RoundAggregate.objects.filter(round__in=closed)}
    result = []
    for pk, uuid in scenarios:
        aggregates = tuple(
            _stored_aggregate(str(uuid), r.number, stored[(r.pk, pk)]) for r in closed if (r.pk, pk) in stored
        )
        changes = (_iqr_change(aggregates, "plausibility"), _iqr_change(aggregates, "desirability"))
        known = [c for c in changes if c is not None]
        result.append(data.Convergence(
            scenario_uuid=str(uuid), aggregates=aggregates,
            plausibility_iqr_change=changes[0], desirability_iqr_change=changes[1],
            converged=bool(known) and all(c <= 0 for c in known) and any(c < 0 for c in known),
        ))
    return tuple(result)


def get_delphi_results(*, user, course_key, usage_key: str) -> data.DelphiResults:
    """
    What a member sees of the Delphi process: the rounds, their own ratings and,
    for closed rounds, the aggregates (withheld below the minimum number of raters).
    """
    key = require_viewer(user, course_key)
    usage_key = str(usage_key)
    forum = get_scenario_forum(course_key=key, usage_key=usage_key)
    rounds, short = _round_plan(usage_key, forum.max_rounds)
    own = Rating.objects.filter(round__in=rounds, user=user).select_related("round", "scenario")
    is_open = bool(rounds) and rounds[-1].closed is None
    rateable = ()
    if is_open:
        published = Scenario.objects.filter(usage_key=usage_key, status=Scenario.PUBLISHED)
        rateable = tuple(str(s.uuid) for s in published if _rounds_taken(s, rounds) <= forum.max_rounds)
    return data.DelphiResults(
        rounds=tuple(_round_data(r) for r in rounds),
        current_round=_round_data(rounds[-1]) if rounds else None,
        max_rounds=forum.max_rounds,
        own_ratings=tuple(
            data.OwnRating(
                scenario_uuid=str(r.scenario.uuid), round_number=r.round.number,
                plausibility=r.plausibility, desirability=r.desirability, rationale=r.rationale,
            ) for r in own
        ),
        convergence=closed_round_aggregates(course_key=key, usage_key=usage_key),
        min_raters=min_raters(),
        current_raters=(
            Rating.objects.filter(round=rounds[-1]).values("user_id").distinct().count() if rounds else 0
        ),
        rateable=rateable,
        can_open_round=not is_open and (len(rounds) < forum.max_rounds or bool(short)),
        late_scenarios=len(short) if len(rounds) >= forum.max_rounds else 0,
    )


def list_rationales(*, user, course_key, usage_key: str, scenario_uuid, round_number: int) -> tuple[str, ...]:
    """
    The rationales given for a scenario in a closed round, without raters or
    scores and in alphabetical order, so their order says nothing about who or when.
    """
    key = require_viewer(user, course_key)
    scenario = find_scenario(scenario_uuid, key, usage_key)
    round_ = RatingRound.objects.filter(usage_key=scenario.usage_key, number=round_number).first()
    if round_ is None or round_.is_open:
        return ()
    ratings = Rating.objects.filter(round=round_, scenario=scenario)
    if ratings.count() < min_raters():
        return ()
    return tuple(sorted(r for r in ratings.exclude(rationale="").values_list("rationale", flat=True)))


def has_rated_in_current_round(*, user_id: int, usage_key: str) -> bool:
    """True if the member rated at least one scenario in the forum's latest round."""
    latest = RatingRound.objects.filter(usage_key=str(usage_key)).order_by("-number").first()
    return latest is not None and Rating.objects.filter(round=latest, user_id=user_id).exists()


def rounds_rated(*, user_id: int, usage_key: str) -> int:
    """In how many of the forum's rounds the member rated at least once (for a participation score)."""
    return (
        Rating.objects.filter(round__usage_key=str(usage_key), user_id=user_id)
        .values("round_id").distinct().count()
    )


def retire_delphi_member(*, user_id: int) -> None:
    """
    Remove the member's personal data from scenario forums (idempotent).

    Ratings lose their rater and rationale but keep their scores, so closed
    Delphi rounds keep their results; proposed scenarios stay as community
    material, no longer credited.
    """
    with transaction.atomic():
        Rating.objects.filter(user_id=user_id).update(user=None, rationale="")
        Scenario.objects.filter(author_id=user_id).update(author=None)
