"""
The blocks' only road to community data: a thin adapter over ``vetnet_plugin.api``.

Blocks speak in ``BlockUser`` values and course keys as strings; the API
speaks in user ids and keys. Translating between the two here keeps the
blocks free of the plugin's internals, and gives tests one seam to replace.
Functions return values from ``vetnet_plugin.data`` and raise errors from
``vetnet_plugin.exceptions``, which the blocks' JSON handlers map to 4xx.
"""
from __future__ import annotations

from vetnet_plugin import api, data
from vetnet_plugin.exceptions import AccessDenied

from .mixins import BlockUser

__all__ = [
    "is_community_member",
    "member_profile",
    "require_community_member",
]


def is_community_member(*, user: BlockUser, course_key: str) -> bool:
    """True if the user takes part in the course community: an active member, or course staff."""
    if not user.is_authenticated or not course_key:
        return False
    if user.is_staff:
        return True
    return api.is_active_member(user_id=user.user_id, course_key=course_key)


def require_community_member(*, user: BlockUser, course_key: str, message: str) -> None:
    """Raise ``AccessDenied`` with the (translated) ``message`` unless the user is a community member."""
    if not is_community_member(user=user, course_key=course_key):
        raise AccessDenied(message)


def member_profile(*, user: BlockUser) -> data.MemberProfile | None:
    """The user's member profile, or None for an anonymous user."""
    if not user.is_authenticated:
        return None
    return api.get_member_profile(user_id=user.user_id)
