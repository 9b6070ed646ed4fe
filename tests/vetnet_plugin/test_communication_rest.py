"""The v1 REST API of discussions and scenario forums, anonymity of ratings included."""
import json

import pytest
from django.test import override_settings
from rest_framework.test import APIClient

from tests.factories import UserFactory
from vetnet_plugin import api

from .communication_helpers import COURSE_KEY, USAGE_KEY, configure_forum, member, seed_uuid, staff_user

pytestmark = pytest.mark.django_db

BASE = f"/api/vetnet/v1/courses/{COURSE_KEY}"
FORUM = f"{BASE}/scenario-forums/{USAGE_KEY}"


def client_for(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


@pytest.fixture
def forum():
    configure_forum()
    return staff_user()


def test_a_conversation_through_the_api(forum):
    alice, bob = member(), member()
    thread_id = api.list_scenarios(user=alice, course_key=COURSE_KEY, usage_key=USAGE_KEY)[0].thread_id
    created = client_for(alice).post(f"{BASE}/threads/{thread_id}/posts/", {"body": "Short courses help."},
                                     format="json")
    assert created.status_code == 201
    post_id = created.json()["id"]
    reply = client_for(bob).post(f"{BASE}/threads/{thread_id}/posts/", {"body": "Agreed", "parent_id": post_id},
                                 format="json")
    assert reply.status_code == 201
    assert client_for(bob).put(f"{BASE}/posts/{post_id}/vote/").json() == {"vote_count": 1, "voted_by_me": True}
    assert client_for(alice).patch(f"{BASE}/posts/{post_id}/", {"body": "Short courses help SMEs."},
                                   format="json").status_code == 200
    history = client_for(bob).get(f"{BASE}/posts/{post_id}/history/").json()["results"]
    assert [r["body"] for r in history] == ["Short courses help."]
    thread = client_for(bob).get(f"{BASE}/threads/{thread_id}/").json()
    assert thread["posts"]["results"][0]["replies"][0]["body"] == "Agreed"
    assert client_for(bob).put(f"{BASE}/threads/{thread_id}/follow/", {"email_digest": False},
                               format="json").json() == {"is_following": True, "email_digest": False}


@override_settings(VETNET_RATE_LIMITS={"post": [100, 300]})
def test_lists_are_paginated(forum):
    alice = member()
    thread_id = api.list_scenarios(user=alice, course_key=COURSE_KEY, usage_key=USAGE_KEY)[0].thread_id
    for n in range(7):
        api.create_post(user=alice, course_key=COURSE_KEY, thread_id=thread_id, body=f"post {n}")
    first = client_for(alice).get(f"{BASE}/threads/{thread_id}/", {"page_size": 5}).json()["posts"]
    assert first["count"] == 7 and first["num_pages"] == 2 and len(first["results"]) == 5
    second = client_for(alice).get(first["next"]).json()["posts"]
    assert [p["body"] for p in second["results"]] == ["post 5", "post 6"]
    assert client_for(alice).get(f"{BASE}/threads/{thread_id}/", {"page": 3, "page_size": 5}).status_code == 404
    assert client_for(alice).get(f"{FORUM}/scenarios/", {"page": "x"}).status_code == 400
    assert client_for(alice).get(f"{FORUM}/scenarios/").json()["count"] == 2


def test_bad_input_is_a_4xx_with_a_message_never_a_500(forum):
    alice = member()
    thread_id = api.list_scenarios(user=alice, course_key=COURSE_KEY, usage_key=USAGE_KEY)[0].thread_id
    client = client_for(alice)
    for response in (
        client.post(f"{BASE}/threads/{thread_id}/posts/", {"body": ""}, format="json"),
        client.post(f"{BASE}/threads/{thread_id}/posts/", [1, 2], format="json"),
        client.post(f"{BASE}/threads/{thread_id}/posts/", {"body": 42}, format="json"),
        client.put(f"{FORUM}/scenarios/{seed_uuid(alice)}/rating/", {"plausibility": "high"}, format="json"),
        client.post(f"{FORUM}/scenarios/", {"title": "x" * 500, "narrative": "n"}, format="json"),
        client.put(f"{BASE}/threads/{thread_id}/follow/", {"email_digest": "maybe"}, format="json"),
    ):
        assert 400 <= response.status_code < 500, response.content
        assert response.json()["detail"]
    assert client.get(f"{BASE}/threads/999999/").status_code == 404
    assert client.get(f"{FORUM}/scenarios/00000000-0000-0000-0000-000000000000/").status_code == 404


@override_settings(VETNET_RATE_LIMITS={"post": [1, 300]})
def test_posting_too_fast_is_a_429_with_a_clear_message(forum):
    alice = member()
    thread_id = api.list_scenarios(user=alice, course_key=COURSE_KEY, usage_key=USAGE_KEY)[0].thread_id
    client = client_for(alice)
    assert client.post(f"{BASE}/threads/{thread_id}/posts/", {"body": "one"}, format="json").status_code == 201
    limited = client.post(f"{BASE}/threads/{thread_id}/posts/", {"body": "two"}, format="json")
    assert limited.status_code == 429 and "try again" in limited.json()["detail"]


def test_outsiders_and_anonymous_users_are_refused(forum):
    assert APIClient().get(f"{FORUM}/scenarios/").status_code in (401, 403)
    assert client_for(UserFactory()).get(f"{FORUM}/scenarios/").status_code == 403


def test_moderation_is_for_staff_only(forum):
    staff, alice, bob = forum, member(), member()
    proposal = client_for(alice).post(f"{FORUM}/scenarios/", {"title": "Apprenticeships for all",
                                                              "narrative": "Every firm trains."}, format="json")
    assert proposal.status_code == 201 and proposal.json()["status"] == "pending"
    url = f"{FORUM}/scenarios/{proposal.json()['uuid']}/moderation/"
    assert client_for(bob).post(url, {"publish": True}, format="json").status_code == 403
    assert client_for(staff).post(url, {"publish": True}, format="json").json()["status"] == "published"
    assert client_for(bob).post(f"{FORUM}/rounds/", {"action": "open"}, format="json").status_code == 403
    assert client_for(staff).post(f"{FORUM}/rounds/", {"action": "open"}, format="json").status_code == 201
    assert client_for(bob).get(f"{BASE}/flagged-posts/").status_code == 403
    assert client_for(staff).get(f"{BASE}/flagged-posts/").status_code == 200


def test_no_api_answer_tells_who_rated_what(forum):
    staff = forum
    raters = [member() for _ in range(3)]
    uuid = seed_uuid(raters[0])
    client_for(staff).post(f"{FORUM}/rounds/", {"action": "open"}, format="json")
    for rater, score in zip(raters, [2, 4, 5], strict=False):
        response = client_for(rater).put(f"{FORUM}/scenarios/{uuid}/rating/",
                                         {"plausibility": score, "desirability": score, "rationale": f"r{score}"},
                                         format="json")
        assert response.status_code == 200
    client_for(staff).post(f"{FORUM}/rounds/", {"action": "close"}, format="json")

    peer = raters[0]
    answers = [
        client_for(viewer).get(url).content.decode()
        for viewer in (peer, staff)
        for url in (f"{FORUM}/", f"{FORUM}/scenarios/", f"{FORUM}/rounds/", f"{FORUM}/scenarios/{uuid}/",
                    f"{FORUM}/scenarios/{uuid}/rounds/1/rationales/")
    ]
    for text in answers:
        for rater in raters:
            assert rater.username not in text
            assert f'"user_id": {rater.id}' not in text and f'"user_id":{rater.id}' not in text
    forum_view = json.loads(answers[0])
    assert forum_view["delphi"]["own_ratings"] == [
        {"scenario_uuid": uuid, "round_number": 1, "plausibility": 2, "desirability": 2, "rationale": "r2"}
    ]
    (trend,) = [c for c in forum_view["delphi"]["convergence"] if c["scenario_uuid"] == uuid]
    assert trend["aggregates"][0]["plausibility"] == {"median": 4, "q1": 3, "q3": 4.5, "iqr": 1.5,
                                                     "counts": [0, 1, 0, 1, 1]}
    assert json.loads(answers[5])["delphi"]["own_ratings"] == [], "staff have no rating of their own"


def test_the_policy_brief_is_printable_html_for_staff_and_policy_makers(forum):
    staff = forum
    policy_maker = member()
    api.grant_community_role(user=staff, course_key=COURSE_KEY, member_id=policy_maker.id, role="policy_maker")
    response = client_for(staff).get(f"{FORUM}/policy-brief/")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/html")
    assert "@media print" in response.content.decode()
    assert "Labour-market-driven VET" in response.content.decode()
    assert client_for(policy_maker).get(f"{FORUM}/policy-brief/").status_code == 200
    assert client_for(member()).get(f"{FORUM}/policy-brief/").status_code == 403


def test_the_api_schema_describes_the_communication_endpoints():
    schema = client_for(UserFactory()).get("/api/vetnet/v1/schema/", {"format": "json"})
    assert schema.status_code == 200
    assert "/rating/" in schema.content.decode()


def test_the_api_schema_describes_every_discussion_and_scenario_body():
    schema = client_for(UserFactory()).get("/api/vetnet/v1/schema/", {"format": "json"}).json()
    described = 0
    for path, operations in schema["paths"].items():
        if not any(part in path for part in ("/threads/", "/posts/", "/flagged-posts/", "/scenario-forums/")):
            continue
        for method, operation in operations.items():
            for status, response in operation["responses"].items():
                if status != "204":
                    assert "content" in response, (method, path, status)
                    described += 1
            if method in ("post", "patch") or (method == "put" and not path.endswith("/vote/")):
                assert "requestBody" in operation, (method, path)
    assert described >= 20
    post = schema["components"]["schemas"]["Post"]["properties"]
    assert post["replies"]["items"]["$ref"].endswith("/Post"), "replies are posts"
    page = schema["components"]["schemas"]["ScenarioPage"]["properties"]
    assert set(page) == {"count", "num_pages", "current_page", "next", "previous", "results"}


def test_every_list_answers_in_one_page_shape(forum):
    alice = member()
    thread_id = api.list_scenarios(user=alice, course_key=COURSE_KEY, usage_key=USAGE_KEY)[0].thread_id
    post = api.create_post(user=alice, course_key=COURSE_KEY, thread_id=thread_id, body="Hello")
    api.flag_post(user=member(), course_key=COURSE_KEY, post_id=post.id, reason="check")
    shape = {"count", "num_pages", "current_page", "next", "previous", "results"}
    for user, url in ((alice, f"{BASE}/members/"), (alice, f"{FORUM}/scenarios/"),
                      (forum, f"{BASE}/flagged-posts/"), (alice, f"{BASE}/toolbox/resources/")):
        body = client_for(user).get(url).json()
        assert shape <= set(body), (url, body.keys())
        assert body["current_page"] == 1 and body["count"] == len(body["results"])
        assert body["results"] or url.endswith("/toolbox/resources/"), url
    thread = client_for(alice).get(f"{BASE}/threads/{thread_id}/").json()
    assert set(thread["posts"]) == shape and thread["id"] == thread_id
    assert client_for(forum).get(f"{BASE}/flagged-posts/").json()["results"][0]["reasons"] == ["check"]


def test_posts_and_threads_are_reached_by_uuid_only(forum):
    from vetnet_plugin.discussions.models import Post, Thread  # pylint: disable=import-outside-toplevel

    alice = member()
    thread_id = api.list_scenarios(user=alice, course_key=COURSE_KEY, usage_key=USAGE_KEY)[0].thread_id
    created = client_for(alice).post(f"{BASE}/threads/{thread_id}/posts/", {"body": "Hello"}, format="json").json()
    post_pk, thread_pk = Post.objects.get(uuid=created["id"]).pk, Thread.objects.get(uuid=thread_id).pk
    assert created["thread_id"] == thread_id and created["parent_id"] is None
    assert client_for(alice).get(f"{BASE}/posts/{created['id']}/history/").status_code == 200
    assert client_for(alice).get(f"{BASE}/posts/{post_pk}/history/").status_code == 404
    assert client_for(alice).get(f"{BASE}/threads/{thread_pk}/").status_code == 404
