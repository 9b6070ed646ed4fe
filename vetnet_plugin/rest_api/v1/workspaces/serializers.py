"""What clients send to the workspace endpoints, validated before the API is called, and what they get back."""
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from .... import api
from ..base import page_of

# pylint: disable=abstract-method


class WorkspaceCreateSerializer(serializers.Serializer):
    """A new workspace: the theme it works on, its title and goal statement (Markdown)."""

    theme_key = serializers.CharField(max_length=64)
    title = serializers.CharField(max_length=200)
    goal = serializers.CharField(max_length=5000, allow_blank=True, required=False, default="")


class MemberChoiceSerializer(serializers.Serializer):
    """The member a facilitator invites or lets in."""

    user_id = serializers.IntegerField(min_value=1, max_value=2 ** 31 - 1)


class InvitationSerializer(serializers.Serializer):
    """The member a facilitator invites: by ``user_id`` or by ``username`` (one of them)."""

    user_id = serializers.IntegerField(min_value=1, max_value=2 ** 31 - 1, required=False)
    username = serializers.CharField(max_length=150, required=False)

    def validate(self, attrs):
        if not attrs.get("user_id") and not attrs.get("username"):
            raise serializers.ValidationError({"username": [_("Name the member to invite.")]})
        return attrs


class DiscussionQuerySerializer(serializers.Serializer):
    page = serializers.IntegerField(required=False, min_value=1, max_value=2 ** 31 - 1)


class WorkspacePostSerializer(serializers.Serializer):
    """A post in the workspace's discussion, or with ``parent_id`` a reply."""

    body = serializers.CharField(max_length=10000)
    parent_id = serializers.UUIDField(required=False, allow_null=True, default=None)


class AttachmentCreateSerializer(serializers.Serializer):
    """A toolbox resource to attach, by its uuid."""

    resource_uuid = serializers.UUIDField()


class AttachmentChoiceSerializer(serializers.Serializer):
    """Whether the attachment goes with the published outcome."""

    for_outcome = serializers.BooleanField()


class AttachableQuerySerializer(serializers.Serializer):
    search = serializers.CharField(required=False, allow_blank=True, max_length=200, default="")


class TeamLinkSerializer(serializers.Serializer):
    """The Open edX team the workspace stands for; empty to unlink it."""

    team_id = serializers.CharField(max_length=255, allow_blank=True)


class WorkspaceStateSerializer(serializers.Serializer):
    state = serializers.ChoiceField(choices=[(state, state) for state in api.WORKSPACE_STATES])


class WorkspaceVisibilitySerializer(serializers.Serializer):
    """Whether the whole course community may read the workspace's work."""

    community_readable = serializers.BooleanField()


class NoticesSerializer(serializers.Serializer):
    """Whether the person receives this workspace's e-mail notices."""

    enabled = serializers.BooleanField()


class DocumentSaveSerializer(serializers.Serializer):
    """The member's text, edited from revision ``base_revision`` (0 before the first save)."""

    base_revision = serializers.IntegerField(min_value=0, max_value=2 ** 31 - 1)
    text = serializers.CharField(max_length=200_000, allow_blank=True, trim_whitespace=False)
    # Only from a page that kept typing while its last save was on the way: the text that save sent.
    base_text = serializers.CharField(max_length=200_000, allow_blank=True, trim_whitespace=False, required=False,
                                      allow_null=True, default=None)


class CompareQuerySerializer(serializers.Serializer):
    older = serializers.IntegerField(min_value=0, max_value=2 ** 31 - 1)
    newer = serializers.IntegerField(min_value=0, max_value=2 ** 31 - 1)


class TaskCreateSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=200)
    assignee_id = serializers.IntegerField(min_value=1, max_value=2 ** 31 - 1, required=False, allow_null=True,
                                           default=None)
    due = serializers.DateField(required=False, allow_null=True, default=None)


class TaskUpdateSerializer(serializers.Serializer):
    """What changes of a task; fields left out stay as they are."""

    title = serializers.CharField(max_length=200, required=False)
    state = serializers.ChoiceField(choices=[(state, state) for state in api.WORKSPACE_TASK_STATES], required=False)
    assignee_id = serializers.IntegerField(min_value=1, max_value=2 ** 31 - 1, required=False, allow_null=True)
    due = serializers.DateField(required=False, allow_null=True)


class WorkspaceOutcomeSerializer(serializers.Serializer):
    """The outcome's licence (a toolbox licence code) and a description above the members' credit."""

    licence = serializers.ChoiceField(choices=[(code, code) for code, _label in api.LICENCES])
    description = serializers.CharField(max_length=5000, allow_blank=True, required=False, default="")


class PublishedOutcomeSerializer(serializers.Serializer):
    resource_uuid = serializers.CharField()


# Response bodies: the shapes of ``workspaces.data`` values, as the views answer with them.

class ThemeSerializer(serializers.Serializer):
    key = serializers.CharField()
    title = serializers.CharField()
    description = serializers.CharField(allow_blank=True)
    topic = serializers.CharField(allow_blank=True)
    sector = serializers.CharField(allow_blank=True)
    starts = serializers.DateField(allow_null=True)
    ends = serializers.DateField(allow_null=True)
    max_size = serializers.IntegerField()
    join_rule = serializers.CharField()
    members_create = serializers.BooleanField()


