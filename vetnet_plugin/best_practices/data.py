"""
Plain values of the best-practice track, returned by ``vetnet_plugin.api``.

No Django imports: the block and the REST views render or serialise these.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class Level:
    """One level of a rubric criterion."""

    points: float
    label: str
    description: str = ""


@dataclass(frozen=True)
class Criterion:
    """One rubric criterion, its weight in the total and its levels."""

    key: str
    label: str
    description: str = ""
    weight: float = 1.0
    levels: tuple[Level, ...] = ()

    @property
    def max_points(self) -> float:
        return max((level.points for level in self.levels), default=0.0)


@dataclass(frozen=True)
class TemplateSection:
    """One section of the structured template a practice follows."""

    key: str
    label: str
    prompt: str = ""
    required: bool = True


@dataclass(frozen=True)
class Assignment:
    """What the trainer set for one best-practice block."""

    course_key: str
    usage_key: str
    title: str
    topic: str
    sections: tuple[TemplateSection, ...]
    criteria: tuple[Criterion, ...]
    feedback_required: str
    reviews_required: int
    reviews_to_give: int
    self_assessment: bool
    anonymous: bool
    calibration: bool
    submission_due: datetime | None
    review_due: datetime | None
    waiting_hours: int
    waiting_action: str
    aggregation: str
    disagreement_spread: float
    repository_threshold: float
    lease_hours: int


@dataclass(frozen=True)
class PracticeSection:
    """A section of a practice as written, and as safe HTML."""

    key: str
    label: str
    text: str
    html: str


@dataclass(frozen=True)
class CriterionResult:
    """How one criterion's value was computed from the reviews."""

    key: str
    label: str
    weight: float
    max_points: float
    value: float
    points: tuple[float, ...]
    spread: float


@dataclass(frozen=True)
class Grade:
    """A practice's grade and how it was computed."""

    score: float  # 0..1, the weighted total
    method: str  # "median", "mean" or "override"
    criteria: tuple[CriterionResult, ...]
    review_count: int
    # "reviews": the review count was reached; "waiting_rule": the wait ended it; "override": staff set it.
    completed_by: str
    override_reason: str = ""

    @property
    def percent(self) -> int:
        return round(self.score * 100)


@dataclass(frozen=True)
class Practice:
    """A practice as the caller may see it; ``author_name`` is empty when reviews are anonymous."""

    uuid: str
    title: str
    sections: tuple[PracticeSection, ...]
    status: str
    state: str
    version: int
    author_id: int | None
    author_name: str
    author_certified: bool
    submitted: datetime | None
    review_count: int
    flagged: bool
    waiting_outcome: str
    repository_approved: bool
    grade: Grade | None = None


@dataclass(frozen=True)
class ReceivedReview:
    """A review the author received: never who wrote it."""

    uuid: str
    kind: str
    scores: tuple[tuple[str, str, float], ...]  # (criterion key, label, points)
    feedback: tuple[tuple[str, str, str], ...]  # (criterion key, label, feedback HTML)
    overall_feedback_html: str
    submitted: datetime | None


@dataclass(frozen=True)
class ReviewLease:
    """A practice allocated to a reviewer until ``expires``."""

    uuid: str
    kind: str
    practice: Practice
    expires: datetime | None


@dataclass(frozen=True)
class CalibrationResult:
    """How far a learner's rating of the example is from the trainer's, per criterion."""

    criteria: tuple[tuple[str, str, float, float], ...]  # (key, label, own points, trainer's points)
    distance: float


@dataclass(frozen=True)
class RepositoryStatus:
    """Where the learner's graded practice stands in the best-practice repository."""

    entry_uuid: str
    listed: bool
    withdrawn: bool


@dataclass(frozen=True)
class LearnerView:
    """Everything a learner's page shows for one assignment."""

    assignment: Assignment
    practice: Practice | None
    reviews_given: int
    reviews_to_give: int
    can_see_received: bool
    received: tuple[ReceivedReview, ...]
    lease: ReviewLease | None
    calibration_needed: bool
    calibration_text_html: str
    calibration: CalibrationResult | None
    message: str = ""
    # The author's own rating of their practice (self-assessment), once given; shown beside the grade.
    self_assessment: ReceivedReview | None = None
    # Once the grade is shown: the practice's entry in the repository (None before it has one).
    repository: RepositoryStatus | None = None


