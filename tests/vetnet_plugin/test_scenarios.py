"""Scenario forums: Studio configuration and seeds, members' proposals, moderation."""
import pytest

from tests.factories import UserFactory
from vetnet_plugin import api
from vetnet_plugin.exceptions import AccessDenied, InvalidInput, NotFound, RateLimited
from vetnet_plugin.models import Scenario

from .communication_helpers import COURSE_KEY, SEEDS, USAGE_KEY, configure_forum, member, staff_user

pytestmark = pytest.mark.django_db


def test_seeds_from_studio_become_scenarios_with_a_discussion_each():
    forum = configure_forum()
    assert forum.horizon_year == 2035 and forum.drivers[0][0] == "Skills shortages in SMEs"
    scenarios = api.list_scenarios(user=member(), course_key=COURSE_KEY, usage_key=USAGE_KEY)
    assert [s.title for s in scenarios] == ["Labour-market-driven VET", "Green and digital crafts"]
    assert all(s.is_seed and s.thread_id for s in scenarios)
    assert scenarios[1].drivers == ("Digital transition", "Green transition")


def test_editing_a_seed_in_studio_keeps_the_same_scenario_and_removing_it_archives_it():
    configure_forum()
    alice = member()
    before = {s.title: s for s in api.list_scenarios(user=alice, course_key=COURSE_KEY, usage_key=USAGE_KEY)}
    edited = [dict(SEEDS[0], title="Labour-market-driven C-VET")]
    configure_forum(seeds=edited)
    after = api.list_scenarios(user=alice, course_key=COURSE_KEY, usage_key=USAGE_KEY)
    assert [(s.uuid, s.title) for s in after] == [(before["Labour-market-driven VET"].uuid, "Labour-market-driven C-VET")]
    assert Scenario.objects.get(seed_key="green-crafts").status == Scenario.ARCHIVED


def test_an_unchanged_forum_costs_one_query(django_assert_num_queries):
    configure_forum()
    with django_assert_num_queries(1):
        configure_forum()


def test_a_pre_moderated_proposal_waits_for_staff():
    configure_forum()
    alice, bob, staff = member(), member(), staff_user()
    proposal = api.propose_scenario(
        user=alice, course_key=COURSE_KEY, usage_key=USAGE_KEY, title="Apprenticeships everywhere",
        narrative="Every craft firm trains one apprentice.", drivers=["Skills shortages in SMEs"],
        policy_choices=["Regional skills councils"],
    )
    assert proposal.status == "pending" and proposal.is_own and proposal.language == "en"
    assert proposal.uuid in {s.uuid for s in api.list_scenarios(user=alice, course_key=COURSE_KEY, usage_key=USAGE_KEY)}
    assert proposal.uuid not in {s.uuid for s in api.list_scenarios(user=bob, course_key=COURSE_KEY, usage_key=USAGE_KEY)}
    staff_view = api.list_scenarios(user=staff, course_key=COURSE_KEY, usage_key=USAGE_KEY)
    assert staff_view[0].uuid == proposal.uuid, "staff see proposals awaiting moderation first"
    assert api.count_pending_proposals(course_key=COURSE_KEY, usage_key=USAGE_KEY) == 1

    with pytest.raises(AccessDenied):
        api.moderate_scenario(user=bob, course_key=COURSE_KEY, usage_key=USAGE_KEY, scenario_uuid=proposal.uuid,
                              publish=True)
    api.moderate_scenario(user=staff, course_key=COURSE_KEY, usage_key=USAGE_KEY, scenario_uuid=proposal.uuid,
                          publish=True)
    assert proposal.uuid in {s.uuid for s in api.list_scenarios(user=bob, course_key=COURSE_KEY, usage_key=USAGE_KEY)}


def test_a_rejected_proposal_tells_its_author_why():
    configure_forum()
    alice, staff = member(), staff_user()
    proposal = api.propose_scenario(user=alice, course_key=COURSE_KEY, usage_key=USAGE_KEY, title="Off topic",
                                    narrative="Cats.")
    with pytest.raises(InvalidInput):
        api.moderate_scenario(user=staff, course_key=COURSE_KEY, usage_key=USAGE_KEY,
                              scenario_uuid=proposal.uuid, publish=False)
    api.moderate_scenario(user=staff, course_key=COURSE_KEY, usage_key=USAGE_KEY, scenario_uuid=proposal.uuid,
                          publish=False, reason="Not about VET")
    (mine,) = [s for s in api.list_scenarios(user=alice, course_key=COURSE_KEY, usage_key=USAGE_KEY)
               if s.uuid == proposal.uuid]
    assert mine.status == "rejected" and mine.moderation_reason == "Not about VET"


def test_without_pre_moderation_a_proposal_is_published_at_once():
    configure_forum(pre_moderate=False)
    proposal = api.propose_scenario(user=member(), course_key=COURSE_KEY, usage_key=USAGE_KEY, title="T",
                                    narrative="N")
    assert proposal.status == "published"


def test_proposals_can_be_switched_off():
    configure_forum(allow_proposals=False)
    with pytest.raises(AccessDenied):
        api.propose_scenario(user=member(), course_key=COURSE_KEY, usage_key=USAGE_KEY, title="T", narrative="N")


def test_a_proposal_names_only_the_forums_drivers_and_policy_choices():
    configure_forum()
    with pytest.raises(InvalidInput) as bad:
        api.propose_scenario(user=member(), course_key=COURSE_KEY, usage_key=USAGE_KEY, title="T", narrative="N",
                             drivers=["Alien invasion"])
    assert "drivers" in bad.value.errors
    with pytest.raises(InvalidInput) as empty:
        api.propose_scenario(user=member(), course_key=COURSE_KEY, usage_key=USAGE_KEY, title="", narrative="")
    assert set(empty.value.errors) == {"title", "narrative"}


def test_proposing_too_often_is_limited():
    configure_forum()
    alice = member()
    for n in range(3):
        api.propose_scenario(user=alice, course_key=COURSE_KEY, usage_key=USAGE_KEY, title=f"T{n}", narrative="N")
    with pytest.raises(RateLimited):
        api.propose_scenario(user=alice, course_key=COURSE_KEY, usage_key=USAGE_KEY, title="T4", narrative="N")


def test_outsiders_see_nothing_and_unknown_forums_are_not_found():
    configure_forum()
    with pytest.raises(AccessDenied):
        api.list_scenarios(user=UserFactory(), course_key=COURSE_KEY, usage_key=USAGE_KEY)
    with pytest.raises(NotFound):
        api.get_scenario_forum(course_key=COURSE_KEY, usage_key="block-v1:VETNet+CoVP+2026+type@x+block@nope")
    with pytest.raises(NotFound):
        api.get_scenario(user=member(), course_key=COURSE_KEY, usage_key=USAGE_KEY, scenario_uuid="nope")
