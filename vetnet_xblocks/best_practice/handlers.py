"""
The best-practice block's JSON handlers: each reads its input, calls the
block's adapter and answers with the plugin's values; errors become 4xx with
a message (a stale draft is a 409, and what was saved stays saved).
"""
from __future__ import annotations

from vetnet_plugin.exceptions import InvalidInput

from ..mixins import json_handler
from ..mixins import text_value as _text


def _object(block, data: dict, name: str) -> dict:
    value = data.get(name) or {}
    if not isinstance(value, dict):
        message = block.gettext("This part of the request is not in the expected form.")
        raise InvalidInput(message, errors={name: [message]})
    return value


def _version(block, data: dict) -> int:
    value = data.get("version", 0)
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        message = block.gettext("The page is out of date: reload it.")
        raise InvalidInput(message, errors={"version": [message]})
    return value


class BestPracticeHandlersMixin:
    """Handlers of ``BestPracticeBlock``; ``self.backend()`` is the adapter for this request's user."""

    @json_handler(methods=("GET",))
    def learner_state(self, data, suffix=""):  # pylint: disable=unused-argument
        """Everything the learner's page shows, to refresh it without a reload."""
        self.sync_track()
        view = self.backend().learner_view()
        self.publish_progress()
        return view

    @json_handler
    def save_draft(self, data, suffix=""):  # pylint: disable=unused-argument
        """Autosave: the title and section texts, with the version the page last saw."""
        return self.backend().save_draft(title=_text(data, "title"), sections=_object(self, data, "sections"),
                                         version=_version(self, data))

    @json_handler
    def submit_practice(self, data, suffix=""):  # pylint: disable=unused-argument
        return self.backend().submit(version=_version(self, data))

    @json_handler
    def withdraw_practice(self, data, suffix=""):  # pylint: disable=unused-argument
        return self.backend().withdraw()

    @json_handler
    def request_review(self, data, suffix=""):  # pylint: disable=unused-argument
        """The practice to review now (the current lease or a new one), or ``null``."""
        return {"lease": self.backend().request_review()}

    @json_handler
    def submit_review(self, data, suffix=""):  # pylint: disable=unused-argument
        practice = self.backend().submit_review(
            review_uuid=_text(data, "review_uuid"), scores=_object(self, data, "scores"),
            feedback=_object(self, data, "feedback"), overall_feedback=_text(data, "overall_feedback"),
        )
        return {"reviewed": practice}

    @json_handler
    def calibrate(self, data, suffix=""):  # pylint: disable=unused-argument
        return self.backend().calibrate(scores=_object(self, data, "scores"))

    @json_handler
    def self_assess(self, data, suffix=""):  # pylint: disable=unused-argument
        self.backend().self_assess(scores=_object(self, data, "scores"), feedback=_object(self, data, "feedback"),
                                   overall_feedback=_text(data, "overall_feedback"))
        return {"saved": True}

    # -- course staff ---------------------------------------------------------------

    @json_handler(methods=("GET",))
    def staff_table(self, data, suffix=""):  # pylint: disable=unused-argument
        """Every practice's state (filters: ``state``, ``search``) and each reviewer's quality figure."""
        backend = self.backend()
        page = backend.submissions(state=_text(data, "state"), search=_text(data, "search"), page=data.get("page", 1))
        return {"rows": page.items, "count": page.count, "page": page.page, "num_pages": page.num_pages,
                "reviewers": backend.reviewer_quality()}

    @json_handler(methods=("GET",))
    def staff_table_html(self, data, suffix=""):  # pylint: disable=unused-argument
        """The staff table again, rendered by the server, for a state filter, a search and a page."""
        return {"html": str(self.render_staff_table(state=_text(data, "state"), search=_text(data, "search"),
                                                    page=data.get("page", 1)))}

    @json_handler(methods=("GET",))
    def staff_reviews_html(self, data, suffix=""):  # pylint: disable=unused-argument
        """One practice's reviews and leases, with the form to reassign each unfinished one, as HTML."""
        reviews = self.backend().practice_reviews(practice_uuid=_text(data, "practice_uuid"))
        return {"html": self.render_template("templates/staff_reviews.html", {
            "reviews": reviews, "block": self, "practice_uuid": _text(data, "practice_uuid")})}

    @json_handler(methods=("GET",))
    def staff_reviews(self, data, suffix=""):  # pylint: disable=unused-argument
        return {"reviews": self.backend().practice_reviews(practice_uuid=_text(data, "practice_uuid"))}

    @json_handler
    def override_grade(self, data, suffix=""):  # pylint: disable=unused-argument
        score = data.get("score")
        if isinstance(score, bool) or not isinstance(score, (int, float)):
            raise InvalidInput(self.gettext("The grade must be a number from 0 to 1."),
                               errors={"score": [self.gettext("The grade must be a number from 0 to 1.")]})
        return self.backend().override(practice_uuid=_text(data, "practice_uuid"), score=float(score),
                                       reason=_text(data, "reason"))

    @json_handler
    def reassign_review(self, data, suffix=""):  # pylint: disable=unused-argument
        to_user_id = data.get("to_user_id")
        if to_user_id is not None and (isinstance(to_user_id, bool) or not isinstance(to_user_id, int)):
            message = self.gettext("Choose a member by their user id.")
            raise InvalidInput(message, errors={"to_user_id": [message]})
        lease = self.backend().reassign(review_uuid=_text(data, "review_uuid"), to_user_id=to_user_id,
                                        to_username=_text(data, "to_username"))
        return {"lease": lease}

    @json_handler
    def approve_for_repository(self, data, suffix=""):  # pylint: disable=unused-argument
        approved = data.get("approved", True)
        return self.backend().approve(practice_uuid=_text(data, "practice_uuid"), approved=approved is not False)
