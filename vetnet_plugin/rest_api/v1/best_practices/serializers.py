"""What clients send to the best-practice endpoints, validated before the API is called."""
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from .... import api
from ..base import page_of


class PracticeDraftSerializer(serializers.Serializer):
    """A draft save: the version the page last saw (0 before the first save), the title and section texts."""

    version = serializers.IntegerField(min_value=0)
    title = serializers.CharField(max_length=200, allow_blank=True, required=False, default="")
    sections = serializers.DictField(child=serializers.CharField(allow_blank=True, max_length=20000), required=False,
                                     default=dict)


class PracticeVersionSerializer(serializers.Serializer):
    version = serializers.IntegerField(min_value=0)


class PeerReviewInputSerializer(serializers.Serializer):
    """A review: points per criterion (one of its levels), feedback per criterion and overall."""

    scores = serializers.DictField(child=serializers.FloatField())
    feedback = serializers.DictField(child=serializers.CharField(allow_blank=True, max_length=10000), required=False,
                                     default=dict)
    overall_feedback = serializers.CharField(allow_blank=True, max_length=10000, required=False, default="")


class CalibrationInputSerializer(serializers.Serializer):
    scores = serializers.DictField(child=serializers.FloatField())


class GradeOverrideSerializer(serializers.Serializer):
    """A grade set by hand (0 to 1) and the reason the learner reads."""

    score = serializers.FloatField(min_value=0, max_value=1)
    reason = serializers.CharField(max_length=2000)


class RepositoryApprovalSerializer(serializers.Serializer):
    approved = serializers.BooleanField(default=True)


class ReviewReassignSerializer(serializers.Serializer):
    """Take an unfinished review back; with ``to_user_id`` or ``to_username``, hand it to that member."""

    to_user_id = serializers.IntegerField(min_value=1, required=False, allow_null=True, default=None)
    to_username = serializers.CharField(max_length=150, required=False, allow_blank=True, default="")


class SubmissionQuerySerializer(serializers.Serializer):
    state = serializers.ChoiceField(choices=[("", _("any"))] + [(s, s) for s in api.PRACTICE_STATES], required=False,
                                    default="")
    search = serializers.CharField(max_length=100, required=False, allow_blank=True, default="")


# Response bodies: the shapes of ``best_practices.data`` values, as the views answer with them.
# pylint: disable=abstract-method


class LevelSerializer(serializers.Serializer):
    points = serializers.FloatField()
    label = serializers.CharField(allow_blank=True)
    description = serializers.CharField(allow_blank=True)


class CriterionSerializer(serializers.Serializer):
    """A rubric criterion, its weight in the total and its levels."""

    key = serializers.CharField()
    label = serializers.CharField(allow_blank=True)
    description = serializers.CharField(allow_blank=True)
    weight = serializers.FloatField()
    levels = LevelSerializer(many=True)


class TemplateSectionSerializer(serializers.Serializer):
    key = serializers.CharField()
    label = serializers.CharField(allow_blank=True)
    prompt = serializers.CharField(allow_blank=True)
    required = serializers.BooleanField()


class AssignmentSerializer(serializers.Serializer):
    """What the trainer set for one best-practice block."""

    course_key = serializers.CharField()
    usage_key = serializers.CharField()
    title = serializers.CharField(allow_blank=True)
    topic = serializers.CharField(allow_blank=True)
    sections = TemplateSectionSerializer(many=True)
    criteria = CriterionSerializer(many=True)
    feedback_required = serializers.CharField(allow_blank=True)
    reviews_required = serializers.IntegerField()
    reviews_to_give = serializers.IntegerField()
    self_assessment = serializers.BooleanField()
    anonymous = serializers.BooleanField()
    calibration = serializers.BooleanField()
    submission_due = serializers.DateTimeField(allow_null=True)
    review_due = serializers.DateTimeField(allow_null=True)
    waiting_hours = serializers.IntegerField()
    waiting_action = serializers.CharField(allow_blank=True)
    aggregation = serializers.CharField(allow_blank=True)
    disagreement_spread = serializers.FloatField()
    repository_threshold = serializers.FloatField()
    lease_hours = serializers.IntegerField()


class PracticeSectionSerializer(serializers.Serializer):
    """A section as written (``text``) and as safe HTML (``html``)."""

    key = serializers.CharField()
    label = serializers.CharField(allow_blank=True)
    text = serializers.CharField(allow_blank=True)
    html = serializers.CharField(allow_blank=True)


class CriterionResultSerializer(serializers.Serializer):
    """How one criterion's value was computed from the reviews' ``points``."""

    key = serializers.CharField()
    label = serializers.CharField(allow_blank=True)
    weight = serializers.FloatField()
    max_points = serializers.FloatField()
    value = serializers.FloatField()
    points = serializers.ListField(child=serializers.FloatField())
    spread = serializers.FloatField()


class GradeSerializer(serializers.Serializer):
    """A grade (``score`` 0 to 1), its ``method`` and what completed it."""

    score = serializers.FloatField()
    method = serializers.CharField()
    criteria = CriterionResultSerializer(many=True)
    review_count = serializers.IntegerField()
    completed_by = serializers.CharField(allow_blank=True)
    override_reason = serializers.CharField(allow_blank=True)


