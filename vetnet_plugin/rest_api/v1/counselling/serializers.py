"""Request and response bodies of peer counselling's REST views."""
from rest_framework import serializers

from ..base import page_of
from ..discussions.serializers import ThreadSerializer, TranslationTextSerializer

# pylint: disable=abstract-method


class TopicSerializer(serializers.Serializer):
    code = serializers.CharField()
    label = serializers.CharField()


class CaseSummarySerializer(serializers.Serializer):
    """A case as the "needs help" queue shows it."""

    uuid = serializers.CharField(help_text="The case's public id.")
    title = serializers.CharField()
    problem_excerpt = serializers.CharField(allow_blank=True)
    language = serializers.CharField()
    topics = TopicSerializer(many=True)
    sector = serializers.CharField(allow_blank=True)
    country = serializers.CharField(allow_blank=True)
    organisation_type = serializers.CharField(allow_blank=True)
    status = serializers.ChoiceField(choices=["open", "solved"])
    answer_count = serializers.IntegerField()
    accepted_count = serializers.IntegerField()
    created = serializers.DateTimeField()
    first_answer_at = serializers.DateTimeField(allow_null=True)
    hours_to_first_answer = serializers.FloatField(allow_null=True, help_text="Null while unanswered.")
    owner_name = serializers.CharField(allow_blank=True, help_text="Empty for a former member, and for an "
                                       "anonymous case unless the requester is its owner or course staff.")
    is_own = serializers.BooleanField()
    is_private = serializers.BooleanField()
    is_anonymous = serializers.BooleanField(help_text="The owner's name is shown to the owner and course staff only.")


CaseSummaryPageSerializer = page_of(CaseSummarySerializer, "CaseSummaryPageSerializer")


class ClinicSerializer(serializers.Serializer):
    """A case clinic: its phase and timebox, its facilitator and the action plan."""

    phase = serializers.ChoiceField(choices=["clarify", "advise", "action_plan", "closed"])
    facilitator_name = serializers.CharField(allow_blank=True)
    phase_started_at = serializers.DateTimeField(allow_null=True)
    phase_ends_at = serializers.DateTimeField(allow_null=True, help_text="Null once the clinic is closed.")
    phase_minutes = serializers.IntegerField()
    action_plan = serializers.CharField(allow_blank=True)
    action_plan_html = serializers.CharField(allow_blank=True)
    can_lead = serializers.BooleanField()
    can_write_plan = serializers.BooleanField()
    is_participant = serializers.BooleanField()


class ClinicStartSerializer(serializers.Serializer):
    """Start a case clinic: its facilitator, the advisers invited and the minutes of each phase."""

    facilitator = serializers.CharField(max_length=150)
    advisers = serializers.ListField(child=serializers.CharField(max_length=150), required=False, default=list,
                                     max_length=20)
    minutes = serializers.IntegerField(required=False, default=20, min_value=5, max_value=240)


class CaseTranslationSerializer(serializers.Serializer):
    """A member's translation of a case's title and problem."""

    language = serializers.CharField(max_length=16)
    title = serializers.CharField(max_length=200)
    problem = serializers.CharField(max_length=10000)


class ActionPlanSerializer(serializers.Serializer):
    plan = serializers.CharField(max_length=10000)


class CaseSerializer(serializers.Serializer):
    """A case with its whole intake (Markdown and sanitized HTML) and its accepted answers."""

    summary = CaseSummarySerializer()
    problem = serializers.CharField()
    problem_html = serializers.CharField()
    already_tried = serializers.CharField(allow_blank=True)
    already_tried_html = serializers.CharField(allow_blank=True)
    outcome_wanted = serializers.CharField(allow_blank=True)
    outcome_wanted_html = serializers.CharField(allow_blank=True)
    thread_id = serializers.CharField(help_text="The public id of the case's discussion thread.")
    owner_id = serializers.IntegerField(allow_null=True, help_text="Null for an anonymous case, unless the "
                                        "requester is its owner or course staff.")
    accepted_answer_ids = serializers.ListField(child=serializers.CharField())
    can_accept = serializers.BooleanField()
    adviser_names = serializers.ListField(child=serializers.CharField(), help_text="For the owner and staff only.")
    outcome = serializers.CharField(allow_blank=True, help_text="solved, partly, not_solved; empty before the report.")
    outcome_note = serializers.CharField(allow_blank=True)
    outcome_note_html = serializers.CharField(allow_blank=True)
    follow_up_due = serializers.BooleanField()
    clinic = ClinicSerializer(allow_null=True, help_text="Null unless the case has a clinic.")
    translations = TranslationTextSerializer(many=True, help_text="Members' translations of the title and problem.")


