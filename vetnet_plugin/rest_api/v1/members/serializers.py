"""Serializers of the v1 REST API: shapes of ``vetnet_plugin.data`` values as JSON."""
from rest_framework import serializers

from .... import api
from ..base import page_of


class CounsellingReputationSerializer(serializers.Serializer):  # pylint: disable=abstract-method
    """A member's peer-counselling reputation, the same in every course community."""

    accepted_answers = serializers.IntegerField()
    upvotes = serializers.IntegerField(help_text="Up-votes on their answers to counselling cases.")
    score = serializers.IntegerField(help_text="Five per accepted answer, one per up-vote.")


class MemberProfileSerializer(serializers.Serializer):  # pylint: disable=abstract-method
    """A member's profile. Vocabulary fields carry codes; labels are the client's to show."""

    user_id = serializers.IntegerField(read_only=True)
    username = serializers.CharField(read_only=True)
    full_name = serializers.CharField(read_only=True)
    organisation = serializers.CharField(required=False, allow_blank=True)
    organisation_type = serializers.ChoiceField(
        choices=api.OrganisationType.CHOICES, required=False, allow_blank=True
    )
    country = serializers.CharField(required=False, allow_blank=True)
    languages = serializers.ListField(child=serializers.CharField(), required=False)
    sectors = serializers.ListField(child=serializers.CharField(), required=False)
    topics = serializers.ListField(child=serializers.CharField(), required=False)
    bio = serializers.CharField(required=False, allow_blank=True)
    open_to_counselling = serializers.BooleanField(required=False)
    open_to_partnership = serializers.BooleanField(required=False)
    counselling_reputation = CounsellingReputationSerializer(read_only=True)


class DirectoryQuerySerializer(serializers.Serializer):  # pylint: disable=abstract-method
    """Query parameters of the member directory."""

    country = serializers.CharField(required=False, allow_blank=True, default="")
    organisation_type = serializers.CharField(required=False, allow_blank=True, default="")
    sector = serializers.CharField(required=False, allow_blank=True, default="")
    language = serializers.CharField(required=False, allow_blank=True, default="")
    topic = serializers.CharField(required=False, allow_blank=True, default="")
    search = serializers.CharField(required=False, allow_blank=True, default="", max_length=100)
    page = serializers.IntegerField(required=False, min_value=1, default=1)
    page_size = serializers.IntegerField(required=False, min_value=1, default=None, allow_null=True)
    cursor = serializers.CharField(required=False, allow_blank=True, default="", max_length=1000)


# A page of the directory, in the one page shape of every list.
MemberPageSerializer = page_of(MemberProfileSerializer, "MemberPageSerializer", seek=True)


class ContactSerializer(serializers.Serializer):  # pylint: disable=abstract-method
    """A message to a member, sent by the platform's e-mail; the API validates it."""

    purpose = serializers.ChoiceField(choices=["counselling", "partnership"])
    message = serializers.CharField(max_length=5000, trim_whitespace=True)


class CommunityRoleSerializer(serializers.Serializer):  # pylint: disable=abstract-method
    """A role course staff granted a member, with who granted (or revoked) it and when."""

    user_id = serializers.IntegerField()
    full_name = serializers.CharField(read_only=True)
    role = serializers.ChoiceField(choices=[(code, code) for code in api.COMMUNITY_ROLES])
    granted = serializers.DateTimeField(read_only=True)
    granted_by_name = serializers.CharField(read_only=True)
    revoked = serializers.DateTimeField(read_only=True, allow_null=True)
    revoked_by_name = serializers.CharField(read_only=True)


# A page of granted roles, in the one page shape of every list.
CommunityRolePageSerializer = page_of(CommunityRoleSerializer, "CommunityRolePageSerializer")
