"""
Toolbox models turned into the plain values callers get.

Text members write is stored raw (Markdown) and only made safe here, on the
way out, so a better sanitiser later fixes every old resource too.
"""
from __future__ import annotations

from django.utils.translation import gettext as _

from ..core.access import display_name
from ..core.markup import render_markdown
from ..core.stored_html import stored_html
from . import data
from .models import ResourceAttribute, ResourceVersion


def member_name(user) -> str:
    """How a member is named next to what they wrote; retired members have no name."""
    return display_name(user) if user is not None else _("Former member")


def to_version(version: ResourceVersion | None) -> data.ResourceVersion | None:
    if version is None:
        return None
    return data.ResourceVersion(
        number=version.number,
        created=version.created,
        is_link=bool(version.link_url),
        link_url=version.link_url,
        filename=version.original_filename,
        content_type=version.content_type,
        size=version.size,
        change_note=version.change_note,
        scan_status=version.scan_status,
        downloadable=bool(version.storage_name) and version.scan_status == ResourceVersion.SCAN_CLEAN,
    )


def _attributes(resource) -> dict[str, list[str]]:
    grouped: dict[str, list[str]] = {kind: [] for kind, _label in ResourceAttribute.KIND_CHOICES}
    # ``attributes`` is prefetched by every caller that renders many resources.
    for attribute in resource.attributes.all():
        grouped[attribute.kind].append(attribute.value)
    return {kind: sorted(values) for kind, values in grouped.items()}


def to_resource(resource, *, user, can_moderate: bool = False, with_history: bool = False) -> data.Resource:
    """The resource as ``user`` may see it: the reason and history only for its author and staff."""
    grouped = _attributes(resource)
    is_own = user is not None and resource.author_id == user.id
    privileged = is_own or can_moderate
    versions = ()
    if with_history and privileged:
        versions = tuple(to_version(v) for v in resource.versions.order_by("-number"))
    return data.Resource(
        uuid=str(resource.uuid),
        course_key=str(resource.course_key),
        title=resource.title,
        description=resource.description,
        description_html=stored_html(resource.description_html, resource.description),
        resource_type=resource.resource_type,
        country=resource.country,
        sectors=tuple(grouped[ResourceAttribute.SECTOR]),
        eqf_levels=tuple(sorted(grouped[ResourceAttribute.EQF_LEVEL], key=int)),
        languages=tuple(grouped[ResourceAttribute.LANGUAGE]),
        target_group=resource.target_group,
        licence=resource.licence,
        tags=tuple(grouped[ResourceAttribute.TAG]),
        status=resource.status,
        in_community_library=resource.in_community_library,
        author_id=resource.author_id,
        author_name=member_name(resource.author),
        created=resource.created,
        rating_average=round(resource.rating_average or 0, 2),
        rating_count=resource.rating_count,
        adoption_count=resource.adoption_count,
        download_count=resource.download_count,
        current_version=to_version(resource.current_version),
        moderation_reason=resource.moderation_reason if privileged else "",
        versions=versions,
        pending_change=dict(resource.pending_change) if privileged and resource.pending_change else None,
        is_own=is_own,
        can_moderate=can_moderate,
    )


def to_review(review) -> data.Review:
    return data.Review(
        resource_uuid=str(review.resource.uuid),
        author_id=review.author_id,
        author_name=member_name(review.author),
        rating=review.rating,
        text=review.text,
        text_html=render_markdown(review.text),
        created=review.created,
        modified=review.modified,
    )


def to_adoption(adoption) -> data.Adoption:
    return data.Adoption(
        resource_uuid=str(adoption.resource.uuid),
        member_id=adoption.member_id,
        member_name=member_name(adoption.member),
        context=adoption.context,
        outcome=adoption.outcome,
        outcome_report=adoption.outcome_report,
        created=adoption.created,
        outcome_reported=adoption.outcome_reported,
    )


def to_collection(collection, resource_uuids=()) -> data.Collection:
    return data.Collection(
        uuid=str(collection.uuid),
        owner_id=collection.owner_id,
        owner_name=member_name(collection.owner),
        course_key=str(collection.course_key),
        title=collection.title,
        description=collection.description,
        visibility=collection.visibility,
        resource_uuids=tuple(resource_uuids),
        created=collection.created,
    )
