"""
What course staff see and do: the table of every practice's state, grade
overrides with a reason the learner sees, approval for the repository, the
reviews of one practice, and each reviewer's review-quality figure.
"""
from __future__ import annotations

from collections import defaultdict

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import data as base_data
from ..core.access import display_name, require_staff
from ..core.pagination import paginate
from ..exceptions import InvalidInput, NotFound
from ..members.api import actor_for
from . import data
from .assignments import criteria_of, load_assignment
from .credentials import certified_user_ids
from .grading import COMPLETED_BY_OVERRIDE, GRADING_KINDS, consensus_distance, publish_on_commit
from .models import BestPractice, CalibrationReview, GradeOverride, PeerReview
from .repository import sync_entry
from .submissions import (
    DRAFT,
    FLAGGED,
    GRADED,
    IN_REVIEW,
    STATES,
    SUBMITTED,
    WAITING,
    parse_uuid,
    practice_data,
    practice_state,
)

MAX_REASON_LENGTH = 2000


def _state_filter(state: str, assignment, now) -> Q:
    waiting = Q(status=BestPractice.SUBMITTED) & (
        ~Q(waiting_outcome="") | (Q(pk__isnull=False) if assignment.review_due and now > assignment.review_due
                                  else Q(pk__isnull=True))
    )
    return {
        FLAGGED: Q(flagged=True),
        DRAFT: Q(flagged=False, status=BestPractice.DRAFT),
        GRADED: Q(flagged=False, status=BestPractice.GRADED),
        WAITING: Q(flagged=False) & waiting,
        IN_REVIEW: Q(flagged=False, status=BestPractice.SUBMITTED) & ~waiting & (Q(allocated_count__gt=0)
                                                                                 | Q(review_count__gt=0)),
        SUBMITTED: Q(flagged=False, status=BestPractice.SUBMITTED, allocated_count=0, review_count=0) & ~waiting,
    }[state]


def _staff_assignment(user, course_key, usage_key):
    actor = require_staff(actor_for(user=user, course_key=course_key))
    return load_assignment(course_key=actor.course_key, usage_key=usage_key)


def list_submissions(
    *, user, course_key, usage_key: str, state: str = "", search: str = "", page=1, page_size: int | None = None,
) -> base_data.Page:
    """
    One page of the assignment's practices with their states, for course staff;
    ``state`` (one of draft, submitted, in_review, waiting, graded, flagged)
    and ``search`` (author or title) narrow the table. Cut in the database: the
    same few queries however many practices.
    """
    assignment = _staff_assignment(user, course_key, usage_key)
    now = timezone.now()
    practices = BestPractice.objects.filter(assignment=assignment).select_related("author")
    if state:
        if state not in STATES:
            raise InvalidInput(_("Unknown state “{state}”.").format(state=state))
        practices = practices.filter(_state_filter(state, assignment, now))
    if search := str(search or "").strip()[:100]:
        practices = practices.filter(
            Q(title__icontains=search) | Q(author__username__icontains=search)
            | Q(author__first_name__icontains=search) | Q(author__last_name__icontains=search)
        )

    def rows(page_rows):
        certified = certified_user_ids(p.author_id for p in page_rows)
        return (
            data.StaffRow(
                uuid=str(p.uuid), author_id=p.author_id, author_name=display_name(p.author), title=p.title,
                state=practice_state(p, assignment, now), review_count=p.review_count,
                active_leases=max(0, p.allocated_count - p.review_count), score=p.score, flagged=p.flagged,
                waiting_outcome=p.waiting_outcome, override_reason=p.override_reason,
                repository_approved=p.repository_approved,
                repository_eligible=p.score is not None and p.score >= assignment.repository_threshold,
                author_certified=p.author_id in certified, submitted=p.submitted,
            )
            for p in page_rows
        )

    return paginate(practices.order_by("submitted", "id"), page=page, page_size=page_size, transform=rows)


def _practice(assignment, practice_uuid) -> BestPractice:
    practice_uuid = parse_uuid(practice_uuid, _("No such practice in this assignment."))
    practice = BestPractice.objects.filter(assignment=assignment, uuid=practice_uuid).select_related(
        "author").first()
    if practice is None:
        raise NotFound(_("No such practice in this assignment."))
    return practice


def get_practice_for_staff(*, user, course_key, usage_key: str, practice_uuid) -> data.Practice:
    """One practice with its author and grade, for course staff."""
    assignment = _staff_assignment(user, course_key, usage_key)
    practice = _practice(assignment, practice_uuid)
    return practice_data(practice, assignment, show_author=True,
                         certified=bool(certified_user_ids([practice.author_id])))


