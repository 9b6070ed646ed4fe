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


@dataclass(frozen=True)
class Post:
    """A post as the requesting member may see it, with its replies nested."""

    id: int
    thread_id: int
    parent_id: int | None
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
    replies: tuple["Post", ...] = ()


@dataclass(frozen=True)
class PostRevision:
    """An earlier version of a post's text, from its edit history."""

    body: str
    body_html: str
    language: str
    created: datetime


@dataclass(frozen=True)
class Thread:
    """A conversation about one target, with the posts the member may see."""

    id: int
    course_key: str
    usage_key: str
    target: str
    posts: tuple[Post, ...] = ()
    post_count: int = 0
    languages: tuple[str, ...] = ()
    is_following: bool = False
    email_digest: bool = False


@dataclass(frozen=True)
class FlaggedPost:
    """A post members flagged, with their reasons, for the moderators' queue."""

    post: Post
    thread_target: str
    usage_key: str
    reasons: tuple[str, ...]