@dataclass(frozen=True)
class StaffRow:
    """One line of the staff table."""

    uuid: str
    author_id: int | None
    author_name: str
    title: str
    state: str
    review_count: int
    active_leases: int
    score: float | None
    flagged: bool
    waiting_outcome: str
    override_reason: str
    repository_approved: bool
    repository_eligible: bool
    author_certified: bool
    submitted: datetime | None


@dataclass(frozen=True)
class ReviewerQuality:
    """How close a reviewer's ratings are to the consensus and to the trainer's, shown to staff."""

    user_id: int
    name: str
    reviews: int
    consensus_distance: float | None  # 0: as the consensus; 1: as far as it can be
    calibration_distance: float | None


@dataclass(frozen=True)
class Credential:
    """A platform certificate as the member's profile shows it."""

    user_id: int
    course_key: str
    course_name: str
    mode: str
    grade: str
    status: str


@dataclass(frozen=True)
class StaffReview:
    """A review of one practice as staff see it: who, what kind, where it stands."""

    uuid: str
    reviewer_id: int | None
    reviewer_name: str
    kind: str
    status: str
    lease_expires: datetime | None
    scores: tuple[tuple[str, float], ...]
    submitted: datetime | None


@dataclass(frozen=True)
class RepositoryFilters:
    """What a repository list is narrowed by: words and facet codes ("" for any)."""

    search: str = ""
    topic: str = ""
    country: str = ""
    sector: str = ""
    eqf_level: str = ""
    language: str = ""
    # One of ``REPOSITORY_FILTER_LABELS``: peer_reviewed, staff_approved, adopted_elsewhere.
    label: str = ""


@dataclass(frozen=True)
class QualityLabel:
    """A quality label on a repository entry, with the criterion it stands for."""

    code: str
    name: str
    criterion: str


@dataclass(frozen=True)
class RepositoryEntry:
    """
    A practice as the repository shows it. ``authors`` names only authors who
    agreed to be credited; nothing else about a person is in it.
    """

    uuid: str
    title: str
    summary: str
    summary_html: str
    authors: tuple[str, ...]
    topic: str
    topic_label: str
    country: str
    country_label: str
    sector: str
    sector_label: str
    eqf_level: str
    language: str
    language_label: str
    licence: str
    licence_label: str
    score: float | None
    threshold: float
    labels: tuple[QualityLabel, ...]
    adoption_count: int
    entered: datetime | None


@dataclass(frozen=True)
class PracticeAdoptionReport:
    """One adoption of a repository practice, as members see the evidence (without the adopter's name)."""

    country: str
    outcome: str
    outcome_label: str
    outcome_report: str
    created: datetime | None
    outcome_reported: datetime | None


@dataclass(frozen=True)
class RepositoryEntryDetail:
    """One entry with the practice's text and its adoption evidence; ``own_*`` for the member reading it."""

    entry: RepositoryEntry
    sections: tuple[PracticeSection, ...]
    adoption_outcomes: tuple[tuple[str, int], ...]
    adoption_reports: tuple[PracticeAdoptionReport, ...]
    listed: bool
    withdrawn: bool
    can_describe: bool = False
    credit_author: bool = False
    own_adoption: PracticeAdoptionReport | None = None
    # The member reading it wrote the practice: they take it out of the repository or offer it again.
    is_author: bool = False


@dataclass(frozen=True)
class RepositoryExport:
    """
    An entry in the shape the Erasmus+ Project Results Platform and EPALE
    take: title, summary, topics, countries, licence, link (and the credited authors).
    """

    identifier: str
    title: str
    summary: str
    topics: tuple[str, ...]
    countries: tuple[str, ...]
    sectors: tuple[str, ...]
    eqf_levels: tuple[str, ...]
    languages: tuple[str, ...]
    licence: str
    licence_url: str
    link: str
    authors: tuple[str, ...]
    labels: tuple[str, ...]
    date: datetime | None
