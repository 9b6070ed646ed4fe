"""Retirement: a member's text in the best-practice track is erased; the grades others depend on stay."""
from django.db import transaction

from .credentials import retire_credentials
from .models import BestPractice, CalibrationReview, GradeOverride, PeerReview
from .repository import retire_repository_author
from .repository_adoption import retire_practice_adopter


def retire_best_practice_member(*, user_id: int) -> None:
    """
    Erase the member's practices, feedback, calibration and badges, their
    practices' repository entries and their adoptions of others' (idempotent).
    """
    with transaction.atomic():
        retire_practice_adopter(user_id=user_id)
        retire_repository_author(user_id=user_id)
        practices = BestPractice.objects.filter(author_id=user_id)
        GradeOverride.objects.filter(practice__in=practices).update(reason="")
        practices.update(title="", sections={}, author_organisation="", author_country="", override_reason="",
                         author=None)
        PeerReview.objects.filter(reviewer_id=user_id).update(feedback={}, overall_feedback="", reviewer=None)
        CalibrationReview.objects.filter(reviewer_id=user_id).delete()
        retire_credentials(user_id=user_id)
