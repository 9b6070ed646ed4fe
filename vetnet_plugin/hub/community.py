"""
The member's communities across courses and what is new for them in each.

Every count is read for all the member's courses at once, one query per kind
of news, so the page costs the same for a member of one course or of fifty.
"""
from __future__ import annotations

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .. import compat
from ..best_practices.api import count_reviews_waiting
from ..conf import setting
from ..counselling.api import count_cases_routed_to
from ..discussions.api import count_followed_threads_with_news
from ..exceptions import AccessDenied
from ..members.api import actor_for, list_member_course_keys
from ..workspaces.api import count_workspace_invitations, count_workspace_tasks_due
from . import data, phases
from .credentials import credential_uuids_by_course

_LINK_LABELS = {
    "library": gettext_lazy("Community library"),
    "directory": gettext_lazy("Member directory"),
    "repository": gettext_lazy("Best-practice repository"),
}


def _links(course_keys: list[str]) -> tuple[data.HubLink, ...]:
    """The cross-course parts: the operator's links, else the plugin's own endpoints where they exist."""
    configured = setting("VETNET_HUB_LINKS") or {}
    first = course_keys[0] if course_keys else None
    defaults = {}
    if first:
        try:
            defaults["library"] = reverse("vetnet:toolbox-resources", args=[first]) + "?scope=community"
            defaults["directory"] = reverse("vetnet:members", args=[first])
            defaults["repository"] = reverse("vetnet:repository-member", args=[first])
        except NoReverseMatch:  # pragma: no cover - all three are part of the plugin's own URLs
            pass
    return tuple(
        data.HubLink(key=key, label=str(_LINK_LABELS[key]), url=configured.get(key) or defaults.get(key, ""))
        for key in ("library", "directory", "repository")
    )


def get_progressions(*, user_id: int, course_keys=None) -> tuple[data.Progression, ...]:
    """The member's recorded progression in each of their communities (or in ``course_keys``). Three queries."""
    keys = list(course_keys) if course_keys is not None else list_member_course_keys(user_id=user_id)
    rows = phases.progress_rows(user_id=user_id, course_keys=keys)
    criteria = phases.criteria_by_course(keys)
    credentials = credential_uuids_by_course(user_id=user_id, course_keys=keys)
    return tuple(phases.progression_of(str(key), rows.get(str(key)), criteria[str(key)], credentials.get(str(key), {}))
                 for key in criteria)


def get_hub(*, user, course_key=None) -> data.Hub:
    """
    The member's hub: each community they belong to, what is new for them
    there, their progression, and the cross-course links. With ``course_key``,
    that course comes first (the course tab), and the member must belong to it.
    """
    if not user or not getattr(user, "is_authenticated", False):
        raise AccessDenied(_("Sign in to see your communities."))
    keys = list_member_course_keys(user_id=user.id)
    if course_key is not None:
        actor = actor_for(user=user, course_key=course_key)
        if not actor.is_member:
            raise AccessDenied(_("Only members of this course community can see its hub."))
        first = str(actor.course_key)
        keys = [first, *[key for key in keys if key != first]]
    news = {
        "followed_threads": count_followed_threads_with_news(user_id=user.id, course_keys=keys),
        "cases_routed": count_cases_routed_to(user_id=user.id, course_keys=keys),
        "invitations": count_workspace_invitations(user_id=user.id, course_keys=keys),
        "reviews_waiting": count_reviews_waiting(user_id=user.id, course_keys=keys),
        "tasks_due": count_workspace_tasks_due(user_id=user.id, course_keys=keys,
                                               within_days=setting("VETNET_HUB_TASKS_DUE_DAYS")),
    }
    names = compat.course_names(keys)
    progressions = {item.course_key: item for item in get_progressions(user_id=user.id, course_keys=keys)}
    communities = tuple(
        data.CommunityNews(course_key=key, course_name=names.get(key) or key,
                           progression=progressions[key], **{name: counts.get(key, 0) for name, counts in news.items()})
        for key in keys
    )
    return data.Hub(communities=communities, links=_links(keys))
