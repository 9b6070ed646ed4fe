"""The partnership endpoints: search with reasons, propose, answer, withdraw, summary; bad input is a clear 4xx."""
import pytest
from rest_framework.test import APIClient

from tests.factories import COURSE_KEY, OTHER_COURSE_KEY, member

from .partnership_helpers import USAGE_KEY, partner

pytestmark = pytest.mark.django_db
BASE = f"/api/vetnet/v1/courses/{COURSE_KEY}"


def client_for(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_propose_search_invite_accept_and_print_through_the_endpoints():
    proposer, spanish, greek = partner("IT"), partner("ES", "sme_association"), partner("GR", "policy_maker")
    instruments = client_for(proposer).get(f"{BASE}/funding-instruments/").json()["results"]
    assert instruments[0]["key"] == "erasmus_ka220" and instruments[0]["min_countries"] == 3
    created = client_for(proposer).post(f"{BASE}/partnerships/", {
        "usage_key": USAGE_KEY, "title": "Digital crafts", "topic": "digital_transition", "instrument": "erasmus_ka220",
        "aims": "Train", "partners": [{"user_id": spanish.id, "role": "partner", "commitment": "Pilot"}]},
        format="json")
    assert created.status_code == 201, created.content
    uuid = created.json()["uuid"]
    assert created.json()["eligibility"]["eligible"] is False
    found = client_for(proposer).get(f"{BASE}/partner-search/", {"partnership": uuid}).json()["results"]
    assert found[0]["user_id"] == greek.id and found[0]["reason"] == "adds a third country (Greece)"
    invited = client_for(proposer).post(f"{BASE}/partnerships/{uuid}/invitations/", {"user_id": greek.id},
                                        format="json")
    assert invited.status_code == 200
    for person in (spanish, greek):
        answered = client_for(person).post(f"{BASE}/partnerships/{uuid}/answer/", {"accept": True}, format="json")
        assert answered.status_code == 200
    assert answered.json()["state"] == "formed" and answered.json()["eligibility"]["eligible"]
    summary = client_for(greek).get(f"{BASE}/partnerships/{uuid}/summary/")
    assert summary.status_code == 200 and summary["Content-Type"].startswith("text/html")
    assert b"Digital crafts" in summary.content
    pdf = client_for(greek).get(f"{BASE}/partnerships/{uuid}/summary.pdf")
    assert pdf.status_code in (200, 409)
    listed = client_for(spanish).get(f"{BASE}/partnerships/").json()["results"]
    assert [p["uuid"] for p in listed] == [uuid]


def test_withdraw_and_notices_endpoints():
    proposer, invitee = partner("IT"), partner("ES")
    uuid = client_for(proposer).post(f"{BASE}/partnerships/", {
        "title": "T", "instrument": "other", "partners": [{"user_id": invitee.id}]}, format="json").json()["uuid"]
    assert client_for(invitee).post(f"{BASE}/partnerships/{uuid}/notices/", {"enabled": False},
                                    format="json").status_code == 204
    withdrawn = client_for(proposer).post(f"{BASE}/partnerships/{uuid}/invitations/withdraw/",
                                          {"user_id": invitee.id}, format="json")
    assert withdrawn.status_code == 200
    assert client_for(invitee).post(f"{BASE}/partnerships/{uuid}/answer/", {"accept": True},
                                    format="json").status_code == 404


def test_bad_input_and_outsiders_get_clear_4xx():
    proposer = partner("IT")
    bad = client_for(proposer).post(f"{BASE}/partnerships/", {"title": "T", "instrument": "lottery"}, format="json")
    assert bad.status_code == 400 and bad.json()["errors"]["instrument"]
    assert client_for(proposer).post(f"{BASE}/partnerships/", {"title": ["x"]}, format="json").status_code == 400
    assert client_for(proposer).get(f"{BASE}/partner-search/", {"partnership": "nope"}).status_code == 400
    outsider = member(course_key=OTHER_COURSE_KEY)
    assert client_for(outsider).get(f"{BASE}/partner-search/").status_code == 403
    assert client_for(outsider).post(f"{BASE}/partnerships/", {"title": "T", "instrument": "other"},
                                     format="json").status_code == 403
    assert APIClient().get(f"{BASE}/partnerships/").status_code in (401, 403)
