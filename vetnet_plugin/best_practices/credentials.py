"""
The projection of the platform's certificates: a member's badges.

The platform issues, changes and revokes certificates and says so in
openedx-events; each event only brings the one row per member and course in
step, so the same event twice changes nothing. The plugin never issues one.
"""
from __future__ import annotations

from django.db import IntegrityError, transaction

from ..core.keys import parse_course_key
from . import data
from .models import Credential

# Certificate statuses of the platform (``CertificateStatuses``) that mean "holds a certificate".
ACTIVE_STATUSES = frozenset({"downloadable"})

CREATED = "created"
CHANGED = "changed"
REVOKED = "revoked"


def record_certificate(
    *, user_id: int, course_key, event: str, mode: str = "", grade: str = "", status: str = "",
    course_name: str = "",
) -> data.Credential | None:
    """
    Follow one certificate event (``created``, ``changed`` or ``revoked``).

    Returns the member's credential for the course, or None once revoked.
    """
    key = parse_course_key(course_key)
    if event == REVOKED:
        is_active = False
    elif event == CREATED:
        # The platform sends "created" for a certificate it made available; an
        # explicit non-passing status in the payload still wins.
        is_active = not status or status in ACTIVE_STATUSES
    else:
        is_active = status in ACTIVE_STATUSES
    values = {"mode": str(mode or "")[:100], "grade": str(grade or "")[:32], "status": str(status or "")[:32],
              "course_name": str(course_name or "")[:255], "is_active": is_active}
    try:
        with transaction.atomic():
            credential, _created = Credential.objects.update_or_create(
                user_id=user_id, course_key=key, defaults=values
            )
    except IntegrityError:
        # Two workers delivering the same event at once: the other one created the row.
        Credential.objects.filter(user_id=user_id, course_key=key).update(**values)
        credential = Credential.objects.get(user_id=user_id, course_key=key)
    return _credential_data(credential) if credential.is_active else None


def list_member_credentials(*, user_id: int) -> tuple[data.Credential, ...]:
    """The certificates a member holds, as badges for their profile."""
    return tuple(
        _credential_data(credential)
        for credential in Credential.objects.filter(user_id=user_id, is_active=True).order_by("course_name", "id")
    )


def list_members_credentials(*, user_ids) -> dict[int, tuple[data.Credential, ...]]:
    """The certificates each of ``user_ids`` holds, for a page of member profiles (one query)."""
    ids = {int(user_id) for user_id in user_ids if user_id}
    found: dict[int, list[data.Credential]] = {}
    if ids:
        for credential in Credential.objects.filter(user_id__in=ids, is_active=True).order_by("course_name", "id"):
            found.setdefault(credential.user_id, []).append(_credential_data(credential))
    return {user_id: tuple(found.get(user_id, ())) for user_id in ids}


def certified_user_ids(user_ids) -> set[int]:
    """Which of ``user_ids`` hold a certificate (one query for any number of users)."""
    ids = {user_id for user_id in user_ids if user_id}
    if not ids:
        return set()
    return set(Credential.objects.filter(user_id__in=ids, is_active=True).values_list("user_id", flat=True))


def retire_credentials(*, user_id: int) -> None:
    Credential.objects.filter(user_id=user_id).delete()


def _credential_data(credential: Credential) -> data.Credential:
    return data.Credential(
        user_id=credential.user_id, course_key=str(credential.course_key), course_name=credential.course_name,
        mode=credential.mode, grade=credential.grade, status=credential.status,
    )
