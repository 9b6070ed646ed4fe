"""
Who is acting is resolved once per request (membership query and role check),
never served stale within the request, and never carried into the next one.
"""
import pytest
from celery.signals import task_prerun
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from rest_framework.test import APIClient

from tests.factories import COURSE_KEY, OTHER_COURSE_KEY, UserFactory, enroll, member, new_request, unenroll
from tests.vetnet_plugin.toolbox_helpers import deposit, in_course, toolbox_media  # noqa: F401
from vetnet_plugin import api
from vetnet_plugin.exceptions import AccessDenied
from vetnet_plugin.members.models import CourseMembership

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("toolbox_media")]


def membership_lookups(queries) -> int:
    """How many times the membership projection was asked whether someone belongs to a course."""
    return sum(1 for q in queries.captured_queries if "vetnet_coursemembership" in q["sql"]
               and q["sql"].lstrip().upper().startswith("SELECT"))


def test_several_api_calls_in_one_request_ask_for_the_membership_once():
    resource = deposit(member(), link_url="https://example.org/tool")
    reader = member()
    new_request()
    with CaptureQueriesContext(connection) as queries:
        page = api.list_resources(user=reader, **in_course())
        shown = api.get_resource(user=reader, **in_course(), resource_uuid=resource.uuid)
        reviews = api.list_reviews(user=reader, **in_course(), resource_uuid=resource.uuid)
        api.list_collections(user=reader, **in_course())
    assert page.count == 1 and shown.uuid == resource.uuid and reviews.count == 0
    assert membership_lookups(queries) == 1
    # Another course is another question, asked once too.
    with CaptureQueriesContext(connection) as queries:
        assert not api.can_view_community(user=reader, course_key=OTHER_COURSE_KEY)
        assert not api.can_view_community(user=reader, course_key=OTHER_COURSE_KEY)
    assert membership_lookups(queries) == 1


def test_an_unenrollment_within_the_request_is_seen_at_once():
    reader = member()
    assert api.list_resources(user=reader, **in_course()).count == 0
    unenroll(reader)
    with pytest.raises(AccessDenied):
        api.list_resources(user=reader, **in_course())
    enroll(reader)
    assert api.list_resources(user=reader, **in_course()).count == 0


def test_staff_rights_granted_within_the_request_are_seen_at_once():
    user = UserFactory()
    assert not api.is_moderator(user=user, course_key=COURSE_KEY)
    with pytest.raises(AccessDenied):
        api.list_moderation_queue(user=user, **in_course())
    user.is_staff = True
    user.save()
    assert api.is_moderator(user=user, course_key=COURSE_KEY)
    assert api.list_moderation_queue(user=user, **in_course()).count == 0


def test_a_task_starts_with_nobody_resolved():
    reader = member()
    assert api.can_view_community(user=reader, course_key=COURSE_KEY)
    # A write that bypasses the projection's functions (another process): only a new request or task sees it.
    CourseMembership.objects.filter(user=reader).update(is_active=False)
    assert api.can_view_community(user=reader, course_key=COURSE_KEY)
    task_prerun.send(sender=None, task_id="t", task=None, args=(), kwargs={})
    assert not api.can_view_community(user=reader, course_key=COURSE_KEY)


def _adoption_url(resource):
    return reverse("vetnet:toolbox-adoption", kwargs={"course_key": COURSE_KEY, "resource_uuid": resource.uuid})


def test_a_rest_request_making_two_api_calls_asks_for_the_membership_once():
    resource = deposit(member(), link_url="https://example.org/tool")
    reader = APIClient()
    reader.force_authenticate(member())
    new_request()
    with CaptureQueriesContext(connection) as queries:
        response = reader.put(_adoption_url(resource), {"context": "Pilot", "outcome": "success"}, format="json")
    # Adopting, then reporting the outcome: two API calls, one membership question.
    assert response.status_code == 200 and response.json()["outcome"] == "success"
    assert membership_lookups(queries) == 1


def test_each_request_resolves_the_actor_afresh():
    resource = deposit(member(), link_url="https://example.org/tool")
    user = member()
    reader = APIClient()
    reader.force_authenticate(user)
    assert reader.get(_adoption_url(resource)).status_code == 200
    # The answer resolved on this thread, then the membership ended by a write the request
    # cache cannot hear of: the next request must not act on the old answer.
    assert api.can_view_community(user=user, course_key=COURSE_KEY)
    CourseMembership.objects.filter(user=user).update(is_active=False)
    assert api.can_view_community(user=user, course_key=COURSE_KEY), "within the same request it is kept"
    assert reader.get(_adoption_url(resource)).status_code == 403
