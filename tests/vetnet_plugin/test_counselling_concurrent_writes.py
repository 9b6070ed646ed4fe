"""
Fifty members write to peer counselling at the same moment, on MariaDB:
they open cases in one block, answer one case, vote for one answer, and the
owner accepts fifty answers at once, each request in its own thread and
database connection. Every request succeeds and nothing is lost: the counters
kept on the case equal the rows they count.
"""
import queue

import pytest
from django.db import connection

from tests.factories import COURSE_KEY, member
from vetnet_plugin import api
from vetnet_plugin.counselling.models import AcceptedAnswer, CaseTopic, CounsellingCase
from vetnet_plugin.discussions.models import Post, PostVote

from .counselling_helpers import TOPICS, USAGE_KEY, open_case
from .test_concurrent_writes import WRITERS, all_at_once, assert_every_request_succeeded

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]

DESK = f"/api/vetnet/v1/courses/{COURSE_KEY}/counselling/{USAGE_KEY}"


@pytest.fixture
def writers():
    assert connection.vendor == "mysql", "these writers must meet MariaDB's locks"
    api.configure_counselling_desk(course_key=COURSE_KEY, usage_key=USAGE_KEY, topics=TOPICS)
    return [member() for _ in range(WRITERS)]


def test_fifty_members_open_cases_at_once(writers):
    answers = all_at_once(writers, lambda client, user: client.post(f"{DESK}/cases/", {
        "title": f"Apprentices for {user.username}", "problem": "Small firms will not take apprentices.",
        "topics": ["apprenticeships", "eu-funding"], "sector": "construction"}, format="json"))
    assert_every_request_succeeded(answers)
    cases = CounsellingCase.objects.filter(usage_key=USAGE_KEY)
    assert cases.count() == WRITERS
    assert len(set(cases.values_list("thread_uuid", flat=True))) == WRITERS
    assert CaseTopic.objects.filter(case__in=cases).count() == 2 * WRITERS
    assert set(cases.values_list("owner_id", flat=True)) == {u.id for u in writers}


def test_fifty_advisers_answer_one_case_and_the_owner_accepts_fifty_answers_at_once(writers):
    owner = member()
    case = open_case(owner)
    answers = all_at_once(writers, lambda client, user: client.post(
        f"{DESK}/cases/{case.summary.uuid}/answers/", {"body": f"Advice from {user.username}"}, format="json"))
    assert_every_request_succeeded(answers)
    row = CounsellingCase.objects.get(uuid=case.summary.uuid)
    posts = list(Post.objects.filter(thread__uuid=row.thread_uuid, parent__isnull=True))
    assert row.answer_count == len(posts) == WRITERS and row.is_answered and row.first_answer_at is not None

    # The owner accepts every answer, fifty requests at once (each takes the next answer from the queue).
    waiting = queue.SimpleQueue()
    for post in posts:
        waiting.put(str(post.uuid))
    assert_every_request_succeeded(all_at_once([owner] * WRITERS, lambda client, user: client.put(
        f"{DESK}/cases/{case.summary.uuid}/answers/{waiting.get_nowait()}/accepted/")))
    row.refresh_from_db()
    assert row.accepted_count == AcceptedAnswer.objects.filter(case=row).count() == WRITERS and row.is_solved

    # Fifty members up-vote one answer at once: its author's reputation counts every vote.
    post = posts[0]
    voters = [u for u in writers if u.id != post.author_id] + [member()]
    assert_every_request_succeeded(all_at_once(voters, lambda client, user: client.put(
        f"/api/vetnet/v1/courses/{COURSE_KEY}/posts/{post.uuid}/vote/")))
    post.refresh_from_db()
    assert post.vote_count == PostVote.objects.filter(post=post).count() == WRITERS
    reputation = api.get_counselling_reputation(user_id=post.author_id)
    assert (reputation.upvotes, reputation.accepted_answers) == (WRITERS, 1)
