"""
The discussion core: threads, nested posts with edit history, votes, flags,
moderation and follows. Reused by every block that hosts a conversation.
"""
from __future__ import annotations

from collections import defaultdict

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import Count, Exists, F, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import compat
from ..core.access import display_name
from ..core.keys import parse_course_key
from ..core.languages import language_of
from ..core.markup import render_markdown
from ..core.rate_limits import check_rate_limit
from ..exceptions import AccessDenied, InvalidInput, NotFound
from ..members.api import require_moderator, require_viewer
from . import data
from .models import Follow, Post, PostFlag, PostRevision, PostVote, Thread, Translation
from .translations import translations_for

User = get_user_model()

MAX_POST_LENGTH = 10000
MAX_REASON_LENGTH = 500


def _max_depth() -> int:
    return max(2, int(getattr(settings, "VETNET_DISCUSSION_MAX_DEPTH", 3)))


def _clean_text(text, *, field: str, limit: int, required: bool = True) -> str:
    if not isinstance(text, str):
        raise InvalidInput(_("Enter text."), errors={field: [_("Enter text.")]})
    value = text.strip()
    if required and not value:
        raise InvalidInput(_("Write something before sending."), errors={field: [_("This field is required.")]})
    if len(value) > limit:
        message = _("Use at most {limit} characters.").format(limit=limit)
        raise InvalidInput(message, errors={field: [message]})
    return value


def get_or_create_thread(*, course_key, usage_key: str, target: str, title: str = "") -> int:
    """
    The id of the thread about ``target`` in the block ``usage_key``, created on first use.

    ``title`` is what members call the target; it is kept up to date.
    """
    key = parse_course_key(course_key)
    usage_key, target, title = str(usage_key)[:255], str(target)[:100], (title or "")[:255]
    if not usage_key or not target:
        raise InvalidInput(_("A discussion needs a place and a subject."))
    thread = Thread.objects.filter(usage_key=usage_key, target=target).only("id", "title", "course_key").first()
    if thread is None:
        try:
            with transaction.atomic():
                thread = Thread.objects.create(course_key=key, usage_key=usage_key, target=target, title=title)
        except IntegrityError:
            thread = Thread.objects.get(usage_key=usage_key, target=target)
    elif title and thread.title != title:
        Thread.objects.filter(pk=thread.pk).update(title=title)
    if thread.course_key != key:
        raise NotFound(_("No such discussion in this course."))
    return thread.pk


def thread_ids(*, usage_key: str, targets) -> dict[str, int]:
    """The ids of the existing threads about ``targets`` in the block ``usage_key``, by target."""
    return dict(
        Thread.objects.filter(usage_key=str(usage_key), target__in=list(targets)).values_list("target", "id")
    )


def rename_thread(*, usage_key: str, target: str, title: str) -> None:
    """Keep what members call a thread's target (a scenario's title) up to date."""
    Thread.objects.filter(usage_key=str(usage_key), target=str(target)).update(title=(title or "")[:255])


def most_voted_posts(*, thread_id: int, user, limit: int) -> tuple[data.Post, ...]:
    """
    The thread's visible posts that members voted for, most votes first, as
    staff see them (for summaries such as the policy brief; callers check access).
    """
    posts = (
        Post.objects.filter(thread_id=thread_id, is_hidden=False, is_retired=False, vote_count__gt=0)
        .filter(~Q(body="")).order_by("-vote_count", "created")[:limit]
    )
    return tuple(post_as_seen_by(post, user, True) for post in posts)


def _get_thread(thread_id, key) -> Thread:
    try:
        return Thread.objects.get(pk=int(thread_id), course_key=key)
    except (Thread.DoesNotExist, TypeError, ValueError) as exc:
        raise NotFound(_("No such discussion in this course.")) from exc


def _get_post(post_id, key) -> Post:
    try:
        return Post.objects.select_related("thread", "author").get(pk=int(post_id), thread__course_key=key)
    except (Post.DoesNotExist, TypeError, ValueError) as exc:
        raise NotFound(_("No such post in this course.")) from exc


