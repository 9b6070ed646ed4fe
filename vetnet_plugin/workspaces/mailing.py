"""
E-mail notices of a workspace: an invitation, a request to join (to the
facilitator), a task assigned, a task due tomorrow. A person who turned a
workspace's notices off gets none about it; nobody gets mail without an address.
"""
from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.utils import timezone
from django.utils.translation import gettext as _

from ..conf import setting
from ..core.access import display_name
from .models import Workspace, WorkspaceMembership, WorkspaceTask

KINDS = ("invitation", "join_request", "assignment", "due")


def _recipient(workspace: Workspace, kind: str, user_id: int):
    recipient_id = workspace.facilitator_id if kind == "join_request" else user_id
    row = WorkspaceMembership.objects.filter(workspace=workspace, user_id=recipient_id).select_related("user").first()
    if row is None or not row.email_notices or not row.user.is_active or not row.user.email:
        return None
    return row.user


def _message(kind: str, workspace: Workspace, user_id: int, task) -> tuple[str, str]:
    title = workspace.title
    if kind == "invitation":
        return (_("You are invited to the workspace “{title}”").format(title=title),
                _("You are invited to join the workspace “{title}”. Open the course to accept.").format(title=title))
    if kind == "join_request":
        asking = WorkspaceMembership.objects.filter(workspace=workspace, user_id=user_id).select_related("user").first()
        name = display_name(asking.user) if asking else ""
        return (_("{name} asks to join “{title}”").format(name=name, title=title),
                _("{name} asks to join the workspace “{title}”. Open the course to let them in.").format(
                    name=name, title=title))
    if kind == "assignment":
        return (_("A task for you in “{title}”").format(title=title),
                _("You have been given the task “{task}” in the workspace “{title}”.").format(
                    task=task.title, title=title))
    return (_("A task is due tomorrow in “{title}”").format(title=title),
            _("The task “{task}” in the workspace “{title}” is due on {due}.").format(
                task=task.title, title=title, due=task.due.isoformat()))


def send_workspace_notice(*, kind: str, workspace_id: int, user_id: int, task_id: int | None = None) -> bool:
    """Send one notice; False when it is not sent (opted out, no address, gone)."""
    workspace = Workspace.objects.filter(pk=workspace_id).first()
    if kind not in KINDS or workspace is None:
        return False
    task = WorkspaceTask.objects.filter(pk=task_id, workspace=workspace).first() if task_id else None
    if kind in ("assignment", "due") and task is None:
        return False
    recipient = _recipient(workspace, kind, user_id)
    if recipient is None:
        return False
    subject, body = _message(kind, workspace, user_id, task)
    sender = setting("VETNET_DIGEST_FROM_EMAIL") or settings.DEFAULT_FROM_EMAIL
    send_mail(subject, body, sender, [recipient.email])
    return True


def send_due_date_reminders() -> int:
    """Remind each assignee once of an unfinished task due tomorrow; returns how many reminders went out."""
    tomorrow = timezone.localdate() + timedelta(days=1)
    sent = 0
    due = WorkspaceTask.objects.filter(due=tomorrow, assignee__isnull=False).exclude(state=WorkspaceTask.DONE).exclude(
        reminded_for=tomorrow).exclude(workspace__state=Workspace.ARCHIVED)
    for task in due.select_related("workspace"):
        # Marked first: a worker that runs twice sends one reminder.
        if WorkspaceTask.objects.filter(pk=task.pk).exclude(reminded_for=tomorrow).update(reminded_for=tomorrow):
            sent += send_workspace_notice(kind="due", workspace_id=task.workspace_id, user_id=task.assignee_id,
                                          task_id=task.pk)
    return sent

