"""Counselling reputation: accepted answers and up-votes on answers, one member across every course community."""
import pytest

from tests.factories import COURSE_KEY, OTHER_COURSE_KEY, enroll, member, new_request
from vetnet_plugin import api

from .counselling_helpers import TOPICS, USAGE_KEY, open_case

pytestmark = pytest.mark.django_db

OTHER_USAGE_KEY = "block-v1:VETNet+Other+2026+type@vetnet_counselling+block@help"


def answer(user, case, *, course_key=COURSE_KEY, usage_key=USAGE_KEY, body="Share an apprentice among firms."):
    return api.answer_case(user=user, course_key=course_key, usage_key=usage_key, case_uuid=case.summary.uuid,
                           body=body)


def test_accepted_answers_and_up_votes_count_across_courses():
    for key, usage in ((COURSE_KEY, USAGE_KEY), (OTHER_COURSE_KEY, OTHER_USAGE_KEY)):
        api.configure_counselling_desk(course_key=key, usage_key=usage, topics=TOPICS)
    adviser, owner, voter = member(), member(), member()
    for user in (adviser, owner, voter):
        enroll(user, OTHER_COURSE_KEY)
    here = open_case(owner)
    there = open_case(owner, course_key=OTHER_COURSE_KEY, usage_key=OTHER_USAGE_KEY)
    first = answer(adviser, here)
    second = answer(adviser, there, course_key=OTHER_COURSE_KEY, usage_key=OTHER_USAGE_KEY)
    for _twice in range(2):
        api.vote_case_post(user=voter, course_key=COURSE_KEY, usage_key=USAGE_KEY, case_uuid=here.summary.uuid,
                           post_id=first.id)
        api.accept_answer(user=owner, course_key=COURSE_KEY, usage_key=USAGE_KEY, case_uuid=here.summary.uuid,
                          post_id=first.id)
    api.accept_answer(user=owner, course_key=OTHER_COURSE_KEY, usage_key=OTHER_USAGE_KEY,
                      case_uuid=there.summary.uuid, post_id=second.id)
    reputation = api.get_counselling_reputation(user_id=adviser.id)
    assert (reputation.accepted_answers, reputation.upvotes, reputation.score) == (2, 1, 11)
    # Shown with the answers: the case page carries its authors' reputation.
    page = api.get_case_page(user=voter, course_key=COURSE_KEY, usage_key=USAGE_KEY, case_uuid=here.summary.uuid)
    assert [(r.user_id, r.accepted_answers, r.upvotes) for r in page.reputations] == [(adviser.id, 2, 1)]
    # Taking an acceptance or a vote back takes the reputation back.
    api.accept_answer(user=owner, course_key=COURSE_KEY, usage_key=USAGE_KEY, case_uuid=here.summary.uuid,
                      post_id=first.id, accepted=False)
    api.vote_case_post(user=voter, course_key=COURSE_KEY, usage_key=USAGE_KEY, case_uuid=here.summary.uuid,
                       post_id=first.id, vote=False)
    assert api.get_counselling_reputation(user_id=adviser.id).score == 5
    assert api.get_counselling_reputation(user_id=voter.id).score == 0


def test_reputation_of_a_page_of_authors_costs_two_queries(django_assert_num_queries):
    api.configure_counselling_desk(course_key=COURSE_KEY, usage_key=USAGE_KEY, topics=TOPICS)
    case = open_case(member())
    advisers = [member() for _ in range(5)]
    for adviser in advisers:
        answer(adviser, case)
    new_request()
    with django_assert_num_queries(2):
        found = api.counselling_reputations(user_ids=[a.id for a in advisers] + [None])
    assert sorted(found) == sorted(a.id for a in advisers)


def test_the_profile_and_the_directory_show_the_counselling_reputation():
    from rest_framework.test import APIClient  # pylint: disable=import-outside-toplevel

    api.configure_counselling_desk(course_key=COURSE_KEY, usage_key=USAGE_KEY, topics=TOPICS)
    owner, adviser = member(), member()
    case = open_case(owner)
    post = answer(adviser, case)
    api.accept_answer(user=owner, course_key=COURSE_KEY, usage_key=USAGE_KEY, case_uuid=case.summary.uuid,
                      post_id=post.id)
    client = APIClient()
    client.force_authenticate(adviser)
    own = client.get("/api/vetnet/v1/profile/").json()
    assert own["counselling_reputation"] == {"accepted_answers": 1, "upvotes": 0, "score": 5}
    client.force_authenticate(owner)
    listed = {row["user_id"]: row["counselling_reputation"]
              for row in client.get(f"/api/vetnet/v1/courses/{COURSE_KEY}/members/").json()["results"]}
    assert listed[adviser.id]["score"] == 5 and listed[owner.id]["score"] == 0
