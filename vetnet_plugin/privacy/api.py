"""Privacy (GDPR): one entry point that erases a member's personal data everywhere, one that exports it."""
from django.contrib.auth import get_user_model
from django.db import transaction

from ..best_practices.api import retire_best_practice_member
from ..counselling.api import retire_counselling_member
from ..discussions.api import retire_discussion_member
from ..hub.api import retire_hub_member
from ..members.api import retire_member_profile
from ..partnerships.api import retire_partnership_member
from ..policy.api import retire_policy_responses
from ..scenarios.api import retire_delphi_member
from ..toolbox.api import retire_toolbox_member
from ..workspaces.api import retire_workspace_member
from .export import export_member_data
from .scrub import member_identifiers, scrub_member_identifiers

__all__ = ["export_member_data", "retire_member"]


def retire_member(*, user_id: int, identifiers=()) -> None:
    """
    Remove every piece of the user's personal data the plugin holds (idempotent).

    Community material others rely on (posts with replies, published resources,
    closed Delphi rounds) stays, no longer linked to the person; each feature
    says how in its own retirement function. Then the member's username, e-mail
    address and full name (and any other ``identifiers``, such as the original
    address the platform's retirement passes) are replaced by a neutral marker
    wherever they still appear in VETNet's text.
    """
    user = get_user_model().objects.filter(pk=user_id).first()
    names = member_identifiers(user, identifiers) if user is not None else [str(v) for v in identifiers if v]
    with transaction.atomic():
        retire_discussion_member(user_id)
        retire_delphi_member(user_id=user_id)
        retire_toolbox_member(user_id=user_id)
        retire_best_practice_member(user_id=user_id)
        retire_counselling_member(user_id=user_id)
        retire_workspace_member(user_id=user_id)
        retire_policy_responses(user_id=user_id)
        retire_partnership_member(user_id=user_id)
        retire_hub_member(user_id=user_id)
        retire_member_profile(user_id=user_id)
        scrub_member_identifiers(names)
