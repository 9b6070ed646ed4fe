"""
REST views of the discussion core: threads, posts, votes, flags, moderation,
translations and follows. Each validates the shape of its input, calls
``vetnet_plugin.api`` and returns the API's values as JSON.
"""
from dataclasses import asdict

from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.csrf import csrf_exempt
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.response import Response

from .... import api
from ..base import PAGE_PARAMETERS, VetnetAPIView, body_of, flag, paginated


class ThreadView(VetnetAPIView):
    """
    A thread with the posts the member may see, replies nested; ``language`` and
    ``order`` narrow and sort it. Pages count top-level posts with their replies.
    """

    @extend_schema(parameters=[
        OpenApiParameter("language", str), OpenApiParameter("order", str, enum=["oldest", "votes"]),
    ] + PAGE_PARAMETERS)
    def get(self, request, course_key, thread_id):
        thread = api.get_thread(
            user=request.user, course_key=course_key, thread_id=thread_id,
            language=request.query_params.get("language", ""), order=request.query_params.get("order", "oldest"),
        )
        body = asdict(thread)
        body["posts"] = paginated(request, thread.posts)
        return Response(body)


class ThreadPostsView(VetnetAPIView):
    """Write a post, or a reply with ``parent_id``."""

    def post(self, request, course_key, thread_id):
        payload = body_of(request)
        post = api.create_post(
            user=request.user, course_key=course_key, thread_id=thread_id, body=payload.get("body"),
            parent_id=payload.get("parent_id"), language=payload.get("language") or "",
        )
        return Response(asdict(post), status=201)


class ThreadFollowView(VetnetAPIView):
    """Follow a thread (``email_digest`` chooses the e-mail digest) or stop following it."""

    def put(self, request, course_key, thread_id):
        payload = body_of(request)
        thread = api.follow_thread(
            user=request.user, course_key=course_key, thread_id=thread_id,
            email_digest=flag(payload.get("email_digest"), "email_digest", True),
        )
        return Response({"is_following": thread.is_following, "email_digest": thread.email_digest})

    def delete(self, request, course_key, thread_id):
        api.unfollow_thread(user=request.user, course_key=course_key, thread_id=thread_id)
        return Response(status=204)


class PostView(VetnetAPIView):
    """Edit one's own post; the earlier text stays in its history."""

    def patch(self, request, course_key, post_id):
        payload = body_of(request)
        post = api.edit_post(user=request.user, course_key=course_key, post_id=post_id, body=payload.get("body"),
                             language=payload.get("language") or "")
        return Response(asdict(post))


class PostHistoryView(VetnetAPIView):
    """A post's earlier versions, oldest first."""

    def get(self, request, course_key, post_id):
        revisions = api.list_post_revisions(user=request.user, course_key=course_key, post_id=post_id)
        return Response({"results": [asdict(r) for r in revisions]})


class PostVoteView(VetnetAPIView):
    """Up-vote a post (PUT) or take the vote back (DELETE)."""

    def put(self, request, course_key, post_id):
        count = api.vote_post(user=request.user, course_key=course_key, post_id=post_id, vote=True)
        return Response({"vote_count": count, "voted_by_me": True})

    def delete(self, request, course_key, post_id):
        count = api.vote_post(user=request.user, course_key=course_key, post_id=post_id, vote=False)
        return Response({"vote_count": count, "voted_by_me": False})


class PostFlagView(VetnetAPIView):
    """Ask the moderators to look at a post."""

    def post(self, request, course_key, post_id):
        payload = body_of(request)
        api.flag_post(user=request.user, course_key=course_key, post_id=post_id, reason=payload.get("reason") or "")
        return Response({"flagged_by_me": True}, status=201)


class PostModerationView(VetnetAPIView):
    """Staff hide a post with a reason, or restore it."""

    def post(self, request, course_key, post_id):
        payload = body_of(request)
        post = api.moderate_post(user=request.user, course_key=course_key, post_id=post_id,
                                 hide=flag(payload.get("hide"), "hide", True), reason=payload.get("reason") or "")
        return Response(asdict(post))


class PostTranslationView(VetnetAPIView):
    """Contribute (or correct) a translation of a post into ``language``."""

    def post(self, request, course_key, post_id):
        payload = body_of(request)
        translation = api.contribute_translation(
            user=request.user, course_key=course_key, kind="post", object_id=post_id,
            language=payload.get("language") or "", body=payload.get("body"),
        )
        return Response(asdict(translation), status=201)


class PostMachineTranslationView(VetnetAPIView):
    """Ask the configured machine provider for a translation; 204 when none can be had."""

    def post(self, request, course_key, post_id):
        payload = body_of(request)
        translation = api.machine_translate(user=request.user, course_key=course_key, kind="post",
                                            object_id=post_id, language=payload.get("language") or "")
        if translation is None:
            return Response(status=204)
        return Response(asdict(translation))


class FlaggedPostsView(VetnetAPIView):
    """Posts with open flags, most flagged first (course staff only)."""

    @extend_schema(parameters=[OpenApiParameter("usage_key", str)] + PAGE_PARAMETERS)
    def get(self, request, course_key):
        flagged = api.list_flagged_posts(user=request.user, course_key=course_key,
                                         usage_key=request.query_params.get("usage_key", ""))
        return Response(paginated(request, flagged))


@method_decorator(csrf_exempt, name="dispatch")
class DigestOptOutView(View):
    """
    The link at the foot of every digest. GET asks for confirmation (mail
    scanners follow links); POST turns every digest of the member off. The
    signed token is the credential, so no login is needed.
    """

    def get(self, request, token):
        valid = api.digest_opt_out_token_is_valid(token=token)
        html = render_to_string("vetnet/digest_opt_out.html", {"valid": valid, "done": False}, request=request)
        return HttpResponse(html, status=200 if valid else 400)

    def post(self, request, token):
        done = api.opt_out_of_digests_by_token(token=token)
        html = render_to_string("vetnet/digest_opt_out.html", {"valid": done, "done": done}, request=request)
        return HttpResponse(html, status=200 if done else 400)