def list_practice_reviews(*, user, course_key, usage_key: str, practice_uuid) -> tuple[data.StaffReview, ...]:
    """Every review and lease of one practice, with its reviewer, for course staff."""
    assignment = _staff_assignment(user, course_key, usage_key)
    practice = _practice(assignment, practice_uuid)
    return tuple(
        data.StaffReview(
            uuid=str(r.uuid), reviewer_id=r.reviewer_id, reviewer_name=display_name(r.reviewer), kind=r.kind,
            status=r.status, lease_expires=r.lease_expires,
            scores=tuple((k, float(v)) for k, v in (r.scores or {}).items()), submitted=r.submitted,
        )
        for r in practice.reviews.select_related("reviewer").order_by("created", "id")
    )


def override_grade(*, user, course_key, usage_key: str, practice_uuid, score: float, reason: str) -> data.Practice:
    """Staff set a practice's grade (0..1) by hand; the learner sees the reason."""
    assignment = _staff_assignment(user, course_key, usage_key)
    reason = str(reason or "").strip()
    if not reason:
        raise InvalidInput(_("Say why you change the grade: the learner will read it."),
                           errors={"reason": [_("Required.")]})
    try:
        score = float(score)
    except (TypeError, ValueError) as exc:
        raise InvalidInput(_("The grade must be a number from 0 to 1."), errors={"score": [_("Invalid.")]}) from exc
    if not 0 <= score <= 1:
        raise InvalidInput(_("The grade must be a number from 0 to 1."), errors={"score": [_("Invalid.")]})
    practice_uuid = parse_uuid(practice_uuid, _("No such practice in this assignment."))
    with transaction.atomic():
        practice = BestPractice.objects.select_for_update().filter(
            assignment=assignment, uuid=practice_uuid).first()
        if practice is None:
            raise NotFound(_("No such practice in this assignment."))
        if practice.status == BestPractice.DRAFT:
            raise InvalidInput(_("A draft cannot be graded."))
        GradeOverride.objects.create(practice=practice, staff=user, score=score, previous_score=practice.score,
                                     reason=reason[:MAX_REASON_LENGTH])
        detail = dict(practice.grade_detail or {})
        practice.score = score
        practice.grade_detail = {**detail, "method": "override", "by": COMPLETED_BY_OVERRIDE,
                                 "reviews": detail.get("reviews", practice.review_count)}
        practice.override_reason = reason[:MAX_REASON_LENGTH]
        practice.status = BestPractice.GRADED
        practice.flagged = False
        practice.graded = timezone.now()
        practice.save()
        practice.reviews.filter(status=PeerReview.LEASED).update(status=PeerReview.EXPIRED)
        sync_entry(practice, assignment)
        publish_on_commit(practice)
    return practice_data(practice, assignment, show_author=True, certified=False)


def approve_for_repository(*, user, course_key, usage_key: str, practice_uuid, approved: bool = True) -> data.Practice:
    """
    Staff approve a graded practice for the best-practice repository (or take
    the approval back); the repository follows at once (``repository.sync_entry``).
    """
    assignment = _staff_assignment(user, course_key, usage_key)
    practice = _practice(assignment, practice_uuid)
    if approved and practice.status != BestPractice.GRADED:
        raise InvalidInput(_("Only a graded practice can enter the repository."))
    practice.repository_approved = bool(approved)
    with transaction.atomic():
        practice.save(update_fields=["repository_approved", "modified"])
        sync_entry(practice, assignment)
    return practice_data(practice, assignment, show_author=True,
                         certified=bool(certified_user_ids([practice.author_id])))


def list_reviewer_quality(*, user, course_key, usage_key: str) -> tuple[data.ReviewerQuality, ...]:
    """
    Each reviewer's mean distance from the consensus of the practices they
    reviewed, and from the trainer's reference if they calibrated (0 is the
    same rating, 1 as far apart as the rubric allows). Two queries.
    """
    assignment = _staff_assignment(user, course_key, usage_key)
    criteria = criteria_of(assignment)
    distances, names = defaultdict(list), {}
    reviews = PeerReview.objects.filter(
        practice__assignment=assignment, status=PeerReview.SUBMITTED, kind__in=GRADING_KINDS,
        practice__status=BestPractice.GRADED,
    ).select_related("reviewer", "practice")
    for review in reviews:
        if review.reviewer_id is None:
            continue
        consensus = {c["key"]: c["value"] for c in (review.practice.grade_detail or {}).get("criteria", ())}
        distance = consensus_distance(criteria, review.scores or {}, consensus)
        names[review.reviewer_id] = display_name(review.reviewer)
        if distance is not None:
            distances[review.reviewer_id].append(distance)
    calibrations = {}
    for calibration in CalibrationReview.objects.filter(assignment=assignment).select_related("reviewer"):
        calibrations[calibration.reviewer_id] = calibration.distance
        names.setdefault(calibration.reviewer_id, display_name(calibration.reviewer))
    return tuple(
        data.ReviewerQuality(
            user_id=user_id, name=names[user_id], reviews=len(distances.get(user_id, ())),
            consensus_distance=round(sum(distances[user_id]) / len(distances[user_id]), 4)
            if distances.get(user_id) else None,
            calibration_distance=calibrations.get(user_id),
        )
        for user_id in sorted(names, key=lambda uid: names[uid].lower())
    )