def _to_post(post: Post, *, viewer, staff: bool, voted: set, flagged: set, translations, language: str,
             children=None) -> data.Post:
    own = viewer is not None and post.author_id == viewer.id
    # Members see that a post was hidden and why, but not its text; staff and the author still see it.
    shows_text = not post.is_retired and (not post.is_hidden or staff or own)
    replies = tuple(children or ())
    matches = not language or post.language == language or any(t.language == language for t in translations)
    return data.Post(
        id=post.pk,
        thread_id=post.thread_id,
        parent_id=post.parent_id,
        depth=post.depth,
        author_id=None if post.is_retired else post.author_id,
        author_name="" if post.is_retired else display_name(post.author),
        body=post.body if shows_text else "",
        body_html=render_markdown(post.body) if shows_text else "",
        language=post.language,
        created=post.created,
        edited=post.edited,
        vote_count=post.vote_count,
        voted_by_me=post.pk in voted,
        flagged_by_me=post.pk in flagged,
        flag_count=post.flag_count if staff else 0,
        is_hidden=post.is_hidden,
        hidden_reason=post.hidden_reason,
        is_retired=post.is_retired,
        is_own=own,
        matches_filter=matches,
        translations=tuple(translations) if shows_text else (),
        replies=replies,
    )


def _build_posts(posts: list[Post], *, viewer, staff: bool, language: str = "", order: str = "oldest"):
    ids = [p.pk for p in posts]
    voted = set(PostVote.objects.filter(post_id__in=ids, user=viewer).values_list("post_id", flat=True)) if ids else set()
    flagged = set(PostFlag.objects.filter(post_id__in=ids, user=viewer).values_list("post_id", flat=True)) if ids else set()
    translated = translations_for(kind=Translation.POST, object_ids=ids)
    children = defaultdict(list)
    for post in posts:
        children[post.parent_id].append(post)

    def build(post):
        replies = [build(child) for child in children.get(post.pk, [])]
        if language:
            replies = [r for r in replies if r.matches_filter or r.replies]
        return _to_post(post, viewer=viewer, staff=staff, voted=voted, flagged=flagged,
                        translations=translated.get(post.pk, ()), language=language, children=replies)

    roots = [build(post) for post in children.get(None, [])]
    if language:
        roots = [r for r in roots if r.matches_filter or r.replies]
    if order == "votes":
        roots.sort(key=lambda p: (-p.vote_count, p.created))
    return tuple(roots)


def get_thread(*, user, course_key, thread_id, language: str = "", order: str = "oldest") -> data.Thread:
    """
    The thread with every post the member may see, replies nested under their parents.

    ``language`` narrows the posts to those written in, or translated into, that
    language (keeping the posts they answer, so replies keep their context).
    ``order`` is "oldest" or "votes" for the top-level posts.
    """
    key = require_viewer(user, course_key)
    thread = _get_thread(thread_id, key)
    staff = compat.is_course_staff(user, key)
    language = (language or "").strip().lower()[:16]
    posts = list(thread.posts.select_related("author").order_by("created", "pk"))
    follow = Follow.objects.filter(user=user, thread=thread).first()
    return data.Thread(
        id=thread.pk,
        course_key=str(thread.course_key),
        usage_key=thread.usage_key,
        target=thread.target,
        posts=_build_posts(posts, viewer=user, staff=staff, language=language, order=order),
        post_count=sum(1 for p in posts if not p.is_hidden and not p.is_retired),
        languages=tuple(sorted({p.language for p in posts if p.language})),
        is_following=follow is not None,
        email_digest=bool(follow and follow.email_digest),
    )


def post_counts(*, thread_ids) -> dict[int, int]:
    """Visible posts per thread, for lists that show how lively each discussion is."""
    rows = (
        Post.objects.filter(thread_id__in=list(thread_ids), is_hidden=False, is_retired=False)
        .values("thread_id").annotate(n=Count("id"))
    )
    return {row["thread_id"]: row["n"] for row in rows}


def _single(post: Post, user, key) -> data.Post:
    return post_as_seen_by(post, user, compat.is_course_staff(user, key))


def post_as_seen_by(post: Post, user, staff: bool) -> data.Post:
    """One post (without its replies) as ``user`` may see it; ``staff`` sees hidden text."""
    voted = {post.pk} if PostVote.objects.filter(post=post, user=user).exists() else set()
    flagged = {post.pk} if PostFlag.objects.filter(post=post, user=user).exists() else set()
    translated = translations_for(kind=Translation.POST, object_ids=[post.pk])
    return _to_post(post, viewer=user, staff=staff, voted=voted, flagged=flagged,
                    translations=translated.get(post.pk, ()), language="")


