"""The resources' stored description HTML, rendered again from their Markdown (after a sanitiser change)."""
from __future__ import annotations

from collections.abc import Callable

from ..core.keys import parse_course_key
from ..core.stored_html import rerender_stored_html
from .models import Resource


def rerender_resource_html(*, course_key=None, progress: Callable[[int], None] | None = None) -> int:
    """
    Render every resource's stored description HTML again (one course's, with ``course_key``).

    ``progress(n)`` is called after each batch of ``n`` resources; returns how
    many resources' HTML changed. ``count_library`` gives how many it reads.
    """
    resources = Resource.objects.all()
    if course_key:
        resources = resources.filter(course_key=parse_course_key(course_key))
    return rerender_stored_html(resources, source="description", target="description_html", progress=progress)
