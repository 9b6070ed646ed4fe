"""
Plain values of the scenario forum: scenarios, Delphi rounds, ratings and
aggregates, the policy brief. No Django here.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from ..discussions.api import FlaggedPost, Post, PostRevision, Thread, TranslationText


@dataclass(frozen=True)
class Spread:
    """Median and quartiles of one criterion's ratings (1 to 5)."""

    median: float
    q1: float
    q3: float
    iqr: float
    # How many ratings gave each value, 1 to 5 (the median and quartiles follow from these counts).
    counts: tuple[int, ...] = ()


@dataclass(frozen=True)
class Aggregate:
    """What a closed round says about one scenario; no rater is named."""

    scenario_uuid: str
    round_number: int
    raters: int
    plausibility: Spread | None = None
    desirability: Spread | None = None
    # True when the scores cannot be shown without letting a rater deduce another's rating (ADR 0005).
    withheld: bool = False
    # Why: WITHHELD_FEW_RATERS, or WITHHELD_AGREEMENT when all raters but one at most gave one criterion the same value.
    withheld_reason: str = ""


WITHHELD_FEW_RATERS = "few_raters"
WITHHELD_AGREEMENT = "agreement"


@dataclass(frozen=True)
class OwnRating:
    """The requesting member's own rating: nobody else ever receives it."""

    scenario_uuid: str
    round_number: int
    plausibility: int
    desirability: int
    rationale: str = ""


@dataclass(frozen=True)
class RatingRound:
    """One Delphi round of a scenario forum."""

    number: int
    is_open: bool
    opened: datetime
    closed: datetime | None = None


@dataclass(frozen=True)
class Convergence:
    """How the spread of one scenario's ratings moved from round to round."""

    scenario_uuid: str
    aggregates: tuple[Aggregate, ...]
    plausibility_iqr_change: float | None = None
    desirability_iqr_change: float | None = None
    # True when neither spread widened and at least one narrowed.
    converged: bool = False


@dataclass(frozen=True)
class Scenario:
    """A scenario of how VET may evolve, as the requesting member may see it."""

    uuid: str
    title: str
    narrative: str
    narrative_html: str
    language: str
    drivers: tuple[str, ...]
    policy_choices: tuple[str, ...]
    is_seed: bool
    status: str
    thread_id: str
    author_name: str = ""
    is_own: bool = False
    moderation_reason: str = ""
    created: datetime | None = None
    translations: tuple[TranslationText, ...] = ()


@dataclass(frozen=True)
class DelphiResults:
    """A forum's rounds, the member's own ratings and the aggregates of closed rounds."""

    rounds: tuple[RatingRound, ...]
    current_round: RatingRound | None
    max_rounds: int
    own_ratings: tuple[OwnRating, ...]
    convergence: tuple[Convergence, ...]
    min_raters: int
    # How many members rated in the latest round so far: a count, never who.
    current_raters: int = 0
    # Scenarios that may be rated in the open round (each gets at most ``max_rounds`` rounds).
    rateable: tuple[str, ...] = ()
    # Whether staff may open another round: rounds remain, or a scenario published late still has some.
    can_open_round: bool = False
    # How many scenarios a further round would be for, when it goes beyond ``max_rounds``.
    late_scenarios: int = 0

    def own(self, scenario_uuid: str, round_number: int) -> OwnRating | None:
        for rating in self.own_ratings:
            if rating.scenario_uuid == scenario_uuid and rating.round_number == round_number:
                return rating
        return None

    def latest(self, scenario_uuid: str) -> Aggregate | None:
        """The aggregate of the last closed round that has one for the scenario."""
        for item in self.convergence:
            if item.scenario_uuid == scenario_uuid and item.aggregates:
                return item.aggregates[-1]
        return None


@dataclass(frozen=True)
class ScenarioForum:
    """The Studio configuration of one scenario forum block, as the plugin keeps it."""

    course_key: str
    usage_key: str
    title: str
    strategic_question: str
    horizon_year: int | None
    drivers: tuple[tuple[str, str], ...]
    policy_choices: tuple[str, ...]
    allow_proposals: bool
    pre_moderate: bool
    max_rounds: int


@dataclass(frozen=True)
class BriefScenario:
    """One scenario in a policy brief: where the community placed it and why."""

    scenario: Scenario
    final: Aggregate | None
    convergence: Convergence | None
    arguments: tuple[Post, ...] = ()
    # The arguments with the translation into the reader's language where one exists.
    quotes: tuple[BriefQuote, ...] = ()
    # The scenario's translation into the reader's language, if any.
    translation: TranslationText | None = None


@dataclass(frozen=True)
class BriefQuote:
    """An argument quoted in the brief, in the reader's language when a translation exists."""

    post: Post
    translation: TranslationText | None = None


@dataclass(frozen=True)
class PolicyBrief:
    """The printable summary of a scenario forum for staff and policy makers."""

    forum: ScenarioForum
    generated: datetime
    # The closed rounds that produced ratings: open and empty rounds are not results.
    rounds: tuple[RatingRound, ...]
    scenarios: tuple[BriefScenario, ...]
    min_raters: int
    # The number of a round still open, whose ratings the brief leaves out.
    open_round: int | None = None
    # The language the brief is written for.
    language: str = ""


@dataclass(frozen=True)
class ForumPage:
    """
    What a forum's page shows one member: the scenarios, the Delphi results,
    each scenario's discussion (first page, by scenario uuid), the history of
    its edited posts (by post id), the latest closed round's rationales (by
    scenario uuid) and, for staff, the flagged posts.
    """

    scenarios: tuple[Scenario, ...]
    results: DelphiResults
    threads: dict[str, Thread] = field(default_factory=dict)
    revisions: dict[str, tuple[PostRevision, ...]] = field(default_factory=dict)
    rationales: dict[str, tuple[str, ...]] = field(default_factory=dict)
    flagged: tuple[FlaggedPost, ...] = ()
    is_moderator: bool = False
    can_read_policy_brief: bool = False
