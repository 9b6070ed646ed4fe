"""The scenarios' stored narrative HTML, rendered again from their Markdown (after a sanitiser change)."""
from __future__ import annotations

from collections.abc import Callable

from ..core.keys import parse_course_key
from ..core.stored_html import rerender_stored_html
from .models import Scenario


def _scenarios(course_key):
    scenarios = Scenario.objects.all()
    if course_key:
        scenarios = scenarios.filter(course_key=parse_course_key(course_key))
    return scenarios


def count_scenarios(*, course_key=None) -> int:
    """How many scenarios there are (in one course, with ``course_key``): what ``rerender_scenario_html`` reads."""
    return _scenarios(course_key).count()


def rerender_scenario_html(*, course_key=None, progress: Callable[[int], None] | None = None) -> int:
    """
    Render every scenario's stored narrative HTML again (one course's, with ``course_key``).

    ``progress(n)`` is called after each batch of ``n`` scenarios. Returns how
    many scenarios' HTML changed. Idempotent: a second run changes nothing.
    """
    return rerender_stored_html(_scenarios(course_key), source="narrative", target="narrative_html",
                                progress=progress)
