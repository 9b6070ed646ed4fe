"""
VETNet's models. Only ``vetnet_plugin.api`` writes them; everything else reads
through the API's data classes.
"""
from .best_practices.models import (
    BestPractice,
    BestPracticeAssignment,
    CalibrationReview,
    Credential,
    GradeOverride,
    PeerReview,
)
from .discussions.models import (
    Follow,
    Post,
    PostFlag,
    PostRevision,
    PostVote,
    Thread,
    Translation,
)
from .members.models import CourseMembership, MemberProfile, ProfileAttribute
from .scenarios.models import Rating, RatingRound, Scenario, ScenarioForum
from .toolbox.models import (
    Adoption,
    Collection,
    CollectionItem,
    Resource,
    ResourceAttribute,
    ResourceVersion,
    Review,
)

__all__ = [
    "CourseMembership", "MemberProfile", "ProfileAttribute",
    "Follow", "Post", "PostFlag", "PostRevision", "PostVote", "Thread", "Translation",
    "Rating", "RatingRound", "Scenario", "ScenarioForum",
    "Adoption", "Collection", "CollectionItem", "Resource", "ResourceAttribute", "ResourceVersion", "Review",
    "BestPractice", "BestPracticeAssignment", "CalibrationReview", "Credential", "GradeOverride", "PeerReview",
]
