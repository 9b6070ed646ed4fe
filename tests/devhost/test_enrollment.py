"""Enrollment is the host's; VETNet hears of it only through the real openedx-events signals."""
import pytest
from openedx_events.learning.signals import (
    COURSE_ENROLLMENT_CHANGED,
    COURSE_ENROLLMENT_CREATED,
    COURSE_UNENROLLMENT_COMPLETED,
)

from devhost.models import Enrollment
from vetnet_plugin import api

pytestmark = pytest.mark.django_db


@pytest.fixture
def sent_events():
    """Every enrollment event sent, as (event type, payload)."""
    sent = []

    def receiver(signal, sender, **kwargs):  # pylint: disable=unused-argument
        sent.append((kwargs["metadata"].event_type, kwargs["enrollment"]))

    signals = (COURSE_ENROLLMENT_CREATED, COURSE_ENROLLMENT_CHANGED, COURSE_UNENROLLMENT_COMPLETED)
    for signal in signals:
        signal.connect(receiver)
    yield sent
    for signal in signals:
        signal.disconnect(receiver)


def _enroll(client, course):
    return client.post(f"/courses/{course.course_key}/enroll/")


def test_enrolling_sends_the_real_event_and_the_plugin_follows(client, template_course, learner, sent_events):
    client.force_login(learner)

    response = _enroll(client, template_course)

    assert response.status_code == 302
    assert [event_type for event_type, _data in sent_events] == [COURSE_ENROLLMENT_CREATED.event_type]
    payload = sent_events[0][1]
    assert payload.user.id == learner.id
    assert str(payload.course.course_key) == template_course.course_key
    assert payload.course.display_name == "Community of VET Practices"
    assert payload.is_active is True
    assert api.is_active_member(user_id=learner.id, course_key=template_course.course_key)


def test_enrolling_twice_sends_one_event(client, template_course, learner, sent_events):
    client.force_login(learner)

    _enroll(client, template_course)
    _enroll(client, template_course)

    assert len(sent_events) == 1
    assert Enrollment.objects.filter(user=learner).count() == 1


def test_leaving_and_coming_back(client, template_course, learner, sent_events):
    client.force_login(learner)
    _enroll(client, template_course)

    client.post(f"/courses/{template_course.course_key}/unenroll/")
    assert not api.is_active_member(user_id=learner.id, course_key=template_course.course_key)

    _enroll(client, template_course)
    assert api.is_active_member(user_id=learner.id, course_key=template_course.course_key)
    assert [event_type for event_type, _data in sent_events] == [
        COURSE_ENROLLMENT_CREATED.event_type,
        COURSE_UNENROLLMENT_COMPLETED.event_type,
        COURSE_ENROLLMENT_CHANGED.event_type,
    ]


def test_enrolling_needs_a_logged_in_user_and_a_post(client, template_course, learner):
    assert _enroll(client, template_course)["Location"].startswith("/login/")
    client.force_login(learner)
    assert client.get(f"/courses/{template_course.course_key}/enroll/").status_code == 405
    assert not Enrollment.objects.exists()


def test_enrolling_in_an_unknown_course_is_a_404(client, learner):
    client.force_login(learner)

    assert client.post("/courses/course-v1:VETNet+Nope+2026/enroll/").status_code == 404
    assert client.post("/courses/not-a-key/enroll/").status_code == 404
