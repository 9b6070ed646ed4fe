"""Delphi rounds: rating, aggregates on known data, convergence, and the raters' anonymity."""
import pytest
from django.test import override_settings

from vetnet_plugin import api
from vetnet_plugin.exceptions import AccessDenied, Conflict, InvalidInput

from .communication_helpers import COURSE_KEY, USAGE_KEY, configure_forum, member, seed_uuid, staff_user

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("values, median, q1, q3, iqr", [
    ([1, 2, 3, 4, 5], 3, 2, 4, 2),
    ([3, 3, 3, 3], 3, 3, 3, 0),
    ([1, 5], 3, 2, 4, 2),
    ([2, 4, 4, 5], 4, 3.5, 4.25, 0.75),
    ([4], 4, 4, 4, 0),
])
def test_median_and_quartiles_by_the_inclusive_method(values, median, q1, q3, iqr):
    spread = api.spread(values)
    assert (spread.median, spread.q1, spread.q3, spread.iqr) == (median, q1, q3, iqr)


@pytest.fixture
def forum():
    configure_forum()
    return staff_user()


def _rate(user, uuid, plausibility, desirability, rationale=""):
    return api.rate_scenario(user=user, course_key=COURSE_KEY, usage_key=USAGE_KEY, scenario_uuid=uuid,
                             plausibility=plausibility, desirability=desirability, rationale=rationale)


def test_only_staff_open_and_close_rounds_up_to_the_configured_number(forum):
    staff, alice = forum, member()
    with pytest.raises(AccessDenied):
        api.open_rating_round(user=alice, course_key=COURSE_KEY, usage_key=USAGE_KEY)
    first = api.open_rating_round(user=staff, course_key=COURSE_KEY, usage_key=USAGE_KEY)
    assert first.number == 1 and first.is_open
    with pytest.raises(Conflict):
        api.open_rating_round(user=staff, course_key=COURSE_KEY, usage_key=USAGE_KEY)
    with pytest.raises(AccessDenied):
        api.close_rating_round(user=alice, course_key=COURSE_KEY, usage_key=USAGE_KEY)
    api.close_rating_round(user=staff, course_key=COURSE_KEY, usage_key=USAGE_KEY)
    api.open_rating_round(user=staff, course_key=COURSE_KEY, usage_key=USAGE_KEY)
    api.close_rating_round(user=staff, course_key=COURSE_KEY, usage_key=USAGE_KEY)
    with pytest.raises(Conflict):
        api.open_rating_round(user=staff, course_key=COURSE_KEY, usage_key=USAGE_KEY)
    with pytest.raises(Conflict):
        api.close_rating_round(user=staff, course_key=COURSE_KEY, usage_key=USAGE_KEY)


def test_rating_needs_an_open_round_and_a_scale_of_one_to_five(forum):
    alice = member()
    uuid = seed_uuid(alice)
    with pytest.raises(Conflict):
        _rate(alice, uuid, 3, 3)
    api.open_rating_round(user=forum, course_key=COURSE_KEY, usage_key=USAGE_KEY)
    for bad in (0, 6, "x", 2.5, None, True):
        with pytest.raises(InvalidInput):
            _rate(alice, uuid, bad, 3)
    with pytest.raises(InvalidInput) as too_long:
        _rate(alice, uuid, 3, 3, rationale="x" * 2001)
    assert "rationale" in too_long.value.errors


