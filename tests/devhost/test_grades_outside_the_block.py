"""
A best-practice grade completed while the learner is away reaches the
platform's grades (the host's grade store) and, if the learner passes, the
platform's certificate: after the waiting rule, after another reviewer's last
review, and after a staff override. The learner never opens the block again.
"""
from datetime import timedelta

import pytest
from django.utils import timezone

from devhost import certificates, enrollment, olx
from devhost.models import Course, Grade
from devhost.runtime import HostRuntime
from tests.factories import UserFactory
from vetnet_plugin import api
from vetnet_plugin.best_practices.tasks import apply_best_practice_waiting_rule

pytestmark = pytest.mark.django_db

TOP_MARKS = {"relevance": 4, "evidence": 4, "transferability": 4}


@pytest.fixture
def course(db):  # pylint: disable=unused-argument
    return olx.load_course(olx.templates_dir() / "cooperation-best-practices")


def _usage_key(course, topic):
    return str(HostRuntime(course_key=course.course_key, user=UserFactory()).course_key.make_usage_key(
        "vetnet_best_practice", f"coop_{topic}_best_practice"))


def _assignment(course, topic="labour_market", **changes):
    """The plugin's copy of the block's Studio settings, as the block hands it over when first shown."""
    staff = UserFactory(is_staff=True)
    runtime = HostRuntime(course_key=course.course_key, user=staff)
    block = runtime.get_block(runtime.course_key.make_usage_key("vetnet_best_practice", f"coop_{topic}_best_practice"))
    api.configure_best_practice(**{**block.track_settings(), **changes})
    return str(block.scope_ids.usage_id)


def _learners(course, count):
    learners = []
    for index in range(count):
        user = UserFactory(username=f"learner{index}")
        enrollment.enroll(user, course.course_key)
        learners.append(user)
    return learners


def _submit(user, course, usage_key):
    draft = api.save_draft(user=user, course_key=course.course_key, usage_key=usage_key,
                           title=f"Practice of {user.username}",
                           sections={"context": "Craft SMEs in the region.", "challenge": "Few apprentices.",
                                     "approach": "Mentors shared between workshops.",
                                     "results": "Twice as many apprentices.", "transferability": "Any district."})
    api.submit_practice(user=user, course_key=course.course_key, usage_key=usage_key, version=draft.version)


def _review(reviewer, course, usage_key, scores=None):
    lease = api.request_review(user=reviewer, course_key=course.course_key, usage_key=usage_key)
    assert lease is not None
    api.submit_review(user=reviewer, course_key=course.course_key, usage_key=usage_key, review_uuid=lease.uuid,
                      scores=scores or TOP_MARKS, overall_feedback="Clear, measured and ready to adopt.")
    return lease


def _already_graded(user, course, *topics):
    """Scores the learner earned in other assignments (published when they used those blocks)."""
    runtime = HostRuntime(course_key=course.course_key, user=user)
    for topic in topics:
        block = runtime.get_block(runtime.course_key.make_usage_key("vetnet_best_practice",
                                                                    f"coop_{topic}_best_practice"))
        runtime.publish(block, "grade", {"value": 1.0, "max_value": 1.0})


def _host_grade(user, usage_key):
    return Grade.objects.filter(user=user, usage_key=usage_key).values_list("earned", "possible").first()


def test_the_waiting_rule_completes_grades_that_reach_the_platform_and_its_certificate(
        course, django_capture_on_commit_callbacks):
    usage_key = _assignment(course, review_due=timezone.now() - timedelta(hours=73))
    learners = _learners(course, 3)
    for user in learners:
        _submit(user, course, usage_key)
    # Three learners, three reviews needed each: every practice is two reviews short.
    for reviewer in learners:
        _review(reviewer, course, usage_key)
        _review(reviewer, course, usage_key)
    assert Grade.objects.filter(usage_key=usage_key).count() == 0
    _already_graded(learners[0], course, "didactics", "competences")

    with django_capture_on_commit_callbacks(execute=True):
        apply_best_practice_waiting_rule()

    for user in learners:
        assert _host_grade(user, usage_key) == (1.0, 1.0)
    # (1 + 1 + 1 + 0) / 4 = 0.75 passes the cut-off of 0.6: the platform's certificate, and the badge.
    assert certificates.course_grade(user_id=learners[0].id, course_key=course.course_key).percent == 0.75
    badges = api.list_member_credentials(user_id=learners[0].id)
    assert [badge.course_key for badge in badges] == [course.course_key]
    # One assignment is not a pass: no certificate for the others.
    assert api.list_member_credentials(user_id=learners[1].id) == ()


def test_another_reviewers_last_review_publishes_the_authors_grade(course, django_capture_on_commit_callbacks):
    usage_key = _assignment(course)
    author, *reviewers = _learners(course, 4)
    _submit(author, course, usage_key)
    for reviewer in reviewers:
        _submit(reviewer, course, usage_key)
    _already_graded(author, course, "didactics", "competences")
    author_practice = api.get_learner_view(user=author, course_key=course.course_key, usage_key=usage_key).practice
    marks = {"relevance": 4, "evidence": 2, "transferability": 2}
    reviews_of_author = 0
    while reviews_of_author < 3:
        for reviewer in reviewers:
            lease = api.request_review(user=reviewer, course_key=course.course_key, usage_key=usage_key)
            if lease is None:
                continue
            last = lease.practice.uuid == author_practice.uuid and reviews_of_author == 2
            if last:
                assert _host_grade(author, usage_key) is None
            with django_capture_on_commit_callbacks(execute=True):
                api.submit_review(user=reviewer, course_key=course.course_key, usage_key=usage_key,
                                  review_uuid=lease.uuid, scores=marks, overall_feedback="Measured, mostly.")
            reviews_of_author += lease.practice.uuid == author_practice.uuid
            if last:
                break

    # Median per criterion: relevance 4/4 (weight 2), evidence 2/4 (weight 2), transferability 2/4 (weight 1).
    assert _host_grade(author, usage_key) == (0.7, 1.0)
    assert [badge.grade for badge in api.list_member_credentials(user_id=author.id)] == ["0.675"]


def test_a_staff_override_reaches_the_platform_each_time(course, django_capture_on_commit_callbacks):
    usage_key = _assignment(course)
    learner, _other = _learners(course, 2)
    _submit(learner, course, usage_key)
    staff = UserFactory(is_staff=True)
    practice = api.list_submissions(user=staff, course_key=course.course_key, usage_key=usage_key,
                                    search=learner.username).items[0]

    with django_capture_on_commit_callbacks(execute=True):
        api.override_grade(user=staff, course_key=course.course_key, usage_key=usage_key,
                           practice_uuid=practice.uuid, score=0.9, reason="Reviewed by the course team.")
    assert _host_grade(learner, usage_key) == (0.9, 1.0)

    with django_capture_on_commit_callbacks(execute=True):
        api.override_grade(user=staff, course_key=course.course_key, usage_key=usage_key,
                           practice_uuid=practice.uuid, score=0.4, reason="The evidence section was copied.")
    assert _host_grade(learner, usage_key) == (0.4, 1.0)


def test_scores_for_courses_the_host_does_not_hold_are_ignored(course):
    from vetnet_plugin import compat  # pylint: disable=import-outside-toplevel

    learner = UserFactory()
    assert compat.publish_score(user_id=learner.id, raw_earned=1.0, raw_possible=1.0,
                                usage_key="block-v1:Else+X+2026+type@vetnet_best_practice+block@bp") is False
    assert not Grade.objects.filter(user=learner).exists()
    assert Course.objects.filter(course_key=course.course_key).exists()
