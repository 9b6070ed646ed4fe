"""Celery tasks of the partnerships. Thin: each one calls a mailing service."""
from celery import shared_task

from . import mailing


@shared_task(name="vetnet.send_partnership_notice", ignore_result=True)
def send_partnership_notice(kind: str, partnership_id: int, user_id: int) -> bool:
    """E-mail one partnership notice (invitation, answer, formed), unless its reader opted out."""
    return mailing.send_partnership_notice(kind=kind, partnership_id=partnership_id, user_id=user_id)
