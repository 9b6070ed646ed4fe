"""
The discussion core: threads, nested posts with edit history, votes, flags,
moderation and follows. Reused by every block that hosts a conversation.
"""
from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import replace

from django.contrib.auth import get_user_model
from django.db import IntegrityError, connection, transaction
from django.db.models import Count, Exists, F, OuterRef, Q, Sum, Window
from django.db.models.functions import RowNumber
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import compat
from .. import data as base_data
from ..conf import setting
from ..core.access import display_name
from ..core.keys import parse_course_key
from ..core.languages import language_of
from ..core.pagination import (
    check_page_exists,
    clean_page_number,
    clean_page_size,
    num_pages,
    paginate,
)
from ..core.rate_limits import check_rate_limit
from ..core.stored_html import stored_html
from ..core.transactions import lock_for_update, retrying_atomic
from ..exceptions import AccessDenied, InvalidInput, NotFound
from ..members.api import require_moderator, require_viewer
from . import data
from .guards import check_thread, check_thread_write, hidden_authors, may_see_thread
from .models import Follow, Post, PostFlag, PostRevision, PostVote, Thread, Translation
from .translations import translations_for

User = get_user_model()

MAX_POST_LENGTH = 10000
MAX_REASON_LENGTH = 500


def _max_depth() -> int:
    return max(2, int(setting("VETNET_DISCUSSION_MAX_DEPTH")))


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


def get_or_create_thread(*, course_key, usage_key: str, target: str, title: str = "") -> str:
    """
    The public id (a uuid string) of the thread about ``target`` in the block ``usage_key``, created on first use.

    ``title`` is what members call the target; it is kept up to date.
    """
    key = parse_course_key(course_key)
    usage_key, target, title = str(usage_key)[:255], str(target)[:100], (title or "")[:255]
    if not usage_key or not target:
        raise InvalidInput(_("A discussion needs a place and a subject."))
    thread = Thread.objects.filter(usage_key=usage_key, target=target).only("id", "uuid", "title", "course_key").first()
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
    return str(thread.uuid)


def thread_ids(*, usage_key: str, targets) -> dict[str, str]:
    """The public ids of the existing threads about ``targets`` in the block ``usage_key``, by target."""
    rows = Thread.objects.filter(usage_key=str(usage_key), target__in=list(targets)).values_list("target", "uuid")
    return {target: str(thread_uuid) for target, thread_uuid in rows}


def rename_thread(*, usage_key: str, target: str, title: str) -> None:
    """Keep what members call a thread's target (a scenario's title) up to date."""
    Thread.objects.filter(usage_key=str(usage_key), target=str(target)).update(title=(title or "")[:255])


def most_voted_posts(*, thread_id, user, limit: int) -> tuple[data.Post, ...]:
    """
    The thread's visible posts that members voted for, most votes first, as
    staff see them (for summaries such as the policy brief; callers check access).
    """
    thread_uuid = _uuid_or_none(thread_id)
    if thread_uuid is None:
        return ()
    posts = list(
        _posts().filter(thread__uuid=thread_uuid, is_hidden=False, is_retired=False, vote_count__gt=0)
        .filter(~Q(body="")).order_by("-vote_count", "created", "id")[:limit]
    )
    return _seen_by(posts, viewer=user, staff=True)


def _uuid_or_none(value) -> uuid.UUID | None:
    """The uuid a public id names, or None for anything that is not one."""
    if isinstance(value, uuid.UUID):
        return value
    try:
        return uuid.UUID(str(value))
    except (TypeError, ValueError, AttributeError):
        return None


def _posts():
    """Posts with what their public values need: author, thread and the parent's public id, in one query."""
    return Post.objects.select_related("author", "thread").annotate(parent_uuid=F("parent__uuid"))


def _get_thread(thread_id, key) -> Thread:
    thread_uuid = _uuid_or_none(thread_id)
    thread = Thread.objects.filter(uuid=thread_uuid, course_key=key).first() if thread_uuid else None
    if thread is None:
        raise NotFound(_("No such discussion in this course."))
    return thread


