"""Plain values of the discussion core: threads, posts, revisions, translations, flags. No Django here."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class TranslationText:
    """A translation of a post or scenario, credited to who made or corrected it."""

    language: str
    title: str
    body: str
    body_html: str
    translator_name: str = ""
    corrected_by_name: str = ""
    is_machine: bool = False
    provider: str = ""
    # Who made and corrected it (user ids), so a thread's author mask can hide their names too.
    translator_id: int | None = None
    corrected_by_id: int | None = None


@dataclass(frozen=True)
class Post:
    """
    A post as the requesting member may see it, with its replies nested.
    Its ids (``id``, ``thread_id``, ``parent_id``) are public uuid strings.
    """

    id: str
    thread_id: str
    parent_id: str | None
    depth: int
    author_id: int | None
    author_name: str
    body: str
    body_html: str
    language: str
    created: datetime
    edited: datetime | None
    vote_count: int
    voted_by_me: bool = False
    flagged_by_me: bool = False
    flag_count: int = 0
    is_hidden: bool = False
    hidden_reason: str = ""
    is_retired: bool = False
    is_own: bool = False
    matches_filter: bool = True
    translations: tuple[TranslationText, ...] = ()
    replies: tuple[Post, ...] = ()


@dataclass(frozen=True)
class PostRevision:
    """An earlier version of a post's text, from its edit history."""

    body: str
    body_html: str
    language: str
    created: datetime


@dataclass(frozen=True)
class Thread:
    """
    A conversation about one target (``id`` is its public uuid string), with
    one page of the top-level posts the member may see, replies nested.

    ``top_level_count``, ``page``, ``num_pages`` and ``page_size`` describe
    that page; ``post_count`` counts every visible post of the thread.
    ``posts_read`` is false where the thread's posts were left unread (its
    counts only: ``get_threads(posts_for=...)``).
    """

    id: str
    course_key: str
    usage_key: str
    target: str
    posts: tuple[Post, ...] = ()
    post_count: int = 0
    languages: tuple[str, ...] = ()
    is_following: bool = False
    email_digest: bool = False
    top_level_count: int = 0
    page: int = 1
    num_pages: int = 1
    page_size: int = 20
    posts_read: bool = True


@dataclass(frozen=True)
class FlaggedPost:
    """A post members flagged, with their reasons, for the moderators' queue."""

    post: Post
    thread_target: str
    usage_key: str
    reasons: tuple[str, ...]




@dataclass(frozen=True)
class PostRef:
    """Where a post stands in its thread, for features that build on posts (accepting an answer)."""

    id: str
    thread_id: str
    author_id: int | None
    is_top_level: bool
    is_hidden: bool
    is_retired: bool
