"""Retirement leaves no personal data in discussions, scenarios or ratings, and can run twice."""
import pytest

from vetnet_plugin import api
from vetnet_plugin.models import Follow, Post, PostFlag, PostRevision, PostVote, Rating, Scenario, Translation

from .communication_helpers import COURSE_KEY, USAGE_KEY, configure_forum, member, seed_uuid, staff_user

pytestmark = pytest.mark.django_db


def test_retiring_a_member_erases_their_traces_but_keeps_the_community_record():
    configure_forum(pre_moderate=False)
    staff, leaving, staying, third = staff_user(), member(), member(), member()
    uuid = seed_uuid(staying)
    thread_id = api.list_scenarios(user=staying, course_key=COURSE_KEY, usage_key=USAGE_KEY)[0].thread_id
    post = api.create_post(user=leaving, course_key=COURSE_KEY, thread_id=thread_id, body="My name is Ada, call me")
    api.edit_post(user=leaving, course_key=COURSE_KEY, post_id=post.id, body="Edited")
    reply = api.create_post(user=staying, course_key=COURSE_KEY, thread_id=thread_id, body="Reply", parent_id=post.id)
    api.vote_post(user=leaving, course_key=COURSE_KEY, post_id=reply.id)
    api.flag_post(user=leaving, course_key=COURSE_KEY, post_id=reply.id, reason="I am Ada")
    api.follow_thread(user=leaving, course_key=COURSE_KEY, thread_id=thread_id)
    api.contribute_translation(user=leaving, course_key=COURSE_KEY, kind="post", object_id=reply.id, language="it",
                               body="Risposta")
    proposal = api.propose_scenario(user=leaving, course_key=COURSE_KEY, usage_key=USAGE_KEY, title="Mine",
                                    narrative="N")
    api.open_rating_round(user=staff, course_key=COURSE_KEY, usage_key=USAGE_KEY)
    for rater, score in ((leaving, 5), (staying, 3), (third, 1)):
        api.rate_scenario(user=rater, course_key=COURSE_KEY, usage_key=USAGE_KEY, scenario_uuid=uuid,
                          plausibility=score, desirability=score, rationale=f"why {rater.username}")
    api.close_rating_round(user=staff, course_key=COURSE_KEY, usage_key=USAGE_KEY)
    before = api.get_delphi_results(user=staying, course_key=COURSE_KEY, usage_key=USAGE_KEY).latest(uuid)

    api.retire_member(user_id=leaving.id)
    api.retire_member(user_id=leaving.id)

    retired = Post.objects.get(uuid=post.id)
    assert retired.author is None and retired.body == "" and retired.is_retired
    assert not PostRevision.objects.filter(post=retired).exists()
    assert not PostVote.objects.filter(user=leaving).exists() and Post.objects.get(uuid=reply.id).vote_count == 0
    assert not PostFlag.objects.filter(user=leaving).exists() and Post.objects.get(uuid=reply.id).flag_count == 0
    assert not Follow.objects.filter(user=leaving).exists()
    assert not Translation.objects.filter(translator=leaving).exists()
    assert Scenario.objects.get(uuid=proposal.uuid).author is None
    assert not Rating.objects.filter(user=leaving).exists()
    assert not Rating.objects.filter(rationale=f"why {leaving.username}").exists()

    (seen,) = api.get_thread(user=staying, course_key=COURSE_KEY, thread_id=thread_id).posts
    assert seen.is_retired and seen.author_name == "" and seen.replies[0].body == "Reply"
    after = api.get_delphi_results(user=staying, course_key=COURSE_KEY, usage_key=USAGE_KEY).latest(uuid)
    assert after == before, "closed rounds keep their results"
