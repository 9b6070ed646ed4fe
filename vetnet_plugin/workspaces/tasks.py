"""
Celery tasks of the workspaces. Thin: each one calls a mailing service.
"""
from celery import shared_task

from . import mailing


@shared_task(name="vetnet.send_workspace_notice", ignore_result=True)
def send_workspace_notice(kind: str, workspace_id: int, user_id: int, task_id: int | None = None) -> bool:
    """E-mail one workspace notice (invitation, join request, assignment), unless its reader opted out."""
    return mailing.send_workspace_notice(kind=kind, workspace_id=workspace_id, user_id=user_id, task_id=task_id)


@shared_task(name="vetnet.send_workspace_due_reminders", ignore_result=True)
def send_workspace_due_reminders() -> int:
    """Periodic (hourly by the beat schedule): remind assignees, once, of unfinished tasks due tomorrow."""
    return mailing.send_due_date_reminders()
