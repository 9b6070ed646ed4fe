"""
The blocks' only road to community data: a thin adapter over ``vetnet_plugin.api``.

Blocks speak in ``BlockUser`` values and course keys as strings; the API
speaks in user ids and keys. Translating between the two here keeps the
blocks free of the plugin's internals, and gives tests one seam to replace.
Functions return values from ``vetnet_plugin.data`` and raise errors from
``vetnet_plugin.exceptions``, which the blocks' JSON handlers map to 4xx.
"""
from __future__ import annotations

from vetnet_plugin import api
from vetnet_plugin.exceptions import AccessDenied

from .mixins import BlockUser

__all__ = [
    "is_community_member",
    "member_profile",
    "render_markdown",
    "require_community_member",
]

# Members' and trainers' Markdown, sanitised the one way the whole product does it.
render_markdown = api.render_markdown


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


def member_profile(*, user: BlockUser) -> api.MemberProfile | None:
    """The user's member profile, or None for an anonymous user."""
    if not user.is_authenticated:
        return None
    return api.get_member_profile(user_id=user.user_id)


# -- Sharing: the resource toolbox ---------------------------------------------
# The toolbox API takes the Django user, so course-staff rights are decided by
# the platform (compat), never by what the block was told about the user.

__all__ += ["toolbox_call", "toolbox_context"]


def _django_user(user: BlockUser):
    from django.contrib.auth import get_user_model  # pylint: disable=import-outside-toplevel

    if not user.is_authenticated:
        raise AccessDenied("Sign in to use the toolbox.")
    found = get_user_model().objects.filter(pk=user.user_id, is_active=True).first()
    if found is None:
        raise AccessDenied("Sign in to use the toolbox.")
    return found


def toolbox_context(
    *, course_key: str, usage_key: str, scope: str, moderation: str, resource_types=(), max_upload_bytes: int = 0
):
    """The toolbox context of one block, from its Studio settings."""
    return api.ToolboxContext(
        course_key=course_key, usage_key=usage_key, scope=scope, moderation=moderation,
        resource_types=tuple(resource_types or ()), max_upload_bytes=int(max_upload_bytes or 0),
    )


_TOOLBOX_FUNCTIONS = frozenset({
    "list_resources", "get_resource", "deposit_resource", "add_resource_version", "update_resource",
    "withdraw_resource", "open_resource_download", "review_resource", "list_reviews", "adopt_resource",
    "report_adoption_outcome", "withdraw_adoption", "list_adoptions", "list_collections", "create_collection",
    "add_to_collection", "remove_from_collection", "get_collection", "delete_collection", "list_moderation_queue",
    "approve_resource", "reject_resource", "hide_resource", "approve_resource_change", "reject_resource_change",
})


def toolbox_call(name: str, *, user: BlockUser, context, **kwargs):
    """Call the toolbox function ``name`` of ``vetnet_plugin.api`` as ``user`` in the block's context."""
    if name not in _TOOLBOX_FUNCTIONS:
        raise ValueError(f"Not a toolbox function: {name}")
    return getattr(api, name)(user=_django_user(user), context=context, **kwargs)


# -- Communication: the scenario forum and the discussion core -------------------
# Like the toolbox, these API functions take the Django user, so who is staff is
# decided by the platform's own access rules, not by what the block was told.

__all__ += ["configure_scenario_forum", "forum_call", "member_progress"]

_FORUM_FUNCTIONS = frozenset({
    "list_scenarios", "get_scenario", "propose_scenario", "moderate_scenario", "count_pending_proposals",
    "get_delphi_results", "rate_scenario", "open_rating_round", "close_rating_round", "list_rationales",
    "get_thread", "create_post", "edit_post", "list_post_revisions", "vote_post", "flag_post", "moderate_post",
    "list_flagged_posts", "follow_thread", "unfollow_thread", "contribute_translation", "machine_translate",
    "can_read_policy_brief", "is_moderator",
    # Staff grant the policy role (the brief) from the forum.
    "list_community_roles", "grant_community_role", "revoke_community_role", "list_community_members",
})


def configure_scenario_forum(**settings):
    """Hand the block's Studio settings and seed scenarios to the plugin (cheap when unchanged)."""
    return api.configure_scenario_forum(**settings)


def forum_call(name: str, *, user: BlockUser, course_key: str, **kwargs):
    """Call the scenario-forum or discussion function ``name`` of ``vetnet_plugin.api`` as ``user``."""
    if name not in _FORUM_FUNCTIONS:
        raise ValueError(f"Not a scenario forum function: {name}")
    return getattr(api, name)(user=_forum_user(user), course_key=course_key, **kwargs)


def _forum_user(user: BlockUser):
    from django.contrib.auth import get_user_model  # pylint: disable=import-outside-toplevel

    found = None
    if user.is_authenticated:
        found = get_user_model().objects.filter(pk=user.user_id, is_active=True).first()
    if found is None:
        raise AccessDenied("Sign in to take part in the forum.")
    return found


def member_progress(*, user: BlockUser, usage_key: str) -> dict:
    """What completion and the participation score count for the user in one forum."""
    if not user.is_authenticated:
        return {"rated_current_round": False, "rounds_rated": 0, "posted": False}
    return {
        "rated_current_round": api.has_rated_in_current_round(user_id=user.user_id, usage_key=usage_key),
        "rounds_rated": api.rounds_rated(user_id=user.user_id, usage_key=usage_key),
        "posted": api.has_posted(user_id=user.user_id, usage_key=usage_key),
    }


def forum_settings() -> dict:
    """What the operator switched on that the forum's page needs to know."""
    return {
        "machine_translation": api.machine_translation_enabled(),
        "languages": api.community_languages(),
    }


__all__ += ["forum_settings"]


# The scenario chart is drawn by the plugin, so the forum and the policy brief show the same one.
scenario_chart = api.scenario_chart
render_scenario_chart = api.render_scenario_chart

__all__ += ["render_scenario_chart", "scenario_chart"]
