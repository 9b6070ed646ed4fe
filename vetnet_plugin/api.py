"""
The public Python API of VETNet.

Everything outside ``vetnet_plugin`` (the XBlocks, the REST views, tasks,
management commands) calls only what this module exports. Functions take
keyword arguments, accept course keys as strings or ``CourseKey`` objects,
return values from ``vetnet_plugin.data`` and raise errors from
``vetnet_plugin.exceptions``.
"""
from .services.members import (
    can_view_community,
    get_member_profile,
    get_membership,
    is_active_member,
    list_community_members,
    parse_course_key,
    record_enrollment,
    record_unenrollment,
    retire_member,
    update_member_profile,
)
from .services.toolbox import (
    add_resource_version,
    approve_resource,
    deposit_resource,
    get_resource,
    hide_resource,
    open_resource_download,
    reject_resource,
    scan_resource_version,
    update_resource,
    upload_extensions,
    upload_limit,
    withdraw_resource,
)
from .services.toolbox_library import list_moderation_queue, list_resources
from .services.toolbox_reuse import (
    add_to_collection,
    adopt_resource,
    create_collection,
    delete_collection,
    delete_review,
    get_collection,
    list_adoptions,
    list_collections,
    list_reviews,
    remove_from_collection,
    report_adoption_outcome,
    retire_toolbox_member,
    review_resource,
    update_collection,
    withdraw_adoption,
)
from .toolbox_data import ResourceFilters, ResourceMetadata, ToolboxContext
from .toolbox_vocabulary import (
    EQF_LEVELS,
    LICENCES,
    MODERATION_MODES,
    RESOURCE_TYPES,
    SCOPES,
    SORT_ORDERS,
    TARGET_GROUPS,
)
from .taxonomy import LANGUAGES, SECTORS, TOPICS, OrganisationType

__all__ = [
    # Vocabularies
    "LANGUAGES",
    "SECTORS",
    "TOPICS",
    "OrganisationType",
    # Members and course communities
    "can_view_community",
    "get_member_profile",
    "get_membership",
    "is_active_member",
    "list_community_members",
    "parse_course_key",
    "record_enrollment",
    "record_unenrollment",
    "retire_member",
    "update_member_profile",
    # Sharing: the resource toolbox and the community library
    "EQF_LEVELS",
    "LICENCES",
    "MODERATION_MODES",
    "RESOURCE_TYPES",
    "SCOPES",
    "SORT_ORDERS",
    "TARGET_GROUPS",
    "ResourceFilters",
    "ResourceMetadata",
    "ToolboxContext",
    "add_resource_version",
    "add_to_collection",
    "adopt_resource",
    "approve_resource",
    "create_collection",
    "delete_collection",
    "delete_review",
    "deposit_resource",
    "get_collection",
    "get_resource",
    "hide_resource",
    "list_adoptions",
    "list_collections",
    "list_moderation_queue",
    "list_resources",
    "list_reviews",
    "open_resource_download",
    "reject_resource",
    "remove_from_collection",
    "report_adoption_outcome",
    "retire_toolbox_member",
    "review_resource",
    "scan_resource_version",
    "update_collection",
    "update_resource",
    "upload_extensions",
    "upload_limit",
    "withdraw_adoption",
    "withdraw_resource",
]
