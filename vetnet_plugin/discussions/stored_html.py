"""The posts' stored HTML, rendered again from their Markdown (after a sanitiser or renderer change)."""
from __future__ import annotations

from collections.abc import Callable

from ..core.keys import parse_course_key
from ..core.stored_html import rerender_stored_html
from .models import Post


def _posts(course_key):
    posts = Post.objects.all()
    if course_key:
        posts = posts.filter(thread__course_key=parse_course_key(course_key))
    return posts


def count_posts(*, course_key=None) -> int:
    """How many posts there are (in one course, with ``course_key``): what ``rerender_post_html`` reads."""
    return _posts(course_key).count()


def rerender_post_html(*, course_key=None, progress: Callable[[int], None] | None = None) -> int:
    """
    Render every post's stored HTML again from its Markdown (one course's, with ``course_key``).

    ``progress(n)`` is called after each batch of ``n`` posts. Returns how many
    posts' HTML changed. Idempotent: a second run changes nothing.
    """
    return rerender_stored_html(_posts(course_key), source="body", target="body_html", progress=progress)
