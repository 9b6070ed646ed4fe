"""Notices are sent by a Celery task after the change that caused them has committed."""
from django.db import transaction

from ..conf import setting
from .tasks import send_workspace_notice


def notify_on_commit(kind: str, *, workspace_id: int, user_id: int, task_id: int | None = None) -> None:
    queue = setting("VETNET_CELERY_QUEUE")
    options = {"queue": queue} if queue else {}
    kwargs = {"kind": kind, "workspace_id": workspace_id, "user_id": user_id, "task_id": task_id}
    transaction.on_commit(lambda: send_workspace_notice.apply_async(kwargs=kwargs, **options))
