"""
``manage.py vetnet_backfill_memberships``: enrollments made before VETNet was
installed (rows in the host's enrollment table that never sent an event)
become community members, once, without touching what the events keep.
"""
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.test import override_settings

from devhost.models import Enrollment
from vetnet_plugin import api
from vetnet_plugin.members.models import CourseMembership

pytestmark = pytest.mark.django_db

COURSE = "course-v1:VETNet+CVP+2026"
OTHER = "course-v1:VETNet+COOP+2026"


def _old_enrollments(count, course=COURSE, **fields):
    """Enrollments written straight to the table, as those made before the plugin existed."""
    users = [get_user_model().objects.create_user(f"old{course[-8:]}{i}", first_name=f"Old{i}", last_name="Member")
             for i in range(count)]
    for user in users:
        Enrollment.objects.create(user=user, course_key=course, **fields)
    return users


def _backfill(*args):
    out, err = StringIO(), StringIO()
    call_command("vetnet_backfill_memberships", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def _directory(user, course=COURSE):
    return api.list_community_members(user=user, course_key=course)


def test_members_enrolled_before_installation_appear_in_the_directory(settings):
    users = _old_enrollments(5)
    assert not CourseMembership.objects.exists()

    out, err = _backfill("--batch-size", "2")

    assert "Created 5 memberships; 0 were already there." in out
    assert "5/5" in err  # the progress bar counted every enrollment
    page = _directory(users[0])
    assert sorted(member.username for member in page.items) == sorted(user.username for user in users)


# MariaDB's FULLTEXT index sees committed rows only, as in production.
@pytest.mark.django_db(transaction=True)
def test_name_search_finds_a_backfilled_member():
    users = _old_enrollments(4)

    _backfill("--no-progress")

    # The directory's copied name columns are filled, so name search finds a backfilled member.
    found = api.list_community_members(
        user=users[0], course_key=COURSE, filters=api.DirectoryFilters(search="old3")
    )
    assert [member.username for member in found.items] == [users[3].username]


def test_running_it_twice_changes_nothing_and_keeps_what_events_recorded():
    users = _old_enrollments(3)
    _backfill("--no-progress")
    # Later, an unenrollment event deactivates one membership; the stale table row says active.
    api.record_unenrollment(user_id=users[0].id, course_key=COURSE)

    out, _err = _backfill("--no-progress")

    assert "Created 0 memberships; 3 were already there." in out
    assert CourseMembership.objects.filter(course_key=COURSE).count() == 3
    assert not CourseMembership.objects.get(user=users[0]).is_active
    assert not api.is_active_member(user_id=users[0].id, course_key=COURSE)


def test_inactive_enrollments_become_inactive_memberships_with_their_mode():
    (user,) = _old_enrollments(1, mode="verified", is_active=False)

    _backfill("--no-progress")

    membership = CourseMembership.objects.get(user=user)
    assert (membership.mode, membership.is_active) == ("verified", False)
    assert not api.is_active_member(user_id=user.id, course_key=COURSE)


def test_one_course_only():
    _old_enrollments(2, course=COURSE)
    others = _old_enrollments(2, course=OTHER)

    out, _err = _backfill("--course", OTHER, "--no-progress")

    assert "Created 2 memberships" in out
    assert set(CourseMembership.objects.values_list("user_id", flat=True)) == {user.id for user in others}


def test_bad_arguments_are_clear_errors():
    with pytest.raises(CommandError, match="not a valid course key|course key"):
        _backfill("--course", "not a key", "--no-progress")
    with pytest.raises(CommandError, match="at least 1"):
        _backfill("--batch-size", "0", "--no-progress")


@override_settings(VETNET_ENROLLMENT_SOURCE=None)
def test_outside_the_platform_without_a_source_it_says_so():
    with pytest.raises(CommandError, match="platform is not installed"):
        _backfill("--no-progress")
