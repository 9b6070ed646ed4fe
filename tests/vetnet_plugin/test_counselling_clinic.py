"""
The case clinic: a facilitator leads the owner and invited advisers through
timeboxed phases (clarify, advise, action plan); the plan stays on the case.
Only the owner or staff start it, only the facilitator or staff lead it, only
participants answer while it runs.
"""
import pytest
from rest_framework.test import APIClient

from tests.factories import COURSE_KEY, OTHER_COURSE_KEY, member
from tests.vetnet_plugin.communication_helpers import staff_user
from vetnet_plugin import api
from vetnet_plugin.counselling.models import CounsellingCase
from vetnet_plugin.exceptions import AccessDenied, InvalidInput

from .counselling_helpers import TOPICS, USAGE_KEY, open_case

pytestmark = pytest.mark.django_db

DESK = f"/api/vetnet/v1/courses/{COURSE_KEY}/counselling/{USAGE_KEY}"


@pytest.fixture
def clinic():
    api.configure_counselling_desk(course_key=COURSE_KEY, usage_key=USAGE_KEY, topics=TOPICS)
    owner, facilitator, adviser, reader = member(), member(), member(), member()
    case = open_case(owner)
    where = {"course_key": COURSE_KEY, "usage_key": USAGE_KEY, "case_uuid": case.summary.uuid}
    return {"owner": owner, "facilitator": facilitator, "adviser": adviser, "reader": reader, "where": where}


def test_the_whole_clinic_from_clarifying_to_the_saved_action_plan(clinic):
    owner, lead, adviser, reader, where = (clinic[k] for k in ("owner", "facilitator", "adviser", "reader", "where"))
    case = api.start_clinic(user=owner, **where, facilitator=lead.username, advisers=[adviser.username], minutes=15)
    assert case.clinic.phase == "clarify" and case.clinic.phase_minutes == 15
    assert (case.clinic.phase_ends_at - case.clinic.phase_started_at).total_seconds() == 15 * 60
    assert not case.clinic.can_lead and case.clinic.is_participant
    # While it runs, only participants answer; everyone who sees the case reads along.
    api.answer_case(user=adviser, **where, body="What did the chamber say exactly?")
    with pytest.raises(AccessDenied):
        api.answer_case(user=reader, **where, body="Me too!")
    assert not api.get_case(user=reader, **where).clinic.is_participant
    for hostile in (owner, adviser, reader):
        with pytest.raises(AccessDenied):
            api.advance_clinic(user=hostile, **where)
    with pytest.raises(InvalidInput):
        api.save_action_plan(user=lead, **where, plan="Too early")
    assert api.advance_clinic(user=lead, **where).clinic.phase == "advise"
    assert api.advance_clinic(user=staff_user(), **where).clinic.phase == "action_plan"
    with pytest.raises(AccessDenied):
        api.save_action_plan(user=adviser, **where, plan="Not mine to write")
    with pytest.raises(InvalidInput) as empty:
        api.save_action_plan(user=owner, **where, plan="   ")
    assert "plan" in empty.value.errors
    saved = api.save_action_plan(user=lead, **where, plan="1. Call three firms.\n2. Share one apprentice.")
    assert "Call three firms" in saved.clinic.action_plan_html
    closed = api.advance_clinic(user=lead, **where)
    assert closed.clinic.phase == "closed" and closed.clinic.phase_ends_at is None and not closed.clinic.can_lead
    with pytest.raises(InvalidInput):
        api.advance_clinic(user=lead, **where)
    # The plan stays on the case for everyone who reads it, and anyone answers again.
    assert "Share one apprentice" in api.get_case(user=reader, **where).clinic.action_plan
    api.answer_case(user=reader, **where, body="Thanks for sharing the plan.")


def test_only_the_owner_or_staff_start_it_with_a_real_facilitator(clinic):
    owner, lead, reader, where = clinic["owner"], clinic["facilitator"], clinic["reader"], clinic["where"]
    with pytest.raises(AccessDenied):
        api.start_clinic(user=reader, **where, facilitator=lead.username)
    stranger = member(course_key=OTHER_COURSE_KEY)
    for facilitator, minutes, field in ((owner.username, 20, "facilitator"), (stranger.username, 20, "facilitator"),
                                        ("nobody-here", 20, "facilitator"), ("", 20, "facilitator"),
                                        (["x"], 20, "facilitator"), (lead.username, 1, "minutes"),
                                        (lead.username, True, "minutes"), (lead.username, "9999", "minutes")):
        with pytest.raises(InvalidInput) as refused:
            api.start_clinic(user=owner, **where, facilitator=facilitator, minutes=minutes)
        assert field in refused.value.errors, (facilitator, minutes)
    assert CounsellingCase.objects.get(uuid=where["case_uuid"]).clinic_phase == ""
    api.start_clinic(user=staff_user(), **where, facilitator=lead.username)
    with pytest.raises(InvalidInput):
        api.start_clinic(user=owner, **where, facilitator=lead.username)


def test_the_clinic_over_rest(clinic):
    owner, lead, where = clinic["owner"], clinic["facilitator"], clinic["where"]
    base = f"{DESK}/cases/{where['case_uuid']}/clinic/"
    client = APIClient()
    client.force_authenticate(owner)
    assert client.post(base, {"facilitator": lead.username, "minutes": 3}, format="json").status_code == 400
    response = client.post(base, {"facilitator": lead.username, "minutes": 10}, format="json")
    assert response.status_code == 201 and response.json()["clinic"]["phase"] == "clarify"
    assert client.put(base).status_code == 403
    client.force_authenticate(lead)
    for _phase in ("advise", "action_plan"):
        assert client.put(base).status_code == 200
    assert client.put(f"{base}action-plan/", {"plan": ""}, format="json").status_code == 400
    body = client.put(f"{base}action-plan/", {"plan": "Visit two firms."}, format="json").json()
    assert body["clinic"]["action_plan"] == "Visit two firms."
    client.force_authenticate(clinic["reader"])
    assert client.get(f"{DESK}/cases/{where['case_uuid']}/").json()["case"]["clinic"]["is_participant"] is False


def test_retiring_the_facilitator_keeps_the_plan_and_forgets_them(clinic):
    owner, lead, where = clinic["owner"], clinic["facilitator"], clinic["where"]
    api.start_clinic(user=owner, **where, facilitator=lead.username)
    api.retire_member(user_id=lead.id)
    row = CounsellingCase.objects.get(uuid=where["case_uuid"])
    assert row.clinic_facilitator_id is None and row.clinic_phase == "clarify"
    api.retire_member(user_id=owner.id)
    row.refresh_from_db()
    assert row.action_plan == "" and row.is_retired
