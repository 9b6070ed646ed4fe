"""Serializers of the toolbox endpoints: shapes of ``toolbox_data`` values, and the queries they take."""
from rest_framework import serializers

from .... import api
from ..base import page_of


class ResourceVersionSerializer(serializers.Serializer):  # pylint: disable=abstract-method
    number = serializers.IntegerField()
    created = serializers.DateTimeField()
    is_link = serializers.BooleanField()
    link_url = serializers.CharField()
    filename = serializers.CharField()
    content_type = serializers.CharField()
    size = serializers.IntegerField()
    change_note = serializers.CharField()
    scan_status = serializers.CharField()
    downloadable = serializers.BooleanField()


class ResourceSerializer(serializers.Serializer):  # pylint: disable=abstract-method
    """A resource; ``description_html`` is sanitised, ``description`` is the author's Markdown."""

    uuid = serializers.CharField()
    course_key = serializers.CharField()
    title = serializers.CharField()
    description = serializers.CharField()
    description_html = serializers.CharField()
    resource_type = serializers.CharField()
    country = serializers.CharField()
    sectors = serializers.ListField(child=serializers.CharField())
    eqf_levels = serializers.ListField(child=serializers.CharField())
    languages = serializers.ListField(child=serializers.CharField())
    target_group = serializers.CharField()
    licence = serializers.CharField()
    tags = serializers.ListField(child=serializers.CharField())
    status = serializers.CharField()
    in_community_library = serializers.BooleanField()
    author_id = serializers.IntegerField(allow_null=True)
    author_name = serializers.CharField()
    created = serializers.DateTimeField()
    rating_average = serializers.FloatField()
    rating_count = serializers.IntegerField()
    adoption_count = serializers.IntegerField()
    download_count = serializers.IntegerField()
    current_version = ResourceVersionSerializer(allow_null=True)
    moderation_reason = serializers.CharField()
    versions = ResourceVersionSerializer(many=True)
    is_own = serializers.BooleanField()
    can_moderate = serializers.BooleanField()


ResourcePageSerializer = page_of(
    ResourceSerializer, "ResourcePageSerializer",
    facets=serializers.DictField(child=serializers.DictField(child=serializers.IntegerField()), required=False),
    facets_partial=serializers.BooleanField(required=False),
    count_capped=serializers.BooleanField(required=False),
)
# The library's pages also read by position (``next_cursor``, ``cursor``).
LibraryPageSerializer = page_of(
    ResourceSerializer, "LibraryPageSerializer", seek=True,
    facets=serializers.DictField(child=serializers.DictField(child=serializers.IntegerField())),
    facets_partial=serializers.BooleanField(),
    count_capped=serializers.BooleanField(),
)


class LibraryQuerySerializer(serializers.Serializer):  # pylint: disable=abstract-method
    """Query parameters of the library list."""

    scope = serializers.ChoiceField(choices=api.SCOPES, required=False, default="both")
    search = serializers.CharField(required=False, allow_blank=True, default="", max_length=200)
    resource_type = serializers.CharField(required=False, allow_blank=True, default="")
    country = serializers.CharField(required=False, allow_blank=True, default="")
    sector = serializers.CharField(required=False, allow_blank=True, default="")
    eqf_level = serializers.CharField(required=False, allow_blank=True, default="")
    language = serializers.CharField(required=False, allow_blank=True, default="")
    target_group = serializers.CharField(required=False, allow_blank=True, default="")
    licence = serializers.CharField(required=False, allow_blank=True, default="")
    tag = serializers.CharField(required=False, allow_blank=True, default="")
    mine = serializers.BooleanField(required=False, default=False)
    sort = serializers.ChoiceField(choices=api.SORT_ORDERS, required=False, default="newest")
    page = serializers.IntegerField(required=False, min_value=1, default=1)
    page_size = serializers.IntegerField(required=False, min_value=1, default=None, allow_null=True)
    cursor = serializers.CharField(
        required=False, allow_blank=True, default="", max_length=1000,
        help_text="A page's `next_cursor`: reads the page after it by position, however deep (`page` is then "
        "ignored).")


