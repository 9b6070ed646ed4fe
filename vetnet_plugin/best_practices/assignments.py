"""
The trainer's settings of a best-practice block, as the plugin keeps them.

The block hands its Studio fields over (``configure_best_practice``); every
other service reads the assignment from here, by usage key and course key, so
a key from one course never opens another course's assignment.
"""
from __future__ import annotations

import hashlib
import json
from datetime import datetime

from django.contrib.auth import get_user_model
from django.utils.translation import gettext as _

from ..core.keys import parse_course_key
from ..exceptions import InvalidInput, NotFound
from . import data
from .models import BestPracticeAssignment

# The structured template of the seed's Cooperation phase; a trainer may rename,
# reorder, drop or add sections in Studio.
DEFAULT_SECTIONS = (
    ("context", "Context"),
    ("challenge", "Challenge"),
    ("approach", "Approach"),
    ("results", "Results and evidence"),
    ("transferability", "Transferability"),
    ("resources", "Resources"),
    ("partners", "Partners"),
)
FEEDBACK_MODES = ("criterion", "overall", "none")
MAX_SECTIONS = 20
MAX_CRITERIA = 20


def _clean_sections(sections) -> list[dict]:
    cleaned, seen = [], set()
    for section in list(sections or ())[:MAX_SECTIONS]:
        key = str(section.get("key") or "").strip()[:64]
        label = str(section.get("label") or "").strip()[:200]
        if not key or not label or key in seen:
            raise InvalidInput(_("Every template section needs its own key and a label."))
        seen.add(key)
        cleaned.append({
            "key": key, "label": label, "prompt": str(section.get("prompt") or "")[:2000],
            "required": bool(section.get("required", True)),
        })
    if not cleaned:
        raise InvalidInput(_("The template needs at least one section."))
    return cleaned


def _clean_criteria(criteria) -> list[dict]:
    cleaned, seen = [], set()
    for criterion in list(criteria or ())[:MAX_CRITERIA]:
        key = str(criterion.get("key") or "").strip()[:64]
        label = str(criterion.get("label") or "").strip()[:200]
        try:
            weight = float(criterion.get("weight", 1))
            levels = [
                {"points": float(level.get("points", 0)), "label": str(level.get("label") or "")[:200],
                 "description": str(level.get("description") or "")[:1000]}
                for level in criterion.get("levels") or ()
            ]
        except (TypeError, ValueError, AttributeError) as exc:
            raise InvalidInput(_("Criterion weights and level points must be numbers.")) from exc
        if not key or not label or key in seen:
            raise InvalidInput(_("Every rubric criterion needs its own key and a label."))
        if weight <= 0 or len(levels) < 2 or any(level["points"] < 0 for level in levels):
            raise InvalidInput(
                _("Criterion “{label}” needs a positive weight and at least two levels with points.").format(
                    label=label)
            )
        if max(level["points"] for level in levels) <= 0:
            raise InvalidInput(_("Criterion “{label}” needs a level with more than 0 points.").format(label=label))
        seen.add(key)
        cleaned.append({
            "key": key, "label": label, "description": str(criterion.get("description") or "")[:2000],
            "weight": weight, "levels": sorted(levels, key=lambda level: level["points"]),
        })
    if not cleaned:
        raise InvalidInput(_("The rubric needs at least one criterion."))
    return cleaned


def _expert_ids(experts) -> list[int]:
    """The trainer names experts by username or user id; the plugin keeps ids."""
    names = [str(expert).strip() for expert in experts or () if str(expert).strip()]
    if not names:
        return []
    users = get_user_model().objects.filter(is_active=True)
    ids = {int(name) for name in names if name.isdigit()}
    found = set(users.filter(username__in=names).values_list("id", flat=True))
    found |= set(users.filter(id__in=ids).values_list("id", flat=True))
    return sorted(found)


