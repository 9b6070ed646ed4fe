"""The community hub as the LMS shows it: a course tab from the plugin's entry point, the hub, the profile."""
import pytest

from devhost import enrollment
from devhost.course_tabs import plugin_tab_classes
from tests.factories import UserFactory
from tests.vetnet_plugin import hub_helpers as hub
from vetnet_plugin import api

pytestmark = pytest.mark.django_db


def test_the_plugin_declares_its_tab_under_the_platform_entry_point():
    tabs = {tab.type: tab for tab in plugin_tab_classes()}
    assert tabs["vetnet_hub"].view_name == "vetnet:hub_course"
    assert tabs["vetnet_hub"].title == "Community"


def test_course_pages_show_the_community_tab(client, template_course, learner):
    enrollment.enroll(learner, template_course.course_key)
    client.force_login(learner)
    page = client.get(f"/courses/{template_course.course_key}/").content.decode()
    assert f'href="/api/vetnet/hub/courses/{template_course.course_key}/" data-tab="vetnet_hub">Community</a>' in page


def test_the_tab_opens_the_hub_with_that_course_and_the_progression(client, template_course, learner):
    enrollment.enroll(learner, template_course.course_key)
    client.force_login(learner)
    response = client.get(f"/api/vetnet/hub/courses/{template_course.course_key}/")
    page = response.content.decode()
    assert response.status_code == 200
    assert "Your communities" in page and template_course.course_key in page
    assert "Next for you" in page and "Communication" in page and "Cooperation" in page
    assert "Rate 1 more scenario." in page


def test_someone_outside_the_course_is_refused(client, template_course):
    client.force_login(UserFactory())
    response = client.get(f"/api/vetnet/hub/courses/{template_course.course_key}/")
    assert response.status_code == 403


def test_the_profile_shows_the_four_phases(client, template_course, learner):
    enrollment.enroll(learner, template_course.course_key)
    hub.post(learner, times=2, course_key=template_course.course_key)
    api.record_phase_progress(course_key=template_course.course_key)
    client.force_login(learner)
    page = client.get("/profile/").content.decode()
    assert "Your four phases" in page
    assert "posts in discussions</th><td>2</td><td>2</td>" in page
    assert 'href="/api/vetnet/hub/"' in page
