"""The best-practice track over the v1 REST API: the learner's practice and reviews, the staff's table and actions."""
import pytest
from django.urls import reverse
from openedx_events.learning.signals import CERTIFICATE_CREATED
from rest_framework.test import APIClient

from tests.factories import COURSE_KEY, OTHER_COURSE_KEY, UserFactory
from vetnet_plugin import api

from .best_practice_helpers import USAGE_KEY, configure, learner, write_and_submit
from .test_best_practices_credentials import certificate

pytestmark = pytest.mark.django_db


def client_for(user=None):
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


def url(name, course_key=COURSE_KEY, **kwargs):
    return reverse(f"vetnet:{name}", kwargs={"course_key": course_key, "usage_key": USAGE_KEY, **kwargs})


def test_a_learner_writes_saves_submits_and_reads_their_practice():
    configure(reviews_required=1)
    user = learner()
    client = client_for(user)

    saved = client.put(url("best-practice-draft"), {"version": 0, "title": "Mentors", "sections": {
        "context": "Workshops.", "approach": "Pairs."}}, format="json")
    assert saved.status_code == 200, saved.content
    stale = client.put(url("best-practice-draft"), {"version": 0, "title": "Other tab"}, format="json")
    assert stale.status_code == 409 and "another tab" in stale.json()["detail"]

    submitted = client.post(url("best-practice-submit"), {"version": saved.json()["version"]}, format="json")
    assert submitted.status_code == 200 and submitted.json()["status"] == "submitted"

    page = client.get(url("best-practice")).json()
    assert page["practice"]["title"] == "Mentors" and page["practice"]["state"] == "submitted"
    assert page["assignment"]["reviews_required"] == 1


def test_bad_input_is_a_clear_4xx_and_keeps_the_saved_draft():
    configure()
    user = learner()
    client = client_for(user)
    client.put(url("best-practice-draft"), {"version": 0, "title": "Kept", "sections": {"context": "Kept."}},
               format="json")

    for body in ([1, 2], {"version": "x"}, {"version": 1, "sections": "not an object"}):
        response = client.put(url("best-practice-draft"), body, format="json")
        assert response.status_code == 400 and response.json()["detail"]
    response = client.post(url("best-practice-submit"), {"version": 1}, format="json")
    assert response.status_code == 400 and "approach" in response.json()["errors"]

    assert client.get(url("best-practice")).json()["practice"]["sections"][0]["text"] == "Kept."


def test_reviewing_through_the_api_and_the_authors_see_no_reviewer():
    configure(reviews_required=1, reviews_to_give=1)
    author, reviewer = learner(), learner()
    write_and_submit(author)
    write_and_submit(reviewer)

    lease = client_for(reviewer).post(url("best-practice-reviews")).json()["lease"]
    assert lease["practice"]["author_name"] == ""
    bad = client_for(reviewer).post(url("best-practice-review", review_uuid=lease["uuid"]),
                                    {"scores": {"relevance": 3}}, format="json")
    assert bad.status_code == 400
    done = client_for(reviewer).post(url("best-practice-review", review_uuid=lease["uuid"]), {
        "scores": {"relevance": 4, "evidence": 2}, "overall_feedback": "Convincing."}, format="json")
    assert done.status_code == 200, done.content
    # Someone else's lease is not found for another member.
    assert client_for(author).post(url("best-practice-review", review_uuid=lease["uuid"]), {
        "scores": {"relevance": 4, "evidence": 2}, "overall_feedback": "x"}, format="json").status_code == 404


def test_staff_table_filters_override_and_repository_and_learners_are_kept_out():
    configure(reviews_required=1)
    author, other = learner(), learner()
    write_and_submit(author)
    api.save_draft(user=other, course_key=COURSE_KEY, usage_key=USAGE_KEY, title="Draft", sections={}, version=0)
    staff = UserFactory(is_staff=True)

    assert client_for(author).get(url("best-practice-submissions")).status_code == 403
    table = client_for(staff).get(url("best-practice-submissions")).json()
    assert table["count"] == 2
    drafts = client_for(staff).get(url("best-practice-submissions"), {"state": "draft"}).json()
    assert [row["title"] for row in drafts["results"]] == ["Draft"]
    assert client_for(staff).get(url("best-practice-submissions"), {"state": "nonsense"}).status_code == 400

    practice_uuid = client_for(staff).get(url("best-practice-submissions"), {"state": "submitted"}).json()[
        "results"][0]["uuid"]
    assert client_for(staff).post(url("best-practice-override", practice_uuid=practice_uuid),
                                  {"score": 0.8}, format="json").status_code == 400
    overridden = client_for(staff).post(url("best-practice-override", practice_uuid=practice_uuid),
                                        {"score": 0.8, "reason": "Assessed by the panel."}, format="json")
    assert overridden.status_code == 200 and overridden.json()["grade"]["override_reason"] == "Assessed by the panel."
    approved = client_for(staff).post(url("best-practice-repository", practice_uuid=practice_uuid),
                                      {"approved": True}, format="json")
    assert approved.json()["repository_approved"] is True
    detail = client_for(staff).get(url("best-practice-submission", practice_uuid=practice_uuid)).json()
    assert detail["practice"]["author_id"] == author.id and detail["reviews"] == []
    assert client_for(staff).get(url("best-practice-reviewers")).status_code == 200

    seen = client_for(author).get(url("best-practice")).json()["practice"]["grade"]
    assert seen["score"] == 0.8 and seen["override_reason"] == "Assessed by the panel."


def test_staff_reassign_a_lease_over_the_api():
    configure(reviews_required=1)
    author, slow, helper = learner(), learner(), learner()
    write_and_submit(author)
    write_and_submit(slow)
    lease = client_for(slow).post(url("best-practice-reviews")).json()["lease"]
    staff = UserFactory(is_staff=True)

    moved = client_for(staff).post(url("best-practice-reassign", review_uuid=lease["uuid"]),
                                   {"to_user_id": helper.id}, format="json")

    assert moved.status_code == 200, moved.content
    assert moved.json()["lease"]["practice"]["uuid"] == lease["practice"]["uuid"]


def test_staff_reassign_a_lease_by_username_and_an_unknown_name_is_a_clear_400():
    configure(reviews_required=1)
    author, slow, helper = learner(), learner(), learner()
    write_and_submit(author)
    write_and_submit(slow)
    lease = client_for(slow).post(url("best-practice-reviews")).json()["lease"]
    staff = client_for(UserFactory(is_staff=True))
    reassign = url("best-practice-reassign", review_uuid=lease["uuid"])

    unknown = staff.post(reassign, {"to_username": "nobody-by-that-name"}, format="json")
    assert unknown.status_code == 400 and unknown.json()["detail"]

    moved = staff.post(reassign, {"to_username": helper.username}, format="json")
    assert moved.status_code == 200, moved.content
    assert moved.json()["lease"]["practice"]["uuid"] == lease["practice"]["uuid"]


def test_an_assignment_is_only_reachable_in_its_own_course():
    configure()
    outsider_course_member = learner()
    response = client_for(outsider_course_member).get(url("best-practice", course_key=OTHER_COURSE_KEY))
    assert response.status_code in (403, 404)
    assert client_for().get(url("best-practice")).status_code in (401, 403)


def test_a_member_reads_their_own_certificate_badges():
    user = UserFactory()
    CERTIFICATE_CREATED.send_event(certificate=certificate(user))

    badges = client_for(user).get(reverse("vetnet:own-credentials")).json()["results"]

    assert [badge["course_key"] for badge in badges] == [COURSE_KEY]