class ReputationSerializer(serializers.Serializer):
    """A member's counselling reputation across every course community."""

    user_id = serializers.IntegerField()
    accepted_answers = serializers.IntegerField()
    upvotes = serializers.IntegerField(help_text="Up-votes on their answers to cases.")
    score = serializers.IntegerField(help_text="Five per accepted answer, one per up-vote.")


class CasePageSerializer(serializers.Serializer):
    """A case, its thread with one page of answers (comments nested), and the reputation of their authors."""

    case = CaseSerializer()
    thread = ThreadSerializer()
    reputations = ReputationSerializer(many=True)


class CaseNoticesSerializer(serializers.Serializer):
    """Whether the requester is e-mailed about new cases that match their profile (every course)."""

    enabled = serializers.BooleanField()


class SimilarCaseSerializer(serializers.Serializer):
    case = CaseSummarySerializer()
    shared_topics = serializers.ListField(child=serializers.CharField())
    score = serializers.FloatField()


class SimilarCasesSerializer(serializers.Serializer):
    """Up to five cases like the draft, solved ones first."""

    results = SimilarCaseSerializer(many=True)


class CaseQuerySerializer(serializers.Serializer):
    """Filters of the "needs help" queue."""

    state = serializers.ChoiceField(choices=["", "unanswered", "unsolved", "solved"], required=False, default="",
                                    allow_blank=True)
    topic = serializers.CharField(required=False, allow_blank=True, max_length=64, default="")
    sector = serializers.CharField(required=False, allow_blank=True, max_length=32, default="")
    country = serializers.CharField(required=False, allow_blank=True, max_length=2, default="")
    language = serializers.CharField(required=False, allow_blank=True, max_length=16, default="")


class CasePageQuerySerializer(serializers.Serializer):
    order = serializers.ChoiceField(choices=["oldest", "votes"], required=False, default="oldest")


class SimilarQuerySerializer(serializers.Serializer):
    """The draft: its text, its chosen topics, and the case to leave out."""

    text = serializers.CharField(required=False, allow_blank=True, max_length=20000, default="")
    topics = serializers.ListField(child=serializers.CharField(max_length=64), required=False, default=list,
                                   max_length=20)
    exclude_case = serializers.CharField(required=False, allow_blank=True, max_length=64, default="")


class CaseIntakeSerializer(serializers.Serializer):
    """A new case: the problem, what was tried, the outcome wanted, the context and topic codes."""

    title = serializers.CharField(max_length=200)
    problem = serializers.CharField(max_length=10000)
    already_tried = serializers.CharField(required=False, allow_blank=True, max_length=10000, default="")
    outcome_wanted = serializers.CharField(required=False, allow_blank=True, max_length=10000, default="")
    organisation_type = serializers.CharField(required=False, allow_blank=True, max_length=32, default="")
    country = serializers.CharField(required=False, allow_blank=True, max_length=2, default="")
    sector = serializers.CharField(required=False, allow_blank=True, max_length=32, default="")
    topics = serializers.ListField(child=serializers.CharField(max_length=64), required=False, default=list,
                                   max_length=5)
    language = serializers.CharField(required=False, allow_blank=True, max_length=16, default="")
    private = serializers.BooleanField(required=False, default=False,
                                       help_text="A private circle, where the trainer allows it.")
    advisers = serializers.ListField(child=serializers.CharField(max_length=150), required=False, default=list,
                                     max_length=20, help_text="Usernames of the members invited into the circle.")
    anonymous = serializers.BooleanField(required=False, default=False,
                                         help_text="Hide the owner's name from peers, where the trainer allows it.")


class OutcomeSerializer(serializers.Serializer):
    """What happened, reported by the case owner, with a note others can learn from."""

    outcome = serializers.ChoiceField(choices=["solved", "partly", "not_solved"])
    note = serializers.CharField(required=False, allow_blank=True, max_length=10000, default="")


class AnswerSerializer(serializers.Serializer):
    """An answer to the case, or with ``parent_id`` a comment on an answer."""

    body = serializers.CharField(max_length=10000)
    parent_id = serializers.UUIDField(required=False, allow_null=True, default=None)
    language = serializers.CharField(required=False, allow_blank=True, max_length=16, default="")
