"""
The partnership block's one road to the plugin: ``PartnershipBackend``.

One adapter per request: it resolves the acting Django user once and offers
partner search and the partnerships' operations by name. Who may see or
change a partnership is decided by the plugin on every call, never by the block.
"""
from __future__ import annotations

from vetnet_plugin import api

from .acting import BlockBackend

__all__ = ["LANGUAGES", "ORGANISATION_TYPES", "SECTORS", "TOPICS", "PartnershipBackend", "list_instruments"]

TOPICS = api.TOPICS
SECTORS = api.SECTORS
LANGUAGES = api.LANGUAGES
ORGANISATION_TYPES = api.OrganisationType.CHOICES
# Whose seats count as "already chosen" when suggestions complement a partnership.
_CHOSEN = ("proposer", "accepted", "invited")


def list_instruments() -> tuple[api.Instrument, ...]:
    """The funding instruments the operator offers, with their rules."""
    return api.list_funding_instruments()


class PartnershipBackend(BlockBackend):
    """Partner search and partnerships for one user in one block."""

    sign_in_message = "Sign in to search for partners."

    def _in(self, partnership_uuid: str) -> dict:
        return {"user": self.user, "course_key": self.course_key, "partnership_uuid": partnership_uuid}

    def suggest(self, *, country: str = "", organisation_type: str = "", sector: str = "", topic: str = "",
                language: str = "", partnership_uuid: str = "") -> tuple[api.PartnerSuggestion, ...]:
        chosen, wanted_topic = (), topic
        if partnership_uuid:
            partnership = self.partnership(partnership_uuid)
            chosen = [p.user_id for p in partnership.partners if p.status in _CHOSEN]
            wanted_topic = topic or partnership.topic
        filters = api.DirectoryFilters(country=country, organisation_type=organisation_type, sector=sector,
                                       topic=topic, language=language)
        return api.suggest_partners(user=self.user, course_key=self.course_key, filters=filters,
                                    chosen_user_ids=chosen, topic=wanted_topic)

    def partnerships(self) -> tuple[api.Partnership, ...]:
        return api.list_partnerships(user=self.user, course_key=self.course_key, usage_key=self.usage_key)

    def partnership(self, partnership_uuid: str) -> api.Partnership:
        return api.get_partnership(**self._in(partnership_uuid))

    def propose(self, **fields) -> api.Partnership:
        return api.propose_partnership(user=self.user, course_key=self.course_key, usage_key=self.usage_key, **fields)

    def invite(self, partnership_uuid: str, *, user_id: int, role: str, commitment: str) -> api.Partnership:
        return api.invite_partner(**self._in(partnership_uuid), user_id=user_id, role=role, commitment=commitment)

    def withdraw(self, partnership_uuid: str, *, user_id: int) -> api.Partnership:
        return api.withdraw_invitation(**self._in(partnership_uuid), user_id=user_id)

    def answer(self, partnership_uuid: str, *, accept: bool) -> api.Partnership:
        return api.answer_invitation(**self._in(partnership_uuid), accept=accept)

    def set_notices(self, partnership_uuid: str, enabled: bool) -> None:
        api.set_partnership_notices(**self._in(partnership_uuid), enabled=enabled)

    def summary_html(self, partnership_uuid: str, language: str = "") -> str:
        return api.render_partnership_summary(**self._in(partnership_uuid), language=language)

    def summary_pdf(self, partnership_uuid: str) -> bytes:
        return api.render_partnership_pdf(**self._in(partnership_uuid))

    @staticmethod
    def pdf_available() -> bool:
        return api.partnership_pdf_available()
