"""
Celery tasks of the discussion core. Thin: each one calls a discussion service.
"""
from celery import shared_task

from . import digests


@shared_task(name="vetnet.send_discussion_digests", ignore_result=True)
def send_discussion_digests() -> int:
    """Periodic (hourly by the beat schedule): e-mail each due follower the new posts of the threads they follow."""
    return digests.send_discussion_digests()
