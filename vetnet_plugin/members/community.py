"""Member profiles, course-community membership and the member directory."""
from __future__ import annotations

from contextlib import nullcontext
from datetime import datetime

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import data as base_data
from ..conf import setting
from ..core.access import name_of
from ..core.keys import parse_course_key
from ..core.pagination import paginate
from ..core.search import along_the_order, substring_filter, uses_fulltext, word_filter
from ..core.taxonomy import (
    LANGUAGE_CODES,
    ORGANISATION_TYPE_CODES,
    SECTOR_CODES,
    TOPIC_CODES,
)
from ..exceptions import AccessDenied, InvalidInput, NotFound
from . import data
from .access import can_view_community, forget_actors
from .contact import retire_member_contacts
from .models import CourseMembership, MemberProfile, ProfileAttribute

User = get_user_model()

_LIST_FIELDS = {
    "languages": (ProfileAttribute.LANGUAGE, LANGUAGE_CODES),
    "sectors": (ProfileAttribute.SECTOR, SECTOR_CODES),
    "topics": (ProfileAttribute.TOPIC, TOPIC_CODES),
}
_TEXT_LIMITS = {"organisation": 200, "bio": 2000}


def _to_profile_data(user, profile: MemberProfile | None) -> data.MemberProfile:
    row = (user.id, user.username, user.first_name, user.last_name, None)
    grouped = {kind: [] for kind, _codes in _LIST_FIELDS.values()}
    if profile is not None:
        row = (*row[:4], profile.pk, profile.organisation, profile.organisation_type, profile.country.code,
               profile.bio, profile.open_to_counselling, profile.open_to_partnership)
        for attribute in profile.attributes.all():
            grouped[attribute.kind].append(attribute.value)
    return profile_from_values(row, grouped)


def profile_from_values(row, attributes) -> data.MemberProfile:
    """
    A member's profile from their user's and profile's columns (``PROFILE_COLUMNS``, the profile's
    None for a member who never filled one in) and their attribute values grouped by kind.
    """
    user_id, username, first_name, last_name, profile_id = row[:5]
    full_name = name_of(first_name, last_name, username)
    if profile_id is None:
        return data.MemberProfile(user_id=user_id, username=username, full_name=full_name)
    organisation, organisation_type, country, bio, open_to_counselling, open_to_partnership = row[5:]
    return data.MemberProfile(
        user_id=user_id, username=username, full_name=full_name, organisation=organisation,
        organisation_type=organisation_type, country=str(country or ""),
        languages=tuple(sorted(attributes[ProfileAttribute.LANGUAGE])),
        sectors=tuple(sorted(attributes[ProfileAttribute.SECTOR])),
        topics=tuple(sorted(attributes[ProfileAttribute.TOPIC])),
        bio=bio, open_to_counselling=open_to_counselling, open_to_partnership=open_to_partnership,
    )


# The columns ``profile_from_values`` reads, from the user model.
PROFILE_COLUMNS = ("id", "username", "first_name", "last_name", "vetnet_profile__id", "vetnet_profile__organisation",
                   "vetnet_profile__organisation_type", "vetnet_profile__country", "vetnet_profile__bio",
                   "vetnet_profile__open_to_counselling", "vetnet_profile__open_to_partnership")


def get_member_profile(*, user_id: int) -> data.MemberProfile:
    """Return the user's profile (empty values if they never filled it in)."""
    try:
        user = User.objects.get(pk=user_id)
    except User.DoesNotExist as exc:
        raise NotFound(_("No such member.")) from exc
    profile = MemberProfile.objects.filter(user=user).prefetch_related("attributes").first()
    return _to_profile_data(user, profile)


def get_countries_and_organisation_types(*, user_ids) -> dict[int, tuple[str, str]]:
    """Each listed user's country code and organisation type from their profile, in one query ("" when unset)."""
    rows = MemberProfile.objects.filter(user_id__in=set(user_ids)).values_list("user_id", "country",
                                                                               "organisation_type")
    return {user_id: (str(country or ""), organisation_type or "") for user_id, country, organisation_type in rows}