def configure_best_practice(
    *, course_key, usage_key: str, title: str = "", topic: str = "", sections=None, criteria=(),
    feedback_required: str = "overall", reviews_required: int = 3, reviews_to_give: int = 3,
    self_assessment: bool = False, anonymous: bool = True, calibration_text: str = "",
    calibration_reference: dict | None = None, submission_due: datetime | None = None,
    review_due: datetime | None = None, waiting_hours: int = 72, waiting_action: str = "complete",
    experts=(), aggregation: str = "median", disagreement_spread: float = 0.5,
    repository_threshold: float = 0.7, lease_hours: int = 24,
) -> data.Assignment:
    """
    Bring the plugin's copy of a best-practice block's Studio settings up to date.

    Cheap when nothing changed (one read). Raises ``InvalidInput`` for a rubric
    or template the track cannot work with.
    """
    key = parse_course_key(course_key)
    if sections is None:
        sections = [{"key": k, "label": label} for k, label in DEFAULT_SECTIONS]
    values = {
        "title": str(title or "")[:200], "topic": str(topic or "")[:64],
        "sections": _clean_sections(sections), "criteria": _clean_criteria(criteria),
        "feedback_required": feedback_required if feedback_required in FEEDBACK_MODES else "overall",
        "reviews_required": max(1, min(int(reviews_required), 10)),
        "reviews_to_give": max(0, min(int(reviews_to_give), 20)),
        "self_assessment": bool(self_assessment), "anonymous": bool(anonymous),
        "calibration_text": str(calibration_text or "")[:20000],
        "submission_due": submission_due, "review_due": review_due,
        "waiting_hours": max(0, int(waiting_hours)),
        "waiting_action": waiting_action if waiting_action in dict(BestPracticeAssignment.WAITING_ACTIONS)
        else BestPracticeAssignment.COMPLETE,
        "aggregation": aggregation if aggregation in dict(BestPracticeAssignment.AGGREGATIONS)
        else BestPracticeAssignment.MEDIAN,
        "disagreement_spread": max(0.0, min(float(disagreement_spread), 1.0)),
        "repository_threshold": max(0.0, min(float(repository_threshold), 1.0)),
        "lease_hours": max(1, int(lease_hours)),
    }
    criterion_keys = {criterion["key"] for criterion in values["criteria"]}
    reference = {k: float(v) for k, v in (calibration_reference or {}).items() if k in criterion_keys}
    values["calibration_reference"] = reference if values["calibration_text"] and reference else {}
    fingerprint_source = {**values, "experts": list(experts or ()), "course_key": str(key)}
    fingerprint = hashlib.sha256(json.dumps(fingerprint_source, sort_keys=True, default=str).encode()).hexdigest()
    assignment = BestPracticeAssignment.objects.filter(usage_key=usage_key).first()
    if assignment is not None and assignment.fingerprint == fingerprint:
        return assignment_data(assignment)
    values["experts"] = _expert_ids(experts)
    assignment, _created = BestPracticeAssignment.objects.update_or_create(
        usage_key=usage_key, defaults={**values, "course_key": key, "fingerprint": fingerprint}
    )
    return assignment_data(assignment)


def check_best_practice(*, sections, criteria) -> None:
    """Raise ``InvalidInput`` if the template or rubric is one the track cannot work with; saves nothing."""
    _clean_sections(sections)
    _clean_criteria(criteria)


def load_assignment(*, course_key, usage_key: str) -> BestPracticeAssignment:
    """The assignment of ``usage_key`` in ``course_key``, or ``NotFound``."""
    key = parse_course_key(course_key)
    assignment = BestPracticeAssignment.objects.filter(usage_key=usage_key, course_key=key).first()
    if assignment is None:
        raise NotFound(_("This best-practice assignment is not set up yet."))
    return assignment


def criteria_of(assignment: BestPracticeAssignment) -> tuple[data.Criterion, ...]:
    return tuple(
        data.Criterion(
            key=c["key"], label=c["label"], description=c.get("description", ""), weight=float(c.get("weight", 1)),
            levels=tuple(data.Level(points=float(level["points"]), label=level.get("label", ""),
                                    description=level.get("description", "")) for level in c.get("levels", ())),
        )
        for c in assignment.criteria
    )


def sections_of(assignment: BestPracticeAssignment) -> tuple[data.TemplateSection, ...]:
    return tuple(
        data.TemplateSection(key=s["key"], label=s["label"], prompt=s.get("prompt", ""),
                             required=bool(s.get("required", True)))
        for s in assignment.sections
    )


def assignment_data(assignment: BestPracticeAssignment) -> data.Assignment:
    return data.Assignment(
        course_key=str(assignment.course_key), usage_key=assignment.usage_key, title=assignment.title,
        topic=assignment.topic, sections=sections_of(assignment), criteria=criteria_of(assignment),
        feedback_required=assignment.feedback_required, reviews_required=assignment.reviews_required,
        reviews_to_give=assignment.reviews_to_give, self_assessment=assignment.self_assessment,
        anonymous=assignment.anonymous, calibration=bool(assignment.calibration_reference),
        submission_due=assignment.submission_due, review_due=assignment.review_due,
        waiting_hours=assignment.waiting_hours, waiting_action=assignment.waiting_action,
        aggregation=assignment.aggregation, disagreement_spread=assignment.disagreement_spread,
        repository_threshold=assignment.repository_threshold, lease_hours=assignment.lease_hours,
    )
