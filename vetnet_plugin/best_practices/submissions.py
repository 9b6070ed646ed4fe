"""
Practices as learners write them: drafts saved as they type (with a version,
so two tabs never silently overwrite each other), submission, withdrawal.
"""
from __future__ import annotations

import uuid as uuid_module

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from ..core.access import display_name, require_member
from ..core.markup import render_markdown
from ..core.rate_limits import check_rate_limit
from ..exceptions import Conflict, InvalidInput, NotFound
from ..members.api import actor_for, get_member_profile
from . import data
from .assignments import load_assignment, sections_of
from .grading import grade_of
from .models import BestPractice, BestPracticeAssignment, PeerReview


def parse_uuid(value, message: str) -> str:
    """``value`` as the text of a UUID; ``NotFound(message)`` when it is not one (no lookup can match it)."""
    try:
        return str(uuid_module.UUID(str(value)))
    except (TypeError, ValueError, AttributeError) as exc:
        raise NotFound(message) from exc


MAX_TITLE_LENGTH = 200
MAX_SECTION_LENGTH = 20000

DRAFT = "draft"
SUBMITTED = "submitted"
IN_REVIEW = "in_review"
WAITING = "waiting"
GRADED = "graded"
FLAGGED = "flagged"
STATES = (DRAFT, SUBMITTED, IN_REVIEW, WAITING, GRADED, FLAGGED)


def practice_state(practice: BestPractice, assignment: BestPracticeAssignment, now=None) -> str:
    """Where a practice stands, as the staff table names it."""
    now = now or timezone.now()
    if practice.flagged:
        return FLAGGED
    if practice.status == BestPractice.DRAFT:
        return DRAFT
    if practice.status == BestPractice.GRADED:
        return GRADED
    if practice.waiting_outcome or (assignment.review_due and now > assignment.review_due):
        return WAITING
    if practice.allocated_count or practice.review_count:
        return IN_REVIEW
    return SUBMITTED


def practice_data(
    practice: BestPractice, assignment: BestPracticeAssignment, *, show_author: bool, certified: bool,
    with_grade: bool = True,
) -> data.Practice:
    """A practice as a caller may see it; the author's name only if ``show_author``."""
    texts = practice.sections or {}
    sections = tuple(
        data.PracticeSection(key=s.key, label=s.label, text=texts.get(s.key, ""),
                             html=str(render_markdown(texts.get(s.key, ""))))
        for s in sections_of(assignment)
    )
    return data.Practice(
        uuid=str(practice.uuid), title=practice.title, sections=sections, status=practice.status,
        state=practice_state(practice, assignment), version=practice.version,
        author_id=practice.author_id if show_author else None,
        author_name=display_name(practice.author) if show_author else "",
        author_certified=certified, submitted=practice.submitted, review_count=practice.review_count,
        flagged=practice.flagged, waiting_outcome=practice.waiting_outcome,
        repository_approved=practice.repository_approved,
        grade=grade_of(practice, assignment) if with_grade else None,
    )


def _clean_sections(assignment: BestPracticeAssignment, sections) -> dict:
    if not isinstance(sections, dict):
        raise InvalidInput(_("Send the practice's sections as an object of texts."))
    allowed = {s.key for s in sections_of(assignment)}
    cleaned = {}
    for key, text in sections.items():
        if key not in allowed:
            continue
        text = str(text or "")
        if len(text) > MAX_SECTION_LENGTH:
            raise InvalidInput(
                _("A section can be at most {limit} characters long.").format(limit=MAX_SECTION_LENGTH),
                errors={key: [_("Too long.")]},
            )
        cleaned[key] = text
    return cleaned


def _own_practice(assignment, user_id) -> BestPractice | None:
    return BestPractice.objects.filter(assignment=assignment, author_id=user_id).first()


def _stale() -> Conflict:
    return Conflict(_("This practice was changed in another tab or window since you opened it. "
                      "Your text is still here: copy it, reload the page, and paste it again."))