def test_aggregates_appear_only_after_the_round_closes_beside_the_own_rating(forum):
    staff = forum
    raters = [member() for _ in range(5)]
    uuid = seed_uuid(raters[0])
    api.open_rating_round(user=staff, course_key=COURSE_KEY, usage_key=USAGE_KEY)
    for rater, score in zip(raters, [1, 2, 3, 4, 5], strict=False):
        _rate(rater, uuid, score, 6 - score)
    _rate(raters[0], uuid, 2, 5, rationale="Revised after reading the thread")  # a revision, not a second rating

    open_results = api.get_delphi_results(user=raters[0], course_key=COURSE_KEY, usage_key=USAGE_KEY)
    assert open_results.latest(uuid) is None, "nothing is aggregated while the round is open"
    assert open_results.own(uuid, 1).plausibility == 2

    api.close_rating_round(user=staff, course_key=COURSE_KEY, usage_key=USAGE_KEY)
    results = api.get_delphi_results(user=raters[0], course_key=COURSE_KEY, usage_key=USAGE_KEY)
    aggregate = results.latest(uuid)
    assert aggregate.raters == 5
    assert (aggregate.plausibility.median, aggregate.plausibility.iqr) == (3, 2)   # [2, 2, 3, 4, 5]
    assert (aggregate.desirability.median, aggregate.desirability.iqr) == (3, 2)   # [5, 4, 3, 2, 1]
    assert results.own(uuid, 1).desirability == 5


def test_convergence_round_over_round(forum):
    staff = forum
    raters = [member() for _ in range(4)]
    uuid = seed_uuid(raters[0])
    api.open_rating_round(user=staff, course_key=COURSE_KEY, usage_key=USAGE_KEY)
    for rater, score in zip(raters, [1, 2, 4, 5], strict=False):
        _rate(rater, uuid, score, score)
    api.close_rating_round(user=staff, course_key=COURSE_KEY, usage_key=USAGE_KEY)
    api.open_rating_round(user=staff, course_key=COURSE_KEY, usage_key=USAGE_KEY)
    for rater, score in zip(raters, [3, 3, 4, 4], strict=False):
        _rate(rater, uuid, score, score)
    api.close_rating_round(user=staff, course_key=COURSE_KEY, usage_key=USAGE_KEY)

    results = api.get_delphi_results(user=raters[0], course_key=COURSE_KEY, usage_key=USAGE_KEY)
    (trend,) = [c for c in results.convergence if c.scenario_uuid == uuid]
    assert [a.round_number for a in trend.aggregates] == [1, 2]
    assert [a.plausibility.iqr for a in trend.aggregates] == [2.5, 1.0]   # [1, 2, 4, 5] then [3, 3, 4, 4]
    assert trend.plausibility_iqr_change == -1.5 and trend.converged


@override_settings(VETNET_DELPHI_MIN_RATERS=3)
def test_too_few_raters_keep_the_aggregate_withheld(forum):
    staff = forum
    alice, bob = member(), member()
    uuid = seed_uuid(alice)
    api.open_rating_round(user=staff, course_key=COURSE_KEY, usage_key=USAGE_KEY)
    _rate(alice, uuid, 5, 5, rationale="Because")
    _rate(bob, uuid, 1, 1)
    api.close_rating_round(user=staff, course_key=COURSE_KEY, usage_key=USAGE_KEY)
    aggregate = api.get_delphi_results(user=staff, course_key=COURSE_KEY, usage_key=USAGE_KEY).latest(uuid)
    assert aggregate.withheld and aggregate.raters == 2 and aggregate.plausibility is None
    assert api.list_rationales(user=bob, course_key=COURSE_KEY, usage_key=USAGE_KEY, scenario_uuid=uuid,
                               round_number=1) == ()


def test_no_peer_or_staff_learns_who_rated_what(forum):
    staff = forum
    raters = [member() for _ in range(3)]
    uuid = seed_uuid(raters[0])
    api.open_rating_round(user=staff, course_key=COURSE_KEY, usage_key=USAGE_KEY)
    for rater, score, why in zip(raters, [1, 3, 5], ["zeta reason", "alpha reason", "mid reason"], strict=False):
        _rate(rater, uuid, score, score, rationale=why)
    api.close_rating_round(user=staff, course_key=COURSE_KEY, usage_key=USAGE_KEY)

    peer_view = api.get_delphi_results(user=raters[1], course_key=COURSE_KEY, usage_key=USAGE_KEY)
    staff_view = api.get_delphi_results(user=staff, course_key=COURSE_KEY, usage_key=USAGE_KEY)
    assert [(r.plausibility, r.rationale) for r in peer_view.own_ratings] == [(3, "alpha reason")]
    assert staff_view.own_ratings == ()
    for results in (peer_view, staff_view):
        text = repr(results)
        for rater in raters:
            assert rater.username not in text and f"user_id={rater.id}" not in text
    rationales = api.list_rationales(user=raters[1], course_key=COURSE_KEY, usage_key=USAGE_KEY, scenario_uuid=uuid,
                                     round_number=1)
    assert rationales == ("alpha reason", "mid reason", "zeta reason"), "sorted, not in rating order"


