"""
Celery tasks of VETNet. Thin: each one calls ``vetnet_plugin.api``.

They are ``shared_task``s, so they run on the platform's own Celery app; the
queue comes from ``VETNET_CELERY_QUEUE`` when the caller enqueues them.
"""
from celery import shared_task

from . import api


@shared_task(name="vetnet.scan_resource_version", acks_late=True)
def scan_resource_version(version_uuid: str) -> str:
    """Run the upload scanner over a newly stored toolbox file, then release or block it."""
    return api.scan_resource_version(version_uuid=version_uuid)


@shared_task(name="vetnet.send_discussion_digests", ignore_result=True)
def send_discussion_digests() -> int:
    """Periodic (hourly by the beat schedule): e-mail each due follower the new posts of the threads they follow."""
    return api.send_discussion_digests()
