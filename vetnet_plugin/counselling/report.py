"""
What peer counselling tells a policy report: counts of cases by topic,
sector, country and outcome, and how fast cases get a first answer. Only
counts and medians leave; who opened a case stays here.
"""
from __future__ import annotations

import statistics
from collections import defaultdict

from ..core.aggregates import count_table, people_by_month
from ..core.keys import parse_course_key
from ..data import ValueCell
from .models import CaseTopic, CounsellingCase, CounsellingDesk

SOLVED = "solved"
NOT_SOLVED = "not_solved"


def count_counselling_cases(*, course_key) -> dict[str, tuple]:
    """
    A course's counselling cases as aggregate tables (retired cases left out):
    ``topics_by_country``, ``sectors_by_country``, ``topics_by_outcome``
    (solved or not) of ``CountCell`` with the distinct case owners as people,
    and ``answer_hours`` (``ValueCell`` per topic: the median hours to a
    first answer over the answered cases, with their owners as people).
    """
    key = parse_course_key(course_key)
    cases = {
        pk: row for pk, *row in CounsellingCase.objects.filter(course_key=key, is_retired=False).values_list(
            "pk", "owner_id", "country", "sector", "is_solved", "created", "first_answer_at")
    }
    topics = defaultdict(list)
    for case_id, topic in CaseTopic.objects.filter(case__course_key=key, case__is_retired=False).values_list(
            "case_id", "topic"):
        topics[case_id].append(topic)
    by_topic, by_outcome, by_sector, hours = [], [], [], defaultdict(list)
    for pk, (owner, country, sector, solved, created, first_answer) in cases.items():
        person = owner or f"case-{pk}"
        by_sector.append((sector, country, pk, person))
        for topic in topics.get(pk) or ["-"]:
            by_topic.append((topic, country, pk, person))
            by_outcome.append((topic, SOLVED if solved else NOT_SOLVED, pk, person))
            if first_answer:
                hours[topic].append((person, (first_answer - created).total_seconds() / 3600))
    speed = tuple(
        ValueCell(row=topic, column="", people=len({person for person, _h in values}),
                  values={"median_hours": round(statistics.median(h for _p, h in values), 1)})
        for topic, values in sorted(hours.items())
    )
    return {
        "topics_by_country": count_table(by_topic),
        "sectors_by_country": count_table(by_sector),
        "topics_by_outcome": count_table(by_outcome),
        "answer_hours": speed,
        "topic_labels": list_counselling_topics(course_key=key),
    }




def list_counselling_topics(*, course_key) -> dict[str, str]:
    """The topics the course's counselling desks offer, code -> the trainer's label (one query)."""
    key = parse_course_key(course_key)
    topics = {}
    for desk_topics in CounsellingDesk.objects.filter(course_key=key).values_list("topics", flat=True):
        for topic in desk_topics or ():
            if isinstance(topic, dict) and topic.get("code"):
                topics.setdefault(str(topic["code"]), str(topic.get("label") or topic["code"]))
    return topics


def list_case_owners_by_month(*, course_key) -> set[tuple[int, str]]:
    """Who opened a counselling case in the course in which month, as (user id, YYYY-MM) (answers are posts)."""
    return people_by_month(CounsellingCase.objects.filter(course_key=parse_course_key(course_key)),
                           person="owner_id", date="created")
