"""The public API of the members feature. Other features and the edges call only this."""
from .access import (
    actor_for,
    can_view_community,
    forget_actors,
    is_moderator,
    require_moderator,
    require_viewer,
)
from .backfill import backfill_memberships, count_enrollments_to_backfill
from .community import (
    get_countries_and_organisation_types,
    get_member_profile,
    get_membership,
    is_active_member,
    list_community_members,
    list_member_course_keys,
    member_id_batches,
    record_enrollment,
    record_unenrollment,
    retire_member_profile,
    update_member_profile,
)
from .contact import contact_member
from .counsellors import find_counsellors
from .data import (
    COMMUNITY_ROLES,
    POLICY_MAKER_ROLE,
    BackfillResult,
    CommunityRole,
    DirectoryFilters,
    MemberProfile,
    Membership,
)
from .partners import get_member_profiles, list_partner_candidates
from .report import count_members_taking_part, list_community_course_keys, list_courses_with_role
from .roles import (
    grant_community_role,
    has_community_role,
    list_community_roles,
    revoke_community_role,
)
from .transfer import count_profiles, export_profiles, import_profiles, read_profiles_export

__all__ = [
    "COMMUNITY_ROLES",
    "POLICY_MAKER_ROLE",
    "BackfillResult",
    "CommunityRole",
    "DirectoryFilters",
    "MemberProfile",
    "Membership",
    "actor_for",
    "backfill_memberships",
    "can_view_community",
    "contact_member",
    "count_enrollments_to_backfill",
    "count_profiles",
    "export_profiles",
    "count_members_taking_part",
    "find_counsellors",
    "forget_actors",
    "get_countries_and_organisation_types",
    "get_member_profile",
    "get_member_profiles",
    "get_membership",
    "grant_community_role",
    "has_community_role",
    "import_profiles",
    "is_active_member",
    "is_moderator",
    "list_community_members",
    "list_community_course_keys",
    "list_community_roles",
    "read_profiles_export",
    "list_courses_with_role",
    "list_partner_candidates",
    "list_member_course_keys",
    "member_id_batches",
    "record_enrollment",
    "record_unenrollment",
    "require_moderator",
    "require_viewer",
    "retire_member_profile",
    "revoke_community_role",
    "update_member_profile",
]
