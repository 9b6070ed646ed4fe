"""Roles that open doors are granted by course staff, recorded and revocable; a profile opens nothing."""
import pytest
from rest_framework.test import APIClient

from tests.factories import OTHER_COURSE_KEY, UserFactory
from vetnet_plugin import api
from vetnet_plugin.exceptions import AccessDenied, InvalidInput, NotFound

from .communication_helpers import (
    COURSE_KEY,
    USAGE_KEY,
    configure_forum,
    member,
    staff_user,
)

pytestmark = pytest.mark.django_db

BASE = f"/api/vetnet/v1/courses/{COURSE_KEY}"
BRIEF = f"{BASE}/scenario-forums/{USAGE_KEY}/policy-brief/"
ROLES = f"{BASE}/community-roles/"


def client_for(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


@pytest.fixture
def staff():
    configure_forum()
    return staff_user()


def test_calling_oneself_a_policy_maker_does_not_open_the_policy_brief(staff):
    learner = member()
    client = client_for(learner)
    assert client.patch("/api/vetnet/v1/profile/", {"organisation_type": "policy_maker"},
                        format="json").status_code == 200
    assert api.get_member_profile(user_id=learner.id).organisation_type == "policy_maker"
    assert client.get(BRIEF).status_code == 403
    assert not api.can_read_policy_brief(user=learner, course_key=COURSE_KEY)


def test_staff_grant_the_policy_role_with_a_record_and_revoke_it(staff):
    reader = member()
    assert client_for(reader).get(BRIEF).status_code == 403

    granted = client_for(staff).post(ROLES, {"user_id": reader.id, "role": "policy_maker"}, format="json")
    assert granted.status_code == 201, granted.content
    assert granted.json()["granted_by_name"] == staff.get_full_name() and granted.json()["granted"]
    assert client_for(reader).get(BRIEF).status_code == 200
    listed = client_for(staff).get(ROLES).json()
    assert [(r["user_id"], r["role"]) for r in listed["results"]] == [(reader.id, "policy_maker")]

    revoked = client_for(staff).delete(f"{ROLES}policy_maker/{reader.id}/")
    assert revoked.status_code == 200 and revoked.json()["revoked_by_name"] == staff.get_full_name()
    assert client_for(reader).get(BRIEF).status_code == 403
    assert client_for(staff).get(ROLES).json()["results"] == []
    history = client_for(staff).get(ROLES, {"include_revoked": "true"}).json()["results"]
    assert history[0]["revoked"] and history[0]["granted_by_name"] == staff.get_full_name()

    again = api.grant_community_role(user=staff, course_key=COURSE_KEY, member_id=reader.id, role="policy_maker")
    assert again.is_active and api.can_read_policy_brief(user=reader, course_key=COURSE_KEY)


def test_only_course_staff_grant_and_only_to_members_of_the_course(staff):
    alice, bob = member(), member()
    outsider = member(course_key=OTHER_COURSE_KEY)
    assert client_for(alice).post(ROLES, {"user_id": bob.id, "role": "policy_maker"}, format="json").status_code == 403
    assert client_for(alice).get(ROLES).status_code == 403
    with pytest.raises(AccessDenied):
        api.grant_community_role(user=alice, course_key=COURSE_KEY, member_id=alice.id, role="policy_maker")
    with pytest.raises(NotFound):
        api.grant_community_role(user=staff, course_key=COURSE_KEY, member_id=outsider.id, role="policy_maker")
    with pytest.raises(InvalidInput):
        api.grant_community_role(user=staff, course_key=COURSE_KEY, member_id=bob.id, role="admin")
    bad = client_for(staff).post(ROLES, {"user_id": bob.id, "role": "admin"}, format="json")
    assert bad.status_code == 400 and "role" in bad.json()["errors"]
    assert client_for(staff).delete(f"{ROLES}policy_maker/{bob.id}/").status_code == 404


def test_a_role_in_one_course_opens_nothing_in_another(staff):
    reader = member()
    api.grant_community_role(user=staff, course_key=COURSE_KEY, member_id=reader.id, role="policy_maker")
    assert api.has_community_role(user_id=reader.id, course_key=COURSE_KEY, role="policy_maker")
    assert not api.has_community_role(user_id=reader.id, course_key=OTHER_COURSE_KEY, role="policy_maker")


def test_retirement_forgets_roles_and_who_granted_them(staff):
    reader, granter = member(), UserFactory(is_staff=True)
    api.grant_community_role(user=granter, course_key=COURSE_KEY, member_id=reader.id, role="policy_maker")
    api.retire_member_profile(user_id=granter.id)
    (role,) = api.list_community_roles(user=staff, course_key=COURSE_KEY).items
    assert role.granted_by_name == ""
    api.retire_member_profile(user_id=reader.id)
    assert api.list_community_roles(user=staff, course_key=COURSE_KEY).items == ()
