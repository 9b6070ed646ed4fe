"""
Roles course staff grant in a course community (``CommunityRole``).

A role opens a door (the policy brief); it is granted by course staff,
recorded with who granted it and when, and revocable. A member's own
profile (their organisation type) never grants anything.
"""
from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import data as base_data
from ..core.access import display_name
from ..core.keys import parse_course_key
from ..core.pagination import paginate
from ..exceptions import InvalidInput, NotFound
from . import data
from .access import require_moderator
from .models import CommunityRole, CourseMembership

User = get_user_model()


def _role(role) -> str:
    if role not in data.COMMUNITY_ROLES:
        message = _("Choose a role from the list.")
        raise InvalidInput(message, errors={"role": [message]})
    return role


def _to_data(row: CommunityRole) -> data.CommunityRole:
    return data.CommunityRole(
        user_id=row.user_id, full_name=display_name(row.user), course_key=str(row.course_key), role=row.role,
        granted=row.granted, granted_by_name=display_name(row.granted_by), revoked=row.revoked,
        revoked_by_name=display_name(row.revoked_by),
    )


def _member(member_id, key):
    try:
        member_id = int(member_id)
    except (TypeError, ValueError):
        member_id = None
    found = (
        User.objects.filter(pk=member_id, is_active=True).first() if member_id else None
    )
    if found is None or not CourseMembership.objects.filter(user=found, course_key=key, is_active=True).exists():
        raise NotFound(_("No such member in this course community."))
    return found


def grant_community_role(*, user, course_key, member_id: int, role: str) -> data.CommunityRole:
    """Course staff grant ``role`` to an active member of the course community (granting twice keeps one)."""
    key = require_moderator(user, course_key)
    role = _role(role)
    member = _member(member_id, key)
    now = timezone.now()
    values = {"granted": now, "granted_by": user, "revoked": None, "revoked_by": None}
    with transaction.atomic():
        row = CommunityRole.objects.select_for_update().filter(user=member, course_key=key, role=role).first()
        if row is None:
            try:
                with transaction.atomic():
                    row = CommunityRole.objects.create(user=member, course_key=key, role=role, **values)
            except IntegrityError:
                row = CommunityRole.objects.get(user=member, course_key=key, role=role)
        elif row.revoked is not None:
            for name, value in values.items():
                setattr(row, name, value)
            row.save(update_fields=list(values))
    return _to_data(CommunityRole.objects.select_related("user", "granted_by", "revoked_by").get(pk=row.pk))


def revoke_community_role(*, user, course_key, member_id: int, role: str) -> data.CommunityRole:
    """Course staff take a role back; the record keeps who granted and who revoked it, and when."""
    key = require_moderator(user, course_key)
    role = _role(role)
    try:
        member_id = int(member_id)
    except (TypeError, ValueError) as exc:
        raise NotFound(_("This member does not hold that role.")) from exc
    row = CommunityRole.objects.filter(user_id=member_id, course_key=key, role=role).first()
    if row is None:
        raise NotFound(_("This member does not hold that role."))
    if row.revoked is None:
        CommunityRole.objects.filter(pk=row.pk, revoked__isnull=True).update(revoked=timezone.now(), revoked_by=user)
    return _to_data(CommunityRole.objects.select_related("user", "granted_by", "revoked_by").get(pk=row.pk))


def list_community_roles(
    *, user, course_key, role: str = "", include_revoked: bool = False, page=1, page_size: int | None = None,
) -> base_data.Page:
    """One page of the course's granted roles, by member name (course staff only)."""
    key = require_moderator(user, course_key)
    rows = CommunityRole.objects.filter(course_key=key)
    if role:
        rows = rows.filter(role=_role(role))
    if not include_revoked:
        rows = rows.filter(revoked__isnull=True)
    rows = rows.select_related("user", "granted_by", "revoked_by").order_by(
        "user__first_name", "user__last_name", "user__username", "role"
    )
    return paginate(rows, page=page, page_size=page_size, transform=lambda page_rows: map(_to_data, page_rows))


def has_community_role(*, user_id: int, course_key, role: str) -> bool:
    """True if the member holds ``role`` in the course now: granted, not revoked, and still a member."""
    key = parse_course_key(course_key)
    return CommunityRole.objects.filter(
        user_id=user_id, course_key=key, role=role, revoked__isnull=True, user__is_active=True,
        user__vetnet_memberships__course_key=key, user__vetnet_memberships__is_active=True,
    ).exists()


def retire_community_roles(*, user_id: int) -> None:
    """Forget the member's roles, and who granted or revoked a role, when a user is retired (idempotent)."""
    CommunityRole.objects.filter(user_id=user_id).delete()
    CommunityRole.objects.filter(granted_by_id=user_id).update(granted_by=None)
    CommunityRole.objects.filter(revoked_by_id=user_id).update(revoked_by=None)
