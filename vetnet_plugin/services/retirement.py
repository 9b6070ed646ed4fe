"""Retirement (GDPR): one entry point that erases a member's personal data everywhere."""
from .discussions import retire_discussion_member
from .members import retire_member_profile
from .toolbox_reuse import retire_toolbox_member


def retire_member(*, user_id: int) -> None:
    """
    Remove every piece of the user's personal data the plugin holds (idempotent).

    Community material others rely on (posts with replies, published resources,
    closed Delphi rounds) stays, no longer linked to the person; each domain
    says how in its own retirement function.
    """
    retire_discussion_member(user_id)
    retire_toolbox_member(user_id=user_id)
    retire_member_profile(user_id=user_id)
