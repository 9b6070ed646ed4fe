"""
Themed workspaces (Collaboration): the themes a block's Studio settings hand
over, the workspaces members form under them, their memberships, the shared
document with its revisions, and the task board.

Who may join is decided under the workspace row's lock, counting the active
memberships, so concurrent joins never push a workspace past its theme's
maximum. A document keeps its whole current text on its own row: opening it
reads one row, however many revisions it has; every save adds one revision
row: every 50th a whole snapshot of the text, the others a delta from the
revision before (``history``), so any revision is rebuilt from one snapshot
and a bounded number of deltas (ADR 0010).
"""
import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from opaque_keys.edx.django.models import CourseKeyField


class WorkspaceTheme(models.Model):
    """
    One theme of a workspace block, as the trainer set it in Studio.

    ``key`` is the theme's stable name inside its block (kept across Studio
    edits and OLX export), so workspaces stay under their theme.

    .. no_pii: Course configuration written by the course team.
    """

    OPEN = "open"
    REQUEST = "request"
    INVITATION = "invitation"
    JOIN_RULES = [(OPEN, _("open")), (REQUEST, _("request and approve")), (INVITATION, _("invitation only"))]

    course_key = CourseKeyField(max_length=255, db_index=True)
    usage_key = models.CharField(max_length=255)
    key = models.SlugField(max_length=64)
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    topic = models.CharField(max_length=64, blank=True)
    sector = models.CharField(max_length=64, blank=True)
    starts = models.DateField(null=True, blank=True)
    ends = models.DateField(null=True, blank=True)
    max_size = models.PositiveSmallIntegerField(default=8)
    join_rule = models.CharField(max_length=16, choices=JOIN_RULES, default=OPEN)
    members_create = models.BooleanField(default=True)
    position = models.PositiveSmallIntegerField(default=0)
    # False once the trainer removed the theme in Studio: its workspaces stay readable.
    is_active = models.BooleanField(default=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["usage_key", "key"], name="vetnet_theme_key_in_block")]

    def __str__(self):
        return f"WorkspaceTheme({self.usage_key}, {self.key})"


class Workspace(models.Model):
    """
    A short-term workspace under a theme: a goal, its members, one document.

    .. pii: The goal statement members wrote may name people.
    .. pii_types: other
    .. pii_retirement: local_api
    """

    FORMING = "forming"
    ACTIVE = "active"
    CLOSING = "closing"
    ARCHIVED = "archived"
    STATES = [(FORMING, _("forming")), (ACTIVE, _("active")), (CLOSING, _("closing")), (ARCHIVED, _("archived"))]

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    theme = models.ForeignKey(WorkspaceTheme, on_delete=models.CASCADE, related_name="workspaces")
    course_key = CourseKeyField(max_length=255, db_index=True)
    title = models.CharField(max_length=200)
    goal = models.TextField(blank=True)
    state = models.CharField(max_length=16, choices=STATES, default=FORMING)
    # Readable (not writable) by the whole course community when the members opt in.
    community_readable = models.BooleanField(default=False)
    facilitator = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="vetnet_facilitated_workspaces"
    )
    # The Open edX team this workspace stands for, when a teamset's teams serve as workspaces.
    team_id = models.CharField(max_length=255, blank=True)
    # The team's name when it was linked, so listings show it without asking the platform.
    team_name = models.CharField(max_length=255, blank=True)
    # The toolbox resource the workspace published as its outcome, once it has.
    outcome_resource_uuid = models.UUIDField(null=True, blank=True)
    created = models.DateTimeField(auto_now_add=True)
    modified = models.DateTimeField(auto_now=True)

    class Meta:
        indexes = [models.Index(fields=["theme", "state"], name="vetnet_workspace_theme_state")]

    def __str__(self):
        return f"Workspace({self.uuid})"


