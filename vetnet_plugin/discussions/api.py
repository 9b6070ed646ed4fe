"""The public API of the discussion core."""
from .contributions import count_discussion_contributions, count_followed_threads_with_news, list_posters_by_month
from .data import FlaggedPost, Post, PostRef, PostRevision, Thread, TranslationText
from .digests import (
    digest_opt_out_token_is_valid,
    opt_out_of_digests_by_token,
    send_discussion_digests,
)
from .guards import register_author_mask, register_thread_guard
from .models import Translation as _Translation
from .posts import (
    create_post,
    edit_post,
    flag_post,
    follow_thread,
    get_or_create_thread,
    get_thread,
    get_threads,
    has_posted,
    list_flagged_posts,
    list_post_revisions,
    moderate_post,
    most_voted_posts,
    post_as_seen_by,
    post_counts,
    post_in_thread,
    post_revisions,
    rename_thread,
    retire_discussion_member,
    set_digest_opt_out,
    thread_ids,
    unfollow_thread,
    vote_post,
    vote_totals,
)
from .stored_html import count_posts, rerender_post_html
from .translations import (
    contribute_translation,
    delete_translations,
    machine_translate,
    machine_translation_enabled,
    register_translatable,
    translated_object_ids,
    translations_for,
)

# The kinds of contribution the core translates (``register_translatable``).
POST_TRANSLATION = _Translation.POST
SCENARIO_TRANSLATION = _Translation.SCENARIO
CASE_TRANSLATION = _Translation.CASE

__all__ = [
    "CASE_TRANSLATION",
    "POST_TRANSLATION",
    "SCENARIO_TRANSLATION",
    "FlaggedPost",
    "Post",
    "PostRef",
    "PostRevision",
    "Thread",
    "TranslationText",
    "contribute_translation",
    "count_discussion_contributions",
    "count_followed_threads_with_news",
    "count_posts",
    "create_post",
    "delete_translations",
    "digest_opt_out_token_is_valid",
    "edit_post",
    "flag_post",
    "follow_thread",
    "get_or_create_thread",
    "get_thread",
    "get_threads",
    "has_posted",
    "list_flagged_posts",
    "list_post_revisions",
    "list_posters_by_month",
    "machine_translate",
    "machine_translation_enabled",
    "moderate_post",
    "most_voted_posts",
    "opt_out_of_digests_by_token",
    "post_as_seen_by",
    "post_counts",
    "post_in_thread",
    "post_revisions",
    "register_author_mask",
    "register_thread_guard",
    "register_translatable",
    "rename_thread",
    "rerender_post_html",
    "retire_discussion_member",
    "send_discussion_digests",
    "set_digest_opt_out",
    "thread_ids",
    "translated_object_ids",
    "translations_for",
    "unfollow_thread",
    "vote_post",
    "vote_totals",
]
