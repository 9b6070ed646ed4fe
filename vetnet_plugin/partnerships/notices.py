"""Notices are sent by a Celery task after the change that caused them has committed."""
from django.db import transaction

from ..conf import setting
from .tasks import send_partnership_notice


def notify_on_commit(kind: str, *, partnership_id: int, user_id: int) -> None:
    queue = setting("VETNET_CELERY_QUEUE")
    options = {"queue": queue} if queue else {}
    kwargs = {"kind": kind, "partnership_id": partnership_id, "user_id": user_id}
    transaction.on_commit(lambda: send_partnership_notice.apply_async(kwargs=kwargs, **options))
