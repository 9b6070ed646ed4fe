"""
Moving the community's member profiles between instances: the parts that
describe an organisation and what it works on, never the person.

An exported profile holds the organisation's name and type, the country, the
languages, sectors and topics, keyed by the member's username (the only
identifier two instances share, as in the library's export). It leaves out
the bio, the contact preferences (a consent given on one site is not one on
another), names, e-mail addresses and memberships (the target's enrollments
decide those).

An import fills a profile on the target only where it is still empty: what a
member already entered there wins. Members who do not exist on the target are
skipped. Importing the same file twice changes nothing the second time.
"""
from __future__ import annotations

import json
from pathlib import Path

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django_countries import countries

from ..core.keys import parse_course_key
from ..core.taxonomy import LANGUAGE_CODES, ORGANISATION_TYPE_CODES, SECTOR_CODES, TOPIC_CODES
from .community import refresh_directory_rows
from .models import CourseMembership, MemberProfile, ProfileAttribute

FORMAT_VERSION = 1
PROFILES_FILE = "profiles.json"

_LISTS = {
    "languages": (ProfileAttribute.LANGUAGE, LANGUAGE_CODES),
    "sectors": (ProfileAttribute.SECTOR, SECTOR_CODES),
    "topics": (ProfileAttribute.TOPIC, TOPIC_CODES),
}
_BATCH = 500


def _profiles(course_key=None):
    queryset = MemberProfile.objects.select_related("user").prefetch_related("attributes").order_by("id")
    if course_key:
        queryset = queryset.filter(Exists(CourseMembership.objects.filter(
            user_id=OuterRef("user_id"), course_key=parse_course_key(course_key), is_active=True
        )))
    return queryset


def count_profiles(*, course_key=None) -> int:
    """How many profiles an export of the community (or of one course community) would hold."""
    return _profiles(course_key).count()


def _record(profile: MemberProfile) -> dict:
    grouped = {name: [] for name in _LISTS}
    kinds = {kind: name for name, (kind, _codes) in _LISTS.items()}
    for attribute in profile.attributes.all():
        grouped[kinds[attribute.kind]].append(attribute.value)
    return {
        "username": profile.user.username,
        "organisation": profile.organisation,
        "organisation_type": profile.organisation_type,
        "country": str(profile.country.code or ""),
        **{name: sorted(values) for name, values in grouped.items()},
    }


def export_profiles(*, destination, course_key=None, progress=None) -> int:
    """
    Write ``profiles.json`` into the folder ``destination`` and return how many
    profiles it holds; ``progress(n)`` is called after each one.
    """
    target = Path(destination)
    target.mkdir(parents=True, exist_ok=True)
    records = []
    for profile in _profiles(course_key).iterator(chunk_size=_BATCH):
        records.append(_record(profile))
        if progress:
            progress(1)
    (target / PROFILES_FILE).write_text(
        json.dumps({"format": FORMAT_VERSION, "profiles": records}, ensure_ascii=False, indent=1), encoding="utf-8"
    )
    return len(records)


def read_profiles_export(*, source) -> list[dict]:
    """The profile records of an export folder; ``ValueError`` if it holds none or another format."""
    path = Path(source) / PROFILES_FILE
    if not path.is_file():
        raise ValueError(f"{path} does not exist: give the folder an export wrote.")
    try:
        content = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise ValueError(f"{path} is not JSON: {error}") from error
    if not isinstance(content, dict) or content.get("format") != FORMAT_VERSION:
        raise ValueError(f"Unknown profiles format in {path}.")
    profiles = content.get("profiles")
    if not isinstance(profiles, list) or not all(isinstance(p, dict) and p.get("username") for p in profiles):
        raise ValueError(f"{path} holds profiles without a username.")
    return profiles


def _clean(record: dict) -> dict:
    """Only what the target's vocabularies know; anything else is dropped, never stored."""
    organisation_type = record.get("organisation_type") or ""
    country = str(record.get("country") or "").upper()
    return {
        "organisation": str(record.get("organisation") or "")[:200],
        "organisation_type": organisation_type if organisation_type in ORGANISATION_TYPE_CODES else "",
        "country": country if country in dict(countries) else "",
        **{
            name: sorted({str(v) for v in record.get(name) or () if str(v) in codes})
            for name, (_kind, codes) in _LISTS.items()
        },
    }


def _import_one(user, record: dict) -> bool:
    values = _clean(record)
    with transaction.atomic():
        try:
            profile, _created = MemberProfile.objects.select_for_update().get_or_create(user=user)
        except IntegrityError:
            profile = MemberProfile.objects.select_for_update().get(user=user)
        changed = []
        for field in ("organisation", "organisation_type"):
            if values[field] and not getattr(profile, field):
                setattr(profile, field, values[field])
                changed.append(field)
        if values["country"] and not profile.country:
            profile.country = values["country"]
            changed.append("country")
        if changed:
            profile.save(update_fields=[*changed, "modified"])
        present = {(a.kind, a.value) for a in profile.attributes.all()}
        kinds_present = {kind for kind, _value in present}
        new_rows = [
            ProfileAttribute(profile=profile, kind=kind, value=value)
            for name, (kind, _codes) in _LISTS.items() if kind not in kinds_present
            for value in values[name]
        ]
        ProfileAttribute.objects.bulk_create(new_rows, ignore_conflicts=True)
    if changed:
        refresh_directory_rows(user_id=user.id)
    return bool(changed or new_rows)


def import_profiles(*, source, progress=None) -> tuple[int, int]:
    """
    Import ``profiles.json`` from the folder ``source``.

    Returns (profiles that gained something, records skipped: unknown member
    or nothing left to fill).
    """
    records = read_profiles_export(source=source)
    users = get_user_model().objects.in_bulk(
        {str(record["username"]) for record in records}, field_name="username"
    )
    updated = skipped = 0
    for record in records:
        user = users.get(str(record["username"]))
        if user is not None and _import_one(user, record):
            updated += 1
        else:
            skipped += 1
        if progress:
            progress(1)
    return updated, skipped
