"""Retirement (GDPR): one entry point that erases a member's personal data everywhere."""
from django.db import transaction

from ..best_practices.api import retire_best_practice_member
from ..discussions.api import retire_discussion_member
from ..members.api import retire_member_profile
from ..scenarios.api import retire_delphi_member
from ..toolbox.api import retire_toolbox_member
from ..workspaces.api import retire_workspace_member

__all__ = ["retire_member"]


def retire_member(*, user_id: int) -> None:
    """
    Remove every piece of the user's personal data the plugin holds (idempotent).

    Community material others rely on (posts with replies, published resources,
    closed Delphi rounds) stays, no longer linked to the person; each feature
    says how in its own retirement function.
    """
    with transaction.atomic():
        retire_discussion_member(user_id)
        retire_delphi_member(user_id=user_id)
        retire_toolbox_member(user_id=user_id)
        retire_best_practice_member(user_id=user_id)
        retire_workspace_member(user_id=user_id)
        retire_member_profile(user_id=user_id)
