"""
The scenario forum's JSON handlers. Each builds the forum's backend once for
its call (the member checked, the forum in sync with Studio), checks the shape
of its input, calls the named method of ``ScenarioForumBackend`` (the plugin
decides who may do what) and answers with a short message; the page then asks ``forum_html`` for the new
state of the forum.

No handler takes a user id or answers with anyone's rating but the caller's.
"""
from __future__ import annotations

from vetnet_plugin.exceptions import AccessDenied, InvalidInput

from ..mixins import json_handler
from ..mixins import text_list as _names
from ..mixins import text_value as _text

# More discussions than a forum shows at once are not asked for by its page.
MAX_OPEN_THREADS = 100


def _flag(data: dict, name: str, default: bool, gettext) -> bool:
    value = data.get(name, default)
    if isinstance(value, bool):
        return value
    if value in ("true", "on", "yes", "1"):
        return True
    if value in ("false", "off", "no", "0", ""):
        return False
    message = gettext("Choose yes or no.")
    raise InvalidInput(message, errors={name: [message]})




class ScenarioHandlersMixin:
    """Handlers of the scenario forum block (mixed into ``ScenariosBlock``)."""

    def _member_forum(self):
        """The forum for this call's member (``AccessDenied`` for anyone else), in sync with Studio."""
        _ = self.gettext
        if not self.course_key:
            raise AccessDenied(_("This forum works inside a course only."))
        forum = self.forum_backend()
        forum.members.require_community_member(
            message=_("Only members of this course community can take part in its forum."),
        )
        self.sync_forum(forum)
        return forum

    @json_handler
    def forum_html(self, data, suffix=""):  # pylint: disable=unused-argument
        """
        The forum's current state as HTML, narrowed to ``language`` when given, with the
        posts of the discussions ``open_threads`` names (thread ids; the page's open ones).
        """
        from .page import render_forum  # pylint: disable=import-outside-toplevel

        forum = self._member_forum()
        open_threads = _names(data, "open_threads")[:MAX_OPEN_THREADS]
        return {"html": str(render_forum(self, forum, language=_text(data, "language"), open_threads=open_threads))}

    @json_handler
    def create_post(self, data, suffix=""):  # pylint: disable=unused-argument
        forum = self._member_forum()
        forum.create_post(thread_id=data.get("thread_id"), body=_text(data, "body"),
                          parent_id=data.get("parent_id") or None, language=_text(data, "language"))
        self.publish_progress(forum)
        return {"message": self.gettext("Your post is online.")}

    @json_handler
    def edit_post(self, data, suffix=""):  # pylint: disable=unused-argument
        forum = self._member_forum()
        forum.edit_post(post_id=data.get("post_id"), body=_text(data, "body"), language=_text(data, "language"))
        return {"message": self.gettext("Your post was changed; the earlier text is kept in its history.")}

    @json_handler
    def vote_post(self, data, suffix=""):  # pylint: disable=unused-argument
        forum = self._member_forum()
        count = forum.vote_post(post_id=data.get("post_id"), vote=_flag(data, "vote", True, self.gettext))
        return {"message": self.gettext("Thank you for your vote."), "vote_count": count}

    @json_handler
    def flag_post(self, data, suffix=""):  # pylint: disable=unused-argument
        forum = self._member_forum()
        forum.flag_post(post_id=data.get("post_id"), reason=_text(data, "reason"))
        return {"message": self.gettext("Thank you: the moderators will look at this post.")}

    @json_handler
    def moderate_post(self, data, suffix=""):  # pylint: disable=unused-argument
        forum = self._member_forum()
        hide = _flag(data, "hide", True, self.gettext)
        forum.moderate_post(post_id=data.get("post_id"), hide=hide, reason=_text(data, "reason"))
        _ = self.gettext
        return {"message": _("The post is hidden.") if hide else _("The post is visible again.")}

    @json_handler
    def follow(self, data, suffix=""):  # pylint: disable=unused-argument
        forum = self._member_forum()
        _ = self.gettext
        if _flag(data, "follow", True, self.gettext):
            forum.follow_thread(thread_id=data.get("thread_id"),
                                email_digest=_flag(data, "email_digest", False, self.gettext))
            return {"message": _("You follow this discussion.")}
        forum.unfollow_thread(thread_id=data.get("thread_id"))
        return {"message": _("You no longer follow this discussion.")}

    @json_handler
    def translate(self, data, suffix=""):  # pylint: disable=unused-argument
        forum = self._member_forum()
        kind = _text(data, "kind")
        object_id = data.get("object_id")
        if kind == "scenario":
            forum.get_scenario(scenario_uuid=object_id)
        forum.contribute_translation(kind=kind, object_id=object_id, language=_text(data, "language"),
                                     title=_text(data, "title"), body=_text(data, "body"))
        return {"message": self.gettext("Thank you for your translation.")}

    @json_handler
    def machine_translate(self, data, suffix=""):  # pylint: disable=unused-argument
        forum = self._member_forum()
        kind = _text(data, "kind")
        if kind == "scenario":
            forum.get_scenario(scenario_uuid=data.get("object_id"))
        result = forum.machine_translate(kind=kind, object_id=data.get("object_id"),
                                         language=_text(data, "language"))
        _ = self.gettext
        if result is None:
            return {"message": _("No machine translation is available right now. The original is shown.")}
        return {"message": _("A machine translation was added.")}

    @json_handler
    def propose(self, data, suffix=""):  # pylint: disable=unused-argument
        forum = self._member_forum()
        scenario = forum.propose_scenario(
            title=_text(data, "title"), narrative=_text(data, "narrative"), drivers=_names(data, "drivers"),
            policy_choices=_names(data, "policy_choices"), language=_text(data, "language"),
        )
        _ = self.gettext
        if scenario.status == "pending":
            return {"message": _("Thank you. Your scenario will appear once course staff have approved it.")}
        return {"message": _("Thank you. Your scenario is online.")}

    @json_handler
    def moderate_scenario(self, data, suffix=""):  # pylint: disable=unused-argument
        forum = self._member_forum()
        publish = _flag(data, "publish", True, self.gettext)
        forum.moderate_scenario(scenario_uuid=data.get("scenario_uuid"), publish=publish,
                                reason=_text(data, "reason"))
        _ = self.gettext
        return {"message": _("The scenario is published.") if publish else _("The proposal was declined.")}

    @json_handler
    def rate(self, data, suffix=""):  # pylint: disable=unused-argument
        forum = self._member_forum()
        rating = forum.rate_scenario(
            scenario_uuid=data.get("scenario_uuid"),
            plausibility=data.get("plausibility"), desirability=data.get("desirability"),
            rationale=_text(data, "rationale"), language=_text(data, "language"),
        )
        self.publish_progress(forum)
        return {
            "message": self.gettext("Your rating is saved. Only you can see it; others see only the results."),
            "rating": {"plausibility": rating.plausibility, "desirability": rating.desirability},
        }

    @json_handler
    def rating_round(self, data, suffix=""):  # pylint: disable=unused-argument
        forum = self._member_forum()
        _ = self.gettext
        action = _text(data, "action")
        if action == "open":
            opened = forum.open_rating_round()
            return {"message": _("Round {number} is open.").format(number=opened.number)}
        if action == "close":
            if not _flag(data, "confirmed", False, self.gettext):
                # One stray click must not end a round: the page asks first.
                raise InvalidInput(_("Confirm that the round should close: it cannot be reopened."))
            closed = forum.close_rating_round()
            return {"message": _("Round {number} is closed; members now see its results.").format(
                number=closed.number)}
        raise InvalidInput(_("Say whether to open or close a round."))

    @json_handler
    def policy_role(self, data, suffix=""):  # pylint: disable=unused-argument
        """Course staff grant or revoke the policy role (who may read the policy brief)."""
        _ = self.gettext
        action = _text(data, "action")
        if action not in ("grant", "revoke"):
            raise InvalidInput(_("Say whether to grant or revoke the role."))
        forum = self.forum_backend()
        if action == "grant":
            role = forum.grant_community_role(member_id=data.get("user_id"), role="policy_maker")
        else:
            role = forum.revoke_community_role(member_id=data.get("user_id"), role="policy_maker")
        if action == "grant":
            return {"message": _("{name} may now read the policy brief.").format(name=role.full_name)}
        return {"message": _("{name} may no longer read the policy brief.").format(name=role.full_name)}
