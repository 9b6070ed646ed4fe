"""Plain values of the members feature: profiles, memberships, directory filters. No Django here."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


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
class BackfillResult:
    """What a membership backfill did: rows created, rows the events already kept, enrollments it could not read."""

    created: int
    already_present: int
    skipped: int


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
class CommunityRole:
    """A role granted to a member of one course community, and who granted it when."""

    user_id: int
    full_name: str
    course_key: str
    role: str
    granted: datetime
    granted_by_name: str = ""
    revoked: datetime | None = None
    revoked_by_name: str = ""

    @property
    def is_active(self) -> bool:
        return self.revoked is None


POLICY_MAKER_ROLE = "policy_maker"
COMMUNITY_ROLES = (POLICY_MAKER_ROLE,)
