"""
The counselling block's JSON handlers. Each builds the backend once for its
call (the member checked, the topic list in sync with Studio), checks the
shape of its input, calls the named method of ``CounsellingBackend`` (the
plugin decides who may see, answer and accept) and answers with a message or
a fragment the server rendered.
"""
from __future__ import annotations

from vetnet_plugin.exceptions import AccessDenied, InvalidInput

from ..mixins import json_handler
from ..mixins import text_list as _names
from ..mixins import text_value as _text

_FILTERS = ("state", "topic", "sector", "country", "language")




def _flag(block, data: dict, name: str, default: bool) -> bool:
    value = data.get(name, default)
    if isinstance(value, bool):
        return value
    message = block.gettext("Choose yes or no.")
    raise InvalidInput(message, errors={name: [message]})


def _page(block, data: dict) -> int:
    value = data.get("page", 1)
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        message = block.gettext("The page number must be a whole number.")
        raise InvalidInput(message, errors={"page": [message]})
    return value


class CounsellingHandlersMixin:
    """Handlers of ``CounsellingBlock``."""

    def _member_backend(self):
        """The backend for this call's member (``AccessDenied`` for anyone else), in sync with Studio."""
        _ = self.gettext
        if not self.course_key:
            raise AccessDenied(_("Peer counselling works inside a course only."))
        backend = self.counselling_backend()
        backend.members.require_community_member(
            message=_("Only members of this course community can take part in peer counselling."),
        )
        self.sync_desk(backend)
        return backend

    @json_handler
    def queue_html(self, data, suffix=""):  # pylint: disable=unused-argument
        """The "needs help" queue, filtered, as HTML."""
        from .page import render_queue  # pylint: disable=import-outside-toplevel

        backend = self._member_backend()
        filters = {name: _text(data, name) for name in _FILTERS}
        return {"html": str(render_queue(self, backend, filters=filters, page=_page(self, data)))}

    @json_handler
    def case_html(self, data, suffix=""):  # pylint: disable=unused-argument
        """One case with a page of its answers, as HTML."""
        from .page import render_case  # pylint: disable=import-outside-toplevel

        backend = self._member_backend()
        order = _text(data, "order") or "oldest"
        return {"html": str(render_case(self, backend, case_uuid=_text(data, "case"), order=order,
                                        page=_page(self, data)))}

    @json_handler
    def similar(self, data, suffix=""):  # pylint: disable=unused-argument
        """Up to five cases like the draft (``text``, ``topics``), as HTML, solved ones first."""
        from .page import render_similar  # pylint: disable=import-outside-toplevel

        backend = self._member_backend()
        found = backend.similar(text=_text(data, "text"), topics=_names(data, "topics"),
                                exclude_case=_text(data, "case"))
        return {"html": str(render_similar(self, found)), "count": len(found)}

    @json_handler
    def open_case(self, data, suffix=""):  # pylint: disable=unused-argument
        backend = self._member_backend()
        case = backend.open_case(
            title=_text(data, "title"), problem=_text(data, "problem"), already_tried=_text(data, "already_tried"),
            outcome_wanted=_text(data, "outcome_wanted"), organisation_type=_text(data, "organisation_type"),
            country=_text(data, "country"), sector=_text(data, "sector"), topics=_names(data, "topics"),
            language=_text(data, "language"), private=_flag(self, data, "private", False),
            anonymous=_flag(self, data, "anonymous", False),
            advisers=_names(data, "advisers") if isinstance(data.get("advisers"), list) else _text(data, "advisers"),
        )
        return {"message": self.gettext("Your case is open: members can answer it now."),
                "case": case.summary.uuid}

    @json_handler
    def answer(self, data, suffix=""):  # pylint: disable=unused-argument
        """An answer to a case or, with ``parent_id``, a comment on an answer."""
        backend = self._member_backend()
        parent = data.get("parent_id") or None
        if parent is not None and not isinstance(parent, str):
            raise InvalidInput(self.gettext("The answer you comment on no longer exists."))
        backend.answer(case_uuid=_text(data, "case"), body=_text(data, "body"), parent_id=parent,
                       language=_text(data, "language"))
        message = self.gettext("Your comment is online.") if parent else self.gettext("Your answer is online.")
        return {"message": message}

    @json_handler
    def start_clinic(self, data, suffix=""):  # pylint: disable=unused-argument
        """The owner (or staff) starts a case clinic with a facilitator and invited advisers."""
        backend = self._member_backend()
        advisers = _names(data, "advisers") if isinstance(data.get("advisers"), list) else _text(data, "advisers")
        backend.start_clinic(case_uuid=_text(data, "case"), facilitator=_text(data, "facilitator"),
                             advisers=advisers, minutes=_text(data, "minutes") or 20)
        return {"message": self.gettext("The case clinic has started: first, clarify the problem.")}

    @json_handler
    def advance_clinic(self, data, suffix=""):  # pylint: disable=unused-argument
        """The facilitator (or staff) moves the clinic to its next phase."""
        backend = self._member_backend()
        backend.advance_clinic(case_uuid=_text(data, "case"))
        return {"message": self.gettext("The clinic moved to its next phase.")}

    @json_handler
    def action_plan(self, data, suffix=""):  # pylint: disable=unused-argument
        """The action plan agreed in the clinic, saved on the case."""
        backend = self._member_backend()
        backend.save_action_plan(case_uuid=_text(data, "case"), plan=_text(data, "plan"))
        return {"message": self.gettext("The action plan is saved on the case.")}

    @json_handler
    def translate_case(self, data, suffix=""):  # pylint: disable=unused-argument
        """A member's translation of the case's title and problem into another language."""
        backend = self._member_backend()
        backend.translate_case(case_uuid=_text(data, "case"), language=_text(data, "language"),
                               title=_text(data, "title"), problem=_text(data, "problem"))
        return {"message": self.gettext("Thank you: your translation is saved with the case.")}

    @json_handler
    def notices(self, data, suffix=""):  # pylint: disable=unused-argument
        """The member turns the e-mails about new cases matching their profile on or off."""
        backend = self._member_backend()
        enabled = backend.set_notices(enabled=_flag(self, data, "enabled", True))
        message = self.gettext("You will be told about new cases that match your profile.") if enabled else \
            self.gettext("You will no longer be told about new cases.")
        return {"message": message, "enabled": enabled}

    @json_handler
    def vote(self, data, suffix=""):  # pylint: disable=unused-argument
        backend = self._member_backend()
        count = backend.vote(case_uuid=_text(data, "case"), post_id=_text(data, "post_id"),
                             vote=_flag(self, data, "vote", True))
        return {"message": self.gettext("Thank you: your vote is counted."), "vote_count": count}

    @json_handler
    def report_outcome(self, data, suffix=""):  # pylint: disable=unused-argument
        """The owner says what happened: solved, partly or not solved, with a note others can learn from."""
        backend = self._member_backend()
        backend.report_outcome(case_uuid=_text(data, "case"), outcome=_text(data, "outcome"),
                               note=_text(data, "note"))
        return {"message": self.gettext("Thank you: the outcome is kept on the case for others to learn from.")}

    @json_handler
    def accept(self, data, suffix=""):  # pylint: disable=unused-argument
        """The owner (or staff) accepts an answer that helped, or takes it back."""
        backend = self._member_backend()
        accepted = _flag(self, data, "accepted", True)
        case = backend.accept(case_uuid=_text(data, "case"), post_id=_text(data, "post_id"), accepted=accepted)
        message = self.gettext("The answer is marked as one that helped.") if accepted else \
            self.gettext("The answer is no longer marked as accepted.")
        return {"message": message, "status": case.summary.status}
