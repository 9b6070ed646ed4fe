"""
The waiting rule: no learner waits for ever for reviews.

A configurable time (by default 72 hours) after an assignment's review
deadline, each practice still short of reviews is graded with the reviews it
has, or handed to course staff or to an expert from the trainer's list; the
practice says which happened, and the learner's page tells them.
"""
from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone

from .grading import COMPLETED_BY_WAITING_RULE, grade_practice
from .models import BestPractice, BestPracticeAssignment, PeerReview


def _pick_expert(assignment: BestPracticeAssignment, practice: BestPractice) -> int | None:
    experts = [expert for expert in assignment.experts if expert != practice.author_id]
    if not experts:
        return None
    load = dict(
        PeerReview.objects.filter(reviewer_id__in=experts, kind=PeerReview.EXPERT, status=PeerReview.LEASED)
        .values_list("reviewer_id").annotate(n=Count("id")).values_list("reviewer_id", "n")
    )
    already = set(practice.reviews.filter(reviewer_id__in=experts).exclude(status=PeerReview.EXPIRED)
                  .values_list("reviewer_id", flat=True))
    free = [expert for expert in experts if expert not in already]
    return min(free, key=lambda expert: (load.get(expert, 0), expert)) if free else None


def _hand_to_expert(practice: BestPractice, assignment: BestPracticeAssignment) -> bool:
    expert = _pick_expert(assignment, practice)
    if expert is None:
        return False
    PeerReview.objects.update_or_create(
        practice=practice, reviewer_id=expert,
        defaults={"kind": PeerReview.EXPERT, "status": PeerReview.LEASED, "lease_expires": None},
    )
    return True


def apply_to_practice(practice: BestPractice, assignment: BestPracticeAssignment) -> str:
    """Apply the assignment's waiting rule to one practice (locked by the caller); returns the outcome."""
    outcome = BestPractice.WAITED_STAFF
    if assignment.waiting_action == BestPracticeAssignment.COMPLETE:
        if grade_practice(practice, assignment, completed_by=COMPLETED_BY_WAITING_RULE):
            outcome = BestPractice.WAITED_COMPLETED
            practice.reviews.filter(status=PeerReview.LEASED).update(status=PeerReview.EXPIRED)
        elif _hand_to_expert(practice, assignment):
            # Nothing to complete the grade with: an expert, if the trainer named any, else staff.
            outcome = BestPractice.WAITED_EXPERT
    elif assignment.waiting_action == BestPracticeAssignment.EXPERT and _hand_to_expert(practice, assignment):
        outcome = BestPractice.WAITED_EXPERT
    practice.waiting_outcome = outcome
    practice.save(update_fields=["waiting_outcome", "modified"])
    return outcome


def apply_waiting_rule(*, now=None) -> dict:
    """Apply every due assignment's waiting rule; returns how many practices had each outcome."""
    now = now or timezone.now()
    outcomes: dict[str, int] = {}
    due = [
        assignment for assignment in BestPracticeAssignment.objects.filter(review_due__isnull=False,
                                                                           review_due__lte=now)
        if assignment.review_due + timedelta(hours=assignment.waiting_hours) <= now
    ]
    for assignment in due:
        waiting = BestPractice.objects.filter(
            Q(assignment=assignment, status=BestPractice.SUBMITTED, waiting_outcome="")
        ).values_list("id", flat=True)
        for practice_id in list(waiting):
            with transaction.atomic():
                practice = BestPractice.objects.select_for_update().filter(
                    pk=practice_id, status=BestPractice.SUBMITTED, waiting_outcome="").first()
                if practice is None:
                    continue
                outcome = apply_to_practice(practice, assignment)
            outcomes[outcome] = outcomes.get(outcome, 0) + 1
    return outcomes
