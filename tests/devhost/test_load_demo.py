"""load_demo prepares the demo community, and can run again and again."""
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from openedx_events.learning.signals import COURSE_ENROLLMENT_CREATED

from devhost import demo
from devhost.models import Course, CourseAccessRole, Enrollment
from vetnet_plugin import api

pytestmark = pytest.mark.django_db

COURSE_KEY = "course-v1:VETNet+CoVP+2026"


def _run():
    out = StringIO()
    call_command("load_demo", "--url", "http://127.0.0.1:8123/", stdout=out)
    return out.getvalue()


def test_demo_prints_the_url_and_every_account_with_its_password():
    output = _run()

    assert "http://127.0.0.1:8123/" in output
    assert "Community of VET Practices (course-v1:VETNet+CoVP+2026)" in output
    for account in demo.ACCOUNTS:
        assert f"{account.username}" in output
    assert f"password: {demo.DEMO_PASSWORD}" in output


def test_demo_accounts_cover_the_partner_countries_a_trainer_and_a_policy_maker():
    _run()

    profiles = {
        account.username: api.get_member_profile(
            user_id=get_user_model().objects.get(username=account.username).id
        )
        for account in demo.ACCOUNTS
    }
    assert {"IT", "GR", "ES", "BE"} <= {profile.country for profile in profiles.values()}
    assert any(profile.organisation_type == "policy_maker" for profile in profiles.values())
    trainer = get_user_model().objects.get(username="trainer")
    assert trainer.is_staff
    assert CourseAccessRole.objects.filter(user=trainer, course_key=COURSE_KEY, role="instructor").exists()
    for username, profile in profiles.items():
        assert profile.organisation and profile.languages and profile.topics, username
        assert api.is_active_member(user_id=profile.user_id, course_key=COURSE_KEY), username


def test_running_the_demo_twice_changes_nothing_and_sends_no_second_enrollment():
    created = []

    def receiver(**kwargs):
        created.append(kwargs["enrollment"].user.id)

    COURSE_ENROLLMENT_CREATED.connect(receiver)
    try:
        _run()
        _run()
    finally:
        COURSE_ENROLLMENT_CREATED.disconnect(receiver)

    assert len(created) == len(demo.ACCOUNTS)
    assert Course.objects.count() == 1
    assert get_user_model().objects.count() == len(demo.ACCOUNTS)
    assert Enrollment.objects.filter(course_key=COURSE_KEY, is_active=True).count() == len(demo.ACCOUNTS)
    assert get_user_model().objects.get(username="marco").check_password(demo.DEMO_PASSWORD)
