"""
Request and response bodies of the discussion core's REST views, for the
OpenAPI schema and for the answers themselves. Ids are public uuid strings.
"""
from rest_framework import serializers

from ..base import page_of

# pylint: disable=abstract-method


class TranslationTextSerializer(serializers.Serializer):
    """A translation of a post or scenario, credited to who made or corrected it."""

    language = serializers.CharField()
    title = serializers.CharField(allow_blank=True)
    body = serializers.CharField(allow_blank=True)
    body_html = serializers.CharField(allow_blank=True)
    translator_name = serializers.CharField(allow_blank=True)
    corrected_by_name = serializers.CharField(allow_blank=True)
    is_machine = serializers.BooleanField()
    provider = serializers.CharField(allow_blank=True)


class PostSerializer(serializers.Serializer):
    """A post as the requester may see it, its replies nested."""

    id = serializers.CharField(help_text="The post's public id (a uuid).")
    thread_id = serializers.CharField(help_text="The thread's public id (a uuid).")
    parent_id = serializers.CharField(allow_null=True, help_text="The public id of the post this answers.")
    depth = serializers.IntegerField()
    author_id = serializers.IntegerField(allow_null=True)
    author_name = serializers.CharField(allow_blank=True)
    body = serializers.CharField(allow_blank=True)
    body_html = serializers.CharField(allow_blank=True)
    language = serializers.CharField(allow_blank=True)
    created = serializers.DateTimeField()
    edited = serializers.DateTimeField(allow_null=True)
    vote_count = serializers.IntegerField()
    voted_by_me = serializers.BooleanField()
    flagged_by_me = serializers.BooleanField()
    flag_count = serializers.IntegerField()
    is_hidden = serializers.BooleanField()
    hidden_reason = serializers.CharField(allow_blank=True)
    is_retired = serializers.BooleanField()
    is_own = serializers.BooleanField()
    matches_filter = serializers.BooleanField()
    translations = TranslationTextSerializer(many=True)


# Replies are posts too: the schema refers to the component itself.
PostSerializer._declared_fields["replies"] = PostSerializer(many=True)  # pylint: disable=protected-access

PostPageSerializer = page_of(PostSerializer, "PostPageSerializer")


class ThreadSerializer(serializers.Serializer):
    """A thread with one page of its top-level posts (``posts``), replies nested."""

    id = serializers.CharField(help_text="The thread's public id (a uuid).")
    course_key = serializers.CharField()
    usage_key = serializers.CharField()
    target = serializers.CharField()
    post_count = serializers.IntegerField(help_text="Visible posts in the whole thread.")
    languages = serializers.ListField(child=serializers.CharField())
    is_following = serializers.BooleanField()
    email_digest = serializers.BooleanField()
    posts = PostPageSerializer()


class ThreadQuerySerializer(serializers.Serializer):
    """Query parameters of a thread's page."""

    language = serializers.CharField(required=False, allow_blank=True, max_length=16)
    order = serializers.ChoiceField(choices=["oldest", "votes"], required=False)
    page = serializers.IntegerField(required=False, min_value=1)
    page_size = serializers.IntegerField(required=False, min_value=1)


class PostCreateSerializer(serializers.Serializer):
    """A new post, or with ``parent_id`` a reply."""

    body = serializers.CharField(max_length=10000)
    parent_id = serializers.CharField(required=False, allow_null=True, allow_blank=True,
                                      help_text="The public id of the post to answer.")
    language = serializers.CharField(required=False, allow_blank=True, max_length=16)


class PostEditSerializer(serializers.Serializer):
    """The new text of one's own post."""

    body = serializers.CharField(max_length=10000)
    language = serializers.CharField(required=False, allow_blank=True, max_length=16)


class PostRevisionSerializer(serializers.Serializer):
    """An earlier version of a post's text."""

    body = serializers.CharField(allow_blank=True)
    body_html = serializers.CharField(allow_blank=True)
    language = serializers.CharField(allow_blank=True)
    created = serializers.DateTimeField()


class PostRevisionListSerializer(serializers.Serializer):
    """A post's earlier versions, oldest first."""

    results = PostRevisionSerializer(many=True)


class VoteSerializer(serializers.Serializer):
    """A post's votes after the requester's vote (or its withdrawal)."""

    vote_count = serializers.IntegerField()
    voted_by_me = serializers.BooleanField()


class FlagSerializer(serializers.Serializer):
    """Why a post needs a moderator's look."""

    reason = serializers.CharField(required=False, allow_blank=True, max_length=500)


class FlaggedSerializer(serializers.Serializer):
    """The requester's flag is recorded."""

    flagged_by_me = serializers.BooleanField()


class PostModerationSerializer(serializers.Serializer):
    """Hide a post (a reason is required, members see it) or restore it."""

    hide = serializers.BooleanField(required=False, default=True)
    reason = serializers.CharField(required=False, allow_blank=True, max_length=500)


class FollowSerializer(serializers.Serializer):
    """Following a thread, and whether the e-mail digest comes."""

    is_following = serializers.BooleanField(read_only=True)
    email_digest = serializers.BooleanField(required=False, default=True)


class PostTranslationSerializer(serializers.Serializer):
    """A member's translation of a post."""

    language = serializers.CharField(max_length=16)
    body = serializers.CharField(max_length=10000)


class MachineTranslationSerializer(serializers.Serializer):
    """The language to translate into."""

    language = serializers.CharField(max_length=16)


class FlaggedPostSerializer(serializers.Serializer):
    """A flagged post with its members' reasons."""

    post = PostSerializer()
    thread_target = serializers.CharField()
    usage_key = serializers.CharField()
    reasons = serializers.ListField(child=serializers.CharField())


FlaggedPostPageSerializer = page_of(FlaggedPostSerializer, "FlaggedPostPageSerializer")


class FlaggedPostsQuerySerializer(serializers.Serializer):
    """Query parameters of the moderators' queue."""

    usage_key = serializers.CharField(required=False, allow_blank=True, max_length=255)
    page = serializers.IntegerField(required=False, min_value=1)
    page_size = serializers.IntegerField(required=False, min_value=1)
