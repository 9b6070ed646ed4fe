"""Grades: median or mean per criterion, the weighted total, disagreement, the waiting rule, overrides, quality."""
from datetime import timedelta

import pytest
from django.utils import timezone

from tests.factories import COURSE_KEY, UserFactory
from vetnet_plugin import api
from vetnet_plugin.best_practices.grading import aggregate
from vetnet_plugin.exceptions import AccessDenied, InvalidInput
from vetnet_plugin.models import BestPractice, BestPracticeAssignment, PeerReview

from .best_practice_helpers import USAGE_KEY, configure, learner, review, write_and_submit

pytestmark = pytest.mark.django_db


def test_the_median_per_criterion_and_the_weighted_total():
    criteria = configure().criteria
    result = aggregate(criteria, [{"relevance": 4, "evidence": 0}, {"relevance": 2, "evidence": 2},
                                  {"relevance": 4, "evidence": 2}], "median")
    values = {c["key"]: c["value"] for c in result["criteria"]}
    assert values == {"relevance": 4, "evidence": 2}
    assert result["score"] == 1.0
    # Relevance weighs twice as much as evidence: (2 * 2/4 + 1 * 0/2) / 3.
    assert aggregate(criteria, [{"relevance": 2, "evidence": 0}], "median")["score"] == pytest.approx(1 / 3, abs=1e-4)


def test_the_mean_when_the_trainer_selects_it():
    criteria = configure(aggregation="mean").criteria
    result = aggregate(criteria, [{"relevance": 4, "evidence": 0}, {"relevance": 2, "evidence": 1},
                                  {"relevance": 0, "evidence": 2}], "mean")
    assert {c["key"]: c["value"] for c in result["criteria"]} == {"relevance": 2, "evidence": 1}
    assert result["score"] == 0.5


def _graded_pair(**settings):
    configure(reviews_required=1, reviews_to_give=1, **settings)
    author, reviewer = learner(), learner()
    write_and_submit(author)
    write_and_submit(reviewer)
    return author, reviewer


def test_the_learner_sees_the_grade_and_how_it_was_computed_once_their_own_reviews_are_done():
    author, reviewer = _graded_pair()
    # With two learners, the only practice the reviewer may review is the author's.
    review(reviewer, api.request_review(user=reviewer, course_key=COURSE_KEY, usage_key=USAGE_KEY),
           relevance=2, evidence=2, feedback="Add *figures*.")

    before = api.get_learner_view(user=author, course_key=COURSE_KEY, usage_key=USAGE_KEY)
    assert not before.can_see_received and before.practice.grade is None and before.received == ()
    assert "Finish your reviews" in before.message
    review(author, api.request_review(user=author, course_key=COURSE_KEY, usage_key=USAGE_KEY))

    after = api.get_learner_view(user=author, course_key=COURSE_KEY, usage_key=USAGE_KEY)
    assert after.can_see_received
    grade = after.practice.grade
    assert grade.method == "median" and grade.review_count == 1 and grade.completed_by == "reviews"
    assert [(c.key, c.value, c.max_points, c.weight) for c in grade.criteria] == [
        ("relevance", 2, 4, 2), ("evidence", 2, 2, 1)]
    assert grade.percent == 67
    assert after.received[0].overall_feedback_html == "<p>Add <em>figures</em>.</p>"
    assert api.learner_score(user_id=author.id, usage_key=USAGE_KEY) == pytest.approx(0.6667)


def test_reviews_that_disagree_beyond_the_spread_flag_the_practice_to_staff():
    configure(reviews_required=2, reviews_to_give=2, disagreement_spread=0.5)
    users = [learner() for _ in range(3)]
    for user in users:
        write_and_submit(user)
    target = BestPractice.objects.get(author=users[0])
    for reviewer, points in ((users[1], 0), (users[2], 4)):
        PeerReview.objects.create(practice=target, reviewer=reviewer, lease_expires=timezone.now() + timedelta(1))
        lease = PeerReview.objects.get(practice=target, reviewer=reviewer)
        api.submit_review(user=reviewer, course_key=COURSE_KEY, usage_key=USAGE_KEY, review_uuid=lease.uuid,
                          scores={"relevance": points, "evidence": 1}, overall_feedback="Noted.")

    target.refresh_from_db()
    assert target.status == BestPractice.GRADED and target.flagged
    staff = UserFactory(is_staff=True)
    flagged = api.list_submissions(user=staff, course_key=COURSE_KEY, usage_key=USAGE_KEY, state="flagged").items
    assert [row.uuid for row in flagged] == [str(target.uuid)]


def _past_waiting(**settings):
    configure(review_due=timezone.now() - timedelta(hours=73), waiting_hours=72, reviews_required=3, **settings)


