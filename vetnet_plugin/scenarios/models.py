"""
The scenario forum's Delphi method: scenarios of how VET may evolve, rating
rounds opened and closed by staff, and members' anonymous ratings.
"""
import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from opaque_keys.edx.django.models import CourseKeyField

from ..core.stored_html import StoresHtml


class ScenarioForum(models.Model):
    """
    What the trainer set in Studio for one scenario forum block, kept here so the
    REST API and the policy brief apply the same rules as the block.

    .. no_pii: Course configuration written by staff.
    """

    course_key = CourseKeyField(max_length=255, db_index=True)
    usage_key = models.CharField(max_length=255, unique=True)
    title = models.CharField(max_length=255, blank=True)
    strategic_question = models.TextField(blank=True)
    horizon_year = models.PositiveSmallIntegerField(null=True, blank=True)
    drivers = models.JSONField(default=list, blank=True)
    policy_choices = models.JSONField(default=list, blank=True)
    allow_proposals = models.BooleanField(default=True)
    pre_moderate = models.BooleanField(default=True)
    max_rounds = models.PositiveSmallIntegerField(default=2)
    # Fingerprint of the block's settings and seeds: unchanged blocks cost one read per view.
    config_hash = models.CharField(max_length=64, blank=True)
    modified = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"ScenarioForum({self.usage_key})"


class Scenario(StoresHtml, models.Model):
    """
    A plausible, consistent picture of how VET may evolve, seeded in Studio or
    proposed by a member.

    Seeds carry the ``seed_key`` the trainer's OLX gives them, so editing a seed
    in Studio updates the same row and keeps its ratings.

    .. pii: The title and narrative a member proposes, and who proposed it.
    .. pii_types: other
    .. pii_retirement: local_api
    """

    html_fields = {"narrative": "narrative_html"}

    PENDING = "pending"
    PUBLISHED = "published"
    REJECTED = "rejected"
    ARCHIVED = "archived"
    STATUS_CHOICES = [
        (PENDING, _("awaiting moderation")),
        (PUBLISHED, _("published")),
        (REJECTED, _("rejected")),
        (ARCHIVED, _("removed from the course")),
    ]

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    course_key = CourseKeyField(max_length=255, db_index=True)
    usage_key = models.CharField(max_length=255, db_index=True)
    # NULL for proposals: NULLs never collide, so the constraint below works on MySQL too.
    seed_key = models.CharField(max_length=64, null=True, blank=True)
    title = models.CharField(_("title"), max_length=200)
    narrative = models.TextField(_("narrative"))
    # The narrative's sanitised HTML, rendered when it is written (``vetnet_render_html`` renders it again).
    narrative_html = models.TextField(blank=True, default="", editable=False)
    language = models.CharField(_("language"), max_length=16)
    drivers = models.JSONField(default=list, blank=True)
    policy_choices = models.JSONField(default=list, blank=True)
    position = models.PositiveIntegerField(default=0)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    status = models.CharField(max_length=16, choices=STATUS_CHOICES, default=PUBLISHED, db_index=True)
    moderation_reason = models.CharField(max_length=500, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    moderated_at = models.DateTimeField(null=True, blank=True)
    created = models.DateTimeField(auto_now_add=True)
    modified = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["position", "created"]
        constraints = [
            models.UniqueConstraint(fields=["usage_key", "seed_key"], name="vetnet_scenario_seed_once")
        ]

    def __str__(self):
        return f"Scenario({self.uuid}, {self.title[:40]})"


class RatingRound(models.Model):
    """
    One Delphi round of a scenario forum. Open while ``closed`` is empty.

    .. no_pii: Round numbers and dates; the staff who opened or closed it are staff accounts.
    """

    course_key = CourseKeyField(max_length=255, db_index=True)
    usage_key = models.CharField(max_length=255)
    number = models.PositiveSmallIntegerField()
    opened = models.DateTimeField()
    closed = models.DateTimeField(null=True, blank=True)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # True once the round's ``RoundAggregate`` rows were computed (when it closed).
    aggregated = models.BooleanField(default=False)

    class Meta:
        ordering = ["number"]
        constraints = [models.UniqueConstraint(fields=["usage_key", "number"], name="vetnet_round_number_once")]

    @property
    def is_open(self) -> bool:
        return self.closed is None

    def __str__(self):
        return f"RatingRound({self.usage_key}, {self.number})"


class Rating(models.Model):
    """
    A member's plausibility and desirability rating of a scenario in a round.

    Never shown to peers: only aggregates leave the service.

    .. pii: A member's opinion (scores and rationale).
    .. pii_types: other
    .. pii_retirement: local_api
    """

    round = models.ForeignKey(RatingRound, on_delete=models.CASCADE, related_name="ratings")
    scenario = models.ForeignKey(Scenario, on_delete=models.CASCADE, related_name="ratings")
    # Retirement detaches the rater but keeps the scores, so closed rounds keep their aggregates.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    plausibility = models.PositiveSmallIntegerField()
    desirability = models.PositiveSmallIntegerField()
    rationale = models.TextField(blank=True)
    language = models.CharField(max_length=16, blank=True)
    created = models.DateTimeField(auto_now_add=True)
    modified = models.DateTimeField(auto_now=True)

    class Meta:
        indexes = [models.Index(fields=["round", "user"], name="vetnet_rating_round_user")]
        constraints = [
            models.UniqueConstraint(fields=["round", "scenario", "user"], name="vetnet_rating_once_per_round"),
            models.CheckConstraint(
                condition=models.Q(plausibility__gte=1, plausibility__lte=5)
                & models.Q(desirability__gte=1, desirability__lte=5),
                name="vetnet_rating_scale",
            ),
        ]

    def __str__(self):
        return f"Rating(round={self.round_id}, scenario={self.scenario_id})"


class RoundAggregate(models.Model):
    """
    The spread of one scenario's ratings in a closed round, computed once when
    the round closes (its ratings cannot change afterwards).

    Stored whatever the number of raters: whether it may be shown is decided
    when it is read, against the minimum number of raters then in force.

    .. no_pii: Counts, medians and quartiles over a round's raters; nobody's rating.
    """

    round = models.ForeignKey(RatingRound, on_delete=models.CASCADE, related_name="aggregates")
    scenario = models.ForeignKey(Scenario, on_delete=models.CASCADE, related_name="+")
    raters = models.PositiveIntegerField()
    plausibility = models.JSONField()
    desirability = models.JSONField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["round", "scenario"], name="vetnet_round_aggregate_once")]

    def __str__(self):
        return f"RoundAggregate(round={self.round_id}, scenario={self.scenario_id})"
