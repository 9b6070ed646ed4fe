"""
The stored HTML of posts, their earlier versions and translations, rendered
again from their Markdown (after a sanitiser or renderer change).
"""
from __future__ import annotations

from collections.abc import Callable

from ..core.keys import parse_course_key
from ..core.stored_html import rerender_stored_html
from .models import Post, PostRevision, Translation
from .translations import translations_in_course


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


def _revisions(course_key):
    revisions = PostRevision.objects.all()
    if course_key:
        revisions = revisions.filter(post__thread__course_key=parse_course_key(course_key))
    return revisions


def count_post_revisions(*, course_key=None) -> int:
    """How many earlier versions of posts are kept (in one course, with ``course_key``)."""
    return _revisions(course_key).count()


def rerender_revision_html(*, course_key=None, progress: Callable[[int], None] | None = None) -> int:
    """Render the stored HTML of every post's earlier versions again, as ``rerender_post_html`` does for posts."""
    return rerender_stored_html(_revisions(course_key), source="body", target="body_html", progress=progress)


def _translations(course_key):
    return translations_in_course(parse_course_key(course_key)) if course_key else Translation.objects.all()


def count_translations(*, course_key=None) -> int:
    """How many translations of posts, scenarios and cases there are (in one course, with ``course_key``)."""
    return _translations(course_key).count()


def rerender_translation_html(*, course_key=None, progress: Callable[[int], None] | None = None) -> int:
    """Render the stored HTML of every translation again, as ``rerender_post_html`` does for posts."""
    return rerender_stored_html(_translations(course_key), source="body", target="body_html", progress=progress)
