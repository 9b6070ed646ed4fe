"""Factories for test data, shared by the whole suite."""
from datetime import UTC, datetime

import factory
from django.contrib.auth import get_user_model
from opaque_keys.edx.keys import CourseKey
from openedx_events.learning.data import CourseData, CourseEnrollmentData, UserData, UserPersonalData
from openedx_events.learning.signals import (
    COURSE_ENROLLMENT_CHANGED,
    COURSE_ENROLLMENT_CREATED,
    COURSE_UNENROLLMENT_COMPLETED,
)

COURSE_KEY = "course-v1:VETNet+CoVP+2026"
OTHER_COURSE_KEY = "course-v1:VETNet+Other+2026"


class UserFactory(factory.django.DjangoModelFactory):
    """An active account with a name, as the LMS would have."""

    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"member{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    password = factory.django.Password("password")
    is_active = True


def enrollment_data(user, course_key=COURSE_KEY, *, mode="audit", is_active=True):
    """The openedx-events payload the LMS sends for ``user`` in ``course_key``."""
    return CourseEnrollmentData(
        user=UserData(
            id=user.id,
            is_active=user.is_active,
            pii=UserPersonalData(username=user.username, email=user.email, name=user.get_full_name()),
        ),
        course=CourseData(course_key=CourseKey.from_string(str(course_key)), display_name="Community of VET Practices"),
        mode=mode,
        is_active=is_active,
        creation_date=datetime(2026, 1, 15, tzinfo=UTC),
    )


def enroll(user, course_key=COURSE_KEY, *, mode="audit"):
    """Enroll as the platform does: by sending the real COURSE_ENROLLMENT_CREATED event."""
    COURSE_ENROLLMENT_CREATED.send_event(enrollment=enrollment_data(user, course_key, mode=mode))


def change_enrollment(user, course_key=COURSE_KEY, *, mode="audit", is_active=True):
    """Send the real COURSE_ENROLLMENT_CHANGED event."""
    COURSE_ENROLLMENT_CHANGED.send_event(
        enrollment=enrollment_data(user, course_key, mode=mode, is_active=is_active)
    )


def unenroll(user, course_key=COURSE_KEY):
    """Send the real COURSE_UNENROLLMENT_COMPLETED event."""
    COURSE_UNENROLLMENT_COMPLETED.send_event(
        enrollment=enrollment_data(user, course_key, is_active=False)
    )


def member(course_key=COURSE_KEY, **profile):
    """A user enrolled in ``course_key`` with the given profile fields."""
    from vetnet_plugin import api  # pylint: disable=import-outside-toplevel

    user = UserFactory()
    enroll(user, course_key)
    if profile:
        api.update_member_profile(user_id=user.id, changes=profile)
    return user


def new_request():
    """Start a new request, as ``RequestCacheMiddleware`` does: nothing resolved in the last one is kept."""
    from edx_django_utils.cache import RequestCache  # pylint: disable=import-outside-toplevel

    RequestCache.clear_all_namespaces()
