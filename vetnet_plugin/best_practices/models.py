"""
The best-practice track: the assignment a block configures, the practices
learners write, the peer reviews (each first a lease), the trainer's
calibration, staff overrides and the projection of the platform's certificates.

Counts that order the live allocation (``allocated_count``, ``review_count``)
are denormalised on the practice and only ever changed while its row is locked
(``select_for_update``), or recomputed from the review rows in one ``UPDATE``,
so concurrent reviewers never push a practice past its review count.
"""
import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from opaque_keys.edx.django.models import CourseKeyField

from ..core.adoption import AdoptionRecord
from ..core.stored_html import StoresHtml


class BestPracticeAssignment(models.Model):
    """
    The plugin's copy of one best-practice block's Studio settings.

    The block is the source of truth (its fields live in OLX); this row lets
    the allocation, the waiting rule and the staff table run without a block.

    .. no_pii: Course configuration written by the course team.
    """

    MEDIAN = "median"
    MEAN = "mean"
    AGGREGATIONS = [(MEDIAN, _("median")), (MEAN, _("mean"))]

    COMPLETE = "complete"
    STAFF = "staff"
    EXPERT = "expert"
    WAITING_ACTIONS = [
        (COMPLETE, _("complete the grade with the reviews there are")),
        (STAFF, _("hand the practice to course staff")),
        (EXPERT, _("hand the practice to an expert reviewer")),
    ]

    course_key = CourseKeyField(max_length=255, db_index=True)
    usage_key = models.CharField(max_length=255, unique=True)
    title = models.CharField(max_length=200, blank=True)
    topic = models.CharField(max_length=64, blank=True)
    # [{"key", "label", "prompt", "required"}], in the order the learner sees them.
    sections = models.JSONField(default=list)
    # [{"key", "label", "description", "weight", "levels": [{"points", "label", "description"}]}]
    criteria = models.JSONField(default=list)
    # "criterion": written feedback on every criterion; "overall": one text; "none".
    feedback_required = models.CharField(max_length=16, default="overall")
    reviews_required = models.PositiveSmallIntegerField(default=3)
    reviews_to_give = models.PositiveSmallIntegerField(default=3)
    self_assessment = models.BooleanField(default=False)
    anonymous = models.BooleanField(default=True)
    calibration_text = models.TextField(blank=True)
    # criterion key -> points of the trainer's reference review; empty: no calibration.
    calibration_reference = models.JSONField(default=dict, blank=True)
    submission_due = models.DateTimeField(null=True, blank=True)
    review_due = models.DateTimeField(null=True, blank=True)
    waiting_hours = models.PositiveIntegerField(default=72)
    waiting_action = models.CharField(max_length=16, choices=WAITING_ACTIONS, default=COMPLETE)
    # User ids of the trainer's expert reviewers.
    experts = models.JSONField(default=list, blank=True)
    aggregation = models.CharField(max_length=8, choices=AGGREGATIONS, default=MEDIAN)
    # Reviews of one criterion further apart than this share of its points flag the practice.
    disagreement_spread = models.FloatField(default=0.5)
    repository_threshold = models.FloatField(default=0.7)
    lease_hours = models.PositiveIntegerField(default=24)
    fingerprint = models.CharField(max_length=64, blank=True)
    modified = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"BestPracticeAssignment({self.usage_key})"


class BestPractice(models.Model):
    """
    One learner's practice in one assignment: a draft, then a submission.

    ``version`` grows with every saved draft; a save that names an older
    version is refused (409), so two tabs never silently overwrite each other.

    .. pii: The practice's text, and the author's organisation and country copied at submission.
    .. pii_types: other, location
    .. pii_retirement: local_api
    """

    DRAFT = "draft"
    SUBMITTED = "submitted"
    GRADED = "graded"
    STATUS_CHOICES = [(DRAFT, _("draft")), (SUBMITTED, _("submitted")), (GRADED, _("graded"))]

    # What happened when the waiting rule ran.
    WAITED_COMPLETED = "completed"
    WAITED_STAFF = "staff"
    WAITED_EXPERT = "expert"

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    assignment = models.ForeignKey(BestPracticeAssignment, on_delete=models.CASCADE, related_name="practices")
    course_key = CourseKeyField(max_length=255, db_index=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="vetnet_best_practices"
    )
    status = models.CharField(max_length=16, choices=STATUS_CHOICES, default=DRAFT)
    version = models.PositiveIntegerField(default=1)
    title = models.CharField(max_length=200, blank=True)
    # section key -> Markdown, as the author wrote it.
    sections = models.JSONField(default=dict)
    # Copied from the member profile at submission, so the allocation prefers
    # other organisations and countries without a query per candidate.
    author_organisation = models.CharField(max_length=200, blank=True)
    author_country = models.CharField(max_length=2, blank=True)
    submitted = models.DateTimeField(null=True, blank=True)
    # Active leases plus submitted peer reviews; changed only under the row lock.
    allocated_count = models.PositiveIntegerField(default=0)
    review_count = models.PositiveIntegerField(default=0)
    score = models.FloatField(null=True, blank=True)  # 0..1, the weighted total
    # {"method", "criteria": [{"key", "value", "spread", "points": [...]}], "reviews", "by"}
    grade_detail = models.JSONField(default=dict, blank=True)
    graded = models.DateTimeField(null=True, blank=True)
    flagged = models.BooleanField(default=False)
    waiting_outcome = models.CharField(max_length=16, blank=True)
    override_reason = models.TextField(blank=True)
    repository_approved = models.BooleanField(default=False)
    created = models.DateTimeField(auto_now_add=True)
    modified = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["assignment", "author"], name="vetnet_practice_one_per_author")
        ]
        indexes = [
            models.Index(fields=["assignment", "status", "allocated_count"], name="vetnet_practice_alloc"),
            models.Index(fields=["assignment", "status", "submitted"], name="vetnet_practice_waiting"),
            # The staff table: every state in submission order, and the flagged ones.
            models.Index(fields=["assignment", "submitted", "id"], name="vetnet_practice_table"),
            models.Index(fields=["assignment", "flagged", "submitted", "id"], name="vetnet_practice_flagged"),
        ]

    def __str__(self):
        return f"BestPractice({self.uuid})"


