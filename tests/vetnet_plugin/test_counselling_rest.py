"""Peer counselling over the REST API: the queue, the intake, a case page, answers, acceptance, suggestions."""
import pytest
from rest_framework.test import APIClient

from tests.factories import COURSE_KEY, OTHER_COURSE_KEY, UserFactory, member

from .counselling_helpers import USAGE_KEY, configure_desk, open_case

pytestmark = pytest.mark.django_db

DESK = f"/api/vetnet/v1/courses/{COURSE_KEY}/counselling/{USAGE_KEY}"


@pytest.fixture(autouse=True)
def desk():
    return configure_desk()


def client_for(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_a_member_opens_a_case_and_advisers_answer_and_the_owner_accepts():
    owner, adviser = member(), member()
    created = client_for(owner).post(f"{DESK}/cases/", {
        "title": "Workshops refuse apprentices", "problem": "They say it costs too much.",
        "topics": ["apprenticeships"], "country": "IT", "sector": "wood_furniture"}, format="json")
    assert created.status_code == 201, created.content
    case_uuid = created.json()["summary"]["uuid"]
    answered = client_for(adviser).post(f"{DESK}/cases/{case_uuid}/answers/", {"body": "Share an apprentice."},
                                        format="json")
    assert answered.status_code == 201, answered.content
    post_id = answered.json()["id"]
    accepted = client_for(owner).put(f"{DESK}/cases/{case_uuid}/answers/{post_id}/accepted/")
    assert accepted.status_code == 200 and accepted.json()["accepted_answer_ids"] == [post_id]
    shown = client_for(adviser).get(f"{DESK}/cases/{case_uuid}/").json()
    assert shown["case"]["summary"]["status"] == "solved"
    assert shown["thread"]["posts"]["results"][0]["body"] == "Share an apprentice."
    queue = client_for(adviser).get(f"{DESK}/cases/", {"state": "solved"}).json()
    assert [c["title"] for c in queue["results"]] == ["Workshops refuse apprentices"]
    assert client_for(adviser).put(f"{DESK}/cases/{case_uuid}/answers/{post_id}/accepted/").status_code == 403
    undone = client_for(owner).delete(f"{DESK}/cases/{case_uuid}/answers/{post_id}/accepted/")
    assert undone.json()["summary"]["status"] == "open"


@pytest.mark.django_db(transaction=True)  # MariaDB's FULLTEXT index reads committed rows
def test_similar_cases_for_a_draft():
    open_case(member(), title="Workshops refuse apprentices")
    found = client_for(member()).post(f"{DESK}/similar/", {"text": "workshops refuse", "topics": []}, format="json")
    assert found.status_code == 200
    assert [s["case"]["title"] for s in found.json()["results"]] == ["Workshops refuse apprentices"]


def test_bad_input_is_a_400_with_the_fields_marked():
    client = client_for(member())
    refused = client.post(f"{DESK}/cases/", {"title": "", "problem": "x", "topics": "x" * 100}, format="json")
    assert refused.status_code == 400 and refused.json()["detail"] and "title" in refused.json()["errors"]
    assert client.post(f"{DESK}/cases/", {"title": "T", "problem": "P", "sector": "moon"},
                       format="json").status_code == 400
    assert client.get(f"{DESK}/cases/", {"state": "everything"}).status_code == 400
    assert client.post(f"{DESK}/cases/", [1, 2], format="json").status_code == 400


def test_outsiders_get_a_403_and_cases_of_another_course_a_404():
    case = open_case(member())
    outsider = client_for(UserFactory())
    assert outsider.get(f"{DESK}/cases/").status_code == 403
    assert outsider.get(f"{DESK}/cases/{case.summary.uuid}/").status_code == 403
    configure_desk(course_key=OTHER_COURSE_KEY)
    elsewhere = open_case(member(OTHER_COURSE_KEY), course_key=OTHER_COURSE_KEY)
    assert client_for(member()).get(f"{DESK}/cases/{elsewhere.summary.uuid}/").status_code == 404
    unknown = "00000000-0000-0000-0000-000000000000"
    assert client_for(member()).get(f"{DESK}/cases/{unknown}/").status_code == 404


def test_the_owner_reports_the_outcome_through_rest():
    owner = member()
    case = open_case(owner)
    path = f"{DESK}/cases/{case.summary.uuid}/outcome/"
    reported = client_for(owner).put(path, {"outcome": "not_solved", "note": "No firm answered."}, format="json")
    assert reported.status_code == 200 and reported.json()["outcome"] == "not_solved"
    assert client_for(owner).put(path, {"outcome": "maybe"}, format="json").status_code == 400
    assert client_for(member()).put(path, {"outcome": "solved"}, format="json").status_code == 403
