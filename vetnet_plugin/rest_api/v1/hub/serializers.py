"""What the hub's endpoints answer with, and what clients send them (a mobile app or an MFE reads these)."""
from rest_framework import serializers

from .... import api

# pylint: disable=abstract-method


class ActionProgressSerializer(serializers.Serializer):
    action = serializers.CharField(help_text="rated, posted, counselled, deposited, adopted, collaborated, "
                                             "submitted, reviewed or partnered.")
    label = serializers.CharField()
    done = serializers.IntegerField(help_text="How often the member did it in the course, as last recorded.")
    needed = serializers.IntegerField(help_text="How often the course asks for it (0: not asked).")
    is_met = serializers.BooleanField()


class PhaseStepSerializer(serializers.Serializer):
    phase = serializers.ChoiceField(choices=[(phase, phase) for phase in api.PHASES])
    label = serializers.CharField()
    is_formal = serializers.BooleanField(help_text="The formal phase is recognised by the platform's certificate.")
    is_met = serializers.BooleanField()
    actions = ActionProgressSerializer(many=True)
    next_steps = serializers.ListField(child=serializers.CharField(), help_text="What is still missing, in words.")
    credential_uuid = serializers.CharField(allow_blank=True, help_text="The member's credential of the phase.")


class ProgressionSerializer(serializers.Serializer):
    course_key = serializers.CharField()
    steps = PhaseStepSerializer(many=True)
    next_phase = serializers.CharField(allow_blank=True, help_text="The first phase not met yet; empty when all are.")
    updated = serializers.CharField(allow_blank=True, help_text="When the progress was last recorded (ISO 8601).")


class CommunitySerializer(serializers.Serializer):
    course_key = serializers.CharField()
    course_name = serializers.CharField()
    followed_threads = serializers.IntegerField(help_text="Followed threads with posts by others since the last "
                                                          "digest.")
    cases_routed = serializers.IntegerField(help_text="Unsolved counselling cases whose owner asked the member.")
    invitations = serializers.IntegerField(help_text="Workspace invitations waiting for an answer.")
    reviews_waiting = serializers.IntegerField(help_text="Peer reviews allocated to the member, not written yet.")
    tasks_due = serializers.IntegerField(help_text="Unfinished workspace tasks due soon or overdue.")
    total = serializers.IntegerField()
    progression = ProgressionSerializer()


class HubLinkSerializer(serializers.Serializer):
    key = serializers.CharField()
    label = serializers.CharField()
    url = serializers.CharField(allow_blank=True, help_text="Empty while that part has not landed.")


class HubSerializer(serializers.Serializer):
    communities = CommunitySerializer(many=True)
    links = HubLinkSerializer(many=True)


class CriteriaSerializer(serializers.Serializer):
    course_key = serializers.CharField()
    phase = serializers.CharField()
    thresholds = serializers.DictField(child=serializers.IntegerField())
    is_default = serializers.BooleanField()
    label = serializers.CharField()
    action_labels = serializers.DictField(child=serializers.CharField())


class CriteriaListSerializer(serializers.Serializer):
    results = CriteriaSerializer(many=True)


class CriteriaChangeSerializer(serializers.Serializer):
    """How often each action of the phase is needed: ``{"posted": 3, "rated": 1}`` (0: not needed)."""

    thresholds = serializers.DictField(child=serializers.IntegerField(min_value=0, max_value=1000))


class ClaimSerializer(serializers.Serializer):
    phase = serializers.ChoiceField(choices=[(phase, phase) for phase in api.INFORMAL_PHASES])


class PhaseCredentialSerializer(serializers.Serializer):
    uuid = serializers.CharField()
    course_key = serializers.CharField()
    phase = serializers.CharField()
    issued = serializers.CharField()
    revoked = serializers.CharField(allow_blank=True)
    revocation_reason = serializers.CharField(allow_blank=True)
    url = serializers.CharField(help_text="The public URL of the signed credential (Open Badges 3.0 JSON).")
    verification_url = serializers.CharField()


class PhaseCredentialListSerializer(serializers.Serializer):
    results = PhaseCredentialSerializer(many=True)


class OpenBadgeCredentialSerializer(serializers.Serializer):
    """An ``OpenBadgeCredential`` (W3C VC data model 2.0) with its ``DataIntegrityProof`` (eddsa-jcs-2022)."""

    context = serializers.ListField(child=serializers.CharField(), source="@context")
    id = serializers.CharField()
    type = serializers.ListField(child=serializers.CharField())
    issuer = serializers.DictField()
    validFrom = serializers.CharField()  # noqa: N815 - the data model's name
    name = serializers.CharField()
    credentialSubject = serializers.DictField()  # noqa: N815
    credentialSchema = serializers.ListField(child=serializers.DictField())  # noqa: N815
    proof = serializers.DictField()


class VerificationRequestSerializer(serializers.Serializer):
    """A credential's JSON, as its holder shared it."""

    credential = serializers.DictField()


class VerificationSerializer(serializers.Serializer):
    uuid = serializers.CharField(allow_blank=True)
    verified = serializers.BooleanField()
    revoked = serializers.BooleanField()
    checks = serializers.ListField(child=serializers.CharField())
    errors = serializers.ListField(child=serializers.CharField())


class RecordedSerializer(serializers.Serializer):
    recorded = serializers.IntegerField(help_text="How many members' progress was recorded.")