def save_draft(*, user, course_key, usage_key: str, title: str = "", sections=None, version: int = 0) -> data.Practice:
    """
    Save the learner's draft. ``version`` is the version the learner's page
    last saw (0 before the first save); a save from an older version raises
    ``Conflict`` (409) and changes nothing.
    """
    actor = require_member(actor_for(user=user, course_key=course_key),
                           _("Only members of this course can write a best practice."))
    assignment = load_assignment(course_key=actor.course_key, usage_key=usage_key)
    title = str(title or "").strip()
    if len(title) > MAX_TITLE_LENGTH:
        raise InvalidInput(_("The title can be at most {limit} characters long.").format(limit=MAX_TITLE_LENGTH),
                           errors={"title": [_("Too long.")]})
    cleaned = _clean_sections(assignment, sections or {})
    practice = _own_practice(assignment, user.id)
    if practice is None:
        if version:
            raise _stale()
        try:
            with transaction.atomic():
                practice = BestPractice.objects.create(
                    assignment=assignment, course_key=assignment.course_key, author=user, title=title,
                    sections=cleaned,
                )
        except IntegrityError as exc:
            raise _stale() from exc
    else:
        if practice.status != BestPractice.DRAFT:
            raise InvalidInput(_("Your practice is submitted. Withdraw it first if you want to change it."))
        updated = BestPractice.objects.filter(pk=practice.pk, version=version, status=BestPractice.DRAFT).update(
            title=title, sections={**(practice.sections or {}), **cleaned}, version=F("version") + 1,
            modified=timezone.now(),
        )
        if not updated:
            raise _stale()
        practice.refresh_from_db()
    return practice_data(practice, assignment, show_author=True, certified=False, with_grade=False)


def submit_practice(*, user, course_key, usage_key: str, version: int) -> data.Practice:
    """Submit the learner's draft for peer review, if every required section is written."""
    actor = require_member(actor_for(user=user, course_key=course_key),
                           _("Only members of this course can write a best practice."))
    assignment = load_assignment(course_key=actor.course_key, usage_key=usage_key)
    practice = _own_practice(assignment, user.id)
    if practice is None:
        raise NotFound(_("Write your practice first."))
    if practice.status != BestPractice.DRAFT:
        raise InvalidInput(_("Your practice is already submitted."))
    if practice.version != version:
        raise _stale()
    if assignment.submission_due and timezone.now() > assignment.submission_due:
        raise InvalidInput(_("The submission deadline has passed."))
    missing = {}
    if not practice.title.strip():
        missing["title"] = [_("Give your practice a title.")]
    for section in sections_of(assignment):
        if section.required and not (practice.sections or {}).get(section.key, "").strip():
            missing[section.key] = [_("This section is required.")]
    if missing:
        raise InvalidInput(_("Fill in the title and every required section before submitting."), errors=missing)
    check_rate_limit(action="best_practice", queryset=BestPractice.objects.filter(author=user),
                     time_field="submitted")
    profile = get_member_profile(user_id=user.id)
    updated = BestPractice.objects.filter(pk=practice.pk, version=version, status=BestPractice.DRAFT).update(
        status=BestPractice.SUBMITTED, submitted=timezone.now(), author_organisation=profile.organisation[:200],
        author_country=profile.country[:2], modified=timezone.now(),
    )
    if not updated:
        raise _stale()
    practice.refresh_from_db()
    return practice_data(practice, assignment, show_author=True, certified=False)


def withdraw_practice(*, user, course_key, usage_key: str) -> data.Practice:
    """
    Take a submitted practice back to a draft, before the deadline and before
    any review of it is written (a reviewer's finished work is never thrown away).
    """
    actor = require_member(actor_for(user=user, course_key=course_key))
    assignment = load_assignment(course_key=actor.course_key, usage_key=usage_key)
    with transaction.atomic():
        practice = BestPractice.objects.select_for_update().filter(assignment=assignment, author_id=user.id).first()
        if practice is None or practice.status != BestPractice.SUBMITTED:
            raise InvalidInput(_("Only a submitted practice that is not graded yet can be withdrawn."))
        if assignment.submission_due and timezone.now() > assignment.submission_due:
            raise InvalidInput(_("The submission deadline has passed; your practice can no longer be withdrawn."))
        if practice.reviews.filter(status=PeerReview.SUBMITTED).exclude(kind=PeerReview.SELF).exists():
            raise InvalidInput(_("Your practice has already been reviewed, so it can no longer be withdrawn."))
        practice.reviews.filter(status=PeerReview.LEASED).update(status=PeerReview.EXPIRED)
        practice.status = BestPractice.DRAFT
        practice.allocated_count = 0
        practice.submitted = None
        practice.version += 1
        practice.save(update_fields=["status", "allocated_count", "submitted", "version", "modified"])
    return practice_data(practice, assignment, show_author=True, certified=False, with_grade=False)
