"""
Live allocation of peer reviews, and the reviews themselves.

When a reviewer asks, they get the eligible practice with the fewest reviews
so far (allocated or written), never their own, preferably from another
organisation and another country. The allocation is a lease: unfinished by
its expiry, it goes back to the pool. Each practice's row is locked while a
lease on it is counted and given, so reviewers asking at the same moment, in
as many processes as there are, never push a practice past its review count.
"""
from __future__ import annotations

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import Case, Exists, IntegerField, OuterRef, Q, Value, When
from django.utils import timezone
from django.utils.translation import gettext as _

from ..core.access import require_member, require_staff
from ..core.rate_limits import check_rate_limit
from ..exceptions import Conflict, InvalidInput, NotFound
from ..members.api import actor_for, get_member_profile, is_active_member
from . import data
from .assignments import criteria_of, load_assignment
from .credentials import certified_user_ids
from .grading import COMPLETED_BY_REVIEWS, COMPLETED_BY_WAITING_RULE, GRADING_KINDS, consensus_distance, grade_practice
from .models import BestPractice, BestPracticeAssignment, CalibrationReview, PeerReview
from .submissions import parse_uuid, practice_data

# How many of the best-ranked candidates one request tries before giving up.
CANDIDATE_WINDOW = 12
MAX_FEEDBACK_LENGTH = 10000
ACTIVE = (PeerReview.LEASED, PeerReview.SUBMITTED)


def _live(now):
    return Q(status=PeerReview.SUBMITTED) | Q(status=PeerReview.LEASED) & (
        Q(lease_expires__isnull=True) | Q(lease_expires__gt=now)
    )


def _count_active(practice: BestPractice, now) -> int:
    return practice.reviews.filter(_live(now)).exclude(kind=PeerReview.SELF).count()


def lease_data(review: PeerReview, assignment: BestPracticeAssignment, certified: bool) -> data.ReviewLease:
    return data.ReviewLease(
        uuid=str(review.uuid), kind=review.kind, expires=review.lease_expires,
        practice=practice_data(review.practice, assignment, show_author=not assignment.anonymous,
                               certified=certified and not assignment.anonymous, with_grade=False),
    )


def current_lease(assignment: BestPracticeAssignment, user_id: int, now=None) -> PeerReview | None:
    """The reviewer's oldest unfinished, unexpired lease in the assignment."""
    now = now or timezone.now()
    return (
        PeerReview.objects.filter(practice__assignment=assignment, reviewer_id=user_id, status=PeerReview.LEASED)
        .filter(Q(lease_expires__isnull=True) | Q(lease_expires__gt=now))
        .select_related("practice__author").order_by("created").first()
    )


def _lease(practice_id: int, assignment: BestPracticeAssignment, reviewer_id: int, *, kind: str, expires, now):
    """Give ``reviewer_id`` a lease on the practice if it still needs one; None if it does not."""
    with transaction.atomic():
        practice = BestPractice.objects.select_for_update().filter(pk=practice_id).first()
        if practice is None or practice.status != BestPractice.SUBMITTED or practice.author_id == reviewer_id:
            return None
        active = _count_active(practice, now)
        if kind == PeerReview.PEER and active >= assignment.reviews_required:
            if practice.allocated_count != active:
                BestPractice.objects.filter(pk=practice.pk).update(allocated_count=active)
            return None
        review = PeerReview.objects.filter(practice=practice, reviewer_id=reviewer_id).first()
        if review is not None and review.status != PeerReview.EXPIRED and not (
            review.status == PeerReview.LEASED and review.lease_expires and review.lease_expires <= now
        ):
            return None
        if review is None:
            try:
                with transaction.atomic():
                    review = PeerReview.objects.create(practice=practice, reviewer_id=reviewer_id, kind=kind,
                                                       lease_expires=expires)
            except IntegrityError:
                return None
        else:
            # The reviewer let an earlier lease on this practice lapse; in a small
            # cohort they may be the only one left who can review it.
            review.status, review.kind, review.lease_expires = PeerReview.LEASED, kind, expires
            review.save(update_fields=["status", "kind", "lease_expires"])
        BestPractice.objects.filter(pk=practice.pk).update(allocated_count=_count_active(practice, now))
        review.practice = practice
        return review


