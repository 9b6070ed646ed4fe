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
class CourseGrade:
    percent: float  # 0..1
    passed: bool
    cutoff: float


def _policy_and_formats(course_key: CourseKey):
    record = Course.objects.filter(course_key=str(course_key)).first()
    if record is None:
        return None, {}
    directory = olx.templates_dir() / record.template
    path = directory / "policies" / course_key.run / "grading_policy.json"
    if not path.exists():
        return None, {}
    policy = json.loads(path.read_text(encoding="utf-8"))
    formats = {}
    for sequential in olx.read_course(directory).root.iter("sequential"):
        if sequential.get("graded") != "true" or not sequential.get("format"):
            continue
        for node in sequential.iter():
            if isinstance(node.tag, str) and node.get("url_name") and node.tag not in ("sequential", "vertical"):
                formats[str(course_key.make_usage_key(node.tag, node.get("url_name")))] = sequential.get("format")
    return policy, formats


def course_grade(*, user_id: int, course_key) -> CourseGrade | None:
    """The learner's course grade by the course's grading policy; None for a course without one."""
    key = course_key if isinstance(course_key, CourseKey) else CourseKey.from_string(str(course_key))
    policy, formats = _policy_and_formats(key)
    if policy is None:
        return None
    scores: dict[str, list[float]] = {}
    for grade in Grade.objects.filter(user_id=user_id, course_key=str(key)):
        kind = formats.get(grade.usage_key)
        if kind and grade.possible > 0:
            scores.setdefault(kind, []).append(grade.earned / grade.possible)
    total = 0.0
    for grader in policy.get("GRADER", ()):
        mine = sorted(scores.get(grader["type"], []), reverse=True)
        count = max(int(grader.get("min_count", 1)), len(mine))
        kept = (mine + [0.0] * (count - len(mine)))[: max(1, count - int(grader.get("drop_count", 0)))]
        total += float(grader.get("weight", 0)) * (sum(kept) / len(kept))
    cutoff = min(policy.get("GRADE_CUTOFFS", {"Pass": 0.5}).values())
    return CourseGrade(percent=round(total, 4), passed=total >= cutoff, cutoff=cutoff)


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
