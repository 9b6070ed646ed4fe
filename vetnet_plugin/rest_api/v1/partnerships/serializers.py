"""What clients send to the partnership endpoints, validated before the API is called, and what they get back."""
from rest_framework import serializers

from .... import api

# pylint: disable=abstract-method

_ID = {"min_value": 1, "max_value": 2 ** 31 - 1}


class PartnerSearchQuerySerializer(serializers.Serializer):
    """Filters of the partner search, and the partnership whose partners the suggestions complement."""

    country = serializers.CharField(max_length=2, required=False, allow_blank=True, default="")
    organisation_type = serializers.CharField(max_length=32, required=False, allow_blank=True, default="")
    sector = serializers.CharField(max_length=32, required=False, allow_blank=True, default="")
    topic = serializers.CharField(max_length=64, required=False, allow_blank=True, default="")
    language = serializers.CharField(max_length=8, required=False, allow_blank=True, default="")
    partnership = serializers.UUIDField(required=False, allow_null=True, default=None)


class InvitedPartnerSerializer(serializers.Serializer):
    user_id = serializers.IntegerField(**_ID)
    role = serializers.ChoiceField(choices=[(r, r) for r in api.PARTNERSHIP_ROLES], required=False, default="partner")
    commitment = serializers.CharField(max_length=2000, allow_blank=True, required=False, default="")


class PartnershipCreateSerializer(serializers.Serializer):
    """A proposal: title, strategic topic, aims and timeline (Markdown), instrument, the proposer's commitment."""

    usage_key = serializers.CharField(max_length=255, allow_blank=True, required=False, default="")
    title = serializers.CharField(max_length=200)
    topic = serializers.CharField(max_length=64, allow_blank=True, required=False, default="")
    aims = serializers.CharField(max_length=10000, allow_blank=True, required=False, default="")
    timeline = serializers.CharField(max_length=5000, allow_blank=True, required=False, default="")
    instrument = serializers.CharField(max_length=64)
    commitment = serializers.CharField(max_length=2000, allow_blank=True, required=False, default="")
    partners = InvitedPartnerSerializer(many=True, required=False, default=list)


class PartnerChoiceSerializer(serializers.Serializer):
    user_id = serializers.IntegerField(**_ID)


class InvitationAnswerSerializer(serializers.Serializer):
    """Accept (true) or decline (false) the invitation."""

    accept = serializers.BooleanField()


class PartnershipNoticesSerializer(serializers.Serializer):
    enabled = serializers.BooleanField()


class SuggestionSerializer(serializers.Serializer):
    user_id = serializers.IntegerField()
    name = serializers.CharField()
    country = serializers.CharField(allow_blank=True)
    organisation_type = serializers.CharField(allow_blank=True)
    languages = serializers.ListField(child=serializers.CharField())
    topics = serializers.ListField(child=serializers.CharField())
    sectors = serializers.ListField(child=serializers.CharField())
    score = serializers.IntegerField()
    reason = serializers.CharField()
    reasons = serializers.ListField(child=serializers.CharField())
    organisation = serializers.CharField(allow_blank=True)
    can_contact = serializers.BooleanField()
    certificates = serializers.IntegerField()
    adoptions = serializers.IntegerField()
    practices = serializers.IntegerField(help_text="Their practices the best-practice repository lists.")


class SuggestionListSerializer(serializers.Serializer):
    results = SuggestionSerializer(many=True)


class EligibilitySerializer(serializers.Serializer):
    instrument = serializers.CharField()
    eligible = serializers.BooleanField()
    organisations = serializers.IntegerField()
    countries = serializers.ListField(child=serializers.CharField())
    missing = serializers.ListField(child=serializers.CharField())


class PartnerSerializer(serializers.Serializer):
    user_id = serializers.IntegerField()
    name = serializers.CharField(allow_blank=True)
    country = serializers.CharField(allow_blank=True)
    organisation_type = serializers.CharField(allow_blank=True)
    organisation = serializers.CharField(allow_blank=True)
    role = serializers.CharField()
    commitment = serializers.CharField(allow_blank=True)
    status = serializers.CharField()
    answered = serializers.DateTimeField(allow_null=True)


class PartnershipSerializer(serializers.Serializer):
    """A partnership as the requester sees it, with the verdict of its instrument's rules."""

    uuid = serializers.CharField()
    title = serializers.CharField()
    topic = serializers.CharField(allow_blank=True)
    aims = serializers.CharField(allow_blank=True)
    aims_html = serializers.CharField(allow_blank=True)
    timeline = serializers.CharField(allow_blank=True)
    timeline_html = serializers.CharField(allow_blank=True)
    instrument = serializers.CharField()
    instrument_label = serializers.CharField()
    state = serializers.CharField()
    proposer_id = serializers.IntegerField(allow_null=True)
    partners = PartnerSerializer(many=True)
    eligibility = EligibilitySerializer()
    workspace_uuid = serializers.CharField(allow_blank=True)
    my_status = serializers.CharField(allow_blank=True)
    can_manage = serializers.BooleanField()
    created = serializers.DateTimeField(allow_null=True)


class PartnershipListSerializer(serializers.Serializer):
    results = PartnershipSerializer(many=True)


class InstrumentSerializer(serializers.Serializer):
    key = serializers.CharField()
    label = serializers.CharField()
    min_organisations = serializers.IntegerField()
    min_countries = serializers.IntegerField()
    programme_countries_only = serializers.BooleanField()
    required_organisation_types = serializers.ListField(child=serializers.CharField())
    note = serializers.CharField(allow_blank=True)


class InstrumentListSerializer(serializers.Serializer):
    results = InstrumentSerializer(many=True)
