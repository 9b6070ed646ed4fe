"""Course-community membership follows the platform's real enrollment events."""
import pytest

from tests.factories import COURSE_KEY, UserFactory, change_enrollment, enroll, unenroll
from vetnet_plugin import api
from vetnet_plugin.models import CourseMembership

pytestmark = pytest.mark.django_db


def test_enrollment_event_makes_the_user_a_member():
    user = UserFactory()
    assert not api.is_active_member(user_id=user.id, course_key=COURSE_KEY)

    enroll(user, mode="verified")

    membership = api.get_membership(user_id=user.id, course_key=COURSE_KEY)
    assert membership.is_active and membership.mode == "verified"
    assert api.is_active_member(user_id=user.id, course_key=COURSE_KEY)


def test_the_same_event_twice_changes_nothing():
    user = UserFactory()
    enroll(user)
    first = api.get_membership(user_id=user.id, course_key=COURSE_KEY)

    enroll(user)

    assert CourseMembership.objects.filter(user=user).count() == 1
    assert api.get_membership(user_id=user.id, course_key=COURSE_KEY) == first


def test_unenrollment_ends_membership_and_reenrollment_restores_it():
    user = UserFactory()
    enroll(user)

    unenroll(user)
    unenroll(user)  # idempotent
    assert not api.is_active_member(user_id=user.id, course_key=COURSE_KEY)

    change_enrollment(user, mode="audit", is_active=True)
    assert api.is_active_member(user_id=user.id, course_key=COURSE_KEY)
    assert CourseMembership.objects.filter(user=user).count() == 1


def test_changed_event_follows_mode_and_deactivation():
    user = UserFactory()
    enroll(user, mode="audit")

    change_enrollment(user, mode="verified", is_active=True)
    assert api.get_membership(user_id=user.id, course_key=COURSE_KEY).mode == "verified"

    change_enrollment(user, mode="verified", is_active=False)
    assert not api.is_active_member(user_id=user.id, course_key=COURSE_KEY)


def test_membership_is_per_course():
    user = UserFactory()
    enroll(user, "course-v1:VETNet+Other+2026")
    assert not api.is_active_member(user_id=user.id, course_key=COURSE_KEY)
    assert api.is_active_member(user_id=user.id, course_key="course-v1:VETNet+Other+2026")


def test_platform_retirement_signal_erases_the_members_data():
    from vetnet_plugin import compat, receivers  # pylint: disable=import-outside-toplevel

    user = UserFactory()
    enroll(user)
    api.update_member_profile(user_id=user.id, changes={"organisation": "EPFQL", "bio": "About me"})

    receivers.on_user_retired(sender=None, user=user)

    assert api.get_member_profile(user_id=user.id).bio == ""
    assert api.get_membership(user_id=user.id, course_key=COURSE_KEY) is None
    # Outside the platform its retirement signals do not exist; nothing is connected.
    assert compat.connect_retirement_receivers(receivers.on_user_retired) is False


def test_retirement_signal_scrubs_the_original_address_the_platform_passes():
    from vetnet_plugin import receivers  # pylint: disable=import-outside-toplevel
    from vetnet_plugin.privacy.scrub import MARKER  # pylint: disable=import-outside-toplevel

    leaving, staying = UserFactory(), UserFactory()
    enroll(leaving)
    enroll(staying)
    # Another member quotes the address the platform has already replaced on the account.
    api.update_member_profile(user_id=staying.id, changes={"bio": "Ask old.address@example.org about it."})
    leaving.email = "retired__user_1@retired.invalid"
    leaving.save()

    receivers.on_user_retired(sender=None, user=leaving, email="old.address@example.org", new_email=leaving.email)

    assert api.get_member_profile(user_id=staying.id).bio == f"Ask {MARKER} about it."
