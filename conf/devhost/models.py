"""
What the development host stores in place of the platform.

Each table stands for one the LMS keeps itself (block field data, course
access roles, enrollments, grades, completions); none of them belongs to
VETNet, which learns about them only through events and the XBlock runtime.
"""
from django.conf import settings
from django.db import models


class Course(models.Model):
    """
    A course loaded from an OLX directory under ``course_templates/``.

    .. no_pii: Course metadata.
    """

    course_key = models.CharField(max_length=255, unique=True)
    display_name = models.CharField(max_length=255)
    template = models.CharField(max_length=255, help_text="Folder under course_templates/ it was loaded from.")
    loaded_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["display_name"]

    def __str__(self):
        return self.course_key


class BlockField(models.Model):
    """
    One XBlock field value, keyed the way ``KeyValueStore.Key`` is.

    ``block_scope_id`` is an opaque usage key (or a block type for type-scoped
    fields); ``user_id`` 0 marks a value shared by all users, because NULLs
    would not take part in the unique constraint on every database.

    .. pii: Values of user-scoped fields are what a learner entered in a block.
    .. pii_types: other
    .. pii_retirement: retained
    Development data only: it goes when the host's database is deleted.
    """

    NO_USER = 0

    scope = models.CharField(max_length=64)
    block_family = models.CharField(max_length=64, default="xblock.v1")
    block_scope_id = models.CharField(max_length=255)
    user_id = models.IntegerField(default=NO_USER)
    field_name = models.CharField(max_length=64)
    # The course the value belongs to, so a course reload can drop its authored content.
    course_key = models.CharField(max_length=255, blank=True, db_index=True)
    value = models.TextField(help_text="The field's JSON value.")
    modified = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["scope", "block_family", "block_scope_id", "user_id", "field_name"],
                name="devhost_block_field_unique",
            )
        ]
        # A block's fields for one user are read together (field_store.DjangoKeyValueStore).
        indexes = [models.Index(fields=["block_scope_id", "user_id"], name="devhost_field_block_user")]

    def __str__(self):
        return f"{self.scope}:{self.block_scope_id}:{self.user_id}:{self.field_name}"


class CourseAccessRole(models.Model):
    """
    Course team membership, as the LMS's ``student_courseaccessrole``.

    .. no_pii: Links a user id to a role in a course.
    """

    STAFF = "staff"
    INSTRUCTOR = "instructor"
    ROLE_CHOICES = [(STAFF, "Staff"), (INSTRUCTOR, "Instructor")]

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    course_key = models.CharField(max_length=255)
    role = models.CharField(max_length=16, choices=ROLE_CHOICES)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "course_key", "role"], name="devhost_access_role_unique")
        ]

    def __str__(self):
        return f"{self.role}:{self.course_key}:{self.user_id}"


class Enrollment(models.Model):
    """
    The host's enrollment record: it decides course access, as the LMS's does.

    .. no_pii: Links a user id to a course key.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    course_key = models.CharField(max_length=255)
    mode = models.CharField(max_length=32, default="audit")
    is_active = models.BooleanField(default=True)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "course_key"], name="devhost_enrollment_unique")]

    def __str__(self):
        return f"{self.course_key}:{self.user_id}:{'active' if self.is_active else 'inactive'}"


class AnonymousUserId(models.Model):
    """
    The per-course anonymous id the user service hands to blocks.

    .. pii: An identifier that leads back to the user.
    .. pii_types: id
    .. pii_retirement: local_api
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    course_key = models.CharField(max_length=255)
    anonymous_user_id = models.CharField(max_length=32, unique=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "course_key"], name="devhost_anonymous_id_unique")]

    def __str__(self):
        return self.anonymous_user_id


class Grade(models.Model):
    """
    The last ``grade`` event a block published for a user.

    .. no_pii: A score linked to a user id.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    course_key = models.CharField(max_length=255)
    usage_key = models.CharField(max_length=255)
    earned = models.FloatField()
    possible = models.FloatField()
    modified = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "usage_key"], name="devhost_grade_unique")]

    def __str__(self):
        return f"{self.usage_key}:{self.user_id}={self.earned}/{self.possible}"


class Completion(models.Model):
    """
    How far a user completed a block (0.0 to 1.0), as the completion service keeps it.

    .. no_pii: A completion ratio linked to a user id.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    course_key = models.CharField(max_length=255)
    usage_key = models.CharField(max_length=255)
    completion = models.FloatField()
    modified = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "usage_key"], name="devhost_completion_unique")]

    def __str__(self):
        return f"{self.usage_key}:{self.user_id}={self.completion}"
