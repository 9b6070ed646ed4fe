"""Members: who belongs to a course community, and their profile."""
from __future__ import annotations

import functools

from django.utils.safestring import SafeString

from vetnet_plugin import api
from vetnet_plugin.exceptions import AccessDenied

from ..mixins import BlockUser
from .acting import ActingUser

__all__ = ["MembersBackend", "render_markdown"]


@functools.lru_cache(maxsize=512)
def render_markdown(text: str) -> SafeString:
    """
    A trainer's Markdown (a block's instructions, a forum's question), sanitised the one way the whole
    product does it. Rendered once per text and process: the same few authored texts are shown on
    every view, and the HTML depends on nothing but the text. Members' texts come with the HTML
    stored when they were written.
    """
    return api.render_markdown(text)


class MembersBackend:
    """The members feature as one block's request sees it."""

    def __init__(self, *, user: BlockUser | ActingUser, course_key: str):
        self.acting = user if isinstance(user, ActingUser) else ActingUser(user)
        self.course_key = course_key
        self._is_member: bool | None = None

    def is_community_member(self) -> bool:
        """True if the user takes part in the course community: an active member, or course staff."""
        if self._is_member is None:
            acting = self.acting
            if not acting.is_authenticated or not self.course_key:
                self._is_member = False
            elif acting.is_staff:
                self._is_member = True
            else:
                # The same resolved actor every feature's API then uses: one membership question per request.
                try:
                    user = acting.django_user("")
                except AccessDenied:
                    user = None
                self._is_member = api.actor_for(user=user, course_key=self.course_key).is_member
        return self._is_member

    def require_community_member(self, *, message: str) -> None:
        """Raise ``AccessDenied`` with the (translated) ``message`` unless the user is a community member."""
        if not self.is_community_member():
            raise AccessDenied(message)

    def member_profile(self) -> api.MemberProfile | None:
        """The user's member profile, or None for an anonymous user."""
        if not self.acting.is_authenticated:
            return None
        return api.get_member_profile(user_id=self.acting.user_id)