def request_review(*, user, course_key, usage_key: str) -> data.ReviewLease | None:
    """
    The practice the reviewer should review now: their unfinished lease, or a
    new one on the eligible practice with the fewest reviews; None when no
    practice needs them.
    """
    actor = require_member(actor_for(user=user, course_key=course_key),
                           _("Only members of this course can review best practices."))
    assignment = load_assignment(course_key=actor.course_key, usage_key=usage_key)
    now = timezone.now()
    lease = current_lease(assignment, user.id, now)
    if lease is None:
        if assignment.calibration_reference and not CalibrationReview.objects.filter(
            assignment=assignment, reviewer=user
        ).exists():
            raise InvalidInput(
                _("Rate the example practice first: it shows how your ratings compare with the trainer's."))
        if not BestPractice.objects.filter(
            assignment=assignment, author=user, status__in=(BestPractice.SUBMITTED, BestPractice.GRADED)
        ).exists():
            raise InvalidInput(_("Submit your own practice first; then you can review others'."))
        lease = _allocate(assignment, user, now)
    if lease is None:
        return None
    return lease_data(lease, assignment, bool(certified_user_ids([lease.practice.author_id])))


def _allocate(assignment: BestPracticeAssignment, user, now) -> PeerReview | None:
    profile = get_member_profile(user_id=user.id)
    same_organisation = (
        Case(When(author_organisation__iexact=profile.organisation, then=Value(1)), default=Value(0),
             output_field=IntegerField()) if profile.organisation else Value(0)
    )
    same_country = (
        Case(When(author_country=profile.country, then=Value(1)), default=Value(0), output_field=IntegerField())
        if profile.country else Value(0)
    )
    mine = PeerReview.objects.filter(practice=OuterRef("pk"), reviewer=user).filter(_live(now))
    candidates = (
        BestPractice.objects.filter(assignment=assignment, status=BestPractice.SUBMITTED,
                                    allocated_count__lt=assignment.reviews_required)
        .exclude(author=user).exclude(author__isnull=True).exclude(Exists(mine))
        .annotate(same_organisation=same_organisation, same_country=same_country)
        .order_by("allocated_count", "same_organisation", "same_country", "submitted", "id")
        .values_list("id", flat=True)[:CANDIDATE_WINDOW]
    )
    expires = now + timedelta(hours=assignment.lease_hours)
    for practice_id in list(candidates):
        review = _lease(practice_id, assignment, user.id, kind=PeerReview.PEER, expires=expires, now=now)
        if review is not None:
            return review
    return None


def expire_leases(*, usage_key: str = "", now=None) -> int:
    """Give every lease past its expiry (in one assignment, or all) back to the pool; returns how many expired."""
    now = now or timezone.now()
    overdue = PeerReview.objects.filter(status=PeerReview.LEASED, lease_expires__lte=now)
    if usage_key:
        overdue = overdue.filter(practice__assignment__usage_key=usage_key)
    expired = 0
    for practice_id in set(overdue.values_list("practice_id", flat=True)):
        with transaction.atomic():
            practice = BestPractice.objects.select_for_update().filter(pk=practice_id).first()
            if practice is None:
                continue
            expired += practice.reviews.filter(status=PeerReview.LEASED, lease_expires__lte=now).update(
                status=PeerReview.EXPIRED)
            BestPractice.objects.filter(pk=practice.pk).update(allocated_count=_count_active(practice, now))
    return expired


def _clean_review(assignment: BestPracticeAssignment, scores, feedback, overall_feedback, *, check_feedback=True):
    if not isinstance(scores, dict) or not isinstance(feedback or {}, dict):
        raise InvalidInput(_("Send the scores and feedback as objects keyed by criterion."))
    errors, cleaned, notes = {}, {}, {}
    for criterion in criteria_of(assignment):
        allowed = {level.points for level in criterion.levels}
        try:
            points = float(scores.get(criterion.key))
        except (TypeError, ValueError):
            points = None
        if points not in allowed:
            errors[criterion.key] = [_("Choose one of the levels.")]
            continue
        cleaned[criterion.key] = points
        note = str((feedback or {}).get(criterion.key) or "").strip()
        if check_feedback and assignment.feedback_required == "criterion" and not note:
            errors[f"feedback.{criterion.key}"] = [_("Write feedback on this criterion.")]
        notes[criterion.key] = note[:MAX_FEEDBACK_LENGTH]
    overall = str(overall_feedback or "").strip()[:MAX_FEEDBACK_LENGTH]
    if check_feedback and assignment.feedback_required == "overall" and not overall:
        errors["overall_feedback"] = [_("Write your overall feedback.")]
    if errors:
        raise InvalidInput(_("Rate every criterion and write the feedback the rubric asks for."), errors=errors)
    return cleaned, notes, overall


