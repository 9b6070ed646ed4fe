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
]
