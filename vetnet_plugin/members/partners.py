"""
The candidates a partner search ranks: a bounded set of community members,
read along the directory's indexes.

A community may hold 100,000 members; ranking all of them on every search
would cost as much as the community is large. Instead each *bucket* (one
organisation type wanted, "another country", "works on the topic", "anyone
matching the filters") reads at most ``limit`` members with an indexed
query, so a search costs the same number of queries, each bounded, however
many members there are. The partnership feature ranks what comes back.
"""
from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext as _

from ..core.keys import parse_course_key
from ..exceptions import AccessDenied
from . import data
from .access import can_view_community
from .community import _LIST_FIELDS, PROFILE_COLUMNS, filtered_memberships, profile_from_values
from .models import ProfileAttribute


def list_partner_candidates(
    *, user, course_key, filters: data.DirectoryFilters | None = None, exclude_user_ids=(),
    wanted_organisation_types=(), covered_countries=(), topics=(), limit: int = 100,
) -> tuple[data.MemberProfile, ...]:
    """
    Active members of the course community a partner search may suggest, with their profiles.

    At most ``limit`` members from each bucket: each organisation type in
    ``wanted_organisation_types``, members outside ``covered_countries``, members
    with one of ``topics``, and members matching ``filters`` at all. Only members
    of the community and course staff may search; others get ``AccessDenied``.
    The number of queries does not depend on the community's size.
    """
    key = parse_course_key(course_key)
    if not can_view_community(user=user, course_key=key):
        raise AccessDenied(_("Only members of this course community can search for partners."))
    filters = filters or data.DirectoryFilters()
    limit = max(1, int(limit))
    base = filtered_memberships(key, filters).exclude(user_id__in=sorted({*exclude_user_ids, user.id}))
    covered = sorted({code.upper() for code in covered_countries if code})
    elsewhere = base.exclude(country__in=covered) if covered else base
    # A bucket narrowed by a profile attribute (sector, language, topic) is read in the attribute
    # index's order: sorted by name, MariaDB would collect and sort every member holding the value
    # before taking the first ``limit`` (most of a second at 100,000 members); unsorted, it stops there.
    by_name = () if any((filters.sector, filters.language, filters.topic)) else ("sort_name", "id")
    buckets = [(elsewhere.filter(organisation_type=kind), by_name)
               for kind in dict.fromkeys(wanted_organisation_types) if kind]
    buckets.append((elsewhere, by_name))
    if topics:
        buckets.append((base.filter(Exists(ProfileAttribute.objects.filter(
            profile__user_id=OuterRef("user_id"), kind=ProfileAttribute.TOPIC, value__in=list(topics)))), ()))
    buckets.append((base, by_name))
    found: list[int] = []
    for bucket, order in buckets:
        for user_id in bucket.order_by(*order).values_list("user_id", flat=True)[:limit]:
            if user_id not in found:
                found.append(user_id)
    profiles = get_member_profiles(user_ids=found)
    return tuple(profiles[user_id] for user_id in found if user_id in profiles)


def get_member_profiles(*, user_ids) -> dict[int, data.MemberProfile]:
    """
    The profiles of ``user_ids`` (empty values for those who never filled one in), in two queries.

    Read as plain values, not model instances: a partner search reads a few hundred profiles, and
    instances with their attribute rows (which point back at them) would leave thousands of objects
    in reference cycles per request for the garbage collector's full passes.
    """
    ids = sorted({int(user_id) for user_id in user_ids if user_id})
    if not ids:
        return {}
    rows = get_user_model().objects.filter(pk__in=ids).values_list(*PROFILE_COLUMNS)
    people = {row[0]: row for row in rows}
    held = {row[4]: row[0] for row in people.values() if row[4] is not None}
    attributes = {user_id: {kind: [] for kind, _codes in _LIST_FIELDS.values()} for user_id in held.values()}
    if held:
        for profile_id, kind, value in ProfileAttribute.objects.filter(profile_id__in=sorted(held)).values_list(
                "profile_id", "kind", "value"):
            attributes[held[profile_id]][kind].append(value)
    return {user_id: profile_from_values(row, attributes.get(user_id)) for user_id, row in people.items()}
