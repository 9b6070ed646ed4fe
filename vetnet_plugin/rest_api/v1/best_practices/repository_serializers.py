"""What the best-practice repository's endpoints take and answer."""
from rest_framework import serializers

from .... import api
from ..base import page_of
from .serializers import PracticeSectionSerializer


class RepositoryQuerySerializer(serializers.Serializer):  # pylint: disable=abstract-method
    """Query parameters of the repository list: words, facet codes, a quality label, the order, the page."""

    search = serializers.CharField(required=False, allow_blank=True, default="", max_length=200)
    topic = serializers.CharField(required=False, allow_blank=True, default="", max_length=64)
    country = serializers.CharField(required=False, allow_blank=True, default="", max_length=2)
    sector = serializers.CharField(required=False, allow_blank=True, default="", max_length=32)
    eqf_level = serializers.CharField(required=False, allow_blank=True, default="", max_length=2)
    language = serializers.CharField(required=False, allow_blank=True, default="", max_length=8)
    label = serializers.CharField(required=False, allow_blank=True, default="", max_length=32,
                                  help_text="peer_reviewed, staff_approved or adopted_elsewhere.")
    sort = serializers.ChoiceField(choices=api.REPOSITORY_SORTS, required=False, default="newest")
    page = serializers.IntegerField(required=False, min_value=1, default=1)
    page_size = serializers.IntegerField(required=False, min_value=1, default=None, allow_null=True)
    cursor = serializers.CharField(required=False, allow_blank=True, default="", max_length=2000)


class QualityLabelSerializer(serializers.Serializer):
    code = serializers.ChoiceField(choices=api.REPOSITORY_LABELS)
    name = serializers.CharField()
    criterion = serializers.CharField(help_text="What the label stands for, shown beside it.")


class RepositoryEntrySerializer(serializers.Serializer):
    """A listed practice; ``authors`` holds only authors who agreed to be credited."""

    uuid = serializers.UUIDField()
    title = serializers.CharField()
    summary = serializers.CharField()
    summary_html = serializers.CharField()
    authors = serializers.ListField(child=serializers.CharField())
    topic = serializers.CharField()
    topic_label = serializers.CharField()
    country = serializers.CharField()
    country_label = serializers.CharField()
    sector = serializers.CharField()
    sector_label = serializers.CharField()
    eqf_level = serializers.CharField()
    language = serializers.CharField()
    language_label = serializers.CharField()
    licence = serializers.CharField()
    licence_label = serializers.CharField()
    score = serializers.FloatField(allow_null=True)
    threshold = serializers.FloatField()
    labels = QualityLabelSerializer(many=True)
    adoption_count = serializers.IntegerField()
    entered = serializers.DateTimeField(allow_null=True)


RepositoryPageSerializer = page_of(
    RepositoryEntrySerializer, "RepositoryPageSerializer", seek=True,
    facets=serializers.DictField(child=serializers.DictField(child=serializers.IntegerField())),
    facets_partial=serializers.BooleanField(),
    count_capped=serializers.BooleanField(),
)


class PracticeAdoptionReportSerializer(serializers.Serializer):
    """One adoption as evidence: the adopter's country and outcome, never their name."""

    country = serializers.CharField()
    outcome = serializers.CharField()
    outcome_label = serializers.CharField()
    outcome_report = serializers.CharField()
    created = serializers.DateTimeField(allow_null=True)
    outcome_reported = serializers.DateTimeField(allow_null=True)


class RepositoryEntryDetailSerializer(serializers.Serializer):
    entry = RepositoryEntrySerializer()
    sections = PracticeSectionSerializer(many=True)
    adoption_outcomes = serializers.ListField(child=serializers.ListField(), help_text="[outcome, count] pairs.")
    adoption_reports = PracticeAdoptionReportSerializer(many=True)
    listed = serializers.BooleanField()
    withdrawn = serializers.BooleanField()
    can_describe = serializers.BooleanField()
    credit_author = serializers.BooleanField()
    own_adoption = PracticeAdoptionReportSerializer(allow_null=True)


class RepositoryDescriptionSerializer(serializers.Serializer):
    """The author's (or staff's) description of an entry; fields left out stay as they are."""

    summary = serializers.CharField(required=False, allow_blank=True, max_length=2000)
    topic = serializers.CharField(required=False, allow_blank=True, max_length=64)
    country = serializers.CharField(required=False, allow_blank=True, max_length=2)
    sector = serializers.CharField(required=False, allow_blank=True, max_length=32)
    eqf_level = serializers.CharField(required=False, allow_blank=True, max_length=2)
    language = serializers.CharField(required=False, allow_blank=True, max_length=8)
    licence = serializers.CharField(required=False, allow_blank=True, max_length=32)
    credit_author = serializers.BooleanField(required=False, help_text="The author agrees to be named (author only).")


class RepositoryWithdrawalSerializer(serializers.Serializer):
    withdrawn = serializers.BooleanField(default=True)


class PracticeAdoptionSerializer(serializers.Serializer):
    context = serializers.CharField(required=False, allow_blank=True, default="", max_length=2000)


class PracticeOutcomeSerializer(serializers.Serializer):
    outcome = serializers.CharField(max_length=32)
    report = serializers.CharField(required=False, allow_blank=True, default="", max_length=5000)


class RepositoryExportSerializer(serializers.Serializer):
    """An entry as the Erasmus+ Project Results Platform and EPALE take it."""

    identifier = serializers.CharField()
    title = serializers.CharField()
    summary = serializers.CharField()
    topics = serializers.ListField(child=serializers.CharField())
    countries = serializers.ListField(child=serializers.CharField())
    sectors = serializers.ListField(child=serializers.CharField())
    eqf_levels = serializers.ListField(child=serializers.CharField())
    languages = serializers.ListField(child=serializers.CharField())
    licence = serializers.CharField()
    licence_url = serializers.CharField()
    link = serializers.URLField()
    authors = serializers.ListField(child=serializers.CharField())
    labels = serializers.ListField(child=serializers.CharField())
    date = serializers.DateTimeField(allow_null=True)
