"""
Retirement: a member leaves every workspace and is unlinked from their saves,
tasks and attachments (their posts in its discussion retire with the
discussion core); the shared text stays, as the other members' work depends on it.
"""
from django.db import transaction

from .models import DocumentRevision, Workspace, WorkspaceAttachment, WorkspaceMembership, WorkspaceTask


def retire_workspace_member(*, user_id: int) -> None:
    """Remove the member's memberships, unlink their revisions and tasks (idempotent)."""
    with transaction.atomic():
        WorkspaceMembership.objects.filter(user_id=user_id).delete()
        DocumentRevision.objects.filter(author_id=user_id).update(author=None)
        WorkspaceTask.objects.filter(assignee_id=user_id).update(assignee=None)
        WorkspaceTask.objects.filter(created_by_id=user_id).update(created_by=None)
        WorkspaceAttachment.objects.filter(added_by_id=user_id).update(added_by=None)
        # A goal written alone by a workspace's facilitator is theirs: it goes with them.
        Workspace.objects.filter(facilitator_id=user_id).update(facilitator=None, goal="")
