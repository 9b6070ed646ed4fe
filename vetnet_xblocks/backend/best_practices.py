"""
The best-practice block's one road to the plugin: ``BestPracticeBackend``.

One adapter per request: it resolves the acting Django user once, from the
``BlockUser`` the runtime gave, and offers the track's operations by name.
Who is course staff is decided by the platform (through the plugin), never by
what the block was told. Values come from ``vetnet_plugin.api``'s data classes
and errors from ``vetnet_plugin.exceptions``.
"""
from __future__ import annotations

from vetnet_plugin import api
from vetnet_plugin.data import Page

from .acting import BlockBackend

__all__ = ["BestPracticeBackend", "TOPICS", "check", "configure", "render_markdown", "repository_page_urls"]

# The community's strategic topics, as codes and labels.
TOPICS = api.TOPICS
render_markdown = api.render_markdown
# The members' repository pages (the list, an entry's page), as links from the block.
repository_page_urls = api.repository_page_urls


def configure(**settings):
    """Hand the block's Studio settings to the plugin (one read when unchanged)."""
    return api.configure_best_practice(**settings)


def check(*, sections, criteria) -> None:
    """Raise ``InvalidInput`` if the plugin could not work with this template or rubric."""
    api.check_best_practice(sections=sections, criteria=criteria)


class BestPracticeBackend(BlockBackend):
    """The track's operations for one user in one block."""

    sign_in_message = "Sign in to take part in the best-practice track."

    def _where(self) -> dict:
        return {"user": self.user, "course_key": self.course_key, "usage_key": self.usage_key}

    def is_staff(self) -> bool:
        return self.block_user.is_authenticated and api.is_moderator(user=self.user, course_key=self.course_key)

    # -- learner -------------------------------------------------------------------

    def learner_view(self) -> api.LearnerView:
        return api.get_learner_view(**self._where())

    def save_draft(self, *, title: str, sections: dict, version: int) -> api.Practice:
        return api.save_draft(**self._where(), title=title, sections=sections, version=version)

    def submit(self, *, version: int) -> api.Practice:
        return api.submit_practice(**self._where(), version=version)

    def withdraw(self) -> api.Practice:
        return api.withdraw_practice(**self._where())

    def request_review(self) -> api.ReviewLease | None:
        return api.request_review(**self._where())

    def submit_review(self, *, review_uuid: str, scores: dict, feedback: dict, overall_feedback: str) -> api.Practice:
        return api.submit_review(**self._where(), review_uuid=review_uuid, scores=scores, feedback=feedback,
                                 overall_feedback=overall_feedback)

    def calibrate(self, *, scores: dict) -> api.CalibrationResult:
        return api.calibrate(**self._where(), scores=scores)

    def self_assess(self, *, scores: dict, feedback: dict, overall_feedback: str) -> None:
        api.submit_self_assessment(**self._where(), scores=scores, feedback=feedback,
                                   overall_feedback=overall_feedback)

    def score(self) -> float | None:
        if not self.block_user.is_authenticated:
            return None
        return api.learner_score(user_id=self.block_user.user_id, usage_key=self.usage_key)

    # -- staff ---------------------------------------------------------------------

    def submissions(self, *, state: str = "", search: str = "", page=1) -> Page:
        """One page of the staff table (``.items``), filtered."""
        return api.list_submissions(**self._where(), state=state, search=search, page=page)

    def practice_reviews(self, *, practice_uuid: str) -> tuple[api.StaffReview, ...]:
        return api.list_practice_reviews(**self._where(), practice_uuid=practice_uuid)

    def override(self, *, practice_uuid: str, score: float, reason: str) -> api.Practice:
        return api.override_grade(**self._where(), practice_uuid=practice_uuid, score=score, reason=reason)

    def reassign(self, *, review_uuid: str, to_user_id: int | None, to_username: str = "") -> api.ReviewLease | None:
        return api.reassign_review(**self._where(), review_uuid=review_uuid, to_user_id=to_user_id,
                                   to_username=to_username)

    def approve(self, *, practice_uuid: str, approved: bool) -> api.Practice:
        return api.approve_for_repository(**self._where(), practice_uuid=practice_uuid, approved=approved)

    def reviewer_quality(self) -> tuple[api.ReviewerQuality, ...]:
        return api.list_reviewer_quality(**self._where())
