"""What members deposited and adopted in a course's toolbox, counted for the four phases."""
from __future__ import annotations

from django.db.models import Count

from ..core.keys import parse_course_key
from .models import Adoption, Resource


def count_toolbox_contributions(*, course_key, user_ids) -> dict[int, dict[str, int]]:
    """
    ``{user_id: {"deposited": n, "adopted": m}}``: resources each member
    deposited in the course (published or waiting for approval) and the
    resources of the course they adopted. Two queries.
    """
    key = parse_course_key(course_key)
    ids = list(user_ids)
    counts: dict[int, dict[str, int]] = {}
    deposits = (Resource.objects.filter(course_key=key, author_id__in=ids,
                                        status__in=[Resource.PUBLISHED, Resource.PENDING])
                .values("author_id").annotate(n=Count("id")).order_by())
    for row in deposits:
        counts.setdefault(row["author_id"], {})["deposited"] = row["n"]
    adoptions = (Adoption.objects.filter(resource__course_key=key, member_id__in=ids)
                 .values("member_id").annotate(n=Count("id")).order_by())
    for row in adoptions:
        counts.setdefault(row["member_id"], {})["adopted"] = row["n"]
    return counts
