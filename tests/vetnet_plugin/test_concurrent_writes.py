"""
Many members writing to one object at the same moment, on MariaDB.

Fifty members vote for one post, flag it, review one resource and adopt it,
all at once, through the REST API: each in its own thread with its own
database connection, as fifty requests to an LMS would be. Every request
succeeds and the counters kept on the post and the resource equal the rows
they count.
"""
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection, connections
from rest_framework.test import APIClient

from tests.factories import COURSE_KEY, member
from tests.vetnet_plugin.communication_helpers import configure_forum, scenario_thread
from tests.vetnet_plugin.toolbox_helpers import deposit, toolbox_media  # noqa: F401
from vetnet_plugin import api
from vetnet_plugin.discussions.models import Post, PostFlag, PostVote
from vetnet_plugin.toolbox.models import Adoption, Resource, Review

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("toolbox_media")]

WRITERS = 50
BASE = f"/api/vetnet/v1/courses/{COURSE_KEY}"


def all_at_once(members, send) -> list:
    """``send(client, user)`` for every member, each in its own thread and connection, released together."""
    start = threading.Barrier(len(members))

    def one(user):
        client = APIClient()
        client.force_authenticate(user)
        try:
            start.wait()
            response = send(client, user)
            return response.status_code, response.content[:300]
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=len(members)) as pool:
        return list(pool.map(one, members))


def assert_every_request_succeeded(answers):
    failed = [answer for answer in answers if not 200 <= answer[0] < 300]
    assert not failed, f"{len(failed)} of {len(answers)} requests failed, e.g. {failed[:3]}"


@pytest.fixture
def post_and_voters():
    assert connection.vendor == "mysql", "these writers must meet MariaDB's locks"
    configure_forum()
    author = member()
    thread_id = scenario_thread(author)
    post = api.create_post(user=author, course_key=COURSE_KEY, thread_id=thread_id, body="Short courses help.")
    return post.id, [member() for _ in range(WRITERS)]


@pytest.fixture
def resource_and_members():
    assert connection.vendor == "mysql", "these writers must meet MariaDB's locks"
    resource = deposit(member())
    return resource.uuid, [member() for _ in range(WRITERS)]


def test_fifty_members_voting_for_one_post_at_once_all_succeed_and_every_vote_counts(post_and_voters):
    post_id, voters = post_and_voters

    answers = all_at_once(voters, lambda client, _user: client.put(f"{BASE}/posts/{post_id}/vote/"))

    assert_every_request_succeeded(answers)
    assert PostVote.objects.filter(post__uuid=post_id).count() == WRITERS
    assert Post.objects.get(uuid=post_id).vote_count == WRITERS


def test_fifty_members_taking_back_their_votes_at_once_leave_the_count_at_zero(post_and_voters):
    post_id, voters = post_and_voters
    for voter in voters:
        api.vote_post(user=voter, course_key=COURSE_KEY, post_id=post_id)

    answers = all_at_once(voters, lambda client, _user: client.delete(f"{BASE}/posts/{post_id}/vote/"))

    assert_every_request_succeeded(answers)
    assert not PostVote.objects.filter(post__uuid=post_id).exists()
    assert Post.objects.get(uuid=post_id).vote_count == 0


def test_fifty_members_flagging_one_post_at_once_all_succeed_and_every_flag_counts(post_and_voters):
    post_id, flaggers = post_and_voters

    answers = all_at_once(flaggers, lambda client, _user: client.post(f"{BASE}/posts/{post_id}/flag/",
                                                               {"reason": "Off topic"}, format="json"))

    assert_every_request_succeeded(answers)
    assert PostFlag.objects.filter(post__uuid=post_id).count() == WRITERS
    assert Post.objects.get(uuid=post_id).flag_count == WRITERS


def test_fifty_members_reviewing_one_resource_at_once_all_succeed_and_the_average_is_right(resource_and_members):
    resource_uuid, reviewers = resource_and_members
    ratings = {user.id: 1 + index % 5 for index, user in enumerate(reviewers)}

    def review(client, user):
        return client.put(f"{BASE}/toolbox/resources/{resource_uuid}/reviews/",
                          {"rating": ratings[user.id], "text": "Useful in our workshop."}, format="json")

    answers = all_at_once(reviewers, review)

    assert_every_request_succeeded(answers)
    resource = Resource.objects.get(uuid=resource_uuid)
    assert Review.objects.filter(resource=resource).count() == WRITERS == resource.rating_count
    assert resource.rating_average == pytest.approx(sum(ratings.values()) / WRITERS)


def test_fifty_members_adopting_one_resource_at_once_all_succeed_and_every_adoption_counts(resource_and_members):
    resource_uuid, adopters = resource_and_members

    answers = all_at_once(adopters, lambda client, _user: client.put(
        f"{BASE}/toolbox/resources/{resource_uuid}/adoption/", {"context": "Our carpentry course."}, format="json"))

    assert_every_request_succeeded(answers)
    resource = Resource.objects.get(uuid=resource_uuid)
    assert Adoption.objects.filter(resource=resource).count() == WRITERS == resource.adoption_count