class WorkspaceMembership(models.Model):
    """
    A person's place in a workspace: a member, or a pending request or invitation.

    .. pii: Who belongs to which workspace, and when they last visited it.
    .. pii_types: other
    .. pii_retirement: local_api
    """

    MEMBER = "member"
    REQUESTED = "requested"
    INVITED = "invited"
    STATUSES = [(MEMBER, _("member")), (REQUESTED, _("asked to join")), (INVITED, _("invited"))]

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="vetnet_workspaces")
    status = models.CharField(max_length=16, choices=STATUSES, default=MEMBER)
    last_visit = models.DateTimeField(null=True, blank=True)
    # E-mail notices about this workspace (invitations, requests, assignments, due dates); the person may opt out.
    email_notices = models.BooleanField(default=True)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["workspace", "user"], name="vetnet_workspace_one_membership")]

    def __str__(self):
        return f"WorkspaceMembership({self.workspace_id}, {self.user_id}, {self.status})"


class WorkspaceDocument(models.Model):
    """
    The shared document of a workspace: its whole current text and its revision number.

    Saves lock this row, merge, and write the text and the next revision here.

    .. pii: The text members wrote together may name people.
    .. pii_types: other
    .. pii_retirement: local_api
    """

    workspace = models.OneToOneField(Workspace, on_delete=models.CASCADE, related_name="document")
    text = models.TextField(blank=True)
    revision = models.PositiveIntegerField(default=0)
    conflicts = models.PositiveSmallIntegerField(default=0)
    modified = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"WorkspaceDocument({self.workspace_id}, r{self.revision})"


class DocumentRevision(models.Model):
    """
    One save of a shared document: who, when, and the text it produced.

    A snapshot row keeps the whole text in ``text``; any other keeps in
    ``delta`` only what changed from the revision before (``history``).

    The author's retirement unlinks them; the text is the workspace's, not theirs alone.

    .. pii: The author of the save.
    .. pii_types: other
    .. pii_retirement: local_api
    """

    document = models.ForeignKey(WorkspaceDocument, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField()
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="vetnet_document_revisions"
    )
    base = models.PositiveIntegerField(default=0)
    is_snapshot = models.BooleanField(default=True)
    text = models.TextField(blank=True)
    delta = models.TextField(blank=True)
    conflicts = models.PositiveSmallIntegerField(default=0)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["document", "number"], name="vetnet_revision_number")]
        indexes = [models.Index(fields=["author", "created"], name="vetnet_revision_author")]

    def __str__(self):
        return f"DocumentRevision({self.document_id}, r{self.number})"


class WorkspaceTask(models.Model):
    """
    A task on a workspace's board.

    .. pii: The task's text may name people; the assignee.
    .. pii_types: other
    .. pii_retirement: local_api
    """

    TODO = "todo"
    DOING = "doing"
    DONE = "done"
    STATES = [(TODO, _("to do")), (DOING, _("doing")), (DONE, _("done"))]

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="tasks")
    title = models.CharField(max_length=200)
    state = models.CharField(max_length=8, choices=STATES, default=TODO)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="vetnet_workspace_tasks",
    )
    due = models.DateField(null=True, blank=True)
    # The due date the assignee was last reminded of, so each reminder goes out once.
    reminded_for = models.DateField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)
    modified = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"WorkspaceTask({self.uuid})"


class WorkspaceAttachment(models.Model):
    """
    A toolbox resource attached to a workspace, by its uuid; the toolbox keeps the resource.

    ``title`` is the resource's title when it was attached, shown when the
    toolbox no longer lets the viewer see the resource. ``for_outcome``: the
    facilitator chose it to go with the published outcome.

    .. pii: Who attached the resource.
    .. pii_types: other
    .. pii_retirement: local_api
    """

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="attachments")
    resource_uuid = models.UUIDField()
    title = models.CharField(max_length=200)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="vetnet_workspace_attachments"
    )
    for_outcome = models.BooleanField(default=False)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["workspace", "resource_uuid"],
                                               name="vetnet_workspace_one_attachment")]

    def __str__(self):
        return f"WorkspaceAttachment({self.workspace_id}, {self.resource_uuid})"
