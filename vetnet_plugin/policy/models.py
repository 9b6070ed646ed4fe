"""
The policy dashboard's precomputed snapshots and the policy responses
policy makers attach to a scenario or a topic.
"""
import uuid

from django.conf import settings
from django.db import models
from opaque_keys.edx.django.models import CourseKeyField


class PolicySnapshot(models.Model):
    """
    One course community's dashboard tables, computed by the periodic task so
    that reading the dashboard costs the same at any community size.

    The counts are stored unsuppressed (so a change of the smallest shown
    cell applies at once); small cells are suppressed when the snapshot is read.

    .. no_pii: Counts, medians and spreads over groups of members; no person's data.
    """

    course_key = CourseKeyField(max_length=255, unique=True)
    computed = models.DateTimeField()
    tables = models.JSONField(default=dict)

    def __str__(self):
        return f"PolicySnapshot({self.course_key}, {self.computed:%Y-%m-%d %H:%M})"


class PolicyResponse(models.Model):
    """
    A policy maker's answer to the community about a scenario or a topic,
    shown to every member of the course community.

    .. pii: What a policy maker writes, signed with their name.
    .. pii_types: other
    .. pii_retirement: local_api
    """

    SCENARIO = "scenario"
    TOPIC = "topic"
    TARGET_CHOICES = [(SCENARIO, "scenario"), (TOPIC, "topic")]

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    course_key = CourseKeyField(max_length=255)
    target_kind = models.CharField(max_length=16, choices=TARGET_CHOICES)
    # A scenario's uuid, or a topic code of the community's vocabulary.
    target = models.CharField(max_length=64)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    body = models.TextField()
    created = models.DateTimeField(auto_now_add=True)
    modified = models.DateTimeField(auto_now=True)

    class Meta:
        indexes = [
            models.Index(fields=["course_key", "target_kind", "target", "created"], name="vetnet_policy_response_on"),
            models.Index(fields=["author", "created"], name="vetnet_policy_response_by"),
        ]

    def __str__(self):
        return f"PolicyResponse({self.uuid})"