def test_the_waiting_rule_completes_the_grade_with_the_reviews_there_are_and_tells_the_learner():
    _past_waiting()
    author, reviewer = learner(), learner()
    write_and_submit(author)
    write_and_submit(reviewer)
    review(reviewer, api.request_review(user=reviewer, course_key=COURSE_KEY, usage_key=USAGE_KEY))

    assert api.apply_waiting_rule() == {"completed": 1, "staff": 1}

    view = api.get_learner_view(user=author, course_key=COURSE_KEY, usage_key=USAGE_KEY)
    assert view.practice.grade.completed_by == "waiting_rule" and view.practice.grade.review_count == 1
    assert "completed with the reviews you received" in view.message
    # The reviewer's own practice had no review at all: staff take it over, and they are told.
    other = api.get_learner_view(user=reviewer, course_key=COURSE_KEY, usage_key=USAGE_KEY)
    assert other.practice.grade is None and "course staff will review" in other.message
    # Applying the rule again changes nothing.
    assert api.apply_waiting_rule() == {}


def test_the_waiting_rule_waits_for_its_time():
    configure(review_due=timezone.now() - timedelta(hours=10), waiting_hours=72)
    write_and_submit(learner())
    assert api.apply_waiting_rule() == {}
    assert api.apply_waiting_rule(now=timezone.now() + timedelta(hours=63)) == {"staff": 1}


def test_the_waiting_rule_can_hand_practices_to_an_expert_who_grades_them():
    expert = learner()
    _past_waiting(waiting_action="expert", experts=[expert.username])
    author = learner()
    write_and_submit(author)

    assert api.apply_waiting_rule() == {"expert": 1}

    view = api.get_learner_view(user=author, course_key=COURSE_KEY, usage_key=USAGE_KEY)
    assert "expert reviewer" in view.message
    lease = api.get_learner_view(user=expert, course_key=COURSE_KEY, usage_key=USAGE_KEY).lease
    assert lease.kind == "expert" and lease.expires is None
    review(expert, lease, relevance=4, evidence=1)
    graded = api.get_learner_view(user=author, course_key=COURSE_KEY, usage_key=USAGE_KEY).practice
    assert graded.grade is not None and graded.grade.review_count == 1


def test_the_waiting_rule_hands_practices_to_staff_when_the_trainer_says_so():
    _past_waiting(waiting_action="staff")
    author, reviewer = learner(), learner()
    write_and_submit(author)
    write_and_submit(reviewer)
    review(reviewer, api.request_review(user=reviewer, course_key=COURSE_KEY, usage_key=USAGE_KEY))
    assert api.apply_waiting_rule() == {"staff": 2}
    staff = UserFactory(is_staff=True)
    waiting = api.list_submissions(user=staff, course_key=COURSE_KEY, usage_key=USAGE_KEY, state="waiting").items
    assert {row.waiting_outcome for row in waiting} == {"staff"} and len(waiting) == 2


def test_staff_override_a_grade_with_a_reason_the_learner_reads():
    author, reviewer = _graded_pair()
    staff = UserFactory(is_staff=True)
    practice = BestPractice.objects.get(author=author)

    with pytest.raises(InvalidInput):
        api.override_grade(user=staff, course_key=COURSE_KEY, usage_key=USAGE_KEY, practice_uuid=practice.uuid,
                           score=0.9, reason="")
    with pytest.raises(AccessDenied):
        api.override_grade(user=reviewer, course_key=COURSE_KEY, usage_key=USAGE_KEY, practice_uuid=practice.uuid,
                           score=1, reason="Mine")
    api.override_grade(user=staff, course_key=COURSE_KEY, usage_key=USAGE_KEY, practice_uuid=practice.uuid,
                       score=0.9, reason="An expert panel rated the evidence **very strong**.")

    view = api.get_learner_view(user=author, course_key=COURSE_KEY, usage_key=USAGE_KEY)
    assert view.practice.grade.score == 0.9 and view.practice.grade.method == "override"
    assert "very strong" in view.practice.grade.override_reason
    assert api.learner_score(user_id=author.id, usage_key=USAGE_KEY) == 0.9
    # A review arriving after the override does not undo it.
    lease = api.request_review(user=reviewer, course_key=COURSE_KEY, usage_key=USAGE_KEY)
    assert lease is None or lease.practice.uuid != str(practice.uuid)


def test_staff_approve_graded_practices_for_the_repository():
    author, reviewer = _graded_pair(repository_threshold=0.5)
    staff = UserFactory(is_staff=True)
    practice = BestPractice.objects.get(author=author)
    with pytest.raises(InvalidInput):
        api.approve_for_repository(user=staff, course_key=COURSE_KEY, usage_key=USAGE_KEY,
                                   practice_uuid=practice.uuid)
    lease = PeerReview.objects.create(practice=practice, reviewer=reviewer,
                                      lease_expires=timezone.now() + timedelta(hours=1))
    api.submit_review(user=reviewer, course_key=COURSE_KEY, usage_key=USAGE_KEY, review_uuid=lease.uuid,
                      scores={"relevance": 4, "evidence": 1}, overall_feedback="Good.")

    row = api.list_submissions(user=staff, course_key=COURSE_KEY, usage_key=USAGE_KEY, state="graded").items[0]
    assert row.repository_eligible and not row.repository_approved
    approved = api.approve_for_repository(user=staff, course_key=COURSE_KEY, usage_key=USAGE_KEY,
                                          practice_uuid=practice.uuid)
    assert approved.repository_approved


