"""
E-mail digests of new posts in the threads a member follows.

A periodic task calls ``send_discussion_digests`` (hourly); each follower gets
at most one e-mail per ``VETNET_DIGEST_INTERVAL_HOURS`` and only when there is
something new. Members opt out per thread or for every thread at once.
"""
from __future__ import annotations

import logging
from datetime import timedelta
from itertools import groupby

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .. import compat
from ..conf import setting
from ..core.access import display_name
from ..members.api import can_view_community, forget_actors
from .guards import hidden_authors, may_see_thread
from .models import Follow, Post

log = logging.getLogger(__name__)

_OPT_OUT_SALT = "vetnet.digest-opt-out"
_EXCERPT_LENGTH = 400
# Followers whose due follows are read per round trip.
DUE_CHUNK = 500


def opt_out_token(user_id: int) -> str:
    """A token that lets the e-mail's reader turn digests off without logging in."""
    return signing.dumps({"user_id": user_id}, salt=_OPT_OUT_SALT, compress=True)


def user_id_from_opt_out_token(token: str) -> int | None:
    """The member a digest opt-out token was made for, or None if it is not ours."""
    try:
        return int(signing.loads(token, salt=_OPT_OUT_SALT)["user_id"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None


# What a digest calls an author kept anonymous to its reader (read in the reader's language).
_ANONYMOUS = gettext_lazy("A member of the community")


def _site_url(path: str) -> str:
    root = (getattr(settings, "LMS_ROOT_URL", "") or "").rstrip("/")
    return f"{root}{path}"


def _excerpt(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _EXCERPT_LENGTH else text[: _EXCERPT_LENGTH - 1].rstrip() + "…"


def _digest_for(user, follows):
    sections = []
    for follow in follows:
        thread = follow.thread
        # A thread a guard now refuses them (they left the workspace, the private circle) sends nothing.
        if not can_view_community(user=user, course_key=thread.course_key) or \
                not may_see_thread(user, thread.course_key, thread.target):
            continue
        posts = list(
            Post.objects.filter(thread=thread, created__gt=follow.digest_since, is_hidden=False, is_retired=False)
            .exclude(author=user).select_related("author").order_by("created")
        )
        if posts:
            hidden = hidden_authors(user, thread.course_key, thread.target)
            sections.append({
                "title": thread.title or thread.target,
                "url": _site_url(f"/courses/{thread.course_key}/jump_to/{thread.usage_key}"),
                "posts": [
                    {"author": _ANONYMOUS if p.author_id in hidden else display_name(p.author),
                     "created": p.created, "excerpt": _excerpt(p.body), "is_reply": p.parent_id is not None}
                    for p in posts
                ],
            })
    return sections


def _send(user, sections) -> None:
    opt_out_path = reverse("vetnet:digest-opt-out", kwargs={"token": opt_out_token(user.id)})
    context = {
        "name": display_name(user), "sections": sections, "opt_out_url": _site_url(opt_out_path),
        "post_count": sum(len(s["posts"]) for s in sections),
    }
    # The member reads the digest in the language they chose for the platform.
    language = compat.preferred_language(user) or getattr(settings, "LANGUAGE_CODE", "en")
    with translation.override(language):
        subject = _("New posts in the discussions you follow")
        text = render_to_string("vetnet/email/discussion_digest.txt", context)
        html = render_to_string("vetnet/email/discussion_digest.html", context)
    sender = setting("VETNET_DIGEST_FROM_EMAIL") or settings.DEFAULT_FROM_EMAIL
    message = EmailMultiAlternatives(subject, text, sender, [user.email],
                                     headers={"List-Unsubscribe": f"<{context['opt_out_url']}>"})
    message.attach_alternative(html, "text/html")
    message.send()


def _by_follower(due):
    """
    The due follows, one list per follower, read ``DUE_CHUNK`` followers at a time (after the last
    one read, by id), so a worker holds one chunk and its memory does not grow with the followers.
    """
    last = 0
    while True:
        user_ids = list(due.filter(user_id__gt=last).order_by("user_id").values_list("user_id", flat=True)
                        .distinct()[:DUE_CHUNK])
        if not user_ids:
            return
        for _user_id, grouped in groupby(due.filter(user_id__in=user_ids), key=lambda follow: follow.user_id):
            yield list(grouped)
        last = user_ids[-1]


def send_discussion_digests(*, now=None) -> int:
    """
    Send every follower who is due their digest of new posts; returns how many e-mails went out.

    A follower is due when their last digest (or their follow) is older than
    the interval. Their own posts and hidden posts are left out; followers who
    left the course community, opted out, or have no e-mail get nothing.
    """
    hours = int(setting("VETNET_DIGEST_INTERVAL_HOURS") or 0)
    if hours <= 0:
        return 0
    now = now or timezone.now()
    due = (
        Follow.objects.filter(email_digest=True, digest_since__lte=now - timedelta(hours=hours), user__is_active=True)
        .exclude(user__email="").select_related("thread", "user").order_by("user_id", "thread_id")
    )
    sent = 0
    for follows in _by_follower(due):
        user = follows[0].user
        sections = _digest_for(user, follows)
        if sections:
            try:
                _send(user, sections)
            except Exception:  # pylint: disable=broad-except
                # One bad address must not stop everyone else's digest; it is retried next time.
                log.exception("Could not send the discussion digest to user %s", user.id)
                continue
            sent += 1
        # Whether or not there was news, the next digest covers what comes after now.
        Follow.objects.filter(pk__in=[f.pk for f in follows]).update(digest_since=now)
        # The follower's resolved access is kept for the task's run (the request cache, emptied
        # per task): dropped here, so the worker does not hold one per follower.
        forget_actors(user_id=user.id)
    return sent


def digest_opt_out_token_is_valid(*, token: str) -> bool:
    """True if ``token`` is a digest opt-out link this site made."""
    return user_id_from_opt_out_token(token) is not None


def opt_out_of_digests_by_token(*, token: str) -> bool:
    """Turn every digest off for the member the token names; False if the token is not ours."""
    from .posts import set_digest_opt_out

    user_id = user_id_from_opt_out_token(token)
    if user_id is None:
        return False
    set_digest_opt_out(user_id=user_id, opted_out=True)
    return True