class DepositSerializer(serializers.Serializer):  # pylint: disable=abstract-method
    """A deposit: multipart with ``file``, or ``link_url``, and the metadata."""

    title = serializers.CharField(required=False, allow_blank=True, default="")
    description = serializers.CharField(required=False, allow_blank=True, default="")
    resource_type = serializers.CharField(required=False, allow_blank=True, default="")
    country = serializers.CharField(required=False, allow_blank=True, default="")
    sectors = serializers.ListField(child=serializers.CharField(), required=False, default=list)
    eqf_levels = serializers.ListField(child=serializers.CharField(), required=False, default=list)
    languages = serializers.ListField(child=serializers.CharField(), required=False, default=list)
    target_group = serializers.CharField(required=False, allow_blank=True, default="")
    licence = serializers.CharField(required=False, allow_blank=True, default="")
    tags = serializers.ListField(child=serializers.CharField(allow_blank=True), required=False, default=list)
    file = serializers.FileField(required=False, allow_empty_file=True, use_url=False)
    link_url = serializers.CharField(required=False, allow_blank=True, default="")
    in_community_library = serializers.BooleanField(required=False, default=True)


class VersionSerializer(serializers.Serializer):  # pylint: disable=abstract-method
    file = serializers.FileField(required=False, allow_empty_file=True, use_url=False)
    link_url = serializers.CharField(required=False, allow_blank=True, default="")
    change_note = serializers.CharField(required=False, allow_blank=True, default="")


class ReviewSerializer(serializers.Serializer):  # pylint: disable=abstract-method
    resource_uuid = serializers.CharField(read_only=True)
    author_id = serializers.IntegerField(read_only=True)
    author_name = serializers.CharField(read_only=True)
    rating = serializers.IntegerField()
    text = serializers.CharField(required=False, allow_blank=True, default="")
    text_html = serializers.CharField(read_only=True)
    created = serializers.DateTimeField(read_only=True)
    modified = serializers.DateTimeField(read_only=True)


class AdoptionSerializer(serializers.Serializer):  # pylint: disable=abstract-method
    resource_uuid = serializers.CharField(read_only=True)
    member_id = serializers.IntegerField(read_only=True)
    member_name = serializers.CharField(read_only=True)
    context = serializers.CharField(required=False, allow_blank=True, default="")
    outcome = serializers.CharField(required=False, allow_blank=True, default="")
    outcome_report = serializers.CharField(required=False, allow_blank=True, default="")
    created = serializers.DateTimeField(read_only=True)
    outcome_reported = serializers.DateTimeField(read_only=True, allow_null=True)


class AdoptionSummarySerializer(serializers.Serializer):  # pylint: disable=abstract-method
    """How a resource was adopted: the count, counts per outcome, the requester's own adoption and the reports."""

    count = serializers.IntegerField()
    outcomes = serializers.DictField(child=serializers.IntegerField())
    own = AdoptionSerializer(allow_null=True)
    reports = AdoptionSerializer(many=True)


class ModerationSerializer(serializers.Serializer):  # pylint: disable=abstract-method
    action = serializers.ChoiceField(choices=["approve", "reject", "hide"])
    reason = serializers.CharField(required=False, allow_blank=True, default="")


class CollectionSerializer(serializers.Serializer):  # pylint: disable=abstract-method
    uuid = serializers.CharField(read_only=True)
    owner_id = serializers.IntegerField(read_only=True)
    owner_name = serializers.CharField(read_only=True)
    course_key = serializers.CharField(read_only=True)
    title = serializers.CharField(allow_blank=True)
    description = serializers.CharField(required=False, allow_blank=True, default="")
    visibility = serializers.CharField(required=False, default="private")
    resource_uuids = serializers.ListField(child=serializers.CharField(), read_only=True)
    created = serializers.DateTimeField(read_only=True)


class CollectionListSerializer(serializers.Serializer):  # pylint: disable=abstract-method
    """The collections a member may see (not paginated: a member has few)."""

    count = serializers.IntegerField()
    results = CollectionSerializer(many=True)


# A page of a resource's reviews, with the requester's own review (or null).
ReviewPageSerializer = page_of(ReviewSerializer, "ReviewPageSerializer", own=ReviewSerializer(allow_null=True))
