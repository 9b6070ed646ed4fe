"""
The counselling block's one road to the plugin: ``CounsellingBackend``.

One adapter per view or handler call: it resolves the acting Django user
once and offers peer counselling's operations by name. The plugin decides
who may see, answer and accept; values come from ``vetnet_plugin.api``'s
data classes and errors from ``vetnet_plugin.exceptions``.
"""
from __future__ import annotations

from vetnet_plugin import api
from vetnet_plugin import exceptions as api_errors
from vetnet_plugin.data import Page

from ..mixins import BlockUser
from .acting import ActingUser
from .members import MembersBackend

__all__ = ["ORGANISATION_TYPES", "SECTORS", "CounsellingBackend", "community_languages", "countries"]

ORGANISATION_TYPES = api.OrganisationType.CHOICES
SECTORS = api.SECTORS


def countries() -> tuple[tuple[str, str], ...]:
    """The countries of the intake's choice, as codes and names in the reader's language."""
    from django_countries import countries as all_countries  # pylint: disable=import-outside-toplevel

    return tuple((code, str(name)) for code, name in all_countries)


def community_languages() -> tuple[str, ...]:
    """The languages the community writes in, for the intake's language choice."""
    return tuple(api.community_languages())


class CounsellingBackend:
    """Peer counselling for one user in one block."""

    def __init__(self, *, user: BlockUser | ActingUser, course_key: str, usage_key: str):
        self.acting = user if isinstance(user, ActingUser) else ActingUser(user)
        self.members = MembersBackend(user=self.acting, course_key=course_key)
        self.course_key = course_key
        self.usage_key = usage_key
        # The block's settings as the plugin keeps them, once ``configure`` ran in this call.
        self.desk: api.CounsellingDesk | None = None

    @property
    def user(self):
        """The acting Django user, looked up once per call (``ActingUser``)."""
        return self.acting.django_user("Sign in to take part in peer counselling.")

    def _where(self) -> dict:
        return {"user": self.user, "course_key": self.course_key, "usage_key": self.usage_key}

    def policy_responses(self, *, topics) -> tuple[api.PolicyResponse, ...]:
        """What policy makers answered the community about these topics, newest first (one query)."""
        codes = [code for code in topics if code]
        if not codes or not self.acting.is_authenticated:
            return ()
        try:
            return api.list_policy_responses(user=self.user, course_key=self.course_key, target_kind="topic",
                                             targets=codes)
        except api_errors.AccessDenied:
            return ()

    def configure(self, *, title: str, topics, allow_private: bool, follow_up_days: int,
                  allow_anonymous: bool = False, routing_enabled: bool = True) -> api.CounsellingDesk:
        """Hand the block's Studio settings to the plugin (one read when unchanged)."""
        return api.configure_counselling_desk(course_key=self.course_key, usage_key=self.usage_key, title=title,
                                              topics=topics, allow_private=allow_private,
                                              follow_up_days=follow_up_days, allow_anonymous=allow_anonymous,
                                              routing_enabled=routing_enabled)

    def is_staff(self) -> bool:
        return self.acting.is_authenticated and api.is_moderator(user=self.user, course_key=self.course_key)

    def queue(self, *, state: str = "", topic: str = "", sector: str = "", country: str = "", language: str = "",
              page=1) -> Page:
        """One page of the "needs help" queue (``.items`` are ``CaseSummary`` values)."""
        return api.list_cases(**self._where(), state=state, topic=topic, sector=sector, country=country,
                              language=language, page=page)

    def case_page(self, *, case_uuid: str, order: str = "oldest", page=1) -> api.CasePage:
        return api.get_case_page(**self._where(), case_uuid=case_uuid, order=order, page=page)

    def open_case(self, **intake) -> api.Case:
        return api.open_case(**self._where(), **intake)

    def similar(self, *, text: str, topics, exclude_case: str = "") -> tuple[api.SimilarCase, ...]:
        return api.similar_cases(**self._where(), text=text, topics=topics, exclude_case=exclude_case)

    def answer(self, *, case_uuid: str, body: str, parent_id=None, language: str = "") -> api.Post:
        return api.answer_case(**self._where(), case_uuid=case_uuid, body=body, parent_id=parent_id,
                               language=language)

    def accept(self, *, case_uuid: str, post_id, accepted: bool) -> api.Case:
        return api.accept_answer(**self._where(), case_uuid=case_uuid, post_id=post_id, accepted=accepted)

    def report_outcome(self, *, case_uuid: str, outcome: str, note: str) -> api.Case:
        return api.report_outcome(**self._where(), case_uuid=case_uuid, outcome=outcome, note=note)

    def start_clinic(self, *, case_uuid: str, facilitator: str, advisers, minutes) -> api.Case:
        return api.start_clinic(**self._where(), case_uuid=case_uuid, facilitator=facilitator, advisers=advisers,
                                minutes=minutes)

    def advance_clinic(self, *, case_uuid: str) -> api.Case:
        return api.advance_clinic(**self._where(), case_uuid=case_uuid)

    def save_action_plan(self, *, case_uuid: str, plan: str) -> api.Case:
        return api.save_action_plan(**self._where(), case_uuid=case_uuid, plan=plan)

    def translate_case(self, *, case_uuid: str, language: str, title: str, problem: str) -> api.Case:
        return api.translate_case(**self._where(), case_uuid=case_uuid, language=language, title=title,
                                  problem=problem)

    def notices_enabled(self) -> bool:
        """Whether the member is e-mailed about new cases matching their profile."""
        return api.routing_notices_enabled(user=self.user)

    def set_notices(self, *, enabled: bool) -> bool:
        return api.set_routing_notices(user=self.user, enabled=enabled)

    def vote(self, *, case_uuid: str, post_id, vote: bool) -> int:
        return api.vote_case_post(**self._where(), case_uuid=case_uuid, post_id=post_id, vote=vote)
