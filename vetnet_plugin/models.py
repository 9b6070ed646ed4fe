"""
VETNet's models, where Django looks for them. Each feature keeps its own in
``<feature>/models.py`` and is their only writer (through its ``api.py``);
everything else reads through the features' APIs and their data classes.
"""
from .best_practices.models import (
    BestPractice,
    BestPracticeAssignment,
    CalibrationReview,
    Credential,
    GradeOverride,
    PeerReview,
    PracticeAdoption,
    RepositoryEntry,
)
from .counselling.models import (
    AcceptedAnswer,
    CaseAdviser,
    CaseRouting,
    CaseTopic,
    CounsellingCase,
    CounsellingDesk,
    CounsellingNoticeOptOut,
)
from .discussions.models import Follow, Post, PostFlag, PostRevision, PostVote, Thread, Translation
from .hub.models import PhaseCredential, PhaseCriteria, PhaseProgress
from .members.models import CommunityRole, CourseMembership, MemberContact, MemberProfile, ProfileAttribute
from .partnerships.models import Partnership, PartnershipMember
from .policy.models import PolicyResponse, PolicySnapshot
from .scenarios.models import Rating, RatingRound, RoundAggregate, Scenario, ScenarioForum
from .toolbox.models import Adoption, Collection, CollectionItem, Resource, ResourceAttribute, ResourceVersion, Review
from .workspaces.models import (
    DocumentRevision,
    Workspace,
    WorkspaceAttachment,
    WorkspaceDocument,
    WorkspaceMembership,
    WorkspaceTask,
    WorkspaceTheme,
)

__all__ = [
    "CommunityRole", "CourseMembership", "MemberContact", "MemberProfile", "ProfileAttribute",
    "Follow", "Post", "PostFlag", "PostRevision", "PostVote", "Thread", "Translation",
    "Rating", "RatingRound", "RoundAggregate", "Scenario", "ScenarioForum",
    "Adoption", "Collection", "CollectionItem", "Resource", "ResourceAttribute", "ResourceVersion", "Review",
    "BestPractice", "BestPracticeAssignment", "CalibrationReview", "Credential", "GradeOverride", "PeerReview",
    "PracticeAdoption", "RepositoryEntry",
    "AcceptedAnswer", "CaseAdviser", "CaseRouting", "CaseTopic", "CounsellingCase", "CounsellingDesk",
    "CounsellingNoticeOptOut",
    "DocumentRevision", "Workspace", "WorkspaceAttachment", "WorkspaceDocument", "WorkspaceMembership",
    "WorkspaceTask", "WorkspaceTheme",
    "PolicyResponse", "PolicySnapshot",
    "Partnership", "PartnershipMember",
    "PhaseCredential", "PhaseCriteria", "PhaseProgress",
]
