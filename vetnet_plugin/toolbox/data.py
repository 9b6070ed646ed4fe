"""
Plain values of the resource toolbox, returned by ``vetnet_plugin.api``.

No Django imports: the blocks and the REST views render or serialise these.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import BinaryIO


@dataclass(frozen=True)
class ResourceMetadata:
    """What a member says about a resource when depositing or editing it."""

    title: str = ""
    description: str = ""
    resource_type: str = ""
    country: str = ""
    sectors: tuple[str, ...] = ()
    eqf_levels: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    target_group: str = ""
    licence: str = ""
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class ToolboxContext:
    """
    What the trainer allowed where a request comes from (the course travels
    beside it, as ``course_key=``, as in every feature's API).

    ``scope``: "course", "community" or "both". ``moderation``: "open" or
    "approval". ``usage_key``: the block the request comes from, if any.
    ``max_upload_bytes`` of 0 means the operator's limit; a block may only
    lower it. Empty ``resource_types`` means every type. The defaults are a
    request without a block: both libraries, deposits wait for approval.
    """

    scope: str = "both"
    usage_key: str = ""
    moderation: str = "approval"
    resource_types: tuple[str, ...] = ()
    max_upload_bytes: int = 0


@dataclass(frozen=True)
class ResourceFilters:
    """Search text and filters of the library; empty means no filter."""

    search: str = ""
    resource_type: str = ""
    country: str = ""
    sector: str = ""
    eqf_level: str = ""
    language: str = ""
    target_group: str = ""
    licence: str = ""
    tag: str = ""
    # Only the requesting member's own resources (any status).
    mine: bool = False


@dataclass(frozen=True)
class ResourceVersion:
    """One version of a resource's file or link."""

    number: int
    created: datetime
    is_link: bool
    link_url: str = ""
    filename: str = ""
    content_type: str = ""
    size: int = 0
    change_note: str = ""
    scan_status: str = ""
    downloadable: bool = False


@dataclass(frozen=True)
class Resource:
    """A resource as the requesting member may see it."""

    uuid: str
    course_key: str
    title: str
    description: str
    description_html: str
    resource_type: str
    country: str
    sectors: tuple[str, ...]
    eqf_levels: tuple[str, ...]
    languages: tuple[str, ...]
    target_group: str
    licence: str
    tags: tuple[str, ...]
    status: str
    in_community_library: bool
    author_id: int | None
    author_name: str
    created: datetime
    rating_average: float
    rating_count: int
    adoption_count: int
    download_count: int
    current_version: ResourceVersion | None
    # Only for the author and staff: why it was rejected, and the history.
    moderation_reason: str = ""
    versions: tuple[ResourceVersion, ...] = ()
    # The author's edit waiting for staff approval (author and staff only): field name -> proposed value.
    pending_change: dict | None = None
    is_own: bool = False
    can_moderate: bool = False


@dataclass(frozen=True)
class Review:
    """A member's rating and review of a resource."""

    resource_uuid: str
    author_id: int
    author_name: str
    rating: int
    text: str
    text_html: str
    created: datetime
    modified: datetime


@dataclass(frozen=True)
class Adoption:
    """A member's "I adopted this" and, later, how it went."""

    resource_uuid: str
    member_id: int
    member_name: str
    context: str
    outcome: str
    outcome_report: str
    created: datetime
    outcome_reported: datetime | None = None


@dataclass(frozen=True)
class Collection:
    """A member's named group of resources."""

    uuid: str
    owner_id: int
    owner_name: str
    course_key: str
    title: str
    description: str
    visibility: str
    resource_uuids: tuple[str, ...] = ()
    created: datetime | None = None


@dataclass(frozen=True)
class Download:
    """An opened file ready to be streamed as an attachment; the caller closes ``file``."""

    file: BinaryIO
    filename: str
    content_type: str
    size: int


@dataclass(frozen=True)
class ResourceFacets:
    """Counts per filter value among the resources that match the current search."""

    counts: dict = field(default_factory=dict)