def create_post(*, user, course_key, thread_id, body: str, parent_id=None, language: str = "") -> data.Post:
    """
    Add a post (or, with ``parent_id``, a reply) to a thread.

    The language is the one given, or detected from the text. Replies deeper
    than the forum allows attach beside their parent, so a conversation never
    disappears off the right edge. Raises ``RateLimited`` when the member posts
    too fast.
    """
    key = require_viewer(user, course_key)
    thread = _get_thread(thread_id, key)
    text = _clean_text(body, field="body", limit=MAX_POST_LENGTH)
    code, detected = language_of(text, language)
    parent = None
    if parent_id not in (None, ""):
        try:
            parent = thread.posts.get(pk=int(parent_id))
        except (Post.DoesNotExist, TypeError, ValueError) as exc:
            raise NotFound(_("The post you reply to no longer exists.")) from exc
        if parent.depth >= _max_depth():
            parent = parent.parent
    check_rate_limit(action="post", queryset=Post.objects.filter(author=user))
    post = Post.objects.create(
        thread=thread, parent=parent, depth=(parent.depth + 1) if parent else 0, author=user,
        body=text, language=code, language_detected=detected,
    )
    return _single(post, user, key)


def edit_post(*, user, course_key, post_id, body: str, language: str = "") -> data.Post:
    """Change the text of one's own post; the earlier text goes into the history."""
    key = require_viewer(user, course_key)
    text = _clean_text(body, field="body", limit=MAX_POST_LENGTH)
    with transaction.atomic():
        post = _get_post(post_id, key)
        if post.author_id != user.id or post.is_retired:
            raise AccessDenied(_("You can only edit your own posts."))
        if text == post.body and not language:
            return _single(post, user, key)
        code, detected = language_of(text, language)
        PostRevision.objects.create(post=post, body=post.body, language=post.language, created=post.edited or post.created)
        post.body, post.language, post.language_detected, post.edited = text, code, detected, timezone.now()
        post.save(update_fields=["body", "language", "language_detected", "edited"])
    return _single(post, user, key)


def list_post_revisions(*, user, course_key, post_id) -> tuple[data.PostRevision, ...]:
    """A post's earlier versions, oldest first (hidden posts: staff and author only)."""
    key = require_viewer(user, course_key)
    post = _get_post(post_id, key)
    if post.is_retired or (post.is_hidden and post.author_id != user.id and not compat.is_course_staff(user, key)):
        return ()
    return tuple(
        data.PostRevision(body=r.body, body_html=render_markdown(r.body), language=r.language, created=r.created)
        for r in post.revisions.all()
    )


def vote_post(*, user, course_key, post_id, vote: bool = True) -> int:
    """Up-vote a post (``vote=False`` takes the vote back); returns the new count. Once per member."""
    key = require_viewer(user, course_key)
    post = _get_post(post_id, key)
    if post.author_id == user.id:
        raise InvalidInput(_("You cannot vote for your own post."))
    if post.is_hidden or post.is_retired:
        raise InvalidInput(_("This post cannot receive votes."))
    with transaction.atomic():
        if vote:
            try:
                with transaction.atomic():
                    PostVote.objects.create(post=post, user=user)
            except IntegrityError:
                pass  # already voted: voting twice is a no-op, not an error
            else:
                Post.objects.filter(pk=post.pk).update(vote_count=F("vote_count") + 1)
        else:
            deleted, _rows = PostVote.objects.filter(post=post, user=user).delete()
            if deleted:
                Post.objects.filter(pk=post.pk).update(vote_count=F("vote_count") - 1)
    return Post.objects.values_list("vote_count", flat=True).get(pk=post.pk)


def flag_post(*, user, course_key, post_id, reason: str = "") -> None:
    """Ask the moderators to look at a post. Flagging twice keeps one flag."""
    key = require_viewer(user, course_key)
    post = _get_post(post_id, key)
    reason = _clean_text(reason or "", field="reason", limit=MAX_REASON_LENGTH, required=False)
    if PostFlag.objects.filter(post=post, user=user).exists():
        return
    check_rate_limit(action="flag", queryset=PostFlag.objects.filter(user=user))
    try:
        with transaction.atomic():
            PostFlag.objects.create(post=post, user=user, reason=reason)
            Post.objects.filter(pk=post.pk).update(flag_count=F("flag_count") + 1)
    except IntegrityError:
        pass


