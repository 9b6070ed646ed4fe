"""
A member's personal data, exported (GDPR article 15, data portability).

Every VETNet table that links to the member is read: the rows whose user
columns name them, and the rows that belong to those (the history of their
posts, the attributes of their profile, the files of their resources). The
tables are found through Django's registry, so a feature's new table that
links to the user is exported without a change here; a table that belongs to
the member only through another row is listed in ``_OWNED_THROUGH``, and a
test checks that every table annotated as holding personal data is exported.
"""
from __future__ import annotations

import datetime
import decimal
import uuid

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from opaque_keys.edx.keys import OpaqueKey

from ..exceptions import NotFound

FORMAT = "vetnet-member-data/1"

# Tables whose rows belong to a member through another row: label -> lookups naming the member.
_OWNED_THROUGH = {
    "vetnet.PostRevision": ("post__author",),
    "vetnet.ProfileAttribute": ("profile__user",),
    "vetnet.ResourceVersion": ("resource__author",),
    "vetnet.ResourceAttribute": ("resource__author",),
    "vetnet.CollectionItem": ("collection__owner",),
    "vetnet.GradeOverride": ("practice__author",),
    "vetnet.PeerReview": ("practice__author",),
    "vetnet.RepositoryEntry": ("practice__author",),
    # A workspace and its shared document are the members' joint writing: each member's export holds them.
    "vetnet.Workspace": ("memberships__user",),
    "vetnet.WorkspaceDocument": ("workspace__memberships__user",),
    # A partnership is its partners' joint proposal: each partner's export holds it.
    "vetnet.Partnership": ("partners__user",),
}


def _plain(value):
    """A JSON value for a model field's value."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, (datetime.datetime, datetime.date, datetime.time)):
        return value.isoformat()
    if isinstance(value, (uuid.UUID, decimal.Decimal, OpaqueKey)):
        return str(value)
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple, set)):
        return [_plain(item) for item in value]
    # Files, countries and other field values: their stored form.
    return str(getattr(value, "name", None) or getattr(value, "code", None) or value)


def _rows(queryset) -> list[dict]:
    fields = queryset.model._meta.concrete_fields
    return [
        {field.attname: _plain(field.value_from_object(row)) for field in fields}
        for row in queryset.order_by("pk").iterator(chunk_size=500)
    ]


def _member_columns(model, user_model) -> list[str]:
    """The lookups that name the member on ``model``'s rows (empty: the table holds nothing of a member)."""
    names = [field.name for field in model._meta.concrete_fields
             if field.is_relation and field.related_model is user_model]
    return names + list(_OWNED_THROUGH.get(model._meta.label, ()))


def export_member_data(*, user_id: int) -> dict:
    """
    Everything VETNet holds about the user, as plain JSON values.

    ``{"format", "exported_at", "user": {"id", "username"}, "tables": {label: [row, ...]}}``;
    a table without rows for the user is left out. Raises ``NotFound`` for an unknown user.
    """
    user_model = get_user_model()
    user = user_model.objects.filter(pk=user_id).only("pk", "username").first()
    if user is None:
        raise NotFound(_("No such member."))
    tables = {}
    for model in apps.get_app_config("vetnet").get_models():
        names = _member_columns(model, user_model)
        if not names:
            continue
        lookup = Q()
        for name in names:
            lookup |= Q(**{name: user.pk})
        rows = _rows(model._default_manager.filter(lookup).distinct())
        if rows:
            tables[model._meta.label] = rows
    return {
        "format": FORMAT,
        "exported_at": timezone.now().isoformat(),
        "user": {"id": user.pk, "username": user.username},
        "tables": tables,
    }
