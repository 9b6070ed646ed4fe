"""What partnerships add up to: a member's partnerships for the four phases, a course's for the policy dashboard."""
from __future__ import annotations

from collections import defaultdict

from django.db.models import Count

from ..core.aggregates import count_table
from ..core.keys import parse_course_key
from .models import Partnership, PartnershipMember

# Who is in a partnership: its proposer and the partners who accepted.
_IN = (PartnershipMember.PROPOSER, PartnershipMember.ACCEPTED)


def count_partnership_contributions(*, course_key, user_ids) -> dict[int, dict[str, int]]:
    """``{user_id: {"partnered": n}}``: the formed partnerships of the course each member is in. One query."""
    rows = (PartnershipMember.objects.filter(
        partnership__course_key=parse_course_key(course_key), partnership__state=Partnership.FORMED,
        user_id__in=list(user_ids), status__in=_IN,
    ).values("user_id").annotate(n=Count("partnership_id", distinct=True)).order_by())
    return {row["user_id"]: {"partnered": row["n"]} for row in rows}


def count_partnerships(*, course_key) -> dict[str, tuple]:
    """
    A course's partnerships as a ``CountCell`` table ``instruments_by_state``:
    rows by the funding instrument targeted, columns by state (forming,
    formed, closed); people are the partnerships' distinct members.
    """
    key = parse_course_key(course_key)
    members = defaultdict(set)
    for partnership_id, user_id in PartnershipMember.objects.filter(
            partnership__course_key=key, status__in=_IN).values_list("partnership_id", "user_id"):
        members[partnership_id].add(user_id)
    rows = []
    for pk, instrument, state in Partnership.objects.filter(course_key=key).values_list("pk", "instrument", "state"):
        rows.extend((instrument, state, pk, person) for person in members[pk] or [f"partnership-{pk}"])
    return {"instruments_by_state": count_table(rows)}