def submit_review(
    *, user, course_key, usage_key: str, review_uuid, scores, feedback=None, overall_feedback: str = ""
) -> data.Practice:
    """
    Submit the review of an allocated practice. The practice is graded as soon
    as it has its review count (or at once, from an expert's or staff's review).
    Returns the reviewed practice, as the reviewer may see it.
    """
    actor = require_member(actor_for(user=user, course_key=course_key),
                           _("Only members of this course can review best practices."))
    assignment = load_assignment(course_key=actor.course_key, usage_key=usage_key)
    cleaned, notes, overall = _clean_review(assignment, scores, feedback, overall_feedback)
    check_rate_limit(action="peer_review", queryset=PeerReview.objects.filter(reviewer=user), time_field="submitted")
    now = timezone.now()
    review_uuid = parse_uuid(review_uuid, _("No such review allocated to you."))
    with transaction.atomic():
        found = PeerReview.objects.filter(
            uuid=review_uuid, reviewer=user, practice__assignment=assignment).values_list("practice_id", flat=True)
        practice = BestPractice.objects.select_for_update().filter(pk__in=list(found)).first()
        review = PeerReview.objects.filter(uuid=review_uuid, reviewer=user, practice=practice).first()
        if practice is None or review is None:
            raise NotFound(_("No such review allocated to you."))
        if review.status == PeerReview.SUBMITTED:
            raise InvalidInput(_("You have already submitted this review."))
        lapsed = review.status == PeerReview.EXPIRED or (review.lease_expires and review.lease_expires <= now)
        if practice.status != BestPractice.SUBMITTED or (
            lapsed and _count_active(practice, now) >= assignment.reviews_required
        ):
            raise Conflict(_("Your time for this review ran out and the practice got its reviews from others. "
                             "Keep a copy of your text; ask for another practice to review."))
        review.scores, review.feedback, review.overall_feedback = cleaned, notes, overall
        review.status, review.submitted = PeerReview.SUBMITTED, now
        review.save(update_fields=["scores", "feedback", "overall_feedback", "status", "submitted"])
        practice.review_count = practice.reviews.filter(status=PeerReview.SUBMITTED, kind__in=GRADING_KINDS).count()
        practice.allocated_count = _count_active(practice, now)
        practice.save(update_fields=["review_count", "allocated_count", "modified"])
        if review.kind in (PeerReview.EXPERT, PeerReview.STAFF):
            grade_practice(practice, assignment, completed_by=COMPLETED_BY_WAITING_RULE)
        elif practice.review_count >= assignment.reviews_required:
            grade_practice(practice, assignment, completed_by=COMPLETED_BY_REVIEWS)
        if practice.status == BestPractice.GRADED:
            practice.reviews.filter(status=PeerReview.LEASED).update(status=PeerReview.EXPIRED)
    return practice_data(practice, assignment, show_author=not assignment.anonymous, certified=False,
                         with_grade=False)


def submit_self_assessment(*, user, course_key, usage_key: str, scores, feedback=None, overall_feedback: str = ""):
    """The author's own rating of their submitted practice (shown beside the reviews, never counted)."""
    actor = require_member(actor_for(user=user, course_key=course_key))
    assignment = load_assignment(course_key=actor.course_key, usage_key=usage_key)
    if not assignment.self_assessment:
        raise InvalidInput(_("This assignment has no self-assessment."))
    cleaned, notes, overall = _clean_review(assignment, scores, feedback, overall_feedback, check_feedback=False)
    practice = BestPractice.objects.filter(assignment=assignment, author=user).exclude(
        status=BestPractice.DRAFT).first()
    if practice is None:
        raise InvalidInput(_("Submit your practice first."))
    PeerReview.objects.update_or_create(
        practice=practice, reviewer=user,
        defaults={"kind": PeerReview.SELF, "status": PeerReview.SUBMITTED, "scores": cleaned, "feedback": notes,
                  "overall_feedback": overall, "submitted": timezone.now(), "lease_expires": None},
    )