class PeerReview(models.Model):
    """
    A review of a practice: first a lease to the reviewer, then the review.

    An unfinished lease expires and is given to someone else. At most one row
    per practice and reviewer, so the same person never reviews a practice twice.

    .. pii: The reviewer's written feedback may name people.
    .. pii_types: other
    .. pii_retirement: local_api
    """

    LEASED = "leased"
    SUBMITTED = "submitted"
    EXPIRED = "expired"
    STATUS_CHOICES = [(LEASED, _("allocated")), (SUBMITTED, _("submitted")), (EXPIRED, _("expired"))]

    PEER = "peer"
    SELF = "self"
    STAFF = "staff"
    EXPERT = "expert"
    KIND_CHOICES = [(PEER, _("peer")), (SELF, _("self")), (STAFF, _("staff")), (EXPERT, _("expert"))]

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    practice = models.ForeignKey(BestPractice, on_delete=models.CASCADE, related_name="reviews")
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="vetnet_peer_reviews"
    )
    kind = models.CharField(max_length=8, choices=KIND_CHOICES, default=PEER)
    status = models.CharField(max_length=16, choices=STATUS_CHOICES, default=LEASED)
    lease_expires = models.DateTimeField(null=True, blank=True)
    # criterion key -> points given; criterion key -> feedback (Markdown).
    scores = models.JSONField(default=dict, blank=True)
    feedback = models.JSONField(default=dict, blank=True)
    overall_feedback = models.TextField(blank=True)
    created = models.DateTimeField(auto_now_add=True)
    submitted = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["practice", "reviewer"], name="vetnet_review_once_per_reviewer")
        ]
        indexes = [
            models.Index(fields=["status", "lease_expires"], name="vetnet_review_lease"),
            models.Index(fields=["reviewer", "status"], name="vetnet_review_reviewer"),
        ]

    def __str__(self):
        return f"PeerReview({self.uuid})"


class CalibrationReview(models.Model):
    """
    A learner's rating of the trainer's example practice, before reviewing peers.

    .. no_pii: Points on the rubric's criteria for an example the trainer wrote.
    """

    assignment = models.ForeignKey(BestPracticeAssignment, on_delete=models.CASCADE, related_name="calibrations")
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    scores = models.JSONField(default=dict)
    distance = models.FloatField(default=0)  # 0: as the trainer rated; 1: as far as it can be
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["assignment", "reviewer"], name="vetnet_calibration_once")
        ]

    def __str__(self):
        return f"CalibrationReview({self.assignment_id}, {self.reviewer_id})"


class GradeOverride(models.Model):
    """
    A grade course staff set by hand, with the reason the learner sees.

    .. pii: The reason staff write may name people.
    .. pii_types: other
    .. pii_retirement: local_api
    """

    practice = models.ForeignKey(BestPractice, on_delete=models.CASCADE, related_name="overrides")
    staff = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    score = models.FloatField()
    previous_score = models.FloatField(null=True, blank=True)
    reason = models.TextField()
    created = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"GradeOverride({self.practice_id})"


