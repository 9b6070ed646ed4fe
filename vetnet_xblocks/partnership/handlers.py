"""
The partnership block's handlers: each reads its input, calls the block's
adapter and answers with the plugin's values or HTML the server rendered;
errors become 4xx with a message. Who may see or change a partnership is
decided by the plugin.
"""
from __future__ import annotations

from webob import Response

from vetnet_plugin.exceptions import InvalidInput

from ..mixins import json_handler, text_value


def _required(block, data: dict, name: str) -> str:
    value = text_value(data, name)
    if not value.strip():
        message = block.gettext("This field is required.")
        raise InvalidInput(message, errors={name: [message]})
    return value


def _member_id(block, data: dict) -> int:
    value = data.get("user_id")
    if isinstance(value, str) and value.strip().isdigit() and len(value.strip()) < 10:
        value = int(value.strip())
    if isinstance(value, bool) or not isinstance(value, int) or not 0 < value < 2 ** 31:
        message = block.gettext("Choose a member.")
        raise InvalidInput(message, errors={"user_id": [message]})
    return value


def _flag(block, data: dict, name: str) -> bool:
    value = data.get(name)
    if isinstance(value, str) and value in ("true", "false"):
        value = value == "true"
    if not isinstance(value, bool):
        message = block.gettext("Choose yes or no.")
        raise InvalidInput(message, errors={name: [message]})
    return value


class PartnershipHandlersMixin:
    """Handlers of ``PartnershipBlock``; ``self.view_backend()`` is the adapter for this request's user."""

    def _partnership_uuid(self, data: dict) -> str:
        return _required(self, data, "partnership")

    def _panel(self, partnership) -> dict:
        return {"uuid": partnership.uuid, "html": self.render_partnership(partnership),
                "eligible": partnership.eligibility.eligible, "state": partnership.state}

    @json_handler
    def search(self, data, suffix=""):  # pylint: disable=unused-argument
        """Suggested partners, ranked, as the page's HTML."""
        backend = self.view_backend()
        found = backend.suggest(country=text_value(data, "country"),
                                organisation_type=text_value(data, "organisation_type"),
                                sector=text_value(data, "sector"), topic=text_value(data, "topic"),
                                language=text_value(data, "language"),
                                partnership_uuid=text_value(data, "partnership"))
        managed = [p for p in backend.partnerships() if p.can_manage]
        return {"html": self.render_suggestions(found, managed), "count": len(found)}

    @json_handler
    def propose(self, data, suffix=""):  # pylint: disable=unused-argument
        partnership = self.view_backend().propose(
            title=text_value(data, "title"), topic=text_value(data, "topic"), aims=text_value(data, "aims"),
            timeline=text_value(data, "timeline"), instrument=text_value(data, "instrument"),
            commitment=text_value(data, "commitment"))
        return self._panel(partnership)

    @json_handler
    def invite(self, data, suffix=""):  # pylint: disable=unused-argument
        partnership = self.view_backend().invite(self._partnership_uuid(data), user_id=_member_id(self, data),
                                                 role=text_value(data, "role"),
                                                 commitment=text_value(data, "commitment"))
        return self._panel(partnership)

    @json_handler
    def withdraw(self, data, suffix=""):  # pylint: disable=unused-argument
        return self._panel(self.view_backend().withdraw(self._partnership_uuid(data), user_id=_member_id(self, data)))

    @json_handler
    def answer(self, data, suffix=""):  # pylint: disable=unused-argument
        return self._panel(self.view_backend().answer(self._partnership_uuid(data),
                                                      accept=_flag(self, data, "accept")))

    @json_handler
    def set_notices(self, data, suffix=""):  # pylint: disable=unused-argument
        enabled = _flag(self, data, "enabled")
        self.view_backend().set_notices(self._partnership_uuid(data), enabled)
        return {"enabled": enabled}

    @json_handler(methods=("GET",))
    def partnership_html(self, data, suffix=""):  # pylint: disable=unused-argument
        return self._panel(self.view_backend().partnership(self._partnership_uuid(data)))

    @json_handler(methods=("GET",))
    def summary(self, data, suffix=""):  # pylint: disable=unused-argument
        """The printable summary: a whole HTML page made for print."""
        html = self.view_backend().summary_html(self._partnership_uuid(data), language=self.reader_language())
        response = Response(html, content_type="text/html", charset="utf-8")
        response.headers["X-Content-Type-Options"] = "nosniff"
        return response

    @json_handler(methods=("GET",))
    def summary_pdf(self, data, suffix=""):  # pylint: disable=unused-argument
        pdf = self.view_backend().summary_pdf(self._partnership_uuid(data))
        response = Response(pdf, content_type="application/pdf")
        response.headers["Content-Disposition"] = 'attachment; filename="partnership-summary.pdf"'
        response.headers["X-Content-Type-Options"] = "nosniff"
        return response
