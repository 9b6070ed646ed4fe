"""
Turning reviews into a grade: the aggregate per criterion (median by default,
mean selectable), the weighted total, the disagreement flag, and each
reviewer's distance from the consensus.
"""
from __future__ import annotations

import logging
from statistics import mean, median

from django.db import transaction
from django.utils import timezone

from .. import compat
from . import data
from .assignments import criteria_of
from .models import BestPractice, BestPracticeAssignment, PeerReview
from .repository import sync_entry

# Kinds of review that count towards the grade (a self-assessment is shown, never counted).
GRADING_KINDS = (PeerReview.PEER, PeerReview.EXPERT, PeerReview.STAFF)

COMPLETED_BY_REVIEWS = "reviews"
COMPLETED_BY_WAITING_RULE = "waiting_rule"
COMPLETED_BY_OVERRIDE = "override"

# The block's ``max_score()``: a practice's grade is a share (0..1) of it.
MAX_SCORE = 1.0

log = logging.getLogger(__name__)


def aggregate(criteria: tuple[data.Criterion, ...], reviews: list[dict], method: str) -> dict:
    """
    The grade of a set of reviews (each ``{criterion key: points}``): per
    criterion the median or mean, its spread (0..1 of the criterion's points),
    and the weighted total (0..1).
    """
    combine = mean if method == BestPracticeAssignment.MEAN else median
    results, total, weights = [], 0.0, 0.0
    for criterion in criteria:
        maximum = criterion.max_points or 1.0
        points = [min(max(float(review[criterion.key]), 0.0), maximum)
                  for review in reviews if criterion.key in review]
        value = float(combine(points)) if points else 0.0
        spread = (max(points) - min(points)) / maximum if len(points) > 1 else 0.0
        results.append({"key": criterion.key, "value": value, "spread": round(spread, 4), "points": points})
        total += criterion.weight * value / maximum
        weights += criterion.weight
    return {"method": method, "criteria": results, "score": round(total / weights, 4) if weights else 0.0}


def grade_practice(practice: BestPractice, assignment: BestPracticeAssignment, *, completed_by: str) -> bool:
    """
    Compute and store the practice's grade from its submitted reviews.

    Returns False (and changes nothing) when no review counts yet. A grade
    staff set by hand is kept: reviews arriving later do not undo an override.
    """
    if practice.override_reason:
        return False
    reviews = list(
        practice.reviews.filter(status=PeerReview.SUBMITTED, kind__in=GRADING_KINDS).values_list("scores", flat=True)
    )
    if not reviews:
        return False
    result = aggregate(criteria_of(assignment), reviews, assignment.aggregation)
    practice.score = result["score"]
    practice.grade_detail = {**result, "reviews": len(reviews), "by": completed_by}
    practice.flagged = len(reviews) > 1 and any(
        c["spread"] > assignment.disagreement_spread for c in result["criteria"]
    )
    practice.status = BestPractice.GRADED
    practice.graded = timezone.now()
    practice.save(update_fields=["score", "grade_detail", "flagged", "status", "graded", "modified"])
    sync_entry(practice, assignment)
    publish_on_commit(practice)
    return True


def publish_on_commit(practice: BestPractice) -> None:
    """
    Once the grade is committed, hand it to the platform's grades, so a grade
    completed while the learner is away (the waiting rule, another reviewer's
    review, a staff override) counts without the learner opening the block.
    """
    practice_id = practice.pk
    transaction.on_commit(lambda: publish_grade(practice_id=practice_id), robust=True)


def publish_grade(*, practice_id: int) -> bool:
    """
    Publish the practice's grade as it stands now (read again, so a later
    grade committed meanwhile wins); False when there is nothing to publish.
    """
    row = (BestPractice.objects.filter(pk=practice_id, status=BestPractice.GRADED, score__isnull=False,
                                       author__isnull=False)
           .values_list("author_id", "assignment__usage_key", "score").first())
    if row is None:
        return False
    author_id, usage_key, score = row
    compat.publish_score(user_id=author_id, usage_key=usage_key, raw_earned=float(score) * MAX_SCORE,
                         raw_possible=MAX_SCORE)
    log.info("Published the best-practice grade of practice %s to the platform's grades.", practice_id)
    return True


def grade_of(practice: BestPractice, assignment: BestPracticeAssignment) -> data.Grade | None:
    """The practice's grade as the learner and staff see it, or None before it is graded."""
    if practice.status != BestPractice.GRADED or practice.score is None:
        return None
    detail = practice.grade_detail or {}
    by_key = {c["key"]: c for c in detail.get("criteria", ())}
    criteria = []
    for criterion in criteria_of(assignment):
        found = by_key.get(criterion.key, {})
        criteria.append(data.CriterionResult(
            key=criterion.key, label=criterion.label, weight=criterion.weight, max_points=criterion.max_points,
            value=float(found.get("value", 0)), points=tuple(found.get("points", ())),
            spread=float(found.get("spread", 0)),
        ))
    return data.Grade(
        score=practice.score, method=detail.get("method", assignment.aggregation), criteria=tuple(criteria),
        review_count=int(detail.get("reviews", 0)), completed_by=detail.get("by", COMPLETED_BY_REVIEWS),
        override_reason=practice.override_reason,
    )


def consensus_distance(criteria: tuple[data.Criterion, ...], scores: dict, consensus: dict) -> float | None:
    """Mean distance, per criterion and as a share of its points, between one review and the consensus."""
    distances = [
        abs(float(scores[c.key]) - float(consensus[c.key])) / (c.max_points or 1.0)
        for c in criteria if c.key in scores and c.key in consensus
    ]
    return round(sum(distances) / len(distances), 4) if distances else None
