"""Policy responses: policy makers answer a scenario or a topic; the community reads them; retirement removes them."""
import pytest
from django.test import override_settings

from tests.factories import UserFactory, member
from vetnet_plugin import api
from vetnet_plugin.exceptions import AccessDenied, InvalidInput, NotFound

from .communication_helpers import configure_forum, seed_uuid
from .policy_helpers import BASE, COURSE_KEY, client_for, configure_desk, policy_maker, staff_user

pytestmark = pytest.mark.django_db

RESPONSES = f"{BASE}/responses/"


@pytest.fixture
def forum():
    configure_forum()
    configure_desk()
    staff = staff_user()
    reader = policy_maker(staff=staff)
    learner = member()
    return staff, reader, learner, seed_uuid(learner)


def answer(who, uuid, body="We will fund **regional skills councils** from 2027."):
    return client_for(who).post(RESPONSES, {"target_kind": "scenario", "target": uuid, "body": body}, format="json")


def test_a_policy_maker_answers_a_scenario_and_every_member_reads_it(forum):
    _staff, reader, learner, uuid = forum
    created = answer(reader, uuid)
    assert created.status_code == 201, created.content
    listed = client_for(learner).get(RESPONSES, {"target_kind": "scenario", "target": uuid}).json()["results"]
    assert [r["body_html"] for r in listed] == ["<p>We will fund <strong>regional skills councils</strong> from "
                                                "2027.</p>"]
    assert listed[0]["author_name"] == reader.get_full_name() and listed[0]["can_edit"] is False
    assert client_for(UserFactory()).get(RESPONSES).status_code == 403, "outside the community"


def test_only_holders_of_the_granted_role_answer(forum):
    staff, reader, learner, uuid = forum
    self_declared = member(organisation_type="policy_maker")
    for who in (learner, self_declared, staff):
        assert answer(who, uuid).status_code == 403, who
    api.revoke_community_role(user=staff, course_key=COURSE_KEY, member_id=reader.id, role="policy_maker")
    assert answer(reader, uuid).status_code == 403


def test_a_response_must_name_a_published_scenario_or_a_topic_and_say_something(forum):
    _staff, reader, _learner, uuid = forum
    assert answer(reader, "0" * 32).status_code == 404
    assert answer(reader, uuid, body="   ").status_code == 400
    topic = client_for(reader).post(RESPONSES, {"target_kind": "topic", "target": "apprenticeships",
                                                "body": "Apprenticeship contracts get a bonus."}, format="json")
    assert topic.status_code == 201
    wrong = client_for(reader).post(RESPONSES, {"target_kind": "topic", "target": "astrology", "body": "No."},
                                    format="json")
    assert wrong.status_code == 400 and "target" in wrong.json()["errors"]
    with pytest.raises(InvalidInput):
        api.create_policy_response(user=reader, course_key=COURSE_KEY, target_kind="person", target="x", body="y")


def test_markdown_is_sanitised_when_shown(forum):
    _staff, reader, learner, uuid = forum
    answer(reader, uuid, body="<script>alert(1)</script>[site](javascript:alert(1)) **yes**")
    shown = api.list_policy_responses(user=learner, course_key=COURSE_KEY)[0]
    assert "<script" not in shown.body_html and "javascript:" not in shown.body_html
    assert "<strong>yes</strong>" in shown.body_html and shown.body.startswith("<script>"), "stored raw"


def test_only_the_author_edits_and_the_author_or_staff_remove(forum):
    staff, reader, learner, uuid = forum
    other = policy_maker(staff=staff)
    created = answer(reader, uuid).json()
    url = f"{RESPONSES}{created['uuid']}/"
    assert client_for(other).patch(url, {"body": "Hijacked"}, format="json").status_code == 403
    edited = client_for(reader).patch(url, {"body": "We will fund them from 2026."}, format="json")
    assert edited.status_code == 200 and edited.json()["body"] == "We will fund them from 2026."
    assert client_for(learner).delete(url).status_code == 403
    assert client_for(staff).delete(url).status_code == 204
    assert client_for(reader).patch(url, {"body": "Again"}, format="json").status_code == 404


@override_settings(VETNET_RATE_LIMITS={"policy_response": [2, 3600]})
def test_responses_are_rate_limited(forum):
    _staff, reader, _learner, uuid = forum
    assert [answer(reader, uuid).status_code for _n in range(3)] == [201, 201, 429]


def test_retirement_removes_a_policy_makers_responses_and_is_idempotent(forum):
    _staff, reader, learner, uuid = forum
    answer(reader, uuid)
    api.retire_member(user_id=reader.id)
    api.retire_member(user_id=reader.id)
    assert api.list_policy_responses(user=learner, course_key=COURSE_KEY) == ()


def test_a_members_data_export_holds_their_responses(forum):
    _staff, reader, _learner, uuid = forum
    answer(reader, uuid, body="Exported answer")
    exported = api.export_member_data(user_id=reader.id)
    assert "Exported answer" in str(exported)


def test_the_dashboard_page_publishes_an_answer_from_its_form(forum):
    _staff, reader, learner, uuid = forum
    api.refresh_policy_snapshots()
    client = client_for(reader)
    client.force_login(reader)
    page = client.get(f"{BASE}/dashboard/").content.decode()
    assert f'value="{COURSE_KEY}|{uuid}"' in page
    response = client.post(f"{BASE}/dashboard/", {"target_kind": "scenario", "target": f"{COURSE_KEY}|{uuid}",
                                                  "body": "Answered from the page."})
    assert response.status_code == 303
    assert [r.body for r in api.list_policy_responses(user=learner, course_key=COURSE_KEY)] == [
        "Answered from the page."]
    empty = client.post(f"{BASE}/dashboard/", {"target_kind": "scenario", "target": f"{COURSE_KEY}|{uuid}",
                                               "body": ""})
    assert empty.status_code == 400 and "Write your response." in empty.content.decode()
    assert client_for(learner).post(f"{BASE}/dashboard/", {"target_kind": "scenario", "target": uuid,
                                                           "body": "x"}).status_code == 403


def test_api_errors_name_what_is_wrong(forum):
    _staff, reader, learner, _uuid = forum
    with pytest.raises(AccessDenied):
        api.create_policy_response(user=learner, course_key=COURSE_KEY, target_kind="topic", target="dropout",
                                   body="x")
    with pytest.raises(NotFound):
        api.update_policy_response(user=reader, course_key=COURSE_KEY, response_uuid="not-a-uuid", body="x")