def _validate_profile_changes(changes: dict) -> dict:
    from django_countries import countries  # pylint: disable=import-outside-toplevel

    errors: dict[str, list[str]] = {}
    clean: dict = {}
    allowed = set(_TEXT_LIMITS) | set(_LIST_FIELDS) | {
        "organisation_type", "country", "open_to_counselling", "open_to_partnership",
    }
    for name, value in changes.items():
        if name not in allowed:
            errors.setdefault(name, []).append(_("This field cannot be changed."))
            continue
        if name in _TEXT_LIMITS:
            if not isinstance(value, str):
                errors.setdefault(name, []).append(_("Enter text."))
            elif len(value.strip()) > _TEXT_LIMITS[name]:
                errors.setdefault(name, []).append(
                    _("Use at most {limit} characters.").format(limit=_TEXT_LIMITS[name])
                )
            else:
                clean[name] = value.strip()
        elif name in _LIST_FIELDS:
            codes = _LIST_FIELDS[name][1]
            if isinstance(value, str):
                value = [value]
            if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
                errors.setdefault(name, []).append(_("Choose from the list."))
                continue
            unknown = sorted(set(value) - codes)
            if unknown:
                errors.setdefault(name, []).append(
                    _("Unknown value(s): {values}.").format(values=", ".join(unknown))
                )
            else:
                clean[name] = sorted(set(value))
        elif name in ("organisation_type", "country") and value is not None and not isinstance(value, str):
            errors.setdefault(name, []).append(_("Choose from the list."))
        elif name == "organisation_type":
            if value and value not in ORGANISATION_TYPE_CODES:
                errors.setdefault(name, []).append(_("Choose an organisation type from the list."))
            else:
                clean[name] = value or ""
        elif name == "country":
            code = (value or "").upper()
            if code and code not in dict(countries):
                errors.setdefault(name, []).append(_("Choose a country from the list."))
            else:
                clean[name] = code
        else:
            if not isinstance(value, bool):
                errors.setdefault(name, []).append(_("Choose yes or no."))
            else:
                clean[name] = value
    if errors:
        raise InvalidInput(_("The profile was not saved: check the fields marked."), errors=errors)
    return clean


def update_member_profile(*, user_id: int, changes: dict) -> data.MemberProfile:
    """
    Change the given fields of the user's own profile and return it.

    Fields not in ``changes`` keep their values. Raises ``InvalidInput`` (and
    saves nothing) if any field is invalid.
    """
    clean = _validate_profile_changes(changes)
    try:
        user = User.objects.get(pk=user_id)
    except User.DoesNotExist as exc:
        raise NotFound(_("No such member.")) from exc
    with transaction.atomic():
        profile, _created = MemberProfile.objects.select_for_update().get_or_create(user=user)
        for name, value in clean.items():
            if name in _LIST_FIELDS:
                kind = _LIST_FIELDS[name][0]
                profile.attributes.filter(kind=kind).exclude(value__in=value).delete()
                existing = set(profile.attributes.filter(kind=kind).values_list("value", flat=True))
                ProfileAttribute.objects.bulk_create(
                    [ProfileAttribute(profile=profile, kind=kind, value=v) for v in value if v not in existing]
                )
            else:
                setattr(profile, name, value)
        profile.save()
        refresh_directory_rows(user_id=user_id)
    return get_member_profile(user_id=user_id)


def record_enrollment(
    *, user_id: int, course_key, mode: str = "", is_active: bool = True, occurred_at: datetime | None = None
) -> data.Membership:
    """
    Bring the membership projection in line with a platform enrollment event.

    Idempotent: the same event twice leaves the same single row.
    """
    key = parse_course_key(course_key)
    defaults = {"mode": mode or "", "is_active": bool(is_active)}
    try:
        with transaction.atomic():
            membership, created = CourseMembership.objects.get_or_create(
                user_id=user_id, course_key=key, defaults={**defaults, "joined": occurred_at or timezone.now()}
            )
    except IntegrityError:
        # Another process created the row between our read and our insert.
        membership, created = CourseMembership.objects.get(user_id=user_id, course_key=key), False
    if not created and (membership.mode, membership.is_active) != (defaults["mode"], defaults["is_active"]):
        CourseMembership.objects.filter(pk=membership.pk).update(**defaults, modified=timezone.now())
        membership.refresh_from_db()
    if created:
        refresh_directory_rows(user_id=user_id)
    forget_actors(user_id=user_id)
    return _to_membership_data(membership)


def record_unenrollment(*, user_id: int, course_key) -> None:
    """Mark the user's membership of the course community inactive (idempotent)."""
    key = parse_course_key(course_key)
    CourseMembership.objects.filter(user_id=user_id, course_key=key, is_active=True).update(
        is_active=False, modified=timezone.now()
    )
    forget_actors(user_id=user_id)


def _to_membership_data(membership: CourseMembership) -> data.Membership:
    return data.Membership(
        user_id=membership.user_id,
        course_key=str(membership.course_key),
        mode=membership.mode,
        is_active=membership.is_active,
        joined=membership.joined,
    )


def get_membership(*, user_id: int, course_key) -> data.Membership | None:
    """Return the user's membership of the course community, active or not, or None."""
    key = parse_course_key(course_key)
    membership = CourseMembership.objects.filter(user_id=user_id, course_key=key).first()
    return _to_membership_data(membership) if membership else None


def is_active_member(*, user_id: int, course_key) -> bool:
    """True if the user is an active member of the course community."""
    key = parse_course_key(course_key)
    return CourseMembership.objects.filter(user_id=user_id, course_key=key, is_active=True).exists()


def sort_name(first_name: str, last_name: str, username: str) -> str:
    """The directory's order: first name, last name, then username, ignoring case."""
    return f"{first_name.lower()}\t{last_name.lower()}\t{username.lower()}"[:255]


