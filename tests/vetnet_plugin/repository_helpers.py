"""Accepted, pending and rejected practices for the repository tests, made through the track's API."""
from __future__ import annotations

from opaque_keys.edx.keys import CourseKey
from openedx_events.learning.data import CertificateData, CourseData, UserData, UserPersonalData

from tests.factories import COURSE_KEY, UserFactory
from vetnet_plugin import api

from .best_practice_helpers import USAGE_KEY, configure, learner, write_and_submit

_counter = iter(range(1, 10_000_000))


def staff_user():
    return UserFactory(is_staff=True)


def graded(*, score=0.9, country="IT", title=None, approve=False, staff=None, **profile):
    """A member's practice, graded by course staff at ``score`` (and approved if asked); returns (author, uuid)."""
    staff = staff or staff_user()
    author = learner(organisation="Scuola Edile", country=country)
    if profile:
        api.update_member_profile(user_id=author.id, changes=profile)
    practice = write_and_submit(author, title=title or f"Practice {next(_counter)}")
    api.override_grade(user=staff, course_key=COURSE_KEY, usage_key=USAGE_KEY, practice_uuid=practice.uuid,
                       score=score, reason="Graded by the course team.")
    if approve:
        api.approve_for_repository(user=staff, course_key=COURSE_KEY, usage_key=USAGE_KEY,
                                   practice_uuid=practice.uuid)
    return author, practice.uuid


def entries(user, **filters):
    page = api.list_repository(user=user, course_key=COURSE_KEY, filters=api.RepositoryFilters(**filters))
    return page


def titles(user, **filters) -> set[str]:
    return {entry.title for entry in entries(user, **filters).items}


def entry_of(user, title):
    return next(entry for entry in entries(user).items if entry.title == title)


def certificate(user, *, status="downloadable", course_key=COURSE_KEY):
    return CertificateData(
        user=UserData(id=user.id, is_active=True,
                      pii=UserPersonalData(username=user.username, email=user.email, name=user.get_full_name())),
        course=CourseData(course_key=CourseKey.from_string(course_key), display_name="Cooperation"),
        mode="verified", grade="0.9", download_url="", name=user.get_full_name(), current_status=status,
    )


__all__ = ["USAGE_KEY", "certificate", "configure", "entries", "entry_of", "graded", "learner", "staff_user",
           "titles", "write_and_submit"]
