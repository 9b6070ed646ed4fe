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
from drf_spectacular.utils import extend_schema
from rest_framework.response import Response

from .... import api
from ....data import Page
from ..base import VetnetAPIView, body_of, flag, page_body
from .serializers import (
    FlaggedPostPageSerializer,
    FlaggedPostSerializer,
    FlaggedPostsQuerySerializer,
    FlaggedSerializer,
    FlagSerializer,
    FollowSerializer,
    MachineTranslationSerializer,
    PostCreateSerializer,
    PostEditSerializer,
    PostModerationSerializer,
    PostRevisionListSerializer,
    PostSerializer,
    PostTranslationSerializer,
    ThreadQuerySerializer,
    ThreadSerializer,
    TranslationTextSerializer,
    VoteSerializer,
)


def thread_body(request, thread) -> dict:
    """A thread as JSON: its fields, and its page of top-level posts in the one page shape."""
    page = Page(items=thread.posts, count=thread.top_level_count, page=thread.page,
                    num_pages=thread.num_pages, page_size=thread.page_size)
    body = {name: value for name, value in asdict(thread).items()
            if name not in ("posts", "top_level_count", "page", "num_pages", "page_size")}
    return ThreadSerializer({**body, "posts": page_body(request, page, PostSerializer)}).data


def post_body(post) -> dict:
    return PostSerializer(asdict(post)).data


class ThreadView(VetnetAPIView):
    """
    A thread with the posts the member may see, replies nested; ``language`` and
    ``order`` narrow and sort it. Pages count top-level posts with their replies.
    """

    @extend_schema(parameters=[ThreadQuerySerializer], responses=ThreadSerializer)
    def get(self, request, course_key, thread_id):
        query = request.query_params
        thread = api.get_thread(
            user=request.user, course_key=course_key, thread_id=thread_id,
            language=query.get("language", ""), order=query.get("order", "oldest"),
            page=query.get("page"), page_size=query.get("page_size"),
        )
        return Response(thread_body(request, thread))


class ThreadPostsView(VetnetAPIView):
    """Write a post, or a reply with ``parent_id``."""

    @extend_schema(request=PostCreateSerializer, responses={201: PostSerializer})
    def post(self, request, course_key, thread_id):
        payload = body_of(request)
        post = api.create_post(
            user=request.user, course_key=course_key, thread_id=thread_id, body=payload.get("body"),
            parent_id=payload.get("parent_id"), language=payload.get("language") or "",
        )
        return Response(post_body(post), status=201)


class ThreadFollowView(VetnetAPIView):
    """Follow a thread (``email_digest`` chooses the e-mail digest) or stop following it."""

    @extend_schema(request=FollowSerializer, responses=FollowSerializer)
    def put(self, request, course_key, thread_id):
        payload = body_of(request)
        thread = api.follow_thread(
            user=request.user, course_key=course_key, thread_id=thread_id,
            email_digest=flag(payload.get("email_digest"), "email_digest", True),
        )
        return Response({"is_following": thread.is_following, "email_digest": thread.email_digest})

    @extend_schema(responses={204: None})
    def delete(self, request, course_key, thread_id):
        api.unfollow_thread(user=request.user, course_key=course_key, thread_id=thread_id)
        return Response(status=204)


class PostView(VetnetAPIView):
    """Edit one's own post; the earlier text stays in its history."""

    @extend_schema(request=PostEditSerializer, responses=PostSerializer)
    def patch(self, request, course_key, post_id):
        payload = body_of(request)
        post = api.edit_post(user=request.user, course_key=course_key, post_id=post_id, body=payload.get("body"),
                             language=payload.get("language") or "")
        return Response(post_body(post))


class PostHistoryView(VetnetAPIView):
    """A post's earlier versions, oldest first."""

    @extend_schema(responses=PostRevisionListSerializer)
    def get(self, request, course_key, post_id):
        revisions = api.list_post_revisions(user=request.user, course_key=course_key, post_id=post_id)
        return Response(PostRevisionListSerializer({"results": [asdict(r) for r in revisions]}).data)


class PostVoteView(VetnetAPIView):
    """Up-vote a post (PUT) or take the vote back (DELETE)."""

    @extend_schema(request=None, responses=VoteSerializer)
    def put(self, request, course_key, post_id):
        count = api.vote_post(user=request.user, course_key=course_key, post_id=post_id, vote=True)
        return Response({"vote_count": count, "voted_by_me": True})

    @extend_schema(responses=VoteSerializer)
    def delete(self, request, course_key, post_id):
        count = api.vote_post(user=request.user, course_key=course_key, post_id=post_id, vote=False)
        return Response({"vote_count": count, "voted_by_me": False})


class PostFlagView(VetnetAPIView):
    """Ask the moderators to look at a post."""

    @extend_schema(request=FlagSerializer, responses={201: FlaggedSerializer})
    def post(self, request, course_key, post_id):
        payload = body_of(request)
        api.flag_post(user=request.user, course_key=course_key, post_id=post_id, reason=payload.get("reason") or "")
        return Response({"flagged_by_me": True}, status=201)


class PostModerationView(VetnetAPIView):
    """Staff hide a post with a reason, or restore it."""

    @extend_schema(request=PostModerationSerializer, responses=PostSerializer)
    def post(self, request, course_key, post_id):
        payload = body_of(request)
        post = api.moderate_post(user=request.user, course_key=course_key, post_id=post_id,
                                 hide=flag(payload.get("hide"), "hide", True), reason=payload.get("reason") or "")
        return Response(post_body(post))


class PostTranslationView(VetnetAPIView):
    """Contribute (or correct) a translation of a post into ``language``."""

    @extend_schema(request=PostTranslationSerializer, responses={201: TranslationTextSerializer})
    def post(self, request, course_key, post_id):
        payload = body_of(request)
        translation = api.contribute_translation(
            user=request.user, course_key=course_key, kind="post", object_id=post_id,
            language=payload.get("language") or "", body=payload.get("body"),
        )
        return Response(TranslationTextSerializer(asdict(translation)).data, status=201)


class PostMachineTranslationView(VetnetAPIView):
    """Ask the configured machine provider for a translation; 204 when none can be had."""

    @extend_schema(request=MachineTranslationSerializer, responses={200: TranslationTextSerializer, 204: None})
    def post(self, request, course_key, post_id):
        payload = body_of(request)
        translation = api.machine_translate(user=request.user, course_key=course_key, kind="post",
                                            object_id=post_id, language=payload.get("language") or "")
        if translation is None:
            return Response(status=204)
        return Response(TranslationTextSerializer(asdict(translation)).data)


class FlaggedPostsView(VetnetAPIView):
    """Posts with open flags, most flagged first (course staff only)."""

    @extend_schema(parameters=[FlaggedPostsQuerySerializer], responses=FlaggedPostPageSerializer)
    def get(self, request, course_key):
        query = request.query_params
        flagged = api.list_flagged_posts(user=request.user, course_key=course_key,
                                         usage_key=query.get("usage_key", ""), page=query.get("page"),
                                         page_size=query.get("page_size"))
        return Response(page_body(request, flagged, FlaggedPostSerializer))


@method_decorator(csrf_exempt, name="dispatch")
class DigestOptOutView(View):  # an HTML page, outside the JSON API
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