def refresh_directory_rows(*, user_id: int) -> None:
    """
    Copy the member's names and profile fields onto their memberships, where
    the directory filters, sorts and searches them with one indexed table.
    Called when a membership is recorded and when the profile changes.
    """
    user = User.objects.filter(pk=user_id).first()
    if user is None:
        return
    profile = MemberProfile.objects.filter(user_id=user_id).first()
    organisation = profile.organisation if profile else ""
    CourseMembership.objects.filter(user_id=user_id).update(
        sort_name=sort_name(user.first_name, user.last_name, user.username),
        search_text=f"{user.first_name} {user.last_name} {user.username} {organisation}".lower(),
        country=str(profile.country.code or "") if profile else "",
        organisation_type=profile.organisation_type if profile else "",
    )


def _directory_count_limit() -> int:
    return max(1, int(setting("VETNET_DIRECTORY_COUNT_LIMIT")))


def filtered_memberships(key, filters: data.DirectoryFilters):
    """The active members of the course ``key`` matching the directory's filters (not its words), unsorted."""
    rows = CourseMembership.objects.filter(course_key=key, is_active=True, user__is_active=True)
    if filters.country:
        rows = rows.filter(country=filters.country.upper())
    if filters.organisation_type:
        rows = rows.filter(organisation_type=filters.organisation_type)
    for kind, value in (
        (ProfileAttribute.SECTOR, filters.sector),
        (ProfileAttribute.LANGUAGE, filters.language),
        (ProfileAttribute.TOPIC, filters.topic),
    ):
        if value:
            rows = rows.filter(Exists(ProfileAttribute.objects.filter(
                profile__user_id=OuterRef("user_id"), kind=kind, value=value)))
    return rows


def list_community_members(
    *, user, course_key, filters: data.DirectoryFilters | None = None, page: int = 1, page_size: int | None = None,
    cursor: str | None = None,
) -> base_data.Page:
    """
    One page of the course community's member directory, filtered.

    Only active members and course staff may list members; everyone else gets
    ``AccessDenied``. Members are sorted by name. ``count`` stops at
    ``VETNET_DIRECTORY_COUNT_LIMIT`` ("more than ..."), with
    ``extra["count_capped"]`` true, so a page costs the same however large
    the community grows. ``extra["next_cursor"]``, given back as ``cursor``,
    reads the next page along the name index, however deep (``core.pagination``).
    """
    key = parse_course_key(course_key)
    if not can_view_community(user=user, course_key=key):
        raise AccessDenied(_("Only members of this course community can see its members."))
    filters = filters or data.DirectoryFilters()
    matching = filtered_memberships(key, filters)
    terms = (filters.search or "").strip().lower().split()[:8]
    by_attribute = bool(filters.sector or filters.language or filters.topic)

    def listed(words):
        rows = matching.filter(words) if terms else matching
        return rows.order_by("sort_name", "id").select_related("user", "user__vetnet_profile").prefetch_related(
            Prefetch("user__vetnet_profile__attributes", queryset=ProfileAttribute.objects.order_by("value"))
        )

    def many_matches(rows):
        # Past the count limit the matches are many, so the page is read along the name index and
        # stops after it (ADR 0008): the words checked row by row (the plain substring, as on SQLite)
        # rather than collected from FULLTEXT and sorted; profile fields checked as each row comes.
        if terms:
            rows = listed(substring_filter("search_text", terms))
        return rows, along_the_order() if by_attribute else nullcontext()

    return paginate(
        listed(word_filter(CourseMembership, "search_text", terms)), page=page, page_size=page_size,
        count_limit=_directory_count_limit(), seek=True, cursor=cursor,
        when_capped=many_matches if by_attribute or uses_fulltext(terms) else None,
        transform=lambda members: (_to_profile_data(m.user, getattr(m.user, "vetnet_profile", None)) for m in members),
    )


def retire_member_profile(*, user_id: int) -> None:
    """Remove the member's profile, community memberships, granted roles and contact records (idempotent)."""
    from .roles import retire_community_roles  # pylint: disable=import-outside-toplevel

    retire_member_contacts(user_id=user_id)
    MemberProfile.objects.filter(user_id=user_id).delete()
    CourseMembership.objects.filter(user_id=user_id).delete()
    forget_actors(user_id=user_id)
    retire_community_roles(user_id=user_id)


def list_member_course_keys(*, user_id: int) -> list[str]:
    """The courses whose community the user actively belongs to, in the order they joined. One query."""
    return [str(key) for key in CourseMembership.objects.filter(user_id=user_id, is_active=True)
            .order_by("joined", "pk").values_list("course_key", flat=True)]


def member_id_batches(*, course_key, batch_size: int = 500):
    """The active members of a course, as lists of user ids in id order, one short query per batch."""
    key = parse_course_key(course_key)
    last = 0
    while True:
        ids = list(CourseMembership.objects.filter(course_key=key, is_active=True, user_id__gt=last)
                   .order_by("user_id").values_list("user_id", flat=True)[:batch_size])
        if not ids:
            return
        yield ids
        last = ids[-1]
