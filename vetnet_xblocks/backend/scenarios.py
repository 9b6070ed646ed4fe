"""The scenario forum and the discussions it hangs on its scenarios, for one forum block."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from vetnet_plugin import api
from vetnet_plugin import exceptions as api_errors
from vetnet_plugin.data import Page

from ..mixins import BlockUser
from .acting import ActingUser
from .members import MembersBackend

__all__ = ["ForumProgress", "ScenarioForumBackend", "forum_languages"]

# Ids of posts and threads as the API hands them out; callers pass them back unchanged.
PostId = int | str
ThreadId = int | str


def forum_languages() -> tuple[str, ...]:
    """The languages contributions may be written in (the operator's setting)."""
    return tuple(api.community_languages())


@dataclass(frozen=True)
class ForumProgress:
    """What completion and the participation score count for one member in one forum."""

    rated_current_round: bool = False
    rounds_rated: int = 0
    posted: bool = False


class ScenarioForumBackend:
    """
    One scenario forum (a block's usage key in a course) as the acting user sees it.

    Build it once per view or handler call; every method acts as that user.
    """

    _SIGN_IN = "Sign in to take part in the forum."

    def __init__(self, *, user: BlockUser | ActingUser, course_key: str, usage_key: str):
        self.acting = user if isinstance(user, ActingUser) else ActingUser(user)
        self.course_key = course_key
        self.usage_key = usage_key
        self.members = MembersBackend(user=self.acting, course_key=course_key)

    def _as_user(self) -> dict:
        return {"user": self.acting.django_user(self._SIGN_IN), "course_key": self.course_key}

    def _in_forum(self) -> dict:
        return dict(self._as_user(), usage_key=self.usage_key)

    # -- the forum's settings ------------------------------------------------------

    def configure(self, *, title: str, strategic_question: str, horizon_year: int | None, drivers: Sequence,
                  policy_choices: Sequence, seeds: Sequence, allow_proposals: bool, pre_moderate: bool,
                  max_rounds: int) -> api.ScenarioForum:
        """Hand the block's Studio settings and seed scenarios to the plugin (cheap when unchanged)."""
        return api.configure_scenario_forum(
            course_key=self.course_key, usage_key=self.usage_key, title=title,
            strategic_question=strategic_question, horizon_year=horizon_year, drivers=drivers,
            policy_choices=policy_choices, seeds=seeds, allow_proposals=allow_proposals,
            pre_moderate=pre_moderate, max_rounds=max_rounds,
        )

    @staticmethod
    def machine_translation_enabled() -> bool:
        """Whether the operator configured a machine translation provider."""
        return api.machine_translation_enabled()

    @staticmethod
    def languages() -> tuple[str, ...]:
        return forum_languages()

    # -- the chart (drawn by the plugin, so the forum and the policy brief show the same one) --

    @staticmethod
    def scenario_chart(*, scenarios, convergence) -> dict:
        return api.scenario_chart(scenarios=scenarios, convergence=convergence)

    @staticmethod
    def render_scenario_chart(*, chart: dict, dom_id: str) -> str:
        return api.render_scenario_chart(chart=chart, dom_id=dom_id)

    # -- the policy role, granted by course staff from the forum ------------------------

    def list_community_roles(self, *, role: str = "", page=1, page_size: int | None = None) -> Page:
        return api.list_community_roles(**self._as_user(), role=role, page=page, page_size=page_size)

    def grant_community_role(self, *, member_id, role: str) -> api.CommunityRole:
        return api.grant_community_role(**self._as_user(), member_id=member_id, role=role)

    def revoke_community_role(self, *, member_id, role: str) -> api.CommunityRole:
        return api.revoke_community_role(**self._as_user(), member_id=member_id, role=role)

    def list_community_members(self, *, page=1, page_size: int | None = None) -> Page:
        return api.list_community_members(**self._as_user(), page=page, page_size=page_size)

    # -- who may do what -------------------------------------------------------------

    def is_moderator(self) -> bool:
        return api.is_moderator(**self._as_user())

    def can_read_policy_brief(self) -> bool:
        return api.can_read_policy_brief(**self._as_user())

    # -- policy makers' answers to the scenarios -------------------------------------

    def policy_responses(self, *, scenario_uuids: Sequence[str]) -> dict[str, tuple[api.PolicyResponse, ...]]:
        """Each scenario's policy responses, newest first, in one query (none for someone outside the community)."""
        if not scenario_uuids or self.acting.user_id is None:
            return {}
        try:
            found = api.list_policy_responses(**self._as_user(), target_kind="scenario", targets=scenario_uuids)
        except api_errors.AccessDenied:
            return {}
        grouped: dict[str, list] = {}
        for response in found:
            grouped.setdefault(response.target, []).append(response)
        return {uuid: tuple(items) for uuid, items in grouped.items()}

    def progress(self) -> ForumProgress:
        """What the member has done here so far (nothing for an anonymous user)."""
        user_id = self.acting.user_id
        if user_id is None:
            return ForumProgress()
        return ForumProgress(
            rated_current_round=api.has_rated_in_current_round(user_id=user_id, usage_key=self.usage_key),
            rounds_rated=api.rounds_rated(user_id=user_id, usage_key=self.usage_key),
            posted=api.has_posted(user_id=user_id, usage_key=self.usage_key),
        )

    # -- scenarios ---------------------------------------------------------------------

    def forum_page(self, *, language: str = "", open_threads=None) -> api.ForumPage:
        """Everything the forum's page shows this user (the posts of ``open_threads`` only), in fixed queries."""
        return api.get_forum_page(**self._in_forum(), language=language, open_threads=open_threads)

    def list_scenarios(self, *, language: str = "") -> tuple[api.Scenario, ...]:
        return api.list_scenarios(**self._in_forum(), language=language)

    def get_scenario(self, *, scenario_uuid) -> api.Scenario:
        return api.get_scenario(**self._in_forum(), scenario_uuid=scenario_uuid)

    def propose_scenario(self, *, title: str, narrative: str, drivers: Sequence[str] = (),
                         policy_choices: Sequence[str] = (), language: str = "") -> api.Scenario:
        return api.propose_scenario(**self._in_forum(), title=title, narrative=narrative, drivers=drivers,
                                    policy_choices=policy_choices, language=language)

    def moderate_scenario(self, *, scenario_uuid, publish: bool, reason: str = "") -> api.Scenario:
        return api.moderate_scenario(**self._in_forum(), scenario_uuid=scenario_uuid, publish=publish,
                                     reason=reason)

    # -- Delphi rounds -------------------------------------------------------------------

    def delphi_results(self) -> api.DelphiResults:
        return api.get_delphi_results(**self._in_forum())

    def rate_scenario(self, *, scenario_uuid, plausibility, desirability, rationale: str = "",
                      language: str = "") -> api.OwnRating:
        return api.rate_scenario(**self._in_forum(), scenario_uuid=scenario_uuid, plausibility=plausibility,
                                 desirability=desirability, rationale=rationale, language=language)

    def open_rating_round(self) -> api.RatingRound:
        return api.open_rating_round(**self._in_forum())

    def close_rating_round(self) -> api.RatingRound:
        return api.close_rating_round(**self._in_forum())

    def list_rationales(self, *, scenario_uuid, round_number: int) -> tuple[str, ...]:
        return api.list_rationales(**self._in_forum(), scenario_uuid=scenario_uuid, round_number=round_number)

    # -- the discussion of each scenario ----------------------------------------------------

    def get_thread(self, *, thread_id: ThreadId, language: str = "") -> api.Thread:
        return api.get_thread(**self._as_user(), thread_id=thread_id, language=language)

    def create_post(self, *, thread_id: ThreadId, body: str, parent_id: PostId | None = None,
                    language: str = "") -> api.Post:
        return api.create_post(**self._as_user(), thread_id=thread_id, body=body, parent_id=parent_id,
                               language=language)

    def edit_post(self, *, post_id: PostId, body: str, language: str = "") -> api.Post:
        return api.edit_post(**self._as_user(), post_id=post_id, body=body, language=language)

    def list_post_revisions(self, *, post_id: PostId) -> tuple[api.PostRevision, ...]:
        return api.list_post_revisions(**self._as_user(), post_id=post_id)

    def vote_post(self, *, post_id: PostId, vote: bool = True) -> int:
        """Vote for (or take back the vote on) a post; the post's new vote count."""
        return api.vote_post(**self._as_user(), post_id=post_id, vote=vote)

    def flag_post(self, *, post_id: PostId, reason: str = "") -> None:
        api.flag_post(**self._as_user(), post_id=post_id, reason=reason)

    def moderate_post(self, *, post_id: PostId, hide: bool, reason: str = "") -> api.Post:
        return api.moderate_post(**self._as_user(), post_id=post_id, hide=hide, reason=reason)

    def list_flagged_posts(self) -> Page:
        """Posts members flagged in this forum (moderators only)."""
        return api.list_flagged_posts(**self._as_user(), usage_key=self.usage_key)

    def follow_thread(self, *, thread_id: ThreadId, email_digest: bool = True) -> api.Thread:
        return api.follow_thread(**self._as_user(), thread_id=thread_id, email_digest=email_digest)

    def unfollow_thread(self, *, thread_id: ThreadId) -> None:
        api.unfollow_thread(**self._as_user(), thread_id=thread_id)

    def contribute_translation(self, *, kind: str, object_id, language: str, body: str,
                               title: str = "") -> api.TranslationText:
        return api.contribute_translation(**self._as_user(), kind=kind, object_id=object_id, language=language,
                                          body=body, title=title)

    def machine_translate(self, *, kind: str, object_id, language: str) -> api.TranslationText | None:
        """A machine translation added beside the original, or None when no provider answers."""
        return api.machine_translate(**self._as_user(), kind=kind, object_id=object_id, language=language)
