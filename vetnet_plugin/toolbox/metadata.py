"""Validation of what members write about a resource, with one message per field."""
from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext as _

from ..core.taxonomy import LANGUAGE_CODES, SECTOR_CODES
from ..exceptions import InvalidInput
from . import data
from .models import ResourceAttribute
from .vocabulary import (
    EQF_LEVEL_CODES,
    LICENCE_CODES,
    RESOURCE_TYPE_CODES,
    TARGET_GROUP_CODES,
)

MAX_TAGS = 10
MAX_TAG_LENGTH = 50
_TEXT_LIMITS = {"title": 200, "description": 10000}


def _as_list(value) -> list:
    if value in (None, ""):
        return []
    if isinstance(value, str):
        return [part for part in (p.strip() for p in value.split(",")) if part]
    if isinstance(value, (list, tuple, set, frozenset)):
        return [str(v).strip() for v in value if str(v).strip()]
    return [value]


def clean_tags(value) -> list[str]:
    """Tags as lower-case words; raises ``ValueError`` with a message for bad ones."""
    tags = []
    for tag in _as_list(value):
        tag = " ".join(str(tag).lower().split()).lstrip("#")
        if len(tag) > MAX_TAG_LENGTH:
            raise ValueError(_("Each tag may have at most {limit} characters.").format(limit=MAX_TAG_LENGTH))
        if tag and tag not in tags:
            tags.append(tag)
    if len(tags) > MAX_TAGS:
        raise ValueError(_("Use at most {limit} tags.").format(limit=MAX_TAGS))
    return tags


def clean_metadata(metadata, *, allowed_types=()) -> dict:
    """
    Return the metadata as clean field values, or raise ``InvalidInput`` with
    an error for each field that is wrong (nothing is saved then).
    """
    from django_countries import countries  # pylint: disable=import-outside-toplevel

    if isinstance(metadata, dict):
        known = set(data.ResourceMetadata.__dataclass_fields__)
        unknown = set(metadata) - known
        if unknown:
            raise InvalidInput(
                _("Unknown field(s): {names}.").format(names=", ".join(sorted(unknown))),
                errors={name: [_("This field is not part of a resource.")] for name in unknown},
            )
        metadata = data.ResourceMetadata(**metadata)
    errors: dict[str, list[str]] = {}
    clean: dict = {}

    def fail(name, message):
        errors.setdefault(name, []).append(message)

    for name, limit in _TEXT_LIMITS.items():
        value = getattr(metadata, name)
        if not isinstance(value, str):
            fail(name, _("Enter text."))
            continue
        value = value.strip()
        if len(value) > limit:
            fail(name, _("Use at most {limit} characters.").format(limit=limit))
        clean[name] = value
    if not errors.get("title") and not clean.get("title"):
        fail("title", _("Give the resource a title."))

    if metadata.resource_type not in RESOURCE_TYPE_CODES:
        fail("resource_type", _("Choose a resource type from the list."))
    elif allowed_types and metadata.resource_type not in allowed_types:
        fail("resource_type", _("This toolbox does not accept this type of resource."))
    else:
        clean["resource_type"] = metadata.resource_type

    if metadata.licence not in LICENCE_CODES:
        fail("licence", _("Choose a licence from the list."))
    else:
        clean["licence"] = metadata.licence

    target_group = metadata.target_group or ""
    if target_group and target_group not in TARGET_GROUP_CODES:
        fail("target_group", _("Choose a target group from the list."))
    clean["target_group"] = target_group

    country = (metadata.country or "").upper()
    if country and country not in dict(countries):
        fail("country", _("Choose a country from the list."))
    clean["country"] = country

    for name, codes in (("sectors", SECTOR_CODES), ("eqf_levels", EQF_LEVEL_CODES), ("languages", LANGUAGE_CODES)):
        values = [str(v) for v in _as_list(getattr(metadata, name))]
        unknown = sorted(set(values) - codes)
        if unknown:
            fail(name, _("Unknown value(s): {values}.").format(values=", ".join(unknown)))
        clean[name] = sorted(set(values))

    try:
        clean["tags"] = clean_tags(metadata.tags)
    except ValueError as exc:
        fail("tags", str(exc))

    if errors:
        raise InvalidInput(_("The resource was not saved: check the fields marked."), errors=errors)
    return clean


def clean_link(url: str) -> str:
    """A web address members can open: http or https only."""
    url = (url or "").strip()
    if len(url) > 1000:
        raise InvalidInput(_("The link is too long."), errors={"link_url": [_("The link is too long.")]})
    try:
        URLValidator(schemes=["http", "https"])(url)
    except ValidationError as exc:
        message = _("Enter a web address starting with http:// or https://.")
        raise InvalidInput(message, errors={"link_url": [message]}) from exc
    return url


def attribute_rows(clean: dict) -> list[tuple[str, str]]:
    """The (kind, value) rows that make a resource findable by its lists."""
    rows = []
    for name, kind in (
        ("sectors", ResourceAttribute.SECTOR),
        ("eqf_levels", ResourceAttribute.EQF_LEVEL),
        ("languages", ResourceAttribute.LANGUAGE),
        ("tags", ResourceAttribute.TAG),
    ):
        rows.extend((kind, value) for value in clean[name])
    return rows


def search_text(clean: dict) -> str:
    """The denormalised text full-text search looks in."""
    return "\n".join([clean["title"], clean["description"], " ".join(clean["tags"])]).lower()