def moderate_post(*, user, course_key, post_id, hide: bool, reason: str = "") -> data.Post:
    """
    Hide a post (a reason is required, members see it) or restore it. Staff only.

    Either decision resolves the open flags: the moderators have looked.
    """
    key = require_moderator(user, course_key)
    post = _get_post(post_id, key)
    reason = _clean_text(reason or "", field="reason", limit=MAX_REASON_LENGTH, required=hide)
    now = timezone.now()
    with transaction.atomic():
        Post.objects.filter(pk=post.pk).update(
            is_hidden=hide, hidden_reason=reason if hide else "", moderated_by=user, moderated_at=now
        )
        post.flags.filter(resolved__isnull=True).update(resolved=now)
    post.refresh_from_db()
    return _single(post, user, key)


def list_flagged_posts(*, user, course_key, usage_key: str = "") -> tuple[data.FlaggedPost, ...]:
    """Posts with unresolved flags, most flagged first, for the moderators. Staff only."""
    key = require_moderator(user, course_key)
    # A flag row must exist and be unresolved: a bare ``flags__resolved__isnull`` also matches posts with no flag.
    open_flags = PostFlag.objects.filter(post=OuterRef("pk"), resolved__isnull=True)
    posts = Post.objects.filter(Exists(open_flags), thread__course_key=key, is_retired=False)
    if usage_key:
        posts = posts.filter(thread__usage_key=usage_key)
    posts = (
        posts.annotate(open_flags=Count("flags", filter=Q(flags__resolved__isnull=True)))
        .select_related("thread", "author").order_by("-open_flags", "created", "pk")
    )
    result = []
    for post in posts:
        reasons = tuple(
            r for r in post.flags.filter(resolved__isnull=True).order_by("created").values_list("reason", flat=True) if r
        )
        result.append(data.FlaggedPost(
            post=post_as_seen_by(post, user, True), thread_target=post.thread.title or post.thread.target,
            usage_key=post.thread.usage_key, reasons=reasons,
        ))
    return tuple(result)


def follow_thread(*, user, course_key, thread_id, email_digest: bool = True) -> data.Thread:
    """Follow a thread (or change the e-mail choice of an existing follow)."""
    key = require_viewer(user, course_key)
    thread = _get_thread(thread_id, key)
    if not isinstance(email_digest, bool):
        raise InvalidInput(_("Choose whether to receive e-mail."))
    Follow.objects.update_or_create(
        user=user, thread=thread, defaults={"email_digest": email_digest}, create_defaults={
            "email_digest": email_digest, "digest_since": timezone.now(),
        },
    )
    return data.Thread(id=thread.pk, course_key=str(key), usage_key=thread.usage_key, target=thread.target,
                       is_following=True, email_digest=email_digest)


def unfollow_thread(*, user, course_key, thread_id) -> None:
    """Stop following a thread (idempotent)."""
    key = require_viewer(user, course_key)
    Follow.objects.filter(user=user, thread=_get_thread(thread_id, key)).delete()


def set_digest_opt_out(*, user_id: int, opted_out: bool = True) -> int:
    """Turn the e-mail digest off (or on) for every thread the member follows; returns how many."""
    return Follow.objects.filter(user_id=user_id).update(email_digest=not opted_out)


def retire_discussion_member(user_id: int) -> None:
    """
    Remove the member's personal data from the discussion core (idempotent).

    Posts stay as "removed" placeholders so replies keep their place; their
    text and history are erased. Votes and flags go, with the counters they
    fed. Translations stay as community material, no longer credited.
    """
    with transaction.atomic():
        posts = Post.objects.filter(author_id=user_id)
        PostRevision.objects.filter(post__in=posts).delete()
        Translation.objects.filter(kind=Translation.POST, object_id__in=posts.values("pk")).delete()
        posts.update(author=None, body="", is_retired=True)
        for post_id in PostVote.objects.filter(user_id=user_id).values_list("post_id", flat=True):
            Post.objects.filter(pk=post_id).update(vote_count=F("vote_count") - 1)
        PostVote.objects.filter(user_id=user_id).delete()
        for post_id in PostFlag.objects.filter(user_id=user_id).values_list("post_id", flat=True):
            Post.objects.filter(pk=post_id).update(flag_count=F("flag_count") - 1)
        PostFlag.objects.filter(user_id=user_id).delete()
        Follow.objects.filter(user_id=user_id).delete()
        Translation.objects.filter(translator_id=user_id).update(translator=None)
        Translation.objects.filter(corrected_by_id=user_id).update(corrected_by=None)


def has_posted(*, user_id: int, usage_key: str) -> bool:
    """True if the member wrote at least one (visible) post in the block's threads."""
    return Post.objects.filter(
        author_id=user_id, thread__usage_key=str(usage_key), is_hidden=False, is_retired=False
    ).exists()