def test_calibration_comes_first_and_shows_the_distance_from_the_trainer():
    configure(reviews_required=1, calibration_text="An **example** practice.",
              calibration_reference={"relevance": 4, "evidence": 2})
    author, reviewer = learner(), learner()
    write_and_submit(author)
    write_and_submit(reviewer)
    view = api.get_learner_view(user=reviewer, course_key=COURSE_KEY, usage_key=USAGE_KEY)
    assert view.calibration_needed and "<strong>example</strong>" in view.calibration_text_html
    with pytest.raises(InvalidInput):
        api.request_review(user=reviewer, course_key=COURSE_KEY, usage_key=USAGE_KEY)

    result = api.calibrate(user=reviewer, course_key=COURSE_KEY, usage_key=USAGE_KEY,
                           scores={"relevance": 2, "evidence": 2})

    assert result.criteria == (("relevance", "Relevance to the labour market", 2, 4),
                               ("evidence", "Results and evidence", 2, 2))
    assert result.distance == 0.25  # half the relevance scale, none of the evidence's: (0.5 + 0) / 2
    assert api.request_review(user=reviewer, course_key=COURSE_KEY, usage_key=USAGE_KEY) is not None


def test_staff_see_each_reviewers_distance_from_the_consensus_and_the_trainer():
    configure(reviews_required=2, reviews_to_give=2, calibration_text="Example.",
              calibration_reference={"relevance": 4, "evidence": 2}, disagreement_spread=1)
    users = [learner() for _ in range(3)]
    for user in users:
        write_and_submit(user)
        api.calibrate(user=user, course_key=COURSE_KEY, usage_key=USAGE_KEY, scores={"relevance": 4, "evidence": 2})
    target = BestPractice.objects.get(author=users[0])
    for reviewer, points in ((users[1], 4), (users[2], 0)):
        lease = PeerReview.objects.create(practice=target, reviewer=reviewer,
                                          lease_expires=timezone.now() + timedelta(hours=1))
        api.submit_review(user=reviewer, course_key=COURSE_KEY, usage_key=USAGE_KEY, review_uuid=lease.uuid,
                          scores={"relevance": points, "evidence": 2}, overall_feedback="Noted.")

    quality = {q.user_id: q for q in api.list_reviewer_quality(
        user=UserFactory(is_staff=True), course_key=COURSE_KEY, usage_key=USAGE_KEY)}

    # The median of 4 and 0 is 2: each reviewer is half the relevance scale away, on one of two criteria.
    assert quality[users[1].id].consensus_distance == 0.25 and quality[users[1].id].reviews == 1
    assert quality[users[2].id].consensus_distance == 0.25
    assert quality[users[0].id].consensus_distance is None and quality[users[0].id].calibration_distance == 0


def test_a_self_assessment_is_shown_but_never_counted():
    configure(reviews_required=1, reviews_to_give=0, self_assessment=True)
    author, reviewer = learner(), learner()
    write_and_submit(author)
    write_and_submit(reviewer)
    api.submit_self_assessment(user=author, course_key=COURSE_KEY, usage_key=USAGE_KEY,
                               scores={"relevance": 0, "evidence": 0})
    practice = BestPractice.objects.get(author=author)
    lease = PeerReview.objects.create(practice=practice, reviewer=reviewer,
                                      lease_expires=timezone.now() + timedelta(hours=1))
    api.submit_review(user=reviewer, course_key=COURSE_KEY, usage_key=USAGE_KEY, review_uuid=lease.uuid,
                      scores={"relevance": 4, "evidence": 2}, overall_feedback="Strong.")

    view = api.get_learner_view(user=author, course_key=COURSE_KEY, usage_key=USAGE_KEY)
    assert view.practice.grade.score == 1.0
    assert sorted(r.kind for r in view.received) == ["peer", "self"]
    assert BestPracticeAssignment.objects.get().self_assessment


def test_the_waiting_rule_runs_hourly_from_the_beat_schedule_beside_the_digests(settings):
    from vetnet_plugin.tasks import apply_best_practice_waiting_rule  # pylint: disable=import-outside-toplevel

    entry = settings.CELERY_BEAT_SCHEDULE["vetnet-best-practice-waiting-rule"]
    assert entry["task"] == apply_best_practice_waiting_rule.name and entry["schedule"] == 3600.0
    assert "vetnet-discussion-digests" in settings.CELERY_BEAT_SCHEDULE
    _past_waiting()
    author, reviewer = learner(), learner()
    write_and_submit(author)
    write_and_submit(reviewer)
    review(reviewer, api.request_review(user=reviewer, course_key=COURSE_KEY, usage_key=USAGE_KEY))

    apply_best_practice_waiting_rule.delay()

    assert BestPractice.objects.filter(waiting_outcome="completed").count() == 1
