"""Plain values of peer counselling. No Django here."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from ..discussions.data import Thread, TranslationText

OPEN = "open"
SOLVED = "solved"
STATUSES = (OPEN, SOLVED)
# The queue's filter on a case's state: anything, cases still without an answer, cases not solved yet.
QUEUE_STATES = ("", "unanswered", "unsolved", "solved")
# What the owner reports at the follow-up.
OUTCOMES = ("solved", "partly", "not_solved")
# The phases of a case clinic, in order; "closed" once the action plan is done.
CLINIC_PHASES = ("clarify", "advise", "action_plan", "closed")


@dataclass(frozen=True)
class Topic:
    """A topic of the trainer's list: the code stored on cases, the label members read."""

    code: str
    label: str


@dataclass(frozen=True)
class CounsellingDesk:
    """A counselling block's settings as the plugin keeps them."""

    course_key: str
    usage_key: str
    title: str
    topics: tuple[Topic, ...] = ()
    allow_private: bool = False
    follow_up_days: int = 14
    # Members may open cases anonymous to their peers (staff still see the owner).
    allow_anonymous: bool = False
    # Members whose profiles match a new case are told about it.
    routing_enabled: bool = True


@dataclass(frozen=True)
class CaseSummary:
    """A case as the "needs help" queue and the suggestions show it (``uuid`` is its public id)."""

    uuid: str
    title: str
    problem_excerpt: str
    language: str
    topics: tuple[Topic, ...]
    sector: str
    country: str
    organisation_type: str
    status: str
    answer_count: int
    accepted_count: int
    created: datetime
    first_answer_at: datetime | None
    # Hours from opening to the first answer; None while unanswered.
    hours_to_first_answer: float | None
    owner_name: str
    is_own: bool
    # In a private circle: only the owner, invited advisers and course staff see it.
    is_private: bool = False
    # Anonymous to peers: ``owner_name`` is then "" for everyone but the owner and course staff.
    is_anonymous: bool = False


@dataclass(frozen=True)
class Reputation:
    """A member's counselling reputation, across every course community: accepted answers and up-votes on answers."""

    user_id: int
    accepted_answers: int = 0
    upvotes: int = 0

    @property
    def score(self) -> int:
        """Accepted answers count five, an up-vote one."""
        return 5 * self.accepted_answers + self.upvotes


@dataclass(frozen=True)
class Case:
    """A case with its whole intake, rendered for reading, and which of its answers were accepted."""

    summary: CaseSummary
    problem: str
    problem_html: str
    already_tried: str
    already_tried_html: str
    outcome_wanted: str
    outcome_wanted_html: str
    thread_id: str
    owner_id: int | None
    accepted_answer_ids: tuple[str, ...]
    # The viewer may accept answers: the case owner or course staff.
    can_accept: bool
    # The advisers invited into a private circle, by name (for the owner and staff only).
    adviser_names: tuple[str, ...] = ()
    # What happened, as the owner reported it ("solved", "partly", "not_solved"; "" before), and their note.
    outcome: str = ""
    outcome_note: str = ""
    outcome_note_html: str = ""
    # The owner is asked now: the follow-up delay has passed and no outcome was reported.
    follow_up_due: bool = False
    clinic: Clinic | None = None
    # Members' translations of the title and problem (a translator kept anonymous is unnamed).
    translations: tuple[TranslationText, ...] = ()


@dataclass(frozen=True)
class Clinic:
    """A case clinic: its phase ("clarify", "advise", "action_plan", "closed"), its timebox and the action plan."""

    phase: str
    facilitator_name: str
    phase_started_at: datetime | None
    phase_ends_at: datetime | None
    phase_minutes: int
    action_plan: str
    action_plan_html: str
    # The viewer leads it (the facilitator or course staff): they move it to the next phase.
    can_lead: bool
    # The viewer may write the action plan now (facilitator, owner or staff, in the action-plan phase).
    can_write_plan: bool
    # The viewer takes part (owner, facilitator, invited adviser or staff): only they answer during the clinic.
    is_participant: bool


@dataclass(frozen=True)
class CasePage:
    """A case and one page of its answers (top-level posts), comments nested under them."""

    case: Case
    thread: Thread
    # The counselling reputation of the authors of this page's answers and comments (not of anonymous ones).
    reputations: tuple[Reputation, ...] = ()


@dataclass(frozen=True)
class SimilarCase:
    """A case like the one being written, solved ones first."""

    case: CaseSummary
    shared_topics: tuple[str, ...]
    score: float