def calibrate(*, user, course_key, usage_key: str, scores) -> data.CalibrationResult:
    """
    Rate the trainer's example practice; the result shows, per criterion, how
    far the rating is from the trainer's. The first rating is the one kept.
    """
    actor = require_member(actor_for(user=user, course_key=course_key))
    assignment = load_assignment(course_key=actor.course_key, usage_key=usage_key)
    if not assignment.calibration_reference:
        raise InvalidInput(_("This assignment has no calibration example."))
    existing = CalibrationReview.objects.filter(assignment=assignment, reviewer=user).first()
    if existing is None:
        cleaned, _notes, _overall = _clean_review(assignment, scores, {}, "", check_feedback=False)
        criteria = criteria_of(assignment)
        distance = consensus_distance(criteria, cleaned, assignment.calibration_reference) or 0.0
        try:
            with transaction.atomic():
                existing = CalibrationReview.objects.create(assignment=assignment, reviewer=user, scores=cleaned,
                                                            distance=distance)
        except IntegrityError:
            existing = CalibrationReview.objects.get(assignment=assignment, reviewer=user)
    return calibration_result(assignment, existing)


def calibration_result(assignment: BestPracticeAssignment, calibration: CalibrationReview) -> data.CalibrationResult:
    reference = assignment.calibration_reference
    return data.CalibrationResult(
        criteria=tuple(
            (c.key, c.label, float(calibration.scores.get(c.key, 0)), float(reference.get(c.key, 0)))
            for c in criteria_of(assignment)
        ),
        distance=calibration.distance,
    )


def reassign_review(*, user, course_key, usage_key: str, review_uuid, to_user_id: int | None = None,
                    to_username: str = ""):
    """
    Staff take an unfinished lease back; given ``to_user_id`` (or
    ``to_username``), they hand it to that member (never the author). Returns
    the new lease, or None.
    """
    actor = require_staff(actor_for(user=user, course_key=course_key))
    assignment = load_assignment(course_key=actor.course_key, usage_key=usage_key)
    now = timezone.now()
    review_uuid = parse_uuid(review_uuid, _("No such review in this assignment."))
    review = PeerReview.objects.filter(uuid=review_uuid, practice__assignment=assignment).first()
    if review is None:
        raise NotFound(_("No such review in this assignment."))
    if to_user_id is None and (to_username := str(to_username or "").strip()[:150]):
        to_user_id = get_user_model().objects.filter(username=to_username).values_list("pk", flat=True).first()
        if to_user_id is None:
            raise InvalidInput(_("No member is called “{name}”.").format(name=to_username),
                               errors={"to_username": [_("Unknown username.")]})
    if to_user_id is not None:
        if review.practice.author_id == to_user_id:
            raise InvalidInput(_("Nobody reviews their own practice."))
        if not is_active_member(user_id=to_user_id, course_key=actor.course_key):
            raise InvalidInput(_("The new reviewer must be a member of this course."))
    with transaction.atomic():
        practice = BestPractice.objects.select_for_update().get(pk=review.practice_id)
        review.refresh_from_db()
        if review.status != PeerReview.LEASED:
            raise InvalidInput(_("Only a review that is not written yet can be reassigned."))
        review.status = PeerReview.EXPIRED
        review.save(update_fields=["status"])
        BestPractice.objects.filter(pk=practice.pk).update(allocated_count=_count_active(practice, now))
    if to_user_id is None:
        return None
    lease = _lease(practice.pk, assignment, to_user_id, kind=review.kind,
                   expires=now + timedelta(hours=assignment.lease_hours) if review.kind == PeerReview.PEER else None,
                   now=now)
    if lease is None:
        raise Conflict(_("That member already reviews this practice, or it needs no more reviews."))
    return lease_data(lease, assignment, bool(certified_user_ids([practice.author_id])))