class Credential(models.Model):
    """
    Projection of a platform certificate: what the member's badge shows.

    The platform issues and revokes certificates; this row only follows its
    events (created, changed, revoked), the same event twice changing nothing.

    .. no_pii: Links a user id to a course key and a certificate status.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="vetnet_credentials")
    course_key = CourseKeyField(max_length=255)
    course_name = models.CharField(max_length=255, blank=True)
    mode = models.CharField(max_length=100, blank=True)
    grade = models.CharField(max_length=32, blank=True)
    status = models.CharField(max_length=32, blank=True)
    is_active = models.BooleanField(default=True)
    modified = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "course_key"], name="vetnet_credential_once_per_course")
        ]
        indexes = [models.Index(fields=["user", "is_active"], name="vetnet_credential_user")]

    def __str__(self):
        return f"Credential(user_id={self.user_id}, course_key={self.course_key})"


class RepositoryEntry(StoresHtml, models.Model):
    """
    A practice as the best-practice repository shows it, across every course
    community (``repository.py`` says when it is listed).

    One row per graded practice, kept in step with it whenever it is graded,
    overridden or approved; ``listed`` is the repository's one visibility
    rule, stored so every list reads one index. Facets are codes; the
    author chooses them (and whether they are credited by name), with
    defaults from the assignment and the author's profile.

    .. pii: The summary the author writes may name people; whether the author agreed to be credited.
    .. pii_types: other
    .. pii_retirement: local_api
    """

    html_fields = {"summary": "summary_html"}

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    practice = models.OneToOneField(BestPractice, on_delete=models.CASCADE, related_name="repository_entry")
    course_key = CourseKeyField(max_length=255)
    listed = models.BooleanField(default=False)
    # The author took the practice out of the repository.
    withdrawn = models.BooleanField(default=False)
    title = models.CharField(max_length=200)
    summary = models.TextField(blank=True)
    # The summary's sanitised HTML, rendered when it is written (``save``), so a list never renders Markdown.
    summary_html = models.TextField(blank=True, editable=False)
    topic = models.CharField(max_length=64, blank=True)
    country = models.CharField(max_length=2, blank=True)
    sector = models.CharField(max_length=32, blank=True)
    eqf_level = models.CharField(max_length=2, blank=True)
    language = models.CharField(max_length=8, blank=True)
    licence = models.CharField(max_length=32, default="cc-by")
    # The author agreed to be named on the entry, its feeds and exports.
    credit_author = models.BooleanField(default=False)
    score = models.FloatField(null=True, blank=True)
    threshold = models.FloatField(default=0.7)
    peer_reviewed = models.BooleanField(default=False)
    staff_approved = models.BooleanField(default=False)
    adoption_count = models.PositiveIntegerField(default=0)
    # Adopted by a member from another country than the practice's.
    adopted_elsewhere = models.BooleanField(default=False)
    # Lower-cased title and summary: FULLTEXT on MariaDB/MySQL, LIKE elsewhere (core.search).
    search_text = models.TextField(blank=True)
    # When it was first listed: the repository's "newest" order.
    entered = models.DateTimeField(null=True, blank=True)
    modified = models.DateTimeField(auto_now=True)

    class Meta:
        indexes = [
            models.Index(fields=["listed", "entered", "id"], name="vetnet_repo_new"),
            models.Index(fields=["listed", "adoption_count", "entered", "id"], name="vetnet_repo_adopted"),
            models.Index(fields=["listed", "score", "entered", "id"], name="vetnet_repo_score"),
            models.Index(fields=["listed", "topic", "entered", "id"], name="vetnet_repo_topic"),
            models.Index(fields=["listed", "country", "entered", "id"], name="vetnet_repo_country"),
            models.Index(fields=["listed", "sector", "entered", "id"], name="vetnet_repo_sector"),
            models.Index(fields=["listed", "eqf_level", "entered", "id"], name="vetnet_repo_eqf"),
            models.Index(fields=["listed", "language", "entered", "id"], name="vetnet_repo_language"),
            # The quality labels a list filters by: a label that few entries hold is counted from its index.
            models.Index(fields=["listed", "peer_reviewed", "entered", "id"], name="vetnet_repo_peer"),
            models.Index(fields=["listed", "staff_approved", "entered", "id"], name="vetnet_repo_approved"),
            models.Index(fields=["listed", "adopted_elsewhere", "entered", "id"], name="vetnet_repo_elsewhere"),
        ]

    def __str__(self):
        return f"RepositoryEntry({self.uuid})"


class PracticeAdoption(AdoptionRecord):
    """
    "I adopted this" on a repository practice, with the later outcome report
    (the shared adoption fields: ``core.adoption``).

    .. pii: The context and outcome a member reports, and the country of their organisation.
    .. pii_types: other, location
    .. pii_retirement: local_api
    """

    entry = models.ForeignKey(RepositoryEntry, on_delete=models.CASCADE, related_name="adoptions")
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="vetnet_practice_adoptions"
    )
    # The adopter's country when they adopted it: "adopted elsewhere" without a query per entry.
    country = models.CharField(max_length=2, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["entry", "member"], name="vetnet_practice_adoption_once")]

    def __str__(self):
        return f"PracticeAdoption({self.entry_id}, {self.member_id})"