def _get_post(post_id, key) -> Post:
    post_uuid = _uuid_or_none(post_id)
    post = _posts().filter(uuid=post_uuid, thread__course_key=key).first() if post_uuid else None
    if post is None:
        raise NotFound(_("No such post in this course."))
    return post


def _to_post(post: Post, *, viewer, staff: bool, voted: set, flagged: set, translations, language: str,
             children=None, hidden=frozenset()) -> data.Post:
    own = viewer is not None and post.author_id == viewer.id
    # An author the thread's feature keeps anonymous to this viewer is shown without id or name.
    anonymous = post.author_id is not None and post.author_id in hidden
    # Members see that a post was hidden and why, but not its text; staff and the author still see it.
    shows_text = not post.is_retired and (not post.is_hidden or staff or own)
    replies = tuple(children or ())
    matches = not language or post.language == language or any(t.language == language for t in translations)
    parent_uuid = getattr(post, "parent_uuid", None)
    if hidden:
        translations = [replace(t, translator_name="" if t.translator_id in hidden else t.translator_name,
                                corrected_by_name="" if t.corrected_by_id in hidden else t.corrected_by_name)
                        for t in translations]
    return data.Post(
        id=str(post.uuid),
        thread_id=str(post.thread.uuid),
        parent_id=str(parent_uuid) if parent_uuid else None,
        depth=post.depth,
        author_id=None if post.is_retired or anonymous else post.author_id,
        author_name="" if post.is_retired or anonymous else display_name(post.author),
        body=post.body if shows_text else "",
        body_html=stored_html(post.body_html, post.body) if shows_text else "",
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


def _viewer_marks(ids, viewer) -> tuple[set, set]:
    """Which of the posts ``ids`` the viewer voted for and flagged: two queries, whatever the number of posts."""
    if not ids or viewer is None or not getattr(viewer, "pk", None):
        return set(), set()
    voted = set(PostVote.objects.filter(post_id__in=ids, user=viewer).values_list("post_id", flat=True))
    flagged = set(PostFlag.objects.filter(post_id__in=ids, user=viewer).values_list("post_id", flat=True))
    return voted, flagged


def _seen_by(posts: list[Post], *, viewer, staff: bool) -> tuple[data.Post, ...]:
    """Posts (without their replies) as ``viewer`` may see them, with three queries for all of them."""
    ids = [p.pk for p in posts]
    voted, flagged = _viewer_marks(ids, viewer)
    translated = translations_for(kind=Translation.POST, object_ids=ids)
    masks: dict = {}
    for post in posts:
        if post.thread_id not in masks:
            masks[post.thread_id] = hidden_authors(viewer, post.thread.course_key, post.thread.target)
    return tuple(
        _to_post(post, viewer=viewer, staff=staff, voted=voted, flagged=flagged,
                 translations=translated.get(post.pk, ()), language="", hidden=masks[post.thread_id])
        for post in posts
    )


def _marks(ids, viewer) -> tuple[set, set, dict]:
    """The viewer's votes and flags among the posts ``ids``, and the posts' translations: three queries."""
    voted, flagged = _viewer_marks(ids, viewer)
    return voted, flagged, translations_for(kind=Translation.POST, object_ids=ids)


def _nest(roots: list[Post], replies: list[Post], *, viewer, staff: bool, language: str,
          marks=None) -> tuple[data.Post, ...]:
    """The page's top-level posts with their replies nested, in the order given."""
    voted, flagged, translated = marks or _marks([p.pk for p in roots] + [p.pk for p in replies], viewer)
    thread = roots[0].thread if roots else None
    hidden = hidden_authors(viewer, thread.course_key, thread.target) if thread is not None else frozenset()
    children = defaultdict(list)
    for reply in replies:
        children[reply.parent_id].append(reply)

    def build(post):
        nested = [build(child) for child in children.get(post.pk, [])]
        if language:
            nested = [r for r in nested if r.matches_filter or r.replies]
        return _to_post(post, viewer=viewer, staff=staff, voted=voted, flagged=flagged,
                        translations=translated.get(post.pk, ()), language=language, children=nested,
                        hidden=hidden)

    return tuple(build(root) for root in roots)


def _in_language(language: str):
    """Posts written in, or translated into, ``language`` (as a filter on a query of posts)."""
    translated = Translation.objects.filter(kind=Translation.POST, object_id=OuterRef("pk"), language=language)
    return Q(language=language) | Exists(translated)


_ORDERS = {"oldest": ("created", "id"), "votes": ("-vote_count", "created", "id")}


def get_thread(
    *, user, course_key, thread_id, language: str = "", order: str = "oldest", page=1, page_size=None,
) -> data.Thread:
    """
    One page of the thread: its top-level posts the member may see (``page``
    and ``page_size`` count those), each with its replies nested under their parents.

    ``language`` narrows the posts to those written in, or translated into, that
    language (keeping the posts they answer, so replies keep their context).
    ``order`` is "oldest" or "votes" for the top-level posts. The page is cut
    in the database and the number of queries does not grow with the thread.
    """
    key = require_viewer(user, course_key)
    thread = _get_thread(thread_id, key)
    check_thread(user, key, thread.target)
    staff = compat.is_course_staff(user, key)
    language = (language or "").strip().lower()[:16]
    size, number = clean_page_size(page_size), clean_page_number(page)
    roots = Post.objects.filter(thread=thread, parent__isnull=True)
    if language:
        replies_in_language = Post.objects.filter(root_id=OuterRef("pk")).filter(_in_language(language))
        roots = roots.filter(_in_language(language) | Exists(replies_in_language))
    top_level_count = roots.count()
    pages = num_pages(top_level_count, size)
    check_page_exists(number, pages)
    ordered = roots.select_related("author").order_by(*_ORDERS.get(order, _ORDERS["oldest"]))
    page_roots = list(ordered[(number - 1) * size:number * size])
    replies = list(
        Post.objects.filter(root__in=[p.pk for p in page_roots]).select_related("author")
        .annotate(parent_uuid=F("parent__uuid")).order_by("created", "id")
    ) if page_roots else []
    for post in page_roots + replies:
        post.thread = thread
    follow = Follow.objects.filter(user=user, thread=thread).first()
    everything = Post.objects.filter(thread=thread).order_by()
    return data.Thread(
        id=str(thread.uuid),
        course_key=str(thread.course_key),
        usage_key=thread.usage_key,
        target=thread.target,
        posts=_nest(page_roots, replies, viewer=user, staff=staff, language=language),
        post_count=everything.filter(is_hidden=False, is_retired=False).count(),
        languages=tuple(sorted(
            code for code in everything.exclude(language="").values_list("language", flat=True).distinct() if code
        )),
        is_following=follow is not None,
        email_digest=bool(follow and follow.email_digest),
        top_level_count=top_level_count,
        page=number,
        num_pages=pages,
        page_size=size,
    )


def _first_ids_per_thread(roots, thread_pks, chosen_by, size: int) -> list[int]:
    """
    The ids of the first ``size`` of ``roots`` in each thread, in ``chosen_by``, in one query.

    Where the database allows a limit in each part of a ``UNION`` (MariaDB, MySQL), each thread's
    part reads its page from the ``(thread, parent, created, id)`` index and stops, however long the
    thread; elsewhere (SQLite) a window over the ids ranks every root.
    """
    per_thread = [roots.filter(thread_id=pk).order_by(*chosen_by).values_list("pk", flat=True)[:size]
                  for pk in thread_pks]
    if len(per_thread) == 1:
        return list(per_thread[0])
    if connection.features.supports_slicing_ordering_in_compound:
        return list(per_thread[0].union(*per_thread[1:], all=True))
    ranked = roots.annotate(rank=Window(RowNumber(), partition_by=[F("thread_id")], order_by=[
        F(name[1:]).desc() if name.startswith("-") else F(name).asc() for name in chosen_by
    ]))
    return list(ranked.filter(rank__lte=size).values_list("pk", flat=True))


def get_threads(
    *, user, course_key, thread_ids, language: str = "", order: str = "oldest", page_size=None,
    most_recent: bool = False, posts_for=None,
) -> dict[str, data.Thread]:
    """
    The first page of each of the threads ``thread_ids`` (public ids), as
    ``get_thread`` gives it, by thread id: for a page that shows several
    discussions at once (a scenario forum). With ``most_recent``, each holds
    the latest top-level posts instead (still shown in ``order``), so a
    member always finds what was just written. With ``posts_for`` (public
    ids), only those threads' posts are read; the others come with their
    counts, follow and languages but no posts (a page that shows a
    discussion once it is opened). The number of queries is fixed, whatever
    the number of threads and posts.
    """
    key = require_viewer(user, course_key)
    uuids = [u for u in (_uuid_or_none(t) for t in thread_ids) if u is not None]
    threads = {t.pk: t for t in Thread.objects.filter(uuid__in=uuids, course_key=key)
               if may_see_thread(user, key, t.target)} if uuids else {}
    if not threads:
        return {}
    staff = compat.is_course_staff(user, key)
    language = (language or "").strip().lower()[:16]
    size = clean_page_size(page_size)
    roots = Post.objects.filter(thread__in=list(threads), parent__isnull=True)
    if language:
        replies_in_language = Post.objects.filter(root_id=OuterRef("pk")).filter(_in_language(language))
        roots = roots.filter(_in_language(language) | Exists(replies_in_language))
    ordering = _ORDERS.get(order, _ORDERS["oldest"])
    top_level = dict(roots.order_by().values("thread_id").annotate(n=Count("id")).values_list("thread_id", "n"))
    # The first ``size`` top-level posts of every thread: their ids, then their rows.
    chosen_by = ("-created", "-id") if most_recent else ordering
    wanted = None if posts_for is None else {str(u) for u in (_uuid_or_none(t) for t in posts_for) if u is not None}
    read = {pk for pk, thread in threads.items() if wanted is None or str(thread.uuid) in wanted}
    page_ids = _first_ids_per_thread(roots, sorted(read), chosen_by, size) if read else []
    page_roots = list(Post.objects.filter(pk__in=page_ids).select_related("author")
                      .order_by("thread_id", *ordering)) if page_ids else []
    replies = list(
        Post.objects.filter(root__in=[p.pk for p in page_roots]).select_related("author")
        .annotate(parent_uuid=F("parent__uuid")).order_by("created", "id")
    ) if page_roots else []
    for post in page_roots + replies:
        post.thread = threads[post.thread_id]
    marks = _marks([p.pk for p in page_roots + replies], user)
    visible = dict(
        Post.objects.filter(thread__in=list(threads), is_hidden=False, is_retired=False).order_by()
        .values("thread_id").annotate(n=Count("id")).values_list("thread_id", "n")
    )
    languages = defaultdict(set)
    for thread_pk, code in (Post.objects.filter(thread__in=list(threads)).exclude(language="").order_by()
                            .values_list("thread_id", "language").distinct()):
        languages[thread_pk].add(code)
    follows = {f.thread_id: f for f in Follow.objects.filter(user=user, thread__in=list(threads))}
    roots_by_thread = defaultdict(list)
    for post in page_roots:
        roots_by_thread[post.thread_id].append(post)
    result = {}
    for thread_pk, thread in threads.items():
        follow = follows.get(thread_pk)
        count = top_level.get(thread_pk, 0)
        result[str(thread.uuid)] = data.Thread(
            id=str(thread.uuid), course_key=str(thread.course_key), usage_key=thread.usage_key, target=thread.target,
            posts=_nest(roots_by_thread[thread_pk], replies, viewer=user, staff=staff, language=language, marks=marks),
            post_count=visible.get(thread_pk, 0), languages=tuple(sorted(languages[thread_pk])),
            is_following=follow is not None, email_digest=bool(follow and follow.email_digest),
            top_level_count=count, page=1, num_pages=num_pages(count, size), page_size=size,
            posts_read=thread_pk in read,
        )
    return result


def post_revisions(*, user, course_key, post_ids) -> dict[str, tuple[data.PostRevision, ...]]:
    """
    The earlier versions of each of the posts ``post_ids`` (public ids), by
    post id, as ``list_post_revisions`` shows them, in one query for all.
    """
    key = require_viewer(user, course_key)
    uuids = [u for u in (_uuid_or_none(p) for p in post_ids) if u is not None]
    if not uuids:
        return {}
    staff = compat.is_course_staff(user, key)
    readable = Post.objects.filter(uuid__in=uuids, thread__course_key=key, is_retired=False, edited__isnull=False)
    if not staff:
        readable = readable.filter(Q(is_hidden=False) | Q(author=user))
    grouped = defaultdict(list)
    rows = (PostRevision.objects.filter(post__in=readable).annotate(post_uuid=F("post__uuid"))
            .order_by("created", "id"))
    rows = rows.annotate(thread_target=F("post__thread__target"))
    for row in rows:
        if not may_see_thread(user, key, row.thread_target):
            continue
        grouped[str(row.post_uuid)].append(
            data.PostRevision(body=row.body, body_html=stored_html(row.body_html, row.body), language=row.language,
                              created=row.created)
        )
    return {post_id: tuple(items) for post_id, items in grouped.items()}


def post_counts(*, thread_ids) -> dict[str, int]:
    """Visible posts per thread (by public id), for lists that show how lively each discussion is."""
    uuids = [u for u in (_uuid_or_none(t) for t in thread_ids) if u is not None]
    rows = (
        Post.objects.filter(thread__uuid__in=uuids, is_hidden=False, is_retired=False)
        .values("thread__uuid").annotate(n=Count("id")).order_by()
    )
    return {str(row["thread__uuid"]): row["n"] for row in rows}


def _single(post: Post, user, key) -> data.Post:
    return post_as_seen_by(post, user, compat.is_course_staff(user, key))


def post_as_seen_by(post: Post, user, staff: bool) -> data.Post:
    """One post (without its replies) as ``user`` may see it; ``staff`` sees hidden text."""
    return _seen_by([post], viewer=user, staff=staff)[0]


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
    check_thread_write(user, key, thread.target)
    text = _clean_text(body, field="body", limit=MAX_POST_LENGTH)
    code, detected = language_of(text, language)
    parent = None
    if parent_id not in (None, ""):
        parent_uuid = _uuid_or_none(parent_id)
        parent = thread.posts.filter(uuid=parent_uuid).first() if parent_uuid else None
        if parent is None:
            raise NotFound(_("The post you reply to no longer exists."))
        if parent.depth >= _max_depth():
            parent = parent.parent
    check_rate_limit(action="post", queryset=Post.objects.filter(author=user))
    post = Post.objects.create(
        thread=thread, parent=parent, root_id=(parent.root_id or parent.pk) if parent else None,
        depth=(parent.depth + 1) if parent else 0, author=user, body=text, language=code, language_detected=detected,
    )
    post.parent_uuid = parent.uuid if parent else None
    return _single(post, user, key)


def edit_post(*, user, course_key, post_id, body: str, language: str = "") -> data.Post:
    """Change the text of one's own post; the earlier text goes into the history."""
    key = require_viewer(user, course_key)
    text = _clean_text(body, field="body", limit=MAX_POST_LENGTH)
    with transaction.atomic():
        post = _get_post(post_id, key)
        check_thread_write(user, key, post.thread.target)
        if post.author_id != user.id or post.is_retired:
            raise AccessDenied(_("You can only edit your own posts."))
        if text == post.body and not language:
            return _single(post, user, key)
        code, detected = language_of(text, language)
        PostRevision.objects.create(post=post, body=post.body, language=post.language,
                                    created=post.edited or post.created)
        post.body, post.language, post.language_detected, post.edited = text, code, detected, timezone.now()
        post.save(update_fields=["body", "language", "language_detected", "edited"])
    return _single(post, user, key)


def list_post_revisions(*, user, course_key, post_id) -> tuple[data.PostRevision, ...]:
    """A post's earlier versions, oldest first (hidden posts: staff and author only)."""
    key = require_viewer(user, course_key)
    post = _get_post(post_id, key)
    check_thread(user, key, post.thread.target)
    if post.is_retired or (post.is_hidden and post.author_id != user.id and not compat.is_course_staff(user, key)):
        return ()
    return tuple(
        data.PostRevision(body=r.body, body_html=stored_html(r.body_html, r.body), language=r.language,
                          created=r.created)
        for r in post.revisions.all()
    )


def vote_post(*, user, course_key, post_id, vote: bool = True) -> int:
    """Up-vote a post (``vote=False`` takes the vote back); returns the new count. Once per member."""
    key = require_viewer(user, course_key)
    post = _get_post(post_id, key)
    check_thread_write(user, key, post.thread.target)
    if post.author_id == user.id:
        raise InvalidInput(_("You cannot vote for your own post."))
    if post.is_hidden or post.is_retired:
        raise InvalidInput(_("This post cannot receive votes."))
    return _write_vote(post.pk, user, bool(vote))


@retrying_atomic
def _write_vote(post_id: int, user, vote: bool) -> int:
    # The post first, then the vote row and the counter: see core.transactions.
    lock_for_update(Post.objects.filter(pk=post_id))
    if vote:
        if _create_once(PostVote, post_id=post_id, user=user):
            Post.objects.filter(pk=post_id).update(vote_count=F("vote_count") + 1)
    else:
        deleted, _rows = PostVote.objects.filter(post_id=post_id, user=user).delete()
        if deleted:
            Post.objects.filter(pk=post_id).update(vote_count=F("vote_count") - 1)
    return Post.objects.values_list("vote_count", flat=True).get(pk=post_id)


def _create_once(model, **fields) -> bool:
    """Create the member's row unless it exists (voting or flagging twice is a no-op); True if created."""
    if model.objects.filter(**fields).exists():
        return False
    try:
        with transaction.atomic():
            model.objects.create(**fields)
    except IntegrityError:
        return False
    return True


def flag_post(*, user, course_key, post_id, reason: str = "") -> None:
    """Ask the moderators to look at a post. Flagging twice keeps one flag."""
    key = require_viewer(user, course_key)
    post = _get_post(post_id, key)
    check_thread(user, key, post.thread.target)
    reason = _clean_text(reason or "", field="reason", limit=MAX_REASON_LENGTH, required=False)
    if PostFlag.objects.filter(post=post, user=user).exists():
        return
    check_rate_limit(action="flag", queryset=PostFlag.objects.filter(user=user))
    _write_flag(post.pk, user, reason)


@retrying_atomic
def _write_flag(post_id: int, user, reason: str) -> None:
    lock_for_update(Post.objects.filter(pk=post_id))
    if _create_once(PostFlag, post_id=post_id, user=user, reason=reason):
        Post.objects.filter(pk=post_id).update(flag_count=F("flag_count") + 1)


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


def list_flagged_posts(*, user, course_key, usage_key: str = "", page=1, page_size=None) -> base_data.Page:
    """
    One page of the posts with unresolved flags, most flagged first, for the
    moderators, with the members' reasons. Staff only.
    """
    key = require_moderator(user, course_key)
    posts = Post.objects.filter(thread__course_key=key, is_retired=False)
    if usage_key:
        posts = posts.filter(thread__usage_key=str(usage_key))
    open_flags = PostFlag.objects.filter(resolved__isnull=True)
    posts = (
        posts.filter(Exists(open_flags.filter(post=OuterRef("pk"))))
        .annotate(open_flags=Count("flags", filter=Q(flags__resolved__isnull=True)), parent_uuid=F("parent__uuid"))
        .select_related("thread", "author").order_by("-open_flags", "created", "id")
    )

    def flagged(rows):
        reasons = defaultdict(list)
        for post_id, reason in (open_flags.filter(post__in=[p.pk for p in rows]).exclude(reason="")
                                .order_by("created", "id").values_list("post_id", "reason")):
            reasons[post_id].append(reason)
        return (
            data.FlaggedPost(post=seen, thread_target=row.thread.title or row.thread.target,
                             usage_key=row.thread.usage_key, reasons=tuple(reasons[row.pk]))
            for row, seen in zip(rows, _seen_by(rows, viewer=user, staff=True), strict=True)
        )

    return paginate(posts, page=page, page_size=page_size, transform=flagged)


def follow_thread(*, user, course_key, thread_id, email_digest: bool = True) -> data.Thread:
    """Follow a thread (or change the e-mail choice of an existing follow)."""
    key = require_viewer(user, course_key)
    thread = _get_thread(thread_id, key)
    check_thread(user, key, thread.target)
    if not isinstance(email_digest, bool):
        raise InvalidInput(_("Choose whether to receive e-mail."))
    Follow.objects.update_or_create(
        user=user, thread=thread, defaults={"email_digest": email_digest}, create_defaults={
            "email_digest": email_digest, "digest_since": timezone.now(),
        },
    )
    return data.Thread(id=str(thread.uuid), course_key=str(key), usage_key=thread.usage_key, target=thread.target,
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
    _retire_discussion_rows(user_id)


@retrying_atomic
def _retire_discussion_rows(user_id: int) -> None:
    # The posts whose counters change are locked first, in one order, as every vote and flag does.
    voted = list(PostVote.objects.filter(user_id=user_id).values_list("post_id", flat=True))
    flagged = list(PostFlag.objects.filter(user_id=user_id).values_list("post_id", flat=True))
    lock_for_update(Post.objects.filter(pk__in={*voted, *flagged}))
    posts = Post.objects.filter(author_id=user_id)
    PostRevision.objects.filter(post__in=posts).delete()
    Translation.objects.filter(kind=Translation.POST, object_id__in=posts.values("pk")).delete()
    posts.update(author=None, body="", body_html="", is_retired=True)
    for post_id in voted:
        Post.objects.filter(pk=post_id).update(vote_count=F("vote_count") - 1)
    PostVote.objects.filter(user_id=user_id).delete()
    for post_id in flagged:
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


def post_in_thread(*, thread_id, post_id) -> data.PostRef | None:
    """
    The post ``post_id`` if it belongs to the thread ``thread_id`` (public ids), else None.

    For features whose targets give posts a meaning of their own (a counselling
    case's accepted answers); callers check who may see the thread.
    """
    thread_uuid, post_uuid = _uuid_or_none(thread_id), _uuid_or_none(post_id)
    if thread_uuid is None or post_uuid is None:
        return None
    post = Post.objects.filter(uuid=post_uuid, thread__uuid=thread_uuid).only(
        "uuid", "author_id", "parent_id", "is_hidden", "is_retired").first()
    if post is None:
        return None
    return data.PostRef(id=str(post.uuid), thread_id=str(thread_uuid), author_id=post.author_id,
                        is_top_level=post.parent_id is None, is_hidden=post.is_hidden, is_retired=post.is_retired)


def vote_totals(*, author_ids, target_prefix: str) -> dict[int, int]:
    """
    The up-votes each of ``author_ids`` received on their top-level posts in
    the threads whose target starts with ``target_prefix`` (answers to
    counselling cases), in every course: one query along the author index.
    Removed posts do not count.
    """
    ids = sorted({int(u) for u in author_ids if u is not None})
    if not ids or not target_prefix:
        return {}
    rows = (Post.objects.filter(author_id__in=ids, parent__isnull=True, is_retired=False,
                                thread__target__startswith=str(target_prefix)).order_by()
            .values("author_id").annotate(n=Sum("vote_count")).values_list("author_id", "n"))
    return {author: int(n or 0) for author, n in rows}
