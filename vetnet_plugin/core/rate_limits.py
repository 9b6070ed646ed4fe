"""
Limits on how fast one member creates content: one limiter for every feature.

Counted from the rows the member already created, so every LMS process sees
the same count without a shared cache. The operator sets every limit in one
setting, ``VETNET_RATE_LIMITS``: action -> ``[how many, in how many seconds]``;
an action the operator leaves out keeps its default, and ``0`` (or ``None``)
turns that action's limit off.
"""
from datetime import timedelta

from django.utils import timezone
from django.utils.translation import ngettext

from ..conf import setting
from ..exceptions import RateLimited
from ..settings.common import DEFAULTS


def _limit(action: str) -> tuple[int, int] | None:
    limits = setting("VETNET_RATE_LIMITS") or {}
    value = limits[action] if action in limits else DEFAULTS["VETNET_RATE_LIMITS"].get(action)
    if not value:
        return None
    count, seconds = value
    if int(count) <= 0 or int(seconds) <= 0:
        return None
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
