"""The public API of the themed workspaces (Collaboration)."""
from .activity import list_activity
from .board import create_task, list_tasks, update_task
from .contributions import count_workspace_contributions, count_workspace_invitations, count_workspace_tasks_due
from .data import JOIN_RULES as WORKSPACE_JOIN_RULES
from .data import STATES as WORKSPACE_STATES
from .data import TASK_STATES as WORKSPACE_TASK_STATES
from .data import (
    BoardTask,
    DocumentComparison,
    DocumentDiffLine,
    SavedDocument,
    SharedDocument,
    SharedDocumentRevision,
    ThemeWithWorkspaces,
    Workspace,
    WorkspaceActivity,
    WorkspaceMember,
    WorkspaceThemeSettings,
)
from .documents import compare_revisions, get_document, latest_revision, list_revisions, save_document
from .outcome import publish_outcome
from .retirement import retire_workspace_member
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
    "BoardTask",
    "DocumentComparison",
    "DocumentDiffLine",
    "SavedDocument",
    "SharedDocument",
    "SharedDocumentRevision",
    "ThemeWithWorkspaces",
    "Workspace",
    "WorkspaceActivity",
    "WorkspaceMember",
    "WorkspaceThemeSettings",
    "approve_join_request",
    "check_workspace_themes",
    "compare_revisions",
    "configure_workspace_themes",
    "count_workspace_contributions",
    "count_workspace_invitations",
    "count_workspace_tasks_due",
    "create_task",
    "create_workspace",
    "get_document",
    "get_workspace",
    "invite_to_workspace",
    "join_workspace",
    "latest_revision",
    "leave_workspace",
    "list_activity",
    "list_revisions",
    "list_tasks",
    "list_themes",
    "publish_outcome",
    "record_visit",
    "retire_workspace_member",
    "save_document",
    "set_community_readable",
    "set_workspace_notices",
    "set_workspace_state",
    "update_task",
]
