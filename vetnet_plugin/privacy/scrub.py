"""
What a retired member leaves in the community's text.

The features' retirement detaches the member from what they wrote and erases
what is theirs alone. What stays for the community (a proposed scenario, a
published resource, another member's reply) may still name them. The scrub
replaces the member's username, e-mail address and full name, as whole words,
by a neutral marker in every text column of every VETNet table. The tables are
found through Django's registry, so a new feature's text is scrubbed without a
change here. It runs once per retirement, so a scan of each text column is affordable.
"""
from __future__ import annotations

import re

from django.apps import apps
from django.db import models
from django.db.models import Q
from opaque_keys.edx.django.models import OpaqueKeyField

MARKER = "[retired member]"
# Shorter values would match ordinary words.
_SHORTEST = 3


def member_identifiers(user, extra=()) -> list[str]:
    """The strings that identify ``user``: username, e-mail address, full name, and any ``extra`` ones."""
    values = [getattr(user, "username", ""), getattr(user, "email", ""), user.get_full_name() if user else ""]
    values += [str(value) for value in extra if value]
    unique = {value.strip() for value in values if value and len(value.strip()) >= _SHORTEST}
    # Longest first, so an address is replaced whole before the username inside it.
    return sorted(unique, key=lambda value: (-len(value), value))


def _pattern(identifiers) -> re.Pattern:
    return re.compile("|".join(rf"(?<!\w){re.escape(value)}(?!\w)" for value in identifiers), re.IGNORECASE)


def _scrub_value(value, pattern):
    if isinstance(value, str):
        return pattern.sub(MARKER, value)
    if isinstance(value, list):
        return [_scrub_value(item, pattern) for item in value]
    if isinstance(value, dict):
        return {key: _scrub_value(item, pattern) for key, item in value.items()}
    return value


def _text_fields(model):
    # Codes (choices), keys and unique values are not prose: changing them would break references.
    return [field for field in model._meta.concrete_fields
            if isinstance(field, (models.CharField, models.TextField, models.JSONField))
            and not isinstance(field, OpaqueKeyField)
            and not field.choices and not field.primary_key and not field.unique]


def scrub_member_identifiers(identifiers) -> int:
    """Replace ``identifiers`` in every VETNet text column; returns how many values changed."""
    if not identifiers:
        return 0
    pattern = _pattern(identifiers)
    changed = 0
    for model in apps.get_app_config("vetnet").get_models():
        for field in _text_fields(model):
            lookup = Q()
            for value in identifiers:
                lookup |= Q(**{f"{field.name}__icontains": value})
            manager = model._default_manager
            for pk, value in manager.filter(lookup).values_list("pk", field.name).iterator(chunk_size=500):
                scrubbed = _scrub_value(value, pattern)
                if scrubbed != value:
                    manager.filter(pk=pk).update(**{field.name: scrubbed})
                    changed += 1
    return changed
