"""
The resource toolbox (Sharing): resources members deposit, their versions,
reviews, adoptions and collections.

Counters on ``Resource`` (ratings, adoptions, downloads) are denormalised so
the library sorts and pages with one indexed query however large it grows;
they are only ever changed with ``F()`` or recomputed by aggregation in one
``UPDATE``, so concurrent writers never lose a count.
"""
import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from opaque_keys.edx.django.models import CourseKeyField

from ..core.adoption import AdoptionRecord
from ..core.stored_html import StoresHtml
from .vocabulary import LICENCES, RESOURCE_TYPES, TARGET_GROUPS


class Resource(StoresHtml, models.Model):
    """
    A resource a member deposited: a project result, a tool, a document...

    Metadata lives here; the file or link lives in its versions, of which
    ``current_version`` is the one other members see.

    .. pii: The title, description and tags a member writes may name people.
    .. pii_types: other
    .. pii_retirement: local_api
    """

    html_fields = {"description": "description_html"}

    PENDING = "pending"
    PUBLISHED = "published"
    REJECTED = "rejected"
    HIDDEN = "hidden"
    STATUS_CHOICES = [
        (PENDING, _("waiting for approval")),
        (PUBLISHED, _("published")),
        (REJECTED, _("rejected")),
        (HIDDEN, _("hidden by staff")),
    ]

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    course_key = CourseKeyField(max_length=255, db_index=True)
    usage_key = models.CharField(max_length=255, blank=True)
    # The upload limit of the block the resource was deposited in (0: the operator's). Its later
    # versions obey it too, even when they come through the REST API, which knows no block.
    max_upload_bytes = models.PositiveBigIntegerField(default=0)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="vetnet_resources"
    )
    # Shared in the community library across courses, not only in its own course.
    in_community_library = models.BooleanField(default=True)
    status = models.CharField(max_length=16, choices=STATUS_CHOICES, default=PENDING)
    moderation_reason = models.TextField(blank=True)
    # A member's edit of a published resource under pre-moderation: the checked metadata, applied when
    # staff approve it. Until then members see the approved text. None when no change waits.
    pending_change = models.JSONField(null=True, blank=True)
    pending_change_at = models.DateTimeField(null=True, blank=True)

    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    resource_type = models.CharField(_("resource type"), max_length=32, choices=RESOURCE_TYPES)
    country = models.CharField(_("country"), max_length=2, blank=True)
    target_group = models.CharField(_("target group"), max_length=32, choices=TARGET_GROUPS, blank=True)
    licence = models.CharField(_("licence"), max_length=32, choices=LICENCES)
    # Lower-cased title, description and tags: searched through a FULLTEXT
    # index on MariaDB/MySQL (migration 0004), with LIKE elsewhere.
    search_text = models.TextField(blank=True)
    # The description's sanitised HTML, rendered when it is written (``save``),
    # so a list never renders Markdown. Empty on rows written in bulk: then
    # it is rendered when read.
    description_html = models.TextField(blank=True, editable=False)

    current_version = models.ForeignKey(
        "ResourceVersion", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    rating_count = models.PositiveIntegerField(default=0)
    rating_average = models.FloatField(default=0)
    adoption_count = models.PositiveIntegerField(default=0)
    download_count = models.PositiveIntegerField(default=0)
    created = models.DateTimeField(auto_now_add=True, db_index=True)
    modified = models.DateTimeField(auto_now=True)

    class Meta:
        indexes = [
            models.Index(fields=["course_key", "status", "created"], name="vetnet_res_course_new"),
            models.Index(fields=["in_community_library", "status", "created"], name="vetnet_res_library_new"),
            # The sorts read these backwards and stop at the window's end.
            models.Index(fields=["rating_average", "rating_count", "created"], name="vetnet_res_rated"),
            models.Index(fields=["adoption_count", "created"], name="vetnet_res_adopted"),
            # A filter on one field, read newest first, stops at the window's end.
            models.Index(fields=["country", "created"], name="vetnet_res_country_new"),
            models.Index(fields=["resource_type", "created"], name="vetnet_res_type_new"),
            models.Index(fields=["target_group", "created"], name="vetnet_res_group_new"),
            models.Index(fields=["licence", "created"], name="vetnet_res_licence_new"),
        ]

    def __str__(self):
        return f"Resource({self.uuid})"


class ResourceVersion(models.Model):
    """
    One version of a resource's content: an uploaded file or a link.

    A new version never overwrites an older one, so the history stays.

    .. no_pii: A storage name, a file's technical details and a change note about the resource.
    """

    SCAN_PENDING = "pending"
    SCAN_CLEAN = "clean"
    SCAN_INFECTED = "infected"
    SCAN_FAILED = "failed"
    SCAN_CHOICES = [
        (SCAN_PENDING, _("being checked")),
        (SCAN_CLEAN, _("checked")),
        (SCAN_INFECTED, _("blocked by the scanner")),
        (SCAN_FAILED, _("check failed")),
    ]

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    resource = models.ForeignKey(Resource, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    # Generated by the server; the member's file name is only shown, never used as a path.
    storage_name = models.CharField(max_length=255, blank=True)
    original_filename = models.CharField(max_length=255, blank=True)
    content_type = models.CharField(max_length=100, blank=True)
    size = models.PositiveBigIntegerField(default=0)
    sha256 = models.CharField(max_length=64, blank=True)
    link_url = models.URLField(max_length=1000, blank=True)
    change_note = models.CharField(max_length=500, blank=True)
    scan_status = models.CharField(max_length=16, choices=SCAN_CHOICES, default=SCAN_PENDING)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["resource", "number"], name="vetnet_resource_version_unique")
        ]

    def __str__(self):
        return f"ResourceVersion({self.resource_id}, {self.number})"


