"""The hub's tables: each member's recorded progression, the courses' criteria, the issued credentials."""
import uuid

from django.conf import settings
from django.db import models
from opaque_keys.edx.django.models import CourseKeyField


class PhaseProgress(models.Model):
    """
    What a member did in one course community, counted by action, as last recorded.

    Written by ``hub.phases.record_phase_progress`` (a task, and the member's
    own claim of a credential), never on a page view: the hub and the profile
    read one row per course.

    .. no_pii: Counts of a user id's contributions in a course.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="vetnet_phase_progress")
    course_key = CourseKeyField(max_length=255)
    rated = models.PositiveIntegerField(default=0)
    posted = models.PositiveIntegerField(default=0)
    counselled = models.PositiveIntegerField(default=0)
    deposited = models.PositiveIntegerField(default=0)
    adopted = models.PositiveIntegerField(default=0)
    collaborated = models.PositiveIntegerField(default=0)
    submitted = models.PositiveIntegerField(default=0)
    reviewed = models.PositiveIntegerField(default=0)
    partnered = models.PositiveIntegerField(default=0)
    updated = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "course_key"], name="vetnet_phase_progress_once")]
        indexes = [models.Index(fields=["course_key", "user"], name="vetnet_phase_progress_course")]

    def __str__(self):
        return f"PhaseProgress({self.user_id}, {self.course_key})"


class PhaseCriteria(models.Model):
    """
    A course's criteria for one phase, set by its trainers: action -> how often.

    A course without a row uses ``VETNET_PHASE_CRITERIA``.

    .. no_pii: Course settings; who changed them last is a staff user id.
    """

    course_key = CourseKeyField(max_length=255)
    phase = models.CharField(max_length=16)
    thresholds = models.JSONField(default=dict)
    modified_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    modified = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["course_key", "phase"], name="vetnet_phase_criteria_once")]

    def __str__(self):
        return f"PhaseCriteria({self.course_key}, {self.phase})"


class PhaseCredential(models.Model):
    """
    An Open Badges 3.0 credential of an informal phase, signed by the site.

    The signed document is kept as issued, so its public URL answers with the
    very bytes that were signed. Retirement revokes it and empties the document.

    .. pii: The signed document names the member (name, hashed e-mail address).
    .. pii_types: name, email_address
    .. pii_retirement: local_api
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="vetnet_phase_credentials"
    )
    course_key = CourseKeyField(max_length=255)
    phase = models.CharField(max_length=16)
    document = models.JSONField(default=dict)
    issued = models.DateTimeField()
    revoked = models.DateTimeField(null=True, blank=True)
    revocation_reason = models.CharField(max_length=32, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "course_key", "phase"], name="vetnet_phase_credential_once")
        ]

    def __str__(self):
        return f"PhaseCredential({self.uuid})"
