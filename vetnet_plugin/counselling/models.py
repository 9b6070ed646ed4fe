"""
Peer counselling: a block's settings (its topic list), the cases members
open with their structured intake, the cases' topic tags and the accepted
answers. The conversation of a case is a thread of the discussion core.
"""
import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from opaque_keys.edx.django.models import CourseKeyField


class CounsellingDesk(models.Model):
    """
    What the trainer set in Studio for one counselling block (its topic list),
    kept here so the REST API applies the same rules as the block.

    .. no_pii: Course configuration written by staff.
    """

    course_key = CourseKeyField(max_length=255, db_index=True)
    usage_key = models.CharField(max_length=255, unique=True)
    title = models.CharField(max_length=255, blank=True)
    # [{"code": "...", "label": "..."}], in the trainer's order.
    topics = models.JSONField(default=list, blank=True)
    # Members may open a case only the advisers they invite (and course staff) can see.
    allow_private = models.BooleanField(default=False)
    # Days after opening a case when its owner is asked what happened (0: never).
    follow_up_days = models.PositiveSmallIntegerField(default=14)
    # Members may open a case anonymous to their peers (course staff still see who opened it).
    allow_anonymous = models.BooleanField(default=False)
    # New cases are offered, by e-mail, to members whose profiles match them.
    routing_enabled = models.BooleanField(default=True)
    # Fingerprint of the block's settings: unchanged blocks cost one read per view.
    config_hash = models.CharField(max_length=64, blank=True)
    modified = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"CounsellingDesk({self.usage_key})"