class PracticeSerializer(serializers.Serializer):
    """A practice as the caller may see it; ``author_name`` is empty when reviews are anonymous."""

    uuid = serializers.CharField()
    title = serializers.CharField(allow_blank=True)
    sections = PracticeSectionSerializer(many=True)
    status = serializers.CharField()
    state = serializers.CharField()
    version = serializers.IntegerField()
    author_id = serializers.IntegerField(allow_null=True)
    author_name = serializers.CharField(allow_blank=True)
    author_certified = serializers.BooleanField()
    submitted = serializers.DateTimeField(allow_null=True)
    review_count = serializers.IntegerField()
    flagged = serializers.BooleanField()
    waiting_outcome = serializers.CharField(allow_blank=True)
    repository_approved = serializers.BooleanField()
    grade = GradeSerializer(allow_null=True)


class ReceivedReviewSerializer(serializers.Serializer):
    """A review the author received, never who wrote it."""

    uuid = serializers.CharField()
    kind = serializers.CharField()
    # [criterion key, label, points] per criterion.
    scores = serializers.ListField(child=serializers.ListField(child=serializers.JSONField()))
    # [criterion key, label, feedback HTML] per criterion.
    feedback = serializers.ListField(child=serializers.ListField(child=serializers.CharField(allow_blank=True)))
    overall_feedback_html = serializers.CharField(allow_blank=True)
    submitted = serializers.DateTimeField(allow_null=True)


class ReviewLeaseSerializer(serializers.Serializer):
    """A practice allocated to the reviewer until ``expires``."""

    uuid = serializers.CharField()
    kind = serializers.CharField()
    practice = PracticeSerializer()
    expires = serializers.DateTimeField(allow_null=True)


class LeaseBodySerializer(serializers.Serializer):
    """The reviewer's lease, or ``null`` when there is none."""

    lease = ReviewLeaseSerializer(allow_null=True)


class CalibrationResultSerializer(serializers.Serializer):
    """How far a rating of the example is from the trainer's."""

    # [criterion key, label, own points, trainer's points] per criterion.
    criteria = serializers.ListField(child=serializers.ListField(child=serializers.JSONField()))
    distance = serializers.FloatField()


class LearnerRepositoryStatusSerializer(serializers.Serializer):
    """Where the learner's graded practice stands in the best-practice repository."""

    entry_uuid = serializers.UUIDField()
    listed = serializers.BooleanField()
    withdrawn = serializers.BooleanField()


class LearnerViewSerializer(serializers.Serializer):
    """Everything a learner's page shows for one assignment."""

    assignment = AssignmentSerializer()
    practice = PracticeSerializer(allow_null=True)
    reviews_given = serializers.IntegerField()
    reviews_to_give = serializers.IntegerField()
    can_see_received = serializers.BooleanField()
    received = ReceivedReviewSerializer(many=True)
    lease = ReviewLeaseSerializer(allow_null=True)
    calibration_needed = serializers.BooleanField()
    calibration_text_html = serializers.CharField(allow_blank=True)
    calibration = CalibrationResultSerializer(allow_null=True)
    message = serializers.CharField(allow_blank=True)
    self_assessment = ReceivedReviewSerializer(allow_null=True)
    repository = LearnerRepositoryStatusSerializer(allow_null=True)


class StaffRowSerializer(serializers.Serializer):
    """One line of the staff table."""

    uuid = serializers.CharField()
    author_id = serializers.IntegerField(allow_null=True)
    author_name = serializers.CharField(allow_blank=True)
    title = serializers.CharField(allow_blank=True)
    state = serializers.CharField()
    review_count = serializers.IntegerField()
    active_leases = serializers.IntegerField()
    score = serializers.FloatField(allow_null=True)
    flagged = serializers.BooleanField()
    waiting_outcome = serializers.CharField(allow_blank=True)
    override_reason = serializers.CharField(allow_blank=True)
    repository_approved = serializers.BooleanField()
    repository_eligible = serializers.BooleanField()
    author_certified = serializers.BooleanField()
    submitted = serializers.DateTimeField(allow_null=True)


StaffRowPageSerializer = page_of(StaffRowSerializer, "StaffRowPageSerializer")


class StaffReviewSerializer(serializers.Serializer):
    """A review of one practice as staff see it."""

    uuid = serializers.CharField()
    reviewer_id = serializers.IntegerField(allow_null=True)
    reviewer_name = serializers.CharField(allow_blank=True)
    kind = serializers.CharField()
    status = serializers.CharField()
    lease_expires = serializers.DateTimeField(allow_null=True)
    # [criterion key, points] per criterion.
    scores = serializers.ListField(child=serializers.ListField(child=serializers.JSONField()))
    submitted = serializers.DateTimeField(allow_null=True)


class StaffSubmissionSerializer(serializers.Serializer):
    """One practice with every review and lease of it."""

    practice = PracticeSerializer()
    reviews = StaffReviewSerializer(many=True)


class ReviewerQualitySerializer(serializers.Serializer):
    """A reviewer's distance from the consensus and from the trainer (0 to 1)."""

    user_id = serializers.IntegerField()
    name = serializers.CharField(allow_blank=True)
    reviews = serializers.IntegerField()
    consensus_distance = serializers.FloatField(allow_null=True)
    calibration_distance = serializers.FloatField(allow_null=True)


class ReviewerQualityListSerializer(serializers.Serializer):
    results = ReviewerQualitySerializer(many=True)


class CredentialSerializer(serializers.Serializer):
    """A platform certificate as the member's profile shows it."""

    user_id = serializers.IntegerField()
    course_key = serializers.CharField()
    course_name = serializers.CharField(allow_blank=True)
    mode = serializers.CharField(allow_blank=True)
    grade = serializers.CharField(allow_blank=True)
    status = serializers.CharField(allow_blank=True)


class CredentialListSerializer(serializers.Serializer):
    results = CredentialSerializer(many=True)
