"""
Plain data returned by ``vetnet_plugin.api``.

No Django imports here: callers (XBlocks, views, tasks) receive frozen values
they can render or serialise, never model instances they could save.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class MemberProfile:
    """A member's profile, as the member and the community see it."""

    user_id: int
    username: str
    full_name: str
    organisation: str = ""
    organisation_type: str = ""
    country: str = ""
    languages: tuple[str, ...] = ()
    sectors: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    bio: str = ""
    open_to_counselling: bool = False
    open_to_partnership: bool = False


@dataclass(frozen=True)
class Membership:
    """A user's membership of one course community (projection of an enrollment)."""

    user_id: int
    course_key: str
    mode: str
    is_active: bool
    joined: datetime


@dataclass(frozen=True)
class DirectoryFilters:
    """What the member directory can be narrowed by; empty means no filter."""

    country: str = ""
    organisation_type: str = ""
    sector: str = ""
    language: str = ""
    topic: str = ""
    search: str = ""


@dataclass(frozen=True)
class Page(Generic[T]):
    """One page of a longer list."""

    items: tuple[T, ...]
    count: int
    page: int
    num_pages: int
    page_size: int = 20
    extra: dict = field(default_factory=dict)

    @property
    def has_next(self) -> bool:
        return self.page < self.num_pages

    @property
    def has_previous(self) -> bool:
        return self.page > 1
