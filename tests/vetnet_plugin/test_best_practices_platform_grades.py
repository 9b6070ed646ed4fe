"""
On the platform, a grade completed outside the learner's visit is handed to
the LMS's grades the way the LMS takes a block's score: the raw score in the
courseware student module, then the grades app's ``PROBLEM_RAW_SCORE_CHANGED``.
A stand-in of those two platform modules records what the plugin did.
"""
import sys
import types
from datetime import UTC, datetime

import pytest
from django.dispatch import Signal
from opaque_keys.edx.keys import UsageKey

from tests.factories import COURSE_KEY, UserFactory
from vetnet_plugin import api, compat

from .best_practice_helpers import USAGE_KEY, configure, learner, write_and_submit

pytestmark = pytest.mark.django_db

MODIFIED = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)


@pytest.fixture
def platform(monkeypatch):
    """The LMS's ``courseware.model_data.set_score`` and ``grades.api`` (its signals and constants)."""
    stored, sent = [], []

    def set_score(user_id, usage_key, score, max_score):
        stored.append((user_id, usage_key, score, max_score))
        return MODIFIED

    raw_score_changed = Signal()
    raw_score_changed.connect(lambda sender, **kwargs: sent.append(kwargs), weak=False)
    model_data = types.ModuleType("lms.djangoapps.courseware.model_data")
    model_data.set_score = set_score
    grades_api = types.ModuleType("lms.djangoapps.grades.api")
    grades_api.signals = types.SimpleNamespace(PROBLEM_RAW_SCORE_CHANGED=raw_score_changed)
    grades_api.constants = types.SimpleNamespace(
        ScoreDatabaseTableEnum=types.SimpleNamespace(courseware_student_module="csm"))
    for name in ("lms", "lms.djangoapps", "lms.djangoapps.courseware", "lms.djangoapps.grades"):
        monkeypatch.setitem(sys.modules, name, types.ModuleType(name))
    monkeypatch.setitem(sys.modules, "lms.djangoapps.courseware.model_data", model_data)
    monkeypatch.setitem(sys.modules, "lms.djangoapps.grades.api", grades_api)
    outside = []
    compat.score_published_outside_platform.connect(lambda sender, **kwargs: outside.append(kwargs), weak=False,
                                                    dispatch_uid="test_outside_platform")
    yield types.SimpleNamespace(stored=stored, sent=sent, outside=outside)
    compat.score_published_outside_platform.disconnect(dispatch_uid="test_outside_platform")


def test_a_staff_override_reaches_the_lms_grades_without_the_learner(platform, django_capture_on_commit_callbacks):
    configure()
    author = learner()
    practice = write_and_submit(author)
    staff = UserFactory(is_staff=True)

    with django_capture_on_commit_callbacks(execute=True):
        api.override_grade(user=staff, course_key=COURSE_KEY, usage_key=USAGE_KEY, practice_uuid=practice.uuid,
                           score=0.8, reason="Graded by the course team.")

    assert platform.stored == [(author.id, UsageKey.from_string(USAGE_KEY), 0.8, 1.0)]
    assert platform.sent == [{
        "signal": sys.modules["lms.djangoapps.grades.api"].signals.PROBLEM_RAW_SCORE_CHANGED,
        "raw_earned": 0.8, "raw_possible": 1.0, "weight": None, "user_id": author.id, "course_id": COURSE_KEY,
        "usage_id": USAGE_KEY, "only_if_higher": False, "modified": MODIFIED, "score_db_table": "csm",
        "score_deleted": False,
    }]
    assert platform.outside == []


def test_the_last_peer_review_reaches_the_lms_grades_once(platform, django_capture_on_commit_callbacks):
    configure(reviews_required=1, reviews_to_give=1)
    author, reviewer = learner(country="IT"), learner(country="ES")
    write_and_submit(author)
    write_and_submit(reviewer)
    lease = api.request_review(user=reviewer, course_key=COURSE_KEY, usage_key=USAGE_KEY)

    with django_capture_on_commit_callbacks(execute=True):
        api.submit_review(user=reviewer, course_key=COURSE_KEY, usage_key=USAGE_KEY, review_uuid=lease.uuid,
                          scores={"relevance": 4, "evidence": 1}, overall_feedback="Relevant; thin evidence.")

    # (2 × 4/4 + 1 × 1/2) / 3 = 0.8333
    assert platform.stored == [(author.id, UsageKey.from_string(USAGE_KEY), 0.8333, 1.0)]
    assert [kwargs["user_id"] for kwargs in platform.sent] == [author.id]


def test_nothing_reaches_the_platform_before_a_grade(platform, django_capture_on_commit_callbacks):
    configure(reviews_required=2)
    author, reviewer = learner(country="IT"), learner(country="ES")
    write_and_submit(author)
    write_and_submit(reviewer)
    lease = api.request_review(user=reviewer, course_key=COURSE_KEY, usage_key=USAGE_KEY)

    with django_capture_on_commit_callbacks(execute=True):
        api.submit_review(user=reviewer, course_key=COURSE_KEY, usage_key=USAGE_KEY, review_uuid=lease.uuid,
                          scores={"relevance": 4, "evidence": 1}, overall_feedback="One review of two.")

    assert platform.stored == [] and platform.sent == []
