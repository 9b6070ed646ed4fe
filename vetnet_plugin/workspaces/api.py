"""The public API of the themed workspaces (Collaboration)."""
from .activity import list_activity
from .attachments import (
    attach_resource,
    choose_for_outcome,
    detach_resource,
    find_attachable_resources,
    list_attachments,
)
from .board import create_task, list_tasks, update_task
from .commissioned import open_commissioned_workspace, seat_commissioned_member
from .contributions import count_workspace_contributions, count_workspace_invitations, count_workspace_tasks_due
from .data import JOIN_RULES as WORKSPACE_JOIN_RULES
from .data import STATES as WORKSPACE_STATES
from .data import TASK_STATES as WORKSPACE_TASK_STATES
from .data import (
    AttachableResource,
    BoardTask,
    DocumentComparison,
    DocumentDiffLine,
    SavedDocument,
    SharedDocument,
    SharedDocumentRevision,
    ThemeWithWorkspaces,
    Workspace,
    WorkspaceActivity,
    WorkspaceAttachment,
    WorkspaceMember,
    WorkspacePendingPerson,
    WorkspaceThemeSettings,
)
from .discussion import get_workspace_discussion, post_in_workspace
from .documents import compare_revisions, get_document, latest_revision, list_revisions, save_document
from .outcome import publish_outcome
from .report import count_workspaces
from .retirement import retire_workspace_member
from .teams import link_team as link_workspace_team
from .teams import team_workspace
from .teams import teams_available as workspace_teams_available
from .themes import check_themes as check_workspace_themes
from .themes import configure_workspace_themes
from .workspaces import (
    approve_join_request,
    create_workspace,
    get_workspace,
    invite_to_workspace,
    join_workspace,
    leave_workspace,
    list_themes,
    record_visit,
    set_community_readable,
    set_workspace_notices,
    set_workspace_state,
)

__all__ = [
    "WORKSPACE_JOIN_RULES",
    "WORKSPACE_STATES",
    "WORKSPACE_TASK_STATES",
    "AttachableResource",
    "BoardTask",
    "DocumentComparison",
    "DocumentDiffLine",
    "SavedDocument",
    "SharedDocument",
    "SharedDocumentRevision",
    "ThemeWithWorkspaces",
    "Workspace",
    "WorkspaceActivity",
    "WorkspaceAttachment",
    "WorkspaceMember",
    "WorkspacePendingPerson",
    "WorkspaceThemeSettings",
    "approve_join_request",
    "attach_resource",
    "check_workspace_themes",
    "choose_for_outcome",
    "compare_revisions",
    "configure_workspace_themes",
    "count_workspaces",
    "count_workspace_contributions",
    "count_workspace_invitations",
    "count_workspace_tasks_due",
    "create_task",
    "create_workspace",
    "detach_resource",
    "find_attachable_resources",
    "get_document",
    "get_workspace",
    "get_workspace_discussion",
    "invite_to_workspace",
    "join_workspace",
    "latest_revision",
    "leave_workspace",
    "link_workspace_team",
    "list_activity",
    "list_attachments",
    "list_revisions",
    "list_tasks",
    "list_themes",
    "post_in_workspace",
    "open_commissioned_workspace",
    "publish_outcome",
    "record_visit",
    "retire_workspace_member",
    "save_document",
    "seat_commissioned_member",
    "set_community_readable",
    "set_workspace_notices",
    "set_workspace_state",
    "update_task",
    "team_workspace",
    "workspace_teams_available",
]