def test_completion_and_participation_helpers(forum):
    staff, alice = forum, member()
    uuid = seed_uuid(alice)
    assert not api.has_rated_in_current_round(user_id=alice.id, usage_key=USAGE_KEY)
    api.open_rating_round(user=staff, course_key=COURSE_KEY, usage_key=USAGE_KEY)
    _rate(alice, uuid, 4, 4)
    assert api.has_rated_in_current_round(user_id=alice.id, usage_key=USAGE_KEY)
    api.close_rating_round(user=staff, course_key=COURSE_KEY, usage_key=USAGE_KEY)
    api.open_rating_round(user=staff, course_key=COURSE_KEY, usage_key=USAGE_KEY)
    assert not api.has_rated_in_current_round(user_id=alice.id, usage_key=USAGE_KEY)
    assert api.rounds_rated(user_id=alice.id, usage_key=USAGE_KEY) == 1


def _published(aggregate):
    """Everything of an aggregate that leaves the plugin, as one comparable value."""
    def criterion(spread):
        return None if spread is None else (spread.median, spread.q1, spread.q3, spread.iqr, spread.counts)
    return (aggregate.raters, aggregate.withheld, aggregate.withheld_reason,
            criterion(aggregate.plausibility), criterion(aggregate.desirability))


@pytest.mark.parametrize("raters", [2, 3, 4, 5])
def test_no_published_aggregate_lets_a_rater_deduce_another_raters_rating(raters):
    """
    For every multiset of ``raters`` (plausibility, desirability) ratings, and every rater
    in it: among all the rating sets that publish the same values and contain that rater's
    own rating, every other rater's plausibility and desirability can each take at least
    two values. So knowing one's own rating and everything published never pins down
    anyone else's rating on either criterion.
    """
    import itertools
    from collections import defaultdict

    pairs = [(p, d) for p in range(1, 6) for d in range(1, 6)]
    classes = defaultdict(list)
    for ratings in itertools.combinations_with_replacement(pairs, raters):
        aggregate = api.aggregate_scores(scenario_uuid="s", round_number=1, scores=ratings)
        classes[_published(aggregate)].append(ratings)
    for published, members in classes.items():
        possible = defaultdict(lambda: (set(), set()))
        for ratings in members:
            for index, own in enumerate(ratings):
                if index and ratings[index - 1] == own:
                    continue
                others = ratings[:index] + ratings[index + 1:]
                plausibility, desirability = possible[own]
                plausibility.update(p for p, _d in others)
                desirability.update(d for _p, d in others)
        for own, (plausibility, desirability) in possible.items():
            assert len(plausibility) >= 2 and len(desirability) >= 2, (
                f"a rater who gave {own} deduces the others' ratings from {published}"
            )


def test_three_distinct_ratings_are_shown_but_three_with_two_alike_are_not():
    shown = api.aggregate_scores(scenario_uuid="s", round_number=1, scores=[(2, 1), (3, 3), (5, 4)])
    assert not shown.withheld and shown.plausibility.median == 3 and shown.plausibility.counts == (0, 1, 1, 0, 1)
    # Median 1 and quartiles 1..3 of [1, 1, 5] would tell the rater of 5 that both others gave 1.
    hidden = api.aggregate_scores(scenario_uuid="s", round_number=1, scores=[(1, 2), (1, 3), (5, 4)])
    assert hidden.withheld and hidden.withheld_reason == api.WITHHELD_AGREEMENT and hidden.plausibility is None
    few = api.aggregate_scores(scenario_uuid="s", round_number=1, scores=[(1, 2), (4, 3)])
    assert few.withheld and few.withheld_reason == api.WITHHELD_FEW_RATERS