class CounsellingCase(models.Model):
    """
    A problem a member brings to the community, with the context others need to help.

    ``answer_count``, ``accepted_count`` and the two flags beside them are kept
    by the counselling API (F() and a row lock), so the "needs help" queue is
    ordered and filtered from this table's indexes alone.

    .. pii: The problem, context, outcome and clinic action plan members describe, and who opened the case.
    .. pii_types: other, location
    .. pii_retirement: local_api
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    course_key = CourseKeyField(max_length=255, db_index=True)
    usage_key = models.CharField(max_length=255)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    title = models.CharField(_("title"), max_length=200)
    organisation_type = models.CharField(_("organisation type"), max_length=32, blank=True)
    country = models.CharField(_("country"), max_length=2, blank=True)
    sector = models.CharField(_("sector"), max_length=32, blank=True)
    problem = models.TextField(_("the problem"))
    already_tried = models.TextField(_("what was already tried"), blank=True)
    outcome_wanted = models.TextField(_("the outcome wanted"), blank=True)
    language = models.CharField(_("language"), max_length=16)
    language_detected = models.BooleanField(default=False)
    # Lower-cased title and texts, for word search (a FULLTEXT index on MariaDB/MySQL).
    search_text = models.TextField(blank=True)
    # The public id of the case's discussion-core thread.
    thread_uuid = models.CharField(max_length=36)
    # A private circle: only the owner, the invited advisers and course staff see the case.
    is_private = models.BooleanField(default=False)
    # Anonymous to peers: members see "a member of the community"; the owner and course staff see who.
    is_anonymous = models.BooleanField(default=False)
    # When matching members were told about the case (the routing task runs once per case).
    routed_at = models.DateTimeField(null=True, blank=True)
    # Case clinic (optional): a facilitator leads the owner and the invited advisers through timeboxed
    # phases (clarify, advise, action plan); "" before it starts, "closed" after. The plan stays on the case.
    clinic_phase = models.CharField(max_length=16, blank=True)
    clinic_facilitator = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    clinic_phase_started_at = models.DateTimeField(null=True, blank=True)
    clinic_phase_minutes = models.PositiveSmallIntegerField(default=20)
    action_plan = models.TextField(blank=True)
    action_plan_at = models.DateTimeField(null=True, blank=True)
    # What happened, as the owner reports it after the follow-up: kept for others to learn from.
    outcome = models.CharField(max_length=16, blank=True)
    outcome_note = models.TextField(blank=True)
    outcome_at = models.DateTimeField(null=True, blank=True)
    follow_up_sent_at = models.DateTimeField(null=True, blank=True)
    answer_count = models.PositiveIntegerField(default=0)
    accepted_count = models.PositiveIntegerField(default=0)
    is_answered = models.BooleanField(default=False)
    is_solved = models.BooleanField(default=False)
    first_answer_at = models.DateTimeField(null=True, blank=True)
    is_retired = models.BooleanField(default=False)
    created = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        indexes = [
            # The "needs help" queue: unsolved, then unanswered, newest first, and its filters.
            models.Index(fields=["usage_key", "is_solved", "is_answered", "-created", "-id"],
                         name="vetnet_case_queue"),
            models.Index(fields=["usage_key", "sector"], name="vetnet_case_sector"),
            models.Index(fields=["usage_key", "country"], name="vetnet_case_country"),
            models.Index(fields=["usage_key", "language"], name="vetnet_case_language"),
            # The follow-up task: cases without an outcome that were not asked yet, oldest first.
            models.Index(fields=["usage_key", "outcome", "follow_up_sent_at", "created"], name="vetnet_case_follow_up"),
        ]

    def __str__(self):
        return f"CounsellingCase({self.uuid})"


class CaseTopic(models.Model):
    """
    One topic tag of a case: a row each, so the queue's topic filter and the
    similar-case suggestions read an index instead of scanning cases.

    .. no_pii: A topic code from the trainer's list, on a case.
    """

    case = models.ForeignKey(CounsellingCase, on_delete=models.CASCADE, related_name="topic_rows")
    usage_key = models.CharField(max_length=255)
    topic = models.CharField(max_length=64)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["case", "topic"], name="vetnet_case_topic_once")]
        indexes = [models.Index(fields=["usage_key", "topic", "case"], name="vetnet_case_topic_lookup")]

    def __str__(self):
        return f"CaseTopic({self.case_id}, {self.topic})"


class AcceptedAnswer(models.Model):
    """
    An answer the case owner (or staff) accepted as one that helped.

    .. no_pii: Links a case to a discussion post, and the user ids of the answer's author and who accepted it.
    """

    case = models.ForeignKey(CounsellingCase, on_delete=models.CASCADE, related_name="accepted")
    post_uuid = models.UUIDField()
    answerer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["case", "post_uuid"], name="vetnet_case_accept_once")]
        # Counselling reputation: a member's accepted answers, counted from this index in every course.
        indexes = [models.Index(fields=["answerer", "case"], name="vetnet_case_accept_answerer")]

    def __str__(self):
        return f"AcceptedAnswer({self.case_id}, {self.post_uuid})"


class CaseAdviser(models.Model):
    """
    A member the owner invited into a case's private circle.

    .. no_pii: Links a user id to a case id.
    """

    case = models.ForeignKey(CounsellingCase, on_delete=models.CASCADE, related_name="advisers")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["case", "user"], name="vetnet_case_adviser_once")]
        indexes = [models.Index(fields=["user", "case"], name="vetnet_case_adviser_user")]

    def __str__(self):
        return f"CaseAdviser({self.case_id}, user={self.user_id})"


class CaseRouting(models.Model):
    """
    A member told about a new case that matches their profile: a row each,
    so the same case is offered once and the daily limit per member is
    counted from an index.

    .. no_pii: Links a user id to a case id, and when.
    """

    case = models.ForeignKey(CounsellingCase, on_delete=models.CASCADE, related_name="routings")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["case", "user"], name="vetnet_case_routing_once")]
        indexes = [models.Index(fields=["user", "created"], name="vetnet_case_routing_daily")]

    def __str__(self):
        return f"CaseRouting({self.case_id}, user={self.user_id})"


class CounsellingNoticeOptOut(models.Model):
    """
    A member who asked not to be told about new cases that match their profile.

    .. no_pii: A user id and when they opted out.
    """

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"CounsellingNoticeOptOut(user={self.user_id})"
