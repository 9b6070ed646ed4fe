"""The platform's certificate events keep a member's badges: created, changed, revoked, the same event twice."""
from datetime import timedelta

import pytest
from django.utils import timezone
from opaque_keys.edx.keys import CourseKey
from openedx_events.learning.data import CertificateData, CourseData, UserData, UserPersonalData
from openedx_events.learning.signals import CERTIFICATE_CHANGED, CERTIFICATE_CREATED, CERTIFICATE_REVOKED

from tests.factories import COURSE_KEY, UserFactory
from vetnet_plugin import api
from vetnet_plugin.models import BestPractice, Credential, PeerReview

from .best_practice_helpers import USAGE_KEY, configure, learner, write_and_submit

pytestmark = pytest.mark.django_db


def certificate(user, *, status="downloadable", grade="0.82", course_key=COURSE_KEY):
    return CertificateData(
        user=UserData(id=user.id, is_active=True,
                      pii=UserPersonalData(username=user.username, email=user.email, name=user.get_full_name())),
        course=CourseData(course_key=CourseKey.from_string(course_key),
                          display_name="Cooperation: best practices and partnerships"),
        mode="verified", grade=grade, download_url="", name=user.get_full_name(), current_status=status,
    )


def test_a_created_certificate_puts_the_badge_on_the_members_profile():
    user = UserFactory()
    CERTIFICATE_CREATED.send_event(certificate=certificate(user))

    badges = api.list_member_credentials(user_id=user.id)

    assert [(b.course_key, b.course_name, b.grade, b.mode) for b in badges] == [
        (COURSE_KEY, "Cooperation: best practices and partnerships", "0.82", "verified")]


def test_the_same_event_twice_changes_nothing():
    user = UserFactory()
    CERTIFICATE_CREATED.send_event(certificate=certificate(user))
    first = api.list_member_credentials(user_id=user.id)

    CERTIFICATE_CREATED.send_event(certificate=certificate(user))

    assert api.list_member_credentials(user_id=user.id) == first
    assert Credential.objects.filter(user=user).count() == 1


def test_a_changed_certificate_follows_its_new_status():
    user = UserFactory()
    CERTIFICATE_CREATED.send_event(certificate=certificate(user))

    CERTIFICATE_CHANGED.send_event(certificate=certificate(user, grade="0.91"))
    assert api.list_member_credentials(user_id=user.id)[0].grade == "0.91"

    CERTIFICATE_CHANGED.send_event(certificate=certificate(user, status="notpassing"))
    assert api.list_member_credentials(user_id=user.id) == ()

    CERTIFICATE_CHANGED.send_event(certificate=certificate(user))
    assert len(api.list_member_credentials(user_id=user.id)) == 1


def test_a_revoked_certificate_removes_the_badge_and_the_label_on_practices():
    configure(reviews_required=1, anonymous=False)
    author, reviewer = learner(), learner()
    write_and_submit(author)
    write_and_submit(reviewer)
    CERTIFICATE_CREATED.send_event(certificate=certificate(author))
    practice = BestPractice.objects.get(author=author)
    PeerReview.objects.create(practice=practice, reviewer=reviewer, lease_expires=timezone.now() + timedelta(1))
    lease = api.get_learner_view(user=reviewer, course_key=COURSE_KEY, usage_key=USAGE_KEY).lease
    assert lease.practice.author_certified
    staff = UserFactory(is_staff=True)
    assert {row.author_id: row.author_certified for row in api.list_submissions(
        user=staff, course_key=COURSE_KEY, usage_key=USAGE_KEY).items}[author.id]

    CERTIFICATE_REVOKED.send_event(certificate=certificate(author, status="unavailable"))
    CERTIFICATE_REVOKED.send_event(certificate=certificate(author, status="unavailable"))

    assert api.list_member_credentials(user_id=author.id) == ()
    lease = api.get_learner_view(user=reviewer, course_key=COURSE_KEY, usage_key=USAGE_KEY).lease
    assert not lease.practice.author_certified


def test_an_anonymous_review_does_not_reveal_that_the_author_is_certified():
    configure(reviews_required=1, anonymous=True)
    author, reviewer = learner(), learner()
    write_and_submit(author)
    write_and_submit(reviewer)
    CERTIFICATE_CREATED.send_event(certificate=certificate(author))
    PeerReview.objects.create(practice=BestPractice.objects.get(author=author), reviewer=reviewer,
                              lease_expires=timezone.now() + timedelta(1))
    assert not api.get_learner_view(user=reviewer, course_key=COURSE_KEY, usage_key=USAGE_KEY).lease.practice \
        .author_certified


def test_badges_are_per_course_and_retirement_removes_them():
    user = UserFactory()
    CERTIFICATE_CREATED.send_event(certificate=certificate(user))
    CERTIFICATE_CREATED.send_event(certificate=certificate(user, course_key="course-v1:VETNet+Other+2026"))
    assert len(api.list_member_credentials(user_id=user.id)) == 2

    api.retire_member(user_id=user.id)

    assert api.list_member_credentials(user_id=user.id) == ()


def test_a_page_of_profiles_gets_each_members_badges_in_one_query(django_assert_num_queries):
    certified, revoked, never = UserFactory(), UserFactory(), UserFactory()
    CERTIFICATE_CREATED.send_event(certificate=certificate(certified))
    CERTIFICATE_CREATED.send_event(certificate=certificate(revoked))
    CERTIFICATE_REVOKED.send_event(certificate=certificate(revoked))

    with django_assert_num_queries(1):
        badges = api.list_members_credentials(user_ids=[certified.id, revoked.id, never.id])

    assert {user_id: [b.course_key for b in found] for user_id, found in badges.items()} == {
        certified.id: [COURSE_KEY], revoked.id: [], never.id: []}
