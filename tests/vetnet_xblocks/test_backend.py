"""The blocks reach community data through ``vetnet_xblocks.backend``, which speaks the public API."""
import pytest
from django.contrib.auth import get_user_model

from vetnet_plugin import api
from vetnet_plugin.exceptions import AccessDenied
from vetnet_xblocks import backend
from vetnet_xblocks.mixins import ANONYMOUS, BlockUser

from .runtime import COURSE_KEY


@pytest.fixture
def member():
    user = get_user_model().objects.create_user(username="eleni", password="-")
    api.record_enrollment(user_id=user.id, course_key=COURSE_KEY, mode="audit")
    return BlockUser(user_id=user.id, username=user.username)


@pytest.mark.django_db
def test_an_enrolled_learner_is_a_community_member(member):
    assert backend.is_community_member(user=member, course_key=COURSE_KEY)
    assert backend.member_profile(user=member).username == "eleni"


@pytest.mark.django_db
def test_an_unenrolled_learner_is_not_a_member_and_is_refused_with_the_given_message(member):
    api.record_unenrollment(user_id=member.user_id, course_key=COURSE_KEY)

    assert not backend.is_community_member(user=member, course_key=COURSE_KEY)
    with pytest.raises(AccessDenied, match="Enrol in the course first."):
        backend.require_community_member(user=member, course_key=COURSE_KEY, message="Enrol in the course first.")


@pytest.mark.django_db
def test_course_staff_take_part_without_an_enrollment():
    staff = BlockUser(user_id=99, username="trainer", is_staff=True, role="staff")

    assert backend.is_community_member(user=staff, course_key=COURSE_KEY)


def test_anonymous_users_and_blocks_without_a_course_are_outside_every_community():
    assert not backend.is_community_member(user=ANONYMOUS, course_key=COURSE_KEY)
    assert not backend.is_community_member(user=BlockUser(user_id=1, is_staff=True), course_key="")
    assert backend.member_profile(user=ANONYMOUS) is None
