"""Frozen values the hub's api returns (no Django)."""
from __future__ import annotations

from dataclasses import dataclass, field

# The four learning phases of a Community of VET Practices, in the order members go through them.
COMMUNICATION = "communication"
SHARING = "sharing"
COLLABORATION = "collaboration"
COOPERATION = "cooperation"
PHASES = (COMMUNICATION, SHARING, COLLABORATION, COOPERATION)
# Recognised by the site's own credential; the formal phase keeps the platform's certificate.
INFORMAL_PHASES = (COMMUNICATION, SHARING, COLLABORATION)

# What members do, by the phase it belongs to.
PHASE_ACTIONS = {
    COMMUNICATION: ("rated", "posted", "counselled"),
    SHARING: ("deposited", "adopted"),
    COLLABORATION: ("collaborated",),
    COOPERATION: ("submitted", "reviewed", "partnered"),
}
ACTIONS = tuple(action for phase in PHASES for action in PHASE_ACTIONS[phase])


@dataclass(frozen=True)
class ActionProgress:
    """One action of a phase: how often the member did it, and how often the course asks for."""

    action: str
    label: str
    done: int
    needed: int

    @property
    def is_met(self) -> bool:
        return self.done >= self.needed


@dataclass(frozen=True)
class PhaseStep:
    """One phase of a member's progression in one course."""

    phase: str
    label: str
    is_formal: bool
    is_met: bool
    actions: tuple[ActionProgress, ...]
    # What is still missing, in words ("Post 2 more times"), empty once met.
    next_steps: tuple[str, ...] = ()
    # The member's credential of this phase (its public id), once claimed; informal phases only.
    credential_uuid: str = ""


@dataclass(frozen=True)
class Progression:
    """A member's path through the four phases in one course community."""

    course_key: str
    steps: tuple[PhaseStep, ...]
    # The first phase not met yet ("" when all are), what comes next for the member.
    next_phase: str
    updated: str = ""


@dataclass(frozen=True)
class CommunityNews:
    """One of the member's communities and what is new for them in it."""

    course_key: str
    course_name: str
    followed_threads: int
    cases_routed: int
    invitations: int
    reviews_waiting: int
    tasks_due: int
    progression: Progression

    @property
    def total(self) -> int:
        return self.followed_threads + self.cases_routed + self.invitations + self.reviews_waiting + self.tasks_due


@dataclass(frozen=True)
class HubLink:
    """A cross-course part of the network; ``url`` empty while it has not landed."""

    key: str
    label: str
    url: str


@dataclass(frozen=True)
class Hub:
    """The community-wide page of one member."""

    communities: tuple[CommunityNews, ...]
    links: tuple[HubLink, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class PhaseCriteria:
    """How often a course asks its members to do each action of a phase (0: not asked)."""

    course_key: str
    phase: str
    thresholds: dict
    is_default: bool
    label: str = ""
    # action -> what people read ("posts in discussions").
    action_labels: dict = field(default_factory=dict)


@dataclass(frozen=True)
class PhaseCredential:
    """A phase credential the site issued, as its holder and verifiers see it."""

    uuid: str
    course_key: str
    phase: str
    issued: str
    revoked: str
    revocation_reason: str
    document: dict


@dataclass(frozen=True)
class Verification:
    """The answer of the public verification of a credential."""

    uuid: str
    verified: bool
    revoked: bool
    checks: tuple[str, ...]
    errors: tuple[str, ...]
