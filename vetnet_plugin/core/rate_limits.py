"""
Limits on how fast one member creates content.

Counted from the rows the member already created, so every LMS process sees
the same count without a shared cache.
"""
from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.translation import ngettext

from ..exceptions import RateLimited

_DEFAULT_LIMITS = {
    "post": (10, 300),
    "scenario": (3, 3600),
    "translation": (20, 3600),
    "flag": (20, 3600),
    "rating": (200, 3600),
    "contact": (5, 3600),
}


def _limit(action: str) -> tuple[int, int] | None:
    limits = getattr(settings, "VETNET_RATE_LIMITS", None) or {}
    value = limits.get(action, _DEFAULT_LIMITS.get(action))
    if not value:
        return None
    count, seconds = value
    return int(count), int(seconds)


def check_rate_limit(*, action: str, queryset, time_field: str = "created") -> None:
    """
    Raise ``RateLimited`` if ``queryset`` (the member's own rows for ``action``)
    already holds the allowed number of rows inside the window.
    """
    limit = _limit(action)
    if limit is None:
        return
    count, seconds = limit
    since = timezone.now() - timedelta(seconds=seconds)
    if queryset.filter(**{f"{time_field}__gte": since}).count() >= count:
        minutes = max(1, round(seconds / 60))
        raise RateLimited(
            ngettext(
                "You have reached the limit of {count} in {minutes} minute. Please wait a little and try again.",
                "You have reached the limit of {count} in {minutes} minutes. Please wait a little and try again.",
                minutes,
            ).format(count=count, minutes=minutes)
        )

