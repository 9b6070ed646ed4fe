"""What clients send to the best-practice endpoints, validated before the API is called."""
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from .... import api


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
    """Take an unfinished review back; with ``to_user_id``, hand it to that member."""

    to_user_id = serializers.IntegerField(min_value=1, required=False, allow_null=True, default=None)


class SubmissionQuerySerializer(serializers.Serializer):
    state = serializers.ChoiceField(choices=[("", _("any"))] + [(s, s) for s in api.PRACTICE_STATES], required=False,
                                    default="")
    search = serializers.CharField(max_length=100, required=False, allow_blank=True, default="")