class WorkspaceMemberSerializer(serializers.Serializer):
    user_id = serializers.IntegerField()
    name = serializers.CharField(allow_blank=True)
    country = serializers.CharField(allow_blank=True)
    organisation_type = serializers.CharField(allow_blank=True)
    is_facilitator = serializers.BooleanField()


class PendingPersonSerializer(serializers.Serializer):
    """Someone waiting: ``status`` "requested" (asked to join) or "invited"."""

    user_id = serializers.IntegerField()
    name = serializers.CharField(allow_blank=True)
    status = serializers.CharField()


class WorkspaceSerializer(serializers.Serializer):
    """A workspace as the requester sees it: ``role`` is theirs, ``goal_html`` the goal made safe to show."""

    uuid = serializers.CharField()
    theme_key = serializers.CharField()
    title = serializers.CharField()
    goal = serializers.CharField(allow_blank=True)
    goal_html = serializers.SerializerMethodField()
    state = serializers.CharField()
    community_readable = serializers.BooleanField()
    member_count = serializers.IntegerField()
    max_size = serializers.IntegerField()
    join_rule = serializers.CharField()
    members = WorkspaceMemberSerializer(many=True)
    role = serializers.CharField(allow_blank=True)
    can_read = serializers.BooleanField()
    can_write = serializers.BooleanField()
    can_manage = serializers.BooleanField()
    created = serializers.DateTimeField(allow_null=True)
    email_notices = serializers.BooleanField()
    pending = PendingPersonSerializer(many=True, help_text="Who waits: for the facilitator and staff only.")
    team_id = serializers.CharField(allow_blank=True)
    team_name = serializers.CharField(allow_blank=True)

    def get_goal_html(self, workspace) -> str:
        return str(api.render_markdown(workspace.goal))


class ThemeWithWorkspacesSerializer(serializers.Serializer):
    theme = ThemeSerializer()
    workspaces = WorkspaceSerializer(many=True)
    can_create = serializers.BooleanField()


class ThemeListSerializer(serializers.Serializer):
    results = ThemeWithWorkspacesSerializer(many=True)


class DocumentSerializer(serializers.Serializer):
    """The document's text as written, as safe HTML, its revision and how many conflict blocks it holds."""

    workspace_uuid = serializers.CharField()
    text = serializers.CharField(allow_blank=True, trim_whitespace=False)
    html = serializers.SerializerMethodField()
    revision = serializers.IntegerField()
    conflicts = serializers.IntegerField()
    modified = serializers.DateTimeField(allow_null=True)

    def get_html(self, document) -> str:
        return str(api.render_markdown(document.text))


class SavedDocumentSerializer(serializers.Serializer):
    document = DocumentSerializer()
    merged = serializers.BooleanField()
    conflicts = serializers.IntegerField()


class LatestRevisionSerializer(serializers.Serializer):
    revision = serializers.IntegerField()


class RevisionSerializer(serializers.Serializer):
    number = serializers.IntegerField()
    author_name = serializers.CharField(allow_blank=True)
    created = serializers.DateTimeField(allow_null=True)
    base = serializers.IntegerField()
    conflicts = serializers.IntegerField()


RevisionPageSerializer = page_of(RevisionSerializer, "RevisionPage")


class DiffLineSerializer(serializers.Serializer):
    kind = serializers.CharField()
    text = serializers.CharField(allow_blank=True, trim_whitespace=False)


class ComparisonSerializer(serializers.Serializer):
    older = serializers.IntegerField()
    newer = serializers.IntegerField()
    lines = DiffLineSerializer(many=True)


class TaskSerializer(serializers.Serializer):
    uuid = serializers.CharField()
    title = serializers.CharField()
    state = serializers.CharField()
    assignee_id = serializers.IntegerField(allow_null=True)
    assignee_name = serializers.CharField(allow_blank=True)
    due = serializers.DateField(allow_null=True)


class TaskListSerializer(serializers.Serializer):
    results = TaskSerializer(many=True)


class ActivitySerializer(serializers.Serializer):
    kind = serializers.CharField()
    who = serializers.CharField(allow_blank=True)
    what = serializers.CharField()
    when = serializers.DateTimeField(allow_null=True)


class ActivityListSerializer(serializers.Serializer):
    results = ActivitySerializer(many=True)


class AttachmentSerializer(serializers.Serializer):
    """An attached resource; ``available`` false: the toolbox no longer shows it to the requester."""

    resource_uuid = serializers.CharField()
    title = serializers.CharField()
    added_by_name = serializers.CharField(allow_blank=True)
    for_outcome = serializers.BooleanField()
    available = serializers.BooleanField()
    created = serializers.DateTimeField(allow_null=True)


class AttachmentListSerializer(serializers.Serializer):
    results = AttachmentSerializer(many=True)


class AttachableSerializer(serializers.Serializer):
    resource_uuid = serializers.CharField()
    title = serializers.CharField()
    resource_type = serializers.CharField()
    in_community_library = serializers.BooleanField()
    attached = serializers.BooleanField()


class AttachableListSerializer(serializers.Serializer):
    results = AttachableSerializer(many=True)
