"""The v1 REST API for profiles and the member directory."""
import pytest
from rest_framework.test import APIClient

from tests.factories import COURSE_KEY, UserFactory, member

pytestmark = pytest.mark.django_db

MEMBERS_URL = f"/api/vetnet/v1/courses/{COURSE_KEY}/members/"


@pytest.fixture
def client():
    return APIClient()


def test_anonymous_requests_are_refused(client):
    assert client.get("/api/vetnet/v1/profile/").status_code in (401, 403)
    assert client.get(MEMBERS_URL).status_code in (401, 403)


def test_member_reads_and_updates_own_profile(client):
    user = member()
    client.force_authenticate(user)

    response = client.patch("/api/vetnet/v1/profile/", {"organisation": "EPFQL", "languages": ["fr", "en"]},
                            format="json")

    assert response.status_code == 200
    assert response.json()["organisation"] == "EPFQL"
    assert client.get("/api/vetnet/v1/profile/").json()["languages"] == ["en", "fr"]


def test_invalid_profile_update_is_a_400_with_field_errors(client):
    user = member(organisation="Kept")
    client.force_authenticate(user)

    response = client.patch("/api/vetnet/v1/profile/", {"country": "Atlantis"}, format="json")

    assert response.status_code == 400
    assert "country" in response.json()["errors"]
    assert client.get("/api/vetnet/v1/profile/").json()["organisation"] == "Kept"


def test_non_object_body_is_a_400(client):
    client.force_authenticate(member())
    response = client.patch("/api/vetnet/v1/profile/", ["not", "an", "object"], format="json")
    assert response.status_code == 400


def test_directory_filters_and_paginates(client):
    viewer = member(country="IT")
    for _ in range(6):
        member(country="GR", sectors=["ict"])
    client.force_authenticate(viewer)

    response = client.get(MEMBERS_URL, {"sector": "ict", "page_size": 4})
    body = response.json()

    assert response.status_code == 200
    assert body["count"] == 6 and body["num_pages"] == 2 and len(body["results"]) == 4
    assert all(item["country"] == "GR" for item in body["results"])
    assert "page=2" in body["next"] and body["previous"] is None
    assert len(client.get(body["next"]).json()["results"]) == 2


def test_directory_refuses_non_members(client):
    client.force_authenticate(UserFactory())
    response = client.get(MEMBERS_URL)
    assert response.status_code == 403
    assert "members of this course community" in response.json()["detail"]


def test_bad_page_numbers_are_4xx(client):
    client.force_authenticate(member())
    assert client.get(MEMBERS_URL, {"page": "abc"}).status_code == 400
    assert client.get(MEMBERS_URL, {"page": 99}).status_code == 404


def test_unknown_course_is_refused_not_a_500(client):
    client.force_authenticate(member())
    assert client.get("/api/vetnet/v1/courses/course-v1:No+Such+Run/members/").status_code == 403


def test_openapi_schema_describes_the_api(client):
    client.force_authenticate(member())
    response = client.get("/api/vetnet/v1/schema/", {"format": "json"})
    assert response.status_code == 200
    schema = response.json()
    assert schema["info"]["title"] == "VETNet REST API"
    assert {"/api/vetnet/v1/profile/", "/api/vetnet/v1/courses/{course_key}/members/"} <= set(schema["paths"])
