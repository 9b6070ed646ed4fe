"""
The platform's course grade and certificate, as the host plays them.

The LMS grades a course from the scores its graded blocks published, with the
course's grading policy (``policies/<run>/grading_policy.json``: assignment
types, their weights and drop counts, the pass cut-off), and a learner who
passes gets a certificate, announced with the real ``CERTIFICATE_CREATED``
openedx-event. The host does the same, simply: the grade is read from the
scores it keeps (``Grade``), and the event is sent when a learner's course
grade crosses the cut-off.
"""
from __future__ import annotations

import json
from dataclasses import dataclass

from opaque_keys.edx.keys import CourseKey

from . import olx
from .models import Course, Grade


@dataclass(frozen=True)
class GradedAssignment:
    """One scored block of a graded subsection, with the learner's score (None before any)."""

    display_name: str
    subsection: str
    format: str
    unit_id: str
    usage_key: str
    earned: float | None
    possible: float | None

    @property
    def percent(self) -> float | None:
        return self.earned / self.possible if self.earned is not None and self.possible else None


@dataclass(frozen=True)
class AssignmentTypeGrade:
    """One line of the grading policy: its weight, and the learner's average over its assignments."""

    type: str
    short_label: str
    weight: float
    percent: float
    counted: int
    dropped: int


@dataclass(frozen=True)
class CourseGrade:
    percent: float  # 0..1
    passed: bool
    cutoff: float
    types: tuple[AssignmentTypeGrade, ...] = ()
    assignments: tuple[GradedAssignment, ...] = ()


def _policy_and_assignments(course_key: CourseKey):
    """The course's grading policy and the scored blocks of its graded subsections, in course order."""
    record = Course.objects.filter(course_key=str(course_key)).first()
    if record is None:
        return None, []
    directory = olx.templates_dir() / record.template
    path = directory / "policies" / course_key.run / "grading_policy.json"
    if not path.exists():
        return None, []
    policy = json.loads(path.read_text(encoding="utf-8"))
    assignments = []
    for sequential in olx.read_course(directory).root.iter("sequential"):
        if sequential.get("graded") != "true" or not sequential.get("format"):
            continue
        for vertical in sequential.iter("vertical"):
            for node in vertical.iter():
                if not isinstance(node.tag, str) or not node.get("url_name") or node.tag in ("sequential", "vertical"):
                    continue
                assignments.append((str(course_key.make_usage_key(node.tag, node.get("url_name"))),
                                    node.get("display_name") or node.tag, sequential.get("display_name") or "",
                                    sequential.get("format"), vertical.get("url_name")))
    return policy, assignments


def course_grade(*, user_id: int, course_key) -> CourseGrade | None:
    """
    The learner's course grade by the course's grading policy, with each
    assignment type's average and each graded assignment's score; None for a
    course without a grading policy.
    """
    key = course_key if isinstance(course_key, CourseKey) else CourseKey.from_string(str(course_key))
    policy, graded = _policy_and_assignments(key)
    if policy is None:
        return None
    stored = {grade.usage_key: grade for grade in Grade.objects.filter(user_id=user_id, course_key=str(key))}
    assignments, scores = [], {}
    for usage_key, display_name, subsection, kind, unit_id in graded:
        grade = stored.get(usage_key)
        assignments.append(GradedAssignment(
            display_name=display_name, subsection=subsection, format=kind, unit_id=unit_id, usage_key=usage_key,
            earned=grade.earned if grade else None, possible=grade.possible if grade else None))
        if grade is not None and grade.possible > 0:
            scores.setdefault(kind, []).append(grade.earned / grade.possible)
    total, types = 0.0, []
    for grader in policy.get("GRADER", ()):
        mine = sorted(scores.get(grader["type"], []), reverse=True)
        count = max(int(grader.get("min_count", 1)), len(mine))
        dropped = int(grader.get("drop_count", 0))
        kept = (mine + [0.0] * (count - len(mine)))[: max(1, count - dropped)]
        average = sum(kept) / len(kept)
        weight = float(grader.get("weight", 0))
        total += weight * average
        types.append(AssignmentTypeGrade(type=grader["type"], short_label=grader.get("short_label", ""),
                                         weight=weight, percent=round(average, 4), counted=len(kept),
                                         dropped=dropped))
    cutoff = min(policy.get("GRADE_CUTOFFS", {"Pass": 0.5}).values())
    return CourseGrade(percent=round(total, 4), passed=total >= cutoff, cutoff=cutoff, types=tuple(types),
                       assignments=tuple(assignments))


def has_passed(*, user_id: int, course_key) -> bool:
    grade = course_grade(user_id=user_id, course_key=course_key)
    return bool(grade and grade.passed)


def certify_if_newly_passed(*, user, course_key, passed_before: bool) -> bool:
    """Send ``CERTIFICATE_CREATED`` when this grade made the learner pass; True if it did."""
    # The platform's own event and data classes: the plugin hears exactly what the LMS would send.
    from openedx_events.learning.data import (  # pylint: disable=import-outside-toplevel
        CertificateData,
        CourseData,
        UserData,
        UserPersonalData,
    )
    from openedx_events.learning.signals import CERTIFICATE_CREATED  # pylint: disable=import-outside-toplevel

    key = course_key if isinstance(course_key, CourseKey) else CourseKey.from_string(str(course_key))
    grade = course_grade(user_id=user.id, course_key=key)
    if passed_before or grade is None or not grade.passed:
        return False
    record = Course.objects.filter(course_key=str(key)).first()
    CERTIFICATE_CREATED.send_event(certificate=CertificateData(
        user=UserData(id=user.id, is_active=user.is_active,
                      pii=UserPersonalData(username=user.username, email=user.email, name=user.get_full_name())),
        course=CourseData(course_key=key, display_name=record.display_name if record else str(key)),
        mode="honor", grade=str(grade.percent), download_url="", name=user.get_full_name(),
        current_status="downloadable",
    ))
    return True
