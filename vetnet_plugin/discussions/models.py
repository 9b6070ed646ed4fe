"""
The discussion core: threads attached to a place in a course, nested posts,
their edit history, votes, flags, translations and follows.

Any block that needs a conversation (the scenario forum, peer counselling)
attaches a ``Thread`` to its own ``target`` string; the core knows nothing of
what the target is.
"""
import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from opaque_keys.edx.django.models import CourseKeyField

from ..core.stored_html import StoresHtml


class Thread(models.Model):
    """
    A conversation about one target (a scenario, a counselling case) in one block.

    .. no_pii: Course key, usage key and a target name; no person.
    """

    # The public id; the integer pk stays inside the plugin.
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    course_key = CourseKeyField(max_length=255, db_index=True)
    usage_key = models.CharField(max_length=255)
    target = models.CharField(max_length=100)
    # What members call the target (a scenario's title), for digests and moderation lists.
    title = models.CharField(max_length=255, blank=True)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["usage_key", "target"], name="vetnet_thread_unique_target")]

    def __str__(self):
        return f"Thread({self.usage_key}, {self.target})"


class Post(StoresHtml, models.Model):
    """
    One contribution to a thread; ``parent`` nests replies.

    .. pii: The Markdown text a member writes, and who wrote it.
    .. pii_types: other
    .. pii_retirement: local_api
    """

    html_fields = {"body": "body_html"}

    # The public id; the integer pk stays inside the plugin.
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="posts")
    parent = models.ForeignKey("self", on_delete=models.CASCADE, null=True, blank=True, related_name="replies")
    # The top-level post a reply belongs to (None for a top-level post), so a
    # page of a thread fetches all its replies in one query, however deep.
    root = models.ForeignKey("self", on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    depth = models.PositiveSmallIntegerField(default=0)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="vetnet_posts"
    )
    body = models.TextField(_("text"))
    # The body's sanitised HTML, rendered when the body is written (``save``),
    # so a thread page never renders Markdown. Re-rendered for every post by
    # ``manage.py vetnet_render_html`` after a change of the sanitiser's rules.
    # Empty on rows written in bulk (no ``save``): then it is rendered when read.
    body_html = models.TextField(blank=True, default="", editable=False)
    language = models.CharField(_("language"), max_length=16, db_index=True)
    language_detected = models.BooleanField(default=False)
    # Denormalised counters, changed only with F() so concurrent voters never lose a vote.
    vote_count = models.IntegerField(default=0)
    flag_count = models.IntegerField(default=0)
    is_hidden = models.BooleanField(default=False)
    hidden_reason = models.CharField(max_length=500, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    moderated_at = models.DateTimeField(null=True, blank=True)
    is_retired = models.BooleanField(default=False)
    created = models.DateTimeField(auto_now_add=True, db_index=True)
    edited = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["thread", "created"], name="vetnet_post_thread_created"),
            # A thread's pages of top-level posts, oldest first and by votes.
            models.Index(fields=["thread", "parent", "created", "id"], name="vetnet_post_page_oldest"),
            models.Index(fields=["thread", "parent", "-vote_count", "created", "id"], name="vetnet_post_page_votes"),
            # A page's replies, in order.
            models.Index(fields=["root", "created", "id"], name="vetnet_post_root_created"),
            # A thread's visible posts counted, and the languages it holds, from the index alone.
            models.Index(fields=["thread", "is_hidden", "is_retired"], name="vetnet_post_thread_visible"),
            models.Index(fields=["thread", "language"], name="vetnet_post_thread_language"),
        ]

    def __str__(self):
        return f"Post({self.pk}, thread={self.thread_id})"


class PostRevision(StoresHtml, models.Model):
    """
    The text of a post as it was before an edit: the edit history members can read.

    .. pii: Earlier versions of a member's text.
    .. pii_types: other
    .. pii_retirement: local_api
    """

    html_fields = {"body": "body_html"}

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="revisions")
    body = models.TextField()
    # The body's sanitised HTML, rendered in save() (StoresHtml); the history serves it.
    body_html = models.TextField(blank=True, default="", editable=False)
    language = models.CharField(max_length=16)
    created = models.DateTimeField(help_text="When this version was written.")
    replaced = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created"]

    def __str__(self):
        return f"PostRevision(post={self.post_id}, {self.created:%Y-%m-%d %H:%M})"


class PostVote(models.Model):
    """
    One member's up-vote of a post: a row per voter keeps the vote once-only.

    .. no_pii: Links a user id to a post id.
    """

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="votes")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["post", "user"], name="vetnet_post_vote_once")]


class PostFlag(models.Model):
    """
    A member's report that a post needs a moderator's look.

    .. pii: The reason a member gives, and who flagged.
    .. pii_types: other
    .. pii_retirement: local_api
    """

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="flags")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    reason = models.CharField(max_length=500, blank=True)
    created = models.DateTimeField(auto_now_add=True)
    resolved = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["post", "user"], name="vetnet_post_flag_once")]


class Translation(StoresHtml, models.Model):
    """
    A translation of a post or a scenario into one language, credited to its translator.

    Members correct a translation in place; the corrector is credited beside
    the first translator. Machine translations are kept too, so the provider is
    asked once per text and language.

    .. pii: The translated text and who translated or corrected it.
    .. pii_types: other
    .. pii_retirement: local_api
    """

    POST = "post"
    SCENARIO = "scenario"
    CASE = "case"
    KIND_CHOICES = [(POST, _("post")), (SCENARIO, _("scenario")), (CASE, _("counselling case"))]
    html_fields = {"body": "body_html"}

    kind = models.CharField(max_length=16, choices=KIND_CHOICES)
    object_id = models.BigIntegerField()
    language = models.CharField(max_length=16)
    title = models.CharField(max_length=200, blank=True)
    body = models.TextField()
    # The body's sanitised HTML, rendered in save() (StoresHtml); pages serve it.
    body_html = models.TextField(blank=True, default="", editable=False)
    translator = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    corrected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    is_machine = models.BooleanField(default=False)
    provider = models.CharField(max_length=100, blank=True)
    created = models.DateTimeField(auto_now_add=True)
    modified = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id", "language"], name="vetnet_translation_unique")
        ]

    def __str__(self):
        return f"Translation({self.kind}:{self.object_id}, {self.language})"


class Follow(models.Model):
    """
    A member follows a thread; ``email_digest`` off keeps the follow without e-mail.

    .. no_pii: Links a user id to a thread id, with an e-mail preference.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="vetnet_follows")
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="follows")
    email_digest = models.BooleanField(default=True)
    # Posts newer than this go into the next digest; set when the follow starts.
    digest_since = models.DateTimeField()
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "thread"], name="vetnet_follow_once")]
