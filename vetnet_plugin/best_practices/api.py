"""The public API of the best-practice track."""
from .allocation import (
    calibrate,
    expire_leases,
    reassign_review,
    request_review,
    submit_review,
    submit_self_assessment,
)
from .assignments import DEFAULT_SECTIONS, check_best_practice, configure_best_practice
from .contributions import count_best_practice_contributions, count_reviews_waiting
from .credentials import list_member_credentials, list_members_credentials, record_certificate
from .data import (
    Assignment,
    CalibrationResult,
    Credential,
    Criterion,
    CriterionResult,
    Grade,
    LearnerView,
    Level,
    Practice,
    PracticeSection,
    ReceivedReview,
    ReviewerQuality,
    ReviewLease,
    StaffReview,
    StaffRow,
    TemplateSection,
)
from .learner import get_learner_view, learner_score
from .report import count_best_practices
from .retirement import retire_best_practice_member
from .staff import (
    approve_for_repository,
    get_practice_for_staff,
    list_practice_reviews,
    list_reviewer_quality,
    list_submissions,
    override_grade,
)
from .submissions import STATES as PRACTICE_STATES
from .submissions import save_draft, submit_practice, withdraw_practice
from .waiting import apply_waiting_rule

__all__ = [
    "DEFAULT_SECTIONS",
    "PRACTICE_STATES",
    "Assignment",
    "CalibrationResult",
    "Credential",
    "Criterion",
    "CriterionResult",
    "Grade",
    "LearnerView",
    "Level",
    "Practice",
    "PracticeSection",
    "ReceivedReview",
    "ReviewLease",
    "ReviewerQuality",
    "StaffReview",
    "StaffRow",
    "TemplateSection",
    "apply_waiting_rule",
    "approve_for_repository",
    "calibrate",
    "check_best_practice",
    "configure_best_practice",
    "count_best_practices",
    "count_best_practice_contributions",
    "count_reviews_waiting",
    "expire_leases",
    "get_learner_view",
    "get_practice_for_staff",
    "learner_score",
    "list_member_credentials",
    "list_members_credentials",
    "list_practice_reviews",
    "list_reviewer_quality",
    "list_submissions",
    "override_grade",
    "reassign_review",
    "record_certificate",
    "request_review",
    "retire_best_practice_member",
    "save_draft",
    "submit_practice",
    "submit_review",
    "submit_self_assessment",
    "withdraw_practice",
]
