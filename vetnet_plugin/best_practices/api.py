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
    PracticeAdoptionReport,
    PracticeSection,
    QualityLabel,
    ReceivedReview,
    RepositoryEntry,
    RepositoryEntryDetail,
    RepositoryExport,
    RepositoryFilters,
    RepositoryStatus,
    ReviewerQuality,
    ReviewLease,
    StaffReview,
    StaffRow,
    TemplateSection,
)
from .dissemination import (
    EXPORT_FORMATS,
    export_as_csv,
    export_as_json,
    export_repository_entry,
    get_public_repository_entry,
    list_public_repository,
    list_repository_feed,
    public_repository_enabled,
)
from .learner import get_learner_view, learner_score
from .report import count_best_practices
from .repository import FILTER_LABELS as REPOSITORY_FILTER_LABELS
from .repository import LABELS as REPOSITORY_LABELS
from .repository import ORDERINGS as _REPOSITORY_ORDERINGS
from .repository import (
    count_members_accepted_practices,
    describe_repository_entry,
    list_repository,
    repository_page_urls,
    withdraw_from_repository,
)
from .repository_adoption import (
    adopt_practice,
    get_repository_entry,
    report_practice_outcome,
    withdraw_practice_adoption,
)
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
from .transfer import count_repository, export_repository, import_repository, read_repository_export
from .waiting import apply_waiting_rule

REPOSITORY_SORTS = tuple(_REPOSITORY_ORDERINGS)

__all__ = [
    "DEFAULT_SECTIONS",
    "EXPORT_FORMATS",
    "REPOSITORY_FILTER_LABELS",
    "REPOSITORY_LABELS",
    "REPOSITORY_SORTS",
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
    "PracticeAdoptionReport",
    "PracticeSection",
    "QualityLabel",
    "ReceivedReview",
    "RepositoryEntry",
    "RepositoryEntryDetail",
    "RepositoryStatus",
    "RepositoryExport",
    "RepositoryFilters",
    "ReviewLease",
    "ReviewerQuality",
    "StaffReview",
    "StaffRow",
    "TemplateSection",
    "adopt_practice",
    "apply_waiting_rule",
    "approve_for_repository",
    "calibrate",
    "check_best_practice",
    "configure_best_practice",
    "count_best_practices",
    "count_members_accepted_practices",
    "count_best_practice_contributions",
    "count_repository",
    "count_reviews_waiting",
    "describe_repository_entry",
    "expire_leases",
    "export_as_csv",
    "export_as_json",
    "export_repository",
    "export_repository_entry",
    "get_learner_view",
    "get_practice_for_staff",
    "get_public_repository_entry",
    "get_repository_entry",
    "import_repository",
    "learner_score",
    "list_member_credentials",
    "list_members_credentials",
    "list_practice_reviews",
    "list_public_repository",
    "list_repository",
    "list_repository_feed",
    "list_reviewer_quality",
    "list_submissions",
    "override_grade",
    "public_repository_enabled",
    "read_repository_export",
    "repository_page_urls",
    "reassign_review",
    "record_certificate",
    "report_practice_outcome",
    "request_review",
    "retire_best_practice_member",
    "save_draft",
    "submit_practice",
    "submit_review",
    "submit_self_assessment",
    "withdraw_from_repository",
    "withdraw_practice",
    "withdraw_practice_adoption",
]
