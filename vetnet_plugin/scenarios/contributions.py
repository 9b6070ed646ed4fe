"""The Delphi ratings members gave in a course, counted for the four phases."""
from __future__ import annotations

from django.db.models import Count

from ..core.keys import parse_course_key
from .models import Rating


def count_delphi_contributions(*, course_key, user_ids) -> dict[int, dict[str, int]]:
    """``{user_id: {"rated": n}}``: scenario ratings each member gave in the course's rounds. One query."""
    key = parse_course_key(course_key)
    rows = (Rating.objects.filter(round__course_key=key, user_id__in=list(user_ids))
            .values("user_id").annotate(n=Count("id")).order_by())
    return {row["user_id"]: {"rated": row["n"]} for row in rows}