class ResourceAttribute(models.Model):
    """
    One sector, EQF level, language or tag of a resource: a row each, so
    filters are indexed joins and facet counts one grouped query.

    .. no_pii: Vocabulary codes and tags of a resource.
    """

    SECTOR = "sector"
    EQF_LEVEL = "eqf"
    LANGUAGE = "language"
    TAG = "tag"
    KIND_CHOICES = [(SECTOR, _("sector")), (EQF_LEVEL, _("EQF level")), (LANGUAGE, _("language")), (TAG, _("tag"))]

    resource = models.ForeignKey(Resource, on_delete=models.CASCADE, related_name="attributes")
    kind = models.CharField(max_length=16, choices=KIND_CHOICES)
    value = models.CharField(max_length=50)
    # The resource's ``created``, copied when the row is written (a resource's date never changes), so
    # that one index serves a filter and the newest-first order together.
    created = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["resource", "kind", "value"], name="vetnet_resource_attribute_unique")
        ]
        # A filter's resources newest first, read along this index from its newest end and stopped after a
        # page (or the facet window): no sort of every match, and the resource id without reading the rows.
        indexes = [models.Index(fields=["kind", "value", "created", "resource"], name="vetnet_res_attr_newest")]

    def __str__(self):
        return f"{self.kind}={self.value}"


class Review(models.Model):
    """
    A member's rating (1 to 5) and review of a resource; one per member, editable.

    .. pii: The review text a member writes.
    .. pii_types: other
    .. pii_retirement: local_api
    """

    resource = models.ForeignKey(Resource, on_delete=models.CASCADE, related_name="reviews")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="vetnet_reviews")
    rating = models.PositiveSmallIntegerField()
    text = models.TextField(blank=True)
    created = models.DateTimeField(auto_now_add=True)
    modified = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["resource", "author"], name="vetnet_review_unique")]

    def __str__(self):
        return f"Review({self.resource_id}, {self.author_id})"


class Adoption(AdoptionRecord):
    """
    "I adopted this": evidence that a resource was reused, with a later report
    of how the adoption went (the fields and their rules: ``core.adoption``).

    .. pii: The context and outcome a member reports about their own organisation.
    .. pii_types: other
    .. pii_retirement: local_api
    """

    resource = models.ForeignKey(Resource, on_delete=models.CASCADE, related_name="adoptions")
    member = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="vetnet_adoptions")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["resource", "member"], name="vetnet_adoption_unique")]

    def __str__(self):
        return f"Adoption({self.resource_id}, {self.member_id})"


class Collection(models.Model):
    """
    A named group of resources a member puts together and may share.

    .. pii: The title and description a member writes.
    .. pii_types: other
    .. pii_retirement: local_api
    """

    PRIVATE = "private"
    COURSE = "course"
    COMMUNITY = "community"
    VISIBILITY_CHOICES = [
        (PRIVATE, _("only me")),
        (COURSE, _("members of this course")),
        (COMMUNITY, _("the whole community")),
    ]

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="vetnet_collections")
    course_key = CourseKeyField(max_length=255, db_index=True)
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    visibility = models.CharField(max_length=16, choices=VISIBILITY_CHOICES, default=PRIVATE)
    resources = models.ManyToManyField(Resource, through="CollectionItem", related_name="collections")
    created = models.DateTimeField(auto_now_add=True)
    modified = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"Collection({self.uuid})"


class CollectionItem(models.Model):
    """
    A resource in a collection.

    .. no_pii: Links a collection to a resource.
    """

    collection = models.ForeignKey(Collection, on_delete=models.CASCADE, related_name="items")
    resource = models.ForeignKey(Resource, on_delete=models.CASCADE, related_name="+")
    added = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["collection", "resource"], name="vetnet_collection_item_unique")
        ]

    def __str__(self):
        return f"CollectionItem({self.collection_id}, {self.resource_id})"
