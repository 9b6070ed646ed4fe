"""Who is acting in one request: the block's user, turned into the Django user once."""
from __future__ import annotations

from django.contrib.auth import get_user_model

from vetnet_plugin import api
from vetnet_plugin.exceptions import AccessDenied

from ..mixins import BlockUser

__all__ = ["ActingUser", "BlockBackend"]

_UNRESOLVED = object()


class ActingUser:
    """
    The current user of one view or handler call.

    The feature APIs take the Django user, so course-staff rights are decided
    by the platform (``compat``), never by what the block was told about the
    user. The lookup happens on first need and is kept for the rest of the
    call; a new request builds a new ``ActingUser``.
    """

    def __init__(self, user: BlockUser):
        self.block_user = user
        self._django_user = _UNRESOLVED

    @property
    def user_id(self) -> int | None:
        return self.block_user.user_id

    @property
    def is_authenticated(self) -> bool:
        return self.block_user.is_authenticated

    @property
    def is_staff(self) -> bool:
        """What the runtime says; only for choosing what to show, never for access checks."""
        return self.block_user.is_staff

    def django_user(self, message: str):
        """The active Django user, or ``AccessDenied(message)`` for someone who is not (or not signed in)."""
        if self._django_user is _UNRESOLVED:
            found = None
            if self.block_user.is_authenticated:
                found = get_user_model().objects.filter(pk=self.block_user.user_id, is_active=True).first()
            self._django_user = found
        if self._django_user is None:
            raise AccessDenied(message)
        return self._django_user


class BlockBackend:
    """
    What a feature's adapter holds for one user in one block: the acting user
    (resolved once per call), the course and the block's usage key.
    ``sign_in_message`` is what someone not signed in is told.
    """

    sign_in_message = "Sign in to take part."

    def __init__(self, *, user: BlockUser | ActingUser, course_key: str, usage_key: str):
        self.acting = user if isinstance(user, ActingUser) else ActingUser(user)
        self.block_user = self.acting.block_user
        self.course_key = course_key
        self.usage_key = usage_key

    @property
    def user(self):
        """The acting Django user, looked up once per call (``ActingUser``)."""
        return self.acting.django_user(self.sign_in_message)

    def is_member(self) -> bool:
        """Whether to show the member's view (the feature's api checks every action again)."""
        if not self.block_user.is_authenticated or not self.course_key:
            return False
        return self.block_user.is_staff or api.is_active_member(user_id=self.block_user.user_id,
                                                                course_key=self.course_key)
