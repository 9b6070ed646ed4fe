"""Frozen values the partnership API returns; no Django here."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

STATES = ("forming", "formed", "closed")
PARTNER_STATUSES = ("proposer", "invited", "accepted", "declined", "withdrawn")
ROLES = ("coordinator", "partner", "associated")


@dataclass(frozen=True)
class Instrument:
    """A funding instrument and the composition its rules ask for (operator data)."""

    key: str
    label: str
    min_organisations: int
    min_countries: int
    programme_countries_only: bool
    required_organisation_types: tuple[str, ...] = ()
    note: str = ""


@dataclass(frozen=True)
class Eligibility:
    """Whether a partnership as composed meets its instrument's rules, and what is missing (translated lines)."""

    instrument: str
    eligible: bool
    organisations: int
    countries: tuple[str, ...]
    missing: tuple[str, ...] = ()


@dataclass(frozen=True)
class PartnerSuggestion:
    """A member the search suggests, with why in one line; contact only for members who allowed it."""

    user_id: int
    name: str
    country: str
    organisation_type: str
    languages: tuple[str, ...]
    topics: tuple[str, ...]
    sectors: tuple[str, ...]
    score: int
    reason: str
    reasons: tuple[str, ...]
    organisation: str = ""
    can_contact: bool = False
    certificates: int = 0
    adoptions: int = 0
    # Their practices the best-practice repository lists.
    practices: int = 0


@dataclass(frozen=True)
class Partner:
    """One organisation's member in a partnership, their role, commitment and answer."""

    user_id: int
    name: str
    country: str
    organisation_type: str
    organisation: str
    role: str
    commitment: str
    status: str
    answered: datetime | None = None


@dataclass(frozen=True)
class Partnership:
    """A partnership as the acting person sees it."""

    uuid: str
    title: str
    topic: str
    aims: str
    timeline: str
    instrument: str
    instrument_label: str
    state: str
    proposer_id: int | None
    partners: tuple[Partner, ...]
    eligibility: Eligibility
    workspace_uuid: str = ""
    my_status: str = ""
    can_manage: bool = False
    created: datetime | None = None
    aims_html: str = ""
    timeline_html: str = ""
    extra: dict = field(default_factory=dict)
