"""A course community with counselling cases from several countries, a policy maker and staff, for the policy tests."""
from rest_framework.test import APIClient

from tests.factories import COURSE_KEY, member
from vetnet_plugin import api

from .communication_helpers import staff_user
from .counselling_helpers import USAGE_KEY as DESK
from .counselling_helpers import configure_desk, open_case

BASE = f"/api/vetnet/v1/courses/{COURSE_KEY}/policy"


def client_for(user):
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


def cases_from(country: str, count: int, *, topic="apprenticeships", course_key=COURSE_KEY, sector="construction"):
    """``count`` members of ``country`` each open one case on ``topic``; returns the members."""
    people = []
    for n in range(count):
        who = member(course_key=course_key, country=country)
        open_case(who, course_key=course_key, title=f"Case {country} {n}", country=country, sector=sector,
                  topics=(topic,))
        people.append(who)
    return people


def policy_maker(course_key=COURSE_KEY, staff=None):
    """A member to whom course staff granted the policy role."""
    staff = staff or staff_user()
    reader = member(course_key=course_key, organisation_type="policy_maker")
    api.grant_community_role(user=staff, course_key=course_key, member_id=reader.id, role="policy_maker")
    return reader


__all__ = ["BASE", "COURSE_KEY", "DESK", "cases_from", "client_for", "configure_desk", "policy_maker", "staff_user"]
