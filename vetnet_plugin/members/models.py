"""Community members: their profiles and their membership of course communities."""
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from opaque_keys.edx.django.models import CourseKeyField

from ..core.taxonomy import LANGUAGES, SECTORS, TOPICS, OrganisationType


class MemberProfile(models.Model):
    """
    What a member tells the community about themselves and their organisation.

    .. pii: The organisation, country, bio and contact preferences a member enters.
    .. pii_types: other, biography, location
    .. pii_retirement: local_api
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="vetnet_profile"
    )
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    organisation_type = models.CharField(
        _("organisation type"), max_length=32, choices=OrganisationType.CHOICES, blank=True, db_index=True
    )
    country = CountryField(_("country"), blank=True, db_index=True)
    bio = models.TextField(_("short bio"), max_length=2000, blank=True)
    open_to_counselling = models.BooleanField(_("may be contacted for peer counselling"), default=False)
    open_to_partnership = models.BooleanField(_("may be contacted for partnerships"), default=False)
    created = models.DateTimeField(auto_now_add=True)
    modified = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("member profile")
        verbose_name_plural = _("member profiles")

    def __str__(self):
        return f"MemberProfile(user_id={self.user_id})"


class ProfileAttribute(models.Model):
    """
    One language, sector or topic on a profile: a row each, so the directory
    filters with an indexed join on every database.

    .. no_pii: Codes from the community's vocabularies; the person is on the profile.
    """

    LANGUAGE = "language"
    SECTOR = "sector"
    TOPIC = "topic"
    KIND_CHOICES = [(LANGUAGE, _("language")), (SECTOR, _("sector")), (TOPIC, _("topic"))]
    VOCABULARIES = {LANGUAGE: LANGUAGES, SECTOR: SECTORS, TOPIC: TOPICS}

    profile = models.ForeignKey(MemberProfile, on_delete=models.CASCADE, related_name="attributes")
    kind = models.CharField(max_length=16, choices=KIND_CHOICES)
    value = models.CharField(max_length=32)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["profile", "kind", "value"], name="vetnet_profile_attribute_unique")
        ]
        indexes = [models.Index(fields=["kind", "value"], name="vetnet_attr_kind_value")]

    def __str__(self):
        return f"{self.kind}={self.value}"


class CourseMembership(models.Model):
    """
    Projection of a platform enrollment: who belongs to a course's community.

    The platform decides enrollment; this row follows its events so community
    queries (directory, counts) need no call into the LMS.

    .. no_pii: Links a user id to a course key; the user's data is on the user.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="vetnet_memberships")
    # Indexed first in the directory's indexes below (a course's own index would tempt a filesort).
    course_key = CourseKeyField(max_length=255)
    mode = models.CharField(max_length=100, blank=True)
    is_active = models.BooleanField(default=True)
    joined = models.DateTimeField()
    modified = models.DateTimeField(auto_now=True)
    # Copied from the user and the profile (``members.community.refresh_directory_rows``)
    # so the directory filters, sorts and searches one indexed table.
    sort_name = models.CharField(max_length=255, blank=True, default="")
    search_text = models.TextField(blank=True, default="")
    country = models.CharField(max_length=2, blank=True, default="")
    organisation_type = models.CharField(max_length=32, blank=True, default="")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "course_key"], name="vetnet_membership_unique")
        ]
        indexes = [
            models.Index(fields=["course_key", "is_active", "sort_name"], name="vetnet_membership_name"),
            models.Index(fields=["course_key", "is_active", "country", "sort_name"],
                         name="vetnet_membership_country"),
            models.Index(fields=["course_key", "is_active", "organisation_type", "sort_name"],
                         name="vetnet_membership_orgtype"),
        ]

    def __str__(self):
        return f"CourseMembership(user_id={self.user_id}, course_key={self.course_key})"


class MemberContact(models.Model):
    """
    One message a member sent another through the platform: kept for the rate
    limit and to show abuse to staff, without the message itself.

    .. pii: Who contacted whom, in which course and for what purpose, and when.
    .. pii_types: other
    .. pii_retirement: local_api
    """

    COUNSELLING = "counselling"
    PARTNERSHIP = "partnership"
    PURPOSE_CHOICES = [
        (COUNSELLING, _("peer counselling")),
        (PARTNERSHIP, _("a partnership")),
    ]

    sender = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    course_key = CourseKeyField(max_length=255, db_index=True)
    purpose = models.CharField(max_length=16, choices=PURPOSE_CHOICES)
    created = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        indexes = [models.Index(fields=["sender", "created"], name="vetnet_contact_sender_new")]

    def __str__(self):
        return f"MemberContact({self.pk})"


class CommunityRole(models.Model):
    """
    A role course staff grant a member in a course community, such as reading
    the policy brief. Roles that open doors are granted and recorded, never
    taken from what members say about themselves (their organisation type).
    One row per member, course and role: revoking keeps the row (who revoked,
    when); granting again reopens it.

    .. no_pii: Links user ids to a course key and a role code, with who granted or revoked it and when.
    """

    POLICY_MAKER = "policy_maker"
    ROLE_CHOICES = [(POLICY_MAKER, _("policy brief reader"))]

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="vetnet_community_roles")
    course_key = CourseKeyField(max_length=255)
    role = models.CharField(max_length=32, choices=ROLE_CHOICES)
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    granted = models.DateTimeField()
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    revoked = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "course_key", "role"], name="vetnet_community_role_unique")
        ]
        indexes = [models.Index(fields=["course_key", "role"], name="vetnet_role_course")]

    def __str__(self):
        return f"CommunityRole(user_id={self.user_id}, course_key={self.course_key}, role={self.role})"
