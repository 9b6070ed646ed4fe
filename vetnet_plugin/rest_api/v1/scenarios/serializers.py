"""
Request and response bodies of the scenario forum's REST views. Ratings leave
only as the requester's own or as anonymous aggregates: no body names a rater.
"""
from rest_framework import serializers

from ..base import page_of
from ..discussions.serializers import TranslationTextSerializer

# pylint: disable=abstract-method


class SpreadSerializer(serializers.Serializer):
    """Median and quartiles of one score."""

    median = serializers.FloatField()
    q1 = serializers.FloatField()
    q3 = serializers.FloatField()
    iqr = serializers.FloatField()
    # How many ratings gave each value, 1 to 5.
    counts = serializers.ListField(child=serializers.IntegerField())


class AggregateSerializer(serializers.Serializer):
    """A scenario's scores in one round; withheld when too few rated."""

    scenario_uuid = serializers.CharField()
    round_number = serializers.IntegerField()
    raters = serializers.IntegerField()
    plausibility = SpreadSerializer(allow_null=True)
    desirability = SpreadSerializer(allow_null=True)
    withheld = serializers.BooleanField()
    # Why it is withheld: "few_raters", or "agreement" when showing it would reveal how others rated.
    withheld_reason = serializers.CharField(allow_blank=True)


class OwnRatingSerializer(serializers.Serializer):
    """The requester's own rating of a scenario in a round."""

    scenario_uuid = serializers.CharField()
    round_number = serializers.IntegerField()
    plausibility = serializers.IntegerField()
    desirability = serializers.IntegerField()
    rationale = serializers.CharField(allow_blank=True)


class RatingRequestSerializer(serializers.Serializer):
    """A rating in the open round: scores 1-5 and an optional rationale."""

    plausibility = serializers.IntegerField(min_value=1, max_value=5)
    desirability = serializers.IntegerField(min_value=1, max_value=5)
    rationale = serializers.CharField(required=False, allow_blank=True, max_length=2000)
    language = serializers.CharField(required=False, allow_blank=True, max_length=16)


class RatingRoundSerializer(serializers.Serializer):
    """A Delphi rating round."""

    number = serializers.IntegerField()
    is_open = serializers.BooleanField()
    opened = serializers.DateTimeField()
    closed = serializers.DateTimeField(allow_null=True)


class RatingRoundListSerializer(serializers.Serializer):
    """The forum's rounds, first first."""

    results = RatingRoundSerializer(many=True)


class RoundActionSerializer(serializers.Serializer):
    """Open or close the forum's round (staff)."""

    action = serializers.ChoiceField(choices=["open", "close"])


class ConvergenceSerializer(serializers.Serializer):
    """How a scenario's spread moved from round to round."""

    scenario_uuid = serializers.CharField()
    aggregates = AggregateSerializer(many=True)
    plausibility_iqr_change = serializers.FloatField(allow_null=True)
    desirability_iqr_change = serializers.FloatField(allow_null=True)
    converged = serializers.BooleanField()


class DelphiResultsSerializer(serializers.Serializer):
    """The forum's rounds, the requester's own ratings and the anonymous aggregates."""

    rounds = RatingRoundSerializer(many=True)
    current_round = RatingRoundSerializer(allow_null=True)
    max_rounds = serializers.IntegerField()
    own_ratings = OwnRatingSerializer(many=True)
    convergence = ConvergenceSerializer(many=True)
    min_raters = serializers.IntegerField()
    current_raters = serializers.IntegerField()


class ScenarioForumSettingsSerializer(serializers.Serializer):
    """The forum's question, drivers (name and description), policy choices and rules."""

    course_key = serializers.CharField()
    usage_key = serializers.CharField()
    title = serializers.CharField(allow_blank=True)
    strategic_question = serializers.CharField(allow_blank=True)
    horizon_year = serializers.IntegerField(allow_null=True)
    drivers = serializers.ListField(child=serializers.ListField(child=serializers.CharField(allow_blank=True)))
    policy_choices = serializers.ListField(child=serializers.CharField())
    allow_proposals = serializers.BooleanField()
    pre_moderate = serializers.BooleanField()
    max_rounds = serializers.IntegerField()


class ScenarioForumSerializer(serializers.Serializer):
    """The forum with the requester's Delphi results."""

    forum = ScenarioForumSettingsSerializer()
    delphi = DelphiResultsSerializer()


class ScenarioSerializer(serializers.Serializer):
    """A scenario (``thread_id`` is the public id of its discussion)."""

    uuid = serializers.CharField()
    title = serializers.CharField()
    narrative = serializers.CharField(allow_blank=True)
    narrative_html = serializers.CharField(allow_blank=True)
    language = serializers.CharField(allow_blank=True)
    drivers = serializers.ListField(child=serializers.CharField())
    policy_choices = serializers.ListField(child=serializers.CharField())
    is_seed = serializers.BooleanField()
    status = serializers.CharField()
    thread_id = serializers.CharField()
    author_name = serializers.CharField(allow_blank=True)
    is_own = serializers.BooleanField()
    moderation_reason = serializers.CharField(allow_blank=True)
    created = serializers.DateTimeField(allow_null=True)
    translations = TranslationTextSerializer(many=True)


ScenarioPageSerializer = page_of(ScenarioSerializer, "ScenarioPageSerializer")


class ScenarioQuerySerializer(serializers.Serializer):
    """Query parameters of the scenario list."""

    language = serializers.CharField(required=False, allow_blank=True, max_length=16)
    page = serializers.IntegerField(required=False, min_value=1)
    page_size = serializers.IntegerField(required=False, min_value=1)


class ProposalSerializer(serializers.Serializer):
    """A member's proposed scenario."""

    title = serializers.CharField(max_length=200)
    narrative = serializers.CharField(max_length=10000)
    drivers = serializers.ListField(child=serializers.CharField(), required=False)
    policy_choices = serializers.ListField(child=serializers.CharField(), required=False)
    language = serializers.CharField(required=False, allow_blank=True, max_length=16)


class ScenarioModerationSerializer(serializers.Serializer):
    """Publish a proposal, or reject it with a reason its author sees."""

    publish = serializers.BooleanField(required=False, default=True)
    reason = serializers.CharField(required=False, allow_blank=True, max_length=500)


class ScenarioTranslationSerializer(serializers.Serializer):
    """A member's translation of a scenario's title and narrative."""

    language = serializers.CharField(max_length=16)
    title = serializers.CharField(max_length=200)
    body = serializers.CharField(max_length=10000)


class RationaleListSerializer(serializers.Serializer):
    """A closed round's rationales for a scenario, anonymous, alphabetical."""

    results = serializers.ListField(child=serializers.CharField())
