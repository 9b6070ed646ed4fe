"""
A learner's page of one assignment: their practice, the reviews they gave and
received, their current lease, their calibration. A fixed number of queries,
however many practices the assignment holds.
"""
from __future__ import annotations

from datetime import timedelta

from django.utils import timezone
from django.utils.translation import gettext as _

from ..core.access import require_member
from ..core.markup import render_markdown
from ..members.api import actor_for
from . import data
from .allocation import calibration_result, current_lease, lease_data
from .assignments import assignment_data, criteria_of, load_assignment
from .credentials import certified_user_ids
from .models import BestPractice, CalibrationReview, PeerReview
from .submissions import practice_data

_OUTCOME_MESSAGES = {
    BestPractice.WAITED_COMPLETED: lambda: _(
        "Not every review arrived in time, so your grade was completed with the reviews you received."),
    BestPractice.WAITED_STAFF: lambda: _(
        "Not enough reviews arrived in time, so the course staff will review and grade your practice."),
    BestPractice.WAITED_EXPERT: lambda: _(
        "Not enough reviews arrived in time, so an expert reviewer will review and grade your practice."),
}


def _waiting_over(assignment, now) -> bool:
    return bool(assignment.review_due and now >= assignment.review_due + timedelta(hours=assignment.waiting_hours))


def get_learner_view(*, user, course_key, usage_key: str) -> data.LearnerView:
    """What the learner's page of the assignment shows."""
    actor = require_member(actor_for(user=user, course_key=course_key),
                           _("Only members of this course can take part in the best-practice track."))
    assignment = load_assignment(course_key=actor.course_key, usage_key=usage_key)
    now = timezone.now()
    practice = (BestPractice.objects.filter(assignment=assignment, author=user)
                .select_related("author", "repository_entry").first())
    given = PeerReview.objects.filter(
        practice__assignment=assignment, reviewer=user, status=PeerReview.SUBMITTED,
        kind__in=(PeerReview.PEER, PeerReview.EXPERT)).count()
    lease = current_lease(assignment, user.id, now)
    calibration = (CalibrationReview.objects.filter(assignment=assignment, reviewer=user).first()
                   if assignment.calibration_reference else None)
    certified = certified_user_ids([user.id, lease.practice.author_id if lease else None])
    graded = practice is not None and practice.status == BestPractice.GRADED
    can_see = practice is not None and practice.status != BestPractice.DRAFT and (
        given >= assignment.reviews_to_give or _waiting_over(assignment, now) or graded and practice.override_reason
    )
    received = ()
    if can_see:
        received = tuple(_received(review, assignment) for review in practice.reviews.filter(
            status=PeerReview.SUBMITTED).order_by("submitted", "id"))
    own = next((review for review in received if review.kind == PeerReview.SELF), None)
    if own is None and not can_see and assignment.self_assessment and practice is not None \
            and practice.status != BestPractice.DRAFT:
        found = practice.reviews.filter(status=PeerReview.SUBMITTED, kind=PeerReview.SELF, reviewer=user).first()
        own = _received(found, assignment) if found else None
    message = ""
    if practice is not None and practice.waiting_outcome:
        message = _OUTCOME_MESSAGES[practice.waiting_outcome]()
    elif graded and not can_see:
        message = _("Your practice is graded. Finish your reviews to see your grade and the reviews you received.")
    practice_value = None
    if practice is not None:
        practice_value = practice_data(practice, assignment, show_author=True, certified=user.id in certified,
                                       with_grade=can_see)
    repository = None
    entry = getattr(practice, "repository_entry", None) if graded and can_see else None
    if entry is not None:
        repository = data.RepositoryStatus(entry_uuid=str(entry.uuid), listed=entry.listed, withdrawn=entry.withdrawn)
    return data.LearnerView(
        assignment=assignment_data(assignment), practice=practice_value, reviews_given=given,
        reviews_to_give=assignment.reviews_to_give, can_see_received=can_see, received=received,
        lease=lease_data(lease, assignment, lease.practice.author_id in certified) if lease else None,
        calibration_needed=bool(assignment.calibration_reference) and calibration is None,
        calibration_text_html=str(render_markdown(assignment.calibration_text)) if assignment.calibration_reference
        else "",
        calibration=calibration_result(assignment, calibration) if calibration else None,
        message=message, self_assessment=own, repository=repository,
    )


def _received(review: PeerReview, assignment) -> data.ReceivedReview:
    criteria = criteria_of(assignment)
    return data.ReceivedReview(
        uuid=str(review.uuid), kind=review.kind,
        scores=tuple((c.key, c.label, float(review.scores.get(c.key, 0))) for c in criteria if c.key in review.scores),
        feedback=tuple((c.key, c.label, str(render_markdown(review.feedback.get(c.key, ""))))
                       for c in criteria if (review.feedback or {}).get(c.key)),
        overall_feedback_html=str(render_markdown(review.overall_feedback)), submitted=review.submitted,
    )


def learner_score(*, user_id: int, usage_key: str) -> float | None:
    """The learner's grade (0..1) in the assignment, as the block publishes it; None before it is graded."""
    return (BestPractice.objects.filter(assignment__usage_key=usage_key, author_id=user_id,
                                        status=BestPractice.GRADED).values_list("score", flat=True).first())

